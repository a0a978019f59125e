#pragma once

#include <QDialog>
#include <QImage>

class QLabel;

namespace weft {
namespace ui {

// The window of a quick look (QuickLook): one image, fitted to the window on a
// dark ground, with its path and size under it.
class QuickLookWindow : public QDialog {
    Q_OBJECT
public:
    explicit QuickLookWindow(QWidget* parent = nullptr);

    // `preview` (the thumbnail) stands in until setImage() brings the image itself.
    void showLoading(const QString& path, const QImage& preview);
    void setImage(const QImage& image, const QSize& originalSize);
    void setError(const QString& message);
    QString path() const { return m_path; }
    QString caption() const;

private:
    class Picture;
    Picture* m_picture;
    QLabel* m_caption;
    QString m_path;
};

}  // namespace ui
}  // namespace weft
