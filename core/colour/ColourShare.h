#pragma once

#include "core/colour/LabColour.h"

#include <QColor>
#include <QList>

#include <vector>

namespace weft {

// How much of a library image is near a colour, read from the HSV histogram that
// its stored fingerprint keeps (ColourFeatures.h; FingerprintLayout::part() gives
// it back).
//
// Why the histogram rather than the images' pixels: it is in the catalog for every
// indexed image, and the library's projection keeps it as it is, so the share of a
// colour is known for the whole library without decoding a single image. A colour
// can then narrow a search of the whole library (not only the matches on show) and
// rank it, on the query thread, in the time it takes to read the catalog. The
// histogram holds the square roots of the bins' pixel counts at unit length, so
// its squared values are the shares of the pixels in each bin. A bin is a box of
// hues, saturations and values, up to about ΔE 40 across: the share near a colour
// counts each bin by the part of its box within kNear of the colour, as if its
// pixels were spread evenly over it. So a flat colour reads as somewhat less than
// the whole image (0.75 to 0.98 for the colours of tests/colour, as each sits in
// its bin) and a colour a little beyond kNear as a little: shares compare and rank
// images, and ColourFilter's threshold is low enough for that (docs/BENCHMARKS.md,
// "Colour").
class ColourShare {
public:
    static constexpr float kNear = 20.0f;   // ΔE*ab: a pixel this close counts as the colour

    explicit ColourShare(const QColor& colour);
    const QColor& colour() const { return m_colour; }
    // 0..1, of an image whose colour histogram is `histogram` (at any length).
    float of(const std::vector<float>& histogram) const;

private:
    QColor m_colour;
    std::vector<float> m_binWeights;   // per bin: the part of its box within kNear
};

// Keeps the images that hold each of some colours: at least kMinShare of each, as
// ColourShare reads it.
class ColourFilter {
public:
    static constexpr float kMinShare = 0.05f;

    ColourFilter() = default;
    explicit ColourFilter(const QList<QColor>& colours);
    bool isEmpty() const { return m_colours.empty(); }
    QList<QColor> colours() const;

    // The share of the scarcest of the colours: how well the image holds them all.
    // 1 when there are no colours.
    float share(const std::vector<float>& histogram) const;
    bool passes(const std::vector<float>& histogram) const { return share(histogram) >= kMinShare; }

private:
    std::vector<ColourShare> m_colours;
};

}  // namespace weft
