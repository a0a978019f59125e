#include "core/eval/Metrics.h"

#include <algorithm>

namespace weft {

RankingQuality rankingQuality(const std::vector<bool>& relevant, int relevantTotal)
{
    RankingQuality quality;
    int hits = 0;
    double precisionSum = 0;
    for (std::size_t i = 0; i < relevant.size(); ++i) {
        if (!relevant[i])
            continue;
        ++hits;
        precisionSum += double(hits) / double(i + 1);
        if (hits == 1)
            quality.reciprocalRank = 1.0 / double(i + 1);
        if (int(i) < 5)
            quality.precisionAt5 += 0.2;
        if (int(i) < relevantTotal)
            quality.rPrecision += 1.0 / relevantTotal;
    }
    quality.averagePrecision = relevantTotal > 0 ? precisionSum / relevantTotal : 0;
    quality.topOneRelevant = !relevant.empty() && relevant.front();
    return quality;
}

void QualityAccumulator::add(const RankingQuality& quality)
{
    ++m_sum.queries;
    m_sum.meanAveragePrecision += quality.averagePrecision;
    m_sum.topOne += quality.topOneRelevant ? 1 : 0;
    m_sum.topFive += quality.reciprocalRank >= 0.2 ? 1 : 0;  // first relevant item within rank 5
    m_sum.precisionAt5 += quality.precisionAt5;
    m_sum.rPrecision += quality.rPrecision;
    m_sum.meanReciprocalRank += quality.reciprocalRank;
}

QualitySummary QualityAccumulator::summary() const
{
    QualitySummary mean = m_sum;
    if (mean.queries == 0)
        return mean;
    const double n = mean.queries;
    mean.meanAveragePrecision /= n;
    mean.topOne /= n;
    mean.topFive /= n;
    mean.precisionAt5 /= n;
    mean.rPrecision /= n;
    mean.meanReciprocalRank /= n;
    return mean;
}

}  // namespace weft
