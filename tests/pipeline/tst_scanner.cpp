// Scanner: the incremental comparison of the files under a library's folders with
// the catalog. No network is involved; every test works on a fresh catalog in a
// temporary folder with images written by QImage::save.

#include "core/catalog/Catalog.h"
#include "core/imaging/ContentHash.h"
#include "core/pipeline/IndexingWorker.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Scanner.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace weft;

namespace {

// A small image that differs from every other seed value in its pixels.
QImage patternImage(int seed, int width = 40, int height = 30)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixelColor(x, y, QColor((x * 7 + seed * 53) % 256, (y * 11 + seed * 29) % 256, ((x + y) * 5 + seed * 97) % 256));
    return image;
}

// Writes an image in the format given explicitly, so the test does not depend on how
// Qt reads upper-case suffixes.
void writeImage(const QString& path, int seed, const char* format)
{
    QVERIFY2(QDir().mkpath(QFileInfo(path).absolutePath()), qPrintable(path));
    QVERIFY2(patternImage(seed).save(path, format), qPrintable(QStringLiteral("cannot write %1").arg(path)));
}

void writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(file.write(bytes), bytes.size());
}

// Moves the file's modification time, keeping its bytes.
void setModified(const QString& path, const QDateTime& when)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadWrite), qPrintable(path));
    QVERIFY2(file.setFileTime(when, QFileDevice::FileModificationTime), qPrintable(path));
}

QSet<QString> cataloguedPaths(const Catalog& catalog, qint64 rootId)
{
    QSet<QString> paths;
    for (const ImageRecord& record : catalog.images(rootId))
        paths.insert(record.path);
    return paths;
}

QString summaryText(const ScanSummary& s)
{
    return QStringLiteral("added %1, changed %2, renamed %3, removed %4, unchanged %5, missing roots [%6]")
        .arg(s.added)
        .arg(s.changed)
        .arg(s.renamed)
        .arg(s.removed)
        .arg(s.unchanged)
        .arg(s.missingRoots.join(QStringLiteral(", ")));
}

class CountingObserver : public ProgressObserver {
public:
    void progress(const ProgressReport& report) override { reports.push_back(report); }
    std::vector<ProgressReport> reports;
};

// Asks to stop once `filesBeforeStop` files have been reported, as Ctrl+C or the
// app's Cancel would in the middle of a scan.
class StoppingObserver : public CountingObserver {
public:
    explicit StoppingObserver(std::size_t filesBeforeStop) : m_filesBeforeStop(filesBeforeStop) {}
    bool shouldStop() override { return reports.size() >= m_filesBeforeStop; }

private:
    std::size_t m_filesBeforeStop;
};

}  // namespace

class TestScanner : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void firstScanAddsPendingImages();
    void secondScanFindsNothingNew();
    void changedContentIsPendingAgain();
    void touchedFileIsNotChanged();
    void deletedFileIsRemoved();
    void movedFileKeepsItsFingerprint();
    void movedFileStaysInItsCollections();
    void onlyImageSuffixesAreScanned();
    void missingRootKeepsItsImages();
    void reportsProgress();
    void scanFoldersLooksOnlyIntoThoseFolders();
    void scanFoldersRecognisesAMoveBetweenThem();
    void goneFolderTakesItsImagesOut();
    void foldersOfAMissingRootKeepTheirImages();
    void stopKeepsWhatIsDone();
    void cancelStopsTheWorkersScan();

private:
    // Library folder `images` with six images, two of them in nested folders.
    void writeStandardSet();
    // `count` tiny files (not images: the scanner hashes, it does not decode) in ten folders.
    QSet<QString> writeManyFiles(int count);
    ScanSummary scan(ProgressObserver* observer = nullptr) { return Scanner::scan(*m_catalog, m_catalog->roots(), observer); }
    ScanSummary scanFolders(const QStringList& folders) { return Scanner::scanFolders(*m_catalog, m_catalog->roots(), folders); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Catalog> m_catalog;
    QString m_root;
    qint64 m_rootId = 0;
    QStringList m_images;
};

void TestScanner::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_catalog = std::make_unique<Catalog>(m_dir->filePath(QStringLiteral("catalog.sqlite")));
    m_root = m_dir->filePath(QStringLiteral("images"));
    QVERIFY(QDir().mkpath(m_root));
    m_rootId = m_catalog->addRoot(m_root);
    m_images.clear();
}

void TestScanner::cleanup()
{
    m_catalog.reset();
    m_dir.reset();
}

void TestScanner::writeStandardSet()
{
    const QStringList names{QStringLiteral("a.png"), QStringLiteral("b.png"), QStringLiteral("c.bmp"),
                            QStringLiteral("d.jpg"), QStringLiteral("nested/e.png"), QStringLiteral("nested/deeper/f.png")};
    int seed = 0;
    for (const QString& name : names) {
        const QString path = m_root + QLatin1Char('/') + name;
        const QString suffix = QFileInfo(name).suffix();
        writeImage(path, ++seed, suffix == QLatin1String("jpg") ? "JPG" : suffix == QLatin1String("bmp") ? "BMP" : "PNG");
        if (QTest::currentTestFailed())
            return;
        m_images.append(path);
    }
}

QSet<QString> TestScanner::writeManyFiles(int count)
{
    QSet<QString> files;
    for (int n = 0; n < count; ++n) {
        const QString folder = QStringLiteral("%1/many/%2").arg(m_root).arg(n % 10);
        if (!QDir().mkpath(folder))
            return {};
        const QString path = QStringLiteral("%1/f%2.png").arg(folder).arg(n, 5, 10, QLatin1Char('0'));
        writeBytes(path, "tiny file " + QByteArray::number(n));
        files.insert(path);
    }
    return files;
}

void TestScanner::firstScanAddsPendingImages()
{
    writeStandardSet();
    const ScanSummary summary = scan();
    QVERIFY2(summary.added == m_images.size() && summary.changed == 0 && summary.renamed == 0 && summary.removed == 0
                 && summary.unchanged == 0 && summary.missingRoots.isEmpty(),
             qPrintable(summaryText(summary)));

    const QList<ImageRecord> records = m_catalog->images(m_rootId);
    QCOMPARE(records.size(), m_images.size());
    QCOMPARE(cataloguedPaths(*m_catalog, m_rootId), QSet<QString>(m_images.begin(), m_images.end()));
    for (const ImageRecord& record : records) {
        QCOMPARE(record.status, ImageStatus::Pending);
        QCOMPARE(record.rootId, m_rootId);
        QCOMPARE(record.size, QFileInfo(record.path).size());
        QCOMPARE(record.mtimeMs, QFileInfo(record.path).lastModified().toMSecsSinceEpoch());
        QCOMPARE(record.contentHash.size(), 16);
    }
    QCOMPARE(m_catalog->images(ImageStatus::Pending).size(), m_images.size());
}

void TestScanner::secondScanFindsNothingNew()
{
    writeStandardSet();
    scan();
    const QList<ImageRecord> before = m_catalog->images(m_rootId);
    const ScanSummary summary = scan();
    QVERIFY2(summary.unchanged == m_images.size() && summary.added == 0 && summary.changed == 0 && summary.renamed == 0
                 && summary.removed == 0,
             qPrintable(summaryText(summary)));
    const QList<ImageRecord> after = m_catalog->images(m_rootId);
    QCOMPARE(after.size(), before.size());
    for (int i = 0; i < after.size(); ++i) {
        QCOMPARE(after[i].id, before[i].id);
        QCOMPARE(after[i].path, before[i].path);
    }
}

void TestScanner::changedContentIsPendingAgain()
{
    writeStandardSet();
    scan();
    // Index two images, so a change is seen to undo it.
    const QString bmp = m_root + QStringLiteral("/c.bmp");
    const auto record = m_catalog->imageByPath(bmp);
    QVERIFY(record);
    m_catalog->setFingerprint(record->id, QStringLiteral("test-method"), {1.0f, 0.0f, 0.0f}, 40, 30);
    const auto other = m_catalog->imageByPath(m_images[0]);
    m_catalog->setFingerprint(other->id, QStringLiteral("test-method"), {0.0f, 1.0f, 0.0f}, 40, 30);

    // Same format and dimensions, so the same byte count: only the time and the
    // content tell the change. The time is set explicitly past the old one.
    const qint64 sizeBefore = QFileInfo(bmp).size();
    writeImage(bmp, 99, "BMP");
    QCOMPARE(QFileInfo(bmp).size(), sizeBefore);
    setModified(bmp, QDateTime::fromMSecsSinceEpoch(record->mtimeMs).addSecs(10));

    const ScanSummary summary = scan();
    QVERIFY2(summary.changed == 1 && summary.unchanged == m_images.size() - 1 && summary.added == 0 && summary.renamed == 0
                 && summary.removed == 0,
             qPrintable(summaryText(summary)));
    const auto changed = m_catalog->imageByPath(bmp);
    QVERIFY(changed);
    QCOMPARE(changed->id, record->id);  // still the same image, only pending again
    QCOMPARE(changed->status, ImageStatus::Pending);
    QVERIFY(changed->contentHash != record->contentHash);
    QCOMPARE(changed->mtimeMs, QFileInfo(bmp).lastModified().toMSecsSinceEpoch());
    QVERIFY2(!m_catalog->fingerprint(record->id), "a changed image must lose its old fingerprint");
    QCOMPARE(m_catalog->imagesNeedingFingerprint(QStringLiteral("test-method")).count(record->id), 1);
    // The untouched indexed image keeps its fingerprint.
    QCOMPARE(m_catalog->imageByPath(m_images[0])->status, ImageStatus::Indexed);
    QVERIFY(m_catalog->fingerprint(other->id));

    // The change was recorded: the next scan sees nothing new.
    const ScanSummary again = scan();
    QVERIFY2(again.unchanged == m_images.size() && again.changed == 0, qPrintable(summaryText(again)));
}

void TestScanner::touchedFileIsNotChanged()
{
    writeStandardSet();
    scan();
    const QString path = m_images[1];
    const auto record = m_catalog->imageByPath(path);
    QVERIFY(record);
    m_catalog->setFingerprint(record->id, QStringLiteral("test-method"), {0.5f, 0.5f}, 40, 30);

    const QDateTime touched = QDateTime::fromMSecsSinceEpoch(record->mtimeMs).addSecs(3600);
    setModified(path, touched);
    QCOMPARE(QFileInfo(path).lastModified().toMSecsSinceEpoch(), touched.toMSecsSinceEpoch());

    const ScanSummary summary = scan();
    QVERIFY2(summary.changed == 0 && summary.unchanged == m_images.size() && summary.added == 0 && summary.renamed == 0
                 && summary.removed == 0,
             qPrintable(summaryText(summary)));
    const auto after = m_catalog->imageByPath(path);
    QCOMPARE(after->id, record->id);
    QCOMPARE(after->status, ImageStatus::Indexed);
    QVERIFY(m_catalog->fingerprint(record->id));
    // The new time is stored, so the file is not hashed again on every scan.
    QCOMPARE(after->mtimeMs, touched.toMSecsSinceEpoch());
}

void TestScanner::deletedFileIsRemoved()
{
    writeStandardSet();
    scan();
    const QString gone = m_images[4];  // nested/e.png
    const auto record = m_catalog->imageByPath(gone);
    QVERIFY(record);
    m_catalog->setFingerprint(record->id, QStringLiteral("test-method"), {1.0f, 2.0f}, 40, 30);
    QVERIFY(QFile::remove(gone));

    const ScanSummary summary = scan();
    QVERIFY2(summary.removed == 1 && summary.unchanged == m_images.size() - 1 && summary.added == 0 && summary.renamed == 0
                 && summary.changed == 0,
             qPrintable(summaryText(summary)));
    QVERIFY(!m_catalog->imageByPath(gone));
    QVERIFY(!m_catalog->image(record->id));
    QVERIFY(!m_catalog->fingerprint(record->id));
    QCOMPARE(m_catalog->images(m_rootId).size(), m_images.size() - 1);
}

void TestScanner::movedFileStaysInItsCollections()
{
    writeStandardSet();
    scan();
    const QString from = m_images[1];  // b.png
    const QString to = m_root + QStringLiteral("/sorted/b-renamed.png");
    const qint64 spring = m_catalog->createCollection(QStringLiteral("Spring"));
    m_catalog->addToCollection(spring, m_catalog->imageByPath(from)->id);
    m_catalog->addToCollection(Catalog::kFavourites, m_catalog->imageByPath(from)->id);
    QVERIFY(QDir().mkpath(QFileInfo(to).absolutePath()));
    QVERIFY(QFile::rename(from, to));

    const ScanSummary summary = scan();
    QVERIFY2(summary.renamed == 1, qPrintable(summaryText(summary)));
    for (qint64 collection : {spring, Catalog::kFavourites}) {
        const QList<ImageRecord> kept = m_catalog->collectionImages(collection);
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept[0].path, to);
    }
}

void TestScanner::movedFileKeepsItsFingerprint()
{
    writeStandardSet();
    scan();
    const QString from = m_images[0];  // a.png
    const QString to = m_root + QStringLiteral("/moved/into/sub/renamed.png");
    const auto record = m_catalog->imageByPath(from);
    QVERIFY(record);
    const std::vector<float> vector{0.25f, -0.5f, 0.75f, 1.0f};
    m_catalog->setFingerprint(record->id, QStringLiteral("test-method"), vector, 40, 30);
    const std::vector<float> stored = m_catalog->fingerprint(record->id)->vector;

    QVERIFY(QDir().mkpath(QFileInfo(to).absolutePath()));
    QVERIFY(QFile::rename(from, to));

    const ScanSummary summary = scan();
    QVERIFY2(summary.renamed == 1 && summary.added == 0 && summary.removed == 0 && summary.changed == 0
                 && summary.unchanged == m_images.size() - 1,
             qPrintable(summaryText(summary)));
    QVERIFY(!m_catalog->imageByPath(from));
    const auto moved = m_catalog->imageByPath(to);
    QVERIFY(moved);
    QCOMPARE(moved->rootId, m_rootId);
    QCOMPARE(moved->contentHash, record->contentHash);
    QCOMPARE(moved->status, ImageStatus::Indexed);
    QCOMPARE(moved->width, 40);
    QCOMPARE(moved->height, 30);
    const auto fingerprint = m_catalog->fingerprint(moved->id);
    QVERIFY2(fingerprint, "the moved image must carry its fingerprint");
    QCOMPARE(fingerprint->method, QStringLiteral("test-method"));
    QCOMPARE(fingerprint->vector, stored);
    QVERIFY(m_catalog->imagesNeedingFingerprint(QStringLiteral("test-method")).count(moved->id) == 0);
    QCOMPARE(m_catalog->images(m_rootId).size(), m_images.size());

    // A moved image without a fingerprint stays pending.
    const QString from2 = m_images[3];  // d.jpg
    const QString to2 = m_root + QStringLiteral("/nested/d-renamed.jpg");
    QVERIFY(QFile::rename(from2, to2));
    const ScanSummary second = scan();
    QVERIFY2(second.renamed == 1 && second.added == 0 && second.removed == 0, qPrintable(summaryText(second)));
    QVERIFY(!m_catalog->imageByPath(from2));
    QCOMPARE(m_catalog->imageByPath(to2)->status, ImageStatus::Pending);

    // A copy is a new image, not a move: both keep their entries.
    const QString copy = m_root + QStringLiteral("/copy-of-renamed.png");
    QVERIFY(QFile::copy(to, copy));
    const ScanSummary third = scan();
    QVERIFY2(third.added == 1 && third.renamed == 0 && third.removed == 0, qPrintable(summaryText(third)));
    QVERIFY(m_catalog->imageByPath(to));
    QCOMPARE(m_catalog->imageByPath(copy)->status, ImageStatus::Pending);
}

void TestScanner::onlyImageSuffixesAreScanned()
{
    writeImage(m_root + QStringLiteral("/upper.JPG"), 1, "JPG");
    writeImage(m_root + QStringLiteral("/Mixed.Png"), 2, "PNG");
    writeImage(m_root + QStringLiteral("/photo.jpeg"), 3, "JPG");
    writeImage(m_root + QStringLiteral("/scan.tif"), 4, "TIFF");
    writeImage(m_root + QStringLiteral("/a/b/c/d/deep.png"), 5, "PNG");
    writeBytes(m_root + QStringLiteral("/IMG_0001.HEIC"), "a phone photo");   // read by content later
    // Not images Weft scans, even when they hold image bytes.
    writeImage(m_root + QStringLiteral("/not-scanned.psd"), 6, "PNG");
    writeBytes(m_root + QStringLiteral("/notes.txt"), "a text file\n");
    writeBytes(m_root + QStringLiteral("/no-suffix"), "x");
    writeImage(m_root + QStringLiteral("/image.png.bak"), 7, "PNG");
    QVERIFY(QDir().mkpath(m_root + QStringLiteral("/folder.png")));  // a folder with an image suffix

    const ScanSummary summary = scan();
    const QSet<QString> expected{m_root + QStringLiteral("/upper.JPG"), m_root + QStringLiteral("/Mixed.Png"),
                                 m_root + QStringLiteral("/photo.jpeg"), m_root + QStringLiteral("/scan.tif"),
                                 m_root + QStringLiteral("/a/b/c/d/deep.png"), m_root + QStringLiteral("/IMG_0001.HEIC")};
    QVERIFY2(summary.added == expected.size(), qPrintable(summaryText(summary)));
    QCOMPARE(cataloguedPaths(*m_catalog, m_rootId), expected);
}

void TestScanner::missingRootKeepsItsImages()
{
    writeStandardSet();
    const QString driveRoot = m_dir->filePath(QStringLiteral("drive"));
    writeImage(driveRoot + QStringLiteral("/x.png"), 40, "PNG");
    writeImage(driveRoot + QStringLiteral("/sub/y.png"), 41, "PNG");
    const qint64 driveId = m_catalog->addRoot(driveRoot);
    const ScanSummary first = scan();
    QVERIFY2(first.added == m_images.size() + 2, qPrintable(summaryText(first)));
    const auto x = m_catalog->imageByPath(driveRoot + QStringLiteral("/x.png"));
    QVERIFY(x);
    m_catalog->setFingerprint(x->id, QStringLiteral("test-method"), {1.0f}, 40, 30);

    // The drive is unplugged, and meanwhile a file of the other folder is deleted.
    QVERIFY(QDir().rename(driveRoot, m_dir->filePath(QStringLiteral("drive-unplugged"))));
    QVERIFY(QFile::remove(m_images[2]));
    const ScanSummary summary = scan();
    QCOMPARE(summary.missingRoots, QStringList{driveRoot});
    QVERIFY2(summary.removed == 1 && summary.unchanged == m_images.size() - 1 && summary.added == 0, qPrintable(summaryText(summary)));
    QCOMPARE(cataloguedPaths(*m_catalog, driveId),
             (QSet<QString>{driveRoot + QStringLiteral("/x.png"), driveRoot + QStringLiteral("/sub/y.png")}));
    QCOMPARE(m_catalog->image(x->id)->status, ImageStatus::Indexed);
    QVERIFY(m_catalog->fingerprint(x->id));

    // Plugged in again: everything is as it was.
    QVERIFY(QDir().rename(m_dir->filePath(QStringLiteral("drive-unplugged")), driveRoot));
    const ScanSummary back = scan();
    QVERIFY2(back.missingRoots.isEmpty() && back.unchanged == m_images.size() - 1 + 2 && back.added == 0 && back.removed == 0,
             qPrintable(summaryText(back)));
}

void TestScanner::reportsProgress()
{
    writeStandardSet();
    CountingObserver observer;
    scan(&observer);
    QVERIFY(!observer.reports.empty());
    qint64 lastDone = 0;
    for (const ProgressReport& report : observer.reports) {
        QCOMPARE(report.phase, ProgressPhase::Scanning);
        QCOMPARE(report.total, qint64(m_images.size()));
        QVERIFY(report.done > lastDone);
        lastDone = report.done;
    }
    QCOMPARE(lastDone, qint64(m_images.size()));
}

// A change in the library folder itself is scanned without the folders inside it,
// so a watched change costs what is in the changed folders only.
void TestScanner::scanFoldersLooksOnlyIntoThoseFolders()
{
    writeStandardSet();
    scan();
    const QString topNew = m_root + QStringLiteral("/top-new.png");
    const QString nestedNew = m_root + QStringLiteral("/nested/new.png");
    writeImage(topNew, 50, "PNG");
    writeImage(nestedNew, 51, "PNG");
    QVERIFY(QFile::remove(m_images[5]));   // nested/deeper/f.png

    const ScanSummary top = scanFolders({m_root});
    QVERIFY2(top.added == 1 && top.unchanged == 4 && top.removed == 0 && top.changed == 0 && top.renamed == 0,
             qPrintable(summaryText(top)));
    QVERIFY(m_catalog->imageByPath(topNew));
    QVERIFY2(!m_catalog->imageByPath(nestedNew), "nested/ was not asked for");
    QVERIFY2(m_catalog->imageByPath(m_images[5]), "nested/deeper/ was not asked for");

    const ScanSummary nested = scanFolders({m_root + QStringLiteral("/nested"), m_root + QStringLiteral("/nested/deeper")});
    QVERIFY2(nested.added == 1 && nested.removed == 1 && nested.unchanged == 1 && nested.changed == 0 && nested.renamed == 0,
             qPrintable(summaryText(nested)));
    QVERIFY(m_catalog->imageByPath(nestedNew));
    QVERIFY(!m_catalog->imageByPath(m_images[5]));
    QCOMPARE(m_catalog->images(m_rootId).size(), m_images.size() + 1);
}

void TestScanner::scanFoldersRecognisesAMoveBetweenThem()
{
    writeStandardSet();
    scan();
    const auto record = m_catalog->imageByPath(m_images[0]);   // a.png
    m_catalog->setFingerprint(record->id, QStringLiteral("test-method"), {0.5f, 0.5f}, 40, 30);
    const QString to = m_root + QStringLiteral("/nested/a.png");
    QVERIFY(QFile::rename(m_images[0], to));

    const ScanSummary summary = scanFolders({m_root, m_root + QStringLiteral("/nested")});
    QVERIFY2(summary.renamed == 1 && summary.added == 0 && summary.removed == 0, qPrintable(summaryText(summary)));
    const auto moved = m_catalog->imageByPath(to);
    QVERIFY(moved);
    QVERIFY2(m_catalog->fingerprint(moved->id), "the moved image must carry its fingerprint");
}

void TestScanner::goneFolderTakesItsImagesOut()
{
    writeStandardSet();
    scan();
    QVERIFY(QDir(m_root + QStringLiteral("/nested")).removeRecursively());
    const ScanSummary summary = scanFolders({m_root + QStringLiteral("/nested")});
    QVERIFY2(summary.removed == 2 && summary.added == 0 && summary.unchanged == 0, qPrintable(summaryText(summary)));
    QVERIFY(!m_catalog->imageByPath(m_images[4]));
    QVERIFY(!m_catalog->imageByPath(m_images[5]));
    QCOMPARE(m_catalog->images(m_rootId).size(), m_images.size() - 2);
}

void TestScanner::foldersOfAMissingRootKeepTheirImages()
{
    writeStandardSet();
    scan();
    QVERIFY(QDir(m_root).removeRecursively());   // as an unplugged drive looks
    const ScanSummary summary = scanFolders({m_root + QStringLiteral("/nested")});
    QCOMPARE(summary.missingRoots, QStringList{m_root});
    QCOMPARE(summary.removed, 0);
    QCOMPARE(m_catalog->images(m_rootId).size(), m_images.size());
}

// A scan of a large folder stops between two files when asked, keeps the files it
// has looked at, and takes nothing out that it has not reached; the next scan
// finishes the work.
void TestScanner::stopKeepsWhatIsDone()
{
    constexpr int kFiles = 2000;
    const QSet<QString> files = writeManyFiles(kFiles);
    QCOMPARE(files.size(), kFiles);

    // Asked before the first file: nothing is catalogued.
    StoppingObserver atOnce(0);
    scan(&atOnce);
    QVERIFY2(cataloguedPaths(*m_catalog, m_rootId).isEmpty(), "a scan stopped before its first file catalogued images");

    StoppingObserver partWay(300);
    scan(&partWay);
    const QList<ImageRecord> kept = m_catalog->images(m_rootId);
    QVERIFY2(!kept.isEmpty() && kept.size() < kFiles,
             qPrintable(QStringLiteral("a scan stopped part way catalogued %1 of %2 files").arg(kept.size()).arg(kFiles)));
    for (const ImageRecord& record : kept) {
        QVERIFY2(files.contains(record.path), qPrintable(record.path));
        QCOMPARE(record.status, ImageStatus::Pending);
        QCOMPARE(record.contentHash, contentHash(record.path));
        QCOMPARE(record.size, QFileInfo(record.path).size());
    }

    const ScanSummary rest = scan();
    QVERIFY2(rest.added == kFiles - kept.size() && rest.unchanged == kept.size() && rest.removed == 0 && rest.renamed == 0,
             qPrintable(summaryText(rest)));
    QCOMPARE(cataloguedPaths(*m_catalog, m_rootId), files);

    // A rescan stopped part way takes out none of the files it has not reached.
    StoppingObserver rescan(100);
    scan(&rescan);
    QCOMPARE(cataloguedPaths(*m_catalog, m_rootId), files);
}

// The app's Cancel (and Quit, which cancels) reaches a scan under way: the worker
// stops it between two files, keeping those done, and does not index.
void TestScanner::cancelStopsTheWorkersScan()
{
    constexpr int kFiles = 2000;
    QCOMPARE(writeManyFiles(kFiles).size(), kFiles);
    m_catalog.reset();   // the library opens the catalog itself
    const QString libraryFolder = m_dir->filePath(QStringLiteral("library"));
    Library library(libraryFolder, MethodConfig::fromOverrides(QStringLiteral("size=64,grid=0,det=none")));
    library.catalog().addRoot(m_root);
    IndexingWorker worker(library, nullptr);
    // Signals are direct here: the worker runs on this thread.
    connect(&worker, &IndexingWorker::progressed, &worker, [&](const ProgressReport& report) {
        if (report.phase == ProgressPhase::Scanning && report.done == 300)
            worker.cancel();
    });
    QSignalSpy finished(&worker, &IndexingWorker::finished);
    worker.update();
    QCOMPARE(finished.count(), 1);
    const IndexSummary summary = finished.front().front().value<IndexSummary>();
    QVERIFY(summary.stopped);
    const qint64 catalogued = library.catalog().images(library.catalog().roots().front().id).size();
    QVERIFY2(catalogued > 0 && catalogued < kFiles,
             qPrintable(QStringLiteral("a cancelled scan catalogued %1 of %2 files").arg(catalogued).arg(kFiles)));
}

QTEST_GUILESS_MAIN(TestScanner)
#include "tst_scanner.moc"
