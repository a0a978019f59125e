#pragma once

#include "core/colour/LabColour.h"

#include <QImage>

#include <vector>

namespace weft {

// One of an image's dominant colours.
struct PaletteColour {
    LabColour lab;
    QColor colour;       // the same, in sRGB, for drawing
    float share = 0;     // of the image's pixels, 0..1
};

// The colours a designer would name in a swatch: k-means in L*a*b* over a small
// copy of the image (its long side kSampleSide pixels, enough for colours and
// quick), clusters closer than kSameColour merged and those under kLeastShare
// given to their nearest neighbour (the blend along edges, a speck), so that
// a two-colour print gives two colours and the shares add up to 1. Biggest share
// first. Always the same answer for the same image (k-means is seeded).
class Palette {
public:
    static constexpr int kMostColours = 5;
    static constexpr int kSampleSide = 64;
    static constexpr float kSameColour = 10.0f;   // ΔE*ab
    static constexpr float kLeastShare = 0.03f;

    // Throws weft::Error for a null image.
    static std::vector<PaletteColour> of(const QImage& image, int most = kMostColours);
};

}  // namespace weft
