#pragma once

#include "core/pipeline/QueryEngine.h"

#include <QAbstractListModel>
#include <QHash>
#include <QList>
#include <QPixmap>

namespace weft {
namespace ui {

class ThumbnailProvider;

// The ranked matches of the current query, best first. Pictures come from the
// ThumbnailProvider: until a thumbnail is ready a row shows a placeholder, and
// dataChanged() announces it when it arrives.
class ResultsModel : public QAbstractListModel {
    Q_OBJECT
public:
    // WhereSwatchSitsRole: a QPolygonF in the match file's pixels, empty before the second look.
    enum Role { PathRole = Qt::UserRole + 1, ScoreRole, RankRole, ImageIdRole, ThumbnailReadyRole, WhereSwatchSitsRole };

    explicit ResultsModel(ThumbnailProvider* thumbnails, QObject* parent = nullptr);

    void setMatches(const QList<Match>& matches);
    void appendMatches(const QList<Match>& matches);   // the next page, after those shown
    void clear();
    const QList<Match>& matches() const { return m_matches; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    void addMatches(const QList<Match>& matches);
    void onThumbnailReady(const QString& path);
    QPixmap placeholder() const;

    ThumbnailProvider* m_thumbnails;
    QList<Match> m_matches;
    QHash<QString, int> m_rowOfPath;
};

}  // namespace ui
}  // namespace weft
