#pragma once

#include <QString>
#include <functional>

namespace weft {

// Replaces `path` so that a crash at any moment leaves either the old complete
// file or the new complete file, never a mix: `write` fills a temporary file in
// the same folder, which is flushed to disk (fsync) and then renamed over `path`;
// the folder is synced too so the rename itself survives a power cut.
// Throws weft::Error (with the path and the system's reason) when any step fails;
// the temporary file is removed and `path` is untouched then.
void replaceFileAtomically(const QString& path, const std::function<void(const QString& temporaryPath)>& write);

// Removes from `folder` the temporary files replaceFileAtomically() leaves when the
// process is killed while writing. Call it only while no other process can be
// writing there (e.g. holding the folder's lock). Failing to remove one is harmless.
void removeStaleTemporaries(const QString& folder);

// Convenience for small files written in one piece.
void writeFileAtomically(const QString& path, const QByteArray& contents);

// Flushes a file or folder to stable storage; throws weft::Error on failure.
void syncToDisk(const QString& path);

}  // namespace weft
