#pragma once

#include <QImage>
#include <QRect>
#include <vector>

namespace weft {

// The one network input of an image: its views laid side by side, so that a single
// forward pass describes all of them (issue 10: one backbone run per image). Each
// view is pooled over its own cells of the feature map. Views sit on multiples of
// the network's stride, so every cell belongs to one view; a cell's receptive field
// still reaches into its neighbours, which cost 0.003 mAP against views run
// separately (docs/BENCHMARKS.md).
//
// A library image, for wholeSide S (a multiple of 2 · stride), is S × 2S:
//
//     +-----------+-------+-------+
//     |           | ×0.7  | ×1.4  |
//     |   whole   +-------+-------+
//     |  (S × S)  | ×1.0  | grey  |
//     +-----------+-------+-------+
//
// the whole image scaled so its shorter side is S, its centre square; the three
// camera views (PhotoViews.h) of S/2. All library inputs have one size, so they
// run in full batches whatever the images' shapes. A swatch is its whole image
// (shorter side querySize, aspect ratio kept up to 2:1) beside its one camera view.
struct NetworkInput {
    QImage canvas;                  // RGB888
    QRect whole;                    // in canvas pixels
    std::vector<QRect> cameraViews;
    // Where the whole view's pixels come from in the image: canvas pixel (x, y) of
    // `whole` shows image pixel (source.x + x · sourceScale, source.y + y · sourceScale).
    QRectF source;
    double sourceScale = 1;
};

NetworkInput libraryInput(const QImage& rgb, int wholeSide, int stride);
NetworkInput swatchInput(const QImage& rgb, int querySize, int viewSide, int stride);

// A swatch input in two steps, so that one swatch read several ways up is resized
// and cut once: its two pictures, then the input of those pictures (turned or
// mirrored alike, they give the input of the turned or mirrored swatch).
struct SwatchPictures {
    QImage whole;   // shorter side querySize, sides multiples of the stride
    QImage view;    // the camera view (PhotoViews.h)
};
SwatchPictures swatchPictures(const QImage& rgb, int querySize, int viewSide, int stride);
NetworkInput swatchInput(const SwatchPictures& pictures, QSize imageSize);

}  // namespace weft
