#pragma once

#include <QImage>

namespace weft {

// Where the cloth is in a library image (seed 003's localisation; issue 11, part 6):
// a garment photographed on a studio backdrop. A swatch photo shows only cloth, so
// the parts of a library image's fingerprint that a swatch is compared by should
// describe only the cloth too.
//
// The backdrop is what floods in from the image's border through smooth colour
// (each pixel within kSmoothStep levels per channel of its neighbour), in floods
// of at least kSmallestFlood of the image. It counts as a backdrop only when it
// stands around one shape: it covers between kLeastBackdrop and kMostBackdrop of
// the image and kAroundTheBorder of its border, and one connected region holds
// kOneShape of the rest. A print filling the frame (motifs on a plain ground, a
// seamless tile) leaves many small motifs or nothing, so it has no backdrop, and its
// ground keeps its colour: a print's ground is part of its colourway. A texture's
// smooth patches reach the border here and there, not all round it: without the
// border rule, 386 of Brodatz's 1,792 tiles had a "backdrop", with it 20; of
// fashion-texture's 1,712 garment photos, 1,559 have one.
//
// Returns a Grayscale8 mask (255 = cloth) of the image scaled to at most kSide
// pixels across, or a null image when the image has no backdrop.
QImage foregroundMask(const QImage& rgb);

namespace ForegroundRules {
constexpr int kSide = 128;
constexpr int kSmoothStep = 4;
constexpr double kSmallestFlood = 0.02;
constexpr double kLeastBackdrop = 0.05;
constexpr double kMostBackdrop = 0.85;
constexpr double kAroundTheBorder = 0.6;
constexpr double kOneShape = 0.8;
}  // namespace ForegroundRules

}  // namespace weft
