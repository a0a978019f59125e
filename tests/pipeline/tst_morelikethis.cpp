// "More like this" on a small library indexed with the real model: the first
// matches are those of the image's own fingerprint, and after them the library is
// ranked by the mean of that fingerprint and the first matches' (QueryExpansion.h),
// read from the catalog. The expected lists are worked out here by brute force from
// the stored fingerprints, independently of the engine's index searches.
//
// Needs $WEFT_SHARED_DIR/models (ctest sets it).

#include "core/features/FeatureExtractor.h"
#include "core/features/PatternQuery.h"
#include "core/features/Pooling.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/QueryEngine.h"
#include "core/pipeline/Scanner.h"

#include "common/GeneratedPatterns.h"

#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>

using namespace weft;

namespace {

constexpr int kImages = 12;

// The index keeps its vectors rounded to bytes (QuantizedVector.h), so its scores
// may differ from the exact ones by this much: near ties may come in either order.
constexpr float kRounding = 0.01f;

// Whether `ids` come in the order of `score`, up to kRounding.
bool inOrder(const std::vector<qint64>& ids, const std::function<float(qint64)>& score)
{
    for (std::size_t i = 1; i < ids.size(); ++i)
        if (score(ids[i]) > score(ids[i - 1]) + kRounding)
            return false;
    return true;
}

QString listed(const std::vector<qint64>& ids, const std::function<float(qint64)>& score)
{
    QStringList text;
    for (const qint64 id : ids)
        text.append(QStringLiteral("%1 (%2)").arg(id).arg(double(score(id)), 0, 'f', 3));
    return text.join(QStringLiteral(", "));
}

}  // namespace

class TestMoreLikeThis : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void belowTheFirstFiveTheExpandedQueryRanks();

private:
    QTemporaryDir m_dir;
    QStringList m_paths;
    std::unique_ptr<FeatureExtractor> m_extractor;
    std::unique_ptr<Library> m_library;
};

void TestMoreLikeThis::initTestCase()
{
    const QString models = qEnvironmentVariable("WEFT_SHARED_DIR") + QStringLiteral("/models");
    if (!QFileInfo(models).isDir())
        QFAIL(qPrintable(QStringLiteral("needs the shared models folder: set WEFT_SHARED_DIR (ctest sets it from the CMake "
                                        "cache variable WEFT_SHARED_DIR) to a folder holding models/ (%1 not found)")
                             .arg(models)));
    QVERIFY(m_dir.isValid());
    const QString folder = m_dir.filePath(QStringLiteral("prints"));
    m_paths = test::writeGeneratedPatterns(folder, kImages, QSize(160, 160), 2);
    const MethodConfig method = MethodConfig::fromOverrides(QStringLiteral("size=128,grid=0,det=none"));
    m_extractor = FeatureExtractor::load(method, ModelStore(models));
    m_library = std::make_unique<Library>(m_dir.filePath(QStringLiteral("library")), method);
    m_library->catalog().addRoot(QFileInfo(folder).canonicalFilePath());
    Scanner::scan(m_library->catalog(), m_library->catalog().roots());
    QCOMPARE(Indexer(*m_library, *m_extractor).run().indexed, qint64(kImages));
}

void TestMoreLikeThis::belowTheFirstFiveTheExpandedQueryRanks()
{
    const MethodConfig& method = m_extractor->config();
    const FingerprintLayout layout = m_library->storedLayout(m_extractor->layout());
    QHash<qint64, std::vector<float>> stored;
    QHash<QString, qint64> idOf;
    for (const QString& path : std::as_const(m_paths)) {
        const auto record = m_library->catalog().imageByPath(path);
        QVERIFY2(record, qPrintable(path));
        const auto fingerprint = m_library->catalog().fingerprint(record->id);
        QVERIFY2(fingerprint, qPrintable(path));
        stored.insert(record->id, fingerprint->vector);
        idOf.insert(path, record->id);
    }

    const QueryEngine engine(*m_library, *m_extractor);
    int changedByExpansion = 0;
    for (const QString& path : std::as_const(m_paths)) {
        const qint64 self = idOf.value(path);
        const std::vector<float> query = patternQuery(stored.value(self), method, layout);
        const auto plainScore = [&](qint64 id) { return dot(query, stored.value(id)); };
        const std::vector<Match> shown = engine.searchLike(path, kImages - 1);
        std::vector<qint64> ids;
        for (const Match& match : shown)
            ids.push_back(match.imageId);
        QCOMPARE(int(ids.size()), kImages - 1);
        QVERIFY(std::find(ids.begin(), ids.end(), self) == ids.end());
        QCOMPARE(int(QSet<qint64>(ids.begin(), ids.end()).size()), kImages - 1);

        // The first five: the plain query's best, in its order.
        const std::vector<qint64> first(ids.begin(), ids.begin() + 5), rest(ids.begin() + 5, ids.end());
        QVERIFY2(inOrder(first, plainScore), qPrintable(listed(ids, plainScore)));
        for (const qint64 id : rest)
            QVERIFY2(plainScore(id) <= plainScore(first.back()) + kRounding, qPrintable(listed(ids, plainScore)));

        // The rest: by the mean of the query and those five, each at unit length.
        std::vector<float> mean = query;
        for (const qint64 id : first) {
            const std::vector<float> match = patternQuery(stored.value(id), method, layout);
            for (std::size_t c = 0; c < mean.size(); ++c)
                mean[c] += match[c] / std::sqrt(dot(match, match));
        }
        const auto expandedScore = [&](qint64 id) { return dot(mean, stored.value(id)); };
        QVERIFY2(inOrder(rest, expandedScore), qPrintable(QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), listed(ids, expandedScore))));
        std::vector<qint64> restByPlainScore = rest;
        std::stable_sort(restByPlainScore.begin(), restByPlainScore.end(), [&](qint64 a, qint64 b) { return plainScore(a) > plainScore(b); });
        if (!inOrder(restByPlainScore, expandedScore))
            ++changedByExpansion;

        for (std::size_t i = 0; i < shown.size(); ++i) {
            QCOMPARE(shown[i].rank, int(i) + 1);
            if (i > 0)   // scores never rise down the list, though the rest's are against the mean
                QVERIFY(shown[i].score <= shown[i - 1].score);
        }
    }
    // Otherwise this library could not tell an expanded ranking from a plain one.
    QVERIFY2(changedByExpansion > 0, "no image's ranking changes with the expansion: the library needs more varied prints");
}

QTEST_MAIN(TestMoreLikeThis)
#include "tst_morelikethis.moc"
