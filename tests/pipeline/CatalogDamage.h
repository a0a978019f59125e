#pragma once

// Damage done to a library's files behind Weft's back, as a crash, a bad disk or
// another program would: for the tests that check Weft copes with it.

#include <QByteArray>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace weft::test {

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

// Runs SQL on the catalog file directly; the rows of the last statement come back,
// one string per row (its columns joined by '|').
inline QStringList execOnCatalog(const QString& catalogPath, const QStringList& statements)
{
    const QString name = QStringLiteral("damage-%1").arg(catalogPath);
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(catalogPath);
        if (!db.open())
            qFatal("cannot open %s", qPrintable(catalogPath));
        for (const QString& sql : statements) {
            QSqlQuery query(db);
            if (!query.exec(sql))
                qFatal("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
            rows.clear();
            while (query.next()) {
                QStringList columns;
                for (int i = 0; i < query.record().count(); ++i)
                    columns.append(query.value(i).toString());
                rows.append(columns.join(QLatin1Char('|')));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

}  // namespace weft::test
