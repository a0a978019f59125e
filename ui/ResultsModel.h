#pragma once

#include "core/pipeline/QueryEngine.h"

#include "ui/ThumbnailListModel.h"

#include <QList>

namespace weft {
namespace ui {

// The ranked matches of the current query, best first.
class ResultsModel : public ThumbnailListModel {
    Q_OBJECT
public:
    enum Role { PathRole = Qt::UserRole + 1, ScoreRole, RankRole, ImageIdRole, ThumbnailReadyRole };

    explicit ResultsModel(ThumbnailProvider* thumbnails, QObject* parent = nullptr);

    void setMatches(const QList<Match>& matches);
    void clear();
    const QList<Match>& matches() const { return m_matches; }

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    QList<Match> m_matches;
};

}  // namespace ui
}  // namespace weft
