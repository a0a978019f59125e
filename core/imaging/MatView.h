#pragma once

#include <QImage>
#include <opencv2/core.hpp>

namespace weft {

// Where Qt's images meet OpenCV's matrices. Decoding, thumbnails and drawing work on
// QImage; the image processing works on cv::Mat. These two functions are the only
// place that knows how one lays out the other's pixels.

// An OpenCV view of an RGB888 (CV_8UC3, RGB order) or Grayscale8 (CV_8U) image's
// pixels, without a copy: the image must outlive the view. Writing through the view
// writes the image, so the image must not share its pixels (write only into images
// made for the purpose, or call bits() first). Any other format throws: converting
// silently would hand back a view of a temporary.
cv::Mat matView(const QImage& image);

// A QImage copy of an 8-bit matrix of one channel (Grayscale8) or three in RGB order
// (RGB888). Any other type throws.
QImage imageCopy(const cv::Mat& pixels);

}  // namespace weft
