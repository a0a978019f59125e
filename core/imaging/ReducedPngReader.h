#pragma once

// Reads a PNG straight into a smaller image, for ImageDecoder: libpng hands over one row at
// a time and each row is averaged into the reduced image at once, so a PNG costs one row
// plus the result whatever its size. Qt's PNG reader cannot scale while decoding: it builds
// the whole image first, 1.1 GB for a 12000×12000 16-bit RGBA file that is 1 MB on disk.
//
// Interlaced (Adam7) PNGs deliver their rows in seven passes over the whole image, so they
// cannot be read this way; read() says so and the caller decodes them whole.

#include <QImage>
#include <QIODevice>
#include <QSize>
#include <QString>

namespace weft {

class ReducedPngReader {
public:
    enum class Outcome {
        Read,
        Interlaced,   // not readable row by row: decode it whole
        Damaged,      // error() says what libpng found
        OutOfMemory,
    };

    // Reads the PNG in `device` (from its start) reduced to `target` (each output pixel
    // the average of the stored pixels it covers, weighted by their opacity). The image
    // is QImage::Format_RGB888, or Format_RGBA8888_Premultiplied when the PNG has
    // transparency, with the colour space the file declares (ICC profile, sRGB or gamma).
    explicit ReducedPngReader(QIODevice& device);
    Outcome read(QSize target);
    QImage image() const { return m_image; }
    QString error() const { return m_error; }

private:
    QIODevice& m_device;
    QImage m_image;
    QString m_error;
};

}  // namespace weft
