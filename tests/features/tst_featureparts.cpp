// The parts of a fingerprint that need no network: pooling, normalisation, colour
// descriptors and the method key.
#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"
#include "core/features/MethodConfig.h"
#include "core/features/PatternQuery.h"
#include "core/features/PhotoViews.h"
#include "core/features/Pooling.h"

#include <QTest>

#include <cmath>

using namespace weft;

namespace {

// 2 channels over a 2×2 map: channel 0 = {1, 2, 3, 6}, channel 1 = {0, 0, 0, 4}.
FeatureMap handMadeMap()
{
    FeatureMap map;
    map.channels = 2;
    map.height = 2;
    map.width = 2;
    map.values = {1, 2, 3, 6, 0, 0, 0, 4};
    return map;
}

QImage flat(QColor colour, int width = 64, int height = 48)
{
    QImage image(width, height, QImage::Format_RGB888);
    image.fill(colour);
    return image;
}

// A two-tone stripe pattern, `period` pixels per stripe pair, light `low`..`high`.
QImage stripes(int side, int period, int low, int high)
{
    QImage image(side, side, QImage::Format_RGB888);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const int v = (x % period) < period / 2 ? low : high;
            image.setPixelColor(x, y, QColor(v, v, std::min(255, v + 10)));
        }
    return image;
}

struct GreyStatistics {
    double mean = 0, deviation = 0;
};

GreyStatistics statisticsOf(const QImage& image)
{
    double sum = 0, squares = 0;
    const double count = double(image.width()) * image.height();
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const double v = qGray(image.pixel(x, y));
            sum += v;
            squares += v * v;
        }
    const double mean = sum / count;
    return {mean, std::sqrt(std::max(0.0, squares / count - mean * mean))};
}

}  // namespace

class FeaturePartsTest : public QObject {
    Q_OBJECT

private slots:
    void poolingByHand()
    {
        const FeatureMap map = handMadeMap();
        const auto maxPooled = poolFeatureMap(map, MethodConfig::Pooling::Max);
        QCOMPARE(maxPooled, (std::vector<float>{6, 4}));
        const auto averaged = poolFeatureMap(map, MethodConfig::Pooling::Average);
        QCOMPARE(averaged, (std::vector<float>{3, 1}));
        const auto gem = poolFeatureMap(map, MethodConfig::Pooling::GeM, 3.0f);
        QCOMPARE_LE(std::abs(gem[0] - float(std::cbrt((1 + 8 + 27 + 216) / 4.0))), 1e-4f);
        QCOMPARE_LE(std::abs(gem[1] - float(std::cbrt(64 / 4.0))), 1e-4f);
    }

    void poolingUnderAMaskByHand()
    {
        const FeatureMap map = handMadeMap();
        // Weights over the cells {1, 2, 3, 6} / {0, 0, 0, 4}: full on the right column, half on the top left.
        const std::vector<float> weights{0.5f, 1.0f, 0.0f, 1.0f};
        const auto averaged = poolFeatureMapUnder(map, weights, MethodConfig::Pooling::Average);
        QCOMPARE_LE(std::abs(averaged[0] - float((0.5 * 1 + 2 + 6) / 2.5)), 1e-5f);
        QCOMPARE_LE(std::abs(averaged[1] - float(4 / 2.5)), 1e-5f);
        // Max ignores the cell the mask leaves out (3 would not win anyway; 6 does).
        const auto maxPooled = poolFeatureMapUnder(map, {1.0f, 1.0f, 1.0f, 0.0f}, MethodConfig::Pooling::Max);
        QCOMPARE(maxPooled, (std::vector<float>{3, 0}));
        const auto gem = poolFeatureMapUnder(map, weights, MethodConfig::Pooling::GeM, 3.0f);
        QCOMPARE_LE(std::abs(gem[0] - float(std::cbrt((0.5 * 1 + 8 + 216) / 2.5))), 1e-4f);
        // Weights that are all equal give plain pooling (poolingByHand's values); no
        // weight at all, or the wrong count, is no answer.
        QCOMPARE(poolFeatureMapUnder(map, {0.5f, 0.5f, 0.5f, 0.5f}, MethodConfig::Pooling::Average), (std::vector<float>{3, 1}));
        QVERIFY(poolFeatureMapUnder(map, {0, 0, 0, 0}, MethodConfig::Pooling::GeM).empty());
        QVERIFY(poolFeatureMapUnder(map, {1, 1}, MethodConfig::Pooling::GeM).empty());
    }

    void normalisation()
    {
        std::vector<float> v{3, 4};
        normaliseL2(v);
        QCOMPARE_LE(std::abs(v[0] - 0.6f), 1e-6f);
        QCOMPARE_LE(std::abs(v[1] - 0.8f), 1e-6f);
        std::vector<float> zero{0, 0};
        normaliseL2(zero);
        QCOMPARE(zero, (std::vector<float>{0, 0}));
        // The running sum of unit vectors behind every mean descriptor.
        std::vector<float> sum;
        addNormalised(sum, {3, 4});
        addNormalised(sum, {0, 2});
        QCOMPARE_LE(std::abs(sum[0] - 0.6f), 1e-6f);
        QCOMPARE_LE(std::abs(sum[1] - 1.8f), 1e-6f);
        QCOMPARE_LE(std::abs(dot({1, 2, 3}, {4, 5, 6}) - 32.0f), 1e-6f);
    }

    void histogramSeparatesColoursAndIgnoresSize()
    {
        const auto red = hsvHistogram(flat(Qt::red));
        const auto bigRed = hsvHistogram(flat(Qt::red, 900, 700));
        const auto blue = hsvHistogram(flat(Qt::blue));
        QCOMPARE(int(red.size()), kHistogramBins);
        QCOMPARE_GE(dot(red, bigRed), 0.999f);
        QCOMPARE_LE(dot(red, blue), 0.001f);
        QCOMPARE_LE(std::abs(dot(red, red) - 1.0f), 1e-5f);

        // Half red, half blue: its Bhattacharyya coefficient with each is sqrt(1/2).
        QImage half = flat(Qt::red, 64, 64);
        for (int y = 32; y < 64; ++y)
            for (int x = 0; x < 64; ++x)
                half.setPixelColor(x, y, Qt::blue);
        QCOMPARE_LE(std::abs(dot(hsvHistogram(half), red) - float(std::sqrt(0.5))), 1e-3f);
    }

    void colourSpotsReadTheStrongestPositions()
    {
        // The map is strongest in its right column; the image is red on the left, green on the right.
        FeatureMap map;
        map.channels = 1;
        map.height = 4;
        map.width = 4;
        map.values.assign(16, 0.0f);
        for (int y = 0; y < 4; ++y)
            map.values[y * 4 + 3] = 5.0f;
        QImage image = flat(Qt::red, 64, 64);
        for (int y = 0; y < 64; ++y)
            for (int x = 48; x < 64; ++x)
                image.setPixelColor(x, y, Qt::green);
        const auto spots = colourSpots(image, map);
        QCOMPARE(int(spots.size()), kColourSpotValues);
        // The first four spots are the right column: green (0, 255, 0) before z-scoring, so G > R there.
        for (int i = 0; i < 4; ++i)
            QCOMPARE_GT(spots[3 * i + 1], spots[3 * i]);
    }

    void photoViewsAreBoundedCentreSquaresAtThreeMagnifications()
    {
        const auto large = libraryPhotoViews(stripes(512, 16, 200, 230));
        QCOMPARE(int(large.size()), 3);
        for (const QImage& view : large)
            QCOMPARE(view.size(), QSize(kPhotoViewSide, kPhotoViewSide));
        // A small image is not enlarged to the bound: its views keep its own scale.
        const auto small = libraryPhotoViews(stripes(100, 8, 200, 230));
        QCOMPARE(small[0].size(), QSize(70, 70));
        QCOMPARE(small[1].size(), QSize(100, 100));
        QCOMPARE(small[2].size(), QSize(140, 140));
        QCOMPARE(swatchPhotoView(stripes(500, 16, 200, 230)).size(), QSize(kPhotoViewSide, kPhotoViewSide));
        QCOMPARE(swatchPhotoView(stripes(200, 16, 200, 230)).size(), QSize(160, 160));
    }

    void photoViewsStretchContrastAndForgetLightLevel()
    {
        // The same faint stripes, dimmer and flatter (a photo in poorer light), look alike once stretched.
        const QImage bright = swatchPhotoView(stripes(240, 16, 215, 235));
        const QImage dim = swatchPhotoView(stripes(240, 16, 180, 196));
        const GreyStatistics b = statisticsOf(bright), d = statisticsOf(dim);
        QVERIFY2(std::abs(b.mean - 128) < 4 && std::abs(d.mean - 128) < 4, qPrintable(QStringLiteral("%1 %2").arg(b.mean).arg(d.mean)));
        QVERIFY2(std::abs(b.deviation - 40) < 4 && std::abs(d.deviation - 40) < 4, qPrintable(QStringLiteral("%1 %2").arg(b.deviation).arg(d.deviation)));
        double difference = 0;
        for (int y = 0; y < bright.height(); ++y)
            for (int x = 0; x < bright.width(); ++x)
                difference += std::abs(qGray(bright.pixel(x, y)) - qGray(dim.pixel(x, y)));
        QVERIFY(difference / (bright.width() * bright.height()) < 3.0);
        // A blank photo stays blank: its noise is not blown up.
        const GreyStatistics blank = statisticsOf(swatchPhotoView(flat(QColor(240, 240, 240), 200, 200)));
        QVERIFY(blank.deviation < 1.0);
    }

    void libraryPhotoViewsKeepACoarsePatternClean()
    {
        // Blur and JPEG take fine detail only: 16-pixel stripes come out as two
        // clean levels, stretched to 128 ± 40.
        const QImage coarse = libraryPhotoViews(stripes(512, 32, 100, 160))[1];
        int clean = 0;
        for (int x = 0; x < coarse.width(); ++x) {
            const int v = qGray(coarse.pixel(x, coarse.height() / 2));
            clean += (std::abs(v - 88) < 16 || std::abs(v - 168) < 16) ? 1 : 0;
        }
        QVERIFY2(clean > coarse.width() * 3 / 4, qPrintable(QString::number(clean)));
    }

    void patternQueryWeighsTheStoredPartsAnew()
    {
        // Two fused fingerprints built by hand, part by part, as FeatureExtractor does.
        const MethodConfig method = MethodConfig::fromOverrides(QStringLiteral("hsv=0.2,spot=0.1,photo=0.4,lhsv=0.25,lphoto=0.15"));
        constexpr int channels = 8;
        std::srand(7);
        const auto unit = [](int size) {
            std::vector<float> v(static_cast<std::size_t>(size));
            for (float& x : v)
                x = float(std::rand() % 1000) / 1000.0f - 0.3f;
            normaliseL2(v);
            return v;
        };
        const auto fuse = [&](const std::vector<std::vector<float>>& parts) {
            const float shares[] = {method.deepWeight(), method.histogramWeight, method.colourSpotWeight, method.photoWeight};
            std::vector<float> fused;
            for (std::size_t p = 0; p < parts.size(); ++p)
                for (float x : parts[p])
                    fused.push_back(x * std::sqrt(shares[p]));
            return fused;
        };
        const std::vector<std::vector<float>> a{unit(channels), unit(kHistogramBins), unit(kColourSpotValues), unit(channels)};
        const std::vector<std::vector<float>> b{unit(channels), unit(kHistogramBins), unit(kColourSpotValues), unit(channels)};
        const std::vector<float> storedA = fuse(a), storedB = fuse(b);

        // Stored against stored: every part at its share. As a pattern query: deep, colour
        // and photo views at the query's shares, colour spots not at all.
        const float expected = 0.6f * dot(a[0], b[0]) + 0.25f * dot(a[1], b[1]) + 0.15f * dot(a[3], b[3]);
        QVERIFY(std::abs(dot(storedA, storedB) - expected) > 1e-3f);   // the re-weighting has something to change
        QVERIFY(std::abs(dot(patternQuery(storedA, method), storedB) - expected) < 1e-5f);

        // A vector of another method's length is refused, not misread.
        QVERIFY_THROWS_EXCEPTION(Error, patternQuery(std::vector<float>(storedA.size() - 1, 0.0f), method));
    }

    void methodKeyChangesWithEverySetting()
    {
        const QString base = MethodConfig().key();
        QVERIFY(base.contains(QStringLiteral("backbone=mobilenetv2-imagenet")));
        for (const char* change : {"pool=avg", "pool=max", "pool=gem4", "size=320", "grid=0", "hsv=0.3", "spot=0.1", "photo=0.2", "det=none", "det=yolo", "comp=0.5"})
            QVERIFY2(MethodConfig::fromOverrides(QString::fromLatin1(change)).key() != base, change);
        QCOMPARE(MethodConfig::fromOverrides(QString()).key(), base);
        // How a component is described matters only where there are components.
        QVERIFY(MethodConfig::fromOverrides(QStringLiteral("cfeat=mask")).key() != base);
        QCOMPARE(MethodConfig::fromOverrides(QStringLiteral("det=none,cfeat=mask")).key(), MethodConfig::fromOverrides(QStringLiteral("det=none")).key());
    }

    void badMethodSettingsAreRefused()
    {
        for (const char* bad : {"pool=median", "size=5", "grid=x", "hsv=1.5", "colour=1", "hsv=0.6,spot=0.5", "hsv=0.5,photo=0.5", "photo=-0.1", "lhsv=0.6,lphoto=0.5", "backbone=nonesuch", "cfeat=pixels"})
            QVERIFY_THROWS_EXCEPTION(Error, MethodConfig::fromOverrides(QString::fromLatin1(bad)));
    }
};

QTEST_GUILESS_MAIN(FeaturePartsTest)
#include "tst_featureparts.moc"
