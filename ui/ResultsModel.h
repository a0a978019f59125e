#pragma once

#include "core/pipeline/QueryEngine.h"

#include "ui/ThumbnailListModel.h"

#include <QList>
#include <QSet>

namespace weft {
namespace ui {

// The ranked matches of the current query, best first, or a collection's
// patterns; ResultDelegate's CaptionRole and FavouriteRole for the grid.
class ResultsModel : public ThumbnailListModel {
    Q_OBJECT
public:
    // WhereSwatchSitsRole: a QPolygonF in the match file's pixels, empty before the second look.
    enum Role { PathRole = Qt::UserRole + 1, ScoreRole, RankRole, ImageIdRole, ThumbnailReadyRole, WhereSwatchSitsRole };
    // What is on show: the matches of a search, ranked and scored, or the
    // patterns of a collection, which have neither.
    enum class Listing { Matches, Collection };

    explicit ResultsModel(ThumbnailProvider* thumbnails, QObject* parent = nullptr);

    void setMatches(const QList<Match>& matches, Listing listing = Listing::Matches);
    void appendMatches(const QList<Match>& matches);   // the next page, after those shown
    void clear();
    const QList<Match>& matches() const { return m_matches; }
    Listing listing() const { return m_listing; }
    void setFavourites(const QSet<qint64>& imageIds);
    bool isFavourite(qint64 imageId) const { return m_favourites.contains(imageId); }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // A match dragged out of the grid carries its file (a file manager copies it,
    // an image editor opens it) and, for applications that take pictures only,
    // the picture itself. Dragging copies; nothing is ever moved.
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    void addMatches(const QList<Match>& matches);
    QList<Match> m_matches;
    Listing m_listing = Listing::Matches;
    QSet<qint64> m_favourites;
};

}  // namespace ui
}  // namespace weft
