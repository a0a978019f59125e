#pragma once

// Safe decoding of the images Weft indexes and searches with.
//
// Policy for large images
// -----------------------
// * Nothing downstream needs full resolution: the feature extractors look at the image at
//   448 px or less, and the component (motif) detection works at up to 1024 px. So by
//   default an image is decoded with its longest side limited to 1024 px. Anything that
//   needs more (a full-size preview) asks for maxSide = 0.
// * Shrinking happens while decoding whenever the decoder can do it: JPEG then decodes at
//   1/2, 1/4 or 1/8 scale in the DCT (fast, little memory) and only the last step is a
//   smooth resample. A PNG is read row by row straight into the smaller size
//   (ReducedPngReader.h), so it costs a row and the result however large it is stored.
//   Other formats (and interlaced PNGs) are decoded at full size and then resampled.
// * Before any pixel is decoded, the size written in the file's header is checked against
//   maxPixels (150 megapixels by default, far above any real scan or photo). A few hundred
//   bytes of PNG can claim 100000×100000 pixels (a "decompression bomb"); such files are
//   refused with a message instead of taking minutes to inflate.
// * Pixels are not what costs memory; bytes are, and they depend on the format: a 16-bit
//   RGBA PNG takes 8 bytes a pixel when decoded whole. So before decoding, the bytes the
//   decode will allocate are worked out from the header (size, channels and depth, and how
//   far the decoder shrinks while decoding) and reserved from a process-wide budget of
//   kDecodeMemoryBudget (DecodeBudget.h): large decodes running at once take turns instead of
//   adding up, and an image that would take more than the whole budget is refused with a
//   message naming its size. As a last line of defence QImageReader's allocation limit is
//   set to the same budget, for a decoder that did not tell its size up front.
//
// The result is always 8-bit RGB (QImage::Format_RGB888), upright (EXIF orientation
// applied), converted to sRGB when the file embeds another colour profile, and with any
// transparency composited over white, which is how designers see a swatch on a page.
// Which decoder runs is decided from the file's content, never from its name: Qt's image
// plugins, or libheif for HEIC/HEIF (HeifReader.h), whose size is checked the same way.

#include "core/common/Error.h"

#include <QByteArray>
#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

namespace weft {

// A file or buffer that is not a readable image, or is damaged, truncated or too large.
// what() is meant for the user as is: it names the file and says why.
class DecodeError : public Error {
public:
    using Error::Error;
};

// Memory for decoded pixels, for all decodes in the process together. 1 GiB lets indexing
// and queries decode any 8-bit image up to the pixel limit (150 MP at the 4 bytes a pixel
// Qt holds it in) and a 16-bit TIFF scan up to about 130 MP; a full-size view (a preview,
// the clipboard) up to about 95 MP of 8-bit JPEG. And a library folder of huge files stays
// within what a laptop with 8 GB can spare beside the model and the index (a 16-bit
// 12000×12000 PNG took 2.5 GB, and the indexer decoded two such files at once).
constexpr qint64 kDecodeMemoryBudget = qint64(1024) * 1024 * 1024;

struct DecodeOptions {
    int maxSide = 1024;                      // longest side after decoding; larger images are scaled down (0 = keep full size)
    qint64 maxPixels = 150'000'000;          // refuse larger images before decoding anything (0 = no limit)
};

struct DecodedImage {
    QImage image;            // always QImage::Format_RGB888, EXIF orientation applied, alpha composited over white
    QSize originalSize;      // pixel size stored in the file, after orientation
    QByteArray format;       // "jpeg", "png", "tiff", "bmp", "webp" or "heif", detected from the content
};

// Thread-safe: every call uses its own reader. A call may wait while other threads decode
// large images (DecodeBudget), so, like any decode, it does not belong on the GUI thread.
class ImageDecoder {
public:
    static DecodedImage decode(const QString& path, const DecodeOptions& options = {});
    // For pasted or downloaded data; nameForMessages (e.g. "the pasted image") names it in errors.
    static DecodedImage decode(const QByteArray& encoded, const DecodeOptions& options = {}, const QString& nameForMessages = {});
    // File name suffixes worth scanning: lower case, no dot, only those the installed
    // Qt image plugins can read (from jpg jpeg png tif tiff bmp webp), and heic heif.
    static QStringList supportedSuffixes();
};

}  // namespace weft
