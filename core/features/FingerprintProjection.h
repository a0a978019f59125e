#pragma once

#include "core/features/FingerprintLayout.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace weft {

// A library's own compaction of its fingerprints: each network part (deep, camera
// views) projected on its first principal components, learned from the library
// itself as retrieval papers learn their PCA; the colour part kept. On the
// benchmark sets it shrinks a fingerprint from 2,816 values to 1,024 and raises
// class mAP (docs/BENCHMARKS.md, "Compact vectors").
class FingerprintProjection {
public:
    // How a network part is compacted.
    struct Recipe {
        int components = 0;
        // Whether a swatch's part, too, has the library's mean taken off. Library
        // images always have: centring removes what every image of the library
        // shares (ground, lighting, the network's bias), which otherwise inflates
        // every cosine. A swatch's camera part comes from its photo view, which is
        // not drawn from the library's camera views: centred on their mean, it moves
        // away from its source (docs/BENCHMARKS.md, "Compact vectors").
        bool swatchCentred = true;
    };
    static constexpr Recipe kDeep{256, true};
    static constexpr Recipe kCamera{512, false};
    static constexpr Recipe kTexture{256, false};
    static constexpr int kMostComponents = 512;

    // What a fingerprint describes: it decides the centring (Recipe::swatchCentred).
    enum class Subject { LibraryImage, Swatch };

    // Learns from raw fingerprints of `layout` (at least kMostComponents + 1 of them).
    // Throws weft::Error when there are too few.
    static FingerprintProjection learn(const std::vector<std::vector<float>>& raw, const FingerprintLayout& layout);

    // The stored form (versioned) and back; fromBytes throws weft::Error on damage.
    QByteArray toBytes() const;
    static FingerprintProjection fromBytes(const QByteArray& bytes);

    // A raw fingerprint of the layout it was learned on, projected and fused again.
    // Throws weft::Error for a vector of another length.
    std::vector<float> apply(const std::vector<float>& raw, Subject subject = Subject::LibraryImage) const;

    int rawDimension() const { return m_rawLayout.dimension(); }
    const FingerprintLayout& projectedLayout() const { return m_projectedLayout; }
    // Short text naming this projection (a checksum), for index headers.
    QString tag() const;

private:
    struct Part {
        FingerprintPart part;
        int inputSize = 0;
        std::vector<float> mean;       // inputSize
        std::vector<float> basis;      // components × inputSize, row by row
        int components = 0;
    };
    FingerprintProjection(FingerprintLayout raw, std::vector<Part> parts);

    FingerprintLayout m_rawLayout;
    std::vector<Part> m_parts;         // one per slice of the raw layout; components 0 = kept as is
    FingerprintLayout m_projectedLayout;
};

}  // namespace weft
