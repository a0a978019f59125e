// A library whose files were damaged behind Weft's back still opens and answers:
// vectors in the index that no fingerprint has (written over, with their checksums
// made to match) rebuild the index from the catalog, and catalog entries that cannot
// be read are set aside for indexing again while the rest of the library works. The
// library holds made-up fingerprints (no model), so the right answers are known.

#include "core/catalog/Catalog.h"
#include "core/common/QuantizedVector.h"
#include "core/features/MethodConfig.h"
#include "core/index/IndexFiles.h"
#include "core/index/VectorIndex.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/QueryEngine.h"
#include "CatalogDamage.h"
#include "MadeUpFingerprints.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <cstring>
#include <limits>
#include <map>
#include <memory>
#include <random>
#include <vector>

using namespace weft;
using test::execOnCatalog;
using test::readFile;
using test::writeFile;

namespace {

constexpr int kDimension = 32;
constexpr int kImages = 60;

std::vector<float> unitVector(std::mt19937& random) { return test::randomUnitVector(random, kDimension); }

}  // namespace

class TestDamagedLibrary : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void garbageVectorsInTheIndexRebuildIt();
    void damagedCatalogEntriesAreSetAside();

private:
    QString libraryFolder() const { return m_dir->filePath(QStringLiteral("library")); }
    QString catalogPath() const { return QDir(libraryFolder()).filePath(QStringLiteral("catalog.sqlite")); }
    // Expects the warning about each of `ids`' damaged entries, naming its file.
    void expectWarningsFor(const std::vector<qint64>& ids);
    // Opens the library and checks that every image's own fingerprint finds it first,
    // with a score that is a cosine.
    void verifySearchFindsEveryImage(Library::Access access, const std::vector<qint64>& skip = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::map<qint64, std::vector<float>> m_vectors;   // image id → its fingerprint
    std::map<qint64, QString> m_paths;
};

void TestDamagedLibrary::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_vectors.clear();
    m_paths.clear();
    std::mt19937 random(1313);
    Library library(libraryFolder(), MethodConfig());
    Catalog& catalog = library.catalog();
    const QString folder = m_dir->filePath(QStringLiteral("patterns"));
    const qint64 rootId = catalog.addRoot(folder);
    std::vector<qint64> ids;
    std::vector<std::vector<float>> vectors;
    for (int i = 0; i < kImages; ++i) {
        ImageRecord record;
        record.rootId = rootId;
        record.path = QStringLiteral("%1/pattern-%2.png").arg(folder).arg(i, 3, 10, QLatin1Char('0'));
        const qint64 id = catalog.upsertImage(record);
        ids.push_back(id);
        vectors.push_back(unitVector(random));
        m_vectors[id] = vectors.back();
        m_paths[id] = record.path;
    }
    library.storeFingerprints(ids, vectors, QSize(64, 64), 1);
}   // the library saves its index as it closes

void TestDamagedLibrary::cleanup() { m_dir.reset(); }

void TestDamagedLibrary::verifySearchFindsEveryImage(Library::Access access, const std::vector<qint64>& skip)
{
    Library library(libraryFolder(), MethodConfig(), access);
    QueryEngine engine(library);
    for (const auto& [id, vector] : m_vectors) {
        if (std::find(skip.begin(), skip.end(), id) != skip.end())
            continue;
        const std::vector<Match> matches = engine.searchFingerprint(vector, 3);
        QVERIFY2(!matches.empty(), qPrintable(m_paths[id]));
        for (const Match& match : matches)
            QVERIFY2(std::isfinite(match.score) && std::abs(match.score) <= 1.01f,
                     qPrintable(QStringLiteral("%1 scores %2").arg(match.path).arg(double(match.score))));
        QVERIFY2(matches.front().imageId == id,
                 qPrintable(QStringLiteral("%1 finds %2 first").arg(m_paths[id], matches.front().path)));
    }
}

void TestDamagedLibrary::garbageVectorsInTheIndexRebuildIt()
{
    // Vectors in the index file written over with a NaN scale, a huge scale and
    // huge codes, each record's checksum made to match again: only a look at the
    // vectors themselves can tell.
    const QJsonObject header = QJsonDocument::fromJson(readFile(QDir(libraryFolder()).filePath(QStringLiteral("index.json")))).object();
    const QString generation = QString::number(header.value(QStringLiteral("file_generation")).toInteger());
    QVERIFY(header.value(QStringLiteral("count")).toInteger() == kImages);
    const QString vectorsPath = QDir(libraryFolder()).filePath(QStringLiteral("index-%1.vectors").arg(generation));
    const QString sumsPath = QDir(libraryFolder()).filePath(QStringLiteral("index-%1.sums").arg(generation));
    QByteArray vectors = readFile(vectorsPath), sums = readFile(sumsPath);
    const qsizetype record = qsizetype(VectorIndex::storedBytes(kDimension) + sizeof(qint64));
    constexpr qsizetype kSumsRecord = 24, kVectorSumAt = 8;   // links, vector, upper sums
    QCOMPARE(vectors.size(), kImages * record);
    QCOMPARE(sums.size(), kImages * kSumsRecord);

    const float nan = std::numeric_limits<float>::quiet_NaN(), huge = 1.5e20f;
    auto damage = [&](int element, float scale, bool maxCodes) {
        char* at = vectors.data() + element * record;
        std::memcpy(at, &scale, sizeof scale);
        if (maxCodes)
            std::memset(at + kQuantizedHeaderBytes, 127, kDimension);
        const quint64 sum = indexfiles::checksum(at, std::size_t(record));
        std::memcpy(sums.data() + element * kSumsRecord + kVectorSumAt, &sum, sizeof sum);
    };
    damage(3, nan, false);
    damage(17, huge, false);
    damage(41, 1.0f, true);
    damage(58, huge, true);
    writeFile(vectorsPath, vectors);
    writeFile(sumsPath, sums);

    // Read-only first (it must not change the files), then the writer, which rebuilds
    // and saves the index: a third opening loads that one.
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Rebuilding the index.*vector")));
    verifySearchFindsEveryImage(Library::Access::ReadOnly);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("Rebuilding the index.*vector")));
    verifySearchFindsEveryImage(Library::Access::ReadWrite);
    verifySearchFindsEveryImage(Library::Access::ReadWrite);
}

void TestDamagedLibrary::expectWarningsFor(const std::vector<qint64>& ids)
{
    for (qint64 id : ids)
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QRegularExpression::escape(m_paths[id]) + QStringLiteral(" is damaged")));
}

void TestDamagedLibrary::damagedCatalogEntriesAreSetAside()
{
    // Four entries damaged behind Weft's back: a fingerprint cut short, one whose
    // scale is NaN, one of another length (a real stored vector, just not of this
    // library's fingerprints) and an unknown status. The index checkpoint is gone
    // too, so the library must read every fingerprint to rebuild it.
    const qint64 cut = m_vectors.begin()->first;
    const qint64 notANumber = std::next(m_vectors.begin(), 20)->first;
    const qint64 otherLength = std::next(m_vectors.begin(), 33)->first;
    const qint64 unknownStatus = std::next(m_vectors.begin(), 47)->first;
    std::mt19937 random(7);
    std::vector<float> shorter = unitVector(random);
    shorter.resize(kDimension / 2);
    const QByteArray shorterBlob = quantized(shorter);
    QVERIFY(!shorterBlob.isEmpty());
    execOnCatalog(catalogPath(), {
        QStringLiteral("UPDATE fingerprints SET vector = substr(vector, 1, 10) WHERE image_id = %1").arg(cut),
        QStringLiteral("UPDATE fingerprints SET vector = x'0000C07F' || substr(vector, 5) WHERE image_id = %1").arg(notANumber),
        QStringLiteral("UPDATE fingerprints SET vector = x'%1' WHERE image_id = %2").arg(QString::fromLatin1(shorterBlob.toHex())).arg(otherLength),
        QStringLiteral("UPDATE images SET status = 99 WHERE id = %1").arg(unknownStatus),
    });
    QVERIFY(QFile::remove(QDir(libraryFolder()).filePath(QStringLiteral("index.json"))));
    const std::vector<qint64> damaged{cut, notANumber, otherLength, unknownStatus};
    auto idsOf = [](const std::vector<DamagedEntry>& entries) {
        std::vector<qint64> ids;
        for (const DamagedEntry& entry : entries)
            ids.push_back(entry.imageId);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    std::vector<qint64> sortedDamaged = damaged;
    std::sort(sortedDamaged.begin(), sortedDamaged.end());

    // Read-only (`weft-cli query`, `status`): everything else is found, nothing written.
    {
        expectWarningsFor(damaged);
        Library library(libraryFolder(), MethodConfig(), Library::Access::ReadOnly);
        QCOMPARE(idsOf(library.setAsideEntries()), sortedDamaged);
        const CatalogCounts counts = library.catalog().counts(library.methodKey());
        QCOMPARE(counts.indexed + counts.pending, qint64(kImages));
        QCOMPARE(counts.pending, qint64(1));   // the unknown status
    }
    expectWarningsFor(damaged);
    verifySearchFindsEveryImage(Library::Access::ReadOnly, damaged);

    // The writer (`weft-cli index`) sets them aside for indexing again, and indexes them.
    {
        expectWarningsFor(damaged);
        Library library(libraryFolder(), MethodConfig());
        QCOMPARE(idsOf(library.setAsideEntries()), sortedDamaged);
        const CatalogCounts counts = library.catalog().counts(library.methodKey());
        QCOMPARE(counts.pending, qint64(damaged.size()));
        QCOMPARE(counts.indexed, qint64(kImages) - qint64(damaged.size()));
        const QList<qint64> needing = library.catalog().imagesNeedingFingerprint(library.methodKey());
        QCOMPARE(std::vector<qint64>(needing.begin(), needing.end()), sortedDamaged);
        for (qint64 id : damaged) {
            QCOMPARE(library.catalog().image(id)->status, ImageStatus::Pending);
            QVERIFY(!library.catalog().fingerprint(id));
            library.storeFingerprint(id, m_vectors[id], QSize(64, 64));
        }
    }
    verifySearchFindsEveryImage(Library::Access::ReadWrite);
    Library library(libraryFolder(), MethodConfig());
    QVERIFY(library.setAsideEntries().empty());
}

QTEST_GUILESS_MAIN(TestDamagedLibrary)
#include "tst_damagedlibrary.moc"
