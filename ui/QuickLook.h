#pragma once

#include "ui/BackendTypes.h"

#include <QObject>

class QAbstractItemView;

namespace weft {
namespace ui {

class LibraryBackend;
class QuickLookWindow;

// A large preview of the current image of a grid of thumbnails, as file managers
// have it: Space opens and closes it, Left and Right go to the image before and
// after (the grid's cursor goes along), Esc closes. The image is decoded on the
// query thread; the thumbnail stands in meanwhile.
class QuickLook : public QObject {
    Q_OBJECT
public:
    // `pathRole`: where the grid's model keeps each image's path.
    QuickLook(QAbstractItemView* grid, LibraryBackend* backend, int pathRole);

    void open();
    QuickLookWindow* window() const { return m_window; }   // null until first opened

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showCurrent();
    void step(int rows);
    void onImageLoaded(const ViewImage& image);

    QAbstractItemView* m_grid;
    LibraryBackend* m_backend;
    int m_pathRole;
    QuickLookWindow* m_window = nullptr;
    quint64 m_pending = 0;
};

}  // namespace ui
}  // namespace weft
