#pragma once

#include "core/common/WorkStopped.h"

#include <QSqlDatabase>

struct sqlite3;

namespace weft::catalog_detail {

// While it lives, a statement running on `db` fails (SQLITE_INTERRUPT) soon after
// `shouldStop` turns true: SQLite asks it every few thousand steps of its virtual
// machine. For the statements that take long on a big catalog and have no rows to
// stop between (integrity_check). The caller runs them, then calls
// throwIfInterrupted() before reading their failure as damage.
class SqliteInterrupt {
public:
    SqliteInterrupt(const QSqlDatabase& db, ShouldStop shouldStop);
    ~SqliteInterrupt();
    SqliteInterrupt(const SqliteInterrupt&) = delete;
    SqliteInterrupt& operator=(const SqliteInterrupt&) = delete;

    // Throws WorkStopped when it stopped a statement.
    void throwIfInterrupted() const;

private:
    static int poll(void* self);

    sqlite3* m_handle = nullptr;
    ShouldStop m_shouldStop;
    bool m_interrupted = false;
};

}  // namespace weft::catalog_detail
