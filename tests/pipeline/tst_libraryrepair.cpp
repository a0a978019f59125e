// LibraryRepair (`weft-cli repair`, Repair in the app) on a library damaged behind
// Weft's back: entries that cannot be read are set aside for indexing again, a
// catalog file SQLite finds damaged is saved into a new one, and everything else
// (folders, collections, the other images and their components) stays; the index
// is rebuilt from exactly the readable fingerprints. The library holds made-up
// fingerprints (no model), so what must be there is known.

#include "core/catalog/Catalog.h"
#include "core/common/QuantizedVector.h"
#include "core/features/MethodConfig.h"
#include "core/pipeline/IndexingWorker.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/LibraryRepair.h"
#include "CatalogDamage.h"
#include "MadeUpFingerprints.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <random>
#include <vector>

using namespace weft;
using test::execOnCatalog;

namespace {

constexpr int kDimension = 32;
constexpr int kImages = 40;

std::vector<qint64> idsOf(const std::vector<DamagedEntry>& entries)
{
    std::vector<qint64> ids;
    for (const DamagedEntry& entry : entries)
        ids.push_back(entry.imageId);
    std::sort(ids.begin(), ids.end());
    return ids;
}

QStringList pathsOf(const QList<ImageRecord>& images)
{
    QStringList paths;
    for (const ImageRecord& image : images)
        paths.append(image.path);
    return paths;
}

// The observer's reports, to see that the repair tells how far it is.
struct StepRecorder : ProgressObserver {
    std::vector<qint64> steps;
    void progress(const ProgressReport& report) override
    {
        QCOMPARE(report.phase, ProgressPhase::Repairing);
        QCOMPARE(report.total, qint64(LibraryRepair::kSteps));
        steps.push_back(report.done);
    }
};

// Asks to stop once the repair has reported step `at` (and from then on).
struct StopAtStep : ProgressObserver {
    explicit StopAtStep(LibraryRepair::Step step) : at(qint64(step)) {}
    qint64 at;
    qint64 reached = -1;
    void progress(const ProgressReport& report) override { reached = std::max(reached, report.done); }
    bool shouldStop() override { return reached >= at; }
};

}  // namespace

class TestLibraryRepair : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void damagedEntriesAndPagesAreRepaired();
    void rowsPastADamagedTablePageAreSaved();
    void aFileWithNothingReadableIsRefusedAndLeftAsItWas();
    void aLibraryInUseIsRefused();
    void aStopKeepsTheLibraryWhole_data();
    void aStopKeepsTheLibraryWhole();
    void aStoppedCheckIsNoDamage();
    void anIndexingRunMeetingDamageSaysItIsDamage();

private:
    QString libraryFolder() const { return m_dir->filePath(QStringLiteral("library")); }
    QString catalogPath() const { return QDir(libraryFolder()).filePath(QStringLiteral("catalog.sqlite")); }
    // The four entries damaged the ways tst_damagedlibrary does; returns their ids.
    std::vector<qint64> damageEntries();
    // Changes bytes in the page of the index images_status (the table stays readable).
    void damageStatusIndexPage();
    // Checks what the library holds after a repair that set `setAside` aside.
    void verifyRepaired(const std::vector<qint64>& setAside);
    // Checks that the index checkpoint on disk, when it claims to be caught up with
    // the catalog, holds exactly the catalog's fingerprints (never a part of them).
    void verifyCheckpointHonest();
    void addImages(int count);
    // Writes over a leaf page in the middle of `table`.
    void overwriteMiddleLeafPage(const QString& table);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::map<qint64, std::vector<float>> m_vectors;   // image id → its fingerprint
    QStringList m_roots;
    QStringList m_springPaths;   // in the collection "Spring"
    QStringList m_favouritePaths;
    qint64 m_withComponents = 0;
    Components m_components;
};

void TestLibraryRepair::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_vectors.clear();
    m_roots = {m_dir->filePath(QStringLiteral("prints")), m_dir->filePath(QStringLiteral("wovens"))};
    std::mt19937 random(1313);
    Library library(libraryFolder(), MethodConfig());
    Catalog& catalog = library.catalog();
    std::vector<qint64> ids;
    std::vector<std::vector<float>> vectors;
    for (int i = 0; i < kImages; ++i) {
        const QString root = m_roots[i % 2];
        ImageRecord record;
        record.rootId = catalog.addRoot(root);
        record.path = QStringLiteral("%1/pattern-%2.png").arg(root).arg(i, 3, 10, QLatin1Char('0'));
        record.contentHash = QByteArray::number(i);
        const qint64 id = catalog.upsertImage(record);
        ids.push_back(id);
        vectors.push_back(test::randomUnitVector(random, kDimension));
        m_vectors[id] = vectors.back();
    }
    library.storeFingerprints(ids, vectors, QSize(64, 64), 1);

    const qint64 spring = catalog.createCollection(QStringLiteral("Spring"));
    for (int i : {0, 5, 20, 33}) {   // among them damaged ones (see damageEntries())
        catalog.addToCollection(spring, ids[i]);
        m_springPaths.append(catalog.image(ids[i])->path);
    }
    m_springPaths.sort();   // as collectionImages() gives them
    catalog.addToCollection(Catalog::kFavourites, ids[7]);
    m_favouritePaths = {catalog.image(ids[7])->path};

    m_withComponents = ids[9];
    Component component;
    component.box = QRect(4, 6, 10, 8);
    component.score = 0.75f;
    component.label = QStringLiteral("motif");
    component.mask = QImage(10, 8, QImage::Format_Grayscale8);
    component.mask.fill(255);
    m_components = {component};
    catalog.setComponents(m_withComponents, m_components, QStringLiteral("motif"));
}   // the library saves its index as it closes

void TestLibraryRepair::cleanup()
{
    m_dir.reset();
    m_springPaths.clear();
    m_favouritePaths.clear();
}

std::vector<qint64> TestLibraryRepair::damageEntries()
{
    const qint64 cut = std::next(m_vectors.begin(), 0)->first;
    const qint64 notANumber = std::next(m_vectors.begin(), 20)->first;
    const qint64 otherLength = std::next(m_vectors.begin(), 33)->first;
    const qint64 unknownStatus = std::next(m_vectors.begin(), 27)->first;
    std::mt19937 random(7);
    const QByteArray shorter = quantized(test::randomUnitVector(random, kDimension / 2));
    execOnCatalog(catalogPath(), {
        QStringLiteral("UPDATE fingerprints SET vector = substr(vector, 1, 10) WHERE image_id = %1").arg(cut),
        QStringLiteral("UPDATE fingerprints SET vector = x'0000C07F' || substr(vector, 5) WHERE image_id = %1").arg(notANumber),
        QStringLiteral("UPDATE fingerprints SET vector = x'%1' WHERE image_id = %2").arg(QString::fromLatin1(shorter.toHex())).arg(otherLength),
        QStringLiteral("UPDATE images SET status = 99 WHERE id = %1").arg(unknownStatus),
    });
    std::vector<qint64> damaged{cut, notANumber, otherLength, unknownStatus};
    std::sort(damaged.begin(), damaged.end());
    return damaged;
}

void TestLibraryRepair::damageStatusIndexPage()
{
    const QStringList found = execOnCatalog(catalogPath(), {QStringLiteral("SELECT (SELECT rootpage FROM sqlite_master WHERE name = 'images_status'),"
                                                                           " (SELECT page_size FROM pragma_page_size)")});
    QCOMPARE(found.size(), 1);
    const QStringList numbers = found.front().split(QLatin1Char('|'));
    const qint64 page = numbers[0].toLongLong(), pageSize = numbers[1].toLongLong();
    QVERIFY(page > 1 && pageSize >= 512);
    QVERIFY2(!QFile::exists(catalogPath() + QStringLiteral("-wal")), "the catalog's log was not written into it");
    QByteArray bytes = test::readFile(catalogPath());
    // An index entry (status Indexed, image id) is the record 03 09 01 <id>: make
    // the status of a few of them Pending (08), as a flipped bit would.
    int changed = 0;
    for (qint64 at = (page - 1) * pageSize; at + 4 < page * pageSize && changed < 3; ++at) {
        if (bytes[at] == '\x03' && bytes[at + 1] == '\x09' && bytes[at + 2] == '\x01' && quint8(bytes[at + 3]) > 10) {
            bytes[at + 1] = '\x08';
            ++changed;
        }
    }
    QCOMPARE(changed, 3);
    test::writeFile(catalogPath(), bytes);
}

void TestLibraryRepair::verifyRepaired(const std::vector<qint64>& setAside)
{
    Library library(libraryFolder(), MethodConfig(), Library::Access::ReadOnly);
    Catalog& catalog = library.catalog();
    QVERIFY(catalog.integrityProblems(IntegrityCheck::Full).isEmpty());
    std::vector<qint64> readable;
    for (const auto& [id, vector] : m_vectors) {
        const std::optional<ImageRecord> image = catalog.image(id);
        QVERIFY(image);
        if (std::binary_search(setAside.begin(), setAside.end(), id)) {
            QCOMPARE(image->status, ImageStatus::Pending);
            QVERIFY(!catalog.fingerprint(id));
            continue;
        }
        QCOMPARE(image->status, ImageStatus::Indexed);
        QCOMPARE(image->contentHash, QByteArray::number(int(std::distance(m_vectors.begin(), m_vectors.find(id)))));
        const std::optional<StoredFingerprint> fingerprint = catalog.fingerprint(id);
        QVERIFY(fingerprint);
        QCOMPARE(fingerprint->vector, dequantized(quantized(vector)));
        readable.push_back(id);
    }
    const QList<qint64> pending = catalog.imagesNeedingFingerprint(library.methodKey());
    QCOMPARE(std::vector<qint64>(pending.begin(), pending.end()), setAside);
    QVERIFY(library.index());
    QCOMPARE(library.index()->ids(), readable);

    QStringList roots;
    for (const LibraryRoot& root : catalog.roots())
        roots.append(root.path);
    QCOMPARE(roots, m_roots);
    const QList<ImageCollection> collections = catalog.collections();
    QCOMPARE(collections.size(), 2);
    QCOMPARE(collections[1].name, QStringLiteral("Spring"));
    QCOMPARE(pathsOf(catalog.collectionImages(collections[1].id)), m_springPaths);
    QCOMPARE(pathsOf(catalog.collectionImages(Catalog::kFavourites)), m_favouritePaths);
    const Components components = catalog.components(m_withComponents);
    QCOMPARE(components.size(), m_components.size());
    QCOMPARE(components.front().box, m_components.front().box);
    QCOMPARE(components.front().mask, m_components.front().mask);
}

void TestLibraryRepair::damagedEntriesAndPagesAreRepaired()
{
    const std::vector<qint64> damaged = damageEntries();
    damageStatusIndexPage();

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged.*set aside")));   // as many as there are
    StepRecorder steps;
    const RepairReport report = LibraryRepair::repair(libraryFolder(), MethodConfig(), &steps);
    QVERIFY2(!report.catalogProblems.isEmpty(), "integrity_check found nothing wrong with the changed page");
    QVERIFY(report.salvage);
    QVERIFY(!report.salvage->lostRows());
    QVERIFY(QFileInfo(report.salvage->damagedCopy).isFile());
    QVERIFY(QFileInfo(report.salvage->damagedCopy).fileName().startsWith(QStringLiteral("catalog.sqlite.damaged-")));
    QCOMPARE(idsOf(report.setAside), damaged);
    for (const DamagedEntry& entry : report.setAside)
        QVERIFY2(entry.path.contains(QStringLiteral("pattern-")) && !entry.reason.isEmpty(), qPrintable(entry.path + entry.reason));
    QCOMPARE(report.indexed, qint64(kImages - damaged.size()));
    QVERIFY2(report.healthy(), qPrintable(report.remainingProblems.join(QLatin1Char('\n'))));
    QCOMPARE(steps.steps, (std::vector<qint64>{0, 1, 2, 3, 4}));
    verifyRepaired(damaged);

    // Nothing is left to find.
    const RepairReport again = LibraryRepair::repair(libraryFolder(), MethodConfig());
    QVERIFY(again.foundNothing());
    QVERIFY(!again.salvage);
    QCOMPARE(again.indexed, report.indexed);
    verifyRepaired(damaged);
}

void TestLibraryRepair::rowsPastADamagedTablePageAreSaved()
{
    // Enough images that the images table spans many pages, then one of its leaf
    // pages in the middle written over: the rows before and after it are saved.
    addImages(2000);
    overwriteMiddleLeafPage(QStringLiteral("images"));

    const RepairReport report = LibraryRepair::repair(libraryFolder(), MethodConfig());
    QVERIFY(!report.catalogProblems.isEmpty());
    QVERIFY(report.salvage);
    QVERIFY(report.salvage->lostRows());
    const auto images = std::find_if(report.salvage->tables.begin(), report.salvage->tables.end(),
                                     [](const CatalogSalvage::Table& table) { return table.name == QLatin1String("images"); });
    QVERIFY(images != report.salvage->tables.end());
    QVERIFY(!images->complete);
    QVERIFY(report.healthy());

    Library library(libraryFolder(), MethodConfig(), Library::Access::ReadOnly);
    const qint64 kept = qint64(library.catalog().images(ImageStatus::Pending).size() + library.catalog().images(ImageStatus::Indexed).size());
    QCOMPARE(kept, images->copied);
    // Rows on both sides of the damaged page: the first ones and the last one.
    QVERIFY(library.catalog().image(m_vectors.begin()->first));
    QVERIFY(library.catalog().imageByPath(QStringLiteral("%1/more/a-rather-long-file-name-for-a-pattern-01999.png").arg(m_roots.front())));
    QVERIFY(kept < kImages + 2000);
    QCOMPARE(library.catalog().roots().size(), 2);
}

void TestLibraryRepair::aFileWithNothingReadableIsRefusedAndLeftAsItWas()
{
    const QByteArray garbage(64 * 1024, char(0x5a));
    test::writeFile(catalogPath(), garbage);
    try {
        LibraryRepair::repair(libraryFolder(), MethodConfig());
        QFAIL("a catalog of garbage was taken as repaired");
    } catch (const Error& error) {
        QVERIFY2(error.message().contains(catalogPath()), qPrintable(error.message()));
    }
    QCOMPARE(test::readFile(catalogPath()), garbage);
    QCOMPARE(QDir(libraryFolder()).entryList({QStringLiteral("*.damaged-*")}), QStringList());
}

void TestLibraryRepair::aLibraryInUseIsRefused()
{
    damageEntries();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged")));
    Library writer(libraryFolder(), MethodConfig());
    QVERIFY_THROWS_EXCEPTION(Error, LibraryRepair::repair(libraryFolder(), MethodConfig()));
}

void TestLibraryRepair::addImages(int count)
{
    Library library(libraryFolder(), MethodConfig());
    Catalog& catalog = library.catalog();
    Catalog::Transaction transaction(catalog);
    for (int i = 0; i < count; ++i) {
        ImageRecord record;
        record.rootId = catalog.roots().front().id;
        record.path = QStringLiteral("%1/more/a-rather-long-file-name-for-a-pattern-%2.png").arg(m_roots.front()).arg(i, 5, 10, QLatin1Char('0'));
        catalog.upsertImage(record);
    }
    transaction.commit();
}

void TestLibraryRepair::overwriteMiddleLeafPage(const QString& table)
{
    const QStringList pages = execOnCatalog(catalogPath(), {QStringLiteral("SELECT pageno FROM dbstat WHERE name = '%1' AND pagetype = 'leaf'"
                                                                           " ORDER BY pageno").arg(table)});
    QVERIFY2(pages.size() > 10, qPrintable(QString::number(pages.size())));
    const QStringList sizes = execOnCatalog(catalogPath(), {QStringLiteral("PRAGMA page_size")});
    const qint64 page = pages[pages.size() / 2].toLongLong(), pageSize = sizes.front().toLongLong();
    QByteArray bytes = test::readFile(catalogPath());
    std::fill(bytes.begin() + (page - 1) * pageSize, bytes.begin() + page * pageSize, char(0x5a));
    test::writeFile(catalogPath(), bytes);
}

void TestLibraryRepair::anIndexingRunMeetingDamageSaysItIsDamage()
{
    // A run that meets a damaged page says so as damage, which the app offers to
    // repair (LibraryBackend turns it into the Repair banner), not as a failed run,
    // whose banner took the Repair button's place.
    {
        Library library(libraryFolder(), MethodConfig());
        std::mt19937 random(17);
        std::vector<qint64> ids;
        std::vector<std::vector<float>> vectors;
        for (int i = 0; i < 2000; ++i) {
            ImageRecord record;
            record.rootId = library.catalog().roots().front().id;
            record.path = QStringLiteral("%1/more/pattern-%2.png").arg(m_roots.front()).arg(i, 5, 10, QLatin1Char('0'));
            ids.push_back(library.catalog().upsertImage(record));
            vectors.push_back(test::randomUnitVector(random, kDimension));
        }
        library.storeFingerprints(ids, vectors, QSize(64, 64), 1);
    }
    overwriteMiddleLeafPage(QStringLiteral("fingerprints"));
    if (QTest::currentTestFailed())
        return;
    Library library(libraryFolder(), MethodConfig());   // opening reads no fingerprint: the checkpoint is caught up
    IndexingWorker worker(library, nullptr);
    QSignalSpy damaged(&worker, &IndexingWorker::catalogDamaged);
    QSignalSpy failed(&worker, &IndexingWorker::failed);
    worker.update();   // on this thread: the signals are emitted before it returns
    QCOMPARE(failed.count(), 0);
    QCOMPARE(damaged.count(), 1);
    const QString message = damaged.front().front().toString();
    QVERIFY2(message.contains(catalogPath()) && message.contains(QStringLiteral("weft-cli repair")), qPrintable(message));
}

void TestLibraryRepair::verifyCheckpointHonest()
{
    std::unique_ptr<VectorIndex> checkpoint;
    try {
        checkpoint = VectorIndex::load(libraryFolder(), VectorIndex::Writes::None);
    } catch (const IndexMissing&) {
        return;   // none: the next opening builds it
    }
    const Catalog catalog(catalogPath());
    if (checkpoint->checkpointCatalogId() != catalog.catalogId())
        return;   // another catalog's: the next opening rebuilds it
    QVERIFY(checkpoint->checkpointGeneration() <= catalog.generation());
    if (checkpoint->checkpointGeneration() == catalog.generation())
        QCOMPARE(checkpoint->ids(), catalog.fingerprintIds(MethodConfig().key()));
}

void TestLibraryRepair::aStopKeepsTheLibraryWhole_data()
{
    QTest::addColumn<bool>("damagedPage");
    QTest::addColumn<int>("stopAt");
    using Step = LibraryRepair::Step;
    QTest::newRow("checking the catalog") << true << int(Step::CheckingCatalog);
    QTest::newRow("saving the readable rows") << true << int(Step::SavingReadableRows);
    QTest::newRow("opening the saved rows (index built anew)") << true << int(Step::CheckingEntries);
    QTest::newRow("rebuilding the index") << false << int(Step::CheckingEntries);
}

void TestLibraryRepair::aStopKeepsTheLibraryWhole()
{
    // Quit in the app (and Ctrl+C in weft-cli) stops a repair at once: what is
    // half done is put back, and the next repair finishes the work.
    QFETCH(bool, damagedPage);
    QFETCH(int, stopAt);
    const std::vector<qint64> damaged = damageEntries();
    if (damagedPage)
        damageStatusIndexPage();
    const QByteArray catalogBefore = test::readFile(catalogPath());

    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("is damaged")));   // as many as there are
    StopAtStep stop{LibraryRepair::Step(stopAt)};
    const RepairReport stopped = LibraryRepair::repair(libraryFolder(), MethodConfig(), &stop);
    QVERIFY(stopped.stopped);
    QVERIFY(!stopped.healthy() && !stopped.foundNothing());   // neither is known
    QCOMPARE(stop.reached, qint64(stopAt));   // it went no further
    if (stopAt <= int(LibraryRepair::Step::SavingReadableRows)) {
        QVERIFY(test::readFile(catalogPath()) == catalogBefore);
        QCOMPARE(QDir(libraryFolder()).entryList({QStringLiteral("*.damaged-*")}), QStringList());
    }
    verifyCheckpointHonest();
    if (QTest::currentTestFailed())
        return;

    const RepairReport finished = LibraryRepair::repair(libraryFolder(), MethodConfig());
    QVERIFY(!finished.stopped);
    QVERIFY2(finished.healthy(), qPrintable(finished.remainingProblems.join(QLatin1Char('\n'))));
    verifyRepaired(damaged);
}

void TestLibraryRepair::aStoppedCheckIsNoDamage()
{
    // integrity_check takes seconds on a big catalog; stopped, it must not read as damage.
    addImages(2000);
    const Catalog catalog(catalogPath());
    int polls = 0;
    QVERIFY(catalog.integrityProblems(IntegrityCheck::Full, [&] { return ++polls < 0; }).isEmpty());
    QVERIFY2(polls > 2, "the check was too short to be asked whether to stop");
    int asked = 0;
    QVERIFY_THROWS_EXCEPTION(WorkStopped, catalog.integrityProblems(IntegrityCheck::Full, [&] { return ++asked == 2; }));
    QCOMPARE(asked, 2);
}

QTEST_GUILESS_MAIN(TestLibraryRepair)
#include "tst_libraryrepair.moc"
