#pragma once

#include <QListView>

namespace weft {
namespace ui {

class ResultDelegate;

// A grid of thumbnails, the matches or a browsed folder, one cell per image
// (ResultDelegate) at the size the user picks.
class ThumbnailGrid : public QListView {
    Q_OBJECT
public:
    explicit ThumbnailGrid(QWidget* parent = nullptr);

    void setThumbnailSize(int pixels);

private:
    ResultDelegate* m_delegate;
};

}  // namespace ui
}  // namespace weft
