#pragma once

#include <QImage>

#include <vector>

namespace weft {

// How a swatch photo may lie relative to its library image: a designer lays the
// cloth on a table at any angle, and photographs the back of a sheer print. The
// network's descriptors are not invariant to either, so a swatch is described in
// several orientations and each library image is matched by the one that fits it
// best (issue 11).
struct SwatchOrientation {
    int quarterTurns = 0;    // 0-3, clockwise as seen
    bool mirrored = false;   // left-right flipped before turning

    bool operator==(const SwatchOrientation& other) const { return quarterTurns == other.quarterTurns && mirrored == other.mirrored; }
};

// The first `count` (1-8) of: as photographed, turned 90°, 180°, 270°, then the same mirrored.
std::vector<SwatchOrientation> swatchOrientations(int count);

// The image as it looks in that orientation; exact (no resampling).
QImage oriented(const QImage& image, SwatchOrientation orientation);

}  // namespace weft
