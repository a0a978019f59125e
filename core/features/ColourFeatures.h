#pragma once

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

// The bin of hsvHistogram() a pixel falls into, from its hue, saturation and value
// as OpenCV's COLOR_RGB2HSV_FULL gives them (each 0..255). Reading a histogram
// back (core/colour/ColourShare.h) asks this, so only this file knows the bins.
constexpr int histogramBin(int hue, int saturation, int value)
{
    return ((hue >> 4) * 4 + (saturation >> 6)) * 4 + (value >> 6);
}

}  // namespace weft
