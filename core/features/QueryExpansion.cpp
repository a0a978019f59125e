#include "core/features/QueryExpansion.h"

#include "core/features/Pooling.h"

#include <algorithm>

namespace weft {
namespace QueryExpansion {

std::vector<float> expandedQuery(const std::vector<float>& query, const std::vector<std::vector<float>>& firstMatches)
{
    std::vector<float> sum;
    addNormalised(sum, query);
    for (const std::vector<float>& match : firstMatches)
        if (match.size() == query.size())
            addNormalised(sum, match);
    normaliseL2(sum);
    return sum;
}

std::vector<qint64> expandedOrder(const std::vector<qint64>& first, const std::vector<qint64>& expanded)
{
    std::vector<qint64> order(first.begin(), first.begin() + std::min<std::ptrdiff_t>(kFirstMatches, std::ptrdiff_t(first.size())));
    const std::vector<qint64> kept = order;
    for (const qint64 id : expanded)
        if (std::find(kept.begin(), kept.end(), id) == kept.end())
            order.push_back(id);
    return order;
}

}  // namespace QueryExpansion
}  // namespace weft
