#include "core/catalog/SqliteInterrupt.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <cstring>

namespace weft::catalog_detail {

namespace {

// Virtual-machine steps between two questions: about a millisecond of a check.
constexpr int kStepsBetweenPolls = 10000;

}  // namespace

SqliteInterrupt::SqliteInterrupt(const QSqlDatabase& db, ShouldStop shouldStop) : m_shouldStop(std::move(shouldStop))
{
    // Qt's SQLite driver hands out its connection as a QVariant holding a sqlite3*
    // (documented for QSqlDriver::handle()); Debian's Qt uses the system SQLite we link.
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    if (!m_shouldStop || !handle.isValid() || std::strcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    m_handle = *static_cast<sqlite3* const*>(handle.constData());
    if (m_handle)
        sqlite3_progress_handler(m_handle, kStepsBetweenPolls, &SqliteInterrupt::poll, this);
}

SqliteInterrupt::~SqliteInterrupt()
{
    if (m_handle)
        sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
}

int SqliteInterrupt::poll(void* self)
{
    auto* interrupt = static_cast<SqliteInterrupt*>(self);
    if (!interrupt->m_shouldStop())
        return 0;
    interrupt->m_interrupted = true;
    return 1;
}

void SqliteInterrupt::throwIfInterrupted() const
{
    if (m_interrupted)
        throw WorkStopped();
}

}  // namespace weft::catalog_detail
