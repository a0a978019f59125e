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

// A rectangle of cells (x, y in cells) described by how its channels vary
// together: their covariance over the cells (second-order pooling, as texture
// descriptors are made), the upper triangle row by row with the off-diagonal
// entries counted twice (times sqrt 2, so that the dot product of two is that of
// the full matrices), each entry's square root taken with its sign, then scaled to
// unit length: channels × (channels + 1) / 2 values. Where each channel sits is
// left out, so a turn of the print by right angles changes little. Empty when the
// rectangle holds fewer than two cells.
std::vector<float> covariancePooled(const FeatureMap& map, const QRect& cells);
int covariancePooledSize(int channels);

// Scales to unit length in place; an all-zero vector stays zero.
void normaliseL2(std::vector<float>& vector);

// Adds `part` scaled to unit length to `sum` (sized to fit when empty): the sum of
// unit vectors, which normaliseL2 then turns into their mean direction.
void addNormalised(std::vector<float>& sum, std::vector<float> part);

float dot(const std::vector<float>& a, const std::vector<float>& b);

}  // namespace weft
