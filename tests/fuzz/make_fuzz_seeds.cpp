// Writes the fuzz targets' starting corpora, made at run time so that no binary
// file is kept in the repository:
//   make_fuzz_seeds OUT   →   OUT/decoder, OUT/catalog, OUT/index
// decoder: small images in every format Weft reads (JPEG with EXIF orientation,
// PNG with alpha and 16 bits, TIFF, BMP, WebP); catalog: catalogs with roots,
// images of every status, fingerprints, components with masks and collections;
// index: index folders as IndexBundle.h joins them, one with a journal.

#include "FuzzLibrary.h"
#include "IndexBundle.h"

#include "core/catalog/Catalog.h"
#include "core/index/IndexFiles.h"
#include "core/index/VectorIndex.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>

using namespace weft;

namespace {

void writeSeed(const QDir& out, const QString& name, const QByteArray& bytes)
{
    fuzz::writeFile(out.filePath(name), bytes);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

QImage pattern(int width, int height, QImage::Format format)
{
    QImage image(width, height, format);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixelColor(x, y, QColor::fromRgb((x * 37) & 255, (y * 53) & 255, ((x + y) * 11) & 255, (x * y) & 255));
    return image;
}

QByteArray encoded(const QImage& image, const char* format, int quality = -1)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    if (!writer.write(image))
        qFatal("cannot encode %s: %s", format, qPrintable(writer.errorString()));
    return bytes;
}

// A JPEG with an EXIF block saying "rotate 90° clockwise" (orientation 6) after SOI.
QByteArray rotatedJpeg()
{
    const QByteArray jpeg = encoded(pattern(24, 12, QImage::Format_RGB32), "jpeg", 80);
    const QByteArray tiff = QByteArrayLiteral("MM\x00\x2A\x00\x00\x00\x08\x00\x01\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00\x00\x00\x00\x00");
    QByteArray app1 = QByteArrayLiteral("Exif\x00\x00") + tiff;
    const int length = int(app1.size()) + 2;
    app1.prepend(char(length & 0xFF)).prepend(char(length >> 8)).prepend("\xFF\xE1");
    return jpeg.left(2) + app1 + jpeg.mid(2);
}

void writeDecoderSeeds(const QDir& out)
{
    writeSeed(out, QStringLiteral("rgb.jpg"), encoded(pattern(20, 14, QImage::Format_RGB32), "jpeg", 90));
    writeSeed(out, QStringLiteral("exif.jpg"), rotatedJpeg());
    writeSeed(out, QStringLiteral("progressive.jpg"), [] {
        QByteArray bytes;
        QBuffer buffer(&bytes);
        buffer.open(QIODevice::WriteOnly);
        QImageWriter writer(&buffer, "jpeg");
        writer.setProgressiveScanWrite(true);
        writer.write(pattern(16, 16, QImage::Format_RGB32));
        return bytes;
    }());
    writeSeed(out, QStringLiteral("alpha.png"), encoded(pattern(9, 7, QImage::Format_ARGB32), "png"));
    writeSeed(out, QStringLiteral("deep.png"), encoded(pattern(6, 5, QImage::Format_RGBA64), "png"));
    writeSeed(out, QStringLiteral("grey.png"), encoded(pattern(8, 8, QImage::Format_Grayscale8), "png"));
    writeSeed(out, QStringLiteral("rgb.bmp"), encoded(pattern(5, 3, QImage::Format_RGB888), "bmp"));
    writeSeed(out, QStringLiteral("rgb.tif"), encoded(pattern(7, 4, QImage::Format_RGB32), "tiff"));
    writeSeed(out, QStringLiteral("rgb.webp"), encoded(pattern(10, 6, QImage::Format_RGB32), "webp", 50));
}

// A catalog with something in every table, rewritten with 512-byte pages so that
// the fuzzer's inputs stay small.
QByteArray catalogSeed(const QString& folder, int images, bool withProjection)
{
    const QString path = QDir(folder).filePath(QStringLiteral("catalog.sqlite"));
    {
        Catalog catalog(path);
        const qint64 root = catalog.addRoot(QStringLiteral("/prints"));
        catalog.addRoot(QStringLiteral("/scans"));
        const qint64 favourites = Catalog::kFavourites;
        const qint64 mine = catalog.createCollection(QStringLiteral("florals"));
        for (int i = 0; i < images; ++i) {
            ImageRecord record;
            record.rootId = root;
            record.path = QStringLiteral("/prints/%1/%2.jpg").arg(i % 2 ? QStringLiteral("summer") : QStringLiteral("winter")).arg(i);
            record.size = 1000 + i;
            record.mtimeMs = 1700000000000 + i;
            record.contentHash = QByteArray(16, char('a' + i));
            record.status = ImageStatus(i % 3);
            if (record.status == ImageStatus::Failed)
                record.error = QStringLiteral("Cannot read it");
            const qint64 id = catalog.upsertImage(record);
            if (record.status == ImageStatus::Indexed) {
                std::vector<float> vector(8);
                for (std::size_t k = 0; k < vector.size(); ++k)
                    vector[k] = float(std::sin(double(i * 8 + int(k))));
                catalog.setFingerprint(id, fuzz::kMethod, vector, 64 + i, 48);
                Component component;
                component.box = QRect(2, 3, 6, 5);
                component.mask = QImage(6, 5, QImage::Format_Grayscale8);
                component.mask.fill(255);
                component.score = 0.75f;
                component.label = QStringLiteral("motif");
                component.group = 1;
                catalog.setComponents(id, {component, Component{QRect(0, 0, 4, 4), QImage(), 0.5f, QStringLiteral("motif"), 2}}, fuzz::kDetector);
                catalog.addToCollection(i % 2 ? favourites : mine, id);
            }
        }
        if (withProjection)
            catalog.setProjection(fuzz::kMethod, QByteArray(64, '\x11'));
        catalog.setMeta(QStringLiteral("method"), fuzz::kMethod);
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("seed"));
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(path));
        QSqlQuery query(db);
        for (const char* sql : {"PRAGMA journal_mode = DELETE", "PRAGMA page_size = 512", "VACUUM"})
            if (!query.exec(QLatin1String(sql)))
                qFatal("%s: %s", sql, qPrintable(query.lastError().text()));
        query = QSqlQuery();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("seed"));
    return readFile(path);
}

void writeCatalogSeeds(const QDir& out)
{
    const QTemporaryDir small, larger;
    writeSeed(out, QStringLiteral("small.sqlite"), catalogSeed(small.path(), 4, false));
    writeSeed(out, QStringLiteral("larger.sqlite"), catalogSeed(larger.path(), 12, true));
}

std::vector<float> vectorFor(int i, int dim)
{
    std::vector<float> vector(static_cast<std::size_t>(dim));
    for (int k = 0; k < dim; ++k)
        vector[std::size_t(k)] = float(std::cos(double(i * 3 + k * 7)));
    return vector;
}

QByteArray bundleOf(const QString& folder, quint64 generation, const QByteArray& journalBody = {}, bool withJournal = false)
{
    const QString prefix = QDir(folder).filePath(QStringLiteral("index-%1.").arg(generation));
    QList<QByteArray> parts{readFile(QDir(folder).filePath(QStringLiteral("index.json"))), readFile(prefix + QStringLiteral("links")),
                            readFile(prefix + QStringLiteral("vectors")), readFile(prefix + QStringLiteral("upper"))};
    if (withJournal)
        parts << journalBody;
    return fuzz::joinBundle(parts);
}

void writeIndexSeeds(const QDir& out)
{
    constexpr int dim = 8;
    const QTemporaryDir folder;
    VectorIndex index(dim, fuzz::kMethod, 4, 16);
    for (int i = 0; i < 40; ++i)
        index.add(100 + i, vectorFor(i, dim));
    index.remove(105);
    index.setCheckpoint(QStringLiteral("fuzz-catalog"), 7);
    index.save(folder.path());
    writeSeed(out, QStringLiteral("forty"), bundleOf(folder.path(), 1));

    // A save stopped after index.json was replaced, its journal not yet applied.
    index.add(103, vectorFor(90, dim));
    index.remove(110);
    index.add(200, vectorFor(91, dim));
    indexfiles::setCrashProbeForTesting([](const char* step, qint64) { return std::strcmp(step, "header:written") == 0; });
    index.save(folder.path());
    indexfiles::setCrashProbeForTesting({});
    const QByteArray journal = readFile(QDir(folder.path()).filePath(QStringLiteral("index-1.journal")));
    if (journal.size() < 32)
        qFatal("the interrupted save left no journal");
    writeSeed(out, QStringLiteral("journal"), bundleOf(folder.path(), 1, journal.mid(16, journal.size() - 32), true));

    const QTemporaryDir empty;
    VectorIndex(dim, fuzz::kMethod, 4, 16).save(empty.path());
    writeSeed(out, QStringLiteral("empty"), bundleOf(empty.path(), 1));
}

}  // namespace

int main(int argc, char** argv)
{
    QCoreApplication application(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUT\n", argv[0]);
        return 2;
    }
    for (const char* kind : {"decoder", "catalog", "index"})
        if (!QDir().mkpath(QDir(QString::fromLocal8Bit(argv[1])).filePath(QLatin1String(kind))))
            qFatal("cannot create %s/%s", argv[1], kind);
    const QDir out(QString::fromLocal8Bit(argv[1]));
    writeDecoderSeeds(QDir(out.filePath(QStringLiteral("decoder"))));
    writeCatalogSeeds(QDir(out.filePath(QStringLiteral("catalog"))));
    writeIndexSeeds(QDir(out.filePath(QStringLiteral("index"))));
    return 0;
}
