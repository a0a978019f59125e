#pragma once

#include "core/eval/Metrics.h"
#include "core/eval/SwatchSet.h"

#include <QString>

#include <vector>

namespace weft {

class FeatureExtractor;
class Library;
class ProgressObserver;

// The queries of one kind of photo (issue 11): turned 0-15, 15-45, 45-135 or 135-180
// degrees from upright; mirrored or not; zoomed < 0.7, 0.7-1.4 or > 1.4.
struct PhotoBucket {
    QString name;                    // "turn 45-135", "mirrored", "zoom > 1.4", ...
    QualitySummary quality;
};

struct SwatchEvaluationReport {
    QualitySummary quality;          // top-1, top-5 and MRR are the protocol's numbers
    std::vector<PhotoBucket> buckets;   // the same queries by turn, mirror and zoom; empty buckets left out
    struct QueryRank {
        int item = 0;                // index into the set's items
        int rank = 0;                // where its source came, 1-based; 0 = not ranked
    };
    std::vector<QueryRank> ranks;    // per query, to see which photos fail
    int libraryImages = 0;           // the set's library images with a fingerprint: what each query is ranked against
    int unusableLibraryImages = 0;   // the set's library images without one (failed to index); their queries are left out
    int unusableQueries = 0;         // query files that failed to decode or fingerprint
    double hnswRecallAt10 = 0;       // HNSW top-10 against the exact top-10 of the library index, over the same queries
    bool stopped = false;            // the observer asked to stop; the numbers cover the queries done
};

// Swatch-lookup protocol (shared/datasets/README.md). The set's library images must
// already be indexed in `library` (the eval command scans <set>/library). Each query is
// decoded with ImageDecoder and fingerprinted with `extractor` in each of its readings, then ranked exactly
// (dot products over the full list, by the swatch as photographed, as QueryEngine::search) against the catalog fingerprints of the set's
// library images, its best verifyDepth (MethodConfig) and those of its every reading then re-ordered by their
// second look (SwatchReranking.h, as QueryEngine::refine); relevant = its own source image only. maxQueries > 0 uses that many
// queries, spread evenly over the set (the library stays whole).
SwatchEvaluationReport evaluateSwatches(Library& library, const FeatureExtractor& extractor, const SwatchSet& set,
                                        int maxQueries = 0, ProgressObserver* observer = nullptr);

}  // namespace weft
