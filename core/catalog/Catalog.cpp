#include "core/catalog/Catalog.h"

#include "core/catalog/CatalogSchema.h"
#include "core/catalog/CatalogStatement.h"
#include "core/catalog/SqliteInterrupt.h"
#include "core/common/Error.h"
#include "core/common/QuantizedVector.h"

#include <QCoreApplication>
#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QVariant>
#include <QtEndian>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>

namespace weft {

static_assert(Catalog::kSchemaVersion == catalog_schema::kLatestVersion,
              "Catalog::kSchemaVersion must match the last migration step");

namespace {

const QString kImageColumns = QStringLiteral(
    "id, root_id, path, size, mtime_ms, content_hash, width, height, status, error");

// access() lets root write anything, but a file or folder whose mode has no write bit
// at all was made read-only on purpose (an archived library, a shared copy); honour
// that rather than writing behind the user's back.
bool isWritable(const QString& path)
{
    const QFileInfo info(path);
    constexpr auto anyWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    return info.isWritable() && (info.permissions() & anyWrite);
}

QString cleanAbsolutePath(const QString& path, const QString& catalogPath)
{
    if (path.isEmpty() || !QDir::isAbsolutePath(path))
        throw Error(QStringLiteral("The catalog %1 stores absolute paths only, but was given \"%2\".")
                        .arg(catalogPath, path));
    return QDir::cleanPath(path);
}

// Strictly inside: a folder is not inside itself.
bool isInsideFolder(const QString& path, const QString& folder)
{
    return path.size() > folder.size() && path.startsWith(folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/'));
}

QVariant nullableId(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

// An unknown status reads as Pending: the image is to be indexed again
// (Catalog::entriesOfUnknownStatus() reports it).
ImageStatus statusFromInt(int value)
{
    switch (value) {
    case int(ImageStatus::Pending): return ImageStatus::Pending;
    case int(ImageStatus::Indexed): return ImageStatus::Indexed;
    case int(ImageStatus::Failed): return ImageStatus::Failed;
    }
    return ImageStatus::Pending;
}

std::atomic<quint64> connectionCounter{0};

}  // namespace

namespace {

using catalog_detail::execPlain;
using catalog_detail::sqlReason;
using catalog_detail::Statement;

ImageRecord readImage(const QSqlQuery& query)
{
    ImageRecord record;
    record.id = query.value(0).toLongLong();
    record.rootId = query.value(1).toLongLong();
    record.path = query.value(2).toString();
    record.size = query.value(3).toLongLong();
    record.mtimeMs = query.value(4).toLongLong();
    record.contentHash = query.value(5).toByteArray();
    record.width = query.value(6).toInt();
    record.height = query.value(7).toInt();
    record.status = statusFromInt(query.value(8).toInt());
    record.error = query.value(9).toString();
    return record;
}

// The encodings of the fingerprints.encoding column.
enum class VectorEncoding { Float32 = 0, Quantized = 1 };

// The vector of a fingerprint row; empty, with `damage` saying what is wrong, when
// its bytes are no vector.
std::vector<float> decodeVector(const QByteArray& blob, int encoding, QString& damage)
{
    if (encoding == int(VectorEncoding::Quantized)) {
        if (std::size_t(blob.size()) <= kQuantizedHeaderBytes
            || !isPlausibleQuantized(blob.constData(), std::size_t(blob.size()) - kQuantizedHeaderBytes)) {
            damage = QCoreApplication::translate("weft::Catalog", "its fingerprint of %1 bytes is not a stored vector").arg(blob.size());
            return {};
        }
        return dequantized(blob);
    }
    if (encoding != int(VectorEncoding::Float32)) {
        damage = QCoreApplication::translate("weft::Catalog", "its fingerprint has the unknown encoding %1").arg(encoding);
        return {};
    }
    if (blob.isEmpty() || blob.size() % qsizetype(sizeof(quint32)) != 0) {
        damage = QCoreApplication::translate("weft::Catalog", "its fingerprint is %1 bytes, not a whole number of float32 values").arg(blob.size());
        return {};
    }
    std::vector<float> vector(size_t(blob.size()) / sizeof(quint32));
    const char* in = blob.constData();
    for (float& value : vector) {
        const quint32 bits = qFromLittleEndian<quint32>(in);
        std::memcpy(&value, &bits, sizeof value);
        if (!std::isfinite(value)) {
            damage = QCoreApplication::translate("weft::Catalog", "its fingerprint holds a value that is not a number");
            return {};
        }
        in += sizeof bits;
    }
    return vector;
}

// The message of a DamagedEntryError: what is damaged and what repairs it.
QString damagedEntryMessage(const QString& catalogPath, const DamagedEntry& entry)
{
    return QCoreApplication::translate("weft::Catalog", "The catalog %1 is damaged for %2: %3. Run `weft-cli repair` or Repair in Weft to have "
                                                        "the image indexed again.")
        .arg(catalogPath, entry.path, entry.reason);
}

// A stored component mask, or a null image when its bytes are no PNG of the box's size.
QImage decodedMask(const QByteArray& png, QSize boxSize)
{
    QImage mask;
    if (!mask.loadFromData(png, "PNG") || mask.size() != boxSize)
        return {};
    return mask;
}

QString maskDamage(int component, QSize boxSize)
{
    return QCoreApplication::translate("weft::Catalog", "the mask of its component %1 is not a %2x%3 PNG")
        .arg(component)
        .arg(boxSize.width())
        .arg(boxSize.height());
}

}  // namespace

Catalog::Catalog(const QString& databasePath) : Catalog(databasePath, kSchemaVersion) {}

Catalog::Catalog(const QString& databasePath, int targetVersion) :
    m_path(QDir::cleanPath(QFileInfo(databasePath).absoluteFilePath())),
    m_connectionName(QStringLiteral("weft-catalog-%1").arg(connectionCounter.fetch_add(1)))
{
    try {
        open(targetVersion);
    } catch (...) {
        // The destructor does not run for a half-built object; the connection must
        // still go, or Qt keeps it (and the file handle) until the process ends.
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_connectionName);
        throw;
    }
}

Catalog::~Catalog()
{
    m_db.close();
    m_db = QSqlDatabase();  // removeDatabase warns while any handle to the connection is alive
    QSqlDatabase::removeDatabase(m_connectionName);
}

void Catalog::openConnection(bool readOnly, bool immutable)
{
    if (!m_db.isValid()) {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        if (!m_db.isValid())
            throw Error(QCoreApplication::translate("weft::Catalog", "Cannot open the catalog %1: the Qt SQLite driver (QSQLITE) is not available; "
                                       "reinstall Weft.")
                            .arg(m_path));
    }
    m_db.close();
    // Another process (or thread) may be writing; wait for it instead of failing at once.
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000");
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    if (immutable) {
        // SQLite can only read a WAL database if it can use (or create) the -shm file
        // beside it; in a read-only folder without one, "immutable" is the documented
        // way in. It skips locking and ignores a leftover -wal file, which is acceptable
        // for a folder nobody here can write to.
        options += QStringLiteral(";QSQLITE_OPEN_URI");
        m_db.setDatabaseName(QUrl::fromLocalFile(m_path).toString(QUrl::FullyEncoded) + QStringLiteral("?immutable=1"));
    } else {
        m_db.setDatabaseName(m_path);
    }
    m_db.setConnectOptions(options);
    if (!m_db.open())
        throw Error(QCoreApplication::translate("weft::Catalog", "Cannot open the catalog %1: %2").arg(m_path, sqlReason(m_db.lastError())));
}

void Catalog::open(int targetVersion)
{
    const QFileInfo info(m_path);
    const QString folder = info.absolutePath();
    const auto refuseNewer = [this](int version) {
        throw Error(QCoreApplication::translate("weft::Catalog", "The catalog %1 was made by a newer version of Weft (catalog schema %2, this version "
                                   "reads up to %3); it was left unchanged.")
                        .arg(m_path)
                        .arg(version)
                        .arg(kSchemaVersion));
    };

    if (!info.exists()) {
        if (!QFileInfo(folder).isDir())
            throw Error(QCoreApplication::translate("weft::Catalog", "Cannot create the catalog in %1: the folder does not exist").arg(folder));
        if (!isWritable(folder))
            throw Error(QCoreApplication::translate("weft::Catalog", "Cannot create the catalog in %1: the folder is not writable").arg(folder));
        openConnection(false, false);
    } else {
        if (!info.isFile())
            throw Error(QCoreApplication::translate("weft::Catalog", "Cannot open the catalog %1: it is not a file").arg(m_path));
        // SQLite would take an empty file for a new database, and the next indexing
        // would then drop every image from the search index.
        if (info.size() == 0)
            throw Error(QCoreApplication::translate("weft::Catalog", "The catalog %1 is empty (0 bytes): it was cut short, by a full disk or an "
                                                                     "interrupted copy. Restore it from a backup, or move it aside and index "
                                                                     "the library's folders again to make a new one.")
                            .arg(m_path));
        // SQLite writes its journal or WAL next to the file, so a read-only folder makes
        // the catalog read-only even when the file itself could be written.
        const bool folderWritable = isWritable(folder);
        m_readOnly = !isWritable(m_path) || !folderWritable;

        // Look before touching anything: a read-only connection cannot change a file
        // that turns out to be foreign, damaged or newer than this code.
        openConnection(true, !folderWritable && !QFileInfo::exists(m_path + QStringLiteral("-shm")));
        const int version = catalog_schema::readVersion(m_db, m_path);
        if (version > kSchemaVersion)
            refuseNewer(version);
        if (version == 0 && catalog_schema::hasAnySchemaObject(m_db, m_path))
            throw Error(QCoreApplication::translate("weft::Catalog", "Cannot open %1: it is an SQLite database but not a Weft catalog; it was left "
                                       "unchanged.")
                            .arg(m_path));
        if (!m_readOnly)
            openConnection(false, false);
    }

    // Re-checked on the writable connection: another process may have upgraded the
    // file in between, and nothing has been written yet.
    m_schemaVersion = catalog_schema::readVersion(m_db, m_path);
    if (m_schemaVersion > kSchemaVersion)
        refuseNewer(m_schemaVersion);

    // Per-connection setting: without it ON DELETE CASCADE is silently ignored.
    execPlain(m_db, m_path, QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("enable foreign keys"));
    if (!m_readOnly) {
        // WAL lets the UI read while the indexer writes; NORMAL is durable across an
        // application crash, and at worst loses the last commits on a power cut.
        execPlain(m_db, m_path, QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("enable WAL mode"));
        execPlain(m_db, m_path, QStringLiteral("PRAGMA synchronous = NORMAL"), QStringLiteral("set synchronous mode"));
    }

    if (m_schemaVersion > targetVersion)
        throw Error(QCoreApplication::translate("weft::Catalog", "The catalog %1 is at schema version %2, newer than the requested %3; it was left "
                                   "unchanged.")
                        .arg(m_path)
                        .arg(m_schemaVersion)
                        .arg(targetVersion));
    if (m_schemaVersion < targetVersion) {
        if (m_readOnly)
            throw Error(QCoreApplication::translate("weft::Catalog", "The catalog %1 (schema %2) must be upgraded to schema %3, but it is read-only; "
                                       "make the file and its folder writable and open the library again.")
                            .arg(m_path)
                            .arg(m_schemaVersion)
                            .arg(targetVersion));
        catalog_schema::migrate(m_db, m_path, targetVersion);
        m_schemaVersion = catalog_schema::readVersion(m_db, m_path);
    }
}

void Catalog::createAtVersion(const QString& databasePath, int version)
{
    if (version < 1 || version > kSchemaVersion)
        throw Error(QStringLiteral("Cannot create the catalog %1 at schema version %2: versions 1 to %3 exist.")
                        .arg(databasePath)
                        .arg(version)
                        .arg(kSchemaVersion));
    Catalog catalog(databasePath, version);
}

QString Catalog::path() const { return m_path; }
int Catalog::schemaVersion() const { return m_schemaVersion; }
bool Catalog::isReadOnly() const { return m_readOnly; }

void Catalog::requireWritable(const char* action) const
{
    if (m_readOnly)
        throw Error(QStringLiteral("Cannot %1: the catalog %2 is read-only (the file or its folder is not writable). "
                                   "Make them writable and open the library again.")
                        .arg(QLatin1String(action), m_path));
}

// ---- transactions ----

void Catalog::beginWrite()
{
    QString sql;
    if (m_writeDepth == 0)
        // IMMEDIATE takes the write lock up front; a deferred transaction that reads and
        // then writes can fail with SQLITE_BUSY when another writer got in between.
        // A read-only connection can only take a read transaction.
        sql = m_readOnly ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE");
    else
        sql = QStringLiteral("SAVEPOINT weft_%1").arg(m_writeDepth);
    execPlain(m_db, m_path, sql, QStringLiteral("start a transaction"));
    ++m_writeDepth;
}

void Catalog::commitWrite()
{
    const QString sql = m_writeDepth == 1 ? QStringLiteral("COMMIT")
                                          : QStringLiteral("RELEASE weft_%1").arg(m_writeDepth - 1);
    execPlain(m_db, m_path, sql, QStringLiteral("save changes"));
    --m_writeDepth;
}

void Catalog::rollbackWrite() noexcept
{
    QSqlQuery query(m_db);
    if (m_writeDepth == 1) {
        // Fails harmlessly if SQLite already rolled back on its own (e.g. disk full).
        query.exec(QStringLiteral("ROLLBACK"));
    } else {
        const QString name = QStringLiteral("weft_%1").arg(m_writeDepth - 1);
        query.exec(QStringLiteral("ROLLBACK TO ") + name);
        query.exec(QStringLiteral("RELEASE ") + name);
    }
    --m_writeDepth;
}

Catalog::Transaction::Transaction(Catalog& catalog) : m_catalog(catalog)
{
    m_catalog.beginWrite();
    m_depth = m_catalog.m_writeDepth;
    m_open = true;
}

Catalog::Transaction::~Transaction()
{
    if (m_open && m_catalog.m_writeDepth == m_depth)
        m_catalog.rollbackWrite();
}

void Catalog::Transaction::commit()
{
    if (!m_open)
        throw Error(QStringLiteral("Internal error: a catalog transaction on %1 was committed twice").arg(m_catalog.m_path));
    if (m_catalog.m_writeDepth != m_depth)
        throw Error(QStringLiteral("Internal error: catalog transactions on %1 were not closed in order")
                        .arg(m_catalog.m_path));
    m_catalog.commitWrite();
    m_open = false;
}

// ---- roots ----

qint64 Catalog::addRoot(const QString& absolutePath)
{
    requireWritable("add a folder to the library");
    const QString clean = cleanAbsolutePath(absolutePath, m_path);
    Transaction tx(*this);
    for (const LibraryRoot& root : roots()) {
        if (root.path == clean)
            return root.id;
        if (isInsideFolder(clean, root.path))
            throw Error(QCoreApplication::translate("weft::Catalog", "%1 is already part of the library through %2.")
                            .arg(QDir::toNativeSeparators(clean), QDir::toNativeSeparators(root.path)));
    }
    Statement(m_db, m_path, QStringLiteral("INSERT INTO roots(path) VALUES(?)"))
        .bind(clean)
        .exec(QStringLiteral("add the folder %1").arg(clean));
    Statement select(m_db, m_path, QStringLiteral("SELECT id FROM roots WHERE path = ?"));
    QSqlQuery& query = select.bind(clean).exec(QStringLiteral("look up the folder %1").arg(clean));
    if (!query.next())
        throw Error(QCoreApplication::translate("weft::Catalog", "Could not add the folder %1 to the catalog %2: it was not stored.").arg(clean, m_path));
    const LibraryRoot added{query.value(0).toLongLong(), clean};
    foldRootsInto(added);
    tx.commit();
    return added.id;
}

int Catalog::foldNestedRoots()
{
    const QList<LibraryRoot> all = roots();
    const auto insideAnother = [&](const LibraryRoot& root) {
        return std::any_of(all.begin(), all.end(), [&](const LibraryRoot& other) { return isInsideFolder(root.path, other.path); });
    };
    if (std::none_of(all.begin(), all.end(), insideAnother))
        return 0;
    requireWritable("merge nested library folders");
    Transaction tx(*this);
    int folded = 0;
    for (const LibraryRoot& root : all)
        if (!insideAnother(root))
            folded += foldRootsInto(root);
    tx.commit();
    return folded;
}

int Catalog::foldRootsInto(const LibraryRoot& outer)
{
    int folded = 0;
    for (const LibraryRoot& root : roots()) {
        if (!isInsideFolder(root.path, outer.path))
            continue;
        const QString what = QStringLiteral("merge the folder %1 into %2").arg(root.path, outer.path);
        // Only the root changes: the images' paths are absolute, and their
        // fingerprints stay, so the next scan of `outer` finds them unchanged.
        Statement(m_db, m_path, QStringLiteral("UPDATE images SET root_id = ? WHERE root_id = ?")).bind(outer.id).bind(root.id).exec(what);
        Statement(m_db, m_path, QStringLiteral("DELETE FROM roots WHERE id = ?")).bind(root.id).exec(what);
        ++folded;
    }
    return folded;
}

QList<LibraryRoot> Catalog::roots() const
{
    Statement select(m_db, m_path, QStringLiteral("SELECT id, path FROM roots ORDER BY path"));
    QSqlQuery& query = select.exec(QStringLiteral("list the library folders"));
    QList<LibraryRoot> result;
    while (query.next())
        result.append(LibraryRoot{query.value(0).toLongLong(), query.value(1).toString()});
    return result;
}

void Catalog::removeRoot(qint64 rootId)
{
    requireWritable("remove a folder from the library");
    Transaction tx(*this);
    // Explicit rather than relying on the cascade alone, so a connection that somehow
    // lacks foreign_keys=ON still leaves no orphaned fingerprints.
    Statement(m_db, m_path,
              QStringLiteral("DELETE FROM fingerprints WHERE image_id IN (SELECT id FROM images WHERE root_id = ?)"))
        .bind(rootId)
        .exec(QStringLiteral("remove the fingerprints of folder %1").arg(rootId));
    Statement(m_db, m_path,
              QStringLiteral("DELETE FROM components WHERE image_id IN (SELECT id FROM images WHERE root_id = ?)"))
        .bind(rootId)
        .exec(QStringLiteral("remove the components of folder %1").arg(rootId));
    Statement(m_db, m_path,
              QStringLiteral("DELETE FROM collection_items WHERE image_id IN (SELECT id FROM images WHERE root_id = ?)"))
        .bind(rootId)
        .exec(QStringLiteral("take the images of folder %1 out of their collections").arg(rootId));
    Statement(m_db, m_path, QStringLiteral("DELETE FROM images WHERE root_id = ?"))
        .bind(rootId)
        .exec(QStringLiteral("remove the images of folder %1").arg(rootId));
    Statement(m_db, m_path, QStringLiteral("DELETE FROM roots WHERE id = ?"))
        .bind(rootId)
        .exec(QStringLiteral("remove folder %1").arg(rootId));
    tx.commit();
}

// ---- images ----

std::optional<ImageRecord> Catalog::oneImageWhere(const QString& where, const QVariant& value) const
{
    Statement select(m_db, m_path, QStringLiteral("SELECT %1 FROM images WHERE %2").arg(kImageColumns, where));
    QSqlQuery& query = select.bind(value).exec(QStringLiteral("read an image entry"));
    if (!query.next())
        return std::nullopt;
    return readImage(query);
}

QList<ImageRecord> Catalog::imagesWhere(const QString& where, const QVariantList& values) const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT %1 FROM images WHERE %2 ORDER BY path").arg(kImageColumns, where));
    for (const QVariant& value : values)
        select.bind(value);
    QSqlQuery& query = select.exec(QStringLiteral("list images"));
    QList<ImageRecord> result;
    while (query.next())
        result.append(readImage(query));
    return result;
}

std::optional<ImageRecord> Catalog::image(qint64 id) const
{
    return oneImageWhere(QStringLiteral("id = ?"), id);
}

std::optional<ImageRecord> Catalog::imageByPath(const QString& path) const
{
    return oneImageWhere(QStringLiteral("path = ?"), cleanAbsolutePath(path, m_path));
}

QList<ImageRecord> Catalog::images(qint64 rootId) const
{
    return imagesWhere(QStringLiteral("root_id = ?"), {rootId});
}

QList<ImageRecord> Catalog::images(ImageStatus status) const
{
    return imagesWhere(QStringLiteral("status = ?"), {int(status)});
}

namespace {

// The paths under `folder` are those from "folder/" up to "folder0" ('0' follows
// '/'): a range of the path index rather than LIKE, whose wildcards folder names
// may hold.
std::pair<QString, QString> pathRange(const QString& folder, const QString& catalogPath)
{
    QString prefix = cleanAbsolutePath(folder, catalogPath);
    if (!prefix.endsWith(QLatin1Char('/')))
        prefix += QLatin1Char('/');
    return {prefix, prefix.chopped(1) + QChar(QLatin1Char('/').unicode() + 1)};
}

}  // namespace

std::vector<qint64> Catalog::imageIdsUnder(const QString& folder) const
{
    const auto [from, to] = pathRange(folder, m_path);
    Statement select(m_db, m_path, QStringLiteral("SELECT id FROM images WHERE path >= ? AND path < ? ORDER BY id"));
    QSqlQuery& query = select.bind(from).bind(to).exec(QStringLiteral("list the images under %1").arg(folder));
    std::vector<qint64> ids;
    while (query.next())
        ids.push_back(query.value(0).toLongLong());
    return ids;
}

QList<ImageRecord> Catalog::imagesIn(const QString& folder, Depth depth) const
{
    const auto [prefix, end] = pathRange(folder, m_path);
    const QString direct = depth == Depth::Direct ? QStringLiteral(" AND instr(substr(path, ?), '/') = 0") : QString();
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT %1 FROM images WHERE path >= ? AND path < ?%2 ORDER BY path").arg(kImageColumns, direct));
    select.bind(prefix).bind(end);
    if (depth == Depth::Direct)
        select.bind(int(prefix.toUcs4().size()) + 1);   // SQLite counts characters, not UTF-16 units
    QSqlQuery& query = select.exec(QStringLiteral("list the images in %1").arg(folder));
    QList<ImageRecord> result;
    while (query.next())
        result.append(readImage(query));
    return result;
}

QList<ImageRecord> Catalog::indexedImages(const QString& folder) const
{
    if (folder.isEmpty())
        return images(ImageStatus::Indexed);
    const auto [from, to] = pathRange(folder, m_path);
    return imagesWhere(QStringLiteral("status = ? AND path >= ? AND path < ?"), {int(ImageStatus::Indexed), from, to});
}

QStringList Catalog::subfolders(qint64 rootId) const
{
    Statement selectRoot(m_db, m_path, QStringLiteral("SELECT path FROM roots WHERE id = ?"));
    QSqlQuery& root = selectRoot.bind(rootId).exec(QStringLiteral("look up folder %1").arg(rootId));
    if (!root.next())
        return {};
    const int rootLength = root.value(0).toString().size();
    Statement select(m_db, m_path, QStringLiteral("SELECT path FROM images WHERE root_id = ?"));
    QSqlQuery& query = select.bind(rootId).exec(QStringLiteral("list the folders of folder %1").arg(rootId));
    QSet<QString> folders;
    while (query.next()) {
        const QString path = query.value(0).toString();
        for (QString folder = path.left(path.lastIndexOf(QLatin1Char('/'))); folder.size() > rootLength && !folders.contains(folder);
             folder.truncate(folder.lastIndexOf(QLatin1Char('/'))))
            folders.insert(folder);
    }
    QStringList result(folders.begin(), folders.end());
    // By their names' parts, so that "a/b" follows "a" before "a b" does.
    std::sort(result.begin(), result.end(), [](const QString& a, const QString& b) {
        const QList<QStringView> x = QStringView(a).split(QLatin1Char('/')), y = QStringView(b).split(QLatin1Char('/'));
        return std::lexicographical_compare(x.begin(), x.end(), y.begin(), y.end());
    });
    return result;
}

qint64 Catalog::upsertImage(const ImageRecord& record)
{
    requireWritable("save an image entry");
    const QString clean = cleanAbsolutePath(record.path, m_path);
    const QString what = QStringLiteral("save the entry for %1").arg(clean);
    Transaction tx(*this);
    Statement(m_db, m_path,
              QStringLiteral("INSERT INTO images(root_id, path, size, mtime_ms, content_hash, width, height, status, error)"
                             " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"
                             " ON CONFLICT(path) DO UPDATE SET root_id = excluded.root_id, size = excluded.size,"
                             " mtime_ms = excluded.mtime_ms, content_hash = excluded.content_hash,"
                             " width = excluded.width, height = excluded.height, status = excluded.status,"
                             " error = excluded.error"))
        .bind(nullableId(record.rootId))
        .bind(clean)
        .bind(record.size)
        .bind(record.mtimeMs)
        .bind(record.contentHash.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(record.contentHash))
        .bind(record.width)
        .bind(record.height)
        .bind(int(record.status))
        .bind(record.error.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(record.error))
        .exec(what);
    Statement select(m_db, m_path, QStringLiteral("SELECT id FROM images WHERE path = ?"));
    QSqlQuery& query = select.bind(clean).exec(what);
    if (!query.next())
        throw Error(QStringLiteral("Could not %1 in the catalog %2: it was not stored.").arg(what, m_path));
    const qint64 id = query.value(0).toLongLong();
    if (record.status != ImageStatus::Indexed) {
        Statement(m_db, m_path, QStringLiteral("DELETE FROM fingerprints WHERE image_id = ?")).bind(id).exec(what);
        Statement(m_db, m_path, QStringLiteral("DELETE FROM components WHERE image_id = ?")).bind(id).exec(what);
    }
    tx.commit();
    return id;
}

void Catalog::setFailed(qint64 imageId, const QString& error)
{
    requireWritable("record a failed image");
    const QString what = QStringLiteral("record the failure of image %1").arg(imageId);
    Transaction tx(*this);
    {
        Statement statement(m_db, m_path, QStringLiteral("UPDATE images SET status = ?, error = ? WHERE id = ?"));
        QSqlQuery& update = statement.bind(int(ImageStatus::Failed)).bind(error).bind(imageId).exec(what);
        if (update.numRowsAffected() != 1)
            throw Error(QStringLiteral("Could not %1 in the catalog %2: there is no such image.").arg(what, m_path));
    }
    Statement(m_db, m_path, QStringLiteral("DELETE FROM fingerprints WHERE image_id = ?")).bind(imageId).exec(what);
    Statement(m_db, m_path, QStringLiteral("DELETE FROM components WHERE image_id = ?")).bind(imageId).exec(what);
    tx.commit();
}

void Catalog::setFingerprint(qint64 imageId, const QString& method, const std::vector<float>& vector, int width,
                             int height)
{
    requireWritable("store a fingerprint");
    const QString what = QStringLiteral("store the fingerprint of image %1").arg(imageId);
    if (vector.empty())
        throw Error(QStringLiteral("Could not %1 in the catalog %2: the fingerprint is empty.").arg(what, m_path));
    Transaction tx(*this);
    {
        Statement statement(m_db, m_path,
                            QStringLiteral("UPDATE images SET status = ?, error = NULL, width = ?, height = ?,"
                                           " indexed_at_ms = ? WHERE id = ?"));
        QSqlQuery& update = statement.bind(int(ImageStatus::Indexed))
                                .bind(width)
                                .bind(height)
                                .bind(QDateTime::currentMSecsSinceEpoch())
                                .bind(imageId)
                                .exec(what);
        if (update.numRowsAffected() != 1)
            throw Error(QStringLiteral("Could not %1 in the catalog %2: there is no such image.").arg(what, m_path));
    }
    const QByteArray stored = quantized(vector);
    if (stored.isEmpty())
        throw Error(QStringLiteral("Could not %1 in the catalog %2: the fingerprint is all zeros or not a number.").arg(what, m_path));
    // components_done goes back to 0: the second pass worked on the old fingerprint.
    Statement(m_db, m_path,
              QStringLiteral("INSERT INTO fingerprints(image_id, method, vector, encoding, components_done) VALUES(?, ?, ?, ?, 0)"
                             " ON CONFLICT(image_id) DO UPDATE SET method = excluded.method,"
                             " vector = excluded.vector, encoding = excluded.encoding, components_done = 0"))
        .bind(imageId)
        .bind(method)
        .bind(stored)
        .bind(int(VectorEncoding::Quantized))
        .exec(what);
    tx.commit();
}

void Catalog::removeImage(qint64 imageId)
{
    requireWritable("remove an image entry");
    const QString what = QStringLiteral("remove image %1").arg(imageId);
    Transaction tx(*this);
    Statement(m_db, m_path, QStringLiteral("DELETE FROM fingerprints WHERE image_id = ?")).bind(imageId).exec(what);
    Statement(m_db, m_path, QStringLiteral("DELETE FROM components WHERE image_id = ?")).bind(imageId).exec(what);
    Statement(m_db, m_path, QStringLiteral("DELETE FROM collection_items WHERE image_id = ?")).bind(imageId).exec(what);
    Statement(m_db, m_path, QStringLiteral("DELETE FROM images WHERE id = ?")).bind(imageId).exec(what);
    tx.commit();
}

// ---- fingerprints ----

std::optional<StoredFingerprint> Catalog::fingerprint(qint64 imageId) const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT f.method, f.vector, f.encoding, i.path FROM fingerprints f JOIN images i ON i.id = f.image_id"
                                    " WHERE f.image_id = ?"));
    QSqlQuery& query = select.bind(imageId).exec(QStringLiteral("read the fingerprint of image %1").arg(imageId));
    if (!query.next())
        return std::nullopt;
    QString damage;
    StoredFingerprint stored{imageId, query.value(0).toString(), decodeVector(query.value(1).toByteArray(), query.value(2).toInt(), damage)};
    if (stored.vector.empty()) {
        const DamagedEntry entry{imageId, query.value(3).toString(), damage};
        throw DamagedEntryError(entry, damagedEntryMessage(m_path, entry));
    }
    return stored;
}

Catalog::StoredFingerprints Catalog::fingerprints(const QString& method, const ShouldStop& shouldStop) const
{
    // Fingerprints read between two questions to shouldStop: a few milliseconds.
    constexpr std::size_t kBetweenPolls = 1024;
    StoredFingerprints result;
    result.damaged = visitFingerprints(method, [&](qint64 id, std::vector<float>&& vector) {
        if (result.readable.size() % kBetweenPolls == kBetweenPolls - 1 && shouldStop && shouldStop())
            throw WorkStopped();
        result.readable.push_back(StoredFingerprint{id, method, std::move(vector)});
    });
    return result;
}

std::vector<DamagedEntry> Catalog::visitFingerprints(const QString& method,
                                                     const std::function<void(qint64, std::vector<float>&&)>& visit) const
{
    // Only Indexed images: anything else has been queued for re-indexing or has failed,
    // and must not show up in search results with an outdated fingerprint.
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT f.image_id, f.vector, f.encoding, i.path FROM fingerprints f JOIN images i ON i.id = f.image_id"
                                    " WHERE f.method = ? AND i.status = ? ORDER BY f.image_id"));
    QSqlQuery& query = select.bind(method).bind(int(ImageStatus::Indexed)).exec(QStringLiteral("read fingerprints"));
    std::vector<DamagedEntry> damaged;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        QString damage;
        std::vector<float> vector = decodeVector(query.value(1).toByteArray(), query.value(2).toInt(), damage);
        if (vector.empty()) {
            damaged.push_back({id, query.value(3).toString(), damage});
            continue;
        }
        visit(id, std::move(vector));
    }
    return damaged;
}

std::vector<qint64> Catalog::fingerprintIds(const QString& method) const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT f.image_id FROM fingerprints f JOIN images i ON i.id = f.image_id"
                                    " WHERE f.method = ? AND i.status = ? ORDER BY f.image_id"));
    QSqlQuery& query = select.bind(method).bind(int(ImageStatus::Indexed)).exec(QStringLiteral("list fingerprints"));
    std::vector<qint64> result;
    while (query.next())
        result.push_back(query.value(0).toLongLong());
    return result;
}

qint64 Catalog::fingerprintCount(const QString& method) const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT count(*) FROM fingerprints f JOIN images i ON i.id = f.image_id"
                                    " WHERE f.method = ? AND i.status = ?"));
    QSqlQuery& query = select.bind(method).bind(int(ImageStatus::Indexed)).exec(QStringLiteral("count fingerprints"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

qint64 Catalog::contentCount(const QString& method) const
{
    // An image whose content hash is unknown counts as a content of its own.
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT count(DISTINCT CASE WHEN length(i.content_hash) > 0 THEN i.content_hash ELSE 'image ' || i.id END)"
                                    " FROM fingerprints f JOIN images i ON i.id = f.image_id WHERE f.method = ? AND i.status = ?"));
    QSqlQuery& query = select.bind(method).bind(int(ImageStatus::Indexed)).exec(QStringLiteral("count the contents fingerprinted"));
    return query.next() ? query.value(0).toLongLong() : 0;
}

std::optional<QString> Catalog::prevailingMethod() const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT f.method FROM fingerprints f JOIN images i ON i.id = f.image_id WHERE i.status = ?"
                                    " GROUP BY f.method ORDER BY count(*) DESC, max(f.seq) DESC LIMIT 1"));
    QSqlQuery& query = select.bind(int(ImageStatus::Indexed)).exec(QStringLiteral("find the method of the fingerprints"));
    if (!query.next())
        return std::nullopt;
    return query.value(0).toString();
}

quint64 Catalog::generation() const
{
    Statement select(m_db, m_path, QStringLiteral("SELECT value FROM generation WHERE id = 1"));
    QSqlQuery& query = select.exec(QStringLiteral("read the catalog generation"));
    if (!query.next())
        throw DamagedCatalogError(QCoreApplication::translate("weft::Catalog", "The catalog %1 is damaged (it has no generation counter): run "
                                                                               "`weft-cli repair` or Repair in Weft to save what can be read into a new catalog.")
                                      .arg(m_path));
    return quint64(query.value(0).toLongLong());
}

FingerprintChanges Catalog::fingerprintChangesSince(const QString& method, quint64 generation) const
{
    FingerprintChanges changes;
    changes.complete = generation >= meta(QStringLiteral("removals_forgotten_up_to"), QStringLiteral("0")).toULongLong();
    {
        Statement select(m_db, m_path,
                         QStringLiteral("SELECT f.image_id, f.method = ? AND i.status = ? FROM fingerprints f JOIN images i ON i.id = f.image_id"
                                        " WHERE f.seq > ? ORDER BY f.image_id"));
        QSqlQuery& query = select.bind(method).bind(int(ImageStatus::Indexed)).bind(qint64(generation)).exec(QStringLiteral("list changed fingerprints"));
        while (query.next())
            (query.value(1).toBool() ? changes.changed : changes.removed).push_back(query.value(0).toLongLong());
    }
    Statement select(m_db, m_path, QStringLiteral("SELECT DISTINCT image_id FROM fingerprint_removals WHERE seq > ? ORDER BY image_id"));
    QSqlQuery& query = select.bind(qint64(generation)).exec(QStringLiteral("list removed fingerprints"));
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        // Removed and written again since: the write stands.
        if (!std::binary_search(changes.changed.begin(), changes.changed.end(), id))
            changes.removed.push_back(id);
    }
    return changes;
}

void Catalog::forgetRemovalsUpTo(quint64 generation)
{
    requireWritable("tidy the catalog");
    Transaction tx(*this);
    Statement(m_db, m_path, QStringLiteral("DELETE FROM fingerprint_removals WHERE seq <= ?"))
        .bind(qint64(generation))
        .exec(QStringLiteral("tidy the removal log"));
    if (generation > meta(QStringLiteral("removals_forgotten_up_to"), QStringLiteral("0")).toULongLong())
        setMeta(QStringLiteral("removals_forgotten_up_to"), QString::number(generation));
    tx.commit();
}

QByteArray Catalog::projection(const QString& method) const
{
    Statement select(m_db, m_path, QStringLiteral("SELECT data FROM projections WHERE method = ?"));
    QSqlQuery& query = select.bind(method).exec(QStringLiteral("read the fingerprint projection"));
    return query.next() ? query.value(0).toByteArray() : QByteArray();
}

void Catalog::setProjection(const QString& method, const QByteArray& data)
{
    requireWritable("store a fingerprint projection");
    Statement(m_db, m_path,
              QStringLiteral("INSERT INTO projections(method, data) VALUES(?, ?) ON CONFLICT(method) DO UPDATE SET data = excluded.data"))
        .bind(method)
        .bind(data)
        .exec(QStringLiteral("store the fingerprint projection"));
}

void Catalog::rewriteFingerprint(qint64 imageId, const std::vector<float>& vector)
{
    requireWritable("store a fingerprint");
    const QString what = QStringLiteral("store the fingerprint of image %1").arg(imageId);
    const QByteArray stored = quantized(vector);
    if (stored.isEmpty())
        throw Error(QStringLiteral("Could not %1 in the catalog %2: the fingerprint is all zeros or not a number.").arg(what, m_path));
    Statement statement(m_db, m_path, QStringLiteral("UPDATE fingerprints SET vector = ?, encoding = ? WHERE image_id = ?"));
    QSqlQuery& update = statement.bind(stored).bind(int(VectorEncoding::Quantized)).bind(imageId).exec(what);
    if (update.numRowsAffected() != 1)
        throw Error(QStringLiteral("Could not %1 in the catalog %2: the image has no fingerprint.").arg(what, m_path));
}

QString Catalog::catalogId() const
{
    return meta(QStringLiteral("catalog_id"));
}

QList<qint64> Catalog::imagesNeedingFingerprint(const QString& method) const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT i.id FROM images i LEFT JOIN fingerprints f ON f.image_id = i.id"
                                    " WHERE i.status = ? OR (i.status = ? AND (f.method IS NULL OR f.method <> ?))"
                                    " ORDER BY i.id"));
    QSqlQuery& query = select.bind(int(ImageStatus::Pending))
                           .bind(int(ImageStatus::Indexed))
                           .bind(method)
                           .exec(QStringLiteral("list images to index"));
    QList<qint64> result;
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

// ---- components ----

namespace {

QByteArray encodeMask(const QImage& mask)
{
    if (mask.isNull())
        return {};
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!mask.convertToFormat(QImage::Format_Grayscale8).save(&buffer, "PNG"))
        throw Error(QStringLiteral("Could not encode a component mask as PNG"));
    return png;
}

}  // namespace

void Catalog::setComponents(qint64 imageId, const Components& components, const QString& detector)
{
    requireWritable("store feature components");
    const QString what = QStringLiteral("store the components of image %1").arg(imageId);
    Transaction tx(*this);
    {
        Statement statement(m_db, m_path,
                            QStringLiteral("UPDATE fingerprints SET components_done = 1, components_detector = ? WHERE image_id = ?"));
        QSqlQuery& update = statement.bind(detector).bind(imageId).exec(what);
        if (update.numRowsAffected() != 1)
            throw Error(QStringLiteral("Could not %1 in the catalog %2: the image has no fingerprint (store it first).")
                            .arg(what, m_path));
    }
    Statement(m_db, m_path, QStringLiteral("DELETE FROM components WHERE image_id = ?")).bind(imageId).exec(what);
    for (int i = 0; i < components.size(); ++i) {
        const Component& c = components[i];
        if (!c.mask.isNull() && c.mask.size() != c.box.size())
            throw Error(QStringLiteral("Could not %1 in the catalog %2: component %3 has a %4x%5 mask for a %6x%7 box.")
                            .arg(what, m_path)
                            .arg(i)
                            .arg(c.mask.width())
                            .arg(c.mask.height())
                            .arg(c.box.width())
                            .arg(c.box.height()));
        const QByteArray mask = encodeMask(c.mask);
        Statement(m_db, m_path,
                  QStringLiteral("INSERT INTO components(image_id, idx, x, y, w, h, score, label, group_id, mask)"
                                 " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"))
            .bind(imageId)
            .bind(i)
            .bind(c.box.x())
            .bind(c.box.y())
            .bind(c.box.width())
            .bind(c.box.height())
            .bind(double(c.score))
            .bind(c.label)
            .bind(c.group)
            .bind(mask.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(mask))
            .exec(what);
    }
    tx.commit();
}

Components Catalog::components(qint64 imageId) const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT idx, x, y, w, h, score, label, group_id, mask FROM components WHERE image_id = ?"
                                    " ORDER BY idx"));
    QSqlQuery& query = select.bind(imageId).exec(QStringLiteral("read the components of image %1").arg(imageId));
    Components result;
    while (query.next()) {
        Component c;
        c.box = QRect(query.value(1).toInt(), query.value(2).toInt(), query.value(3).toInt(), query.value(4).toInt());
        c.score = float(query.value(5).toDouble());
        c.label = query.value(6).toString();
        c.group = query.value(7).toInt();
        const QByteArray png = query.value(8).toByteArray();
        if (!png.isEmpty()) {
            c.mask = decodedMask(png, c.box.size());
            if (c.mask.isNull()) {
                const std::optional<ImageRecord> record = image(imageId);
                const DamagedEntry entry{imageId, record ? record->path : QString::number(imageId),
                                         maskDamage(query.value(0).toInt(), c.box.size())};
                throw DamagedEntryError(entry, damagedEntryMessage(m_path, entry));
            }
            if (c.mask.format() != QImage::Format_Grayscale8)
                c.mask = c.mask.convertToFormat(QImage::Format_Grayscale8);
        }
        result.append(c);
    }
    return result;
}

QList<qint64> Catalog::imagesNeedingComponents(const QString& method, const QString& detector) const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT i.id FROM images i JOIN fingerprints f ON f.image_id = i.id"
                                    " WHERE i.status = ? AND f.method = ? AND (f.components_done = 0"
                                    " OR f.components_detector IS NULL OR f.components_detector <> ?) ORDER BY i.id"));
    QSqlQuery& query = select.bind(int(ImageStatus::Indexed))
                           .bind(method)
                           .bind(detector)
                           .exec(QStringLiteral("list images needing components"));
    QList<qint64> result;
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

std::vector<DamagedEntry> Catalog::entriesOfUnknownStatus() const
{
    Statement select(m_db, m_path, QStringLiteral("SELECT id, path, status FROM images WHERE status NOT IN (?, ?, ?) ORDER BY id"));
    QSqlQuery& query = select.bind(int(ImageStatus::Pending))
                           .bind(int(ImageStatus::Indexed))
                           .bind(int(ImageStatus::Failed))
                           .exec(QStringLiteral("look for damaged image entries"));
    std::vector<DamagedEntry> result;
    while (query.next())
        result.push_back({query.value(0).toLongLong(), query.value(1).toString(),
                          QCoreApplication::translate("weft::Catalog", "its entry has the unknown status %1").arg(query.value(2).toString())});
    return result;
}

std::vector<DamagedEntry> Catalog::entriesWithDamagedComponents() const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT c.image_id, i.path, c.idx, c.w, c.h, c.mask FROM components c JOIN images i ON i.id = c.image_id"
                                    " WHERE c.mask IS NOT NULL ORDER BY c.image_id, c.idx"));
    QSqlQuery& query = select.exec(QStringLiteral("look for damaged components"));
    std::vector<DamagedEntry> result;
    while (query.next()) {
        const qint64 id = query.value(0).toLongLong();
        if (!result.empty() && result.back().imageId == id)
            continue;   // one reason per image is enough
        const QSize box(query.value(3).toInt(), query.value(4).toInt());
        if (decodedMask(query.value(5).toByteArray(), box).isNull())
            result.push_back({id, query.value(1).toString(), maskDamage(query.value(2).toInt(), box)});
    }
    return result;
}

QStringList Catalog::integrityProblems(IntegrityCheck check, const ShouldStop& shouldStop) const
{
    QStringList problems;
    const catalog_detail::SqliteInterrupt interrupt(m_db, shouldStop);
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    const bool ran = query.exec(check == IntegrityCheck::Full ? QStringLiteral("PRAGMA integrity_check") : QStringLiteral("PRAGMA quick_check"));
    interrupt.throwIfInterrupted();
    if (!ran)
        return {QCoreApplication::translate("weft::Catalog", "SQLite cannot check it: %1").arg(sqlReason(query.lastError()))};
    while (query.next()) {
        const QString finding = query.value(0).toString();
        if (finding != QLatin1String("ok"))
            problems.append(finding);
    }
    interrupt.throwIfInterrupted();
    if (query.lastError().isValid())
        problems.append(QCoreApplication::translate("weft::Catalog", "SQLite stopped checking it: %1").arg(sqlReason(query.lastError())));
    QSqlQuery counter(m_db);
    if (!counter.exec(QStringLiteral("SELECT count(*) FROM generation WHERE id = 1")) || !counter.next() || counter.value(0).toInt() != 1)
        problems.append(QCoreApplication::translate("weft::Catalog", "it has no generation counter"));
    return problems;
}

void Catalog::setAside(const std::vector<DamagedEntry>& entries)
{
    if (entries.empty())
        return;
    requireWritable("set damaged entries aside");
    Transaction tx(*this);
    for (const DamagedEntry& entry : entries) {
        const QString what = QStringLiteral("set the damaged entry of %1 aside").arg(entry.path);
        Statement(m_db, m_path, QStringLiteral("UPDATE images SET status = ?, error = NULL WHERE id = ?"))
            .bind(int(ImageStatus::Pending))
            .bind(entry.imageId)
            .exec(what);
        Statement(m_db, m_path, QStringLiteral("DELETE FROM fingerprints WHERE image_id = ?")).bind(entry.imageId).exec(what);
        Statement(m_db, m_path, QStringLiteral("DELETE FROM components WHERE image_id = ?")).bind(entry.imageId).exec(what);
    }
    tx.commit();
}

CatalogCounts Catalog::countsWhere(const QString& method, std::optional<qint64> rootId) const
{
    Statement select(m_db, m_path,
                     QStringLiteral("SELECT i.status, COALESCE(f.method = ?, 0), count(*) FROM images i"
                                    " LEFT JOIN fingerprints f ON f.image_id = i.id %1 GROUP BY 1, 2")
                         .arg(rootId ? QStringLiteral("WHERE i.root_id = ?") : QString()));
    select.bind(method);
    if (rootId)
        select.bind(*rootId);
    QSqlQuery& query = select.exec(QStringLiteral("count images"));
    CatalogCounts counts;
    while (query.next()) {
        const int status = query.value(0).toInt();
        const bool current = query.value(1).toInt() != 0;
        const qint64 n = query.value(2).toLongLong();
        switch (statusFromInt(status)) {
        case ImageStatus::Pending: counts.pending += n; break;
        case ImageStatus::Failed: counts.failed += n; break;
        case ImageStatus::Indexed: (current ? counts.indexed : counts.stale) += n; break;
        }
    }
    return counts;
}

CatalogCounts Catalog::counts(const QString& method) const
{
    return countsWhere(method, std::nullopt);
}

CatalogCounts Catalog::counts(const QString& method, qint64 rootId) const
{
    return countsWhere(method, rootId);
}

// ---- meta ----

QString Catalog::meta(const QString& key, const QString& fallback) const
{
    Statement select(m_db, m_path, QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    QSqlQuery& query = select.bind(key).exec(QStringLiteral("read setting \"%1\"").arg(key));
    if (!query.next())
        return fallback;
    return query.value(0).toString();
}

void Catalog::setMeta(const QString& key, const QString& value)
{
    requireWritable("save a setting");
    Statement(m_db, m_path,
              QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"))
        .bind(key)
        .bind(value)
        .exec(QStringLiteral("save setting \"%1\"").arg(key));
}

}  // namespace weft
