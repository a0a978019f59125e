// Every test image is drawn here and written with QImageWriter (or by hand, for headers Qt
// would never write), so the expected pixel values are known exactly.

#include "core/imaging/ImageDecoder.h"

#include <QBuffer>
#include <QColorSpace>
#include <QColorTransform>
#include <QDir>
#include <QFile>
#include <QImageWriter>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>
#include <QtEndian>

#include <functional>

using namespace weft;

namespace {

QByteArray encode(const QImage& image, const char* format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    if (!writer.write(image))
        qFatal("Cannot encode test image as %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

void appendBigEndian32(QByteArray& bytes, quint32 value)
{
    char raw[4];
    qToBigEndian(value, raw);
    bytes.append(raw, 4);
}

void appendBigEndian16(QByteArray& bytes, quint16 value)
{
    char raw[2];
    qToBigEndian(value, raw);
    bytes.append(raw, 2);
}

// CRC-32 as PNG uses it (ISO 3309, reflected, polynomial 0xEDB88320).
quint32 pngCrc(const QByteArray& data)
{
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data) {
        crc ^= uchar(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    QByteArray chunk;
    appendBigEndian32(chunk, quint32(data.size()));
    const QByteArray body = QByteArray(type) + data;
    chunk += body;
    appendBigEndian32(chunk, pngCrc(body));
    return chunk;
}

// An 8-bit RGB PNG assembled chunk by chunk; `rows` is the filtered scanline data.
QByteArray handMadePng(quint32 width, quint32 height, const QByteArray& rows)
{
    QByteArray header;
    appendBigEndian32(header, width);
    appendBigEndian32(header, height);
    header.append(char(8));   // bit depth
    header.append(char(2));   // colour type: RGB
    header.append(3, char(0));   // compression, filter, interlace
    const QByteArray zlibStream = qCompress(rows).mid(4);   // qCompress prefixes the length
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", header) + pngChunk("IDAT", zlibStream)
        + pngChunk("IEND", {});
}

// Inserts an APP1 Exif segment holding only an Orientation tag right after SOI.
QByteArray withExifOrientation(QByteArray jpeg, quint16 orientation)
{
    QByteArray tiff("MM\0\x2A\0\0\0\x08", 8);   // big-endian TIFF header, IFD0 at offset 8
    appendBigEndian16(tiff, 1);                   // one entry
    appendBigEndian16(tiff, 0x0112);              // Orientation
    appendBigEndian16(tiff, 3);                   // SHORT
    appendBigEndian32(tiff, 1);                   // count
    appendBigEndian16(tiff, orientation);
    appendBigEndian16(tiff, 0);                   // value padding
    appendBigEndian32(tiff, 0);                   // no next IFD
    const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xFF\xE1", 2);
    appendBigEndian16(segment, quint16(payload.size() + 2));
    segment += payload;
    jpeg.insert(2, segment);
    return jpeg;
}

QImage noise(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(42);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = random.generate() | 0xFF000000u;
    }
    return image;
}

// Empty if the pixel is within `tolerance` of `expected` on every channel, else a description.
QString checkPixel(const QImage& image, int x, int y, QColor expected, int tolerance = 0)
{
    const QColor actual = image.pixelColor(x, y);
    if (qAbs(actual.red() - expected.red()) <= tolerance && qAbs(actual.green() - expected.green()) <= tolerance
        && qAbs(actual.blue() - expected.blue()) <= tolerance)
        return {};
    return QStringLiteral("pixel (%1,%2) is (%3,%4,%5), expected (%6,%7,%8) \u00B1%9")
        .arg(x).arg(y)
        .arg(actual.red()).arg(actual.green()).arg(actual.blue())
        .arg(expected.red()).arg(expected.green()).arg(expected.blue())
        .arg(tolerance);
}

#define CHECK_PIXEL(image, x, y, expected, tolerance)                              \
    do {                                                                           \
        const QString problem = checkPixel((image), (x), (y), (expected), (tolerance)); \
        QVERIFY2(problem.isEmpty(), qPrintable(problem));                          \
    } while (false)

// The DecodeError message, or an empty string if decoding succeeded.
QString errorOf(const std::function<void()>& decode)
{
    try {
        decode();
    } catch (const DecodeError& error) {
        return error.message();
    }
    return {};
}

const QColor kQuadrants[4] = {QColor(200, 30, 40), QColor(30, 180, 60), QColor(40, 60, 210), QColor(128, 128, 128)};

QImage quadrantImage()
{
    QImage image(64, 64, QImage::Format_RGB32);
    for (int y = 0; y < 64; ++y)
        for (int x = 0; x < 64; ++x)
            image.setPixelColor(x, y, kQuadrants[(y / 32) * 2 + x / 32]);
    return image;
}

}  // namespace

class TestImageDecoder : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QString& name, const QByteArray& bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
            qFatal("Cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::addColumn<QByteArray>("writerFormat");
        QTest::addColumn<int>("tolerance");
        QTest::newRow("jpg") << "jpg" << QByteArray("jpeg") << 10;
        QTest::newRow("png") << "png" << QByteArray("png") << 0;
        QTest::newRow("bmp") << "bmp" << QByteArray("bmp") << 0;
        QTest::newRow("tiff") << "tif" << QByteArray("tiff") << 0;
        QTest::newRow("webp") << "webp" << QByteArray("webp") << 10;
    }

    void roundTrip()
    {
        QFETCH(QString, suffix);
        QFETCH(QByteArray, writerFormat);
        QFETCH(int, tolerance);
        const QString path = writeFile("quadrants." + suffix, encode(quadrantImage(), writerFormat.constData(), 90));

        const DecodedImage decoded = ImageDecoder::decode(path);
        QCOMPARE(decoded.format, writerFormat);
        QCOMPARE(decoded.image.format(), QImage::Format_RGB888);
        QCOMPARE(decoded.image.size(), QSize(64, 64));
        QCOMPARE(decoded.originalSize, QSize(64, 64));
        for (int quadrant = 0; quadrant < 4; ++quadrant)
            CHECK_PIXEL(decoded.image, 16 + 32 * (quadrant % 2), 16 + 32 * (quadrant / 2), kQuadrants[quadrant], tolerance);
    }

    void greyPngHasEqualChannels()
    {
        QImage grey(64, 8, QImage::Format_Grayscale8);
        for (int y = 0; y < grey.height(); ++y)
            for (int x = 0; x < grey.width(); ++x)
                grey.scanLine(y)[x] = uchar(x * 4);
        const DecodedImage decoded = ImageDecoder::decode(writeFile("grey.png", encode(grey, "png")));
        QCOMPARE(decoded.image.format(), QImage::Format_RGB888);
        for (int x = 0; x < 64; x += 7)
            CHECK_PIXEL(decoded.image, x, 3, QColor(x * 4, x * 4, x * 4), 0);
    }

    void alphaIsCompositedOverWhite()
    {
        QImage image(30, 10, QImage::Format_ARGB32);
        for (int y = 0; y < 10; ++y) {
            for (int x = 0; x < 30; ++x) {
                const QRgb colour = x < 10 ? qRgba(0, 0, 0, 0)            // fully transparent (black underneath)
                                  : x < 20 ? qRgba(255, 0, 0, 128)        // half-transparent red
                                           : qRgba(20, 40, 220, 255);     // opaque blue
                image.setPixel(x, y, colour);
            }
        }
        const DecodedImage decoded = ImageDecoder::decode(writeFile("alpha.png", encode(image, "png")));
        QCOMPARE(decoded.image.format(), QImage::Format_RGB888);
        CHECK_PIXEL(decoded.image, 5, 5, QColor(255, 255, 255), 0);
        CHECK_PIXEL(decoded.image, 15, 5, QColor(255, 127, 127), 1);
        CHECK_PIXEL(decoded.image, 25, 5, QColor(20, 40, 220), 0);
    }

    void indexedPngWithTransparentEntry()
    {
        QImage image(30, 10, QImage::Format_Indexed8);
        image.setColorTable({qRgba(0, 0, 0, 0), qRgb(10, 200, 30), qRgba(0, 0, 255, 64)});
        for (int y = 0; y < 10; ++y)
            for (int x = 0; x < 30; ++x)
                image.setPixel(x, y, uint(x / 10));
        const QByteArray png = encode(image, "png");
        QCOMPARE(int(uchar(png.at(25))), 3);   // IHDR colour type: palette
        const DecodedImage decoded = ImageDecoder::decode(writeFile("indexed.png", png));
        CHECK_PIXEL(decoded.image, 5, 5, QColor(255, 255, 255), 0);
        CHECK_PIXEL(decoded.image, 15, 5, QColor(10, 200, 30), 0);
        CHECK_PIXEL(decoded.image, 25, 5, QColor(191, 191, 255), 1);   // 64/255 blue over white
    }

    void sixteenBitPng()
    {
        QImage image(20, 10, QImage::Format_RGBA64);
        for (int y = 0; y < 10; ++y) {
            for (int x = 0; x < 20; ++x) {
                // Low bytes far from the high ones, so taking the wrong byte shows.
                image.setPixelColor(x, y, x < 10 ? QColor::fromRgba64(0x12FF, 0xA0C8, 0x7F01, 0xFFFF)
                                                 : QColor::fromRgba64(0xFFFF, 0x0000, 0x0000, 0x8000));
            }
        }
        const QByteArray png = encode(image, "png");
        QCOMPARE(int(uchar(png.at(24))), 16);   // IHDR bit depth
        const DecodedImage decoded = ImageDecoder::decode(writeFile("deep.png", png));
        QCOMPARE(decoded.image.format(), QImage::Format_RGB888);
        CHECK_PIXEL(decoded.image, 5, 5, QColor(19, 160, 127), 1);   // 0x12FF/257, 0xA0C8/257, 0x7F01/257
        CHECK_PIXEL(decoded.image, 15, 5, QColor(255, 127, 127), 1);
    }

    void sixteenBitGreyPng()
    {
        QImage image(10, 10, QImage::Format_Grayscale16);
        image.fill(QColor::fromRgba64(0xC0FF, 0xC0FF, 0xC0FF));
        const QByteArray png = encode(image, "png");
        QCOMPARE(int(uchar(png.at(24))), 16);
        QCOMPARE(int(uchar(png.at(25))), 0);   // colour type: grey
        const DecodedImage decoded = ImageDecoder::decode(writeFile("deepgrey.png", png));
        CHECK_PIXEL(decoded.image, 5, 5, QColor(192, 192, 192), 1);
    }

    void embeddedProfileIsConvertedToSrgb()
    {
        QImage image(10, 10, QImage::Format_RGB32);
        image.fill(QColor(200, 100, 50));
        image.setColorSpace(QColorSpace(QColorSpace::AdobeRgb));
        const QColor expected = QColorSpace(QColorSpace::AdobeRgb).transformationToColorSpace(QColorSpace::SRgb).map(QColor(200, 100, 50));
        QVERIFY(checkPixel(image, 5, 5, expected, 3).size() > 0);   // the conversion matters for this colour

        const DecodedImage decoded = ImageDecoder::decode(writeFile("adobe.png", encode(image, "png")));
        CHECK_PIXEL(decoded.image, 5, 5, expected, 2);
    }

    void exifOrientation_data()
    {
        QTest::addColumn<int>("orientation");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<QPoint>("markedCorner");
        // Stored 60x40 with a red square in the top-left corner.
        QTest::newRow("1 upright") << 1 << QSize(60, 40) << QPoint(5, 5);
        QTest::newRow("3 half turn") << 3 << QSize(60, 40) << QPoint(54, 34);
        QTest::newRow("6 quarter turn clockwise") << 6 << QSize(40, 60) << QPoint(34, 5);
        QTest::newRow("8 quarter turn anticlockwise") << 8 << QSize(40, 60) << QPoint(5, 54);
    }

    void exifOrientation()
    {
        QFETCH(int, orientation);
        QFETCH(QSize, size);
        QFETCH(QPoint, markedCorner);
        QImage image(60, 40, QImage::Format_RGB32);
        image.fill(QColor(0, 0, 255));
        for (int y = 0; y < 12; ++y)
            for (int x = 0; x < 12; ++x)
                image.setPixelColor(x, y, QColor(255, 0, 0));
        const QByteArray jpeg = withExifOrientation(encode(image, "jpeg", 95), quint16(orientation));

        const DecodedImage decoded = ImageDecoder::decode(writeFile(QStringLiteral("oriented%1.jpg").arg(orientation), jpeg));
        QCOMPARE(decoded.image.size(), size);
        QCOMPARE(decoded.originalSize, size);
        CHECK_PIXEL(decoded.image, markedCorner.x(), markedCorner.y(), QColor(255, 0, 0), 30);
        // The opposite corner stays blue.
        CHECK_PIXEL(decoded.image, size.width() - 1 - markedCorner.x(), size.height() - 1 - markedCorner.y(), QColor(0, 0, 255), 30);
    }

    void largeJpegIsScaledDown()
    {
        QImage image(3000, 2000, QImage::Format_RGB32);
        image.fill(QColor(0, 200, 0));
        for (int y = 0; y < 2000; ++y)
            std::fill_n(reinterpret_cast<QRgb*>(image.scanLine(y)), 1500, qRgb(220, 0, 0));
        const QString path = writeFile("large.jpg", encode(image, "jpeg", 90));

        const DecodedImage decoded = ImageDecoder::decode(path);
        QCOMPARE(decoded.image.size(), QSize(1024, 683));
        QCOMPARE(decoded.originalSize, QSize(3000, 2000));
        QCOMPARE(decoded.image.format(), QImage::Format_RGB888);
        CHECK_PIXEL(decoded.image, 256, 340, QColor(220, 0, 0), 10);
        CHECK_PIXEL(decoded.image, 768, 340, QColor(0, 200, 0), 10);

        DecodeOptions fullSize;
        fullSize.maxSide = 0;
        QCOMPARE(ImageDecoder::decode(path, fullSize).image.size(), QSize(3000, 2000));
    }

    void largeRotatedJpegIsScaledDown()
    {
        // Stored 3000x2000 with the left half red, shown a quarter turn clockwise: 2000x3000
        // with the top half red.
        QImage image(3000, 2000, QImage::Format_RGB32);
        image.fill(QColor(0, 200, 0));
        for (int y = 0; y < 2000; ++y)
            std::fill_n(reinterpret_cast<QRgb*>(image.scanLine(y)), 1500, qRgb(220, 0, 0));
        const QString path = writeFile("large-rotated.jpg", withExifOrientation(encode(image, "jpeg", 90), 6));

        const DecodedImage decoded = ImageDecoder::decode(path);
        QCOMPARE(decoded.image.size(), QSize(683, 1024));
        QCOMPARE(decoded.originalSize, QSize(2000, 3000));
        CHECK_PIXEL(decoded.image, 340, 256, QColor(220, 0, 0), 10);
        CHECK_PIXEL(decoded.image, 340, 768, QColor(0, 200, 0), 10);
    }

    void largePngIsScaledDown()
    {
        // PNG cannot scale while decoding: this goes through the resampling after decoding.
        QImage image(2048, 512, QImage::Format_RGB32);
        image.fill(QColor(10, 20, 240));
        const DecodedImage decoded = ImageDecoder::decode(writeFile("wide.png", encode(image, "png")));
        QCOMPARE(decoded.image.size(), QSize(1024, 256));
        QCOMPARE(decoded.originalSize, QSize(2048, 512));
        CHECK_PIXEL(decoded.image, 500, 100, QColor(10, 20, 240), 1);

        DecodeOptions small;
        small.maxSide = 100;
        QCOMPARE(ImageDecoder::decode(writeFile("wide.png", encode(image, "png")), small).image.size(), QSize(100, 25));
    }

    void pixelLimitRefusesBeforeDecoding()
    {
        QImage image(100, 100, QImage::Format_RGB32);
        image.fill(Qt::white);
        const QString path = writeFile("hundred.png", encode(image, "png"));
        DecodeOptions options;
        options.maxPixels = 1000;
        const QString message = errorOf([&] { ImageDecoder::decode(path, options); });
        QVERIFY2(message.contains("megapixel"), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("100\u00D7100")), qPrintable(message));
        QVERIFY2(message.contains("0.001"), qPrintable(message));
        QVERIFY2(message.contains("hundred.png"), qPrintable(message));

        options.maxPixels = 10000;   // exactly at the limit is fine
        QCOMPARE(ImageDecoder::decode(path, options).image.size(), QSize(100, 100));
    }

    void handMadePngHelperIsValid()
    {
        // Validates the chunk and CRC helpers the bomb test relies on: a 2x2 image built the
        // same way must decode to the pixels written.
        const QByteArray rows = QByteArray("\0\xFF\0\0\0\xFF\0", 7) + QByteArray("\0\0\0\xFF\xFF\xFF\xFF", 7);
        const DecodedImage decoded = ImageDecoder::decode(handMadePng(2, 2, rows));
        QCOMPARE(decoded.image.size(), QSize(2, 2));
        CHECK_PIXEL(decoded.image, 0, 0, QColor(255, 0, 0), 0);
        CHECK_PIXEL(decoded.image, 1, 0, QColor(0, 255, 0), 0);
        CHECK_PIXEL(decoded.image, 0, 1, QColor(0, 0, 255), 0);
        CHECK_PIXEL(decoded.image, 1, 1, QColor(255, 255, 255), 0);
    }

    void decompressionBombIsRefused()
    {
        // A few hundred bytes claiming 100000x100000 pixels (30 GB as RGB).
        const QByteArray bomb = handMadePng(100000, 100000, QByteArray(4096, '\0'));
        QVERIFY(bomb.size() < 1000);
        const QString path = writeFile("bomb.png", bomb);
        const QString message = errorOf([&] { ImageDecoder::decode(path); });
        QVERIFY2(message.contains(QStringLiteral("100000\u00D7100000")), qPrintable(message));
        QVERIFY2(message.contains("150 megapixels"), qPrintable(message));
        QVERIFY2(message.contains("decompression bomb"), qPrintable(message));

        const QString pasted = errorOf([&] { ImageDecoder::decode(bomb); });
        QVERIFY2(pasted.startsWith("The pasted image is 100000"), qPrintable(pasted));
    }

    void emptyFile()
    {
        const QString path = writeFile("empty.jpg", {});
        const QString message = errorOf([&] { ImageDecoder::decode(path); });
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)) && message.contains("empty"), qPrintable(message));
    }

    void truncatedFile_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::newRow("jpeg") << QByteArray("jpeg");
        QTest::newRow("png") << QByteArray("png");
        QTest::newRow("bmp") << QByteArray("bmp");
        QTest::newRow("tiff") << QByteArray("tiff");
        QTest::newRow("webp") << QByteArray("webp");
    }

    void truncatedFile()
    {
        // libjpeg and Qt's BMP reader return the first half and fill the rest without
        // reporting an error; the decoder must still refuse.
        QFETCH(QByteArray, format);
        const QByteArray whole = encode(noise(256, 256), format.constData(), 90);
        QCOMPARE(ImageDecoder::decode(whole).image.size(), QSize(256, 256));
        const QString path = writeFile("half." + format, whole.left(whole.size() / 2));
        const QString message = errorOf([&] { ImageDecoder::decode(path); });
        QVERIFY2(message.startsWith("Cannot read " + QDir::toNativeSeparators(path) + ": the file is truncated or damaged ("),
                 qPrintable(message));
    }

    void jpegWithoutEndMarker()
    {
        const QByteArray whole = encode(noise(64, 64), "jpeg", 90);
        QVERIFY(whole.endsWith("\xFF\xD9"));
        // Every pixel is there (libjpeg decodes it all): only a cut in the pixels is damage
        // (tst_unusualimages).
        QCOMPARE(ImageDecoder::decode(whole.chopped(2), {}, "clip.jpg").image, ImageDecoder::decode(whole).image);

        // Bytes after the end marker (some cameras append data) are harmless.
        QCOMPARE(ImageDecoder::decode(whole + QByteArray(100000, 'x')).image.size(), QSize(64, 64));
    }

    void textFileNamedPng()
    {
        const QString path = writeFile("notes.png", "These are not the pixels you are looking for.\n");
        const QString message = errorOf([&] { ImageDecoder::decode(path); });
        QVERIFY2(message.startsWith(QDir::toNativeSeparators(path) + " is not an image Weft can read ("), qPrintable(message));
    }

    void gifIsRefused()
    {
        // A 1x1 GIF: Qt reads it, Weft does not index GIFs.
        const QByteArray gif("GIF89a\x01\x00\x01\x00\x80\x00\x00\xFF\xFF\xFF\x00\x00\x00!\xF9\x04\x01\x00\x00\x00\x00"
                             ",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02\x44\x01\x00;", 43);
        QVERIFY(!QImage::fromData(gif).isNull());
        const QString message = errorOf([&] { ImageDecoder::decode(gif, {}, "dot.png"); });
        QVERIFY2(message.startsWith("dot.png is not an image Weft can read (it is in GIF format"), qPrintable(message));
    }

    void pngNamedJpgDecodes()
    {
        const DecodedImage decoded = ImageDecoder::decode(writeFile("really-a-png.jpg", encode(quadrantImage(), "png")));
        QCOMPARE(decoded.format, QByteArray("png"));
        CHECK_PIXEL(decoded.image, 16, 16, kQuadrants[0], 0);
    }

    void missingFile()
    {
        const QString path = m_dir.filePath("nowhere.jpg");
        const QString message = errorOf([&] { ImageDecoder::decode(path); });
        QCOMPARE(message, "Cannot read " + QDir::toNativeSeparators(path) + ": the file does not exist");
    }

    void directory()
    {
        const QString path = m_dir.filePath("folder.jpg");
        QVERIFY(QDir().mkpath(path));
        const QString message = errorOf([&] { ImageDecoder::decode(path); });
        QCOMPARE(message, "Cannot read " + QDir::toNativeSeparators(path) + ": it is a folder, not an image file");
    }

    static QString errorAsNobody(const QString& path)
    {
        int channel[2];
        if (pipe(channel) != 0)
            qFatal("pipe failed");
        // The folders on the way may be passed through, so only the file itself is locked.
        for (QDir dir = QFileInfo(path).absoluteDir(); !dir.isRoot(); dir.cdUp())
            if (dir.absolutePath().startsWith(QDir::tempPath() + QLatin1Char('/')))
                QFile::setPermissions(dir.absolutePath(), QFile::permissions(dir.absolutePath()) | QFileDevice::ExeOther);
        const pid_t child = fork();
        if (child == 0) {
            close(channel[0]);
            QByteArray text = "could not give up root";
            if (setgid(65534) == 0 && setuid(65534) == 0)
                text = errorOf([&] { ImageDecoder::decode(path); }).toUtf8();
            if (write(channel[1], text.constData(), std::size_t(text.size())) < 0)
                _exit(2);
            _exit(0);
        }
        close(channel[1]);
        QByteArray text;
        char buffer[512];
        for (ssize_t n; (n = read(channel[0], buffer, sizeof buffer)) > 0;)
            text.append(buffer, qsizetype(n));
        close(channel[0]);
        waitpid(child, nullptr, 0);
        return QString::fromUtf8(text);
    }

    void unreadableFile()
    {
        const QString path = writeFile("locked.png", encode(quadrantImage(), "png"));
        QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
        QFile probe(path);
        // Root reads it anyway: then the decoder is asked from a child process that
        // has given its privileges up (user and group nobody), as a user would be.
        const QString message = probe.open(QIODevice::ReadOnly) ? errorAsNobody(path) : errorOf([&] { ImageDecoder::decode(path); });
        QVERIFY2(message.startsWith("Cannot read " + QDir::toNativeSeparators(path) + ": ") && message.contains("permission"),
                 qPrintable(message));
    }

    void decodeBytes()
    {
        const DecodedImage decoded = ImageDecoder::decode(encode(quadrantImage(), "png"));
        QCOMPARE(decoded.format, QByteArray("png"));
        QCOMPARE(decoded.originalSize, QSize(64, 64));
        for (int quadrant = 0; quadrant < 4; ++quadrant)
            CHECK_PIXEL(decoded.image, 16 + 32 * (quadrant % 2), 16 + 32 * (quadrant / 2), kQuadrants[quadrant], 0);

        QCOMPARE(errorOf([] { ImageDecoder::decode(QByteArray()); }), QStringLiteral("Cannot read the pasted image: there is no image data"));
    }

    void supportedSuffixes()
    {
        const QStringList suffixes = ImageDecoder::supportedSuffixes();
        for (const char* expected : {"jpg", "jpeg", "png", "tif", "tiff", "bmp", "webp"})
            QVERIFY2(suffixes.contains(QLatin1String(expected)), expected);   // all plugins are installed here
        QVERIFY(!suffixes.contains("gif"));
        for (const QString& suffix : suffixes)
            QCOMPARE(suffix, suffix.toLower());
    }
};

QTEST_GUILESS_MAIN(TestImageDecoder)
#include "tst_imagedecoder.moc"
