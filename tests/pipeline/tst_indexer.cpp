// Indexer and Library: scan → index → reopen, with the real MobileNetV2 from the
// shared models folder run at a tiny input size so every test takes seconds.
// Skipped (with the reason) when $WEFT_SHARED_DIR/models is absent.

#include "core/catalog/Catalog.h"
#include "core/components/ComponentDetector.h"
#include "core/common/Error.h"
#include "core/features/FeatureExtractor.h"
#include "core/imaging/ImageDecoder.h"
#include "core/index/VectorIndex.h"
#include "core/models/Backbone.h"
#include "core/models/ModelManifest.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Scanner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QReadLocker>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QWriteLocker>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

using namespace weft;

namespace {

// Small network inputs, for speed. No texture part: at size=64 a camera view is 2 x 2
// cells of the middle layer, whose covariance (rank 3 at most) is mostly zeros and a
// few large values, and a byte per value stores it far less exactly than the 1e-3
// these tests hold fingerprints to. At the default size a view has 196 cells.
const QString kMethodA = QStringLiteral("size=64,grid=0,hsv=0.3,tex=0,det=none");
const QString kMethodB = QStringLiteral("size=64,grid=0,hsv=0.2,tex=0,det=none");
constexpr int kGoodImages = 12;

// Twelve images that differ in colour and in pattern (stripes of several
// directions and periods, checks, rings, plain with noise).
QImage generatedImage(int n)
{
    const int width = 96 + 8 * (n % 3), height = 80 + 8 * (n % 2);
    const QColor palette[] = {Qt::red, Qt::darkGreen, Qt::blue, QColor(230, 180, 20), Qt::magenta, Qt::darkCyan,
                              QColor(120, 60, 20), Qt::black, QColor(250, 120, 160), Qt::darkBlue, Qt::gray, QColor(20, 200, 120)};
    const QColor ink = palette[n % 12];
    const QColor paper = n % 2 ? QColor(245, 240, 225) : QColor(30, 30, 40);
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            bool on = false;
            const int period = 6 + 3 * (n % 4);
            switch (n % 6) {
            case 0: on = (x / period) % 2; break;
            case 1: on = (y / period) % 2; break;
            case 2: on = ((x + y) / period) % 2; break;
            case 3: on = ((x / period) + (y / period)) % 2; break;
            case 4: on = int(std::hypot(x - width / 2, y - height / 2) / period) % 2; break;
            case 5: on = ((x * 31 + y * 17 + n) * 2654435761u >> 13) % 3 == 0; break;
            }
            image.setPixelColor(x, y, on ? ink : paper);
        }
    return image;
}

class Recorder : public ProgressObserver {
public:
    // The report before the first image (done 0) apart from the one per image.
    void progress(const ProgressReport& report) override { (report.done == 0 ? starts : reports).push_back(report); }
    void fileFailed(const QString& path, const QString& reason) override { failures.append({path, reason}); }
    bool shouldStop() override { return stopAfter >= 0 && qint64(reports.size()) >= stopAfter; }

    qint64 stopAfter = -1;
    std::vector<ProgressReport> starts;
    std::vector<ProgressReport> reports;
    QList<QPair<QString, QString>> failures;
};

QString summaryText(const IndexSummary& s)
{
    return QStringLiteral("indexed %1, failed %2, remaining %3, stopped %4")
        .arg(s.indexed)
        .arg(s.failed)
        .arg(s.remaining)
        .arg(s.stopped ? "yes" : "no");
}

std::vector<qint64> sorted(std::vector<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::vector<qint64> fingerprintIds(const Catalog& catalog, const QString& method)
{
    std::vector<qint64> ids;
    for (const StoredFingerprint& f : catalog.fingerprints(method).readable)
        ids.push_back(f.imageId);
    return sorted(ids);
}

std::vector<qint64> indexIds(Library& library)
{
    QReadLocker locker(&library.indexLock());
    return library.index() ? library.index()->ids() : std::vector<qint64>{};
}

QString idsText(const std::vector<qint64>& ids)
{
    QStringList parts;
    for (qint64 id : ids)
        parts.append(QString::number(id));
    return parts.join(QLatin1Char(','));
}

float cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size())
        return -INFINITY;
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ab += double(a[i]) * b[i];
        aa += double(a[i]) * a[i];
        bb += double(b[i]) * b[i];
    }
    return float(ab / std::sqrt(aa * bb));
}

// The file generation named by the library's index header: it changes when the index
// is written anew (built or rebuilt), not when a checkpoint adds to it.
qint64 indexFileGeneration(const QString& libraryFolder)
{
    QFile header(QDir(libraryFolder).filePath(QStringLiteral("index.json")));
    if (!header.open(QIODevice::ReadOnly))
        return -1;
    return QJsonDocument::fromJson(header.readAll()).object().value(QStringLiteral("file_generation")).toInteger(-1);
}

}  // namespace

class TestIndexer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void indexesImagesAndRecordsFailures();
    void stopsAndResumes();
    void rebuildsDeletedIndexFiles();
    void methodChangeMakesEverythingStale();
    void catchesUpWithWritesAfterTheCheckpoint();
    void rebuildsACheckpointAheadOfItsCatalog();
    void failuresOnlyRunKeepsTheCheckpoint();
    void largeLibraryLearnsItsProjection();
    void followsScannedChanges();
    void parentFolderIndexesOnlyWhatIsNew();
    void nestedFoldersOfAnOlderLibraryAreIndexedOnce();
    void componentsAreFoundAndFusedInTheSamePass();

private:
    std::unique_ptr<Library> openLibrary(const QString& method = kMethodA)
    {
        return std::make_unique<Library>(m_libraryFolder, MethodConfig::fromOverrides(method));
    }
    const FeatureExtractor& extractor(const QString& method) const { return method == kMethodA ? *m_extractorA : *m_extractorB; }
    ScanSummary scan(Library& library) { return Scanner::scan(library.catalog(), library.catalog().roots()); }
    // Scan, sync and index with `method`; returns the summary.
    IndexSummary scanAndIndex(Library& library, const QString& method = kMethodA, ProgressObserver* observer = nullptr);
    // Every fingerprint of `method` is what the extractor makes of that image's file,
    // and the index finds it under its own id.
    void checkFingerprintsMatchFiles(Library& library, const QString& method);
    void checkIndexMatchesCatalog(Library& library, const QString& method);

    std::shared_ptr<const Backbone> m_backbone;
    std::unique_ptr<FeatureExtractor> m_extractorA, m_extractorB;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_imageFolder, m_libraryFolder;
    QStringList m_images;
};

void TestIndexer::initTestCase()
{
    const QString shared = qEnvironmentVariable("WEFT_SHARED_DIR");
    const QString models = shared + QStringLiteral("/models");
    if (shared.isEmpty() || !QFileInfo(models).isDir())
        QFAIL(qPrintable(QStringLiteral("needs the shared models folder: set WEFT_SHARED_DIR (ctest sets it from the CMake "
                                        "cache variable WEFT_SHARED_DIR) to a folder holding models/ (%1 not found)")
                             .arg(models)));
    const ModelManifest& manifest = ModelManifest::builtIn();
    m_backbone = Backbone::load(manifest.model(manifest.defaultBackbone()), ModelStore(models));
    m_extractorA = std::make_unique<FeatureExtractor>(MethodConfig::fromOverrides(kMethodA), m_backbone);
    m_extractorB = std::make_unique<FeatureExtractor>(MethodConfig::fromOverrides(kMethodB), m_backbone);
    QVERIFY(m_extractorA->config().key() != m_extractorB->config().key());
}

void TestIndexer::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_imageFolder = m_dir->filePath(QStringLiteral("images"));
    m_libraryFolder = m_dir->filePath(QStringLiteral("library"));
    m_images.clear();
    for (int n = 0; n < kGoodImages; ++n) {
        const bool jpeg = n % 5 == 4;
        const QString path = QStringLiteral("%1/%2/image-%3.%4")
                                 .arg(m_imageFolder, n % 3 ? QStringLiteral("a") : QStringLiteral("b/c"))
                                 .arg(n, 2, 10, QLatin1Char('0'))
                                 .arg(jpeg ? QStringLiteral("jpg") : QStringLiteral("png"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QVERIFY(generatedImage(n).save(path, jpeg ? "JPG" : "PNG", 95));
        m_images.append(path);
    }
    auto library = openLibrary();
    library->catalog().addRoot(m_imageFolder);
}

void TestIndexer::cleanup()
{
    m_dir.reset();
}

IndexSummary TestIndexer::scanAndIndex(Library& library, const QString& method, ProgressObserver* observer)
{
    scan(library);
    library.syncIndex();
    Indexer indexer(library, extractor(method));
    return indexer.run(observer);
}

void TestIndexer::checkFingerprintsMatchFiles(Library& library, const QString& method)
{
    const Catalog& catalog = library.catalog();
    const std::vector<StoredFingerprint> stored = catalog.fingerprints(library.methodKey()).readable;
    QVERIFY(!stored.empty());
    QReadLocker locker(&library.indexLock());
    QVERIFY(library.index());
    for (const StoredFingerprint& fingerprint : stored) {
        const auto record = catalog.image(fingerprint.imageId);
        QVERIFY(record);
        const DecodedImage decoded = ImageDecoder::decode(record->path);
        const std::vector<float> expected = extractor(method).fingerprint(decoded.image);
        // Stored with a byte per value (QuantizedVector.h): the same direction, to 1e-3.
        QVERIFY2(cosine(fingerprint.vector, expected) > 0.999f,
                 qPrintable(QStringLiteral("the catalog's fingerprint of %1 is not that file's (cosine %2)")
                                .arg(record->path)
                                .arg(double(cosine(fingerprint.vector, expected)))));
        QCOMPARE(record->width, decoded.originalSize.width());
        QCOMPARE(record->height, decoded.originalSize.height());
        const std::vector<SearchHit> hits = library.index()->search(expected, 1);
        QCOMPARE(hits.size(), std::size_t(1));
        QVERIFY2(hits[0].id == fingerprint.imageId && hits[0].score > 0.999f,
                 qPrintable(QStringLiteral("the index finds image %1 (score %2) for the fingerprint of image %3")
                                .arg(hits[0].id)
                                .arg(double(hits[0].score))
                                .arg(fingerprint.imageId)));
    }
}

void TestIndexer::checkIndexMatchesCatalog(Library& library, const QString& method)
{
    const std::vector<qint64> inCatalog = fingerprintIds(library.catalog(), library.methodKey());
    const std::vector<qint64> inIndex = indexIds(library);
    QVERIFY2(inIndex == inCatalog, qPrintable(QStringLiteral("index ids [%1], catalog fingerprints [%2]")
                                                  .arg(idsText(inIndex), idsText(inCatalog))));
    {
        QReadLocker locker(&library.indexLock());
        if (library.index())
            QCOMPARE(library.index()->method(), library.methodKey());
    }
    checkFingerprintsMatchFiles(library, method);
}

void TestIndexer::indexesImagesAndRecordsFailures()
{
    const QString corrupt = m_imageFolder + QStringLiteral("/a/corrupt.jpg");
    const QString empty = m_imageFolder + QStringLiteral("/b/empty.png");
    {
        QFile file(corrupt);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray garbage("\xFF\xD8\xFF\xE0 this is not really a JPEG ");
        for (int i = 0; i < 200; ++i)
            garbage.append(char((i * 37) & 0xFF));
        file.write(garbage);
    }
    {
        QFile file(empty);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    QCOMPARE(QFileInfo(empty).size(), 0);

    {
        auto library = openLibrary();
        const ScanSummary scanned = scan(*library);
        QCOMPARE(scanned.added, qint64(kGoodImages + 2));
        Recorder recorder;
        Indexer indexer(*library, *m_extractorA);
        const IndexSummary summary = indexer.run(&recorder);
        QVERIFY2(summary.indexed == kGoodImages && summary.failed == 2 && summary.remaining == 0 && !summary.stopped,
                 qPrintable(summaryText(summary)));

        // Progress: one report as the run starts, then one per image, done counting up, total fixed.
        QCOMPARE(recorder.starts.size(), std::size_t(1));
        QCOMPARE(recorder.starts.front().phase, ProgressPhase::Indexing);
        QCOMPARE(recorder.starts.front().total, qint64(kGoodImages + 2));
        QCOMPARE(qint64(recorder.reports.size()), qint64(kGoodImages + 2));
        for (std::size_t i = 0; i < recorder.reports.size(); ++i) {
            const ProgressReport& report = recorder.reports[i];
            QCOMPARE(report.phase, ProgressPhase::Indexing);
            QCOMPARE(report.done, qint64(i + 1));
            QCOMPARE(report.total, qint64(kGoodImages + 2));
            QVERIFY(!report.currentFile.isEmpty());
        }
        QCOMPARE(recorder.reports.back().failed, qint64(2));
        QCOMPARE(recorder.failures.size(), 2);
        QSet<QString> failedPaths;
        for (const auto& failure : std::as_const(recorder.failures)) {
            failedPaths.insert(failure.first);
            QVERIFY(!failure.second.isEmpty());
        }
        QCOMPARE(failedPaths, (QSet<QString>{corrupt, empty}));

        QCOMPARE(qint64(library->index()->size()), summary.indexed);
        checkIndexMatchesCatalog(*library, kMethodA);
    }

    // Everything is on disk: reopened, the library says the same.
    auto library = openLibrary();
    const Catalog& catalog = library->catalog();
    for (const QString& path : {corrupt, empty}) {
        const auto record = catalog.imageByPath(path);
        QVERIFY(record);
        QCOMPARE(record->status, ImageStatus::Failed);
        QVERIFY2(!record->error.isEmpty(), qPrintable(path));
        QVERIFY2(record->error.contains(QFileInfo(path).fileName()), qPrintable(record->error));
        QVERIFY(!catalog.fingerprint(record->id));
    }
    for (const QString& path : std::as_const(m_images)) {
        const auto record = catalog.imageByPath(path);
        QVERIFY(record);
        QCOMPARE(record->status, ImageStatus::Indexed);
        QVERIFY(record->error.isEmpty());
    }
    const CatalogCounts counts = catalog.counts(library->methodKey());
    QCOMPARE(counts.indexed, qint64(kGoodImages));
    QCOMPARE(counts.failed, qint64(2));
    QCOMPARE(counts.pending, qint64(0));
    QCOMPARE(qint64(library->index()->size()), qint64(kGoodImages));
    checkIndexMatchesCatalog(*library, kMethodA);
    QVERIFY(QFileInfo::exists(m_libraryFolder + QStringLiteral("/index.json")));

    // Nothing left to do: a second run indexes nothing and fails nothing again.
    const IndexSummary again = Indexer(*library, *m_extractorA).run();
    QVERIFY2(again.indexed == 0 && again.failed == 0 && again.remaining == 0, qPrintable(summaryText(again)));
}

void TestIndexer::stopsAndResumes()
{
    constexpr int stopAfter = 5;
    {
        auto library = openLibrary();
        scan(*library);
        Recorder recorder;
        recorder.stopAfter = stopAfter;
        Indexer indexer(*library, *m_extractorA);
        indexer.setBatchLimits(2, 30);  // batches of 2, 2 and the 1 under way when stopped
        const IndexSummary summary = indexer.run(&recorder);
        QVERIFY2(summary.stopped && summary.indexed == stopAfter && summary.failed == 0
                     && summary.remaining == kGoodImages - stopAfter,
                 qPrintable(summaryText(summary)));
        QCOMPARE(qint64(recorder.reports.size()), qint64(stopAfter));
    }

    std::vector<qint64> firstIds;
    {
        auto library = openLibrary();
        const CatalogCounts counts = library->catalog().counts(library->methodKey());
        QCOMPARE(counts.indexed, qint64(stopAfter));
        QCOMPARE(counts.pending, qint64(kGoodImages - stopAfter));
        QCOMPARE(qint64(library->index()->size()), qint64(stopAfter));
        checkIndexMatchesCatalog(*library, kMethodA);
        firstIds = indexIds(*library);

        Recorder recorder;
        const IndexSummary summary = Indexer(*library, *m_extractorA).run(&recorder);
        QVERIFY2(!summary.stopped && summary.indexed == kGoodImages - stopAfter && summary.failed == 0 && summary.remaining == 0,
                 qPrintable(summaryText(summary)));
        QCOMPARE(qint64(recorder.reports.size()), qint64(kGoodImages - stopAfter));
        for (const ProgressReport& report : recorder.reports)
            QCOMPARE(report.total, qint64(kGoodImages - stopAfter));
        // The second run did only the rest.
        for (const ProgressReport& report : recorder.reports) {
            const auto record = library->catalog().imageByPath(report.currentFile);
            QVERIFY(record);
            QVERIFY2(std::find(firstIds.begin(), firstIds.end(), record->id) == firstIds.end(),
                     qPrintable(QStringLiteral("%1 was indexed twice").arg(report.currentFile)));
        }
    }

    auto library = openLibrary();
    QCOMPARE(library->catalog().counts(library->methodKey()).indexed, qint64(kGoodImages));
    QCOMPARE(qint64(library->index()->size()), qint64(kGoodImages));
    checkIndexMatchesCatalog(*library, kMethodA);
}

void TestIndexer::rebuildsDeletedIndexFiles()
{
    std::vector<qint64> ids;
    {
        auto library = openLibrary();
        const IndexSummary summary = scanAndIndex(*library);
        QCOMPARE(summary.indexed, qint64(kGoodImages));
        ids = indexIds(*library);
    }
    QCOMPARE(qint64(ids.size()), qint64(kGoodImages));

    QDir folder(m_libraryFolder);
    const QStringList indexFiles = folder.entryList({QStringLiteral("index.json"), QStringLiteral("index-*")}, QDir::Files);
    QVERIFY2(indexFiles.contains(QStringLiteral("index.json")) && indexFiles.size() >= 2, qPrintable(indexFiles.join(' ')));
    for (const QString& name : indexFiles)
        QVERIFY(folder.remove(name));
    QVERIFY_THROWS_EXCEPTION(IndexMissing, VectorIndex::load(m_libraryFolder));

    {
        auto library = openLibrary();
        QVERIFY2(library->index(), "the index must be rebuilt from the catalog");
        QCOMPARE(indexIds(*library), ids);
        checkIndexMatchesCatalog(*library, kMethodA);
    }
    // The rebuilt index was saved.
    const auto saved = VectorIndex::load(m_libraryFolder);
    QCOMPARE(saved->ids(), ids);
    QCOMPARE(saved->method(), MethodConfig::fromOverrides(kMethodA).key());
}

void TestIndexer::methodChangeMakesEverythingStale()
{
    {
        auto library = openLibrary(kMethodA);
        QCOMPARE(scanAndIndex(*library, kMethodA).indexed, qint64(kGoodImages));
    }
    {
        auto library = openLibrary(kMethodB);
        QVERIFY(library->methodKey() != MethodConfig::fromOverrides(kMethodA).key());
        QVERIFY2(indexIds(*library).empty(), "an index of another method must not be used");
        const CatalogCounts counts = library->catalog().counts(library->methodKey());
        QCOMPARE(counts.stale, qint64(kGoodImages));
        QCOMPARE(counts.indexed, qint64(0));
        QCOMPARE(library->catalog().imagesNeedingFingerprint(library->methodKey()).size(), kGoodImages);

        const IndexSummary summary = Indexer(*library, *m_extractorB).run();
        QVERIFY2(summary.indexed == kGoodImages && summary.failed == 0, qPrintable(summaryText(summary)));
        QCOMPARE(library->catalog().counts(library->methodKey()).indexed, qint64(kGoodImages));
        QVERIFY(library->catalog().fingerprints(MethodConfig::fromOverrides(kMethodA).key()).readable.empty());
        checkIndexMatchesCatalog(*library, kMethodB);
    }
    {
        auto library = openLibrary(kMethodB);
        QCOMPARE(qint64(library->index()->size()), qint64(kGoodImages));
        checkIndexMatchesCatalog(*library, kMethodB);
        QCOMPARE(Indexer(*library, *m_extractorB).run().indexed, qint64(0));
    }
    // And back: method A is now the stale one.
    auto library = openLibrary(kMethodA);
    QVERIFY(indexIds(*library).empty());
    QCOMPARE(library->catalog().counts(library->methodKey()).stale, qint64(kGoodImages));
}

void TestIndexer::catchesUpWithWritesAfterTheCheckpoint()
{
    qint64 victim = 0, removed = 0;
    std::vector<float> donorVector;
    {
        auto library = openLibrary();
        QCOMPARE(scanAndIndex(*library).indexed, qint64(kGoodImages));
        const std::vector<StoredFingerprint> stored = library->catalog().fingerprints(library->methodKey()).readable;
        victim = stored[2].imageId;
        donorVector = stored[7].vector;
        removed = stored[5].imageId;
    }
    const qint64 fileGeneration = indexFileGeneration(m_libraryFolder);
    QVERIFY(fileGeneration > 0);
    {
        // Writes the index never saw, as after a crash between the catalog's commit and
        // the next checkpoint.
        Catalog catalog(QDir(m_libraryFolder).filePath(QStringLiteral("catalog.sqlite")));
        catalog.setFingerprint(victim, MethodConfig::fromOverrides(kMethodA).key(), donorVector, 10, 10);
        catalog.removeImage(removed);
        const auto checkpoint = VectorIndex::load(m_libraryFolder);
        QVERIFY(checkpoint->checkpointGeneration() < catalog.generation());
        QVERIFY(checkpoint->contains(removed));
    }

    auto library = openLibrary();
    QCOMPARE(qint64(library->index()->size()), qint64(kGoodImages - 1));
    {
        QReadLocker locker(&library->indexLock());
        QVERIFY(!library->index()->contains(removed));
        const std::vector<SearchHit> hits = library->index()->searchExact(donorVector, 2);
        QVERIFY2(std::any_of(hits.begin(), hits.end(), [&](const SearchHit& hit) { return hit.id == victim && hit.score > 0.999f; }),
                 "the index must hold the vector written after its checkpoint");
    }
    // Caught up, not rebuilt: the checkpoint was added to, and now covers the catalog.
    QCOMPARE(indexFileGeneration(m_libraryFolder), fileGeneration);
    const auto onDisk = VectorIndex::load(m_libraryFolder);
    QCOMPARE(onDisk->checkpointGeneration(), library->catalog().generation());
    QVERIFY(!onDisk->contains(removed));
}

void TestIndexer::rebuildsACheckpointAheadOfItsCatalog()
{
    const QString catalogPath = QDir(m_libraryFolder).filePath(QStringLiteral("catalog.sqlite"));
    const QString olderCopy = m_dir->filePath(QStringLiteral("older-catalog.sqlite"));
    {
        auto library = openLibrary();
        scan(*library);
        // A copy of the catalog before anything was indexed, as from a backup.
        QVERIFY(QFile::copy(catalogPath, olderCopy));
        QCOMPARE(Indexer(*library, *m_extractorA).run().indexed, qint64(kGoodImages));
    }
    QVERIFY(QFile::remove(catalogPath));
    QFile::remove(catalogPath + QStringLiteral("-wal"));
    QFile::remove(catalogPath + QStringLiteral("-shm"));
    QVERIFY(QFile::copy(olderCopy, catalogPath));

    auto library = openLibrary();
    QVERIFY2(indexIds(*library).empty(), "a checkpoint of later writes than its catalog holds must not be used");
    QCOMPARE(scanAndIndex(*library).indexed, qint64(kGoodImages));
    checkIndexMatchesCatalog(*library, kMethodA);
}

void TestIndexer::failuresOnlyRunKeepsTheCheckpoint()
{
    {
        auto library = openLibrary();
        QCOMPARE(scanAndIndex(*library).indexed, qint64(kGoodImages));
    }
    const qint64 fileGeneration = indexFileGeneration(m_libraryFolder);

    // A run whose only new file cannot be read changes no fingerprint: the index is
    // neither rebuilt now nor at the next start.
    QFile broken(m_imageFolder + QStringLiteral("/a/broken.png"));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x89PNG\r\n\x1a\n but then nothing useful");
    broken.close();
    {
        auto library = openLibrary();
        const IndexSummary summary = scanAndIndex(*library);
        QVERIFY2(summary.indexed == 0 && summary.failed == 1, qPrintable(summaryText(summary)));
        checkIndexMatchesCatalog(*library, kMethodA);
    }
    auto library = openLibrary();
    checkIndexMatchesCatalog(*library, kMethodA);
    QCOMPARE(indexFileGeneration(m_libraryFolder), fileGeneration);
    QCOMPARE(VectorIndex::load(m_libraryFolder)->checkpointGeneration(), library->catalog().generation());
}

void TestIndexer::largeLibraryLearnsItsProjection()
{
    // Past Library::kProjectionAt images the library stores its fingerprints projected
    // (FingerprintProjection.h): catalog and index alike, and a search still finds
    // each image first.
    const QString folder = m_dir->filePath(QStringLiteral("many"));
    QVERIFY(QDir().mkpath(folder));
    const int count = Library::kProjectionAt + 40;
    for (int n = 0; n < count; ++n) {
        QImage image = generatedImage(n % kGoodImages);
        // Each image its own: a few pixels of its number written in.
        for (int bit = 0; bit < 12; ++bit)
            image.setPixelColor(4 + 6 * bit, 4, (n >> bit) & 1 ? Qt::white : Qt::black);
        QVERIFY(image.save(QStringLiteral("%1/%2.png").arg(folder).arg(n, 4, 10, QLatin1Char('0'))));
    }
    const FingerprintLayout raw = m_extractorA->layout();
    {
        Library library(m_libraryFolder, m_extractorA->config());
        library.catalog().addRoot(folder);
        const IndexSummary summary = scanAndIndex(library);
        QCOMPARE(summary.indexed, qint64(count + kGoodImages));
        const FingerprintLayout stored = library.storedLayout(raw);
        QVERIFY(stored.dimension() < raw.dimension());
        QVERIFY(!library.catalog().projection(library.methodKey()).isEmpty());
        for (const StoredFingerprint& fingerprint : library.catalog().fingerprints(library.methodKey()).readable)
            QCOMPARE(int(fingerprint.vector.size()), stored.dimension());
        QReadLocker locker(&library.indexLock());
        QCOMPARE(library.index()->dim(), stored.dimension());
        QCOMPARE(qint64(library.index()->size()), qint64(count + kGoodImages));
    }
    // Reopened: the projection is read back, the checkpoint used as it is, and an
    // image looked up as a swatch is found by its own fingerprint.
    const qint64 fileGeneration = indexFileGeneration(m_libraryFolder);
    Library library(m_libraryFolder, m_extractorA->config());
    QCOMPARE(indexFileGeneration(m_libraryFolder), fileGeneration);
    const QString probe = QStringLiteral("%1/%2.png").arg(folder).arg(777, 4, 10, QLatin1Char('0'));
    const auto record = library.catalog().imageByPath(probe);
    QVERIFY(record);
    const std::vector<float> query = library.stored(m_extractorA->fingerprint(ImageDecoder::decode(probe).image));
    QReadLocker locker(&library.indexLock());
    // (A thousand variations of twelve tiny patterns: its near twins may tie with it.)
    const std::vector<SearchHit> hits = library.index()->search(query, 10);
    QVERIFY(std::any_of(hits.begin(), hits.end(), [&](const SearchHit& hit) { return hit.id == record->id && hit.score > 0.999f; }));
}

void TestIndexer::followsScannedChanges()
{
    auto library = openLibrary();
    QCOMPARE(scanAndIndex(*library).indexed, qint64(kGoodImages));
    const qint64 removedId = library->catalog().imageByPath(m_images[0])->id;
    const qint64 changedId = library->catalog().imageByPath(m_images[1])->id;
    const QString movedTo = m_imageFolder + QStringLiteral("/moved/image-02.png");
    const qint64 movedOldId = library->catalog().imageByPath(m_images[2])->id;

    QVERIFY(QFile::remove(m_images[0]));
    QVERIFY(QFile::remove(m_images[1]));
    QVERIFY(generatedImage(40).save(m_images[1], "PNG"));
    {
        // A later time for certain, whatever the file system's time resolution.
        QFile file(m_images[1]);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(QDateTime::currentDateTime().addSecs(60), QFileDevice::FileModificationTime));
    }
    QVERIFY(QDir().mkpath(QFileInfo(movedTo).absolutePath()));
    QVERIFY(QFile::rename(m_images[2], movedTo));

    Recorder recorder;
    const IndexSummary summary = scanAndIndex(*library, kMethodA, &recorder);
    QVERIFY2(summary.indexed == 1 && summary.failed == 0, qPrintable(summaryText(summary)));  // only the changed file
    QCOMPARE(recorder.reports.size(), std::size_t(1));
    QCOMPARE(recorder.reports[0].currentFile, m_images[1]);
    QVERIFY(!library->catalog().image(removedId));
    QVERIFY(!library->catalog().image(movedOldId));
    QCOMPARE(library->catalog().imageByPath(movedTo)->status, ImageStatus::Indexed);
    QCOMPARE(qint64(library->index()->size()), qint64(kGoodImages - 1));
    checkIndexMatchesCatalog(*library, kMethodA);
    QVERIFY(!library->index()->contains(removedId));
    QVERIFY(library->index()->contains(changedId));
}

// The images under `folder`, as the fixture wrote them.
QStringList imagesUnder(const QStringList& images, const QString& folder)
{
    QStringList under;
    for (const QString& path : images)
        if (path.startsWith(folder + QLatin1Char('/')))
            under.append(path);
    return under;
}

void TestIndexer::parentFolderIndexesOnlyWhatIsNew()
{
    const QString inner = m_imageFolder + QStringLiteral("/a");
    const QStringList innerImages = imagesUnder(m_images, inner);
    QVERIFY(!innerImages.isEmpty() && innerImages.size() < m_images.size());
    auto library = openLibrary();
    Catalog& catalog = library->catalog();
    for (const LibraryRoot& root : catalog.roots())
        catalog.removeRoot(root.id);
    catalog.addRoot(inner);
    QCOMPARE(scanAndIndex(*library).indexed, qint64(innerImages.size()));
    QHash<QString, qint64> idOf;
    for (const QString& path : innerImages)
        idOf.insert(path, catalog.imageByPath(path)->id);

    // The folder around it: only the images outside `inner` are new.
    const qint64 outer = catalog.addRoot(m_imageFolder);
    IndexSummary summary = scanAndIndex(*library);
    QVERIFY2(summary.indexed == m_images.size() - innerImages.size() && summary.failed == 0, qPrintable(summaryText(summary)));
    QCOMPARE(catalog.roots().size(), 1);
    QCOMPARE(catalog.images(outer).size(), m_images.size());   // each image once, under the one root
    for (const QString& path : innerImages)
        QCOMPARE(catalog.imageByPath(path)->id, idOf.value(path));
    checkIndexMatchesCatalog(*library, kMethodA);

    // A folder inside it is refused and changes nothing.
    QVERIFY_THROWS_EXCEPTION(Error, catalog.addRoot(inner));
    QCOMPARE(catalog.roots().size(), 1);
    QCOMPARE(catalog.image(idOf.value(innerImages.front()))->rootId, outer);

    // Rescans and reopenings find nothing to do.
    for (int round = 0; round < 2; ++round) {
        summary = scanAndIndex(*library);
        QVERIFY2(summary.indexed == 0 && summary.failed == 0, qPrintable(QStringLiteral("rescan %1: ").arg(round) + summaryText(summary)));
    }
    for (int round = 0; round < 2; ++round) {
        library.reset();   // one writer at a time
        library = openLibrary();
        summary = scanAndIndex(*library);
        QVERIFY2(summary.indexed == 0 && summary.failed == 0, qPrintable(QStringLiteral("reopening %1: ").arg(round) + summaryText(summary)));
    }
}

void TestIndexer::nestedFoldersOfAnOlderLibraryAreIndexedOnce()
{
    {
        auto library = openLibrary();
        QCOMPARE(scanAndIndex(*library).indexed, qint64(kGoodImages));
    }
    {
        // An older version let a folder inside a library folder be added too.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("older-version"));
        db.setDatabaseName(QDir(m_libraryFolder).filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(db.open());
        QSqlQuery insert(db);
        QVERIFY2(insert.exec(QStringLiteral("INSERT INTO roots(path) VALUES('%1/a')").arg(m_imageFolder)), qPrintable(insert.lastError().text()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("older-version"));

    for (int round = 0; round < 3; ++round) {
        auto library = openLibrary();
        const IndexSummary summary = scanAndIndex(*library);
        QVERIFY2(summary.indexed == 0 && summary.failed == 0, qPrintable(QStringLiteral("opening %1: ").arg(round) + summaryText(summary)));
        QCOMPARE(library->catalog().roots().size(), 1);
        QCOMPARE(library->catalog().images(library->catalog().roots().front().id).size(), kGoodImages);
    }
}

QTEST_GUILESS_MAIN(TestIndexer)
// A motif (red diamond) repeated on a grid over the left half of a noisy grey
// ground: the motif detector's kind of image, its components all on one side.
QImage tiledMotif()
{
    QImage image(320, 320, QImage::Format_RGB888);
    std::uint32_t state = 7;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            state = state * 1664525u + 1013904223u;
            const int grey = 200 + int((state >> 24) % 24);
            image.setPixelColor(x, y, QColor(grey, grey, grey));
        }
    for (int cy = 32; cy < 320; cy += 64)
        for (int cx = 32; cx < 160; cx += 64)
            for (int y = -16; y <= 16; ++y)
                for (int x = -16; x <= 16; ++x)
                    if (std::abs(x) + std::abs(y) <= 16)
                        image.setPixelColor(cx + x, cy + y, QColor(200, 30, 40));
    return image;
}

void TestIndexer::componentsAreFoundAndFusedInTheSamePass()
{
    const QString motifPath = m_imageFolder + QStringLiteral("/a/motif.png");
    QVERIFY(tiledMotif().save(motifPath));
    const QString models = qEnvironmentVariable("WEFT_SHARED_DIR") + QStringLiteral("/models");
    const MethodConfig config = MethodConfig::fromOverrides(QStringLiteral("size=128,grid=0,hsv=0,photo=0.1,det=motif,comp=1"));
    const FeatureExtractor withComponents(config, m_backbone, makeDetector(QStringLiteral("motif"), ModelStore(models), m_backbone));

    Library library(m_libraryFolder, config);
    scan(library);
    Indexer indexer(library, withComponents);
    Recorder recorder;
    const IndexSummary summary = indexer.run(&recorder);
    QCOMPARE(summary.indexed, qint64(kGoodImages + 1));
    QCOMPARE(summary.withComponents, qint64(kGoodImages + 1));
    QVERIFY(library.catalog().imagesNeedingComponents(config.key(), QStringLiteral("motif")).isEmpty());
    // One pass: every image reported once, all of it indexing.
    QCOMPARE(qint64(recorder.reports.size()), qint64(kGoodImages + 1));
    for (const ProgressReport& report : recorder.reports)
        QCOMPARE(report.phase, ProgressPhase::Indexing);

    // The tiled image's components are diamonds, stored in the image's own coordinates.
    const auto record = library.catalog().imageByPath(motifPath);
    QVERIFY(record);
    const Components stored = library.catalog().components(record->id);
    QVERIFY2(!stored.isEmpty(), "no components stored for a tiled motif");
    for (const Component& component : stored) {
        QVERIFY(QRect(0, 0, 160, 320).contains(component.box));
        const QPoint centre = component.box.center();
        QVERIFY2(std::abs((centre.x() - 32 + 32) % 64 - 32) <= 12 && std::abs((centre.y() - 32 + 32) % 64 - 32) <= 12,
                 qPrintable(QStringLiteral("component centred at %1,%2, off the motif grid").arg(centre.x()).arg(centre.y())));
    }

    // Its fingerprint is the fused one, not the whole-image one, in the catalog and in the index
    // (stored with a byte per value: the same direction to about 1e-3).
    const QImage decoded = ImageDecoder::decode(motifPath).image;
    const std::vector<float> fused = withComponents.fingerprint(decoded);
    const std::vector<float> wholeOnly = FeatureExtractor(config, m_backbone).fingerprint(decoded);
    const auto fingerprint = library.catalog().fingerprint(record->id);
    QVERIFY(fingerprint);
    double toFused = 0, toWhole = 0;
    for (std::size_t i = 0; i < fused.size(); ++i) {
        toFused += double(fingerprint->vector[i]) * fused[i];
        toWhole += double(fingerprint->vector[i]) * wholeOnly[i];
    }
    QVERIFY2(toFused > 0.998 && toWhole < 0.99, qPrintable(QStringLiteral("cosine to fused %1, to whole-image %2").arg(toFused).arg(toWhole)));
    QReadLocker locker(&library.indexLock());
    QCOMPARE(library.index()->search(fused, 1).front().id, record->id);
}

#include "tst_indexer.moc"
