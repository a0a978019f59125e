#include "ui/BrowseModel.h"

#include "ui/LibraryBackend.h"
#include "ui/ResultDelegate.h"
#include "ui/ThumbnailProvider.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>

namespace weft {
namespace ui {

BrowseModel::BrowseModel(LibraryBackend* backend, ThumbnailProvider* thumbnails, QObject* parent)
    : ThumbnailListModel(thumbnails, parent), m_backend(backend)
{
    connect(m_backend, &LibraryBackend::browsePageLoaded, this, &BrowseModel::onPage);
}

void BrowseModel::show(const QString& folder, ImageOrder order)
{
    beginResetModel();
    forgetRows();
    m_folder = folder;
    m_order = order;
    m_images.clear();
    m_total = -1;
    endResetModel();
    requestPage(0);
}

void BrowseModel::requestPage(int first)
{
    m_pending = m_backend->loadBrowsePage(m_folder, m_order, first, kPageSize);
}

void BrowseModel::onPage(const BrowsePage& page)
{
    if (page.requestId != m_pending)
        return;   // for a folder or order since left
    m_pending = 0;
    if (!page.error.isEmpty()) {
        emit failed(page.error);
        return;
    }
    const bool first = m_total < 0;
    m_total = page.total;
    if (!page.images.isEmpty()) {
        beginInsertRows({}, int(m_images.size()), int(m_images.size() + page.images.size()) - 1);
        for (const ImageRecord& image : page.images) {
            placeRow(image.path, int(m_images.size()));
            m_images.append(image);
        }
        endInsertRows();
    }
    if (first)
        emit totalKnown(m_total);
}

int BrowseModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_images.size());
}

bool BrowseModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_total > m_images.size();
}

void BrowseModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent) && m_pending == 0)
        requestPage(int(m_images.size()));
}

QVariant BrowseModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_images.size())
        return {};
    const ImageRecord& image = m_images[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return QFileInfo(image.path).fileName();
    case ResultDelegate::CaptionRole: {
        // What the images are sorted by comes first.
        const QLocale locale;
        const QString size = locale.formattedDataSize(image.size, 0, QLocale::DataSizeTraditionalFormat);
        const QString date = locale.toString(QDateTime::fromMSecsSinceEpoch(image.mtimeMs).date(), QLocale::ShortFormat);
        return m_order == ImageOrder::Largest ? tr("%1 · %2").arg(size, date) : tr("%1 · %2").arg(date, size);
    }
    case Qt::ToolTipRole: {
        const QLocale locale;
        return tr("%1\n%2, modified %3")
            .arg(QDir::toNativeSeparators(image.path), locale.formattedDataSize(image.size),
                 locale.toString(QDateTime::fromMSecsSinceEpoch(image.mtimeMs), QLocale::ShortFormat));
    }
    case Qt::DecorationRole:
        return thumbnails()->pixmap(image.path);
    case PathRole:
        return image.path;
    case ImageIdRole:
        return image.id;
    case SizeRole:
        return image.size;
    case ModifiedRole:
        return QDateTime::fromMSecsSinceEpoch(image.mtimeMs);
    default:
        return {};
    }
}

}  // namespace ui
}  // namespace weft
