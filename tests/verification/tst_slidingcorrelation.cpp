// SlidingCorrelation must give what cv::matchTemplate gives with
// TM_CCOEFF_NORMED (the swatch check's fits were measured with it), only
// sooner: checked against matchTemplate itself on images of awkward sizes, with
// templates cut from the image (a perfect fit at a known place), unrelated ones,
// and flat stretches where matchTemplate gives no fit.

#include "core/verification/SlidingCorrelation.h"

#include <QTest>

#include <opencv2/imgproc.hpp>

#include <stdexcept>

using namespace weft;

namespace {

cv::Mat texture(cv::Size size, int seed)
{
    cv::RNG random{uint64(seed)};
    cv::Mat image(size, CV_32F);
    random.fill(image, cv::RNG::UNIFORM, 0, 255);
    cv::GaussianBlur(image, image, cv::Size(), 1.5);
    return image;
}

}  // namespace

class SlidingCorrelationTest : public QObject {
    Q_OBJECT

private slots:
    void agreesWithMatchTemplate_data()
    {
        QTest::addColumn<QSize>("imageSize");
        QTest::addColumn<int>("side");
        QTest::newRow("a library image at working size") << QSize(320, 240) << 48;
        QTest::newRow("odd sides, no fast transform size") << QSize(317, 251) << 31;
        QTest::newRow("template as large as the image's height") << QSize(90, 48) << 48;
    }

    void agreesWithMatchTemplate()
    {
        QFETCH(QSize, imageSize);
        QFETCH(int, side);
        cv::Mat image = texture(cv::Size(imageSize.width(), imageSize.height()), 1);
        // A flat stretch, as a studio backdrop: no window inside it fits anything.
        image(cv::Rect(0, 0, std::min(image.cols, side + 10), side)).setTo(200);
        const cv::Point cutAt(image.cols - side - 3, image.rows - side);
        const std::vector<cv::Mat> templates{image(cv::Rect(cutAt, cv::Size(side, side))).clone(),
                                             texture(cv::Size(side, side), 2), texture(cv::Size(side, side), 3) * 0.2 + 40};
        const SlidingCorrelation correlations(image, side);
        for (const cv::Mat& templ : templates) {
            cv::Mat expected;
            cv::matchTemplate(image, templ, expected, cv::TM_CCOEFF_NORMED);
            const cv::Mat found = correlations.of(correlations.prepared(templ));
            QCOMPARE(found.size(), expected.size());
            QCOMPARE(found.type(), CV_32F);
            const double largestDifference = cv::norm(found, expected, cv::NORM_INF);
            qInfo("largest difference from matchTemplate %.2g", largestDifference);
            QVERIFY(largestDifference < 1e-4);
        }
        double best = 0;
        cv::Point at;
        cv::minMaxLoc(correlations.of(correlations.prepared(templates.front())), nullptr, &best, nullptr, &at);
        QVERIFY(best > 0.9999);
        QCOMPARE(at.x, cutAt.x);
        QCOMPARE(at.y, cutAt.y);
    }

    // matchTemplate calls a flat template a perfect fit everywhere; a swatch's
    // middle of one grey level has nothing to place by, so here it fits nowhere.
    void aFlatTemplateFitsNowhere()
    {
        const SlidingCorrelation correlations(texture(cv::Size(120, 100), 4), 24);
        const cv::Mat found = correlations.of(correlations.prepared(cv::Mat(24, 24, CV_32F, cv::Scalar(90))));
        QCOMPARE(found.size(), cv::Size(97, 77));
        QCOMPARE(cv::countNonZero(found), 0);
    }

    // A template's spectrum, worked out for one image, serves every image of the
    // same transform size: the fits are those of the template itself, to the bit.
    void aPreparedTemplateServesImagesOfOneSize()
    {
        const cv::Mat templ = texture(cv::Size(32, 32), 7);
        const SlidingCorrelation first(texture(cv::Size(200, 150), 8), 32), second(texture(cv::Size(200, 150), 9), 32);
        QCOMPARE(first.transformSize(), second.transformSize());
        const SlidingCorrelation::Prepared prepared = first.prepared(templ);
        QCOMPARE(cv::norm(second.of(prepared), second.of(second.prepared(templ)), cv::NORM_INF), 0.0);
        QVERIFY(cv::norm(first.of(prepared), second.of(prepared), cv::NORM_INF) > 0.1);

        const SlidingCorrelation otherSize(texture(cv::Size(300, 150), 10), 32);
        QVERIFY(otherSize.transformSize() != first.transformSize());
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, otherSize.of(prepared));
        const SlidingCorrelation otherSide(texture(cv::Size(200, 150), 11), 24);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, otherSide.of(prepared));
    }

    // Library photos of nearby sizes (427 and 436 px wide, at the fit's half size)
    // share a transform size, so a template prepared for one serves the other,
    // which it still fits as matchTemplate does.
    void nearbySizesShareATransformSize()
    {
        const cv::Mat templ = texture(cv::Size(48, 48), 12);
        const cv::Mat image = texture(cv::Size(218, 320), 14);
        const SlidingCorrelation narrower(texture(cv::Size(214, 320), 13), 48), wider(image, 48);
        QCOMPARE(narrower.transformSize(), wider.transformSize());
        cv::Mat expected;
        cv::matchTemplate(image, templ, expected, cv::TM_CCOEFF_NORMED);
        QVERIFY(cv::norm(wider.of(narrower.prepared(templ)), expected, cv::NORM_INF) < 1e-4);
    }

    void refusesWhatItCannotCompare()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SlidingCorrelation(texture(cv::Size(40, 40), 5), 41));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, SlidingCorrelation(cv::Mat(60, 60, CV_8U, cv::Scalar(0)), 10));
        const SlidingCorrelation correlations(texture(cv::Size(60, 60), 6), 10);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, correlations.prepared(cv::Mat(12, 12, CV_32F, cv::Scalar(0))));
    }
};

QTEST_APPLESS_MAIN(SlidingCorrelationTest)
#include "tst_slidingcorrelation.moc"
