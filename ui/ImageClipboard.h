#pragma once

#include <QObject>

namespace weft {
namespace ui {

// Puts an image file on the clipboard as the picture itself, its file URL and its
// path: an image editor pastes the picture, a file manager the file, a text field
// the path. The file is decoded on a worker thread; of several copies in a row,
// the last one asked for is the one that lands.
class ImageClipboard : public QObject {
    Q_OBJECT
public:
    explicit ImageClipboard(QObject* parent = nullptr);

    void copy(const QString& path);

signals:
    void copied(const QString& path);
    void failed(const QString& message);

private:
    quint64 m_latest = 0;
};

}  // namespace ui
}  // namespace weft
