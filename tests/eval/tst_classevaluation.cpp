// The class protocol (`weft-cli eval --labels`) on a library whose fingerprints are
// chosen so that every ranking is known beforehand, and its numbers worked out by
// hand from those rankings.

#include "core/eval/ClassEvaluation.h"
#include "core/features/FingerprintLayout.h"
#include "core/pipeline/Library.h"

#include <QTemporaryDir>
#include <QTest>
#include <QtMath>

using namespace weft;

namespace {

// Two-value fingerprints at these angles: the closer two angles, the higher their
// cosine, so each query ranks the others by angular distance. Four classes of two.
struct Placed {
    const char* name;
    const char* label;
    double degrees;
};
constexpr Placed kPlaced[] = {
    {"a1", "a", 0}, {"a2", "a", 10}, {"b1", "b", 25}, {"c1", "c", 45},
    {"b2", "b", 60}, {"d1", "d", 100}, {"d2", "d", 128}, {"c2", "c", 165},
};

// The rankings, by distance (in degrees), and where the query's classmate comes:
//   a1: a2(10) b1(25) c1(45) b2(60) d1(100) d2(128) c2(165)  → 1
//   a2: a1(10) b1(15) c1(35) b2(50) d1(90) d2(118) c2(155)   → 1
//   b1: a2(15) c1(20) a1(25) b2(35) d1(75) d2(103) c2(140)   → 4
//   b2: c1(15) b1(35) d1(40) a2(50) a1(60) d2(68) c2(105)    → 2
//   c1: b2(15) b1(20) a2(35) a1(45) d1(55) d2(83) c2(120)    → 7
//   c2: d2(37) d1(65) b2(105) c1(120) b1(140) a2(155) a1(165) → 4
//   d1: d2(28) b2(40) c1(55) c2(65) b1(75) a2(90) a1(100)    → 1
//   d2: d1(28) c2(37) b2(68) c1(83) b1(103) a2(118) a1(128)  → 1
// One relevant item per query, so AP = RR = 1/rank and R-precision = top-1:
//   MRR = mAP = (1 + 1 + 1/4 + 1/2 + 1/7 + 1/4 + 1 + 1) / 8 = 9/14
//   top-1 = R-precision = 4/8, top-5 = 7/8 (c1's classmate is 7th),
//   P@5 = 7 × (1/5) / 8 = 7/40.
constexpr double kMeanReciprocalRank = 9.0 / 14.0;
constexpr double kTopOne = 4.0 / 8.0;
constexpr double kTopFive = 7.0 / 8.0;
constexpr double kPrecisionAt5 = 7.0 / 40.0;

void compareClose(double actual, double expected, const char* what)
{
    QVERIFY2(std::abs(actual - expected) < 1e-9, qPrintable(QStringLiteral("%1: %2, by hand %3").arg(QLatin1String(what)).arg(actual).arg(expected)));
}

ImageRecord imageAt(qint64 rootId, const QString& path)
{
    ImageRecord record;
    record.rootId = rootId;
    record.path = path;
    return record;
}

// Stores each image's two-value fingerprint, at its angle, under `folder` (a root
// of the library), and lists it with its class.
template <std::size_t N>
QList<LabelledImage> storePlaced(Library& library, qint64 root, const QString& folder, const Placed (&images)[N])
{
    QList<LabelledImage> labels;
    for (const Placed& placed : images) {
        const QString path = folder + QLatin1Char('/') + QLatin1String(placed.name) + QStringLiteral(".png");
        const double radians = qDegreesToRadians(placed.degrees);
        library.storeFingerprint(library.catalog().upsertImage(imageAt(root, path)), {float(std::cos(radians)), float(std::sin(radians))}, QSize(8, 8));
        labels.append({path, QLatin1String(placed.label)});
    }
    return labels;
}

}  // namespace

class ClassEvaluationTest : public QObject {
    Q_OBJECT
private slots:
    void metricsAreTheHandWorkedOnes();
    void belowTheFirstFiveTheQueryIsExpanded();
};

void ClassEvaluationTest::metricsAreTheHandWorkedOnes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const MethodConfig method;
    Library library(dir.filePath(QStringLiteral("library")), method);
    Catalog& catalog = library.catalog();
    const QString folder = dir.filePath(QStringLiteral("patterns"));
    const qint64 root = catalog.addRoot(folder);
    QList<LabelledImage> labels = storePlaced(library, root, folder, kPlaced);
    // Labelled but without a fingerprint of this method: one that failed, one made
    // by another method, and one the library never saw. They are no query and rank nowhere.
    const qint64 failed = catalog.upsertImage(imageAt(root, folder + QStringLiteral("/failed.png")));
    library.storeFailure(failed, QStringLiteral("not an image"));
    const qint64 other = catalog.upsertImage(imageAt(root, folder + QStringLiteral("/other.png")));
    catalog.setFingerprint(other, QStringLiteral("another method"), {1.0f, 0.0f}, 8, 8);
    labels.append({folder + QStringLiteral("/failed.png"), QStringLiteral("a")});
    labels.append({folder + QStringLiteral("/other.png"), QStringLiteral("a")});
    labels.append({folder + QStringLiteral("/never seen.png"), QStringLiteral("b")});

    const FingerprintLayout layout({{FingerprintPart::Deep, 0, 2, 1.0f}});
    const ClassEvaluationReport report = evaluateClasses(library, method, layout, labels);
    QCOMPARE(report.quality.queries, 8);
    QCOMPARE(report.unusable, 3);
    compareClose(report.quality.topOne, kTopOne, "top-1");
    compareClose(report.quality.topFive, kTopFive, "top-5");
    compareClose(report.quality.meanReciprocalRank, kMeanReciprocalRank, "MRR");
    compareClose(report.quality.meanAveragePrecision, kMeanReciprocalRank, "mAP");
    compareClose(report.quality.rPrecision, kTopOne, "R-precision");
    compareClose(report.quality.precisionAt5, kPrecisionAt5, "P@5");
    // Eight images: the index's top ten of the others is all seven, as the exact one's.
    compareClose(report.hnswRecallAt10, 1.0, "HNSW recall@10");
}

void ClassEvaluationTest::belowTheFirstFiveTheQueryIsExpanded()
{
    // q at 0°, five others between 30° and 50°, x at -60° and q's classmate y at 90°.
    // q's own ranking: the five, x (60° away), y (90°): y is 7th. Expanded as the app's
    // "more like this" does (QueryExpansion.h), the mean of q and the five points at
    // about 33°: x is 93° from it, y 57°, so y comes 6th. y's ranking: the five, then
    // q 6th either way (the mean of y and the five, about 48°, is 48° from q, 108° from
    // x). The others have no classmate and count 0. mAP = (1/6 + 1/6) / 8 = 1/24;
    // without the expansion it would be (1/7 + 1/6) / 8.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const MethodConfig method;
    Library library(dir.filePath(QStringLiteral("library")), method);
    const QString folder = dir.filePath(QStringLiteral("patterns"));
    const Placed placed[] = {{"q", "q", 0},    {"f1", "f1", 30}, {"f2", "f2", 35}, {"f3", "f3", 40},
                             {"f4", "f4", 45}, {"f5", "f5", 50}, {"x", "x", -60},  {"y", "q", 90}};
    const QList<LabelledImage> labels = storePlaced(library, library.catalog().addRoot(folder), folder, placed);
    const FingerprintLayout layout({{FingerprintPart::Deep, 0, 2, 1.0f}});
    const ClassEvaluationReport report = evaluateClasses(library, method, layout, labels);
    QCOMPARE(report.quality.queries, 8);
    compareClose(report.quality.meanAveragePrecision, 1.0 / 24.0, "mAP");
}

QTEST_GUILESS_MAIN(ClassEvaluationTest)
#include "tst_classevaluation.moc"
