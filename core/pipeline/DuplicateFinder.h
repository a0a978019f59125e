#pragma once

#include "core/features/FeatureExtractor.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Progress.h"

#include <QSize>
#include <QString>

#include <memory>
#include <vector>

namespace weft {

// Library images that show one print.
struct PrintGroup {
    enum class Kind {
        Duplicates,   // the same design in the same colours: copies resized, re-saved, cropped a little
        Colourways,   // the same design in other colours (with any copies of them)
    };
    struct Member {
        qint64 imageId = 0;
        QString path;
        QSize size;        // in pixels, as the catalog has it
        // How alike this image and its closest other member of the group are: their
        // patterns (the texture, in any colours, as "Find patterns like this"
        // compares them: a cosine in [-1, 1]) and their colours (colourLikeness()
        // of the fingerprints' colour parts, in [0, 1]), 1 for the same. In a
        // colourways group the closest member in other colours, where there is one.
        float pattern = 0;
        float colour = 0;
    };
    Kind kind = Kind::Duplicates;
    std::vector<Member> members;   // the largest picture first (the likely original), then by path
};

struct PrintGroups {
    std::vector<PrintGroup> groups;   // duplicates first, then colourways; within each the larger groups first
    float samePrint = 0;   // the pattern likeness from which two images were taken for one print
    qint64 total = 0;      // images with a fingerprint in the library or folder
    qint64 compared = 0;   // of them, those compared with their neighbours
    bool stopped = false;  // the observer stopped the work: the groups among the images compared so far
};

// Finds the duplicates and the colourways of one print across a library or one
// folder of it. Every image is compared with its kNeighbours nearest by pattern,
// which the index finds, so the work grows with the number of images, not with
// its square. Two images whose patterns are at least kSamePrint alike show one
// print (kSamePrintProjected in a library that stores its fingerprints projected:
// the projection centres them on the library's mean, which lowers every cosine):
// in the same colours when their colours are at least kSameColours alike
// (colourLikeness(), ColourFeatures.h), duplicates; in other colours otherwise,
// colourways. Pairs that share an image are joined into groups. Measured in
// docs/BENCHMARKS.md, "Duplicates and colourways".
//
// Threading as QueryEngine: it reads the catalog through a connection of its own,
// so it must be used on the thread that created it, and reads the index under the
// library's shared lock, one image at a time, so indexing goes on meanwhile.
class DuplicateFinder {
public:
    static constexpr int kNeighbours = 10;
    static constexpr float kSamePrint = 0.84f;
    static constexpr float kSamePrintProjected = 0.72f;
    static constexpr float kSameColours = 0.9f;

    DuplicateFinder(Library& library, const FeatureExtractor& extractor);
    ~DuplicateFinder();

    // The groups under `folder` (a library folder or one inside it; empty: the
    // whole library). Reports ProgressPhase::Comparing to `observer` after every
    // image and stops when it says so. Throws weft::Error when there are no indexed
    // images to compare, or when the library's fingerprints describe no colour.
    PrintGroups find(const QString& folder = {}, ProgressObserver* observer = nullptr) const;

private:
    Library& m_library;
    const FeatureExtractor& m_extractor;
    std::unique_ptr<Catalog> m_catalog;
};

}  // namespace weft
