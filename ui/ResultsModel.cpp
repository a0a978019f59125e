#include "ui/ResultsModel.h"

#include "ui/ThumbnailProvider.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>

namespace weft {
namespace ui {

ResultsModel::ResultsModel(ThumbnailProvider* thumbnails, QObject* parent) : QAbstractListModel(parent), m_thumbnails(thumbnails)
{
    connect(m_thumbnails, &ThumbnailProvider::thumbnailReady, this, [this](const QString& path) { onThumbnailReady(path); });
    connect(m_thumbnails, &ThumbnailProvider::thumbnailFailed, this, [this](const QString& path) { onThumbnailReady(path); });
}

void ResultsModel::setMatches(const QList<Match>& matches, Listing listing)
{
    beginResetModel();
    m_thumbnails->clearQueue();
    m_matches.clear();
    m_listing = listing;
    m_rowOfPath.clear();
    addMatches(matches);
    endResetModel();
}

void ResultsModel::appendMatches(const QList<Match>& matches)
{
    if (matches.isEmpty())
        return;
    const int first = int(m_matches.size());
    beginInsertRows({}, first, first + int(matches.size()) - 1);
    addMatches(matches);
    endInsertRows();
}

void ResultsModel::addMatches(const QList<Match>& matches)
{
    for (const Match& match : matches) {
        m_rowOfPath.insert(match.path, int(m_matches.size()));
        m_matches.append(match);
    }
}

void ResultsModel::setFavourites(const QSet<qint64>& imageIds)
{
    m_favourites = imageIds;
    if (!m_matches.isEmpty())
        emit dataChanged(index(0), index(int(m_matches.size()) - 1), {FavouriteRole});
}

void ResultsModel::clear()
{
    setMatches({});
}

int ResultsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_matches.size());
}

QVariant ResultsModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_matches.size())
        return {};
    const Match& match = m_matches[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return QFileInfo(match.path).fileName();
    case Qt::ToolTipRole:
        if (m_listing == Listing::Collection)
            return QDir::toNativeSeparators(match.path);
        return tr("%1\nRank %2, score %3").arg(match.path).arg(match.rank).arg(double(match.score), 0, 'f', 3);
    case CaptionRole:
        if (m_listing == Listing::Collection)
            return QFileInfo(QFileInfo(match.path).absolutePath()).fileName();   // the folder it is in
        return tr("#%1  %2").arg(match.rank).arg(double(match.score), 0, 'f', 3);
    case FavouriteRole:
        return m_favourites.contains(match.imageId);
    case Qt::DecorationRole: {
        const QImage image = m_thumbnails->thumbnail(match.path);
        return image.isNull() ? placeholder() : QPixmap::fromImage(image);
    }
    case ThumbnailReadyRole:
        return !m_thumbnails->thumbnail(match.path).isNull();
    case PathRole:
        return match.path;
    case ScoreRole:
        return double(match.score);
    case RankRole:
        return match.rank;
    case ImageIdRole:
        return match.imageId;
    case WhereSwatchSitsRole:
        return match.whereSwatchSits;
    default:
        return {};
    }
}

void ResultsModel::onThumbnailReady(const QString& path)
{
    const auto found = m_rowOfPath.constFind(path);
    if (found == m_rowOfPath.constEnd())
        return;
    const QModelIndex changed = index(*found);
    emit dataChanged(changed, changed, {Qt::DecorationRole, ThumbnailReadyRole});
}

QPixmap ResultsModel::placeholder() const
{
    static const QPixmap pixmap = [] {
        QPixmap blank(64, 64);
        blank.fill(QColor(0xe6, 0xe6, 0xe6));
        return blank;
    }();
    return pixmap;
}

}  // namespace ui
}  // namespace weft
