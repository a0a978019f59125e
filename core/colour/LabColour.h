#pragma once

#include <QColor>

namespace weft {

// A colour in CIE L*a*b* (D65), where the distance between two colours follows how
// different they look: the space palettes are found and colours compared in.
struct LabColour {
    float L = 0;   // lightness, 0..100
    float a = 0;   // green (−) to red (+)
    float b = 0;   // blue (−) to yellow (+)

    static LabColour fromColour(const QColor& colour);   // from sRGB
    QColor toColour() const;                              // to sRGB, clipped to its gamut
};

// ΔE*ab (CIE 1976), the Euclidean distance in L*a*b*: about 2 is the smallest
// difference a person notices side by side, 20 separates "another shade" from
// "another colour" (ColourShare.h).
float deltaE(const LabColour& first, const LabColour& second);

}  // namespace weft
