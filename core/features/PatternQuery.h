#pragma once

#include "core/features/FingerprintLayout.h"

#include <vector>

namespace weft {

// A stored fingerprint turned into a "more like this" query: its parts re-weighted
// (FingerprintLayout::reweighted) to the colour share likeHistogramWeight, the
// camera-view share likePhotoWeight, the texture share likeTextureWeight and the
// rest for the deep part. Colour serves swatch lookup, which wants the exact print
// in its colourway; likeness between patterns is their texture in any colourway.
// A share of a part the layout lacks goes to the deep part. Throws weft::Error
// when the vector does not fit the layout.
std::vector<float> patternQuery(const std::vector<float>& stored, const MethodConfig& method, const FingerprintLayout& layout);

}  // namespace weft
