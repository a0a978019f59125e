#pragma once

#include "core/common/Error.h"

#include <QString>

namespace weft {

// The disk that holds a file Weft must write is full.
class DiskFull : public Error {
public:
    using Error::Error;
};

// For a write to `path` that failed without the system saying why (a lock file,
// a new folder): throws DiskFull, saying how much room is left, when the disk
// holding `path` has less than `needed` bytes free.
void throwIfDiskFull(const QString& path, qint64 needed);

}  // namespace weft
