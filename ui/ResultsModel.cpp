#include "ui/ResultsModel.h"

#include "ui/ResultDelegate.h"
#include "ui/ThumbnailProvider.h"

#include <QFileInfo>

namespace weft {
namespace ui {

ResultsModel::ResultsModel(ThumbnailProvider* thumbnails, QObject* parent) : ThumbnailListModel(thumbnails, parent) {}

void ResultsModel::setMatches(const QList<Match>& matches)
{
    beginResetModel();
    forgetRows();
    m_matches = matches;
    for (int row = 0; row < m_matches.size(); ++row)
        placeRow(m_matches[row].path, row);
    endResetModel();
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
    case ResultDelegate::CaptionRole:
        return tr("#%1  %2").arg(match.rank).arg(double(match.score), 0, 'f', 3);
    case Qt::ToolTipRole:
        return tr("%1\nRank %2, score %3").arg(match.path).arg(match.rank).arg(double(match.score), 0, 'f', 3);
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
    default:
        return {};
    }
}

}  // namespace ui
}  // namespace weft
