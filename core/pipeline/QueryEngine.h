#pragma once

#include "core/features/FeatureExtractor.h"
#include "core/pipeline/Library.h"

#include <vector>

namespace weft {

struct Match {
    qint64 imageId = 0;
    QString path;
    float score = 0;   // cosine similarity of fingerprints, higher = more similar
    int rank = 0;      // 1-based
};

// Answers "which library images look like this one?". Safe to use while an
// Indexer adds to the same library from another thread (it reads the index under
// the library's shared lock).
class QueryEngine {
public:
    QueryEngine(Library& library, const FeatureExtractor& extractor);

    std::vector<Match> search(const QImage& rgb, int top) const;
    std::vector<Match> searchFingerprint(const std::vector<float>& fingerprint, int top) const;

private:
    Library& m_library;
    const FeatureExtractor& m_extractor;
};

}  // namespace weft
