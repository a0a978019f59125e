// HEIC phone photos. Each test photo is encoded here, at test time, with the HEVC
// encoder of the same libheif that Weft decodes with (Debian's libheif1 has x265
// built in), so nothing binary is committed and the expected colours are known.

#include "core/imaging/ImageDecoder.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <libheif/heif.h>

#include <cstring>

using namespace weft;

namespace {

heif_error appendTo(heif_context*, const void* data, size_t size, void* bytes)
{
    static_cast<QByteArray*>(bytes)->append(static_cast<const char*>(data), qsizetype(size));
    return heif_error{heif_error_Ok, heif_suberror_Unspecified, "ok"};
}

// `image` as a HEIC file of good quality, marked to be shown turned by `orientation`.
// Empty (after a QFAIL-worthy warning) if this libheif cannot encode HEVC.
QByteArray encodeHeic(const QImage& picture, heif_orientation orientation = heif_orientation_normal)
{
    const QImage rgb = picture.convertToFormat(QImage::Format_RGB888);
    heif_context* context = heif_context_alloc();
    heif_encoder* encoder = nullptr;
    if (heif_context_get_encoder_for_format(context, heif_compression_HEVC, &encoder).code != heif_error_Ok) {
        heif_context_free(context);
        qWarning("libheif has no HEVC encoder (Debian's libheif1 brings x265)");
        return {};
    }
    heif_encoder_set_lossy_quality(encoder, 95);
    heif_image* image = nullptr;
    heif_image_create(rgb.width(), rgb.height(), heif_colorspace_RGB, heif_chroma_interleaved_RGB, &image);
    heif_image_add_plane(image, heif_channel_interleaved, rgb.width(), rgb.height(), 8);
    int stride = 0;
    uint8_t* plane = heif_image_get_plane(image, heif_channel_interleaved, &stride);
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(plane + qsizetype(y) * stride, rgb.constScanLine(y), size_t(rgb.width()) * 3);
    heif_encoding_options* options = heif_encoding_options_alloc();
    options->image_orientation = orientation;
    const heif_error encoded = heif_context_encode_image(context, image, encoder, options, nullptr);
    heif_encoding_options_free(options);
    heif_image_release(image);
    heif_encoder_release(encoder);
    QByteArray bytes;
    heif_writer writer{1, appendTo};
    if (encoded.code != heif_error_Ok || heif_context_write(context, &writer, &bytes).code != heif_error_Ok)
        bytes.clear();
    heif_context_free(context);
    return bytes;
}

// Left half red, right half blue: where each colour ends up shows the way up.
QImage twoColours(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(QColor(200, 40, 30));
    for (int y = 0; y < height; ++y)
        for (int x = width / 2; x < width; ++x)
            image.setPixelColor(x, y, QColor(30, 70, 200));
    return image;
}

bool near(const QColor& actual, const QColor& expected)
{
    constexpr int tolerance = 16;   // lossy HEVC and 4:2:0 chroma
    return qAbs(actual.red() - expected.red()) <= tolerance && qAbs(actual.green() - expected.green()) <= tolerance
        && qAbs(actual.blue() - expected.blue()) <= tolerance;
}

QString describe(const QColor& color)
{
    return QStringLiteral("(%1, %2, %3)").arg(color.red()).arg(color.green()).arg(color.blue());
}

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The message of the DecodeError that decoding `path` throws, or empty if none.
QString decodeError(const QString& path, const DecodeOptions& options = {})
{
    try {
        ImageDecoder::decode(path, options);
    } catch (const DecodeError& error) {
        return error.message();
    }
    return {};
}

// Overwrites the 32-bit big-endian field `offset` bytes after the first `box` type.
bool patchBox(QByteArray& bytes, const QByteArray& box, int offset, quint32 value)
{
    const qsizetype at = bytes.indexOf(box);
    if (at < 0 || at + offset + 4 > bytes.size())
        return false;
    qToBigEndian(value, bytes.data() + at + offset);
    return true;
}

}  // namespace

class HeicDecodingTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void decodesToTheRightSizeAndColours();
    void appliesTheRotation();
    void scalesDownLikeOtherFormats();
    void truncatedFileIsDamagedNotACrash();
    void hugeDimensionsAreRefusedAsABomb();
    void unknownCompressionSaysWhatToDo();
    void heicFilesAreAccepted();

private:
    QTemporaryDir m_dir;
    QByteArray m_photo;   // 128 x 64, red | blue
};

void HeicDecodingTest::initTestCase()
{
    m_photo = encodeHeic(twoColours(128, 64));
    if (m_photo.isEmpty())
        QFAIL("cannot make a HEIC test photo: this libheif has no HEVC encoder (install Debian's libheif1)");
    QCOMPARE(m_photo.mid(4, 8), QByteArray("ftypheic"));
}

void HeicDecodingTest::decodesToTheRightSizeAndColours()
{
    const QString path = writeFile(m_dir, QStringLiteral("photo.heic"), m_photo);
    const DecodedImage decoded = ImageDecoder::decode(path);
    QCOMPARE(decoded.format, QByteArray("heif"));
    QCOMPARE(decoded.originalSize, QSize(128, 64));
    QCOMPARE(decoded.image.size(), QSize(128, 64));
    QCOMPARE(decoded.image.format(), QImage::Format_RGB888);
    const QColor left = decoded.image.pixelColor(20, 32), right = decoded.image.pixelColor(108, 32);
    QVERIFY2(near(left, QColor(200, 40, 30)), qPrintable(describe(left)));
    QVERIFY2(near(right, QColor(30, 70, 200)), qPrintable(describe(right)));
    // Pasted or downloaded bytes decode alike.
    QCOMPARE(ImageDecoder::decode(m_photo).image.size(), QSize(128, 64));
}

void HeicDecodingTest::appliesTheRotation()
{
    // Stored 128 x 64, to be shown turned a quarter clockwise: the left (red) half on top.
    const QString path = writeFile(m_dir, QStringLiteral("turned.heic"), encodeHeic(twoColours(128, 64), heif_orientation_rotate_90_cw));
    const DecodedImage decoded = ImageDecoder::decode(path);
    QCOMPARE(decoded.originalSize, QSize(64, 128));
    QCOMPARE(decoded.image.size(), QSize(64, 128));
    const QColor top = decoded.image.pixelColor(32, 20), bottom = decoded.image.pixelColor(32, 108);
    QVERIFY2(near(top, QColor(200, 40, 30)), qPrintable(describe(top)));
    QVERIFY2(near(bottom, QColor(30, 70, 200)), qPrintable(describe(bottom)));
}

void HeicDecodingTest::scalesDownLikeOtherFormats()
{
    const QString path = writeFile(m_dir, QStringLiteral("scaled.heic"), m_photo);
    const DecodedImage decoded = ImageDecoder::decode(path, {32});
    QCOMPARE(decoded.originalSize, QSize(128, 64));
    QCOMPARE(decoded.image.size(), QSize(32, 16));
}

void HeicDecodingTest::truncatedFileIsDamagedNotACrash()
{
    for (const qsizetype length : {m_photo.size() * 2 / 3, qsizetype(40)}) {
        const QString path = writeFile(m_dir, QStringLiteral("cut-%1.heic").arg(length), m_photo.left(length));
        const QString message = decodeError(path);
        QVERIFY2(message.contains(QDir::toNativeSeparators(path)) && message.contains(QStringLiteral("truncated or damaged")),
                 qPrintable(QStringLiteral("%1 bytes: \"%2\"").arg(length).arg(message)));
    }
}

void HeicDecodingTest::hugeDimensionsAreRefusedAsABomb()
{
    // The header claims 20000 x 20000 (400 megapixels) for the same few hundred bytes.
    QByteArray bomb = m_photo;
    QVERIFY(patchBox(bomb, "ispe", 8, 20000));
    QVERIFY(patchBox(bomb, "ispe", 12, 20000));
    const QString path = writeFile(m_dir, QStringLiteral("bomb.heic"), bomb);
    const QString message = decodeError(path);
    QVERIFY2(message.contains(QStringLiteral("decompression bomb")) && message.contains(QStringLiteral("20000")), qPrintable(message));
}

void HeicDecodingTest::unknownCompressionSaysWhatToDo()
{
    // A HEIF whose picture is coded in a way this libheif has no decoder for (here
    // the item says VVC), as a phone photo is on a system without libde265.
    QByteArray vvc = m_photo;
    const qsizetype at = vvc.indexOf("hvc1");
    QVERIFY(at > 0);
    vvc.replace(at, 4, "vvc1");
    const QString path = writeFile(m_dir, QStringLiteral("vvc.heic"), vvc);
    const QString message = decodeError(path);
    QVERIFY2(message.contains(QStringLiteral("HEIC")) && message.contains(QStringLiteral("libheif"))
                 && message.contains(QStringLiteral("install"), Qt::CaseInsensitive),
             qPrintable(message));
}

void HeicDecodingTest::heicFilesAreAccepted()
{
    for (const QString& suffix : {QStringLiteral("heic"), QStringLiteral("heif")})
        QVERIFY(ImageDecoder::supportedSuffixes().contains(suffix));
    // Decided by content: a HEIC photo named .jpg is read all the same.
    const QString misnamed = writeFile(m_dir, QStringLiteral("really-heic.jpg"), m_photo);
    QCOMPARE(ImageDecoder::decode(misnamed).format, QByteArray("heif"));
}

QTEST_GUILESS_MAIN(HeicDecodingTest)
#include "tst_heicdecoding.moc"
