#pragma once

#include <QImage>
#include <QPolygonF>

#include <vector>

namespace weft {

// Are the swatch's colours those of the library pixels where it sits, as they would
// look under the photo's light?
//
// The second look places a swatch by its grey levels only (the template fit,
// keypoints), so the same print in another colour — a pink gingham and a black and
// white one, a print's other colourway — fits as well as the swatch's own, and the
// fingerprints' cosine, whose colour part the deep part outweighs, often prefers
// the wrong one. Here the colours under the swatch's outline (the same piece of
// cloth, whatever else the library image shows: a backdrop, skin, another garment)
// are compared with the swatch's by their HSV histograms (colourLikeness()).
//
// A photo's light changes every colour: a white balance scales each channel, the
// exposure all three. So the library pixels are first lit as the swatch is: each
// channel scaled by how much brighter the swatch is than them on average, within
// bounds (kMostExposure for the three together, kMostCast for one channel against
// the others). A white shirt under a green cast then reads as the swatch's mint, and
// a black and white check still cannot pass for pink and white: no light that dims
// or tints a whole photo turns black cells pink. The bounds are wider than the
// wild swatch protocol's light (×0.8–1.2 exposure, ×0.85–1.15 a channel) so as to
// hold for a phone's white balance; a colourway that differs from another by less
// than kMostCast in every channel reads as the same colours lit otherwise. Greys
// (under a quarter saturated, once lit) count as grey whatever their tint: a tint
// is what the light gives a grey, and near-grey prints differ in little else.
class PlacedColours {
public:
    explicit PlacedColours(const QImage& swatch);

    // In [0, 1] (1: the same colours); -1 when the outline (four corners in
    // `libraryImage`'s pixels, SwatchVerifier::Placement::whereSwatchSits) covers
    // fewer than kFewestPixels of it. Thread-safe (const).
    float likeness(const QImage& libraryImage, const QPolygonF& whereSwatchSits) const;

    static constexpr double kMostExposure = 1.5;   // the swatch's light over the library image's, all channels
    static constexpr double kMostCast = 1.3;       // one channel against the three's mean, as a ratio
    static constexpr int kFewestPixels = 16;

private:
    std::vector<float> m_histogram;   // hsvHistogram of the swatch
    double m_mean[3] = {0, 0, 0};     // the swatch's mean R, G, B
};

}  // namespace weft
