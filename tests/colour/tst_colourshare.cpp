// How much of an image is near a colour, read back from the colour histogram its
// fingerprint keeps (ColourShare.h), and the filter built on it: an image holding
// the colour passes, one without it is dropped.
#include "core/colour/ColourShare.h"
#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"

#include "colour/PrintColours.h"

#include <QPainter>
#include <QTest>

using namespace weft;
using namespace weft::test;

namespace {

// Stripes of `ink` on `ground`, the ink taking `inkShare` of the image.
QImage stripes(const QColor& ground, const QColor& ink, double inkShare)
{
    QImage image(200, 200, QImage::Format_RGB888);
    image.fill(ground);
    QPainter painter(&image);
    const int period = 20, width = int(std::lround(period * inkShare));
    for (int x = 0; x < image.width(); x += period)
        painter.fillRect(x, 0, width, image.height(), ink);
    return image;
}

QImage flat(const QColor& colour)
{
    QImage image(64, 64, QImage::Format_RGB888);
    image.fill(colour);
    return image;
}

}  // namespace

class TestColourShare : public QObject {
    Q_OBJECT

private slots:
    void aFlatImageHoldsItsColourAndNoOther();
    void theShareGrowsWithTheColoursArea();
    void nearShadesCountFarColoursDoNot();
    void theFilterKeepsImagesHoldingTheColour();
    void theFilterWantsEveryColour();
    void aHistogramOfAnotherSizeIsRefused();
};

void TestColourShare::aFlatImageHoldsItsColourAndNoOther()
{
    for (const QColor& colour : {kRed, kNavy, kCream, kGreen}) {
        const std::vector<float> histogram = hsvHistogram(flat(colour));
        // Pixels are taken as spread over their bin, which reaches beyond ΔE 20:
        // a flat colour reads as a good part of the image, never as all of it.
        const float own = ColourShare(colour).of(histogram);
        qInfo("a flat %s reads as %.2f of the image", qPrintable(colour.name()), own);
        QVERIFY2(own > 0.25f && own <= 1.0f, qPrintable(colour.name() + QStringLiteral(": %1").arg(own)));
        for (const QColor& other : {kRed, kNavy, kCream, kGreen})
            if (other != colour)
                QVERIFY2(ColourShare(other).of(histogram) == 0.0f, qPrintable(colour.name() + QStringLiteral(" holds ") + other.name()));
    }
}

void TestColourShare::theShareGrowsWithTheColoursArea()
{
    // A third and two thirds of red on cream: the share read back is proportional
    // to the red area, because the histogram's squares are the bins' pixel shares.
    const ColourShare red(kRed);
    const float all = red.of(hsvHistogram(flat(kRed)));
    const float quarter = red.of(hsvHistogram(stripes(kCream, kRed, 0.25)));
    const float threeQuarters = red.of(hsvHistogram(stripes(kCream, kRed, 0.75)));
    QVERIFY2(std::abs(quarter - 0.25f * all) < 0.01f, qPrintable(QStringLiteral("%1 of %2").arg(quarter).arg(all)));
    QVERIFY2(std::abs(threeQuarters - 0.75f * all) < 0.01f, qPrintable(QStringLiteral("%1 of %2").arg(threeQuarters).arg(all)));
    // The histogram keeps its length however it is scaled (a stored fingerprint's part).
    std::vector<float> scaled = hsvHistogram(stripes(kCream, kRed, 0.25));
    for (float& value : scaled)
        value *= 0.3f;
    QVERIFY(std::abs(red.of(scaled) - quarter) < 1e-5f);
}

void TestColourShare::nearShadesCountFarColoursDoNot()
{
    // A slightly lighter red (a photo's light) still counts; orange does not.
    const std::vector<float> histogram = hsvHistogram(flat(kRed));
    QVERIFY(ColourShare(kRed.lighter(110)).of(histogram) > ColourFilter::kMinShare);
    QCOMPARE(ColourShare(QColor(240, 150, 20)).of(histogram), 0.0f);
}

void TestColourShare::theFilterKeepsImagesHoldingTheColour()
{
    const ColourFilter red({kRed});
    QVERIFY(!red.isEmpty());
    QVERIFY(red.passes(hsvHistogram(stripes(kCream, kRed, 0.3))));
    QVERIFY(red.passes(hsvHistogram(stripes(kNavy, kRed, 0.5))));
    QVERIFY(!red.passes(hsvHistogram(stripes(kCream, kNavy, 0.3))));
    QVERIFY(!red.passes(hsvHistogram(stripes(kCream, kGreen, 0.5))));
    // No colours: everything passes.
    QVERIFY(ColourFilter().passes(hsvHistogram(stripes(kCream, kNavy, 0.3))));
}

void TestColourShare::theFilterWantsEveryColour()
{
    const ColourFilter redAndNavy({kRed, kNavy});
    QCOMPARE(redAndNavy.colours(), (QList<QColor>{kRed, kNavy}));
    QVERIFY(redAndNavy.passes(hsvHistogram(stripes(kNavy, kRed, 0.4))));
    QVERIFY(!redAndNavy.passes(hsvHistogram(stripes(kCream, kRed, 0.4))));
    QVERIFY(!redAndNavy.passes(hsvHistogram(stripes(kCream, kNavy, 0.4))));
}

void TestColourShare::aHistogramOfAnotherSizeIsRefused()
{
    QVERIFY_THROWS_EXCEPTION(Error, ColourShare(kRed).of(std::vector<float>(10, 0.1f)));
}

QTEST_MAIN(TestColourShare)
#include "tst_colourshare.moc"
