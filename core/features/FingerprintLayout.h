#pragma once

#include "core/features/MethodConfig.h"

#include <vector>

namespace weft {

// The parts of a fused fingerprint, in order.
enum class FingerprintPart {
    Deep,     // the whole image and its quarters (and its components), from the network
    Colour,   // the HSV histogram (ColourFeatures.h)
    Camera,   // the camera views (PhotoViews.h), from the network
    Texture,  // the camera views' texture: the covariance of the network's middle layer
              // over each view (covariancePooled in Pooling.h); only for a network
              // whose manifest names that layer (ModelSpec::textureTupleIndex)
};

// Where each part sits in a fused fingerprint and what share of the cosine it has.
//
// A fingerprint is a row of unit-length parts, each scaled by the square root of
// its share, so the dot product of two is the share-weighted sum of the parts'
// cosines. Parts with no share are left out. The extractor builds fingerprints
// with fuse(), pattern queries re-weight them with reweighted(), and tests read
// parts back with part(): nothing else knows the offsets.
class FingerprintLayout {
public:
    struct Slice {
        FingerprintPart part;
        int offset = 0;
        int size = 0;
        float share = 0;
    };

    // The layout of `method` for a network of `channels` output channels and
    // `textureChannels` in the middle layer its manifest names (0: none; then there
    // is no texture part, and the camera views have its share as well).
    FingerprintLayout(const MethodConfig& method, int channels, int textureChannels = 0);
    // These parts (offsets are recomputed), in this order.
    explicit FingerprintLayout(const std::vector<Slice>& slices);

    int dimension() const { return m_dimension; }
    const std::vector<Slice>& slices() const { return m_slices; }
    const Slice* find(FingerprintPart part) const;

    // Each part normalised and scaled by the square root of its share, in layout
    // order; `parts` holds one vector per slice, in the same order. Parts that are
    // all zero stay zero. Throws weft::Error when a part has the wrong size.
    std::vector<float> fuse(const std::vector<std::vector<float>>& parts) const;

    // A stored fingerprint whose parts count with `shares` (one per slice, in
    // order) instead of the stored shares: the same vectors and index give another
    // weighting. Throws weft::Error when the vector does not have the layout's dimension.
    std::vector<float> reweighted(const std::vector<float>& stored, const std::vector<float>& shares) const;

    // One part of a stored fingerprint, back to unit length.
    std::vector<float> part(const std::vector<float>& stored, FingerprintPart part) const;

private:
    std::vector<Slice> m_slices;
    int m_dimension = 0;
};

}  // namespace weft
