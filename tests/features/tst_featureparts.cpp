// The parts of a fingerprint that need no network: pooling, normalisation, colour
// descriptors and the method key.
#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"
#include "core/features/MethodConfig.h"
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

    void normalisation()
    {
        std::vector<float> v{3, 4};
        normaliseL2(v);
        QCOMPARE_LE(std::abs(v[0] - 0.6f), 1e-6f);
        QCOMPARE_LE(std::abs(v[1] - 0.8f), 1e-6f);
        std::vector<float> zero{0, 0};
        normaliseL2(zero);
        QCOMPARE(zero, (std::vector<float>{0, 0}));
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

    void methodKeyChangesWithEverySetting()
    {
        const QString base = MethodConfig().key();
        QVERIFY(base.contains(QStringLiteral("backbone=mobilenetv2-imagenet")));
        for (const char* change : {"pool=avg", "pool=max", "pool=gem4", "size=320", "grid=0", "hsv=0.5", "spot=0.1"})
            QVERIFY2(MethodConfig::fromOverrides(QString::fromLatin1(change)).key() != base, change);
        QCOMPARE(MethodConfig::fromOverrides(QString()).key(), base);
    }

    void badMethodSettingsAreRefused()
    {
        for (const char* bad : {"pool=median", "size=5", "grid=x", "hsv=1.5", "colour=1", "hsv=0.6,spot=0.5", "backbone=nonesuch"})
            QVERIFY_THROWS_EXCEPTION(Error, MethodConfig::fromOverrides(QString::fromLatin1(bad)));
    }
};

QTEST_GUILESS_MAIN(FeaturePartsTest)
#include "tst_featureparts.moc"
