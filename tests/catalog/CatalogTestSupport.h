#pragma once

// Shared by the tests/catalog tests.

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

namespace {

// A plain QtSql connection, independent of Catalog, so that tests check what is really
// in the file rather than what Catalog says about it.
class RawDb {
public:
    explicit RawDb(const QString& path) : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open())
            qFatal("cannot open %s: %s", qPrintable(path), qPrintable(db.lastError().text()));
    }
    ~RawDb()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    void exec(const QString& sql, const QVariantList& values = {}) { run(sql, values); }
    QVariant value(const QString& sql, const QVariantList& values = {})
    {
        QSqlQuery query = run(sql, values);
        return query.next() ? query.value(0) : QVariant();
    }
    QStringList columns(const QString& table)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(QStringLiteral("PRAGMA table_info(%1)").arg(table)))
            qFatal("table_info: %s", qPrintable(query.lastError().text()));
        QStringList names;
        while (query.next())
            names << query.value(1).toString();
        return names;
    }

private:
    QSqlQuery run(const QString& sql, const QVariantList& values)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.prepare(sql))
            qFatal("prepare %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        for (const QVariant& value : values)
            query.addBindValue(value);
        if (!query.exec())
            qFatal("exec %s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return query;
    }

    static inline int s_counter = 0;
    QString m_name;
};

QByteArray checksum(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

}  // namespace
