// With the app's backend open on a library, an image copied into one of its
// folders is indexed without anyone asking for a rescan, and only the folder it
// was copied into is scanned again (FolderWatcher, on the library thread).

#include "ui/LibraryBackend.h"
#include "UiTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class FolderWatchTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void copiedImageIsIndexedWithoutARescan();
};

void FolderWatchTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
}

void FolderWatchTest::copiedImageIsIndexedWithoutARescan()
{
    QTemporaryDir dir;
    // Five distinct patterns: three in spring/, one in autumn/, one to copy in later.
    const QStringList patterns = uitest::writePatterns(dir.filePath(QStringLiteral("drawn")), 5);
    const QString root = dir.filePath(QStringLiteral("patterns"));
    const QString spring = root + QStringLiteral("/spring"), autumn = root + QStringLiteral("/autumn");
    QVERIFY(QDir().mkpath(spring) && QDir().mkpath(autumn));
    for (int i = 0; i < 3; ++i)
        QVERIFY(QFile::copy(patterns[i], spring + QStringLiteral("/%1.png").arg(i)));
    QVERIFY(QFile::copy(patterns[3], autumn + QStringLiteral("/3.png")));

    LibraryBackend backend;
    QSignalSpy opened(&backend, &LibraryBackend::opened);
    backend.open(uitest::libraryOptions(dir.filePath(QStringLiteral("library"))));
    QVERIFY(opened.wait(60000) || !opened.isEmpty());
    backend.addFolder(root);
    QVERIFY2(uitest::waitUntilIndexed(backend, 4, 120000), "the library folder was not indexed");

    QSignalSpy scans(&backend, &LibraryBackend::scanFinished);
    QVERIFY(QFile::copy(patterns[4], autumn + QStringLiteral("/4.png")));
    QVERIFY2(uitest::waitUntilIndexed(backend, 5, 120000), "the copied image was not indexed");
    QCOMPARE(scans.count(), 1);
    const ScanSummary scan = scans.front().front().value<ScanSummary>();
    QCOMPARE(scan.added, 1);
    QCOMPARE(scan.unchanged, 1);   // autumn/3.png: spring/ was not looked at
}

QTEST_MAIN(FolderWatchTest)
#include "tst_folderwatch.moc"
