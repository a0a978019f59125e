#pragma once

#include "core/models/Backbone.h"

#include <QImage>
#include <vector>

namespace weft {

// Colour descriptors that complement the deep feature, which finds the right
// pattern in the wrong colourway.

// HSV histogram, 16 hue × 4 saturation × 4 value bins, square-rooted and
// L2-normalised so the dot product of two is their Bhattacharyya coefficient.
// Grey pixels (low saturation) still fall into hue bins by their hue of 0, which is
// harmless because saturation and value separate them.
constexpr int kHistogramBins = 16 * 4 * 4;
std::vector<float> hsvHistogram(const QImage& rgb);

// Seed paper 001's colour vector: the 10 strongest positions of the channel-mean
// of the last feature map, the RGB colour of the image average-pooled to that
// map's size at those positions, z-scored: 30 values.
constexpr int kColourSpotValues = 30;
std::vector<float> colourSpots(const QImage& rgb, const FeatureMap& lastMap);

}  // namespace weft
