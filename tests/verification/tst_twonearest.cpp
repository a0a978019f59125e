// twoNearest must pair descriptors as cv::BFMatcher::knnMatch (k = 2) does: the
// keypoint placements were measured with it. Checked against the matcher itself
// on RootSIFT-like descriptors (non-negative, unit length), on rows that are
// not contiguous, and where there are too few candidates to pair by.

#include "core/verification/TwoNearest.h"

#include <QTest>

#include <opencv2/features2d.hpp>

#include <stdexcept>

using namespace weft;

namespace {

// Rows of non-negative values of unit length, as RootSIFT's; some near copies
// of others, so that nearest and second nearest are close calls.
cv::Mat descriptors(int rows, int seed)
{
    cv::RNG random{uint64(seed)};
    cv::Mat found(rows, 128, CV_32F);
    random.fill(found, cv::RNG::UNIFORM, 0, 1);
    for (int r = 0; r < rows; ++r) {
        cv::Mat row = found.row(r);
        if (r % 3 == 1) {
            cv::Mat noise(1, 128, CV_32F);
            random.fill(noise, cv::RNG::NORMAL, 0, 0.02);
            row = cv::abs(found.row(r - 1) + noise);
        }
        row /= cv::norm(row);
    }
    return found;
}

float squared(float distance)
{
    return distance * distance;
}

void compareWithMatcher(const cv::Mat& queries, const cv::Mat& candidates)
{
    std::vector<std::vector<cv::DMatch>> expected;
    cv::BFMatcher(cv::NORM_L2).knnMatch(queries, candidates, expected, 2);
    const std::vector<TwoNearest> found = twoNearest(queries, candidates);
    QCOMPARE(found.size(), expected.size());
    for (std::size_t i = 0; i < found.size(); ++i) {
        QCOMPARE(found[i].nearest, expected[i][0].trainIdx);
        // Squared, as the product gives them: an exact copy's distance is a
        // difference of two numbers near 1, so its root is a few 1e-4 off zero.
        QVERIFY2(std::abs(squared(found[i].distance) - squared(expected[i][0].distance)) < 1e-6f, qPrintable(QString::number(found[i].distance)));
        QCOMPARE(found[i].second, expected[i][1].trainIdx);
        QVERIFY(std::abs(squared(found[i].secondDistance) - squared(expected[i][1].distance)) < 1e-6f);
    }
}

}  // namespace

class TwoNearestTest : public QObject {
    Q_OBJECT

private slots:
    void pairsAsTheBruteForceMatcher()
    {
        compareWithMatcher(descriptors(300, 1), descriptors(700, 2));
        // The same descriptors on both sides: each is its own nearest, at distance 0.
        const cv::Mat same = descriptors(50, 3);
        compareWithMatcher(same, same);
        for (int i = 0; i < same.rows; ++i)
            QCOMPARE(twoNearest(same, same)[std::size_t(i)].nearest, i);
    }

    void pairsRowsOfALargerMatrix()
    {
        const cv::Mat queries = descriptors(90, 4), candidates = descriptors(120, 5);
        cv::Mat wider(120, 200, CV_32F, cv::Scalar(7));
        candidates.copyTo(wider(cv::Rect(10, 0, 128, 120)));
        const cv::Mat view = wider(cv::Rect(10, 0, 128, 120));
        QVERIFY(!view.isContinuous());
        compareWithMatcher(queries, view);
    }

    void tooFewCandidates()
    {
        const cv::Mat queries = descriptors(5, 6);
        const std::vector<TwoNearest> one = twoNearest(queries, descriptors(1, 7));
        QCOMPARE(one.size(), std::size_t(5));
        for (const TwoNearest& two : one) {
            QCOMPARE(two.nearest, 0);
            QCOMPARE(two.second, -1);
        }
        for (const TwoNearest& two : twoNearest(queries, cv::Mat())) {
            QCOMPARE(two.nearest, -1);
            QCOMPARE(two.second, -1);
        }
        QVERIFY(twoNearest(cv::Mat(), queries).empty());
    }

    void refusesDescriptorsOfOtherLengths()
    {
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, twoNearest(descriptors(3, 8), cv::Mat(4, 64, CV_32F, cv::Scalar(0))));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, twoNearest(cv::Mat(3, 128, CV_8U, cv::Scalar(0)), descriptors(4, 9)));
    }
};

QTEST_APPLESS_MAIN(TwoNearestTest)
#include "tst_twonearest.moc"
