// FolderWatcher: changes on disk under a library folder become one request to scan
// the changed folders, once they have been quiet for a while; new folders are
// watched as they appear, and folders deleted or moved away are handed on so
// their images leave the catalog. Real inotify watches on a temporary folder.

#include "core/catalog/Catalog.h"
#include "core/pipeline/FolderWatcher.h"
#include "core/pipeline/Scanner.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;

namespace {

// Short, so the tests do not wait two seconds each; waits are many times longer.
constexpr int kQuietMs = 300;
constexpr int kTimeoutMs = 20000;

void writeImage(const QString& path, int seed)
{
    QImage image(32, 24, QImage::Format_RGB888);
    image.fill(QColor::fromHsv((seed * 47) % 360, 200, 200));
    image.setPixelColor(seed % 32, 0, Qt::black);
    QVERIFY2(QDir().mkpath(QFileInfo(path).absolutePath()) && image.save(path, "PNG"), qPrintable(path));
}

QStringList requested(const QSignalSpy& spy, int i)
{
    return spy.at(i).at(0).toStringList();
}

}  // namespace

class TestFolderWatcher : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void imagesCopiedInQuicklyGiveOneRequest();
    void removedFileLeavesTheCatalogAfterTheScan();
    void newFolderIsWatchedAndScanned();
    void folderMovedAwayIsHandedOn();
    void changesOutsideTheRootsAreNotWatched();

private:
    // The watcher on m_root, which holds a/one.png and b/two.png, all in the catalog.
    void startWatching();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<FolderWatcher> m_watcher;
    std::unique_ptr<QSignalSpy> m_requests;
    QString m_root;
    QString m_source;   // images to copy in, outside the root
};

void TestFolderWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_root = m_dir->filePath(QStringLiteral("library"));
    m_source = m_dir->filePath(QStringLiteral("elsewhere"));
    for (int i = 0; i < 3; ++i)
        writeImage(m_source + QStringLiteral("/new-%1.png").arg(i), 10 + i);
    writeImage(m_root + QStringLiteral("/a/one.png"), 1);
    writeImage(m_root + QStringLiteral("/b/two.png"), 2);
    m_catalog = std::make_unique<Catalog>(m_dir->filePath(QStringLiteral("catalog.sqlite")));
    m_catalog->addRoot(m_root);
    Scanner::scan(*m_catalog, m_catalog->roots());
}

void TestFolderWatcher::cleanup()
{
    m_requests.reset();
    m_watcher.reset();
    m_catalog.reset();
    m_dir.reset();
}

void TestFolderWatcher::startWatching()
{
    m_watcher = std::make_unique<FolderWatcher>();
    m_watcher->setIntervals(kQuietMs, 3600 * 1000);
    m_requests = std::make_unique<QSignalSpy>(m_watcher.get(), &FolderWatcher::foldersChanged);
    m_watcher->watch({m_root});
    QCOMPARE(m_watcher->watchedFolders(), 3);   // the root, a and b
    QCOMPARE(m_watcher->unwatchedFolders(), 0);
}

void TestFolderWatcher::imagesCopiedInQuicklyGiveOneRequest()
{
    startWatching();
    const QString a = m_root + QStringLiteral("/a");
    for (int i = 0; i < 3; ++i)
        QVERIFY(QFile::copy(m_source + QStringLiteral("/new-%1.png").arg(i), a + QStringLiteral("/new-%1.png").arg(i)));
    QVERIFY(m_requests->isEmpty());   // nothing before the quiet time
    QTRY_COMPARE_WITH_TIMEOUT(m_requests->count(), 1, kTimeoutMs);
    QCOMPARE(requested(*m_requests, 0), QStringList{a});
    // And no second one for the same burst.
    QVERIFY(!QTest::qWaitFor([&] { return m_requests->count() > 1; }, 10 * kQuietMs));

    const ScanSummary summary = Scanner::scanFolders(*m_catalog, m_catalog->roots(), requested(*m_requests, 0));
    QCOMPARE(summary.added, 3);
    QCOMPARE(summary.unchanged, 1);   // a/one.png; b was not looked at
}

void TestFolderWatcher::removedFileLeavesTheCatalogAfterTheScan()
{
    startWatching();
    const QString gone = m_root + QStringLiteral("/b/two.png");
    QVERIFY(m_catalog->imageByPath(gone));
    QVERIFY(QFile::remove(gone));
    QTRY_COMPARE_WITH_TIMEOUT(m_requests->count(), 1, kTimeoutMs);
    QCOMPARE(requested(*m_requests, 0), QStringList{m_root + QStringLiteral("/b")});

    const ScanSummary summary = Scanner::scanFolders(*m_catalog, m_catalog->roots(), requested(*m_requests, 0));
    QCOMPARE(summary.removed, 1);
    QVERIFY(!m_catalog->imageByPath(gone));
    QVERIFY(m_catalog->imageByPath(m_root + QStringLiteral("/a/one.png")));
}

void TestFolderWatcher::newFolderIsWatchedAndScanned()
{
    startWatching();
    const QString season = m_root + QStringLiteral("/spring");
    const QString deeper = season + QStringLiteral("/florals");
    QVERIFY(QDir().mkpath(deeper));
    QVERIFY(QFile::copy(m_source + QStringLiteral("/new-0.png"), deeper + QStringLiteral("/rose.png")));
    QTRY_COMPARE_WITH_TIMEOUT(m_requests->count(), 1, kTimeoutMs);
    const QStringList first = requested(*m_requests, 0);
    QVERIFY2(first.contains(m_root) && first.contains(season) && first.contains(deeper), qPrintable(first.join(QLatin1Char(' '))));
    QCOMPARE(Scanner::scanFolders(*m_catalog, m_catalog->roots(), first).added, 1);
    QCOMPARE(m_watcher->watchedFolders(), 5);

    // The new folder is watched from now on.
    QVERIFY(QFile::copy(m_source + QStringLiteral("/new-1.png"), deeper + QStringLiteral("/tulip.png")));
    QTRY_COMPARE_WITH_TIMEOUT(m_requests->count(), 2, kTimeoutMs);
    QCOMPARE(requested(*m_requests, 1), QStringList{deeper});
    QCOMPARE(Scanner::scanFolders(*m_catalog, m_catalog->roots(), requested(*m_requests, 1)).added, 1);
    QVERIFY(m_catalog->imageByPath(deeper + QStringLiteral("/tulip.png")));
}

// inotify follows a moved folder to its new place and goes on reporting it under
// the old name: the watcher must see it is gone.
void TestFolderWatcher::folderMovedAwayIsHandedOn()
{
    startWatching();
    const QString a = m_root + QStringLiteral("/a");
    QVERIFY(QDir().rename(a, m_dir->filePath(QStringLiteral("archived-a"))));
    QTRY_COMPARE_WITH_TIMEOUT(m_requests->count(), 1, kTimeoutMs);
    QVERIFY2(requested(*m_requests, 0).contains(a), qPrintable(requested(*m_requests, 0).join(QLatin1Char(' '))));
    QCOMPARE(m_watcher->watchedFolders(), 2);
    const ScanSummary summary = Scanner::scanFolders(*m_catalog, m_catalog->roots(), requested(*m_requests, 0));
    QCOMPARE(summary.removed, 1);
    QVERIFY(!m_catalog->imageByPath(a + QStringLiteral("/one.png")));

    // What happens in the archived folder is none of the library's business.
    QVERIFY(QFile::copy(m_source + QStringLiteral("/new-2.png"), m_dir->filePath(QStringLiteral("archived-a/late.png"))));
    QVERIFY(!QTest::qWaitFor([&] { return m_requests->count() > 1; }, 10 * kQuietMs));
}

void TestFolderWatcher::changesOutsideTheRootsAreNotWatched()
{
    startWatching();
    QVERIFY(QFile::copy(m_source + QStringLiteral("/new-0.png"), m_source + QStringLiteral("/copy.png")));
    QVERIFY(!QTest::qWaitFor([&] { return !m_requests->isEmpty(); }, 10 * kQuietMs));
}

QTEST_GUILESS_MAIN(TestFolderWatcher)
#include "tst_folderwatcher.moc"
