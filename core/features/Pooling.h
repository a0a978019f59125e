#pragma once

#include "core/features/MethodConfig.h"
#include "core/models/Backbone.h"

#include <QRect>

#include <vector>

namespace weft {

// One value per channel of a feature map: max, average or generalised mean
// (GeM, (mean x^p)^(1/p), between average (p = 1) and max (p → ∞)).
std::vector<float> poolFeatureMap(const FeatureMap& map, MethodConfig::Pooling pooling, float gemPower = 3.0f);

// The same, with each cell of the map weighted (weights: height × width, row by
// row, from 0 to 1): the map pooled under a soft mask. Empty when every weight is 0
// or their count does not fit the map. poolFeatureMap is this with every weight 1.
std::vector<float> poolFeatureMapUnder(const FeatureMap& map, const std::vector<float>& weights, MethodConfig::Pooling pooling,
                                       float gemPower = 3.0f);

// poolFeatureMapUnder restricted to a rectangle of cells (x, y in cells), every
// weight 1 there: one view of a network input that holds several side by side.
std::vector<float> poolCells(const FeatureMap& map, const QRect& cells, MethodConfig::Pooling pooling, float gemPower = 3.0f);

// Scales to unit length in place; an all-zero vector stays zero.
void normaliseL2(std::vector<float>& vector);

// Adds `part` scaled to unit length to `sum` (sized to fit when empty): the sum of
// unit vectors, which normaliseL2 then turns into their mean direction.
void addNormalised(std::vector<float>& sum, std::vector<float> part);

float dot(const std::vector<float>& a, const std::vector<float>& b);

}  // namespace weft
