#pragma once

#include <QtGlobal>

#include <vector>

namespace weft {

// "More like this" with average query expansion (seed 002's QE; Chum et al.,
// "Total Recall", 2007): the query's first matches are taken as more of the same,
// and what comes after them is ranked by the mean of the query and those matches,
// which finds members of the query's kind that the query alone ranks low.
//
// The first matches keep their places: re-ranked too, they lost top-5 on
// fashion-texture (0.916 -> 0.891), since where the first matches are of another
// kind the mean leans their way. Kept, the first five are as before and mAP rises on
// every class set (docs/BENCHMARKS.md, "More like this, with query expansion").
namespace QueryExpansion {

// How many first matches expand the query, and keep their places. Five held on all
// three class sets; ten lost on Brodatz and USPTex, whose classes have 12 to 16.
constexpr int kFirstMatches = 5;

// The unit-length mean of `query` and the fingerprints of its first matches (each
// taken at unit length, so none counts for more than one). Vectors of another length
// than the query's, or all zero, are left out.
std::vector<float> expandedQuery(const std::vector<float>& query, const std::vector<std::vector<float>>& firstMatches);

// The ranking as shown: the first kFirstMatches ids of `first`, then the ids of
// `expanded` (the expanded query's ranking) that are not among them, in its order.
std::vector<qint64> expandedOrder(const std::vector<qint64>& first, const std::vector<qint64>& expanded);

}  // namespace QueryExpansion
}  // namespace weft
