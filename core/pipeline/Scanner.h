#pragma once

#include "core/catalog/Catalog.h"
#include "core/pipeline/Progress.h"

#include <QList>
#include <QStringList>

namespace weft {

struct ScanSummary {
    qint64 added = 0;
    qint64 changed = 0;
    qint64 renamed = 0;       // moved or renamed files keep their fingerprint
    qint64 removed = 0;
    qint64 unchanged = 0;
    QStringList missingRoots; // folders not found (e.g. an unplugged drive): their images are kept
    bool stopped = false;     // the observer asked to stop; the next scan finishes the work
};

// Brings the catalog in line with the files under the library's folders:
// new files become pending, changed files (size or time differ and the content
// hash too) pending again, deleted files are removed, and a file that appears
// with the content of one that disappeared is taken as the same image moved.
// Anything under an image's name that is not an ordinary file (a link to a
// device, a named pipe, a link loop) is catalogued as failed, with the reason,
// and never read. The observer's shouldStop() is asked between two files; a
// stop commits what is done and leaves the rest to the next scan.
class Scanner {
public:
    // Lower-case suffixes of the files looked at.
    static const QStringList& imageSuffixes();

    static ScanSummary scan(Catalog& catalog, const QList<LibraryRoot>& roots, ProgressObserver* observer = nullptr);

    // The same for a few folders inside `roots` (a FolderWatcher's), not the whole
    // tree: the images directly in each folder, not in the folders inside it. A
    // folder that is gone takes every image under it out of the catalog, unless
    // its library folder is gone too (an unplugged drive). A file moved between
    // two of the folders is recognised as moved.
    static ScanSummary scanFolders(Catalog& catalog, const QList<LibraryRoot>& roots, const QStringList& folders,
                                   ProgressObserver* observer = nullptr);
};

}  // namespace weft
