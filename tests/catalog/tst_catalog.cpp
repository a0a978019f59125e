#include "core/catalog/Catalog.h"
#include "core/common/Error.h"
#include "CatalogTestSupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

using namespace weft;

namespace {

quint32 bitsOf(float value)
{
    quint32 bits;
    std::memcpy(&bits, &value, sizeof bits);
    return bits;
}

// Whether a fingerprint read back is the unit vector of what was written (stored
// with one byte per value, QuantizedVector.h).
bool sameDirection(const std::vector<float>& read, const std::vector<float>& written)
{
    if (read.size() != written.size())
        return false;
    double length = 0;
    for (float v : written)
        length += double(v) * v;
    for (std::size_t i = 0; i < read.size(); ++i)
        if (std::fabs(read[i] - written[i] / std::sqrt(length)) > 0.01)
            return false;
    return true;
}

ImageRecord makeImage(qint64 rootId, const QString& path, ImageStatus status = ImageStatus::Pending)
{
    ImageRecord record;
    record.rootId = rootId;
    record.path = path;
    record.size = 1234;
    record.mtimeMs = 1700000000123;
    record.contentHash = QByteArray::fromHex("00ff10aa");
    record.width = 64;
    record.height = 32;
    record.status = status;
    return record;
}

// Restores a mode on scope exit so that QTemporaryDir can clean up after a failure.
struct RestorePermissions {
    QString path;
    QFile::Permissions permissions;
    ~RestorePermissions() { QFile::setPermissions(path, permissions); }
};

}  // namespace

class TestCatalog : public QObject {
    Q_OBJECT

private slots:
    void freshCatalogHasCurrentSchema();
    void creatingInMissingFolderFails();
    void rootsAreIdempotent();
    void folderInsideARootIsRefused();
    void parentFolderTakesInTheRootsInsideIt();
    void nestedRootsOfAnOlderCatalogAreFolded();
    void imagesUnderAFolder();
    void imagesDirectlyInAFolder();
    void subfoldersInTreeOrder();
    void indexedImagesUnderAFolder();
    void upsertKeepsIdOnUpdate();
    void relativePathsAreRejected();
    void fingerprintsAreStoredQuantized();
    void generationsRecordEveryChange();
    void staleFingerprintsAndCounts();
    void prevailingMethodIsThatOfMostFingerprints();
    void setFailedDropsFingerprintAndRecordsError();
    void writesToMissingImagesFail();
    void removeRootCascades();
    void removeImageDropsFingerprint();
    void metaRoundTrip();
    void uncommittedTransactionIsRolledBack();
    void nestedTransactionRollsBackOnlyItself();
    void migratesVersion1AndKeepsRows();
    void migratesVersion2AndKeepsRows();
    void componentsRoundTripExactly();
    void componentsNeedingAndStaleDetector();
    void componentsGoWithTheirImage();
    void newerSchemaIsRefusedAndFileUnchanged();
    void nonSqliteFileGivesError();
    void foreignSqliteDatabaseIsRefused();
    void damagedFingerprintBlobIsReported();
    void unknownStatusIsSetAside();
    void emptyFileRefused();
    void truncatedFileSaysWhatToDo();
    void readOnlyFileOpensForReading();
    void readOnlyFolder();
};

void TestCatalog::freshCatalogHasCurrentSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    {
        Catalog catalog(path);
        QCOMPARE(catalog.schemaVersion(), Catalog::kSchemaVersion);
        QVERIFY(!catalog.isReadOnly());
        QCOMPARE(catalog.path(), QDir::cleanPath(path));
    }
    {
        Catalog reopened(path);
        QCOMPARE(reopened.schemaVersion(), Catalog::kSchemaVersion);
    }
    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), Catalog::kSchemaVersion);
    QCOMPARE(raw.columns(QStringLiteral("projections")), (QStringList{"method", "data"}));
    QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(), QStringLiteral("wal"));
    QVERIFY(raw.columns(QStringLiteral("fingerprints")).contains(QStringLiteral("seq")));
    QVERIFY(raw.columns(QStringLiteral("fingerprints")).contains(QStringLiteral("encoding")));
    QCOMPARE(raw.columns(QStringLiteral("fingerprint_removals")), (QStringList{"seq", "image_id"}));
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'fingerprints'")).toInt(), 3);
    QCOMPARE(raw.value(QStringLiteral("SELECT value FROM generation")).toInt(), 0);
    QCOMPARE(raw.value(QStringLiteral("SELECT length(value) FROM meta WHERE key = 'catalog_id'")).toInt(), 32);
    QVERIFY(raw.columns(QStringLiteral("fingerprints")).contains(QStringLiteral("components_done")));
    QVERIFY(raw.columns(QStringLiteral("images")).contains(QStringLiteral("indexed_at_ms")));
    QVERIFY(raw.columns(QStringLiteral("fingerprints")).contains(QStringLiteral("components_detector")));
    QCOMPARE(raw.columns(QStringLiteral("components")),
             (QStringList{"image_id", "idx", "x", "y", "w", "h", "score", "label", "group_id", "mask"}));
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'images'"
                                      " AND sql LIKE '%status%'"))
                 .toInt(),
             1);
}

void TestCatalog::creatingInMissingFolderFails()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("missing/catalog.db"));
    try {
        Catalog catalog(path);
        QFAIL("a catalog was created in a folder that does not exist");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(dir.filePath(QStringLiteral("missing"))), qPrintable(e.message()));
    }
    QVERIFY(!QFile::exists(path));
}

void TestCatalog::rootsAreIdempotent()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 id = 0;
    {
        Catalog catalog(path);
        id = catalog.addRoot(QStringLiteral("/library/patterns"));
        QCOMPARE(catalog.addRoot(QStringLiteral("/library/patterns/")), id);
        QCOMPARE(catalog.addRoot(QStringLiteral("/library/other/../patterns")), id);
        QVERIFY(catalog.addRoot(QStringLiteral("/library/other")) != id);
    }
    Catalog reopened(path);
    const QList<LibraryRoot> roots = reopened.roots();
    QCOMPARE(roots.size(), 2);
    QCOMPARE(roots[1].id, id);
    QCOMPARE(roots[1].path, QStringLiteral("/library/patterns"));
    QCOMPARE(reopened.addRoot(QStringLiteral("/library/patterns")), id);
}

void TestCatalog::folderInsideARootIsRefused()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 root = catalog.addRoot(QStringLiteral("/library/patterns"));
    const qint64 image = catalog.upsertImage(makeImage(root, QStringLiteral("/library/patterns/florals/rose.png")));
    try {
        catalog.addRoot(QStringLiteral("/library/patterns/florals"));
        QFAIL("a folder inside a library folder was added as a folder of its own");
    } catch (const Error& error) {
        QVERIFY2(error.message().contains(QStringLiteral("/library/patterns/florals"))
                     && error.message().contains(QStringLiteral("through /library/patterns")),
                 qPrintable(error.message()));
    }
    QCOMPARE(catalog.roots().size(), 1);
    QCOMPARE(catalog.image(image)->rootId, root);
    // A name that only starts like the root is a folder of its own.
    QVERIFY(catalog.addRoot(QStringLiteral("/library/patterns-old")) != root);
    QCOMPARE(catalog.roots().size(), 2);
}

void TestCatalog::parentFolderTakesInTheRootsInsideIt()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 florals = catalog.addRoot(QStringLiteral("/library/patterns/florals"));
    const qint64 checks = catalog.addRoot(QStringLiteral("/library/patterns/woven/checks"));
    const qint64 other = catalog.addRoot(QStringLiteral("/library/patterns-old"));
    const QList<qint64> inside{catalog.upsertImage(makeImage(florals, QStringLiteral("/library/patterns/florals/rose.png"))),
                               catalog.upsertImage(makeImage(checks, QStringLiteral("/library/patterns/woven/checks/gingham.png")))};
    const qint64 outside = catalog.upsertImage(makeImage(other, QStringLiteral("/library/patterns-old/paisley.png")));
    for (qint64 id : inside)
        catalog.setFingerprint(id, QStringLiteral("m1"), {1.0f, 2.0f, 3.0f}, 64, 32);
    const quint64 generation = catalog.generation();

    const qint64 patterns = catalog.addRoot(QStringLiteral("/library/patterns"));
    QCOMPARE(catalog.addRoot(QStringLiteral("/library/patterns")), patterns);
    const QList<LibraryRoot> roots = catalog.roots();
    QCOMPARE(roots.size(), 2);
    QCOMPARE(roots[0].path, QStringLiteral("/library/patterns"));
    QCOMPARE(roots[1].id, other);
    // The images moved root, nothing else: same ids, still indexed with their
    // fingerprints, and no fingerprint was written (the search index has nothing to do).
    for (qint64 id : inside) {
        QCOMPARE(catalog.image(id)->rootId, patterns);
        QCOMPARE(catalog.image(id)->status, ImageStatus::Indexed);
        QVERIFY(catalog.fingerprint(id));
    }
    QCOMPARE(catalog.images(patterns).size(), 2);
    QCOMPARE(catalog.image(outside)->rootId, other);
    QCOMPARE(catalog.generation(), generation);
    QCOMPARE(catalog.counts(QStringLiteral("m1"), patterns).indexed, 2);
}

void TestCatalog::nestedRootsOfAnOlderCatalogAreFolded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    {
        Catalog catalog(path);
        QCOMPARE(catalog.foldNestedRoots(), 0);   // nothing to fold
    }
    {
        // What older versions wrote: a folder, a folder inside it and one inside that.
        RawDb raw(path);
        raw.exec(QStringLiteral("INSERT INTO roots(id, path) VALUES(1, '/lib/a'), (2, '/lib'), (3, '/lib/a/b'), (4, '/other')"));
        raw.exec(QStringLiteral("INSERT INTO images(id, root_id, path, status) VALUES(10, 1, '/lib/a/x.png', 0), (11, 3, '/lib/a/b/y.png', 0),"
                                " (12, 2, '/lib/z.png', 0), (13, 4, '/other/w.png', 0)"));
    }
    Catalog catalog(path);
    QCOMPARE(catalog.foldNestedRoots(), 2);
    const QList<LibraryRoot> roots = catalog.roots();
    QCOMPARE(roots.size(), 2);
    QCOMPARE(roots[0].id, 2);
    QCOMPARE(roots[1].id, 4);
    for (qint64 id : {10, 11, 12})
        QCOMPARE(catalog.image(id)->rootId, 2);
    QCOMPARE(catalog.image(13)->rootId, 4);
    QCOMPARE(catalog.foldNestedRoots(), 0);
}

void TestCatalog::imagesUnderAFolder()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
    QList<qint64> ids;
    for (const char* path : {"/lib/a/x.png", "/lib/ab/w.png", "/lib/a/deep/z.png", "/lib/b/y.png", "/lib/a%/q.png", "/lib/a_/r.png", "/lib/a.png"})
        ids.append(catalog.upsertImage(makeImage(root, QString::fromLatin1(path))));
    QCOMPARE(catalog.imageIdsUnder(QStringLiteral("/lib/a")), (std::vector<qint64>{ids[0], ids[2]}));
    QCOMPARE(catalog.imageIdsUnder(QStringLiteral("/lib/a/")), (std::vector<qint64>{ids[0], ids[2]}));
    QCOMPARE(catalog.imageIdsUnder(QStringLiteral("/lib/a%")), (std::vector<qint64>{ids[4]}));   // no wildcards
    QCOMPARE(catalog.imageIdsUnder(QStringLiteral("/lib")).size(), std::size_t(ids.size()));
    QCOMPARE(catalog.imageIdsUnder(QStringLiteral("/")).size(), std::size_t(ids.size()));
    QVERIFY(catalog.imageIdsUnder(QStringLiteral("/lib/c")).empty());
    QVERIFY_THROWS_EXCEPTION(Error, catalog.imageIdsUnder(QStringLiteral("lib/a")));
}

// The records a scan of one folder compares with: those directly in it, or, for a
// folder that is gone, all under it. Characters outside the BMP take two UTF-16
// units but are one character to SQLite.
void TestCatalog::imagesDirectlyInAFolder()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
    const QStringList paths{QStringLiteral("/lib/a/x.png"), QStringLiteral("/lib/a/deep/z.png"), QStringLiteral("/lib/ab/w.png"),
                            QStringLiteral("/lib/a.png"), QStringLiteral("/lib/🧵🧶/y.png"), QStringLiteral("/lib/🧵🧶/ab/v.png")};
    for (const QString& path : paths)
        catalog.upsertImage(makeImage(root, path));
    auto pathsOf = [](const QList<ImageRecord>& records) {
        QStringList result;
        for (const ImageRecord& record : records)
            result.append(record.path);
        return result;
    };
    QCOMPARE(pathsOf(catalog.imagesIn(QStringLiteral("/lib/a"), Catalog::Depth::Direct)), QStringList{paths[0]});
    QCOMPARE(pathsOf(catalog.imagesIn(QStringLiteral("/lib/a/"), Catalog::Depth::Everything)), (QStringList{paths[1], paths[0]}));
    QCOMPARE(pathsOf(catalog.imagesIn(QStringLiteral("/lib"), Catalog::Depth::Direct)), QStringList{paths[3]});
    QCOMPARE(pathsOf(catalog.imagesIn(QStringLiteral("/lib/🧵🧶"), Catalog::Depth::Direct)), QStringList{paths[4]});
    QCOMPARE(pathsOf(catalog.imagesIn(QStringLiteral("/lib/🧵🧶"), Catalog::Depth::Everything)), (QStringList{paths[5], paths[4]}));
    QVERIFY(catalog.imagesIn(QStringLiteral("/lib/c"), Catalog::Depth::Everything).isEmpty());
}

void TestCatalog::subfoldersInTreeOrder()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
    const qint64 other = catalog.addRoot(QStringLiteral("/other"));
    for (const char* path : {"/lib/x.png", "/lib/a/b/c/y.png", "/lib/a b/z.png", "/lib/a/w.png", "/lib/a/b/c/v.png", "/lib/B/u.png"})
        catalog.upsertImage(makeImage(root, QString::fromLatin1(path)));
    catalog.upsertImage(makeImage(other, QStringLiteral("/other/d/t.png")));
    // "/lib/a/b" holds no image itself, but is the way to one.
    QCOMPARE(catalog.subfolders(root), (QStringList{"/lib/B", "/lib/a", "/lib/a/b", "/lib/a/b/c", "/lib/a b"}));
    QCOMPARE(catalog.subfolders(other), QStringList{"/other/d"});
    QVERIFY(catalog.subfolders(other + 1).isEmpty());
}

void TestCatalog::indexedImagesUnderAFolder()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
    for (const char* path : {"/lib/a/x.png", "/lib/ab/w.png", "/lib/a/deep/z.png", "/lib/a/b%/y.png", "/lib/a.png"})
        catalog.upsertImage(makeImage(root, QString::fromLatin1(path), ImageStatus::Indexed));
    catalog.upsertImage(makeImage(root, QStringLiteral("/lib/a/pending.png")));
    const qint64 failed = catalog.upsertImage(makeImage(root, QStringLiteral("/lib/a/failed.png")));
    catalog.setFailed(failed, QStringLiteral("damaged"));

    QStringList paths;
    for (const ImageRecord& image : catalog.indexedImages(QStringLiteral("/lib/a")))
        paths.append(image.path);
    QCOMPARE(paths, (QStringList{"/lib/a/b%/y.png", "/lib/a/deep/z.png", "/lib/a/x.png"}));
    QCOMPARE(catalog.indexedImages(QString()).size(), 5);
    QVERIFY(catalog.indexedImages(QStringLiteral("/lib/c")).isEmpty());
    QVERIFY_THROWS_EXCEPTION(Error, catalog.indexedImages(QStringLiteral("lib/a")));
}

void TestCatalog::upsertKeepsIdOnUpdate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 id = 0;
    qint64 root = 0;
    {
        Catalog catalog(path);
        root = catalog.addRoot(QStringLiteral("/lib"));
        id = catalog.upsertImage(makeImage(root, QStringLiteral("/lib/a.png")));
        catalog.upsertImage(makeImage(root, QStringLiteral("/lib/b.png")));
        ImageRecord changed = makeImage(root, QStringLiteral("/lib/./a.png"));
        changed.size = 99;
        changed.mtimeMs = 42;
        changed.contentHash = QByteArray::fromHex("deadbeef");
        changed.width = 7;
        changed.height = 9;
        changed.status = ImageStatus::Failed;
        changed.error = QStringLiteral("truncated PNG");
        catalog.upsertImage(changed);
    }
    Catalog reopened(path);
    const std::optional<ImageRecord> a = reopened.imageByPath(QStringLiteral("/lib/a.png"));
    QVERIFY(a);
    QCOMPARE(a->id, id);
    QCOMPARE(a->rootId, root);
    QCOMPARE(a->path, QStringLiteral("/lib/a.png"));
    QCOMPARE(a->size, 99);
    QCOMPARE(a->mtimeMs, 42);
    QCOMPARE(a->contentHash, QByteArray::fromHex("deadbeef"));
    QCOMPARE(a->width, 7);
    QCOMPARE(a->height, 9);
    QCOMPARE(a->status, ImageStatus::Failed);
    QCOMPARE(a->error, QStringLiteral("truncated PNG"));
    QCOMPARE(reopened.image(id)->path, QStringLiteral("/lib/a.png"));

    const QList<ImageRecord> all = reopened.images(root);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].path, QStringLiteral("/lib/a.png"));
    QCOMPARE(all[1].path, QStringLiteral("/lib/b.png"));
    QCOMPARE(all[1].mtimeMs, 1700000000123);
    QVERIFY(!reopened.image(id + 1000));
    QVERIFY(!reopened.imageByPath(QStringLiteral("/lib/none.png")));
}

void TestCatalog::relativePathsAreRejected()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.addRoot(QStringLiteral("relative/folder")));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.upsertImage(makeImage(0, QStringLiteral("a.png"))));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.imageByPath(QString()));
    QVERIFY(catalog.roots().isEmpty());
}

void TestCatalog::fingerprintsAreStoredQuantized()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    std::vector<float> written(300);
    for (std::size_t i = 0; i < written.size(); ++i)
        written[i] = float(std::sin(double(i) * 0.37)) * 3.0f;
    qint64 id = 0;
    {
        Catalog catalog(path);
        id = catalog.upsertImage(makeImage(catalog.addRoot(QStringLiteral("/lib")), QStringLiteral("/lib/a.png")));
        catalog.setFingerprint(id, QStringLiteral("m1"), written, 640, 480);
    }
    std::vector<float> read;
    {
        Catalog reopened(path);
        const std::optional<StoredFingerprint> stored = reopened.fingerprint(id);
        QVERIFY(stored);
        QCOMPARE(stored->imageId, id);
        QCOMPARE(stored->method, QStringLiteral("m1"));
        QCOMPARE(stored->vector.size(), written.size());
        // The unit vector of what was written, to a byte per value.
        double length = 0, dot = 0;
        for (std::size_t i = 0; i < written.size(); ++i) {
            length += double(written[i]) * written[i];
            dot += double(written[i]) * stored->vector[i];
        }
        QVERIFY2(dot / std::sqrt(length) > 0.9999, qPrintable(QString::number(dot / std::sqrt(length))));
        read = stored->vector;

        const std::vector<StoredFingerprint> all = reopened.fingerprints(QStringLiteral("m1")).readable;
        QCOMPARE(all.size(), size_t(1));
        QCOMPARE(all[0].vector, read);
        QCOMPARE(reopened.fingerprintIds(QStringLiteral("m1")), (std::vector<qint64>{id}));
        QVERIFY(reopened.fingerprints(QStringLiteral("m2")).readable.empty());

        const std::optional<ImageRecord> image = reopened.image(id);
        QCOMPARE(image->status, ImageStatus::Indexed);
        QCOMPARE(image->width, 640);
        QCOMPARE(image->height, 480);
    }
    // The on-disk format is QuantizedVector.h's, marked as such, and storing what was
    // read back gives the same bytes.
    RawDb raw(path);
    const QByteArray blob = raw.value(QStringLiteral("SELECT vector FROM fingerprints WHERE image_id = ?"), {id}).toByteArray();
    QCOMPARE(blob.size(), qsizetype(4 + written.size()));
    QCOMPARE(raw.value(QStringLiteral("SELECT encoding FROM fingerprints WHERE image_id = ?"), {id}).toInt(), 1);
    QVERIFY(raw.value(QStringLiteral("SELECT indexed_at_ms FROM images WHERE id = ?"), {id}).toLongLong() > 0);
    {
        Catalog catalog(path);
        catalog.setFingerprint(id, QStringLiteral("m1"), read, 640, 480);
    }
    QCOMPARE(raw.value(QStringLiteral("SELECT vector FROM fingerprints WHERE image_id = ?"), {id}).toByteArray(), blob);

    Catalog catalog(path);
    for (const std::vector<float>& bad : {std::vector<float>(4, 0.0f), std::vector<float>{1.0f, NAN}, std::vector<float>{INFINITY, 1.0f}}) {
        QVERIFY_THROWS_EXCEPTION(Error, catalog.setFingerprint(id, QStringLiteral("m1"), bad, 1, 1));
        QCOMPARE(catalog.fingerprint(id)->vector, read);   // the failed write left the old one
    }
}

void TestCatalog::generationsRecordEveryChange()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const QString m1 = QStringLiteral("m1"), m2 = QStringLiteral("m2");
    const qint64 root = catalog.addRoot(QStringLiteral("/lib")), other = catalog.addRoot(QStringLiteral("/other"));
    QList<qint64> ids;
    for (int i = 0; i < 6; ++i)
        ids.append(catalog.upsertImage(makeImage(i < 5 ? root : other, QStringLiteral("/%1/%2.png").arg(i < 5 ? "lib" : "other").arg(i))));
    QCOMPARE(catalog.generation(), quint64(0));
    for (qint64 id : ids)
        catalog.setFingerprint(id, m1, {1.0f, float(id)}, 1, 1);
    const quint64 afterWrites = catalog.generation();
    QCOMPARE(afterWrites, quint64(ids.size()));

    FingerprintChanges all = catalog.fingerprintChangesSince(m1, 0);
    QCOMPARE(all.changed, std::vector<qint64>(ids.begin(), ids.end()));
    QVERIFY(all.removed.empty());
    QVERIFY(all.complete);
    QVERIFY(catalog.fingerprintChangesSince(m1, afterWrites).changed.empty());

    // Each way a fingerprint goes away is logged, and a rewrite counts as a change.
    catalog.setFingerprint(ids[0], m1, {2.0f, 1.0f}, 1, 1);   // rewritten
    catalog.setFailed(ids[1], QStringLiteral("unreadable"));
    catalog.removeImage(ids[2]);
    ImageRecord pending = *catalog.image(ids[3]);
    pending.status = ImageStatus::Pending;
    catalog.upsertImage(pending);                                 // changed on disk: queued again
    catalog.setFingerprint(ids[4], m2, {1.0f, 1.0f}, 1, 1);     // made by another method
    catalog.removeRoot(other);                                    // cascades to ids[5]
    const FingerprintChanges since = catalog.fingerprintChangesSince(m1, afterWrites);
    QCOMPARE(since.changed, (std::vector<qint64>{ids[0]}));
    std::vector<qint64> removed = since.removed;
    std::sort(removed.begin(), removed.end());
    QCOMPARE(removed, (std::vector<qint64>{ids[1], ids[2], ids[3], ids[4], ids[5]}));
    QCOMPARE(catalog.fingerprintChangesSince(m2, afterWrites).changed, (std::vector<qint64>{ids[4]}));
    QCOMPARE(catalog.fingerprintIds(m1), (std::vector<qint64>{ids[0]}));

    // Removed and written again since: only the write is reported.
    catalog.setFingerprint(ids[1], m1, {1.0f, 3.0f}, 1, 1);
    const FingerprintChanges again = catalog.fingerprintChangesSince(m1, afterWrites);
    QVERIFY(std::find(again.changed.begin(), again.changed.end(), ids[1]) != again.changed.end());
    QVERIFY(std::find(again.removed.begin(), again.removed.end(), ids[1]) == again.removed.end());

    // A checkpoint older than the forgotten log cannot catch up from it.
    const quint64 now = catalog.generation();
    catalog.forgetRemovalsUpTo(now);
    QVERIFY(!catalog.fingerprintChangesSince(m1, afterWrites).complete);
    QVERIFY(catalog.fingerprintChangesSince(m1, now).complete);
    QVERIFY(catalog.fingerprintChangesSince(m1, now).removed.empty());

    const QString identity = catalog.catalogId();
    QCOMPARE(identity.size(), 32);
    Catalog reopened(catalog.path());
    QCOMPARE(reopened.catalogId(), identity);
    QCOMPARE(reopened.generation(), now);
}

void TestCatalog::prevailingMethodIsThatOfMostFingerprints()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    QCOMPARE(catalog.prevailingMethod(), std::nullopt);
    const qint64 root = catalog.addRoot(QStringLiteral("/one"));
    std::vector<qint64> ids;
    for (const char* name : {"a", "b", "c", "d"})
        ids.push_back(catalog.upsertImage(makeImage(root, QStringLiteral("/one/%1.png").arg(QLatin1String(name)))));
    // A change of method stopped half-way: b was written last, but a and c keep m1.
    catalog.setFingerprint(ids[0], QStringLiteral("m1"), {1.0f}, 10, 10);
    catalog.setFingerprint(ids[2], QStringLiteral("m1"), {1.0f}, 10, 10);
    catalog.setFingerprint(ids[1], QStringLiteral("m2"), {1.0f}, 10, 10);
    QCOMPARE(catalog.prevailingMethod(), QStringLiteral("m1"));
    // As many of each: the one written last.
    catalog.setFingerprint(ids[3], QStringLiteral("m2"), {1.0f}, 10, 10);
    QCOMPARE(catalog.prevailingMethod(), QStringLiteral("m2"));
    // Only Indexed images count.
    catalog.setFailed(ids[1], QStringLiteral("unreadable"));
    QCOMPARE(catalog.prevailingMethod(), QStringLiteral("m1"));
}

void TestCatalog::staleFingerprintsAndCounts()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 r1 = 0, r2 = 0, a = 0, b = 0, c = 0, d = 0, e = 0;
    {
        Catalog catalog(path);
        r1 = catalog.addRoot(QStringLiteral("/one"));
        r2 = catalog.addRoot(QStringLiteral("/two"));
        a = catalog.upsertImage(makeImage(r1, QStringLiteral("/one/a.png")));
        b = catalog.upsertImage(makeImage(r1, QStringLiteral("/one/b.png")));
        c = catalog.upsertImage(makeImage(r1, QStringLiteral("/one/c.png")));
        d = catalog.upsertImage(makeImage(r2, QStringLiteral("/two/d.png")));
        e = catalog.upsertImage(makeImage(r2, QStringLiteral("/two/e.png")));
        catalog.setFingerprint(a, QStringLiteral("m1"), {1.0f, 2.0f}, 10, 10);
        catalog.setFingerprint(b, QStringLiteral("m2"), {3.0f}, 10, 10);
        catalog.setFailed(d, QStringLiteral("unreadable"));
        catalog.setFingerprint(e, QStringLiteral("m1"), {4.0f}, 10, 10);
        // c stays Pending
    }
    Catalog reopened(path);
    QCOMPARE(reopened.imagesNeedingFingerprint(QStringLiteral("m1")), (QList<qint64>{b, c}));
    QCOMPARE(reopened.imagesNeedingFingerprint(QStringLiteral("m2")), (QList<qint64>{a, c, e}));

    const CatalogCounts m1 = reopened.counts(QStringLiteral("m1"));
    QCOMPARE(m1.indexed, 2);
    QCOMPARE(m1.stale, 1);
    QCOMPARE(m1.pending, 1);
    QCOMPARE(m1.failed, 1);
    const CatalogCounts m2 = reopened.counts(QStringLiteral("m2"));
    QCOMPARE(m2.indexed, 1);
    QCOMPARE(m2.stale, 2);
    QCOMPARE(m2.pending, 1);
    QCOMPARE(m2.failed, 1);

    const CatalogCounts m1r1 = reopened.counts(QStringLiteral("m1"), r1);
    QCOMPARE(m1r1.indexed, 1);
    QCOMPARE(m1r1.stale, 1);
    QCOMPARE(m1r1.pending, 1);
    QCOMPARE(m1r1.failed, 0);
    const CatalogCounts m1r2 = reopened.counts(QStringLiteral("m1"), r2);
    QCOMPARE(m1r2.indexed, 1);
    QCOMPARE(m1r2.stale, 0);
    QCOMPARE(m1r2.pending, 0);
    QCOMPARE(m1r2.failed, 1);

    const std::vector<StoredFingerprint> byM1 = reopened.fingerprints(QStringLiteral("m1")).readable;
    QCOMPARE(byM1.size(), size_t(2));
    QCOMPARE(byM1[0].imageId, a);
    QCOMPARE(byM1[1].imageId, e);
    QVERIFY(sameDirection(byM1[1].vector, {4.0f}));
}

void TestCatalog::setFailedDropsFingerprintAndRecordsError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 id = 0;
    {
        Catalog catalog(path);
        id = catalog.upsertImage(makeImage(catalog.addRoot(QStringLiteral("/lib")), QStringLiteral("/lib/a.png")));
        catalog.setFingerprint(id, QStringLiteral("m1"), {1.0f, 2.0f}, 10, 10);
        catalog.setFailed(id, QStringLiteral("Cannot decode /lib/a.png: unexpected end of file"));
    }
    {
        Catalog reopened(path);
        QVERIFY(!reopened.fingerprint(id));
        const std::optional<ImageRecord> image = reopened.image(id);
        QCOMPARE(image->status, ImageStatus::Failed);
        QCOMPARE(image->error, QStringLiteral("Cannot decode /lib/a.png: unexpected end of file"));
        const QList<ImageRecord> failed = reopened.images(ImageStatus::Failed);
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed[0].id, id);
        QCOMPARE(failed[0].error, image->error);
        QCOMPARE(reopened.counts(QStringLiteral("m1")).failed, 1);
        QCOMPARE(reopened.counts(QStringLiteral("m1")).indexed, 0);

        // Indexing it again later clears the error.
        reopened.setFingerprint(id, QStringLiteral("m1"), {5.0f}, 10, 10);
    }
    Catalog again(path);
    QCOMPARE(again.image(id)->status, ImageStatus::Indexed);
    QVERIFY(again.image(id)->error.isEmpty());
    QVERIFY(again.images(ImageStatus::Failed).isEmpty());
}

void TestCatalog::writesToMissingImagesFail()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.setFingerprint(77, QStringLiteral("m1"), {1.0f}, 1, 1));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.setFailed(77, QStringLiteral("x")));
    const qint64 id = catalog.upsertImage(makeImage(0, QStringLiteral("/x.png")));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.setFingerprint(id, QStringLiteral("m1"), {}, 1, 1));
    QVERIFY(!catalog.fingerprint(77));
    QVERIFY(!catalog.fingerprint(id));
    QCOMPARE(catalog.image(id)->rootId, 0);
}

void TestCatalog::removeRootCascades()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 r1 = 0, r2 = 0, a = 0, b = 0, c = 0;
    {
        Catalog catalog(path);
        r1 = catalog.addRoot(QStringLiteral("/one"));
        r2 = catalog.addRoot(QStringLiteral("/two"));
        a = catalog.upsertImage(makeImage(r1, QStringLiteral("/one/a.png")));
        b = catalog.upsertImage(makeImage(r1, QStringLiteral("/one/b.png")));
        c = catalog.upsertImage(makeImage(r2, QStringLiteral("/two/c.png")));
        catalog.setFingerprint(a, QStringLiteral("m1"), {1.0f}, 1, 1);
        catalog.setFingerprint(b, QStringLiteral("m1"), {2.0f}, 1, 1);
        catalog.setFingerprint(c, QStringLiteral("m1"), {3.0f}, 1, 1);
        catalog.removeRoot(r1);
    }
    {
        Catalog reopened(path);
        QCOMPARE(reopened.roots().size(), 1);
        QCOMPARE(reopened.roots()[0].id, r2);
        QVERIFY(reopened.images(r1).isEmpty());
        QVERIFY(!reopened.image(a));
        QVERIFY(!reopened.fingerprint(a));
        QVERIFY(!reopened.fingerprint(b));
        QCOMPARE(reopened.images(r2).size(), 1);
        QVERIFY(sameDirection(reopened.fingerprint(c)->vector, {3.0f}));
    }
    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM fingerprints")).toInt(), 1);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM images")).toInt(), 1);
}

void TestCatalog::removeImageDropsFingerprint()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 a = 0;
    {
        Catalog catalog(path);
        a = catalog.upsertImage(makeImage(catalog.addRoot(QStringLiteral("/lib")), QStringLiteral("/lib/a.png")));
        catalog.setFingerprint(a, QStringLiteral("m1"), {1.0f}, 1, 1);
        catalog.removeImage(a);
    }
    Catalog reopened(path);
    QVERIFY(!reopened.image(a));
    QVERIFY(!reopened.fingerprint(a));
    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM fingerprints")).toInt(), 0);
}

void TestCatalog::metaRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    {
        Catalog catalog(path);
        catalog.setMeta(QStringLiteral("method"), QStringLiteral("first"));
        catalog.setMeta(QStringLiteral("method"), QStringLiteral("second"));
    }
    Catalog reopened(path);
    QCOMPARE(reopened.meta(QStringLiteral("method")), QStringLiteral("second"));
    QCOMPARE(reopened.meta(QStringLiteral("absent"), QStringLiteral("fallback")), QStringLiteral("fallback"));
}

void TestCatalog::uncommittedTransactionIsRolledBack()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    {
        Catalog catalog(path);
        {
            Catalog::Transaction tx(catalog);
            const qint64 root = catalog.addRoot(QStringLiteral("/dropped"));
            catalog.upsertImage(makeImage(root, QStringLiteral("/dropped/a.png")));
            catalog.setMeta(QStringLiteral("k"), QStringLiteral("dropped"));
            QCOMPARE(catalog.roots().size(), 1);  // visible inside the transaction
        }
        QVERIFY(catalog.roots().isEmpty());
        {
            Catalog::Transaction tx(catalog);
            const qint64 root = catalog.addRoot(QStringLiteral("/kept"));
            catalog.upsertImage(makeImage(root, QStringLiteral("/kept/a.png")));
            tx.commit();
        }
    }
    Catalog reopened(path);
    const QList<LibraryRoot> roots = reopened.roots();
    QCOMPARE(roots.size(), 1);
    QCOMPARE(roots[0].path, QStringLiteral("/kept"));
    QVERIFY(!reopened.imageByPath(QStringLiteral("/dropped/a.png")));
    QVERIFY(reopened.imageByPath(QStringLiteral("/kept/a.png")));
    QCOMPARE(reopened.meta(QStringLiteral("k"), QStringLiteral("none")), QStringLiteral("none"));
}

void TestCatalog::nestedTransactionRollsBackOnlyItself()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    {
        Catalog catalog(path);
        Catalog::Transaction outer(catalog);
        catalog.addRoot(QStringLiteral("/outer"));
        {
            Catalog::Transaction inner(catalog);
            catalog.addRoot(QStringLiteral("/inner"));
        }
        outer.commit();
    }
    Catalog reopened(path);
    const QList<LibraryRoot> roots = reopened.roots();
    QCOMPARE(roots.size(), 1);
    QCOMPARE(roots[0].path, QStringLiteral("/outer"));
}

void TestCatalog::migratesVersion1AndKeepsRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    Catalog::createAtVersion(path, 1);
    const QByteArray vectorBlob = QByteArray::fromHex("0000803f00000040");  // 1.0f, 2.0f little-endian
    {
        RawDb raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
        QVERIFY(!raw.columns(QStringLiteral("fingerprints")).contains(QStringLiteral("components_done")));
        QVERIFY(!raw.columns(QStringLiteral("images")).contains(QStringLiteral("indexed_at_ms")));
        raw.exec(QStringLiteral("INSERT INTO roots(id, path) VALUES(5, '/old')"));
        raw.exec(QStringLiteral("INSERT INTO images(id, root_id, path, size, mtime_ms, content_hash, width, height, status,"
                                " error) VALUES(11, 5, '/old/a.png', 100, 200, x'abcd', 30, 40, 1, NULL)"));
        raw.exec(QStringLiteral("INSERT INTO images(id, root_id, path, status, error) VALUES(12, 5, '/old/b.png', 2, 'bad')"));
        raw.exec(QStringLiteral("INSERT INTO fingerprints(image_id, method, vector) VALUES(11, 'm1', ?)"), {vectorBlob});
        raw.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('library', 'old one')"));
    }
    {
        Catalog catalog(path);
        QCOMPARE(catalog.schemaVersion(), Catalog::kSchemaVersion);
    }
    Catalog reopened(path);
    QCOMPARE(reopened.schemaVersion(), Catalog::kSchemaVersion);
    QCOMPARE(reopened.roots().size(), 1);
    QCOMPARE(reopened.roots()[0].id, 5);
    const std::optional<ImageRecord> a = reopened.image(11);
    QVERIFY(a);
    QCOMPARE(a->rootId, 5);
    QCOMPARE(a->path, QStringLiteral("/old/a.png"));
    QCOMPARE(a->size, 100);
    QCOMPARE(a->mtimeMs, 200);
    QCOMPARE(a->contentHash, QByteArray::fromHex("abcd"));
    QCOMPARE(a->width, 30);
    QCOMPARE(a->height, 40);
    QCOMPARE(a->status, ImageStatus::Indexed);
    QCOMPARE(reopened.image(12)->error, QStringLiteral("bad"));
    QCOMPARE(reopened.fingerprint(11)->vector, (std::vector<float>{1.0f, 2.0f}));
    QCOMPARE(reopened.meta(QStringLiteral("library")), QStringLiteral("old one"));
    QCOMPARE(reopened.counts(QStringLiteral("m1")).indexed, 1);

    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), Catalog::kSchemaVersion);
    const QVariant componentsDone = raw.value(QStringLiteral("SELECT components_done FROM fingerprints WHERE image_id = 11"));
    QVERIFY(!componentsDone.isNull());
    QCOMPARE(componentsDone.toInt(), 0);
    QVERIFY(raw.value(QStringLiteral("SELECT indexed_at_ms FROM images WHERE id = 11")).isNull());
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'images'"
                                      " AND (sql LIKE '%root_id%' OR sql LIKE '%status%')"))
                 .toInt(),
             2);
}

void TestCatalog::migratesVersion2AndKeepsRows()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    Catalog::createAtVersion(path, 2);
    const QByteArray vectorBlob = QByteArray::fromHex("0000803f00000040");
    {
        RawDb raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 2);
        QVERIFY(!raw.columns(QStringLiteral("fingerprints")).contains(QStringLiteral("components_detector")));
        QVERIFY(raw.columns(QStringLiteral("components")).isEmpty());
        raw.exec(QStringLiteral("INSERT INTO roots(id, path) VALUES(5, '/old')"));
        raw.exec(QStringLiteral("INSERT INTO images(id, root_id, path, size, mtime_ms, content_hash, width, height, status,"
                                " error, indexed_at_ms) VALUES(11, 5, '/old/a.png', 100, 200, x'abcd', 30, 40, 1, NULL, 777)"));
        raw.exec(QStringLiteral("INSERT INTO images(id, root_id, path, status) VALUES(12, 5, '/old/b.png', 0)"));
        raw.exec(QStringLiteral("INSERT INTO fingerprints(image_id, method, vector, components_done) VALUES(11, 'm1', ?, 1)"),
                 {vectorBlob});
        raw.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('library', 'v2 one')"));
    }
    {
        Catalog catalog(path);
        QCOMPARE(catalog.schemaVersion(), Catalog::kSchemaVersion);
    }
    Catalog reopened(path);
    QCOMPARE(reopened.schemaVersion(), Catalog::kSchemaVersion);
    QCOMPARE(reopened.roots().size(), 1);
    const std::optional<ImageRecord> a = reopened.image(11);
    QVERIFY(a);
    QCOMPARE(a->path, QStringLiteral("/old/a.png"));
    QCOMPARE(a->contentHash, QByteArray::fromHex("abcd"));
    QCOMPARE(a->status, ImageStatus::Indexed);
    QCOMPARE(reopened.image(12)->status, ImageStatus::Pending);
    QCOMPARE(reopened.fingerprint(11)->vector, (std::vector<float>{1.0f, 2.0f}));
    QCOMPARE(reopened.meta(QStringLiteral("library")), QStringLiteral("v2 one"));
    QVERIFY(reopened.components(11).isEmpty());
    // Done before v3, but by no recorded detector: queued for whichever detector is chosen.
    QCOMPARE(reopened.imagesNeedingComponents(QStringLiteral("m1"), QStringLiteral("motif")), (QList<qint64>{11}));

    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), Catalog::kSchemaVersion);
    QCOMPARE(raw.value(QStringLiteral("SELECT components_done FROM fingerprints WHERE image_id = 11")).toInt(), 1);
    QVERIFY(raw.value(QStringLiteral("SELECT components_detector FROM fingerprints WHERE image_id = 11")).isNull());
    QCOMPARE(raw.value(QStringLiteral("SELECT indexed_at_ms FROM images WHERE id = 11")).toLongLong(), 777);
}

namespace {

QImage testMask(int width, int height, int seed)
{
    QImage mask(width, height, QImage::Format_Grayscale8);
    QRandomGenerator random{quint32(seed)};
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            mask.scanLine(y)[x] = uchar(random.bounded(256));  // every grey level, not just 0/255
    return mask;
}

bool samePixels(const QImage& a, const QImage& b)
{
    if (a.size() != b.size() || a.format() != b.format())
        return false;
    for (int y = 0; y < a.height(); ++y)
        if (std::memcmp(a.constScanLine(y), b.constScanLine(y), size_t(a.width())) != 0)
            return false;
    return true;
}

}  // namespace

void TestCatalog::componentsRoundTripExactly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    Components written;
    written.append(Component{QRect(10, 20, 33, 17), testMask(33, 17, 1), 0.8125f, QStringLiteral("motif"), 0});
    written.append(Component{QRect(-3, 0, 5, 7), QImage(), 1.0f / 3.0f, QStringLiteral("person"), 2});  // null mask = whole box
    written.append(Component{QRect(100, 200, 1, 1), testMask(1, 1, 2), 0.2f, QStringLiteral("flower pot"), 1});
    qint64 id = 0;
    {
        Catalog catalog(path);
        id = catalog.upsertImage(makeImage(catalog.addRoot(QStringLiteral("/lib")), QStringLiteral("/lib/a.png")));
        QVERIFY_THROWS_EXCEPTION(Error, catalog.setComponents(id, written, QStringLiteral("motif")));  // no fingerprint yet
        catalog.setFingerprint(id, QStringLiteral("m1"), {1.0f}, 640, 480);
        catalog.setComponents(id, {written[0]}, QStringLiteral("yolo"));
        catalog.setComponents(id, written, QStringLiteral("motif"));  // replaces
        Components bad{Component{QRect(0, 0, 4, 4), testMask(3, 4, 3), 0.5f, QStringLiteral("x"), 0}};
        QVERIFY_THROWS_EXCEPTION(Error, catalog.setComponents(id, bad, QStringLiteral("motif")));
    }
    Catalog reopened(path);
    const Components stored = reopened.components(id);
    QCOMPARE(stored.size(), written.size());
    for (int i = 0; i < written.size(); ++i) {
        QCOMPARE(stored[i].box, written[i].box);
        QCOMPARE(bitsOf(stored[i].score), bitsOf(written[i].score));
        QCOMPARE(stored[i].label, written[i].label);
        QCOMPARE(stored[i].group, written[i].group);
        QCOMPARE(stored[i].mask.isNull(), written[i].mask.isNull());
        if (!written[i].mask.isNull())
            QVERIFY2(samePixels(stored[i].mask, written[i].mask), qPrintable(QStringLiteral("mask %1 differs").arg(i)));
    }
    QVERIFY(reopened.imagesNeedingComponents(QStringLiteral("m1"), QStringLiteral("motif")).isEmpty());
    RawDb raw(path);
    QVERIFY(raw.value(QStringLiteral("SELECT mask FROM components WHERE image_id = ? AND idx = 1"), {id}).isNull());
    QVERIFY(raw.value(QStringLiteral("SELECT mask FROM components WHERE image_id = ? AND idx = 0"), {id}).toByteArray().startsWith("\x89PNG"));
}

void TestCatalog::componentsNeedingAndStaleDetector()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
    const qint64 a = catalog.upsertImage(makeImage(root, QStringLiteral("/lib/a.png")));
    const qint64 b = catalog.upsertImage(makeImage(root, QStringLiteral("/lib/b.png")));
    const qint64 c = catalog.upsertImage(makeImage(root, QStringLiteral("/lib/c.png")));
    const qint64 d = catalog.upsertImage(makeImage(root, QStringLiteral("/lib/d.png")));  // stays Pending
    catalog.setFingerprint(a, QStringLiteral("m1"), {1.0f}, 1, 1);
    catalog.setFingerprint(b, QStringLiteral("m1"), {1.0f}, 1, 1);
    catalog.setFingerprint(c, QStringLiteral("m2"), {1.0f}, 1, 1);
    Q_UNUSED(d);
    QCOMPARE(catalog.imagesNeedingComponents(QStringLiteral("m1"), QStringLiteral("motif")), (QList<qint64>{a, b}));
    catalog.setComponents(a, {}, QStringLiteral("motif"));  // no components found is still done
    QCOMPARE(catalog.imagesNeedingComponents(QStringLiteral("m1"), QStringLiteral("motif")), (QList<qint64>{b}));
    // Another detector: a is queued again.
    QCOMPARE(catalog.imagesNeedingComponents(QStringLiteral("m1"), QStringLiteral("yolo")), (QList<qint64>{a, b}));
    QCOMPARE(catalog.imagesNeedingComponents(QStringLiteral("m2"), QStringLiteral("motif")), (QList<qint64>{c}));
    // A new fingerprint resets the second pass.
    catalog.setFingerprint(a, QStringLiteral("m1"), {2.0f}, 1, 1);
    QCOMPARE(catalog.imagesNeedingComponents(QStringLiteral("m1"), QStringLiteral("motif")), (QList<qint64>{a, b}));
}

void TestCatalog::componentsGoWithTheirImage()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    Catalog catalog(path);
    const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
    const qint64 a = catalog.upsertImage(makeImage(root, QStringLiteral("/lib/a.png")));
    const qint64 b = catalog.upsertImage(makeImage(root, QStringLiteral("/lib/b.png")));
    const Components one{Component{QRect(0, 0, 2, 2), QImage(), 0.5f, QStringLiteral("motif"), 0}};
    for (qint64 id : {a, b}) {
        catalog.setFingerprint(id, QStringLiteral("m1"), {1.0f}, 1, 1);
        catalog.setComponents(id, one, QStringLiteral("motif"));
    }
    catalog.setFailed(a, QStringLiteral("gone bad"));
    QVERIFY(catalog.components(a).isEmpty());
    QCOMPARE(catalog.components(b).size(), 1);
    catalog.upsertImage(makeImage(root, QStringLiteral("/lib/b.png")));  // changed file: Pending again
    QVERIFY(catalog.components(b).isEmpty());
    catalog.setFingerprint(b, QStringLiteral("m1"), {1.0f}, 1, 1);
    catalog.setComponents(b, one, QStringLiteral("motif"));
    catalog.removeRoot(root);
    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM components")).toInt(), 0);
}

void TestCatalog::newerSchemaIsRefusedAndFileUnchanged()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    {
        RawDb raw(path);
        raw.exec(QStringLiteral("CREATE TABLE future(x)"));
        raw.exec(QStringLiteral("INSERT INTO future VALUES(1)"));
        raw.exec(QStringLiteral("PRAGMA user_version = 99"));
    }
    const QStringList filesBefore = QDir(dir.path()).entryList(QDir::Files);
    const QByteArray before = checksum(path);
    try {
        Catalog catalog(path);
        QFAIL("a catalog from a newer version was opened");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QStringLiteral("newer")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QStringLiteral("99")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
    }
    QCOMPARE(checksum(path), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), filesBefore);  // no -wal, -shm or -journal left behind
    // Refusing must not leave a connection behind that a later open would trip over.
    QVERIFY_THROWS_EXCEPTION(Error, Catalog{path});
    QCOMPARE(checksum(path), before);
}

void TestCatalog::nonSqliteFileGivesError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    QByteArray noise(8192, Qt::Uninitialized);
    QRandomGenerator generator(1234);
    for (char& byte : noise)
        byte = char(generator.bounded(256));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(noise);
    }
    try {
        Catalog catalog(path);
        QFAIL("random bytes were opened as a catalog");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
    }
    QCOMPARE(checksum(path), QCryptographicHash::hash(noise, QCryptographicHash::Sha256));
}

void TestCatalog::foreignSqliteDatabaseIsRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.db"));
    {
        RawDb raw(path);
        raw.exec(QStringLiteral("CREATE TABLE contacts(name TEXT)"));
    }
    const QByteArray before = checksum(path);
    try {
        Catalog catalog(path);
        QFAIL("another program's database was opened as a catalog");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QStringLiteral("not a Weft catalog")), qPrintable(e.message()));
    }
    QCOMPARE(checksum(path), before);
}

void TestCatalog::damagedFingerprintBlobIsReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 id = 0;
    {
        Catalog catalog(path);
        id = catalog.upsertImage(makeImage(0, QStringLiteral("/a.png")));
        catalog.setFingerprint(id, QStringLiteral("m1"), {1.0f, 2.0f}, 1, 1);
    }
    {
        RawDb raw(path);
        raw.exec(QStringLiteral("UPDATE fingerprints SET vector = x'01020304050607' WHERE image_id = ?"), {id});
    }
    Catalog catalog(path);
    try {
        catalog.fingerprint(id);
        QFAIL("a 7-byte fingerprint was read");
    } catch (const DamagedEntryError& e) {
        QCOMPARE(e.entry().imageId, id);
        QCOMPARE(e.entry().path, QStringLiteral("/a.png"));
        QVERIFY2(e.message().contains(QStringLiteral("/a.png")) && e.message().contains(path), qPrintable(e.message()));
    }
    // Listed as damaged, not read and not a failure of the whole list.
    const Catalog::StoredFingerprints all = catalog.fingerprints(QStringLiteral("m1"));
    QVERIFY(all.readable.empty());
    QCOMPARE(all.damaged.size(), std::size_t(1));
    QCOMPARE(all.damaged.front().imageId, id);
    QCOMPARE(all.damaged.front().path, QStringLiteral("/a.png"));
}

void TestCatalog::unknownStatusIsSetAside()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 damaged = 0, intact = 0;
    {
        Catalog catalog(path);
        damaged = catalog.upsertImage(makeImage(0, QStringLiteral("/a.png")));
        intact = catalog.upsertImage(makeImage(0, QStringLiteral("/b.png")));
        catalog.setFingerprint(damaged, QStringLiteral("m1"), {1.0f, 2.0f}, 1, 1);
        catalog.setFingerprint(intact, QStringLiteral("m1"), {2.0f, 1.0f}, 1, 1);
    }
    {
        RawDb raw(path);
        raw.exec(QStringLiteral("UPDATE images SET status = 99 WHERE id = ?"), {damaged});
    }
    Catalog catalog(path);
    // Reading and counting work; the damaged entry reads as waiting to be indexed.
    QCOMPARE(catalog.image(damaged)->status, ImageStatus::Pending);
    const CatalogCounts counts = catalog.counts(QStringLiteral("m1"));
    QCOMPARE(counts.pending, qint64(1));
    QCOMPARE(counts.indexed, qint64(1));
    const std::vector<DamagedEntry> found = catalog.entriesOfUnknownStatus();
    QCOMPARE(found.size(), std::size_t(1));
    QCOMPARE(found.front().imageId, damaged);
    QCOMPARE(found.front().path, QStringLiteral("/a.png"));
    QVERIFY2(found.front().reason.contains(QStringLiteral("99")), qPrintable(found.front().reason));

    catalog.setAside(found);
    QVERIFY(catalog.entriesOfUnknownStatus().empty());
    QVERIFY(!catalog.fingerprint(damaged));
    QCOMPARE(catalog.imagesNeedingFingerprint(QStringLiteral("m1")), QList<qint64>{damaged});
    QCOMPARE(catalog.fingerprint(intact)->method, QStringLiteral("m1"));
}

void TestCatalog::emptyFileRefused()
{
    // Taken as a new catalog, it would have the next indexing empty the search index.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
    }
    try {
        Catalog catalog(path);
        QFAIL("an empty file was opened as a new catalog");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(path) && e.message().contains(QStringLiteral("move it aside")), qPrintable(e.message()));
    }
    QCOMPARE(QFileInfo(path).size(), 0);
}

void TestCatalog::truncatedFileSaysWhatToDo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
    {
        Catalog catalog(path);
        const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
        Catalog::Transaction transaction(catalog);
        for (int i = 0; i < 200; ++i) {
            const qint64 id = catalog.upsertImage(makeImage(root, QStringLiteral("/lib/pattern-%1.png").arg(i)));
            catalog.setFingerprint(id, QStringLiteral("m1"), std::vector<float>(64, 0.5f + float(i)), 1, 1);
        }
        transaction.commit();
    }   // the last connection folds the WAL into the file
    QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")) || QFileInfo(path + QStringLiteral("-wal")).size() == 0);
    const qint64 size = QFileInfo(path).size();
    QVERIFY2(size > 8 * 4096, qPrintable(QString::number(size)));
    QVERIFY(QFile::resize(path, size / 2));
    try {
        Catalog catalog(path);
        catalog.roots();
        catalog.images(ImageStatus::Indexed);
        catalog.counts(QStringLiteral("m1"));
        QFAIL("a catalog cut in half was read");
    } catch (const DamagedCatalogError& e) {   // the app offers its Repair button for this one
        QVERIFY2(e.message().contains(path) && e.message().contains(QStringLiteral("weft-cli repair")), qPrintable(e.message()));
    }
}

// Root ignores file modes, so SQLite itself would write through a 0444 file. Catalog
// treats a file without any write bit as read-only on purpose, which is what this
// checks; it holds for root and for ordinary users alike.
void TestCatalog::readOnlyFileOpensForReading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 id = 0;
    {
        Catalog catalog(path);
        id = catalog.upsertImage(makeImage(catalog.addRoot(QStringLiteral("/lib")), QStringLiteral("/lib/a.png")));
        catalog.setFingerprint(id, QStringLiteral("m1"), {1.5f, -2.5f}, 8, 8);
        catalog.setMeta(QStringLiteral("k"), QStringLiteral("v"));
    }
    const RestorePermissions restore{path, QFile::permissions(path)};
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = checksum(path);

    Catalog catalog(path);
    QVERIFY(catalog.isReadOnly());
    QCOMPARE(catalog.schemaVersion(), Catalog::kSchemaVersion);
    QCOMPARE(catalog.roots().size(), 1);
    QCOMPARE(catalog.image(id)->status, ImageStatus::Indexed);
    QVERIFY(sameDirection(catalog.fingerprint(id)->vector, {1.5f, -2.5f}));
    QCOMPARE(catalog.fingerprints(QStringLiteral("m1")).readable.size(), size_t(1));
    QCOMPARE(catalog.counts(QStringLiteral("m1")).indexed, 1);
    QCOMPARE(catalog.meta(QStringLiteral("k")), QStringLiteral("v"));

    try {
        catalog.addRoot(QStringLiteral("/new"));
        QFAIL("a read-only catalog accepted a write");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QStringLiteral("read-only")), qPrintable(e.message()));
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
    }
    QVERIFY_THROWS_EXCEPTION(Error, catalog.setMeta(QStringLiteral("k"), QStringLiteral("w")));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.setFailed(id, QStringLiteral("x")));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.removeRoot(1));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.upsertImage(makeImage(0, QStringLiteral("/b.png"))));
    {
        // Reading inside a transaction still works on a read-only catalog.
        Catalog::Transaction tx(catalog);
        QCOMPARE(catalog.meta(QStringLiteral("k")), QStringLiteral("v"));
        tx.commit();
    }
    QCOMPARE(checksum(path), before);
}

// With a folder without write bits: as an ordinary user SQLite genuinely cannot create
// its -shm/-wal files here, so this exercises SQLite's read-only path; as root it checks
// that Catalog still honours the folder's mode.
void TestCatalog::readOnlyFolder()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("lib 100% #1"));
    QVERIFY(QDir().mkdir(folder));
    const QString existing = folder + QStringLiteral("/catalog.db");
    {
        Catalog catalog(existing);
        catalog.addRoot(QStringLiteral("/lib"));
    }
    const RestorePermissions restore{folder, QFile::permissions(folder)};
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                              | QFile::ReadOther | QFile::ExeOther));

    const QString fresh = folder + QStringLiteral("/new.db");
    try {
        Catalog catalog(fresh);
        QFAIL("a catalog was created in a read-only folder");
    } catch (const Error& e) {
        QCOMPARE(e.message(), QStringLiteral("Cannot create the catalog in %1: the folder is not writable").arg(folder));
    }
    QVERIFY(!QFile::exists(fresh));

    const QByteArray before = checksum(existing);
    Catalog catalog(existing);
    QVERIFY(catalog.isReadOnly());
    QCOMPARE(catalog.roots().size(), 1);
    QCOMPARE(catalog.roots()[0].path, QStringLiteral("/lib"));
    QVERIFY_THROWS_EXCEPTION(Error, catalog.addRoot(QStringLiteral("/other")));
    QCOMPARE(checksum(existing), before);
}

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_catalog.moc"
