#include "core/imaging/ImageDecoder.h"

#include "core/imaging/DecodeBudget.h"
#include "core/imaging/FloatTiff.h"
#include "core/imaging/HeifReader.h"
#include "core/imaging/JpegScan.h"
#include "core/imaging/LibtiffMessages.h"
#include "core/imaging/ReducedPngReader.h"
#include "core/imaging/RegularFile.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QColorSpace>
#include <QDir>
#include <QFile>
#include <QImageReader>
#include <QtEndian>

#include <QTransform>

#include <algorithm>
#include <mutex>
#include <optional>

namespace weft {
namespace {

// The formats Weft accepts, as QImageReader names them once it has looked at the content.
// Others Qt could read (GIF, ICO, TGA, WBMP, ...) are refused: the scanner never picks them
// and some of them (TGA, WBMP) have such weak signatures that random bytes can pass for them.
constexpr const char* kAcceptedFormats[] = {"jpeg", "png", "tiff", "bmp", "webp"};
constexpr const char* kSuffixes[] = {"jpg", "jpeg", "png", "tif", "tiff", "bmp", "webp"};
// Read through libheif (HeifReader), which Weft links, so always there.
constexpr const char* kHeifSuffixes[] = {"heic", "heif"};

bool isAccepted(const QByteArray& format)
{
    return std::any_of(std::begin(kAcceptedFormats), std::end(kAcceptedFormats),
                       [&](const char* accepted) { return format == accepted; });
}

// Messages reach the user as they are, so they go through QCoreApplication::translate:
// in the user's language once the application has installed a translation.

// How an input is named in messages.
struct Source {
    QString name;       // inside a sentence: a path or "the pasted image"
    QString subject;    // at the start of a sentence
    bool isFile;        // else data in memory (pasted, downloaded)
};

[[noreturn]] void fail(const Source& source, const QString& reason)
{
    throw DecodeError(QCoreApplication::translate("weft::ImageDecoder", "Cannot read %1: %2").arg(source.name, reason));
}

[[noreturn]] void notAnImage(const Source& source, const QString& detail)
{
    throw DecodeError(QCoreApplication::translate("weft::ImageDecoder", "%1 is not an image Weft can read (%2)").arg(source.subject, detail));
}

[[noreturn]] void damaged(const Source& source, const QString& detail)
{
    fail(source, (source.isFile ? QCoreApplication::translate("weft::ImageDecoder", "the file is truncated or damaged (%1)")
                                : QCoreApplication::translate("weft::ImageDecoder", "the data is truncated or damaged (%1)"))
                     .arg(detail));
}

[[noreturn]] void outOfMemory(const Source& source)
{
    fail(source, QCoreApplication::translate("weft::ImageDecoder", "there is not enough memory to decode it"));
}

void checkPixelLimit(const Source& source, QSize size, const DecodeOptions& options)
{
    if (options.maxPixels <= 0 || qint64(size.width()) * size.height() <= options.maxPixels)
        return;
    // One multi-argument arg() call: a "%1" inside a file name must not be substituted again.
    throw DecodeError(QCoreApplication::translate("weft::ImageDecoder",
                                                  "%1 is %2\u00D7%3 pixels, larger than the limit of %4 megapixels; it may be a decompression bomb")
                          .arg(source.subject, QString::number(size.width()), QString::number(size.height()),
                               QString::number(double(options.maxPixels) / 1e6, 'g', 6)));
}

// QImageReader's allocation limit (in megabytes, process-wide) stops a decoder that did not
// report its size up front from allocating more than a whole decode may take.
void ensureAllocationLimit()
{
    static std::once_flag once;
    std::call_once(once, [] { QImageReader::setAllocationLimit(int(kDecodeMemoryBudget / (1024 * 1024))); });
}

qint64 area(QSize size)
{
    return qint64(size.width()) * size.height();
}

// What a decode allocates beside the decoder's own buffer, in images of the output's size:
// the flattening to 8-bit RGB (4 bytes a pixel premultiplied, then the 3 of the result),
// a scaled copy when it was shrunk and a turned copy when it is turned (each at most
// `bytesPerPixel`, the decoder's). A full-size decode counts only what it really copies.
qint64 outputBytes(QSize target, bool scaled, bool turned, int bytesPerPixel)
{
    return area(target) * (4 + 3 + (scaled ? bytesPerPixel : 0) + (turned ? bytesPerPixel : 0));
}

QString megabytes(qint64 bytes)
{
    return QString::number((bytes + 1024 * 1024 - 1) / (1024 * 1024));
}

// Holds the memory a decode of `size` will take from the process-wide budget, or refuses
// an image that would take more than all of it, naming its size.
DecodeBudget::Reservation reserveMemory(const Source& source, QSize size, int bytesPerPixel, qint64 bytes)
{
    if (bytes > kDecodeMemoryBudget)
        throw DecodeError(QCoreApplication::translate("weft::ImageDecoder",
                                                      "%1 is %2\u00D7%3 pixels at %4 bytes per pixel: decoding it would take %5 MB, more than the "
                                                      "%6 MB Weft sets aside for decoding images")
                              .arg(source.subject, QString::number(size.width()), QString::number(size.height()),
                                   QString::number(bytesPerPixel), megabytes(bytes), megabytes(kDecodeMemoryBudget)));
    return DecodeBudget::shared().reserve(bytes);
}

// What Qt's decoder allocates for one pixel of the stored image, read from the header
// (16-bit PNG and TIFF decode to 8 bytes, float TIFF to 16); 8 when the header does not say.
int decoderBytesPerPixel(const QImageReader& reader)
{
    const QImage::Format format = reader.imageFormat();
    if (format == QImage::Format_Invalid)
        return 8;
    return std::max(1, (QImage::toPixelFormat(format).bitsPerPixel() + 7) / 8);
}

// The size Qt's decoder decodes `stored` at when asked for `target`: JPEG shrinks by 1/2,
// 1/4 or 1/8 in the DCT (as far as it stays at least `target`); the others decode whole.
QSize decoderSize(const QByteArray& format, QSize stored, QSize target)
{
    if (format != "jpeg" || target.isEmpty())
        return stored;
    const int ratio = std::min(stored.width() / target.width(), stored.height() / target.height());
    const int denominator = ratio >= 8 ? 8 : ratio >= 4 ? 4 : ratio >= 2 ? 2 : 1;
    return {(stored.width() + denominator - 1) / denominator, (stored.height() + denominator - 1) / denominator};
}

// Byte 28 of a PNG is the interlace method in its header (IHDR is always the first chunk).
bool isInterlacedPng(const QByteArray& head)
{
    return head.size() > 28 && head.startsWith("\x89PNG\r\n\x1A\n") && head[28] != 0;
}

// The orientation QImageReader's autoTransform would apply, for an image read without it.
QImage transformed(QImage image, QImageIOHandler::Transformations transformation)
{
    if (transformation == QImageIOHandler::TransformationNone)
        return image;
    if (transformation == QImageIOHandler::TransformationRotate270)
        return image.transformed(QTransform().rotate(270));
    image = std::move(image).mirrored(transformation.testFlag(QImageIOHandler::TransformationMirror),
                                      transformation.testFlag(QImageIOHandler::TransformationFlip));
    if (transformation.testFlag(QImageIOHandler::TransformationRotate90))
        image = image.transformed(QTransform().rotate(90));
    return image;
}

// The size with its longest side reduced to maxSide, keeping the aspect ratio (rounded).
QSize fitWithin(QSize size, int maxSide)
{
    const qint64 width = size.width();
    const qint64 height = size.height();
    const qint64 longest = std::max(width, height);
    if (maxSide <= 0 || longest <= maxSide)
        return size;
    const auto scale = [&](qint64 side) {
        return int(std::max<qint64>(1, (side * maxSide * 2 + longest) / (2 * longest)));
    };
    return {scale(width), scale(height)};
}

// libjpeg pads a stream that stops early with a fake end-of-image marker, returns the rows it
// never received as grey and only warns; QImageReader then reports success. A complete JPEG
// has an EOI marker (FF D9) somewhere after its first start-of-scan, and entropy-coded data
// can never contain one (an FF there is always followed by 00 or a restart marker), so we
// look for it from the end of the file backwards (usually it is in the last two bytes).
// Layouts this parser does not follow are left to the decoder's judgement.
bool jpegHasEndMarker(QIODevice& device)
{
    const qint64 size = device.size();
    qint64 pos = 2;   // after SOI
    qint64 scanStart = -1;
    while (pos + 2 <= size) {
        if (!device.seek(pos))
            return true;
        const QByteArray head = device.read(4);
        if (head.size() < 2 || uchar(head[0]) != 0xFF)
            return true;
        const uchar marker = uchar(head[1]);
        if (marker == 0xFF) {   // fill byte
            ++pos;
        } else if (marker == 0xDA) {   // start of scan
            scanStart = pos;
            break;
        } else if (marker == 0xD9) {
            return true;
        } else if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {   // no length field
            pos += 2;
        } else {
            if (head.size() < 4)
                return true;
            pos += 2 + qFromBigEndian<quint16>(head.constData() + 2);
        }
    }
    if (scanStart < 0)
        return true;

    constexpr qint64 chunk = 64 * 1024;
    for (qint64 end = size; end > scanStart;) {
        const qint64 begin = std::max(scanStart, end - chunk);
        if (!device.seek(begin))
            return true;
        // One byte of overlap with the chunk read before, for a marker split across both.
        const QByteArray data = device.read(std::min(size, end + 1) - begin);
        if (data.lastIndexOf("\xFF\xD9") >= 0)
            return true;
        end = begin;
    }
    return false;
}

// Qt's BMP reader also returns the rows it got when the file stops early, and leaves the rest
// black. For uncompressed bitmaps the header tells exactly how many bytes the pixels take.
bool bmpIsComplete(QIODevice& device)
{
    if (!device.seek(0))
        return true;
    const QByteArray header = device.read(54);
    if (header.size() < 26)
        return true;
    const char* bytes = header.constData();
    const quint32 pixelOffset = qFromLittleEndian<quint32>(bytes + 10);
    const quint32 infoSize = qFromLittleEndian<quint32>(bytes + 14);
    qint64 width = 0;
    qint64 height = 0;
    qint64 bitsPerPixel = 0;
    quint32 compression = 0;
    if (infoSize == 12) {   // OS/2 BITMAPCOREHEADER
        width = qFromLittleEndian<quint16>(bytes + 18);
        height = qFromLittleEndian<quint16>(bytes + 20);
        bitsPerPixel = qFromLittleEndian<quint16>(bytes + 24);
    } else if (infoSize >= 40 && header.size() >= 34) {
        width = qFromLittleEndian<qint32>(bytes + 18);
        height = qAbs(qint64(qFromLittleEndian<qint32>(bytes + 22)));   // negative: top-down rows
        bitsPerPixel = qFromLittleEndian<quint16>(bytes + 28);
        compression = qFromLittleEndian<quint32>(bytes + 30);
    } else {
        return true;
    }
    const bool uncompressed = compression == 0 || compression == 3 || compression == 6;   // RGB, BITFIELDS, ALPHABITFIELDS
    if (!uncompressed || width <= 0)
        return true;
    const qint64 rowBytes = (width * bitsPerPixel + 31) / 32 * 4;
    return device.size() >= qint64(pixelOffset) + rowBytes * height;
}

// Whether the data starts like one of the accepted formats, for telling a damaged image that
// no decoder would take from something that is not an image at all.
bool hasKnownSignature(QIODevice& device)
{
    if (!device.seek(0))
        return false;
    const QByteArray head = device.read(12);
    return head.startsWith("\xFF\xD8\xFF") || head.startsWith("\x89PNG\r\n\x1A\n") || head.startsWith("II*")
        || head.startsWith(QByteArrayView("MM\0*", 4)) || head.startsWith("BM")
        || (head.startsWith("RIFF") && head.mid(8, 4) == "WEBP");
}

// 8-bit RGB with any transparency composited over white. In premultiplied form that is
// simply colour + (255 - alpha) per channel.
QImage flattenToRgb888(const QImage& image)
{
    if (!image.hasAlphaChannel())
        return image.convertToFormat(QImage::Format_RGB888);
    const QImage premultiplied = image.convertToFormat(QImage::Format_RGBA8888_Premultiplied);
    if (premultiplied.isNull())
        return {};
    QImage rgb(premultiplied.size(), QImage::Format_RGB888);
    if (rgb.isNull())
        return {};
    const int width = rgb.width();
    for (int y = 0; y < rgb.height(); ++y) {
        const uchar* in = premultiplied.constScanLine(y);
        uchar* out = rgb.scanLine(y);
        for (int x = 0; x < width; ++x, in += 4, out += 3) {
            const int uncovered = 255 - in[3];
            out[0] = uchar(std::min(255, in[0] + uncovered));
            out[1] = uchar(std::min(255, in[1] + uncovered));
            out[2] = uchar(std::min(255, in[2] + uncovered));
        }
    }
    return rgb;
}

DecodedImage finish(QImage image, QSize originalSize, const QByteArray& format, const Source& source, const DecodeOptions& options);

// HEIC phone photos: Qt 6 on Debian has no plugin for them, libheif reads them.
DecodedImage decodeHeif(QIODevice& device, const Source& source, const DecodeOptions& options)
{
    if (!device.seek(0))
        fail(source, device.errorString());
    const QByteArray data = device.readAll();
    HeifReader reader(data);
    const auto explain = [&] {
        switch (reader.problem()) {
        case HeifReader::Problem::NoDecoder:
            throw DecodeError(QCoreApplication::translate("weft::ImageDecoder",
                                                          "%1 is a HEIC/HEIF image, but the HEIF library on this computer (libheif %2) "
                                                          "cannot decode its compression (%3). Install libheif's decoders (on Debian and "
                                                          "Ubuntu: the packages libheif1 and libde265-0, or libheif-plugin-libde265 where it "
                                                          "exists), or save the photo as JPEG")
                                  .arg(source.subject, HeifReader::libraryVersion(), reader.detail()));
        case HeifReader::Problem::TooLarge:
            throw DecodeError(QCoreApplication::translate("weft::ImageDecoder",
                                                          "%1 is larger than the HEIF library decodes (%2); it may be a decompression bomb")
                                  .arg(source.subject, reader.detail()));
        case HeifReader::Problem::OutOfMemory:
            outOfMemory(source);
        case HeifReader::Problem::Damaged:
        case HeifReader::Problem::None:
            break;
        }
        damaged(source, reader.detail());
    };
    if (reader.problem() != HeifReader::Problem::None)
        explain();
    checkPixelLimit(source, reader.size(), options);
    // libheif decodes whole: its planes, their conversion to RGBA and the copy into a QImage.
    constexpr int heifBytesPerPixel = 12;
    const QSize target = fitWithin(reader.size(), options.maxSide);
    const auto reservation = reserveMemory(source, reader.size(), heifBytesPerPixel,
                                           area(reader.size()) * heifBytesPerPixel + outputBytes(target, target != reader.size(), false, 4));
    QImage image = reader.read();
    if (image.isNull())
        explain();
    return finish(std::move(image), reader.size(), "heif", source, options);
}

// A PNG to be shown smaller than stored, read row by row straight into the smaller size.
DecodedImage decodeReducedPng(QIODevice& device, const Source& source, QSize storedSize, QSize target,
                              QImageIOHandler::Transformations transformation, const DecodeOptions& options)
{
    const bool turned = transformation != QImageIOHandler::TransformationNone;
    const auto reservation = reserveMemory(source, storedSize, 4, qint64(storedSize.width()) * 4 + outputBytes(target, true, turned, 4));
    ReducedPngReader reader(device);
    switch (reader.read(target)) {
    case ReducedPngReader::Outcome::Read:
        break;
    case ReducedPngReader::Outcome::OutOfMemory:
        outOfMemory(source);
    case ReducedPngReader::Outcome::Interlaced:   // the header said otherwise
    case ReducedPngReader::Outcome::Damaged:
        damaged(source, reader.error());
    }
    const QImage image = transformed(reader.image(), transformation);
    const bool quarterTurn = transformation.testFlag(QImageIOHandler::TransformationRotate90);
    return finish(image, quarterTurn ? storedSize.transposed() : storedSize, "png", source, options);
}

DecodedImage decodeDevice(QIODevice& device, const Source& source, const DecodeOptions& options)
{
    const QByteArray head = device.peek(32);
    if (HeifReader::looksLikeHeif(head))
        return decodeHeif(device, source, options);
    routeLibtiffMessagesToLog();
    QImageReader reader(&device);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);

    const QByteArray format = reader.format();
    if (format.isEmpty()) {
        if (hasKnownSignature(device))   // e.g. a TIFF whose directory was cut off
            damaged(source, reader.errorString());
        notAnImage(source, reader.errorString());
    }
    if (!isAccepted(format))
        notAnImage(source, QCoreApplication::translate("weft::ImageDecoder", "it is in %1 format; Weft reads JPEG, PNG, TIFF, BMP, WebP and HEIC")
                               .arg(QString::fromLatin1(format).toUpper()));

    // The size in the header is the stored one; the EXIF orientation is applied after decoding
    // and after setScaledSize, so a quarter turn swaps width and height of the result.
    const QSize storedSize = reader.size();
    const bool quarterTurn = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
    std::optional<DecodeBudget::Reservation> reservation;
    if (storedSize.isValid()) {
        checkPixelLimit(source, quarterTurn ? storedSize.transposed() : storedSize, options);
        const QSize target = fitWithin(storedSize, options.maxSide);
        // Qt's PNG reader would build the whole image (8 bytes a pixel when 16-bit) first.
        if (format == "png" && target != storedSize && !isInterlacedPng(head))
            return decodeReducedPng(device, source, storedSize, target, reader.transformation(), options);
        if (target != storedSize)
            reader.setScaledSize(target);
        const int bytesPerPixel = decoderBytesPerPixel(reader);
        reservation.emplace(reserveMemory(source, storedSize, bytesPerPixel,
                                          area(decoderSize(format, storedSize, target)) * bytesPerPixel
                                              + outputBytes(target, target != storedSize, reader.transformation() != QImageIOHandler::TransformationNone,
                                                            bytesPerPixel)));
    } else {
        reservation.emplace(DecodeBudget::shared().reserve(kDecodeMemoryBudget));   // unknown: decode alone
    }
    ensureAllocationLimit();

    QImage image;
    bool read = reader.read(&image);
    if (!read && format == "tiff" && device.seek(0)) {
        // Qt reads TIFFs of floating-point samples only in some layouts.
        image = decodeFloatTiff(device.readAll());
        read = !image.isNull();
    }
    if (!read) {
        // Some decoders (PNG) hand back the rows they managed to decode; never use them.
        switch (reader.error()) {
        case QImageReader::UnsupportedFormatError:
            notAnImage(source, reader.errorString());
        case QImageReader::DeviceError:
            fail(source, device.errorString().isEmpty() ? reader.errorString() : device.errorString());
        default:
            damaged(source, reader.errorString());
        }
    }
    if (image.isNull())
        damaged(source, reader.errorString());
    // Every pixel there but the final marker missing: libjpeg took it all in.
    if (format == "jpeg" && !jpegHasEndMarker(device) && !(device.seek(0) && jpegScanIsComplete(device.readAll())))
        damaged(source, QCoreApplication::translate("weft::ImageDecoder", "Premature end of JPEG file"));
    if (format == "bmp" && !bmpIsComplete(device))
        damaged(source, QCoreApplication::translate("weft::ImageDecoder", "the pixel data stops early"));

    QSize originalSize = quarterTurn ? storedSize.transposed() : storedSize;
    if (!storedSize.isValid()) {   // the decoder could not tell before decoding
        originalSize = image.size();
        checkPixelLimit(source, originalSize, options);
    }
    return finish(std::move(image), originalSize, format, source, options);
}

// The decoded image scaled down to options.maxSide, in sRGB, as 8-bit RGB.
DecodedImage finish(QImage image, QSize originalSize, const QByteArray& format, const Source& source, const DecodeOptions& options)
{
    // Decoders that cannot scale while decoding, or a size that was unknown up front.
    if (options.maxSide > 0 && std::max(image.width(), image.height()) > options.maxSide) {
        image = image.scaled(fitWithin(image.size(), options.maxSide), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        if (image.isNull())
            outOfMemory(source);
    }

    // An embedded profile (Adobe RGB, Display P3, ...) would otherwise shift every colour.
    const QColorSpace srgb(QColorSpace::SRgb);
    if (image.colorSpace().isValid() && image.colorSpace() != srgb) {
        image.convertToColorSpace(srgb);
        if (image.isNull())
            outOfMemory(source);
    }

    DecodedImage result;
    result.image = flattenToRgb888(image);
    if (result.image.isNull())
        outOfMemory(source);
    result.originalSize = originalSize;
    result.format = format;
    return result;
}

}  // namespace

DecodedImage ImageDecoder::decode(const QString& path, const DecodeOptions& options)
{
    const QString shown = QDir::toNativeSeparators(path);
    const Source source{shown, shown, true};
    if (path.isEmpty())
        throw DecodeError(QCoreApplication::translate("weft::ImageDecoder", "Cannot read an image: no file name was given"));

    QFile file;
    QString whyNot;
    if (!RegularFile::open(file, path, whyNot))
        fail(source, whyNot);
    if (file.size() == 0)
        fail(source, QCoreApplication::translate("weft::ImageDecoder", "the file is empty"));
    return decodeDevice(file, source, options);
}

DecodedImage ImageDecoder::decode(const QByteArray& encoded, const DecodeOptions& options, const QString& nameForMessages)
{
    const Source source = nameForMessages.isEmpty()
        ? Source{QCoreApplication::translate("weft::ImageDecoder", "the pasted image"),
                 QCoreApplication::translate("weft::ImageDecoder", "The pasted image"), false}
        : Source{nameForMessages, nameForMessages, false};
    if (encoded.isEmpty())
        fail(source, QCoreApplication::translate("weft::ImageDecoder", "there is no image data"));

    QBuffer buffer;
    buffer.setData(encoded);   // shares, does not copy
    buffer.open(QIODevice::ReadOnly);
    return decodeDevice(buffer, source, options);
}

QStringList ImageDecoder::supportedSuffixes()
{
    static const QStringList suffixes = [] {
        const QList<QByteArray> readable = QImageReader::supportedImageFormats();
        QStringList list;
        for (const char* suffix : kSuffixes) {
            if (readable.contains(QByteArray(suffix)))
                list << QString::fromLatin1(suffix);
        }
        for (const char* suffix : kHeifSuffixes)
            list << QString::fromLatin1(suffix);
        return list;
    }();
    return suffixes;
}

}  // namespace weft
