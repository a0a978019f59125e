#pragma once

#include "core/features/FeatureExtractor.h"
#include "core/imaging/ImageDecoder.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Progress.h"

namespace weft {

struct IndexSummary {
    qint64 indexed = 0;         // got a fingerprint
    qint64 withComponents = 0;  // of them, looked at by the component detector
    qint64 failed = 0;
    qint64 remaining = 0;       // left for the next run when stopped
    bool stopped = false;
    double seconds = 0;
};

// Gives every catalog image that lacks a fingerprint of the library's method one,
// with its feature components, in one pass of one network run per image:
//
//   worker threads: decode → prepare (network input, colour, detector picture)
//   this thread:    the network, kBatch images per forward pass
//   worker threads: describe (pooling, components) while the next batch runs
//   this thread:    catalog + index (Library::storeFingerprint)
//
// Catalog writes are committed in batches; the index is checkpointed every few
// minutes and at the end (Library::saveIndexIfDue / saveIndex). An interruption
// loses at most the batch under way, and the next run continues where this one
// stopped.
class Indexer {
public:
    Indexer(Library& library, const FeatureExtractor& extractor, DecodeOptions decodeOptions = {});

    // Images per catalog transaction and the longest a transaction stays open.
    void setBatchLimits(int images, int seconds);

    // Reports once before the first image (done 0) when there is work, so a front
    // end says "indexing" while the first batch runs, then once per image.
    IndexSummary run(ProgressObserver* observer = nullptr);

    // Images per forward pass; MobileNetV2 leaves oneDNN's fast path below 2.
    static constexpr int kBatch = 4;

private:
    Library& m_library;
    const FeatureExtractor& m_extractor;
    DecodeOptions m_decodeOptions;
    int m_transactionImages = 64;
    int m_transactionSeconds = 30;
};

}  // namespace weft
