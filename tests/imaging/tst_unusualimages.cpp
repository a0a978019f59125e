// Images that are whole but unusual, which the decoder once called damaged
// (issue 13, defect 7): a TIFF of 32-bit floating-point samples, and a JPEG whose
// data is all there but whose final end-of-image marker is missing. Both are
// made here, byte by byte or with Qt, and must decode to their pixels.

#include "core/imaging/ImageDecoder.h"
#include "common/FloatTiffBytes.h"

#include <QBuffer>
#include <QImage>
#include <QTest>

#include <cstring>

using namespace weft;
using weft::test::floatTiff;

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
