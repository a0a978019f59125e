#pragma once

// For the files that implement Catalog: queries run through these so that every
// failure carries the catalog path and SQLite's own words, and no caller can
// mistake a failed query for an empty result.

#include "core/catalog/Catalog.h"
#include "core/common/Error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace weft::catalog_detail {

// Whether SQLite found the file malformed (SQLITE_CORRUPT and its extended codes).
inline bool isCorruption(const QSqlError& error)
{
    constexpr int kSqliteCorrupt = 11;   // its extended codes share the low byte
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    return numeric && (code & 0xff) == kSqliteCorrupt;
}

// SQLite's words, and for a damaged file ("database disk image is malformed")
// what the user can do about it.
inline QString sqlReason(const QSqlError& error)
{
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (text.isEmpty())
        return QStringLiteral("unknown SQLite error");
    if (isCorruption(error))
        return QCoreApplication::translate("weft::Catalog", "%1. The file is damaged: run `weft-cli repair` or Repair in Weft to save what "
                                                            "can be read into a new catalog")
            .arg(text);
    return text;
}

// "Could not <what> in the catalog <path>: <reason>", as DamagedCatalogError when
// the file is malformed, so that the way to repair it can be offered.
[[noreturn]] inline void throwSqlFailure(const QString& what, const QString& catalogPath, const QSqlError& error)
{
    const QString message = QStringLiteral("Could not %1 in the catalog %2: %3").arg(what, catalogPath, sqlReason(error));
    if (isCorruption(error))
        throw DamagedCatalogError(message);
    throw Error(message);
}

class Statement {
public:
    Statement(const QSqlDatabase& db, const QString& catalogPath, const QString& sql) :
        m_query(db), m_path(catalogPath)
    {
        m_query.setForwardOnly(true);   // rows are read once, in order: none is kept twice
        if (!m_query.prepare(sql))
            fail(QStringLiteral("prepare a query"));
    }
    Statement& bind(const QVariant& value)
    {
        m_query.addBindValue(value);
        return *this;
    }
    QSqlQuery& exec(const QString& what)
    {
        if (!m_query.exec())
            fail(what);
        return m_query;
    }

private:
    [[noreturn]] void fail(const QString& what) { throwSqlFailure(what, m_path, m_query.lastError()); }
    QSqlQuery m_query;
    QString m_path;
};

inline void execPlain(const QSqlDatabase& db, const QString& catalogPath, const QString& sql, const QString& what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throwSqlFailure(what, catalogPath, query.lastError());
}

}  // namespace weft::catalog_detail
