// colourLikeness(): copies of a picture keep their colours even where a re-save
// moves them across a hue bin's edge; the same picture turned in hue does not.

#include "core/features/ColourFeatures.h"

#include <QColor>
#include <QImage>
#include <QTest>

#include <numeric>

using namespace weft;

namespace {

// Stripes of two colours whose hues sit `shift` degrees from the edges of two hue bins.
QImage stripes(double shift)
{
    const double binDegrees = 360.0 / kHueBins;
    const QColor first = QColor::fromHsvF((3 * binDegrees + shift) / 360, 0.9, 0.9);
    const QColor second = QColor::fromHsvF((10 * binDegrees + shift) / 360, 0.6, 0.4);
    QImage image(96, 96, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            image.setPixelColor(x, y, (x / 6) % 2 ? first : second);
    return image;
}

float dot(const std::vector<float>& a, const std::vector<float>& b)
{
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0f);
}

}  // namespace

class TestColourLikeness : public QObject {
    Q_OBJECT

private slots:
    void aPictureIsLikeItself()
    {
        const std::vector<float> histogram = hsvHistogram(stripes(-5));
        QVERIFY(qAbs(colourLikeness(histogram, histogram) - 1.0f) < 1e-5f);
        // Scaled, as a fingerprint's colour part is.
        std::vector<float> scaled = histogram;
        for (float& v : scaled)
            v *= 0.4f;
        QVERIFY(qAbs(colourLikeness(histogram, scaled) - 1.0f) < 1e-5f);
    }

    void coloursMovedAcrossABinEdgeStayAlike()
    {
        // Just below and just past the edges of their bins: the plain histograms
        // share nothing, the colours are all but the same.
        const std::vector<float> before = hsvHistogram(stripes(-3)), after = hsvHistogram(stripes(3));
        QVERIFY2(dot(before, after) < 0.1f, qPrintable(QString::number(dot(before, after))));
        QVERIFY2(colourLikeness(before, after) > 0.6f, qPrintable(QString::number(colourLikeness(before, after))));
    }

    void coloursTurnedAThirdOfTheWheelAreUnlike()
    {
        const std::vector<float> original = hsvHistogram(stripes(-5)), turned = hsvHistogram(stripes(-5 + 120));
        QVERIFY2(colourLikeness(original, turned) < 0.05f, qPrintable(QString::number(colourLikeness(original, turned))));
    }

    void histogramsOfAnotherSizeAreNotCompared()
    {
        const std::vector<float> histogram = hsvHistogram(stripes(-5));
        QCOMPARE(colourLikeness(histogram, std::vector<float>(10, 1.0f)), 0.0f);
        QCOMPARE(colourLikeness(histogram, std::vector<float>(histogram.size(), 0.0f)), 0.0f);
    }
};

QTEST_APPLESS_MAIN(TestColourLikeness)
#include "tst_colourlikeness.moc"
