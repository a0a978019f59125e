#include "core/catalog/CatalogSchema.h"

#include "core/catalog/CatalogStatement.h"
#include "core/common/Error.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

namespace weft::catalog_schema {

namespace {

using catalog_detail::sqlReason;

void execOrThrow(QSqlQuery& query, const QString& sql, const QString& path, const QString& what)
{
    if (!query.exec(sql))
        catalog_detail::throwSqlFailure(what, path, query.lastError());
}

[[noreturn]] void throwUnreadable(const QString& path, const QSqlError& error)
{
    constexpr int kSqliteNotADatabase = 26;  // SQLITE_NOTADB
    if (error.nativeErrorCode().toInt() == kSqliteNotADatabase)
        throw DamagedCatalogError(QCoreApplication::translate("weft::Catalog", "Cannot open the catalog %1: it is not a Weft catalog or it is damaged (%2). "
                                    "Move it aside to have a new one created.")
                         .arg(path, sqlReason(error)));
    const QString message = QCoreApplication::translate("weft::Catalog", "Cannot read the catalog %1: %2").arg(path, sqlReason(error));
    if (catalog_detail::isCorruption(error))
        throw DamagedCatalogError(message);
    throw Error(message);
}

}  // namespace

QStringList migrationStep(int toVersion)
{
    switch (toVersion) {
    case 1:
        return {
            QStringLiteral("CREATE TABLE roots(id INTEGER PRIMARY KEY, path TEXT UNIQUE NOT NULL)"),
            QStringLiteral("CREATE TABLE images(id INTEGER PRIMARY KEY, root_id INTEGER REFERENCES roots(id),"
                           " path TEXT UNIQUE NOT NULL, size INTEGER, mtime_ms INTEGER, content_hash BLOB,"
                           " width INTEGER, height INTEGER, status INTEGER NOT NULL DEFAULT 0, error TEXT)"),
            QStringLiteral("CREATE TABLE fingerprints(image_id INTEGER PRIMARY KEY REFERENCES images(id)"
                           " ON DELETE CASCADE, method TEXT NOT NULL, vector BLOB NOT NULL)"),
            QStringLiteral("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)"),
        };
    case 2:
        return {
            // Filled by a later second indexing pass; existing fingerprints have not had it.
            QStringLiteral("ALTER TABLE fingerprints ADD COLUMN components_done INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE images ADD COLUMN indexed_at_ms INTEGER"),
            QStringLiteral("CREATE INDEX images_root_id ON images(root_id)"),
            QStringLiteral("CREATE INDEX images_status ON images(status)"),
        };
    case 3:
        return {
            // Feature components (seed paper 000) of Indexed images: one row per instance,
            // idx in the detector's order; mask is a PNG of a Grayscale8 image of w x h
            // (NULL: the whole box). components_detector says which detector made them, so
            // that choosing another detector queues the images again.
            QStringLiteral("CREATE TABLE components(image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
                           " idx INTEGER NOT NULL, x INTEGER, y INTEGER, w INTEGER, h INTEGER, score REAL, label TEXT,"
                           " group_id INTEGER, mask BLOB, PRIMARY KEY(image_id, idx))"),
            QStringLiteral("ALTER TABLE fingerprints ADD COLUMN components_detector TEXT"),
        };
    case 4:
        return {
            // The catalog is the record of every fingerprint and the search index a
            // checkpoint of it. Every write of a fingerprint takes the next catalog
            // generation (seq), every removal is logged with one, so an index saved at
            // generation G catches up by reading only what came after G.
            QStringLiteral("CREATE TABLE generation(id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO generation(id, value) VALUES(1, 0)"),
            QStringLiteral("ALTER TABLE fingerprints ADD COLUMN seq INTEGER NOT NULL DEFAULT 0"),
            // 0: float32 little-endian values (schema 1-3); 1: QuantizedVector.h.
            QStringLiteral("ALTER TABLE fingerprints ADD COLUMN encoding INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE INDEX fingerprints_seq ON fingerprints(seq)"),
            QStringLiteral("CREATE TABLE fingerprint_removals(seq INTEGER PRIMARY KEY, image_id INTEGER NOT NULL)"),
            QStringLiteral("CREATE TRIGGER fingerprint_added AFTER INSERT ON fingerprints BEGIN"
                           " UPDATE generation SET value = value + 1;"
                           " UPDATE fingerprints SET seq = (SELECT value FROM generation) WHERE image_id = new.image_id; END"),
            QStringLiteral("CREATE TRIGGER fingerprint_changed AFTER UPDATE OF method, vector ON fingerprints BEGIN"
                           " UPDATE generation SET value = value + 1;"
                           " UPDATE fingerprints SET seq = (SELECT value FROM generation) WHERE image_id = new.image_id; END"),
            QStringLiteral("CREATE TRIGGER fingerprint_removed AFTER DELETE ON fingerprints BEGIN"
                           " UPDATE generation SET value = value + 1;"
                           " INSERT INTO fingerprint_removals(seq, image_id) VALUES((SELECT value FROM generation), old.image_id); END"),
            // Ties an index checkpoint to this catalog, not to a copy or a replacement.
            QStringLiteral("INSERT INTO meta(key, value) VALUES('catalog_id', lower(hex(randomblob(16))))"
                           " ON CONFLICT(key) DO NOTHING"),
            QStringLiteral("DELETE FROM meta WHERE key = 'index_in_sync'"),
        };
    case 5:
        return {
            // A library's own compaction of its fingerprints (FingerprintProjection.h),
            // per method: once it exists, every fingerprint of that method is stored
            // projected.
            QStringLiteral("CREATE TABLE projections(method TEXT PRIMARY KEY, data BLOB NOT NULL)"),
        };
    case 6:
        return {
            // The designer's own collections of patterns. Collection 1 is Favourites
            // (Catalog::kFavourites), made here so that every catalog has it. An image
            // leaving the library leaves its collections with it.
            QStringLiteral("CREATE TABLE collections(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
                           " created INTEGER NOT NULL)"),
            QStringLiteral("CREATE TABLE collection_items(collection_id INTEGER NOT NULL REFERENCES collections(id)"
                           " ON DELETE CASCADE, image_id INTEGER NOT NULL REFERENCES images(id) ON DELETE CASCADE,"
                           " added INTEGER NOT NULL, PRIMARY KEY(collection_id, image_id))"),
            QStringLiteral("CREATE INDEX collection_items_image ON collection_items(image_id)"),
            QStringLiteral("INSERT INTO collections(id, name, created) VALUES(1, 'Favourites', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))"),
        };
    default:
        throw Error(QStringLiteral("Internal error: there is no catalog schema step to version %1").arg(toVersion));
    }
}

int readVersion(QSqlDatabase& db, const QString& path)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        throwUnreadable(path, query.lastError());
    return query.value(0).toInt();
}

bool hasAnySchemaObject(QSqlDatabase& db, const QString& path)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        throwUnreadable(path, query.lastError());
    return query.value(0).toLongLong() > 0;
}

void migrate(QSqlDatabase& db, const QString& path, int toVersion)
{
    QSqlQuery query(db);
    // IMMEDIATE takes the write lock before re-reading the version, so two processes
    // opening an old catalog at once cannot both run the same step.
    execOrThrow(query, QStringLiteral("BEGIN IMMEDIATE"), path, QStringLiteral("start the schema upgrade"));
    try {
        const int fromVersion = readVersion(db, path);
        if (fromVersion > toVersion)
            throw Error(QCoreApplication::translate("weft::Catalog", "The catalog %1 is at schema version %2, newer than the requested %3; "
                                       "it was left unchanged.")
                            .arg(path)
                            .arg(fromVersion)
                            .arg(toVersion));
        for (int version = fromVersion + 1; version <= toVersion; ++version) {
            for (const QString& statement : migrationStep(version))
                execOrThrow(query, statement, path, QStringLiteral("upgrade the schema to version %1").arg(version));
        }
        if (fromVersion != toVersion)
            execOrThrow(query, QStringLiteral("PRAGMA user_version = %1").arg(toVersion), path,
                        QStringLiteral("record schema version %1").arg(toVersion));
        execOrThrow(query, QStringLiteral("COMMIT"), path, QStringLiteral("finish the schema upgrade"));
    } catch (...) {
        QSqlQuery rollback(db);
        rollback.exec(QStringLiteral("ROLLBACK"));
        throw;
    }
}

}  // namespace weft::catalog_schema
