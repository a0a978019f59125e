#pragma once

#include "core/features/FingerprintLayout.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace weft {

// A library's own compaction of its fingerprints: each network part (deep, camera
// views) centred on the library's mean and projected on its first principal
// components, the colour part kept. Learned from the library itself, as retrieval
// papers learn their PCA; on the benchmark sets it both shrinks a fingerprint from
// 2,816 values to 768 and raises class mAP (docs/BENCHMARKS.md, "compact vectors").
// Centring removes what every image of the library shares (ground, lighting, the
// network's own bias), which otherwise inflates every cosine.
class FingerprintProjection {
public:
    // Principal components kept per network part.
    static constexpr int kComponents = 256;

    // Learns from raw fingerprints of `layout` (at least kComponents + 1 of them).
    // Throws weft::Error when there are too few.
    static FingerprintProjection learn(const std::vector<std::vector<float>>& raw, const FingerprintLayout& layout);

    // The stored form (versioned) and back; fromBytes throws weft::Error on damage.
    QByteArray toBytes() const;
    static FingerprintProjection fromBytes(const QByteArray& bytes);

    // A raw fingerprint of the layout it was learned on, projected and fused again.
    // Throws weft::Error for a vector of another length.
    std::vector<float> apply(const std::vector<float>& raw) const;

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
