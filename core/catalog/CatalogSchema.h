#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace weft::catalog_schema {

// Schema versions are stored in PRAGMA user_version. Step N takes a database from
// version N-1 to N; a new database runs every step, so a fresh catalog and an
// upgraded one end up identical.
constexpr int kLatestVersion = 6;

// The statements of step `toVersion` (1..kLatestVersion).
QStringList migrationStep(int toVersion);

// Reads PRAGMA user_version; throws weft::Error naming `path` if the file cannot be
// read as SQLite (for example because it is some other kind of file).
int readVersion(QSqlDatabase& db, const QString& path);

// True if the database holds any table, index, view or trigger.
bool hasAnySchemaObject(QSqlDatabase& db, const QString& path);

// Runs steps fromVersion+1 .. toVersion and sets user_version, all in one
// transaction: on any failure the file is left at fromVersion and weft::Error is
// thrown. The version is re-read under the write lock, so a concurrent upgrade by
// another process is not repeated.
void migrate(QSqlDatabase& db, const QString& path, int toVersion);

}  // namespace weft::catalog_schema
