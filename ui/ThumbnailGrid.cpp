#include "ui/ThumbnailGrid.h"

#include "ui/ResultDelegate.h"

namespace weft {
namespace ui {

ThumbnailGrid::ThumbnailGrid(QWidget* parent) : QListView(parent), m_delegate(new ResultDelegate(this))
{
    setItemDelegate(m_delegate);
    setViewMode(QListView::IconMode);
    setMovement(QListView::Static);
    setResizeMode(QListView::Adjust);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSpacing(4);
    setWordWrap(false);
    setContextMenuPolicy(Qt::CustomContextMenu);
    setDragEnabled(false);
}

void ThumbnailGrid::setThumbnailSize(int pixels)
{
    m_delegate->setThumbnailSize(pixels);
    setGridSize(m_delegate->cellSize(font()) + QSize(6, 6));
    doItemsLayout();
}

}  // namespace ui
}  // namespace weft
