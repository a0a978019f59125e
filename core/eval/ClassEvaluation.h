#pragma once

#include "core/eval/Metrics.h"

#include <QList>
#include <QString>
#include <vector>

namespace weft {

class Library;
struct MethodConfig;
class ProgressObserver;
class FingerprintLayout;

struct LabelledImage {
    QString path;    // absolute
    QString label;
};

// Reads a `path,class` CSV (header line optional) with paths relative to `root`.
// Throws weft::Error naming the line of a malformed entry.
QList<LabelledImage> readLabels(const QString& csvPath, const QString& root);

struct ClassEvaluationReport {
    QualitySummary quality;
    int unusable = 0;                // labelled images without a fingerprint (failed to decode)
    double hnswRecallAt10 = 0;       // HNSW top-10 against the exact top-10, over the same queries
    bool stopped = false;            // the observer asked to stop; the numbers cover the queries done
};

// Class protocol (shared/datasets/README.md): every labelled image with a
// fingerprint queries all the others (itself excluded) as the app's "more like
// this" does (patternQuery() of its stored fingerprint, expanded by its first
// matches as QueryExpansion.h says); relevant = same class. The
// ranking is exact over all fingerprints, so mAP is computed on the full ranking;
// the HNSW recall is measured separately with the library's index. Reports
// ProgressPhase::Querying to `observer` and asks it before each query whether to stop.
ClassEvaluationReport evaluateClasses(Library& library, const MethodConfig& method, const FingerprintLayout& layout,
                                      const QList<LabelledImage>& labels, ProgressObserver* observer = nullptr);

}  // namespace weft
