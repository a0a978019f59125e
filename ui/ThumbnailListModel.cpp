#include "ui/ThumbnailListModel.h"

#include "ui/ThumbnailProvider.h"

namespace weft {
namespace ui {

ThumbnailListModel::ThumbnailListModel(ThumbnailProvider* thumbnails, QObject* parent)
    : QAbstractListModel(parent), m_thumbnails(thumbnails)
{
    connect(m_thumbnails, &ThumbnailProvider::thumbnailReady, this, &ThumbnailListModel::onThumbnail);
    connect(m_thumbnails, &ThumbnailProvider::thumbnailFailed, this, &ThumbnailListModel::onThumbnail);
}

void ThumbnailListModel::placeRow(const QString& path, int row)
{
    m_rowOfPath.insert(path, row);
}

void ThumbnailListModel::forgetRows()
{
    m_thumbnails->clearQueue();
    m_rowOfPath.clear();
}

void ThumbnailListModel::onThumbnail(const QString& path)
{
    const auto found = m_rowOfPath.constFind(path);
    if (found == m_rowOfPath.constEnd())
        return;
    const QModelIndex changed = index(*found);
    emit dataChanged(changed, changed);
}

}  // namespace ui
}  // namespace weft
