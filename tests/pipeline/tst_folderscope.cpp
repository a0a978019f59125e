// A search kept to one folder: only that folder's images come back, and the best
// of them even when the whole library's best are all elsewhere. The library holds
// made-up fingerprints (no model), so the ranking is known from the vectors.

#include "core/catalog/Catalog.h"
#include "core/features/MethodConfig.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/QueryEngine.h"
#include "MadeUpFingerprints.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <memory>
#include <random>
#include <vector>

using namespace weft;

namespace {

constexpr int kDimension = 32;
constexpr int kTop = 10;

std::vector<float> unitVector(std::mt19937& random) { return test::randomUnitVector(random, kDimension); }

// `base` with some noise: close to it, each a little differently.
std::vector<float> near(const std::vector<float>& base, std::mt19937& random)
{
    std::vector<float> vector = unitVector(random);
    for (int i = 0; i < kDimension; ++i)
        vector[i] = base[i] + 0.15f * vector[i];
    return vector;
}

// Pointing away from `query`, by differing amounts: below anything random.
std::vector<float> awayFrom(const std::vector<float>& query, std::mt19937& random)
{
    std::vector<float> vector = unitVector(random);
    for (int i = 0; i < kDimension; ++i)
        vector[i] -= 0.8f * query[i];
    return vector;
}

float cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    double ab = 0, aa = 0, bb = 0;
    for (int i = 0; i < kDimension; ++i) {
        ab += double(a[i]) * b[i];
        aa += double(a[i]) * a[i];
        bb += double(b[i]) * b[i];
    }
    return float(ab / std::sqrt(aa * bb));
}

}  // namespace

class TestFolderScope : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void wholeLibraryFindsTheNearFolder();
    void folderGivesItsOwnBestEvenWhenAllRankLow();
    void subFolderGivesOnlyItsImages();
    void bigFolderSearchedThroughTheGraph();
    void folderWithoutImagesGivesNone();

private:
    // Adds `count` images under `folder` (in root `rootId`) with fingerprints made by `make`.
    template <typename Make>
    void addImages(qint64 rootId, const QString& folder, int count, Make make);
    bool isUnder(const Match& match, const QString& folder) const { return match.path.startsWith(folder + QLatin1Char('/')); }
    // The images under `folder`, best first by their stored fingerprints.
    std::vector<std::pair<float, QString>> bruteForce(const QString& folder) const;

    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_library;
    std::unique_ptr<QueryEngine> m_engine;
    std::mt19937 m_random{12};
    std::vector<float> m_query;
    QString m_near, m_far, m_farDeep, m_farLookalike, m_bulk;
};

template <typename Make>
void TestFolderScope::addImages(qint64 rootId, const QString& folder, int count, Make make)
{
    Catalog& catalog = m_library->catalog();
    std::vector<qint64> ids;
    std::vector<std::vector<float>> vectors;
    {
        Catalog::Transaction transaction(catalog);
        for (int i = 0; i < count; ++i) {
            ImageRecord record;
            record.rootId = rootId;
            record.path = QStringLiteral("%1/image-%2.png").arg(folder).arg(i, 4, 10, QLatin1Char('0'));
            ids.push_back(catalog.upsertImage(record));
            vectors.push_back(make());
        }
        transaction.commit();
    }
    m_library->storeFingerprints(ids, vectors, QSize(64, 64), 2);
}

void TestFolderScope::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_library = std::make_unique<Library>(m_dir.filePath(QStringLiteral("library")), MethodConfig());
    Catalog& catalog = m_library->catalog();
    const QString patterns = m_dir.filePath(QStringLiteral("patterns"));
    m_near = patterns + QStringLiteral("/near");
    m_far = patterns + QStringLiteral("/far");
    m_farDeep = m_far + QStringLiteral("/deep");
    m_farLookalike = patterns + QStringLiteral("/far-lookalike");   // its name starts like m_far's
    m_bulk = patterns + QStringLiteral("/bulk");
    m_query = unitVector(m_random);

    addImages(catalog.addRoot(m_near), m_near, 40, [&] { return near(m_query, m_random); });
    const qint64 far = catalog.addRoot(m_far);
    addImages(far, m_far, 20, [&] { return awayFrom(m_query, m_random); });
    addImages(far, m_farDeep, 12, [&] { return awayFrom(m_query, m_random); });
    addImages(catalog.addRoot(m_farLookalike), m_farLookalike, 20, [&] { return near(m_query, m_random); });
    addImages(catalog.addRoot(m_bulk), m_bulk, 3000, [&] { return unitVector(m_random); });
    m_engine = std::make_unique<QueryEngine>(*m_library);
}

void TestFolderScope::cleanupTestCase()
{
    m_engine.reset();
    m_library.reset();
}

std::vector<std::pair<float, QString>> TestFolderScope::bruteForce(const QString& folder) const
{
    std::vector<std::pair<float, QString>> ranked;
    for (qint64 id : m_library->catalog().imageIdsUnder(folder))
        ranked.emplace_back(cosine(m_library->catalog().fingerprint(id)->vector, m_query), m_library->catalog().image(id)->path);
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return ranked;
}

void TestFolderScope::wholeLibraryFindsTheNearFolder()
{
    const std::vector<Match> matches = m_engine->searchFingerprint(m_query, kTop);
    QCOMPARE(int(matches.size()), kTop);
    for (const Match& match : matches)
        QVERIFY2(isUnder(match, m_near) || isUnder(match, m_farLookalike), qPrintable(match.path));
}

void TestFolderScope::folderGivesItsOwnBestEvenWhenAllRankLow()
{
    // Not one of m_far's images is among the whole library's best hundred...
    for (const Match& match : m_engine->searchFingerprint(m_query, 100))
        QVERIFY2(!isUnder(match, m_far), qPrintable(match.path));
    // ...yet kept to m_far, its best come back, sub-folder included, best first.
    const std::vector<Match> matches = m_engine->searchFingerprint(m_query, kTop, m_far);
    QCOMPARE(int(matches.size()), kTop);
    const std::vector<std::pair<float, QString>> expected = bruteForce(m_far);
    QCOMPARE(int(expected.size()), 32);
    for (std::size_t i = 0; i < matches.size(); ++i) {
        QVERIFY2(isUnder(matches[i], m_far), qPrintable(matches[i].path));
        QCOMPARE(matches[i].rank, int(i) + 1);
        // The same order as comparing them one by one (scores within the rounding
        // of the stored form; a near tie may swap).
        QVERIFY2(std::abs(matches[i].score - expected[i].first) < 2e-3f,
                 qPrintable(QStringLiteral("#%1 %2 scores %3, the %1th best of the folder %4")
                                .arg(i + 1)
                                .arg(matches[i].path)
                                .arg(double(matches[i].score))
                                .arg(double(expected[i].first))));
    }
}

void TestFolderScope::subFolderGivesOnlyItsImages()
{
    const std::vector<Match> matches = m_engine->searchFingerprint(m_query, 50, m_farDeep);
    QCOMPARE(int(matches.size()), 12);   // all of them, fewer than asked for
    for (const Match& match : matches)
        QVERIFY2(isUnder(match, m_farDeep), qPrintable(match.path));
}

void TestFolderScope::bigFolderSearchedThroughTheGraph()
{
    // Most of the library: found by walking the graph for more neighbours than
    // asked for and keeping the folder's.
    const std::vector<Match> matches = m_engine->searchFingerprint(m_query, kTop, m_bulk);
    QCOMPARE(int(matches.size()), kTop);
    for (std::size_t i = 0; i < matches.size(); ++i) {
        QVERIFY2(isUnder(matches[i], m_bulk), qPrintable(matches[i].path));
        if (i > 0)
            QVERIFY(matches[i].score <= matches[i - 1].score);
    }
    QVERIFY(matches.front().score > bruteForce(m_bulk)[std::size_t(kTop)].first);   // among the folder's very best
}

void TestFolderScope::folderWithoutImagesGivesNone()
{
    QVERIFY(m_engine->searchFingerprint(m_query, kTop, m_dir.filePath(QStringLiteral("patterns/elsewhere"))).empty());
}

QTEST_GUILESS_MAIN(TestFolderScope)
#include "tst_folderscope.moc"
