#include "ui/ResultsModel.h"

#include "ui/ResultDelegate.h"
#include "ui/ThumbnailProvider.h"

#include "core/imaging/ImageDecoder.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeData>
#include <QUrl>

namespace weft {
namespace ui {

namespace {

const QString kImageType = QStringLiteral("application/x-qt-image");

// The files' URLs and paths at once; the picture is decoded only when the
// receiving application asks for it rather than the file (which file managers
// and image editors do not), as decoding a large scan takes a while.
class MatchMimeData : public QMimeData {
public:
    explicit MatchMimeData(const QString& path) : m_path(path)
    {
        setUrls({QUrl::fromLocalFile(path)});
        setText(QDir::toNativeSeparators(path));
    }

    QStringList formats() const override { return QMimeData::formats() << kImageType; }

protected:
    QVariant retrieveData(const QString& type, QMetaType preferred) const override
    {
        if (type != kImageType)
            return QMimeData::retrieveData(type, preferred);
        DecodeOptions fullSize;
        fullSize.maxSide = 0;
        try {
            return ImageDecoder::decode(m_path, fullSize).image;
        } catch (const Error& error) {
            qWarning("%s", error.what());   // the receiver gets the file instead
            return {};
        }
    }

private:
    QString m_path;
};

}  // namespace

ResultsModel::ResultsModel(ThumbnailProvider* thumbnails, QObject* parent) : ThumbnailListModel(thumbnails, parent) {}

void ResultsModel::setMatches(const QList<Match>& matches, Listing listing)
{
    beginResetModel();
    forgetRows();
    m_matches.clear();
    m_listing = listing;
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
        placeRow(match.path, int(m_matches.size()));
        m_matches.append(match);
    }
}

void ResultsModel::setFavourites(const QSet<qint64>& imageIds)
{
    m_favourites = imageIds;
    if (!m_matches.isEmpty())
        emit dataChanged(index(0), index(int(m_matches.size()) - 1), {ResultDelegate::FavouriteRole});
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
    case ResultDelegate::CaptionRole:
        if (m_listing == Listing::Collection)
            return QFileInfo(QFileInfo(match.path).absolutePath()).fileName();   // the folder it is in
        return tr("#%1  %2").arg(match.rank).arg(double(match.score), 0, 'f', 3);
    case ResultDelegate::FavouriteRole:
        return m_favourites.contains(match.imageId);
    case Qt::DecorationRole:
        return thumbnails()->pixmap(match.path);
    case ThumbnailReadyRole:
        return !thumbnails()->thumbnail(match.path).isNull();
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

Qt::ItemFlags ResultsModel::flags(const QModelIndex& index) const
{
    return index.isValid() ? QAbstractListModel::flags(index) | Qt::ItemIsDragEnabled : QAbstractListModel::flags(index);
}

QStringList ResultsModel::mimeTypes() const
{
    return {QStringLiteral("text/uri-list"), QStringLiteral("text/plain"), kImageType};
}

QMimeData* ResultsModel::mimeData(const QModelIndexList& indexes) const
{
    // One match at a time: the grid selects one.
    for (const QModelIndex& index : indexes)
        if (index.isValid() && index.row() < m_matches.size())
            return new MatchMimeData(m_matches[index.row()].path);
    return nullptr;
}

Qt::DropActions ResultsModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

}  // namespace ui
}  // namespace weft
