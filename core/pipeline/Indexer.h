#pragma once

#include "core/features/FeatureExtractor.h"
#include "core/imaging/ImageDecoder.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Progress.h"

namespace weft {

struct IndexSummary {
    qint64 indexed = 0;         // got a whole-image fingerprint
    qint64 withComponents = 0;  // went through the component pass
    qint64 failed = 0;
    qint64 remaining = 0;     // left for the next run when stopped
    bool stopped = false;
    double seconds = 0;
};

// Gives every catalog image that lacks a fingerprint of the library's method one:
// decode → fingerprint → catalog + index; then, when the method has a component
// detector, a second pass finds each image's components, stores them and replaces
// its fingerprint by the fused one. Work is committed in batches (a catalog
// transaction, then a crash-safe index save), so an interruption loses at most the
// batch under way and the next run continues where this one stopped. The next
// image is decoded on another thread while the network runs on the current one.
class Indexer {
public:
    Indexer(Library& library, const FeatureExtractor& extractor, DecodeOptions decodeOptions = {});

    // Images per batch and the longest a batch stays open.
    void setBatchLimits(int images, int seconds);

    IndexSummary run(ProgressObserver* observer = nullptr);

private:
    enum class Pass { WholeImage, Components };
    void runPass(const QList<qint64>& ids, Pass pass, ProgressObserver* observer, IndexSummary& summary);

    Library& m_library;
    const FeatureExtractor& m_extractor;
    DecodeOptions m_decodeOptions;
    int m_batchImages = 64;
    int m_batchSeconds = 30;
};

}  // namespace weft
