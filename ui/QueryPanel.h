#pragma once

#include <QFrame>
#include <QImage>

class QLabel;

namespace weft {
namespace ui {

// The drop target: says where a swatch can come from and, once one is chosen,
// shows it. The whole window accepts drops; this panel lights up while a drag
// is over the window so the target is obvious.
class QueryPanel : public QFrame {
    Q_OBJECT
public:
    explicit QueryPanel(QWidget* parent = nullptr);

    // `pattern`: the query is a library image ("Find patterns like this"), not a swatch.
    void setQuery(const QImage& image, const QString& name, bool pattern = false);
    void setBusy(const QString& message);
    void setError(const QString& message);
    void setDragHighlighted(bool highlighted);
    bool showsError() const { return m_error; }
    QString caption() const;   // what it says about the swatch on show

signals:
    void openRequested();
    void pasteRequested();

private:
    void updateFrame();

    QLabel* m_picture;
    QLabel* m_caption;
    bool m_highlighted = false;
    bool m_error = false;
};

}  // namespace ui
}  // namespace weft
