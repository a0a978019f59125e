#pragma once

#include "core/pipeline/QueryEngine.h"

#include <QList>
#include <QSet>

#include <vector>

namespace weft {
namespace ui {

// The matches on show for the latest search, page after page as the user
// scrolls: each page continues with a longer search's matches that are not on
// show yet, in its order. Their scores are capped at the last shown one's, so
// that scores still fall with rank after the second look re-scored the first
// ones, and no match scoring below the cut-off is shown.
class MatchPages {
public:
    // The first page, of at most `count`, from `ranked` (best first); it replaces
    // whatever was on show. `minScore` <= 0: no cut-off.
    QList<Match> start(quint64 requestId, const std::vector<Match>& ranked, int count, float minScore);
    // The next page, of at most `count`, from `ranked`: a search for at least
    // shownCount() + count matches of the same query.
    QList<Match> next(const std::vector<Match>& ranked, int count);

    quint64 requestId() const { return m_requestId; }
    int shownCount() const { return int(m_shown.size()); }
    // No more matches (at or above the cut-off) than those on show: a page came
    // out shorter than asked for.
    bool complete() const { return m_complete; }

private:
    QList<Match> append(const std::vector<Match>& ranked, int count);

    quint64 m_requestId = 0;
    float m_minScore = 0;
    QList<Match> m_shown;
    QSet<qint64> m_shownIds;
    bool m_complete = true;
};

}  // namespace ui
}  // namespace weft
