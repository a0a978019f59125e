#include "core/catalog/Catalog.h"
#include "core/common/Error.h"
#include "CatalogTestSupport.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;

namespace {

ImageRecord pendingImage(qint64 rootId, const QString& path)
{
    ImageRecord record;
    record.rootId = rootId;
    record.path = path;
    record.size = 100;
    record.mtimeMs = 1700000000000;
    return record;
}

QStringList namesOf(const QList<ImageCollection>& collections)
{
    QStringList names;
    for (const ImageCollection& collection : collections)
        names << collection.name;
    return names;
}

QStringList pathsOf(const QList<ImageRecord>& images)
{
    QStringList paths;
    for (const ImageRecord& image : images)
        paths << image.path;
    return paths;
}

// The message of the weft::Error that `action` throws, or empty if it throws none.
template <typename Action>
QString errorOf(Action action)
{
    try {
        action();
    } catch (const Error& error) {
        return error.message();
    }
    return {};
}

}  // namespace

class TestCollections : public QObject {
    Q_OBJECT

private slots:
    void upgradeKeepsDataAndAddsCollections();
    void createAddRemoveRenameDeleteRoundTrip();
    void namesMustBeGivenAndUnique();
    void favouritesCannotBeRenamedOrDeleted();
    void imagesLeavingTheLibraryLeaveTheirCollections();
    void goneImagesAndCollectionsAreRefused();
    void movedImageStaysInItsCollections();
    void newerCatalogIsStillRefused();
};

void TestCollections::upgradeKeepsDataAndAddsCollections()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    Catalog::createAtVersion(path, Catalog::kSchemaVersion - 1);
    {
        RawDb raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), Catalog::kSchemaVersion - 1);
        QVERIFY(raw.value(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'collections'")).toInt() == 0);
        raw.exec(QStringLiteral("INSERT INTO roots(id, path) VALUES(5, '/old')"));
        raw.exec(QStringLiteral("INSERT INTO images(id, root_id, path, size, status) VALUES(11, 5, '/old/a.png', 100, 0)"));
        raw.exec(QStringLiteral("INSERT INTO projections(method, data) VALUES('m1', x'0102')"));
        raw.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES('library', 'v5 one')"));
    }
    {
        Catalog catalog(path);
        QCOMPARE(catalog.schemaVersion(), Catalog::kSchemaVersion);
        QCOMPARE(catalog.image(11)->path, QStringLiteral("/old/a.png"));
        QCOMPARE(catalog.projection(QStringLiteral("m1")), QByteArray::fromHex("0102"));
        QCOMPARE(catalog.meta(QStringLiteral("library")), QStringLiteral("v5 one"));
        const QList<ImageCollection> collections = catalog.collections();
        QCOMPARE(collections.size(), 1);
        QCOMPARE(collections[0].id, Catalog::kFavourites);
        QCOMPARE(collections[0].size, 0);
        QVERIFY(collections[0].createdMs > 0);
        catalog.addToCollection(Catalog::kFavourites, 11);
    }
    Catalog reopened(path);
    QCOMPARE(pathsOf(reopened.collectionImages(Catalog::kFavourites)), QStringList{QStringLiteral("/old/a.png")});
    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM collection_items WHERE collection_id = 1 AND image_id = 11")).toInt(), 1);
}

void TestCollections::createAddRemoveRenameDeleteRoundTrip()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    qint64 spring = 0, florals = 0, a = 0, b = 0, c = 0;
    {
        Catalog catalog(path);
        const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
        a = catalog.upsertImage(pendingImage(root, QStringLiteral("/lib/a.png")));
        b = catalog.upsertImage(pendingImage(root, QStringLiteral("/lib/b.png")));
        c = catalog.upsertImage(pendingImage(root, QStringLiteral("/lib/c.png")));
        spring = catalog.createCollection(QStringLiteral("  Spring 2025 "));
        florals = catalog.createCollection(QStringLiteral("Florals"));
        QVERIFY(spring != florals && spring != Catalog::kFavourites);
        catalog.addToCollection(spring, c);
        catalog.addToCollection(spring, a);
        catalog.addToCollection(spring, a);   // twice: still once
        catalog.addToCollection(florals, b);
        catalog.addToCollection(Catalog::kFavourites, b);
    }
    Catalog catalog(path);
    const QList<ImageCollection> listed = catalog.collections();
    QCOMPARE(namesOf(listed), (QStringList{QStringLiteral("Favourites"), QStringLiteral("Florals"), QStringLiteral("Spring 2025")}));
    QCOMPARE(listed[2].id, spring);
    QCOMPARE(listed[0].size, 1);
    QCOMPARE(listed[2].size, 2);
    QCOMPARE(pathsOf(catalog.collectionImages(spring)), (QStringList{QStringLiteral("/lib/a.png"), QStringLiteral("/lib/c.png")}));

    catalog.removeFromCollection(spring, a);
    catalog.removeFromCollection(spring, b);   // not in it: nothing happens
    QCOMPARE(pathsOf(catalog.collectionImages(spring)), QStringList{QStringLiteral("/lib/c.png")});

    catalog.renameCollection(spring, QStringLiteral("Summer"));
    catalog.renameCollection(florals, QStringLiteral("florals"));   // its own name in other letters
    QCOMPARE(namesOf(catalog.collections()), (QStringList{QStringLiteral("Favourites"), QStringLiteral("florals"), QStringLiteral("Summer")}));

    catalog.removeCollection(florals);
    QCOMPARE(namesOf(catalog.collections()), (QStringList{QStringLiteral("Favourites"), QStringLiteral("Summer")}));
    QVERIFY(catalog.image(b));   // the image stays in the library, and in favourites
    QCOMPARE(pathsOf(catalog.collectionImages(Catalog::kFavourites)), QStringList{QStringLiteral("/lib/b.png")});
    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM collection_items WHERE collection_id = ?"), {florals}).toInt(), 0);
}

void TestCollections::namesMustBeGivenAndUnique()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 spring = catalog.createCollection(QStringLiteral("Spring"));
    const qint64 autumn = catalog.createCollection(QStringLiteral("Autumn"));
    const QString taken = errorOf([&] { catalog.createCollection(QStringLiteral("SPRING")); });
    QVERIFY2(taken.contains(QStringLiteral("SPRING")), qPrintable(taken));
    QVERIFY2(!errorOf([&] { catalog.renameCollection(autumn, QStringLiteral("spring ")); }).isEmpty(), "renamed onto another's name");
    QVERIFY2(!errorOf([&] { catalog.createCollection(QStringLiteral("   ")); }).isEmpty(), "a collection without a name was made");
    QVERIFY2(!errorOf([&] { catalog.renameCollection(spring, QString()); }).isEmpty(), "a collection lost its name");
    QCOMPARE(namesOf(catalog.collections()), (QStringList{QStringLiteral("Favourites"), QStringLiteral("Autumn"), QStringLiteral("Spring")}));
}

void TestCollections::favouritesCannotBeRenamedOrDeleted()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    QVERIFY(!errorOf([&] { catalog.renameCollection(Catalog::kFavourites, QStringLiteral("Best")); }).isEmpty());
    QVERIFY(!errorOf([&] { catalog.removeCollection(Catalog::kFavourites); }).isEmpty());
    QCOMPARE(namesOf(catalog.collections()), QStringList{QStringLiteral("Favourites")});
}

void TestCollections::imagesLeavingTheLibraryLeaveTheirCollections()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    Catalog catalog(path);
    const qint64 kept = catalog.addRoot(QStringLiteral("/kept"));
    const qint64 dropped = catalog.addRoot(QStringLiteral("/dropped"));
    const qint64 a = catalog.upsertImage(pendingImage(kept, QStringLiteral("/kept/a.png")));
    const qint64 b = catalog.upsertImage(pendingImage(kept, QStringLiteral("/kept/b.png")));
    const qint64 c = catalog.upsertImage(pendingImage(dropped, QStringLiteral("/dropped/c.png")));
    const qint64 spring = catalog.createCollection(QStringLiteral("Spring"));
    for (qint64 image : {a, b, c}) {
        catalog.addToCollection(spring, image);
        catalog.addToCollection(Catalog::kFavourites, image);
    }

    catalog.removeImage(a);        // the file was deleted and the library rescanned
    catalog.removeRoot(dropped);   // the folder left the library
    QCOMPARE(pathsOf(catalog.collectionImages(spring)), QStringList{QStringLiteral("/kept/b.png")});
    QCOMPARE(pathsOf(catalog.collectionImages(Catalog::kFavourites)), QStringList{QStringLiteral("/kept/b.png")});
    QCOMPARE(catalog.collections()[1].size, 1);
    RawDb raw(path);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM collection_items WHERE image_id NOT IN (SELECT id FROM images)")).toInt(), 0);
    QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM collection_items")).toInt(), 2);
}

void TestCollections::goneImagesAndCollectionsAreRefused()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
    const qint64 a = catalog.upsertImage(pendingImage(root, QStringLiteral("/lib/a.png")));
    const qint64 spring = catalog.createCollection(QStringLiteral("Spring"));
    catalog.removeCollection(spring);
    QVERIFY(!errorOf([&] { catalog.addToCollection(spring, a); }).isEmpty());
    QVERIFY(!errorOf([&] { catalog.collectionImages(spring); }).isEmpty());
    QVERIFY(!errorOf([&] { catalog.renameCollection(spring, QStringLiteral("Again")); }).isEmpty());
    QVERIFY(!errorOf([&] { catalog.addToCollection(Catalog::kFavourites, a + 100); }).isEmpty());
    QVERIFY(catalog.collectionImages(Catalog::kFavourites).isEmpty());
}

void TestCollections::movedImageStaysInItsCollections()
{
    QTemporaryDir dir;
    Catalog catalog(dir.filePath(QStringLiteral("catalog.db")));
    const qint64 root = catalog.addRoot(QStringLiteral("/lib"));
    const qint64 before = catalog.upsertImage(pendingImage(root, QStringLiteral("/lib/old-name.png")));
    const qint64 spring = catalog.createCollection(QStringLiteral("Spring"));
    catalog.addToCollection(spring, before);
    catalog.addToCollection(Catalog::kFavourites, before);
    const qint64 after = catalog.upsertImage(pendingImage(root, QStringLiteral("/lib/new-name.png")));
    catalog.moveCollectionItems(before, after);
    catalog.removeImage(before);
    QCOMPARE(pathsOf(catalog.collectionImages(spring)), QStringList{QStringLiteral("/lib/new-name.png")});
    QCOMPARE(pathsOf(catalog.collectionImages(Catalog::kFavourites)), QStringList{QStringLiteral("/lib/new-name.png")});
}

void TestCollections::newerCatalogIsStillRefused()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("catalog.db"));
    {
        Catalog catalog(path);
        catalog.createCollection(QStringLiteral("Spring"));
    }
    {
        RawDb raw(path);
        raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(Catalog::kSchemaVersion + 1));
    }
    const QByteArray before = checksum(path);
    const QString refused = errorOf([&] { Catalog catalog(path); });
    QVERIFY2(refused.contains(QStringLiteral("newer")), qPrintable(refused));
    QCOMPARE(checksum(path), before);
}

QTEST_GUILESS_MAIN(TestCollections)
#include "tst_collections.moc"
