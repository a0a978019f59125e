#pragma once

#include <QImage>
#include <vector>

namespace weft {

// Views that let a phone photo of a faint pattern meet its library image.
//
// A photo loses a pattern's finest detail (focus blur, JPEG) and shifts its
// contrast, and faint patterns are told apart by little else: described raw, the
// library image is rich in detail the photo no longer has (Subtle Patterns swatch
// top-1 0.25). So the library image is shown as a camera would take it — at
// magnifications 0.7, 1 and 1.4 around its own pixel scale, blurred and
// JPEG-compressed — and both it and the swatch are stretched to one contrast
// before the network sees them. The views are also the isolated centre of the
// image, where a garment photo shows its print: they carry most of the class
// likeness on fashion-texture (docs/BENCHMARKS.md, "one network run per image").
//
// Both work at the image's own pixel scale, on a centre square of `side` pixels.

// Three side × side views of a library image, one per magnification; an image too
// small for a view is enlarged to fill it.
std::vector<QImage> libraryPhotoViews(const QImage& rgb, int side);

// The one view of a swatch: its centre square (80 % of the shorter side), stretched;
// rotated photos have their corners outside it. The view's side is a multiple of
// `multiple`: `side` for a large photo, whose centre of up to side / 0.7 px is
// shrunk to it; the photo's own pixels for one between 128 px and `side`; 128 px,
// enlarged, for a smaller one.
QImage swatchPhotoView(const QImage& rgb, int side, int multiple = 1);

}  // namespace weft
