#pragma once

#include "core/features/MethodConfig.h"

#include <vector>

namespace weft {

// A stored fingerprint turned into a "more like this" query.
//
// A fused fingerprint is a row of unit-length parts — deep feature, HSV histogram,
// colour spots, photo views, in that order — each scaled by the square root of its
// share, so the dot product of two is the share-weighted sum of the parts' cosines.
// Scaling the query's parts instead gives another weighting with the same stored
// vectors and the same index: the histogram at likeHistogramWeight, the photo views
// at likePhotoWeight, the deep feature the rest, colour spots not at all. Throws weft::Error when the
// vector's length does not fit the method.
std::vector<float> patternQuery(const std::vector<float>& stored, const MethodConfig& method);

}  // namespace weft
