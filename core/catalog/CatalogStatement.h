#pragma once

// For the files that implement Catalog: queries run through these so that every
// failure carries the catalog path and SQLite's own words, and no caller can
// mistake a failed query for an empty result.

#include "core/common/Error.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

namespace weft::catalog_detail {

// SQLite's words, and for a damaged file ("database disk image is malformed")
// what the user can do about it.
inline QString sqlReason(const QSqlError& error)
{
    constexpr int kSqliteCorrupt = 11;   // SQLITE_CORRUPT; its extended codes share the low byte
    const QString text = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    if (text.isEmpty())
        return QStringLiteral("unknown SQLite error");
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric);
    if (numeric && (code & 0xff) == kSqliteCorrupt)
        return QCoreApplication::translate("weft::Catalog", "%1. The file is damaged: move it aside (with any -wal and -shm file beside it), "
                                                            "then index the library's folders again to make a new catalog")
            .arg(text);
    return text;
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
    [[noreturn]] void fail(const QString& what)
    {
        throw Error(QStringLiteral("Could not %1 in the catalog %2: %3").arg(what, m_path, sqlReason(m_query.lastError())));
    }
    QSqlQuery m_query;
    QString m_path;
};

inline void execPlain(const QSqlDatabase& db, const QString& catalogPath, const QString& sql, const QString& what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw Error(QStringLiteral("Could not %1 in the catalog %2: %3").arg(what, catalogPath, sqlReason(query.lastError())));
}

}  // namespace weft::catalog_detail
