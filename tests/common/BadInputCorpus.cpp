#include "common/BadInputCorpus.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QtEndian>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include <zlib.h>

#include <stdexcept>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

namespace weft::testcorpus {
namespace {

[[noreturn]] void cannot(const QString& what)
{
    throw std::runtime_error(("cannot make the bad-input corpus: " + what).toStdString());
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        cannot(path + QStringLiteral(": ") + file.errorString());
}

QByteArray encode(const QImage& image, const char* format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (!writer.write(image))
        cannot(QStringLiteral("encoding %1: %2").arg(QLatin1String(format), writer.errorString()));
    return bytes;
}

// Diagonal stripes, different for each seed, so that good images do not look alike.
QImage pattern(QSize size, int seed, QImage::Format format = QImage::Format_RGB888)
{
    QImage image(size, format);
    for (int y = 0; y < size.height(); ++y)
        for (int x = 0; x < size.width(); ++x)
            image.setPixelColor(x, y, ((x + 2 * y) / (4 + seed)) % 2 ? QColor(40 * seed % 256, 180, 70) : QColor(240, 230, 210));
    return image;
}

QByteArray bigEndian32(quint32 value)
{
    char raw[4];
    qToBigEndian(value, raw);
    return QByteArray(raw, 4);
}

QByteArray pngChunk(const char* type, const QByteArray& data)
{
    const QByteArray body = QByteArray(type) + data;
    const auto crc = quint32(crc32(0, reinterpret_cast<const Bytef*>(body.constData()), uInt(body.size())));
    return bigEndian32(quint32(data.size())) + body + bigEndian32(crc);
}

QByteArray pngHeader(QSize size, int bitDepth, int colourType, bool interlaced)
{
    const QByteArray header = bigEndian32(quint32(size.width())) + bigEndian32(quint32(size.height()))
        + QByteArray(1, char(bitDepth)) + QByteArray(1, char(colourType)) + QByteArray(2, '\0') + QByteArray(1, char(interlaced ? 1 : 0));
    return QByteArray("\x89PNG\r\n\x1A\n", 8) + pngChunk("IHDR", header);
}

// Deflates what it is given into IDAT chunks written to a file as they fill.
class IdatWriter {
public:
    explicit IdatWriter(QFile& file) : m_file(file), m_out(1 << 20)
    {
        if (deflateInit(&m_stream, Z_DEFAULT_COMPRESSION) != Z_OK)
            cannot(QStringLiteral("deflateInit failed"));
    }
    ~IdatWriter() { deflateEnd(&m_stream); }

    void add(const QByteArray& data, bool last = false)
    {
        m_stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.constData()));
        m_stream.avail_in = uInt(data.size());
        int result = Z_OK;
        do {
            m_stream.next_out = m_out.data();
            m_stream.avail_out = uInt(m_out.size());
            result = deflate(&m_stream, last ? Z_FINISH : Z_NO_FLUSH);
            const auto produced = qsizetype(m_out.size() - m_stream.avail_out);
            if (produced > 0)
                write(pngChunk("IDAT", QByteArray(reinterpret_cast<const char*>(m_out.data()), produced)));
        } while (m_stream.avail_out == 0 || (last && result != Z_STREAM_END));
    }

    void write(const QByteArray& bytes)
    {
        if (m_file.write(bytes) != bytes.size())
            cannot(m_file.fileName() + QStringLiteral(": ") + m_file.errorString());
    }

private:
    QFile& m_file;
    z_stream m_stream{};
    std::vector<Bytef> m_out;
};

void link(const QString& target, const QString& path)
{
    if (::symlink(QFile::encodeName(target).constData(), QFile::encodeName(path).constData()) != 0)
        cannot(QStringLiteral("symlink %1").arg(path));
}

}  // namespace

void writeSixteenBitRgbaPng(const QString& path, QSize size, bool interlaced)
{
    struct Pass {
        int x0, y0, dx, dy;
    };
    const std::vector<Pass> passes = interlaced
        ? std::vector<Pass>{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
        : std::vector<Pass>{{0, 0, 1, 1}};
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        cannot(path + QStringLiteral(": ") + file.errorString());
    IdatWriter idat(file);
    idat.write(pngHeader(size, 16, 6, interlaced));
    for (const Pass& pass : passes) {
        const int width = (size.width() - pass.x0 + pass.dx - 1) / pass.dx;
        const int height = (size.height() - pass.y0 + pass.dy - 1) / pass.dy;
        if (width <= 0 || height <= 0)
            continue;
        // The first row of a pass as it is; every other row repeats it, which filter type 2
        // ("up") writes as zeros.
        QByteArray first(1, '\0');
        for (int i = 0; i < width; ++i) {
            const Rgba64 colour = pass.x0 + i * pass.dx < size.width() / 2 ? kLeft : kRight;
            for (const quint16 sample : {colour.red, colour.green, colour.blue, colour.alpha}) {
                first.append(char(sample >> 8));
                first.append(char(sample & 0xFF));
            }
        }
        idat.add(first);
        QByteArray up(1 + qsizetype(width) * 8, '\0');
        up[0] = 2;
        for (int row = 1; row < height; ++row)
            idat.add(up);
    }
    idat.add({}, true);
    idat.write(pngChunk("IEND", {}));
}

QList<CorpusEntry> writeBadInputCorpus(const QString& folder)
{
    const QDir dir(folder);
    QList<CorpusEntry> entries;
    const auto add = [&](const QString& name, const QString& what, Expectation expected) {
        entries.append({dir.filePath(name), what, expected});
        return dir.filePath(name);
    };
    const auto bytes = [&](const QString& name, const QString& what, Expectation expected, const QByteArray& content) {
        writeBytes(add(name, what, expected), content);
    };

    // Good images, one in a folder named like an image.
    const QByteArray jpeg = encode(pattern({120, 90}, 1), "jpeg");
    const QByteArray png = encode(pattern({100, 80}, 2), "png");
    bytes(QStringLiteral("good.jpg"), QStringLiteral("a JPEG"), Expectation::Indexed, jpeg);
    bytes(QStringLiteral("good.png"), QStringLiteral("a PNG"), Expectation::Indexed, png);
    bytes(QStringLiteral("good.bmp"), QStringLiteral("a BMP"), Expectation::Indexed, encode(pattern({64, 64}, 3), "bmp"));
    if (!dir.mkpath(QStringLiteral("folder.png")))
        cannot(QStringLiteral("a folder named folder.png"));
    bytes(QStringLiteral("folder.png/inside.jpg"), QStringLiteral("a JPEG inside a folder named folder.png"), Expectation::Indexed,
          encode(pattern({90, 90}, 4), "jpeg"));
    bytes(QStringLiteral("png-named.jpg"), QStringLiteral("a PNG named .jpg"), Expectation::Indexed, encode(pattern({80, 60}, 5), "png"));
    bytes(QStringLiteral("sixteen-bit.png"), QStringLiteral("a 16-bit RGBA PNG"), Expectation::Indexed,
          encode(pattern({96, 72}, 6, QImage::Format_RGBA64), "png"));

    // Damaged, empty, not images.
    bytes(QStringLiteral("truncated.jpg"), QStringLiteral("a truncated JPEG"), Expectation::Failed, jpeg.left(jpeg.size() * 6 / 10));
    bytes(QStringLiteral("truncated.png"), QStringLiteral("a truncated PNG"), Expectation::Failed, png.left(png.size() * 6 / 10));
    bytes(QStringLiteral("empty.jpg"), QStringLiteral("a zero-byte file"), Expectation::Failed, {});
    bytes(QStringLiteral("text.jpg"), QStringLiteral("a text file named .jpg"), Expectation::Failed,
          "These are notes about the spring collection, not a picture.\n");
    // A few hundred bytes declaring 100000×100000 pixels (30 GB as RGB).
    uLongf deflatedSize = compressBound(4096);
    QByteArray deflated(qsizetype(deflatedSize), '\0');
    if (compress(reinterpret_cast<Bytef*>(deflated.data()), &deflatedSize, reinterpret_cast<const Bytef*>(QByteArray(4096, '\0').constData()),
                 4096) != Z_OK)
        cannot(QStringLiteral("compress failed"));
    bytes(QStringLiteral("bomb.png"), QStringLiteral("a decompression bomb"), Expectation::Failed,
          pngHeader({100000, 100000}, 8, 2, false) + pngChunk("IDAT", deflated.left(qsizetype(deflatedSize))) + pngChunk("IEND", {}));
    // Every pixel is there, only the end marker is missing: some decoders take it.
    bytes(QStringLiteral("no-end-marker.jpg"), QStringLiteral("a JPEG without its EOI marker"), Expectation::IndexedOrFailed, jpeg.chopped(2));

    // Extreme shapes.
    for (const QSize size : {QSize(1, 1024), QSize(2, 3000), QSize(20, 10000)}) {
        bytes(QStringLiteral("thin-%1x%2.png").arg(size.width()).arg(size.height()),
              QStringLiteral("a %1x%2 image").arg(size.width()).arg(size.height()), Expectation::IndexedOrFailed,
              encode(pattern(size, 7), "png"));
    }

    // 32-bit float samples, as scientific and HDR tools write them.
    cv::Mat floats(48, 64, CV_32FC3);
    floats.forEach<cv::Vec3f>([](cv::Vec3f& pixel, const int* position) {
        pixel = cv::Vec3f(float(position[1]) / 64.0f, float(position[0]) / 48.0f, 0.5f);
    });
    const QString floatTiff = add(QStringLiteral("float.tif"), QStringLiteral("a 32-bit float TIFF"), Expectation::IndexedOrFailed);
    if (!cv::imwrite(QFile::encodeName(floatTiff).toStdString(), floats))
        cannot(floatTiff);

    // Not files: a link to an endless device, a named pipe, a link loop.
    link(QStringLiteral("/dev/zero"), add(QStringLiteral("zero.jpg"), QStringLiteral("a link to /dev/zero"), Expectation::Failed));
    const QString fifo = add(QStringLiteral("pipe.png"), QStringLiteral("a named pipe"), Expectation::Failed);
    if (::mkfifo(QFile::encodeName(fifo).constData(), 0644) != 0)
        cannot(fifo);
    link(dir.filePath(QStringLiteral("loop-b.png")), add(QStringLiteral("loop-a.png"), QStringLiteral("a link loop"), Expectation::Failed));
    link(dir.filePath(QStringLiteral("loop-a.png")), add(QStringLiteral("loop-b.png"), QStringLiteral("a link loop"), Expectation::Failed));

    // A file nobody may read. Root reads it all the same, so as root it would be an ordinary
    // good image and says nothing about unreadable files: it is only made for other users.
    if (::geteuid() != 0) {
        const QString locked = add(QStringLiteral("locked.jpg"), QStringLiteral("an unreadable file"), Expectation::Failed);
        writeBytes(locked, encode(pattern({70, 70}, 8), "jpeg"));
        if (!QFile::setPermissions(locked, {}))
            cannot(locked);
    }
    return entries;
}

}  // namespace weft::testcorpus
