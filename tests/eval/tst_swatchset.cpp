#include "core/common/Error.h"
#include "core/eval/SwatchSet.h"
#include "core/imaging/ImageDecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace weft;

namespace {

// Distinct textured images: stripes, rings and a checker board of different colours.
QImage textured(int kind, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            int r = 0, g = 0, b = 0;
            if (kind == 0) {                       // diagonal red stripes
                const bool on = ((x + y) / 7) % 2 == 0;
                r = on ? 220 : 90, g = on ? 40 : 20, b = (x * 3) % 256;
            } else if (kind == 1) {                // green rings
                const int d = int(std::sqrt(double((x - 37) * (x - 37) + (y - 21) * (y - 21))));
                r = (y * 5) % 256, g = (d / 5) % 2 ? 210 : 60, b = 30;
            } else {                               // blue checker board
                const bool on = (x / 9 + y / 6) % 2 == 0;
                r = 40, g = (x + 2 * y) % 256, b = on ? 230 : 70;
            }
            image.setPixel(x, y, qRgb(r, g, b));
        }
    }
    return image;
}

QImage flat(QRgb colour, int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(colour);
    return image;
}

QList<LabelledImage> saveSources(const QTemporaryDir& dir, const QList<QImage>& images)
{
    QList<LabelledImage> labels;
    for (int i = 0; i < images.size(); ++i) {
        const QString path = dir.filePath(QStringLiteral("source-%1.png").arg(i));
        if (!images[i].save(path, "PNG"))
            qFatal("cannot write %s", qPrintable(path));
        labels.append({path, QStringLiteral("class%1").arg(i)});
    }
    return labels;
}

QImage decodeFull(const QString& path)
{
    DecodeOptions full;
    full.maxSide = 0;
    return ImageDecoder::decode(path, full).image;
}

QByteArray bytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int fileCount(const QString& folder)
{
    return int(QDir(folder).entryList(QDir::Files).size());
}

void meanColour(const QImage& image, double mean[3])
{
    mean[0] = mean[1] = mean[2] = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = image.pixel(x, y);
            mean[0] += qRed(p), mean[1] += qGreen(p), mean[2] += qBlue(p);
        }
    for (int c = 0; c < 3; ++c)
        mean[c] /= double(image.width()) * image.height();
}

}  // namespace

class SwatchSetTest : public QObject {
    Q_OBJECT

private slots:
    void untiledSetHoldsSourcesAndJpegQueries()
    {
        QTemporaryDir dir;
        const QList<QImage> images{textured(0, 200, 150), textured(1, 200, 150), textured(2, 200, 150)};
        const QList<LabelledImage> labels = saveSources(dir, images);
        const QString out = dir.filePath(QStringLiteral("set"));
        const SwatchSet set = SwatchSet::build(labels, out, 0, 11);
        QCOMPARE(set.items().size(), 3);
        QVERIFY(set.skipped().isEmpty());
        QVERIFY(!set.reused());
        QCOMPARE(fileCount(out + QStringLiteral("/library")), 3);
        QCOMPARE(fileCount(out + QStringLiteral("/queries")), 3);
        QVERIFY(QFileInfo::exists(out + QStringLiteral("/set.json")));

        for (int i = 0; i < 3; ++i) {
            const SwatchItem& item = set.items()[i];
            QCOMPARE(item.index, i);
            QCOMPARE(item.libraryImage, QDir(out).filePath(QStringLiteral("library/%1.png").arg(i)));
            QCOMPARE(item.query, QDir(out).filePath(QStringLiteral("queries/%1.jpg").arg(i)));
            // The library image is the source, losslessly.
            const DecodedImage library = ImageDecoder::decode(item.libraryImage, {0, 0});
            QCOMPARE(library.format, QByteArray("png"));
            QCOMPARE(library.image, images[i]);

            // The query is a JPEG, smaller than its source, within the protocol's bounds:
            // side = crop (0.40-0.70) × scale (0.7-1.4) × source side, give or take rounding.
            const QByteArray encoded = bytes(item.query);
            QVERIFY(encoded.startsWith("\xFF\xD8\xFF"));
            const DecodedImage query = ImageDecoder::decode(item.query, {0, 0});
            QCOMPARE(query.format, QByteArray("jpeg"));
            const int w = query.image.width(), h = query.image.height();
            QVERIFY2(w < 200 && h < 150, qPrintable(QStringLiteral("%1x%2").arg(w).arg(h)));
            QVERIFY2(w >= std::floor(0.40 * 0.7 * 200) && w <= std::ceil(0.70 * 1.4 * 200), qPrintable(QString::number(w)));
            QVERIFY2(h >= std::floor(0.40 * 0.7 * 150) && h <= std::ceil(0.70 * 1.4 * 150), qPrintable(QString::number(h)));
            QVERIFY(std::abs(w * 150 - h * 200) <= 200);  // one crop fraction and scale for both sides

            const auto& p = std::get<SwatchQueryParameters>(item.parameters);
            QVERIFY(p.cropFraction >= 0.40 && p.cropFraction <= 0.70);
            QVERIFY(p.scale >= 0.7 && p.scale <= 1.4);
            QVERIFY(std::abs(p.angleDegrees) <= 10);
            QVERIFY(p.brightness >= 0.85 && p.brightness <= 1.15);
            QVERIFY(p.contrast >= 0.85 && p.contrast <= 1.15);
            QVERIFY(p.blurSigma >= 0.5 && p.blurSigma <= 1.0);
            QVERIFY(p.cropX >= 0 && p.cropX + p.cropFraction * 200 <= 200);
            QVERIFY(p.cropY >= 0 && p.cropY + p.cropFraction * 150 <= 150);
            QCOMPARE(p.width, w);
            QCOMPARE(p.height, h);
        }
        // Distinct images get distinct transformations.
        QVERIFY(std::get<SwatchQueryParameters>(set.items()[0].parameters).cropFraction != std::get<SwatchQueryParameters>(set.items()[1].parameters).cropFraction);
    }

    void tiledLibraryRepeatsTheSource()
    {
        QTemporaryDir dir;
        // Two tiles smaller than 128 (repeated) and one larger (cut to 128 × 128).
        const QList<QImage> images{textured(0, 48, 36), textured(1, 50, 70), textured(2, 200, 150)};
        const QList<LabelledImage> labels = saveSources(dir, images);
        const QString out = dir.filePath(QStringLiteral("set"));
        const SwatchSet set = SwatchSet::build(labels, out, 128, 11);
        QCOMPARE(set.tileSize(), 128);
        QCOMPARE(fileCount(out + QStringLiteral("/library")), 3);
        QCOMPARE(fileCount(out + QStringLiteral("/queries")), 3);
        for (int i = 0; i < 3; ++i) {
            const QImage library = decodeFull(set.items()[i].libraryImage);
            QCOMPARE(library.size(), QSize(128, 128));
            const QImage& source = images[i];
            for (int y = 0; y < 128; ++y)
                for (int x = 0; x < 128; ++x)
                    if (library.pixel(x, y) != source.pixel(x % source.width(), y % source.height()))
                        QFAIL(qPrintable(QStringLiteral("image %1 pixel (%2, %3) is not the source's").arg(i).arg(x).arg(y)));
            // Queries are pieces of the 128 × 128 library image.
            const QImage query = decodeFull(set.items()[i].query);
            QVERIFY(query.width() < 128 && query.height() < 128);
            QVERIFY(query.width() >= std::floor(0.28 * 128) && query.width() <= std::ceil(0.98 * 128));
            QCOMPARE(query.width(), query.height());
        }
    }

    void sameSeedSameBytesOtherSeedOtherQueries()
    {
        QTemporaryDir dir;
        const QList<LabelledImage> labels =
            saveSources(dir, {textured(0, 200, 150), textured(1, 200, 150), textured(2, 200, 150)});
        const SwatchSet a = SwatchSet::build(labels, dir.filePath(QStringLiteral("a")), 0, 7);
        const SwatchSet b = SwatchSet::build(labels, dir.filePath(QStringLiteral("b")), 0, 7);
        const SwatchSet c = SwatchSet::build(labels, dir.filePath(QStringLiteral("c")), 0, 8);
        QVERIFY(!b.reused());  // another folder: made again, not reused
        for (int i = 0; i < 3; ++i) {
            const QByteArray queryA = bytes(a.items()[i].query);
            QVERIFY(!queryA.isEmpty());
            QCOMPARE(bytes(b.items()[i].query), queryA);
            QCOMPARE(bytes(b.items()[i].libraryImage), bytes(a.items()[i].libraryImage));
            QVERIFY(bytes(c.items()[i].query) != queryA);
            QCOMPARE(bytes(c.items()[i].libraryImage), bytes(a.items()[i].libraryImage));  // the library does not depend on the seed
        }
        // The parameters depend only on (seed, index), not on the other images.
        const SwatchQueryParameters p = SwatchSet::queryParameters(7, 2, 200, 150);
        QCOMPARE(p.cropFraction, std::get<SwatchQueryParameters>(a.items()[2].parameters).cropFraction);
        QCOMPARE(p.angleDegrees, std::get<SwatchQueryParameters>(a.items()[2].parameters).angleDegrees);
    }

    void identicalSetIsReusedOtherwiseRebuilt()
    {
        QTemporaryDir dir;
        const QList<LabelledImage> labels =
            saveSources(dir, {textured(0, 200, 150), textured(1, 200, 150), textured(2, 200, 150)});
        const QString out = dir.filePath(QStringLiteral("set"));
        const SwatchSet first = SwatchSet::build(labels, out, 0, 7);
        QVERIFY(!first.reused());
        const QByteArray query0 = bytes(first.items()[0].query);
        const QDateTime written = QFileInfo(first.items()[0].query).lastModified();

        const SwatchSet again = SwatchSet::build(labels, out, 0, 7);
        QVERIFY(again.reused());
        QCOMPARE(again.items().size(), 3);
        QCOMPARE(again.items()[2].query, first.items()[2].query);
        QCOMPARE(std::get<SwatchQueryParameters>(again.items()[2].parameters).width, std::get<SwatchQueryParameters>(first.items()[2].parameters).width);
        QCOMPARE(QFileInfo(first.items()[0].query).lastModified(), written);

        // Another seed, tile size or list of sources makes it anew, without stale files.
        const SwatchSet reseeded = SwatchSet::build(labels, out, 0, 8);
        QVERIFY(!reseeded.reused());
        QVERIFY(bytes(reseeded.items()[0].query) != query0);
        const SwatchSet fewer = SwatchSet::build(labels.mid(0, 2), out, 0, 8);
        QVERIFY(!fewer.reused());
        QCOMPARE(fileCount(out + QStringLiteral("/library")), 2);
        QCOMPARE(fileCount(out + QStringLiteral("/queries")), 2);
        const SwatchSet tiled = SwatchSet::build(labels.mid(0, 2), out, 64, 8);
        QVERIFY(!tiled.reused());
        QCOMPARE(decodeFull(tiled.items()[1].libraryImage).size(), QSize(64, 64));

        // A missing file is made again too.
        QVERIFY(QFile::remove(tiled.items()[1].query));
        const SwatchSet repaired = SwatchSet::build(labels.mid(0, 2), out, 64, 8);
        QVERIFY(!repaired.reused());
        QVERIFY(QFileInfo::exists(repaired.items()[1].query));
        QVERIFY(SwatchSet::build(labels.mid(0, 2), out, 64, 8).reused());
    }

    // A wild set drawn by an earlier revision of WildPhotos is not reused: its photos
    // are not what the protocol now takes.
    void wildSetOfAnEarlierDrawingIsDrawnAgain()
    {
        QTemporaryDir dir;
        const QList<LabelledImage> labels = saveSources(dir, {textured(0, 200, 150), textured(1, 200, 150)});
        const QString out = dir.filePath(QStringLiteral("set"));
        QVERIFY(!SwatchSet::build(labels, out, 0, 5, SwatchPhotos::Wild).reused());
        QVERIFY(SwatchSet::build(labels, out, 0, 5, SwatchPhotos::Wild).reused());

        QFile manifest(out + QStringLiteral("/set.json"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QJsonObject root = QJsonDocument::fromJson(manifest.readAll()).object();
        manifest.close();
        QJsonObject inputs = root.value(QStringLiteral("inputs")).toObject();
        QCOMPARE(inputs.value(QStringLiteral("wild_photos_revision")).toInt(), kWildPhotosRevision);
        inputs.remove(QStringLiteral("wild_photos_revision"));   // as revision 1 wrote it
        root.insert(QStringLiteral("inputs"), inputs);
        QVERIFY(manifest.open(QIODevice::WriteOnly | QIODevice::Truncate));
        manifest.write(QJsonDocument(root).toJson());
        manifest.close();
        QVERIFY(!SwatchSet::build(labels, out, 0, 5, SwatchPhotos::Wild).reused());
    }

    void unreadableSourceIsLeftOut()
    {
        QTemporaryDir dir;
        QList<LabelledImage> labels = saveSources(dir, {textured(0, 200, 150), textured(2, 200, 150)});
        QFile broken(dir.filePath(QStringLiteral("broken.png")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("not an image");
        broken.close();
        labels.insert(1, {broken.fileName(), QStringLiteral("x")});
        const SwatchSet set = SwatchSet::build(labels, dir.filePath(QStringLiteral("set")), 0, 7);
        QCOMPARE(set.items().size(), 2);
        QCOMPARE(set.items()[1].index, 2);
        QCOMPARE(set.skipped().size(), 1);
        QVERIFY(set.skipped()[0].contains(broken.fileName()));
        QVERIFY_THROWS_EXCEPTION(Error, SwatchSet::build(labels, dir.filePath(QStringLiteral("neg")), -1, 7));
    }

    void queriesShowTheirOwnSource()
    {
        QTemporaryDir dir;
        // Flat, far-apart colours: every query's mean colour is nearest its own source's.
        const QList<QRgb> colours{qRgb(200, 40, 40), qRgb(40, 190, 60), qRgb(50, 60, 200), qRgb(150, 150, 150)};
        QList<QImage> images;
        for (QRgb colour : colours)
            images.append(flat(colour, 120, 90));
        const SwatchSet set = SwatchSet::build(saveSources(dir, images), dir.filePath(QStringLiteral("set")), 0, 3);
        for (int i = 0; i < colours.size(); ++i) {
            double mean[3];
            meanColour(decodeFull(set.items()[i].query), mean);
            int nearest = -1;
            double best = 1e300;
            for (int k = 0; k < colours.size(); ++k) {
                const double d = std::pow(mean[0] - qRed(colours[k]), 2) + std::pow(mean[1] - qGreen(colours[k]), 2) +
                                 std::pow(mean[2] - qBlue(colours[k]), 2);
                if (d < best)
                    best = d, nearest = k;
            }
            QCOMPARE(nearest, i);
        }
    }

    void queryCentreIsTheCropCentre()
    {
        // Red = x, green = y: the query's centre shows where in the source it was cut,
        // after the recorded contrast and brightness (blur leaves a linear ramp as it is).
        QTemporaryDir dir;
        QImage ramp(256, 256, QImage::Format_RGB888);
        for (int y = 0; y < 256; ++y)
            for (int x = 0; x < 256; ++x)
                ramp.setPixel(x, y, qRgb(x, y, 128));
        QList<LabelledImage> labels;
        for (int i = 0; i < 6; ++i)
            labels.append(saveSources(dir, {ramp}).front());  // the same file, six different queries
        const SwatchSet set = SwatchSet::build(labels, dir.filePath(QStringLiteral("set")), 0, 5);
        QCOMPARE(set.items().size(), 6);
        for (const SwatchItem& item : set.items()) {
            const auto& p = std::get<SwatchQueryParameters>(item.parameters);
            const QImage query = decodeFull(item.query);
            const double side = p.cropFraction * 256;
            const double expected[2] = {p.cropX + (side - 1) / 2, p.cropY + (side - 1) / 2};
            // Mean of the 2 × 2 pixels around the centre.
            const int x0 = (query.width() - 1) / 2, y0 = (query.height() - 1) / 2;
            double seen[2] = {0, 0};
            for (int dy = 0; dy < 2; ++dy)
                for (int dx = 0; dx < 2; ++dx) {
                    const QRgb pixel = query.pixel(x0 + dx, y0 + dy);
                    seen[0] += qRed(pixel) / 4.0;
                    seen[1] += qGreen(pixel) / 4.0;
                }
            for (int c = 0; c < 2; ++c) {
                const double adjusted = ((expected[c] - 128) * p.contrast + 128) * p.brightness;
                QVERIFY2(std::abs(seen[c] - adjusted) < 8,
                         qPrintable(QStringLiteral("query %1 channel %2: %3, expected %4").arg(item.index).arg(c).arg(seen[c]).arg(adjusted)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(SwatchSetTest)
#include "tst_swatchset.moc"
