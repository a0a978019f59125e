#pragma once

#include "core/common/WorkStopped.h"

#include <QString>
#include <QtGlobal>
#include <vector>

namespace weft {

// What salvageCatalog() kept of a damaged catalog.
struct CatalogSalvage {
    QString damagedCopy;   // the damaged file, kept beside the new one
    struct Table {
        QString name;
        qint64 copied = 0;
        qint64 refused = 0;     // read, but belonging to a row that was lost (an image's fingerprint whose image was unreadable)
        bool complete = true;   // false: some of its rows could not be read
    };
    std::vector<Table> tables;

    bool lostRows() const;
};

// Copies every row that SQLite can still read from the damaged catalog at `path`,
// table by table (past a damaged page where it can), into a fresh catalog of the
// same schema, which then replaces `path` atomically; the damaged file is kept
// beside it as <path>.damaged-<date and time>. The new catalog has an id of its
// own, so the search index is rebuilt from it.
// Throws weft::Error, leaving `path` as it was, when not even its schema can be read;
// WorkStopped, leaving it as it was too, when `shouldStop` said so before the end.
// Call it with the library locked and no connection open on `path`.
CatalogSalvage salvageCatalog(const QString& path, const ShouldStop& shouldStop = {});

}  // namespace weft
