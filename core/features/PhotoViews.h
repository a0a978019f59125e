#pragma once

#include <QImage>
#include <vector>

namespace weft {

// Network inputs that let a phone photo of a faint pattern meet its library image.
//
// A photo loses a pattern's finest detail (focus blur, JPEG) and shifts its
// contrast, and faint patterns are told apart by little else: described raw, the
// library image is rich in detail the photo no longer has (Subtle Patterns swatch
// top-1 0.25). So the library image is shown as a camera would take it — at
// magnifications 0.7, 1 and 1.4 around its own pixel scale, blurred and
// JPEG-compressed — and both it and the swatch are stretched to one contrast
// before the network sees them. Measured in docs/BENCHMARKS.md ("photo views").
//
// Both work at the image's own pixel scale (no resizing to a network size), on a
// centre square of at most kPhotoViewSide pixels so that the cost is bounded.
constexpr int kPhotoViewSide = 256;

// Three views of a library image, one per magnification.
std::vector<QImage> libraryPhotoViews(const QImage& rgb);

// The one view of a swatch: its centre (80 % of the shorter side, at most
// kPhotoViewSide), stretched; rotated photos have their corners there.
QImage swatchPhotoView(const QImage& rgb);

}  // namespace weft
