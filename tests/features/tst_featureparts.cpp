// The parts of a fingerprint that need no network: pooling, normalisation, colour
// descriptors and the method key.
#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"
#include "core/features/FingerprintLayout.h"
#include "core/features/MethodConfig.h"
#include "core/features/MethodSettings.h"
#include "core/features/NetworkInput.h"
#include "core/features/PatternQuery.h"
#include "core/features/PhotoViews.h"
#include "core/features/Pooling.h"

#include <QTest>

#include <algorithm>
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

// A vector of `size` values drawn from std::rand (seeded by the caller), at unit length.
std::vector<float> randomUnit(int size)
{
    std::vector<float> v(static_cast<std::size_t>(size));
    for (float& x : v)
        x = float(std::rand() % 1000) / 1000.0f - 0.3f;
    normaliseL2(v);
    return v;
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

    void photoViewsAreCentreSquaresOfTheAskedSide()
    {
        for (const QImage& source : {stripes(512, 16, 200, 230), stripes(100, 8, 200, 230)}) {
            const auto views = libraryPhotoViews(source, 192);
            QCOMPARE(int(views.size()), 3);
            for (const QImage& view : views)
                QCOMPARE(view.size(), QSize(192, 192));   // a small image's views are enlarged to fill
        }
        // The ×1 view of a large image is its centre at its own pixel scale: the stripes keep their period.
        const QImage centre = libraryPhotoViews(stripes(512, 32, 100, 160), 192)[1];
        int edges = 0;
        for (int x = 1; x < centre.width(); ++x)
            edges += std::abs(qGray(centre.pixel(x, 96)) - qGray(centre.pixel(x - 1, 96))) > 30 ? 1 : 0;
        QVERIFY2(edges >= 10 && edges <= 14, qPrintable(QString::number(edges)));   // 192 px of 16-px stripes: 12 edges
        QCOMPARE(swatchPhotoView(stripes(500, 16, 200, 230), 256).size(), QSize(256, 256));
        // A large photo's view shows 320 px of its centre (224 / 0.7) shrunk to 224 px.
        const QImage large = swatchPhotoView(stripes(500, 16, 100, 160), 224, 32);
        QCOMPARE(large.size(), QSize(224, 224));
        int largeEdges = 0;   // crossings of the stretched mean
        for (int x = 1; x < large.width(); ++x)
            largeEdges += (qGray(large.pixel(x, 112)) < 128) != (qGray(large.pixel(x - 1, 112)) < 128) ? 1 : 0;
        QVERIFY2(largeEdges >= 38 && largeEdges <= 41, qPrintable(QString::number(largeEdges)));   // 320 px of 8-px stripes: 40 edges
        QCOMPARE(swatchPhotoView(stripes(200, 16, 200, 230), 256).size(), QSize(160, 160));
        QCOMPARE(swatchPhotoView(stripes(200, 16, 200, 230), 256, 32).size(), QSize(160, 160));
        QCOMPARE(swatchPhotoView(stripes(190, 16, 200, 230), 256, 32).size(), QSize(128, 128));
        // A small photo's centre square (80 of 100 px) is enlarged to 128 px, not
        // replaced by more of the photo: its 8-px stripes come out 12.8 px wide.
        const QImage small = swatchPhotoView(stripes(100, 16, 100, 160), 256, 32);
        QCOMPARE(small.size(), QSize(128, 128));
        int smallEdges = 0;   // crossings of the stretched mean: a blurred edge counts once
        for (int x = 1; x < small.width(); ++x)
            smallEdges += (qGray(small.pixel(x, 64)) < 128) != (qGray(small.pixel(x - 1, 64)) < 128) ? 1 : 0;
        QVERIFY2(smallEdges >= 9 && smallEdges <= 11, qPrintable(QString::number(smallEdges)));   // 80 px of 8-px stripes: 10 edges
    }

    void networkInputsPutEachViewOnItsOwnCells()
    {
        const QImage portrait = stripes(300, 16, 60, 200).scaled(300, 420);
        const NetworkInput library = libraryInput(portrait.convertToFormat(QImage::Format_RGB888), 384, 32);
        QCOMPARE(library.canvas.size(), QSize(768, 384));
        QCOMPARE(library.whole, QRect(0, 0, 384, 384));
        QCOMPARE(int(library.cameraViews.size()), 3);
        QList<QRect> taken{library.whole};
        for (const QRect& view : library.cameraViews) {
            QCOMPARE(view.size(), QSize(192, 192));
            QVERIFY(view.x() % 32 == 0 && view.y() % 32 == 0);
            for (const QRect& other : taken)
                QVERIFY(!view.intersects(other));
            taken.append(view);
        }
        // The whole view shows the image's centre square: 300 px wide, from y = 60.
        QVERIFY(std::abs(library.source.width() - 300) < 1 && std::abs(library.source.y() - 60) < 1);
        QVERIFY(std::abs(library.sourceScale * 384 - 300) < 1);
        // The fourth slot is empty: grey, which the network sees as zero.
        QCOMPARE(library.canvas.pixelColor(384 + 192 + 96, 192 + 96), QColor(128, 128, 128));

        const NetworkInput swatch = swatchInput(stripes(400, 16, 60, 200).scaled(400, 250).convertToFormat(QImage::Format_RGB888), 224, 192, 32);
        QCOMPARE(swatch.whole.height(), 224);
        QCOMPARE(swatch.whole.width() % 32, 0);
        QCOMPARE(int(swatch.cameraViews.size()), 1);
        QCOMPARE(swatch.cameraViews.front().size(), QSize(192, 192));
        QCOMPARE(swatch.cameraViews.front().x(), swatch.whole.width());
        QCOMPARE(swatch.canvas.size(), QSize(swatch.whole.width() + 192, 224));
    }

    void photoViewsStretchContrastAndForgetLightLevel()
    {
        // The same faint stripes, dimmer and flatter (a photo in poorer light), look alike once stretched.
        const QImage bright = swatchPhotoView(stripes(240, 16, 215, 235), 256);
        const QImage dim = swatchPhotoView(stripes(240, 16, 180, 196), 256);
        const GreyStatistics b = statisticsOf(bright), d = statisticsOf(dim);
        QVERIFY2(std::abs(b.mean - 128) < 4 && std::abs(d.mean - 128) < 4, qPrintable(QStringLiteral("%1 %2").arg(b.mean).arg(d.mean)));
        QVERIFY2(std::abs(b.deviation - 40) < 4 && std::abs(d.deviation - 40) < 4, qPrintable(QStringLiteral("%1 %2").arg(b.deviation).arg(d.deviation)));
        double difference = 0;
        for (int y = 0; y < bright.height(); ++y)
            for (int x = 0; x < bright.width(); ++x)
                difference += std::abs(qGray(bright.pixel(x, y)) - qGray(dim.pixel(x, y)));
        QVERIFY(difference / (bright.width() * bright.height()) < 3.0);
        // A blank photo stays blank: its noise is not blown up.
        const GreyStatistics blank = statisticsOf(swatchPhotoView(flat(QColor(240, 240, 240), 200, 200), 256));
        QVERIFY(blank.deviation < 1.0);
    }

    void libraryPhotoViewsKeepACoarsePatternClean()
    {
        // Blur and JPEG take fine detail only: 16-pixel stripes come out as two
        // clean levels, stretched to 128 ± 40.
        const QImage coarse = libraryPhotoViews(stripes(512, 32, 100, 160), 256)[1];
        int clean = 0;
        for (int x = 0; x < coarse.width(); ++x) {
            const int v = qGray(coarse.pixel(x, coarse.height() / 2));
            clean += (std::abs(v - 88) < 16 || std::abs(v - 168) < 16) ? 1 : 0;
        }
        QVERIFY2(clean > coarse.width() * 3 / 4, qPrintable(QString::number(clean)));
    }

    void covariancePoolingDescribesHowChannelsVaryTogether()
    {
        // Two channels over 2 x 2 cells, each +1 and -1 in a checkerboard, the
        // second moving with the first or against it, plus an offset per channel
        // that the covariance takes off.
        const auto map = [](float together, float offset) {
            FeatureMap m;
            m.channels = 2;
            m.height = 2;
            m.width = 2;
            m.values = {1, -1, -1, 1, together, -together, -together, together};
            for (float& v : m.values)
                v += offset;
            return m;
        };
        const QRect all(0, 0, 2, 2);
        // Covariance [[1, ±1], [±1, 1]]: entries 1, ±sqrt(sqrt 2), 1 of length 2.
        const std::vector<float> along = covariancePooled(map(1, 0), all);
        QCOMPARE(int(along.size()), covariancePooledSize(2));
        const float cross = float(std::pow(2.0, 0.25));
        const float length = float(std::sqrt(2.0 + cross * cross));
        QVERIFY(std::abs(along[0] - 1 / length) < 1e-5f && std::abs(along[1] - cross / length) < 1e-5f
                && std::abs(along[2] - 1 / length) < 1e-5f);
        const std::vector<float> against = covariancePooled(map(-1, 0), all);
        QVERIFY(std::abs(against[1] + cross / length) < 1e-5f);   // the sign of how they move together
        QCOMPARE(covariancePooled(map(1, 5), all), along);          // the channels' means do not count
        // Where the cells are does not count: the map turned by a right angle.
        FeatureMap turned = map(1, 0);
        turned.values = {-1, 1, 1, -1, -1, 1, 1, -1};
        QCOMPARE(covariancePooled(turned, all), along);
        // Only the rectangle's cells count; one cell has no covariance.
        QVERIFY(covariancePooled(map(1, 0), QRect(0, 0, 1, 1)).empty());
        QVERIFY(covariancePooled(map(1, 0), QRect(5, 5, 2, 2)).empty());
        QCOMPARE(covariancePooledSize(96), 4656);
    }

    void layoutHasATexturePartWhereTheNetworkHasItsLayer()
    {
        const MethodConfig method = MethodConfig::fromOverrides(QStringLiteral("hsv=0.2,photo=0.3,tex=0.25"));
        constexpr int channels = 8, textureChannels = 4;
        const FingerprintLayout textured(method, channels, textureChannels);
        QCOMPARE(textured.dimension(), channels + kHistogramBins + channels + covariancePooledSize(textureChannels));
        QCOMPARE(textured.find(FingerprintPart::Texture)->share, 0.25f);
        QCOMPARE(textured.find(FingerprintPart::Camera)->share, 0.3f);
        QVERIFY(std::abs(textured.find(FingerprintPart::Deep)->share - 0.25f) < 1e-6f);
        // Without the layer the camera views take the texture's share, so that the
        // shares still add up to one.
        const FingerprintLayout plain(method, channels);
        QVERIFY(!plain.find(FingerprintPart::Texture));
        QCOMPARE(plain.dimension(), channels + kHistogramBins + channels);
        QVERIFY(std::abs(plain.find(FingerprintPart::Camera)->share - 0.55f) < 1e-6f);
        QVERIFY_THROWS_EXCEPTION(Error, MethodConfig::fromOverrides(QStringLiteral("hsv=0.3,photo=0.3,tex=0.4")));
    }

    void layoutFusesAndReweighsParts()
    {
        const MethodConfig method = MethodConfig::fromOverrides(QStringLiteral("hsv=0.2,photo=0.4,tex=0,lhsv=0.25,lphoto=0.15"));
        constexpr int channels = 8;
        const FingerprintLayout layout(method, channels);
        QCOMPARE(layout.dimension(), channels + kHistogramBins + channels);
        QCOMPARE(int(layout.slices().size()), 3);
        QCOMPARE(layout.find(FingerprintPart::Camera)->offset, channels + kHistogramBins);
        std::srand(7);
        const std::vector<std::vector<float>> a{randomUnit(channels), randomUnit(kHistogramBins), randomUnit(channels)};
        const std::vector<std::vector<float>> b{randomUnit(channels), randomUnit(kHistogramBins), randomUnit(channels)};
        // Parts need not come normalised: fuse() scales each to its share.
        std::vector<std::vector<float>> scaledA = a;
        for (float& x : scaledA[1])
            x *= 7.0f;
        const std::vector<float> storedA = layout.fuse(scaledA), storedB = layout.fuse(b);

        // Stored against stored: each part's cosine at its share.
        const float stored = 0.4f * dot(a[0], b[0]) + 0.2f * dot(a[1], b[1]) + 0.4f * dot(a[2], b[2]);
        QVERIFY(std::abs(dot(storedA, storedB) - stored) < 1e-5f);
        // As a pattern query: colour and camera views at the query's shares, the deep part the rest.
        const float expected = 0.6f * dot(a[0], b[0]) + 0.25f * dot(a[1], b[1]) + 0.15f * dot(a[2], b[2]);
        QVERIFY(std::abs(stored - expected) > 1e-3f);   // the re-weighting has something to change
        QVERIFY(std::abs(dot(patternQuery(storedA, method, layout), storedB) - expected) < 1e-5f);
        // Parts read back are the unit parts.
        QVERIFY(std::abs(dot(layout.part(storedA, FingerprintPart::Colour), a[1]) - 1.0f) < 1e-5f);

        // Without colour the layout has no colour part, and a pattern query still sums to one.
        const MethodConfig noColour = MethodConfig::fromOverrides(QStringLiteral("hsv=0,photo=0.4,tex=0,lhsv=0.25,lphoto=0.15"));
        const FingerprintLayout twoParts(noColour, channels);
        QCOMPARE(int(twoParts.slices().size()), 2);
        const std::vector<float> c = twoParts.fuse({a[0], a[2]}), d = twoParts.fuse({b[0], b[2]});
        QVERIFY(std::abs(dot(patternQuery(c, noColour, twoParts), d) - (0.85f * dot(a[0], b[0]) + 0.15f * dot(a[2], b[2]))) < 1e-5f);

        // A vector of another method's length is refused, not misread.
        QVERIFY_THROWS_EXCEPTION(Error, patternQuery(std::vector<float>(storedA.size() - 1, 0.0f), method, layout));
        QVERIFY_THROWS_EXCEPTION(Error, layout.fuse({a[0], a[1]}));
    }

    void patternQueryGivesTheTextureItsShare()
    {
        const MethodConfig method = MethodConfig::fromOverrides(QStringLiteral("hsv=0.2,photo=0.3,tex=0.25,lhsv=0.1,lphoto=0.2,ltex=0.3"));
        const FingerprintLayout layout(method, 8, 4);
        std::srand(11);
        const auto unitParts = [&] {
            std::vector<std::vector<float>> parts;
            for (const FingerprintLayout::Slice& slice : layout.slices())
                parts.push_back(randomUnit(slice.size));
            return parts;
        };
        const std::vector<std::vector<float>> a = unitParts(), b = unitParts();
        const std::vector<float> storedA = layout.fuse(a), storedB = layout.fuse(b);
        const auto cosineOf = [&](FingerprintPart part) {
            return dot(layout.part(storedA, part), layout.part(storedB, part));
        };
        const float deep = cosineOf(FingerprintPart::Deep), colour = cosineOf(FingerprintPart::Colour),
                    camera = cosineOf(FingerprintPart::Camera), texture = cosineOf(FingerprintPart::Texture);
        const float expected = 0.4f * deep + 0.1f * colour + 0.2f * camera + 0.3f * texture;
        QVERIFY(std::abs(dot(patternQuery(storedA, method, layout), storedB) - expected) < 1e-5f);
        // Without a texture share the deep part takes it back.
        const MethodConfig untextured = MethodConfig::fromOverrides(QStringLiteral("hsv=0.2,photo=0.3,tex=0.25,lhsv=0.1,lphoto=0.2,ltex=0"));
        const float withoutTexture = 0.7f * deep + 0.1f * colour + 0.2f * camera;
        QVERIFY(std::abs(expected - withoutTexture) > 1e-3f);   // the share has something to change
        QVERIFY(std::abs(dot(patternQuery(storedA, untextured, layout), storedB) - withoutTexture) < 1e-5f);
    }

    void everySettingIsDeclaredOnceAndRoundTrips()
    {
        const MethodConfig defaults;
        const QString key = defaults.key(), queryKey = defaults.queryKey();
        QStringList names;
        for (const MethodSetting& setting : methodSettings()) {
            QVERIFY2(!names.contains(setting.name), qPrintable(setting.name));
            names.append(setting.name);
            const QString value = setting.value(defaults);
            QVERIFY2(setting.check(value).isEmpty(), qPrintable(setting.name + QLatin1Char('=') + value));
            // Stored settings are in the key, query-time ones in the query key, each once.
            const QString item = setting.name + QLatin1Char('=') + value;
            const QString& in = setting.effect == MethodSetting::Effect::Stored ? key : queryKey;
            const QString& notIn = setting.effect == MethodSetting::Effect::Stored ? queryKey : key;
            const QStringList others = notIn.split(QLatin1Char(';'));
            const bool elsewhere = std::any_of(others.begin(), others.end(), [&](const QString& other) { return other.startsWith(setting.name + QLatin1Char('=')); });
            QVERIFY2(in.split(QLatin1Char(';')).contains(item) && !elsewhere, qPrintable(item));
            // Its own text read back gives the same configuration.
            QCOMPARE(MethodConfig::fromOverrides(item).key(), key);
            QCOMPARE(MethodConfig::fromOverrides(item).queryKey(), queryKey);
        }
        QVERIFY(key.startsWith(QStringLiteral("rev=%1;").arg(MethodConfig::kAlgorithmRevision)));
    }

    void methodKeyChangesWithEveryStoredSetting()
    {
        const QString base = MethodConfig().key();
        QVERIFY(base.contains(QStringLiteral("backbone=mobilenetv2-imagenet")));
        for (const char* change : {"pool=avg", "pool=max", "pool=gem4", "size=320", "grid=0", "hsv=0.3", "photo=0.3", "tex=0.3", "det=none", "det=yolo", "comp=0.5", "cfeat=crop"})
            QVERIFY2(MethodConfig::fromOverrides(QString::fromLatin1(change)).key() != base, change);
        for (const char* queryOnly : {"qsize=320", "lhsv=0.2", "lphoto=0.5", "ltex=0.4", "verify=0"}) {
            QCOMPARE(MethodConfig::fromOverrides(QString::fromLatin1(queryOnly)).key(), base);
            QVERIFY(MethodConfig::fromOverrides(QString::fromLatin1(queryOnly)).queryKey() != MethodConfig().queryKey());
        }
        QCOMPARE(MethodConfig::fromOverrides(QString()).key(), base);
        // A share written another way is the same setting.
        QCOMPARE(MethodConfig::fromOverrides(QStringLiteral("hsv=0.150")).key(), base);
    }

    void badMethodSettingsAreRefused()
    {
        for (const char* bad : {"pool=median", "pool=gem99", "size=5", "grid=x", "grid=3", "hsv=1.5", "colour=1", "hsv=0.5,photo=0.5", "photo=-0.1",
                                "lhsv=0.6,lphoto=0.5", "lhsv=0.4,lphoto=0.3,ltex=0.4", "backbone=nonesuch", "cfeat=pixels", "det=eyes", "verify=-1", "hsv=nan"})
            QVERIFY_THROWS_EXCEPTION(Error, MethodConfig::fromOverrides(QString::fromLatin1(bad)));
    }
};

QTEST_GUILESS_MAIN(FeaturePartsTest)
#include "tst_featureparts.moc"
