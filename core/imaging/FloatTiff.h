#pragma once

#include <QByteArray>
#include <QImage>

namespace weft {

// TIFFs of floating-point samples (exports of scans and renders), which Qt reads
// only in some layouts: decoded through OpenCV to 8-bit RGB, samples 0..1 as
// 0..255 (a file whose samples go beyond that is spread by its own range).
// A null image when `data` is no such TIFF or cannot be decoded.
QImage decodeFloatTiff(const QByteArray& data);

}  // namespace weft
