// Indexing through the desktop app's backend (a worker thread with queued
// signals): start, pause, cancel, close mid-run, and a folder that disappears;
// and what the window's status bar says through a run.
// Outcomes are checked in the catalog and the index, not by timing.

#include "ui/IndexingStatus.h"
#include "ui/LibraryBackend.h"
#include "ui/MainWindow.h"
#include "UiTestSupport.h"

#include "core/catalog/Catalog.h"
#include "core/index/VectorIndex.h"
#include "core/pipeline/Library.h"

#include <QSignalSpy>
#include <atomic>
#include <memory>
#include <optional>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;
using State = LibraryBackend::IndexingState;

namespace {

constexpr int kImages = 24;

CatalogCounts countsOf(const QString& libraryFolder, const QString& methodKey)
{
    Catalog catalog(QDir(libraryFolder).filePath(QStringLiteral("catalog.sqlite")));
    return catalog.counts(methodKey);
}

// Opens a library in `folder` and returns the method key it indexes with;
// `method` overrides the tests' cheap method.
QString open(LibraryBackend& backend, const QString& folder, const QString& method = {})
{
    QSignalSpy opened(&backend, &LibraryBackend::opened);
    QSignalSpy failed(&backend, &LibraryBackend::openFailed);
    ui::LibraryOptions options = uitest::libraryOptions(folder);
    if (!method.isEmpty())
        options.method = MethodConfig::fromOverrides(method);
    backend.open(options);
    if (!opened.wait(60000) && opened.isEmpty())
        qFatal("the library did not open: %s", failed.isEmpty() ? "no answer" : qPrintable(failed.front().front().toString()));
    return opened.front().front().value<LibraryInfo>().methodKey;
}

bool waitForState(LibraryBackend& backend, State state)
{
    return backend.indexingState() == state || QTest::qWaitFor([&] { return backend.indexingState() == state; }, 60000);
}

// The last answer to search `requestId`: a swatch search answers first by
// fingerprint and again after its second look, so wait for the one after
// which nothing follows. Returns a result with requestId 0 on time-out.
SearchResult finalAnswer(QSignalSpy& results, quint64 requestId)
{
    const auto find = [&]() -> std::optional<SearchResult> {
        for (const QList<QVariant>& args : results) {
            const auto result = args.front().value<SearchResult>();
            if (result.requestId == requestId && !result.refinementFollows)
                return result;
        }
        return std::nullopt;
    };
    if (!find() && !QTest::qWaitFor([&] { return find().has_value(); }, 60000))
        return {};
    return *find();
}

}  // namespace

class IndexingTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void indexesAFolderAndSearchesMeanwhile();
    void swatchComponentsComeWithTheSecondAnswer();
    void pauseHoldsAndResumeFinishes();
    void cancelKeepsWhatIsDone();
    void shutDownDuringIndexingLosesNothing();
    void shutDownDuringAScan();
    void folderDisappearsWhileIndexing();
    void statusBarFollowsTheRun();

private:
    QTemporaryDir m_dir;
};

void IndexingTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    QVERIFY(m_dir.isValid());
}

void IndexingTest::indexesAFolderAndSearchesMeanwhile()
{
    const QString library = m_dir.filePath(QStringLiteral("start/library"));
    const QStringList images = uitest::writePatterns(m_dir.filePath(QStringLiteral("start/patterns")), kImages);
    LibraryBackend backend;
    const QString method = open(backend, library);
    QSignalSpy finished(&backend, &LibraryBackend::indexingFinished);
    QSignalSpy progress(&backend, &LibraryBackend::indexingProgress);
    QSignalSpy folders(&backend, &LibraryBackend::foldersLoaded);
    backend.addFolder(QFileInfo(images.front()).absolutePath());
    QVERIFY(finished.wait(120000));
    const IndexSummary summary = finished.front().front().value<IndexSummary>();
    QCOMPARE(summary.indexed, qint64(kImages));
    QCOMPARE(summary.failed, qint64(0));
    QVERIFY(!summary.stopped);
    QVERIFY(!progress.isEmpty());
    const ProgressReport last = progress.back().front().value<ProgressReport>();
    QCOMPARE(last.done, qint64(kImages));
    QCOMPARE(last.total, qint64(kImages));
    QCOMPARE(countsOf(library, method).indexed, qint64(kImages));

    // The folder list follows: one folder, all indexed.
    QVERIFY(QTest::qWaitFor([&] {
        if (folders.isEmpty())
            return false;
        const auto list = folders.back().front().value<QList<FolderStatus>>();
        return list.size() == 1 && list.front().indexed == kImages;
    }, 30000));

    QSignalSpy results(&backend, &LibraryBackend::searchFinished);
    const quint64 id = backend.search({images[5], {}, QStringLiteral("pattern-05.png")}, 5);
    const SearchResult result = finalAnswer(results, id);
    QCOMPARE(result.requestId, id);
    QCOMPARE(result.matches.size(), 5);
    QCOMPARE(result.matches.front().path, images[5]);

    // "Find patterns like this" on a result: the others, never the image itself.
    results.clear();
    const quint64 likeId = backend.search({images[5], {}, QStringLiteral("pattern-05.png"), true}, 5);
    const SearchResult like = finalAnswer(results, likeId);
    QCOMPARE(like.requestId, likeId);
    QVERIFY(!like.refined);  // a pattern from the library needs no second look
    QCOMPARE(like.matches.size(), 5);
    for (const Match& match : like.matches)
        QVERIFY(match.path != images[5]);
    QCOMPARE(like.matches.front().rank, 1);
}

void IndexingTest::swatchComponentsComeWithTheSecondAnswer()
{
    // With a detector, the first answer comes by fingerprint alone, without waiting
    // for it; the swatch's components follow with the second, for its overlay.
    const QString library = m_dir.filePath(QStringLiteral("motif/library"));
    const QStringList images = uitest::writePatterns(m_dir.filePath(QStringLiteral("motif/patterns")), 4);
    LibraryBackend backend;
    open(backend, library, QStringLiteral("size=64,grid=0,det=motif"));
    QSignalSpy finished(&backend, &LibraryBackend::indexingFinished);
    backend.addFolder(QFileInfo(images.front()).absolutePath());
    QVERIFY(finished.wait(120000));

    QSignalSpy results(&backend, &LibraryBackend::searchFinished);
    // pattern-01: dots of one colour on a plain ground, a motif the detector finds.
    const quint64 id = backend.search({images[1], {}, QStringLiteral("pattern-01.png")}, 3);
    const SearchResult last = finalAnswer(results, id);
    QCOMPARE(last.requestId, id);
    QVERIFY(last.refined);
    QVERIFY(!last.queryComponents.isEmpty());
    for (const Component& component : last.queryComponents)
        QVERIFY(last.queryImage.rect().contains(component.box));
    const SearchResult first = results.front().front().value<SearchResult>();
    QCOMPARE(first.requestId, id);
    QVERIFY(first.refinementFollows);
    QVERIFY(first.queryComponents.isEmpty());
}

void IndexingTest::pauseHoldsAndResumeFinishes()
{
    const QString library = m_dir.filePath(QStringLiteral("pause/library"));
    const QStringList images = uitest::writePatterns(m_dir.filePath(QStringLiteral("pause/patterns")), kImages);
    LibraryBackend backend;
    const QString method = open(backend, library);
    QSignalSpy finished(&backend, &LibraryBackend::indexingFinished);
    QSignalSpy progress(&backend, &LibraryBackend::indexingProgress);
    // Paused before it starts: the run holds before its first image.
    backend.pauseIndexing();
    backend.addFolder(QFileInfo(images.front()).absolutePath());
    QVERIFY(waitForState(backend, State::Paused));
    const int reportsWhenPaused = progress.count();
    QTest::qWait(300);   // room for a wrong worker to go on; the outcome checked is the count
    QCOMPARE(progress.count(), reportsWhenPaused);
    QVERIFY(finished.isEmpty());
    QCOMPARE(countsOf(library, method).indexed, qint64(0));

    // Searching works while indexing is paused (the library is still empty: an error, not a hang).
    QSignalSpy failed(&backend, &LibraryBackend::searchFailed);
    backend.search({images[0], {}, QStringLiteral("pattern-00.png")});
    QVERIFY(failed.wait(60000));

    backend.resumeIndexing();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.front().front().value<IndexSummary>().indexed, qint64(kImages));
    QCOMPARE(countsOf(library, method).indexed, qint64(kImages));
    QCOMPARE(backend.indexingState(), State::Idle);
}

void IndexingTest::cancelKeepsWhatIsDone()
{
    const QString library = m_dir.filePath(QStringLiteral("cancel/library"));
    const QStringList images = uitest::writePatterns(m_dir.filePath(QStringLiteral("cancel/patterns")), kImages);
    LibraryBackend backend;
    const QString method = open(backend, library);
    QSignalSpy finished(&backend, &LibraryBackend::indexingFinished);
    // Paused on the worker's thread after the 5th image, so the run stops part-way.
    IndexingWorker* worker = backend.indexingWorker();
    auto once = std::make_shared<std::atomic<bool>>(false);
    connect(worker, &IndexingWorker::progressed, worker, [worker, once](const ProgressReport& report) {
        if (report.phase == ProgressPhase::Indexing && report.done == 5 && !once->exchange(true))
            worker->pause();
    }, Qt::DirectConnection);
    backend.addFolder(QFileInfo(images.front()).absolutePath());
    QVERIFY(waitForState(backend, State::Paused));
    backend.cancelIndexing();
    QVERIFY(finished.wait(120000));
    const IndexSummary stopped = finished.front().front().value<IndexSummary>();
    QVERIFY(stopped.stopped);
    QCOMPARE(stopped.indexed, qint64(5));
    QCOMPARE(stopped.remaining, kImages - stopped.indexed);
    // Everything reported as done is committed.
    const CatalogCounts afterCancel = countsOf(library, method);
    QCOMPARE(afterCancel.indexed, stopped.indexed);
    QCOMPARE(afterCancel.pending, kImages - stopped.indexed);

    // A cancel stays a cancel: no run follows on its own.
    QTest::qWait(500);   // room for a wrong follow-up run to start; the outcome checked is the count
    QCOMPARE(finished.count(), 1);
    QCOMPARE(backend.indexingState(), State::Idle);
    QCOMPARE(countsOf(library, method).indexed, stopped.indexed);

    // A rescan indexes only what is left, and the one after it finds nothing to do.
    finished.clear();
    backend.rescan();
    QVERIFY(finished.wait(120000));
    const IndexSummary rest = finished.front().front().value<IndexSummary>();
    QVERIFY(!rest.stopped);
    QCOMPARE(rest.indexed, kImages - stopped.indexed);
    QCOMPARE(countsOf(library, method).indexed, qint64(kImages));
    finished.clear();
    backend.rescan();
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.front().front().value<IndexSummary>().indexed, qint64(0));
}

void IndexingTest::shutDownDuringIndexingLosesNothing()
{
    const QString library = m_dir.filePath(QStringLiteral("close/library"));
    const QStringList images = uitest::writePatterns(m_dir.filePath(QStringLiteral("close/patterns")), kImages);
    QString method;
    qint64 doneAtClose = 0;
    {
        LibraryBackend backend;
        method = open(backend, library);
        IndexingWorker* worker = backend.indexingWorker();
        connect(worker, &IndexingWorker::progressed, worker, [worker, &doneAtClose](const ProgressReport& report) {
            if (report.phase == ProgressPhase::Indexing && report.done == 7) {
                doneAtClose = report.done;
                worker->pause();
            }
        }, Qt::DirectConnection);
        backend.addFolder(QFileInfo(images.front()).absolutePath());
        QVERIFY(waitForState(backend, State::Paused));
        backend.shutDown();   // what closing the window does
        QVERIFY(!backend.isOpen());
    }
    // What was done before the close is in the catalog and in the saved index.
    QCOMPARE(doneAtClose, qint64(7));
    const CatalogCounts counts = countsOf(library, method);
    QCOMPARE(counts.indexed, doneAtClose);
    Library reopened(library, MethodConfig::fromOverrides(QStringLiteral("size=64,grid=0,det=none")), Library::Access::ReadOnly);
    QVERIFY(reopened.index());
    QCOMPARE(qint64(reopened.index()->size()), counts.indexed);
    // The checkpoint saved at the close covers everything, so opening had nothing to add.
    QCOMPARE(VectorIndex::load(library)->checkpointGeneration(), reopened.catalog().generation());
}

// Quit while a large folder is scanned. The scan stops between two files; what the
// worker said until then (a progress report per file, the run's end), still
// queued for the window, must not reach for the query side the close took down.
void IndexingTest::shutDownDuringAScan()
{
    const QString library = m_dir.filePath(QStringLiteral("scanclose/library"));
    const QString files = m_dir.filePath(QStringLiteral("scanclose/files"));
    QVERIFY(QDir().mkpath(files));
    for (int n = 0; n < 3000; ++n) {
        QFile file(QStringLiteral("%1/f%2.png").arg(files).arg(n));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("tiny file " + QByteArray::number(n));   // scanned (hashed), never decoded
    }
    LibraryBackend backend;
    open(backend, library);
    QSignalSpy progress(&backend, &LibraryBackend::indexingProgress);
    backend.addFolder(files);
    QVERIFY(progress.wait(60000));
    backend.shutDown();   // what closing the window does
    QVERIFY(!backend.isOpen());
    // The window's event loop runs on after the close; by then the backend's
    // once-a-second refresh of the folder counts is due. The closed backend says
    // nothing more.
    QSignalSpy scanned(&backend, &LibraryBackend::scanFinished);
    QSignalSpy finished(&backend, &LibraryBackend::indexingFinished);
    progress.clear();
    QThread::msleep(1100);
    QCoreApplication::processEvents();
    QVERIFY2(scanned.isEmpty() && finished.isEmpty() && progress.isEmpty(),
             qPrintable(QStringLiteral("after the close: %1 scan ends, %2 run ends, %3 progress reports")
                            .arg(scanned.count())
                            .arg(finished.count())
                            .arg(progress.count())));
}

void IndexingTest::folderDisappearsWhileIndexing()
{
    const QString library = m_dir.filePath(QStringLiteral("vanish/library"));
    const QString patterns = m_dir.filePath(QStringLiteral("vanish/patterns"));
    uitest::writePatterns(patterns, kImages);
    LibraryBackend backend;
    const QString method = open(backend, library);
    QSignalSpy finished(&backend, &LibraryBackend::indexingFinished);
    QSignalSpy imageFailed(&backend, &LibraryBackend::imageFailed);
    backend.pauseIndexing();
    backend.addFolder(patterns);
    QVERIFY(waitForState(backend, State::Paused));
    // The drive is unplugged: the folder goes while the run holds.
    QVERIFY(QDir().rename(patterns, patterns + QStringLiteral("-gone")));
    backend.resumeIndexing();
    QVERIFY(finished.wait(120000));
    const IndexSummary summary = finished.front().front().value<IndexSummary>();
    QCOMPARE(summary.indexed + summary.failed, qint64(kImages));
    QVERIFY2(summary.failed >= kImages - 1, "files that are gone must fail (one may have been read before)");
    QCOMPARE(imageFailed.count(), int(summary.failed));
    QVERIFY(!imageFailed.front().at(1).toString().isEmpty());   // with a reason

    QSignalSpy failedList(&backend, &LibraryBackend::failedImagesLoaded);
    backend.refreshFailedImages();
    QVERIFY(failedList.wait(30000));
    const auto failedImages = failedList.front().front().value<QList<FailedImage>>();
    QCOMPARE(failedImages.size(), int(summary.failed));
    for (const FailedImage& image : failedImages)
        QVERIFY2(!image.reason.isEmpty(), qPrintable(image.path));

    // A rescan reports the folder missing and keeps its images.
    QSignalSpy scanned(&backend, &LibraryBackend::scanFinished);
    QSignalSpy folders(&backend, &LibraryBackend::foldersLoaded);
    finished.clear();
    backend.rescan();
    QVERIFY(finished.wait(120000));
    QCOMPARE(scanned.count(), 1);
    const ScanSummary scan = scanned.front().front().value<ScanSummary>();
    QCOMPARE(scan.missingRoots.size(), 1);
    QVERIFY(QTest::qWaitFor([&] {
        if (folders.isEmpty())
            return false;
        const auto list = folders.back().front().value<QList<FolderStatus>>();
        return list.size() == 1 && list.front().missing;
    }, 30000));
    const CatalogCounts counts = countsOf(library, method);
    QCOMPARE(counts.indexed + counts.failed + counts.pending, qint64(kImages));
}

void IndexingTest::statusBarFollowsTheRun()
{
    const QStringList images = uitest::writePatterns(m_dir.filePath(QStringLiteral("status/patterns")), kImages);
    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("status/library")));
    options.foldersToAdd = {QFileInfo(images.front()).absolutePath()};
    MainWindow window(options);
    window.show();
    const IndexingStatus* status = window.indexingStatus();
    // What the status bar shows at each report, read after the window has taken it in.
    struct Shown {
        ProgressReport report;
        QString state;
        QString rate;
        bool canPause;
    };
    QList<Shown> shown;
    connect(&window.backend(), &LibraryBackend::indexingProgress, this, [&](const ProgressReport& report) {
        shown.append({report, status->stateText(), status->rateText(), status->canPause()});
    });
    QSignalSpy finished(&window.backend(), &LibraryBackend::indexingFinished);
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.front().front().value<IndexSummary>().indexed, qint64(kImages));

    int indexingReports = 0;
    bool namedBeforeTheFirstImage = false;
    for (const Shown& seen : std::as_const(shown)) {
        if (seen.report.phase != ProgressPhase::Indexing)
            continue;
        ++indexingReports;
        const QString at = QStringLiteral("at %1 of %2: \"%3\" / \"%4\"").arg(seen.report.done).arg(seen.report.total).arg(seen.state, seen.rate);
        QVERIFY2(seen.canPause, qPrintable(at));
        QVERIFY2(seen.state.startsWith(QStringLiteral("Indexing")), qPrintable(at));
        QVERIFY2(seen.rate.contains(QStringLiteral("left")), qPrintable(at));   // the time left, or that it is being estimated
        if (seen.report.imagesPerSecond > 0)
            QVERIFY2(seen.rate.contains(QStringLiteral("images/s")), qPrintable(at));
        if (!seen.report.currentFile.isEmpty())
            QVERIFY2(seen.state.contains(QFileInfo(seen.report.currentFile).fileName()), qPrintable(at));
        namedBeforeTheFirstImage = namedBeforeTheFirstImage || seen.report.done == 0;
    }
    QCOMPARE(indexingReports > 0, true);
    // The status says indexing as soon as it starts, not only after the first batch.
    QVERIFY(namedBeforeTheFirstImage);
    // Done: the buttons and the rate go, and the summary counts what is indexed.
    QVERIFY(!status->canPause());
    QVERIFY(status->rateText().isEmpty());
    QTRY_VERIFY2_WITH_TIMEOUT(status->stateText().contains(QString::number(kImages)), qPrintable(status->stateText()), 30000);
}

QTEST_MAIN(IndexingTest)
#include "tst_indexing.moc"
