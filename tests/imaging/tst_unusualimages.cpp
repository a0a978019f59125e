// Images that are whole but unusual, which the decoder once called damaged
// (issue 13, defect 7): a TIFF of 32-bit floating-point samples, and a JPEG whose
// data is all there but whose final end-of-image marker is missing. Both are
// made here, byte by byte or with Qt, and must decode to their pixels.

#include "core/imaging/ImageDecoder.h"

#include <QBuffer>
#include <QImage>
#include <QTest>
#include <QtEndian>

#include <cstring>

using namespace weft;

namespace {

// A little-endian, uncompressed, one-strip TIFF of 32-bit float samples
// (SampleFormat 3), grey or RGB, `value(x, y, channel)` in 0..1.
template <typename Value>
QByteArray floatTiff(int width, int height, int channels, Value value)
{
    QByteArray pixels;
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < channels; ++c) {
                const float sample = value(x, y, c);
                char bytes[4];
                qToLittleEndian(sample, bytes);
                pixels.append(bytes, 4);
            }
    struct Entry {
        quint16 tag, type;
        quint32 count, value;
    };
    const quint32 pixelOffset = 8;
    const quint32 ifdOffset = pixelOffset + quint32(pixels.size());
    const int entries = 11;
    // Per-channel values (BitsPerSample, SampleFormat) of RGB go after the IFD.
    const quint32 extraOffset = ifdOffset + 2 + entries * 12 + 4;
    const bool rgb = channels == 3;
    const std::vector<Entry> ifd = {
        {256, 4, 1, quint32(width)},                                   // ImageWidth
        {257, 4, 1, quint32(height)},                                  // ImageLength
        {258, 3, quint32(channels), rgb ? extraOffset : 32},           // BitsPerSample
        {259, 3, 1, 1},                                                // Compression: none
        {262, 3, 1, rgb ? 2u : 1u},                                    // Photometric: RGB or min-is-black
        {273, 4, 1, pixelOffset},                                      // StripOffsets
        {277, 3, 1, quint32(channels)},                                // SamplesPerPixel
        {278, 4, 1, quint32(height)},                                  // RowsPerStrip
        {279, 4, 1, quint32(pixels.size())},                           // StripByteCounts
        {284, 3, 1, 1},                                                // PlanarConfiguration: chunky
        {339, 3, quint32(channels), rgb ? extraOffset + 6 : 3},        // SampleFormat: IEEE float
    };
    QByteArray tiff("II*\0", 4);
    char word[4];
    qToLittleEndian(ifdOffset, word);
    tiff.append(word, 4);
    tiff.append(pixels);
    char half[2];
    qToLittleEndian(quint16(entries), half);
    tiff.append(half, 2);
    for (const Entry& entry : ifd) {
        qToLittleEndian(entry.tag, half);
        tiff.append(half, 2);
        qToLittleEndian(entry.type, half);
        tiff.append(half, 2);
        qToLittleEndian(entry.count, word);
        tiff.append(word, 4);
        if (entry.type == 3 && entry.count == 1) {   // a SHORT sits in the first two bytes
            qToLittleEndian(quint16(entry.value), half);
            tiff.append(half, 2);
            tiff.append(2, '\0');
        } else {
            qToLittleEndian(entry.value, word);
            tiff.append(word, 4);
        }
    }
    tiff.append(4, '\0');   // no next IFD
    if (rgb)
        for (quint16 extra : {quint16(32), quint16(32), quint16(32), quint16(3), quint16(3), quint16(3)}) {
            qToLittleEndian(extra, half);
            tiff.append(half, 2);
        }
    return tiff;
}

}  // namespace

class UnusualImagesTest : public QObject {
    Q_OBJECT
private slots:
    void floatTiffDecodesToItsPixels_data();
    void floatTiffDecodesToItsPixels();
    void jpegCutInItsPixelsIsStillRefused();
};

void UnusualImagesTest::floatTiffDecodesToItsPixels_data()
{
    QTest::addColumn<int>("channels");
    QTest::newRow("grey") << 1;
    QTest::newRow("rgb") << 3;
}

void UnusualImagesTest::floatTiffDecodesToItsPixels()
{
    QFETCH(int, channels);
    // Left half dark, right half light; in RGB the right half is reddish.
    const QByteArray tiff = floatTiff(40, 30, channels, [](int x, int, int c) { return x < 20 ? 0.1f : (c == 0 ? 0.9f : 0.7f); });
    DecodedImage decoded;
    try {
        decoded = ImageDecoder::decode(tiff, {}, QStringLiteral("float.tif"));
    } catch (const DecodeError& error) {
        QFAIL(qPrintable(QStringLiteral("a float TIFF was refused: %1").arg(error.message())));
    }
    QCOMPARE(decoded.image.size(), QSize(40, 30));
    QCOMPARE(decoded.originalSize, QSize(40, 30));
    const QColor dark = decoded.image.pixelColor(5, 15);
    const QColor light = decoded.image.pixelColor(35, 15);
    QVERIFY2(light.green() > dark.green() + 100, qPrintable(QStringLiteral("dark %1, light %2").arg(dark.name(), light.name())));
    if (channels == 3)
        QVERIFY2(light.red() > light.green() + 20, qPrintable(light.name()));
}

namespace {

QByteArray jpegOf(const QImage& image)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "JPG", 90);
    return bytes;
}

QImage stripes()
{
    QImage image(64, 48, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixelColor(x, y, (x / 8) % 2 ? QColor(200, 40, 40) : QColor(30, 30, 160));
    return image;
}

}  // namespace

// A JPEG without its end marker decodes when every pixel is there
// (tst_imagedecoder); when its pixels are cut short too, it is refused as before.
void UnusualImagesTest::jpegCutInItsPixelsIsStillRefused()
{
    const QByteArray whole = jpegOf(stripes());
    QVERIFY_THROWS_EXCEPTION(DecodeError, ImageDecoder::decode(whole.left(whole.size() * 2 / 3)));
    QVERIFY_THROWS_EXCEPTION(DecodeError, ImageDecoder::decode(whole.chopped(40)));
}

QTEST_MAIN(UnusualImagesTest)
#include "tst_unusualimages.moc"
