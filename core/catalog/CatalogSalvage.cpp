#include "core/catalog/CatalogSalvage.h"

#include "core/catalog/Catalog.h"
#include "core/catalog/CatalogStatement.h"
#include "core/common/AtomicFile.h"
#include "core/common/Error.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <atomic>
#include <limits>
#include <optional>

namespace weft {

namespace {

using catalog_detail::sqlReason;

std::atomic<quint64> connectionCounter{0};

// A connection of its own to one file, gone with the object.
class Connection {
public:
    explicit Connection(const QString& path) : m_name(QStringLiteral("weft-salvage-%1").arg(connectionCounter.fetch_add(1)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        if (!m_db.open())
            m_error = m_db.lastError();
    }
    ~Connection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    const QSqlDatabase& db() const { return m_db; }
    bool isOpen() const { return !m_error.isValid(); }
    const QSqlError& openError() const { return m_error; }

private:
    QString m_name;
    QSqlDatabase m_db;
    QSqlError m_error;
};

// The table names in the order they were made, parents before the tables that refer to them.
QStringList tablesOf(const QSqlDatabase& db, QSqlError& error)
{
    QSqlQuery query(db);
    QStringList tables;
    if (!query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid"))) {
        error = query.lastError();
        return {};
    }
    while (query.next())
        tables.append(query.value(0).toString());
    error = query.lastError();
    return tables;
}

QStringList columnsOf(const QSqlDatabase& db, const QString& table)
{
    QSqlQuery query(db);
    QStringList columns;
    if (query.exec(QStringLiteral("PRAGMA table_info(\"%1\")").arg(table)))
        while (query.next())
            columns.append(query.value(1).toString());
    return columns;
}

[[noreturn]] void throwNothingReadable(const QString& path, const QString& reason)
{
    throw Error(QCoreApplication::translate("weft::Catalog", "Nothing in the catalog %1 can be read (%2), so it cannot be repaired. Restore it "
                                                             "from a backup, or move it aside and index the library's folders again to "
                                                             "make a new one.")
                    .arg(path, reason));
}

// The first rowid past `after` that can be read, looking further and further
// ahead past a damaged page; nullopt when none can be found.
std::optional<qint64> nextReadableRowid(const QSqlDatabase& db, const QString& table, qint64 after)
{
    constexpr qint64 kFarthest = qint64(1) << 40;
    for (qint64 step = 1; step <= kFarthest; step *= 2) {
        QSqlQuery probe(db);
        probe.setForwardOnly(true);
        if (!probe.prepare(QStringLiteral("SELECT rowid FROM \"%1\" WHERE rowid > ? ORDER BY rowid LIMIT 1").arg(table)))
            return std::nullopt;
        probe.addBindValue(after > std::numeric_limits<qint64>::max() - step ? std::numeric_limits<qint64>::max() : after + step);
        if (!probe.exec())
            continue;
        if (probe.next())
            return probe.value(0).toLongLong();
        if (!probe.lastError().isValid())
            return std::nullopt;   // nothing beyond
    }
    return std::nullopt;
}

// Rows copied between two questions to ShouldStop.
constexpr qint64 kRowsBetweenPolls = 256;

CatalogSalvage::Table copyTable(const QSqlDatabase& from, const QSqlDatabase& to, const QString& table, const ShouldStop& shouldStop)
{
    CatalogSalvage::Table copy;
    copy.name = table;
    const QStringList columns = columnsOf(to, table);
    QStringList quoted, marks;
    for (const QString& column : columns) {
        quoted.append(QStringLiteral("\"%1\"").arg(column));
        marks.append(QStringLiteral("?"));
    }
    const QString select = QStringLiteral("SELECT rowid, %1 FROM \"%2\" WHERE rowid > ? ORDER BY rowid").arg(quoted.join(QLatin1Char(',')), table);
    QSqlQuery insert(to);
    if (!insert.prepare(QStringLiteral("INSERT OR REPLACE INTO \"%1\"(%2) VALUES(%3)").arg(table, quoted.join(QLatin1Char(',')), marks.join(QLatin1Char(',')))))
        throw Error(QStringLiteral("Cannot prepare the copy of %1: %2").arg(table, sqlReason(insert.lastError())));

    qint64 after = std::numeric_limits<qint64>::min();
    for (;;) {
        QSqlQuery read(from);
        read.setForwardOnly(true);
        bool failed = !read.prepare(select);
        if (!failed) {
            read.addBindValue(after);
            failed = !read.exec();
        }
        while (!failed && read.next()) {
            if ((copy.copied + copy.refused) % kRowsBetweenPolls == 0 && shouldStop && shouldStop())
                throw WorkStopped();
            after = read.value(0).toLongLong();
            for (int i = 0; i < columns.size(); ++i)
                insert.bindValue(i, read.value(i + 1));
            insert.exec() ? ++copy.copied : ++copy.refused;
        }
        if (!failed && !read.lastError().isValid())
            return copy;
        copy.complete = false;
        const std::optional<qint64> next = nextReadableRowid(from, table, after == std::numeric_limits<qint64>::min() ? 0 : after);
        if (!next)
            return copy;
        after = *next - 1;
    }
}

QString asideName(const QString& path)
{
    const QString stem = path + QStringLiteral(".damaged-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString name = stem;
    for (int n = 2; QFile::exists(name); ++n)
        name = stem + QStringLiteral("-%1").arg(n);
    return name;
}

void copyReadableRows(const QString& path, CatalogSalvage& salvage, int version, const ShouldStop& shouldStop)
{
    replaceFileAtomically(path, [&](const QString& fresh) {
        Catalog::createAtVersion(fresh, version);
        Connection from(salvage.damagedCopy);
        Connection to(fresh);
        if (!from.isOpen() || !to.isOpen())
            throw Error(QStringLiteral("Cannot open %1 to copy what can be read: %2")
                            .arg(from.isOpen() ? fresh : salvage.damagedCopy, sqlReason(from.isOpen() ? to.openError() : from.openError())));
        QSqlError error;
        const QStringList tables = tablesOf(to.db(), error);
        catalog_detail::execPlain(to.db(), fresh, QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("enable foreign keys"));
        catalog_detail::execPlain(to.db(), fresh, QStringLiteral("BEGIN"), QStringLiteral("start copying"));
        for (const QString& table : tables) {
            // The fresh catalog counts its own generations; the removal log only served the old index.
            if (table == QLatin1String("generation") || table == QLatin1String("fingerprint_removals"))
                continue;
            salvage.tables.push_back(copyTable(from.db(), to.db(), table, shouldStop));
        }
        // A new catalog: no index checkpoint of the damaged one is taken for it,
        // nor is its removal log, which was not copied, looked for.
        catalog_detail::execPlain(to.db(), fresh, QStringLiteral("UPDATE meta SET value = lower(hex(randomblob(16))) WHERE key = 'catalog_id'"),
                                  QStringLiteral("give the catalog a new id"));
        catalog_detail::execPlain(to.db(), fresh, QStringLiteral("DELETE FROM meta WHERE key = 'removals_forgotten_up_to'"),
                                  QStringLiteral("start a new removal log"));
        catalog_detail::execPlain(to.db(), fresh, QStringLiteral("COMMIT"), QStringLiteral("save the copied rows"));
    });
}

}  // namespace

bool CatalogSalvage::lostRows() const
{
    return std::any_of(tables.begin(), tables.end(), [](const Table& table) { return !table.complete || table.refused > 0; });
}

CatalogSalvage salvageCatalog(const QString& path, const ShouldStop& shouldStop)
{
    // Look before touching anything; what the write-ahead log holds goes into the
    // file first (a checkpoint copies pages, it reads no table).
    int version = 0;
    {
        Connection damaged(path);
        if (!damaged.isOpen())
            throwNothingReadable(path, sqlReason(damaged.openError()));
        QSqlQuery(damaged.db()).exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        QSqlError error;
        const QStringList tables = tablesOf(damaged.db(), error);
        if (error.isValid())
            throwNothingReadable(path, sqlReason(error));
        QSqlQuery query(damaged.db());
        if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
            throwNothingReadable(path, sqlReason(query.lastError()));
        version = query.value(0).toInt();
        if (version < 1 || tables.isEmpty())
            throwNothingReadable(path, QCoreApplication::translate("weft::Catalog", "it holds no Weft tables"));
        if (version > Catalog::kSchemaVersion)
            throw Error(QCoreApplication::translate("weft::Catalog", "The catalog %1 was made by a newer version of Weft (catalog schema %2); "
                                                                     "repair it with that version.")
                            .arg(path)
                            .arg(version));
    }

    CatalogSalvage salvage;
    salvage.damagedCopy = asideName(path);
    if (!QFile::copy(path, salvage.damagedCopy))
        throw Error(QCoreApplication::translate("weft::Catalog", "Cannot keep a copy of the damaged catalog as %1; nothing was changed.")
                        .arg(salvage.damagedCopy));
    // A log the checkpoint could not empty belongs to the damaged file: it goes with its copy.
    const QString log = path + QStringLiteral("-wal");
    const bool logMoved = QFile::exists(log);
    if (logMoved && !QFile::rename(log, salvage.damagedCopy + QStringLiteral("-wal")))
        throw Error(QCoreApplication::translate("weft::Catalog", "Cannot move %1 beside the copy of the damaged catalog; nothing was changed.").arg(log));
    QFile::remove(path + QStringLiteral("-shm"));

    try {
        copyReadableRows(path, salvage, version, shouldStop);
    } catch (const WorkStopped&) {
        // Stopped before the new catalog replaced the damaged one: as it was.
        if (logMoved)
            QFile::rename(salvage.damagedCopy + QStringLiteral("-wal"), log);
        QFile::remove(salvage.damagedCopy);
        throw;
    }
    return salvage;
}

}  // namespace weft
