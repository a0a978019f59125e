#include "ui/MatchPages.h"

#include <limits>

namespace weft {
namespace ui {

QList<Match> MatchPages::start(quint64 requestId, const std::vector<Match>& ranked, int count, float minScore)
{
    m_requestId = requestId;
    m_minScore = minScore;
    m_shown.clear();
    m_shownIds.clear();
    return append(ranked, count);
}

QList<Match> MatchPages::next(const std::vector<Match>& ranked, int count)
{
    return append(ranked, count);
}

QList<Match> MatchPages::append(const std::vector<Match>& ranked, int count)
{
    const float cap = m_shown.isEmpty() ? std::numeric_limits<float>::max() : m_shown.back().score;
    QList<Match> page;
    for (Match match : ranked) {
        if (int(page.size()) >= count)
            break;
        if (m_shownIds.contains(match.imageId))
            continue;
        match.score = std::min(match.score, cap);
        if (m_minScore > 0 && match.score < m_minScore)
            continue;
        match.rank = int(m_shown.size() + page.size()) + 1;
        page.append(match);
    }
    m_complete = int(page.size()) < count;
    for (const Match& match : std::as_const(page))
        m_shownIds.insert(match.imageId);
    m_shown += page;
    return page;
}

}  // namespace ui
}  // namespace weft
