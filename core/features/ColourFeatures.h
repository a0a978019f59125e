#pragma once

#include <QImage>
#include <vector>

namespace weft {

// Colour descriptors that complement the deep feature, which finds the right
// pattern in the wrong colourway.

// HSV histogram, kHueBins hue × 4 saturation × 4 value bins (bin (h · 4 + s) · 4 + v),
// square-rooted and L2-normalised so the dot product of two is their Bhattacharyya
// coefficient. Grey pixels (low saturation) still fall into hue bins by their hue
// of 0, which is harmless because saturation and value separate them. With a
// `keep` mask (Grayscale8 of any size, stretched over the image; Foreground.h),
// only the pixels it keeps count; when it keeps none, all do.
constexpr int kHueBins = 16;
constexpr int kHistogramBins = kHueBins * 4 * 4;
std::vector<float> hsvHistogram(const QImage& rgb, const QImage& keep = QImage());

// The bin of hsvHistogram() a pixel falls into, from its hue, saturation and value
// as OpenCV's COLOR_RGB2HSV_FULL gives them (each 0..255). Reading a histogram
// back (core/colour/ColourShare.h) asks this, so only this file knows the bins.
constexpr int histogramBin(int hue, int saturation, int value)
{
    return ((hue >> 4) * 4 + (saturation >> 6)) * 4 + (value >> 6);
}

// How alike the colours of two hsvHistogram()s are, in [0, 1] (1: the same), for
// telling a copy of an image from the same print in other colours. The dot product
// drops when a re-save or a rescale moves a colour across a hue bin's edge (a
// finely striped JPEG at quality 60 fell to 0.4); here half of each hue bin's
// share goes to its two neighbours first, which a hue turn of 60° or more (2.7
// bins) still clears (docs/BENCHMARKS.md, "Duplicates and colourways").
// The histograms may be scaled (a fingerprint's colour part); 0 when one is zero
// or their sizes are not kHistogramBins.
float colourLikeness(const std::vector<float>& a, const std::vector<float>& b);

}  // namespace weft
