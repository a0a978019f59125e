#pragma once

#include <vector>

namespace weft {

// Retrieval quality of one ranked list, given for each rank (best first) whether
// the item there is relevant, and how many relevant items exist in all.
struct RankingQuality {
    double averagePrecision = 0;   // seed paper 000 eq. 2-3: mean over relevant items of precision at their rank
    bool topOneRelevant = false;
    double precisionAt5 = 0;
    double rPrecision = 0;         // precision at R = number of relevant items ("average retrieval rate", P@15 Brodatz, P@11 USPTex)
    double reciprocalRank = 0;     // 1 / rank of the first relevant item, 0 if none
};

// `relevant` must cover the full ranking for averagePrecision to be exact; items
// not ranked count as never retrieved.
RankingQuality rankingQuality(const std::vector<bool>& relevant, int relevantTotal);

// Means over queries.
struct QualitySummary {
    int queries = 0;
    double meanAveragePrecision = 0;
    double topOne = 0;
    double topFive = 0;            // share of queries with a relevant item in the first five
    double precisionAt5 = 0;
    double rPrecision = 0;
    double meanReciprocalRank = 0;
};

class QualityAccumulator {
public:
    void add(const RankingQuality& quality);
    QualitySummary summary() const;

private:
    QualitySummary m_sum;
};

}  // namespace weft
