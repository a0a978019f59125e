// The swatch protocol (`weft-cli eval --protocol swatch`) on six generated
// patterns, with the library's fingerprints chosen so that each query's source
// comes at a rank set beforehand, and the protocol's numbers worked out by hand
// from those ranks.
//
// The queries are the set's simulated photos, fingerprinted by the model as the
// evaluation does. Each library image gets a stored fingerprint built from those
// six query fingerprints so that query i scores library image j exactly
// kScores[i][j] / c (one c for all): in the span of the queries, solved through
// their Gram matrix, and brought to unit length with a part orthogonal to every
// query, which no score sees.

#include "core/eval/SwatchEvaluation.h"
#include "core/features/FeatureExtractor.h"
#include "core/imaging/ImageDecoder.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Library.h"
#include "common/GeneratedPatterns.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace weft;

namespace {

constexpr int kImages = 6;
// Where each query's own source is to come (1-based).
constexpr int kSourceRank[kImages] = {1, 2, 1, 4, 6, 1};
// By hand, one relevant image per query: top-1 = 3/6; top-5 = 5/6 (the 6th misses);
// MRR = mAP = (1 + 1/2 + 1 + 1/4 + 1/6 + 1) / 6 = (47/12) / 6 = 47/72.
constexpr double kTopOne = 3.0 / 6.0;
constexpr double kTopFive = 5.0 / 6.0;
constexpr double kMeanReciprocalRank = 47.0 / 72.0;

// Query i's scores of the six library images: its source gets the kSourceRank[i]-th
// of these, the others the rest in their order.
constexpr double kLadder[kImages] = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};

using Matrix = std::vector<std::vector<double>>;

Matrix designedScores()
{
    Matrix scores(kImages, std::vector<double>(kImages));
    for (int q = 0; q < kImages; ++q) {
        int next = 0;
        for (int j = 0; j < kImages; ++j) {
            if (j == q)
                continue;
            if (next == kSourceRank[q] - 1)
                ++next;
            scores[q][j] = kLadder[next++];
        }
        scores[q][q] = kLadder[kSourceRank[q] - 1];
    }
    return scores;
}

double dot(const std::vector<double>& a, const std::vector<float>& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += a[i] * b[i];
    return sum;
}

// Solves gram · x = rhs (Gaussian elimination with partial pivoting).
std::vector<double> solve(Matrix gram, std::vector<double> rhs)
{
    const int n = int(rhs.size());
    for (int col = 0; col < n; ++col) {
        int pivot = col;
        for (int row = col + 1; row < n; ++row)
            if (std::abs(gram[row][col]) > std::abs(gram[pivot][col]))
                pivot = row;
        std::swap(gram[col], gram[pivot]);
        std::swap(rhs[col], rhs[pivot]);
        for (int row = col + 1; row < n; ++row) {
            const double factor = gram[row][col] / gram[col][col];
            for (int k = col; k < n; ++k)
                gram[row][k] -= factor * gram[col][k];
            rhs[row] -= factor * rhs[col];
        }
    }
    std::vector<double> x(n);
    for (int row = n - 1; row >= 0; --row) {
        double sum = rhs[row];
        for (int k = row + 1; k < n; ++k)
            sum -= gram[row][k] * x[k];
        x[row] = sum / gram[row][row];
    }
    return x;
}

// Unit vectors s_j with queries[i] · s_j = scores[i][j] / c for one c > 0.
std::vector<std::vector<float>> storedFor(const std::vector<std::vector<float>>& queries, const Matrix& scores)
{
    const int n = int(queries.size());
    const std::size_t dim = queries.front().size();
    Matrix gram(n, std::vector<double>(n));
    for (int a = 0; a < n; ++a)
        for (int b = 0; b < n; ++b)
            gram[a][b] = dot(std::vector<double>(queries[a].begin(), queries[a].end()), queries[b]);
    // In the queries' span: the combination whose scores are the column.
    Matrix inSpan(n, std::vector<double>(dim, 0.0));
    double longest = 0;
    for (int j = 0; j < n; ++j) {
        std::vector<double> column(n);
        for (int i = 0; i < n; ++i)
            column[i] = scores[i][j];
        const std::vector<double> weights = solve(gram, column);
        for (int k = 0; k < n; ++k)
            for (std::size_t d = 0; d < dim; ++d)
                inSpan[j][d] += weights[k] * queries[k][d];
        longest = std::max(longest, std::sqrt(dot(inSpan[j], std::vector<float>(inSpan[j].begin(), inSpan[j].end()))));
    }
    // A direction no query sees: a fixed pattern less its part in their span.
    std::vector<double> aside(dim);
    for (std::size_t d = 0; d < dim; ++d)
        aside[d] = (d % 7 == 3 ? 1.0 : 0.0) - (d % 5 == 1 ? 0.5 : 0.0);
    std::vector<double> projections(n);
    for (int i = 0; i < n; ++i)
        projections[i] = dot(aside, queries[i]);
    const std::vector<double> weights = solve(gram, projections);
    for (int k = 0; k < n; ++k)
        for (std::size_t d = 0; d < dim; ++d)
            aside[d] -= weights[k] * queries[k][d];
    const double asideLength = std::sqrt(dot(aside, std::vector<float>(aside.begin(), aside.end())));
    const double c = 1.25 * longest;
    std::vector<std::vector<float>> stored(n, std::vector<float>(dim));
    for (int j = 0; j < n; ++j) {
        const double spanLength = std::sqrt(dot(inSpan[j], std::vector<float>(inSpan[j].begin(), inSpan[j].end())));
        const double fill = std::sqrt(c * c - spanLength * spanLength) / asideLength;
        for (std::size_t d = 0; d < dim; ++d)
            stored[j][d] = float((inSpan[j][d] + fill * aside[d]) / c);
    }
    return stored;
}

QList<LabelledImage> writeSources(const QString& folder)
{
    QList<LabelledImage> labels;
    for (const QString& path : test::writeGeneratedPatterns(folder, kImages, QSize(200, 160)))
        labels.append({path, QFileInfo(path).baseName()});
    return labels;
}

void compareClose(double actual, double expected, const QString& what)
{
    QVERIFY2(std::abs(actual - expected) < 1e-9, qPrintable(QStringLiteral("%1: %2, by hand %3").arg(what).arg(actual).arg(expected)));
}

}  // namespace

class SwatchEvaluationTest : public QObject {
    Q_OBJECT
private slots:
    void metricsAreTheHandWorkedOnes();
};

void SwatchEvaluationTest::metricsAreTheHandWorkedOnes()
{
    const QString shared = qEnvironmentVariable("WEFT_SHARED_DIR");
    const QString models = QDir(shared).filePath(QStringLiteral("models"));
    if (shared.isEmpty() || !QFileInfo(models).isDir())
        QFAIL("needs the shared models folder: set WEFT_SHARED_DIR (ctest sets it) to a folder holding models/");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const SwatchSet set = SwatchSet::build(writeSources(dir.filePath(QStringLiteral("sources"))), dir.filePath(QStringLiteral("set")));
    QCOMPARE(set.items().size(), kImages);

    // No second look, which would re-order by the pictures rather than the fingerprints.
    const MethodConfig method = MethodConfig::fromOverrides(QStringLiteral("size=64,grid=0,det=none,orient=1,qscales=1,verify=0"));
    const std::unique_ptr<FeatureExtractor> extractor = FeatureExtractor::load(method, ModelStore(models));
    Library library(dir.filePath(QStringLiteral("library")), method);
    std::vector<std::vector<float>> queries;
    for (const SwatchItem& item : set.items()) {
        const auto readings = extractor->swatchFingerprints(ImageDecoder::decode(item.query).image);
        QCOMPARE(readings.size(), std::size_t(1));
        queries.push_back(library.swatchQuery(readings.front().fingerprint));
    }
    const Matrix scores = designedScores();
    const std::vector<std::vector<float>> stored = storedFor(queries, scores);
    const qint64 root = library.catalog().addRoot(set.folder() + QStringLiteral("/library"));
    std::vector<qint64> ids;
    for (int j = 0; j < kImages; ++j) {
        ImageRecord record;
        record.rootId = root;
        record.path = set.items()[j].libraryImage;
        record.width = 200;
        record.height = 160;
        ids.push_back(library.catalog().upsertImage(record));
        library.storeFingerprint(ids.back(), stored[std::size_t(j)], QSize(200, 160));
    }
    // The design as the catalog keeps it (one byte per value): each query still orders
    // the library images as designed.
    for (int q = 0; q < kImages; ++q)
        for (int a = 0; a < kImages; ++a)
            for (int b = 0; b < kImages; ++b)
                if (scores[q][a] > scores[q][b]) {
                    const std::vector<float> first = library.catalog().fingerprint(ids[a])->vector;
                    const std::vector<float> second = library.catalog().fingerprint(ids[b])->vector;
                    const std::vector<double> query(queries[q].begin(), queries[q].end());
                    QVERIFY2(dot(query, first) > dot(query, second) + 1e-3, "the designed scores did not survive storage");
                }

    const SwatchEvaluationReport report = evaluateSwatches(library, *extractor, set);
    QVERIFY(!report.stopped);
    QCOMPARE(report.libraryImages, kImages);
    QCOMPARE(report.unusableLibraryImages, 0);
    QCOMPARE(report.unusableQueries, 0);
    QCOMPARE(report.quality.queries, kImages);
    compareClose(report.quality.topOne, kTopOne, QStringLiteral("top-1"));
    compareClose(report.quality.topFive, kTopFive, QStringLiteral("top-5"));
    compareClose(report.quality.meanReciprocalRank, kMeanReciprocalRank, QStringLiteral("MRR"));
    compareClose(report.quality.meanAveragePrecision, kMeanReciprocalRank, QStringLiteral("mAP"));
    QCOMPARE(report.ranks.size(), std::size_t(kImages));
    for (const SwatchEvaluationReport::QueryRank& rank : report.ranks)
        QCOMPARE(rank.rank, kSourceRank[rank.item]);
    // Plain photos are turned at most 10 degrees, never mirrored and zoomed 0.7-1.4
    // (shared/datasets/README.md): every query is in these three buckets, none in the others.
    QCOMPARE(report.buckets.size(), std::size_t(3));
    for (const PhotoBucket& bucket : report.buckets) {
        QVERIFY2(bucket.name == QLatin1String("turn 0-15") || bucket.name == QLatin1String("not mirrored") || bucket.name == QLatin1String("zoom 0.7-1.4"),
                 qPrintable(bucket.name));
        QCOMPARE(bucket.quality.queries, kImages);
        compareClose(bucket.quality.topOne, kTopOne, bucket.name);
        compareClose(bucket.quality.meanReciprocalRank, kMeanReciprocalRank, bucket.name);
    }
}

QTEST_GUILESS_MAIN(SwatchEvaluationTest)
#include "tst_swatchevaluation.moc"
