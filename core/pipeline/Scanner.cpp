#include "core/pipeline/Scanner.h"

#include "core/common/Error.h"
#include "core/imaging/ContentHash.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>

namespace weft {

namespace {

struct FoundFile {
    QString path;
    qint64 size = 0;
    qint64 mtimeMs = 0;
};

// Asked between two files, as ProgressObserver describes.
bool stopRequested(ProgressObserver* observer)
{
    return observer && observer->shouldStop();
}

// The images in `folder`, and with `Depth::Everything` in the folders inside it too.
// Sets `stopped` and returns what it has when the observer asks to stop.
QList<FoundFile> listImages(const QString& folder, Catalog::Depth depth, ProgressObserver* observer, bool& stopped)
{
    QList<FoundFile> files;
    const QDirIterator::IteratorFlags flags = depth == Catalog::Depth::Everything
                                                  ? QDirIterator::Subdirectories | QDirIterator::FollowSymlinks
                                                  : QDirIterator::NoIteratorFlags;
    // Unreadable files, devices, named pipes, sockets and broken links too: under an
    // image's name they become failed images with the reason (contentHash refuses to
    // read them), rather than being left out without a word.
    QDirIterator it(folder, QDir::Files | QDir::System | QDir::NoDotAndDotDot, flags);
    while (it.hasNext()) {
        if (stopRequested(observer)) {
            stopped = true;
            break;
        }
        it.next();
        const QFileInfo info = it.fileInfo();
        if (!Scanner::imageSuffixes().contains(info.suffix().toLower()))
            continue;
        files.append({info.absoluteFilePath(), info.size(), info.lastModified().toMSecsSinceEpoch()});
    }
    return files;
}

void report(ProgressObserver* observer, qint64 done, qint64 total, const QString& file)
{
    if (!observer)
        return;
    ProgressReport progress;
    progress.phase = ProgressPhase::Scanning;
    progress.done = done;
    progress.total = total;
    progress.currentFile = file;
    observer->progress(progress);
}

void reportFailure(ProgressObserver* observer, const QString& path, const QString& reason)
{
    if (observer)
        observer->fileFailed(path, reason);
}

// A file listed a moment ago that is not there any more (a broken link is there:
// it fails with its own reason).
bool isGone(const QString& path)
{
    const QFileInfo info(path);
    return !info.exists() && !info.isSymLink();
}

// Brings the catalog's images `known` of root `rootId` in line with the files
// `found` where they were looked for. A stop keeps what is done: the files
// looked at so far are updated, and nothing is taken for moved or removed,
// since a file not reached yet would look gone.
void reconcile(Catalog& catalog, qint64 rootId, const QList<FoundFile>& found, QHash<QString, ImageRecord> known, ScanSummary& summary,
               ProgressObserver* observer)
{
    Catalog::Transaction transaction(catalog);
    QList<FoundFile> newFiles;
    qint64 done = 0;
    // Before each file is looked at: whether to, and if so, which file it is.
    const auto goOn = [&](const FoundFile& file) {
        summary.stopped = summary.stopped || stopRequested(observer);
        if (!summary.stopped)
            report(observer, ++done, found.size(), file.path);
        return !summary.stopped;
    };
    for (const FoundFile& file : found) {
        auto it = known.find(file.path);
        if (it == known.end()) {
            newFiles.append(file);   // looked at below
            continue;
        }
        if (!goOn(file))
            break;
        ImageRecord record = it.value();
        known.erase(it);
        if (record.size == file.size && record.mtimeMs == file.mtimeMs) {
            ++summary.unchanged;
            continue;
        }
        QByteArray hash;
        try {
            hash = contentHash(file.path);
        } catch (const Error& error) {
            if (isGone(file.path)) {
                known.insert(record.path, record);   // removed below, with the others that are gone
                continue;
            }
            catalog.setFailed(record.id, error.message());
            reportFailure(observer, file.path, error.message());
            continue;
        }
        const bool contentChanged = hash != record.contentHash;
        record.size = file.size;
        record.mtimeMs = file.mtimeMs;
        record.contentHash = hash;
        if (contentChanged) {
            record.status = ImageStatus::Pending;
            record.error.clear();
            ++summary.changed;
        } else {
            ++summary.unchanged;  // touched, not changed
        }
        catalog.upsertImage(record);
    }

    // What is left in `known` has disappeared; a new file with its content is the same image moved.
    QMultiHash<QByteArray, ImageRecord> disappearedByHash;
    for (const ImageRecord& record : std::as_const(known))
        disappearedByHash.insert(record.contentHash, record);

    for (const FoundFile& file : std::as_const(newFiles)) {
        if (summary.stopped || !goOn(file))
            break;
        ImageRecord record;
        record.rootId = rootId;
        record.path = file.path;
        record.size = file.size;
        record.mtimeMs = file.mtimeMs;
        try {
            record.contentHash = contentHash(file.path);
        } catch (const Error& error) {
            if (isGone(file.path)) {   // counted once: as failed, never as new
                reportFailure(observer, file.path,
                              QCoreApplication::translate("weft::Scanner", "%1 is gone: it was deleted or moved while the library was scanned")
                                  .arg(QDir::toNativeSeparators(file.path)));
                continue;
            }
            record.status = ImageStatus::Failed;
            record.error = error.message();
            catalog.upsertImage(record);
            reportFailure(observer, file.path, error.message());
            ++summary.added;
            continue;
        }
        auto moved = disappearedByHash.find(record.contentHash);
        if (moved != disappearedByHash.end() && moved->size == file.size) {
            const ImageRecord old = moved.value();
            disappearedByHash.erase(moved);
            known.remove(old.path);
            record.width = old.width;
            record.height = old.height;
            record.status = old.status == ImageStatus::Indexed ? ImageStatus::Pending : old.status;
            record.error = old.error;
            const qint64 id = catalog.upsertImage(record);
            try {
                if (const auto fingerprint = catalog.fingerprint(old.id))
                    catalog.setFingerprint(id, fingerprint->method, fingerprint->vector, old.width, old.height);
            } catch (const DamagedEntryError&) {
                // The moved image stays Pending: indexing describes it anew.
            }
            catalog.moveCollectionItems(old.id, id);
            catalog.removeImage(old.id);
            ++summary.renamed;
        } else {
            catalog.upsertImage(record);
            ++summary.added;
        }
    }

    for (const ImageRecord& record : std::as_const(known)) {
        if (summary.stopped)
            break;
        catalog.removeImage(record.id);
        ++summary.removed;
    }
    transaction.commit();
}

QHash<QString, ImageRecord> byPath(const QList<ImageRecord>& records)
{
    QHash<QString, ImageRecord> known;
    for (const ImageRecord& record : records)
        known.insert(record.path, record);
    return known;
}

bool isUnder(const QString& path, const QString& folder)
{
    return path == folder || path.startsWith(folder.endsWith(QLatin1Char('/')) ? folder : folder + QLatin1Char('/'));
}

}  // namespace

const QStringList& Scanner::imageSuffixes()
{
    static const QStringList suffixes{QStringLiteral("jpg"), QStringLiteral("jpeg"), QStringLiteral("png"), QStringLiteral("tif"),
                                      QStringLiteral("tiff"), QStringLiteral("bmp"), QStringLiteral("webp"), QStringLiteral("heic"),
                                      QStringLiteral("heif")};
    return suffixes;
}

ScanSummary Scanner::scan(Catalog& catalog, const QList<LibraryRoot>& roots, ProgressObserver* observer)
{
    ScanSummary summary;
    for (const LibraryRoot& root : roots) {
        if (!QFileInfo(root.path).isDir()) {
            summary.missingRoots.append(root.path);
            continue;
        }
        const QList<FoundFile> found = listImages(root.path, Catalog::Depth::Everything, observer, summary.stopped);
        if (summary.stopped)
            break;
        reconcile(catalog, root.id, found, byPath(catalog.images(root.id)), summary, observer);
        if (summary.stopped)
            break;
    }
    return summary;
}

ScanSummary Scanner::scanFolders(Catalog& catalog, const QList<LibraryRoot>& roots, const QStringList& folders, ProgressObserver* observer)
{
    ScanSummary summary;
    for (const LibraryRoot& root : roots) {
        QStringList inRoot;
        for (const QString& folder : folders)
            if (isUnder(QDir::cleanPath(folder), root.path))
                inRoot.append(QDir::cleanPath(folder));
        if (inRoot.isEmpty())
            continue;
        if (!QFileInfo(root.path).isDir()) {
            summary.missingRoots.append(root.path);
            continue;
        }
        // All of a root's folders in one pass, so that a file moved from one to
        // another is recognised as moved.
        QList<FoundFile> found;
        QHash<QString, ImageRecord> known;
        for (const QString& folder : std::as_const(inRoot)) {
            const bool there = QFileInfo(folder).isDir();
            if (there)
                found += listImages(folder, Catalog::Depth::Direct, observer, summary.stopped);
            if (summary.stopped)
                return summary;
            known.insert(byPath(catalog.imagesIn(folder, there ? Catalog::Depth::Direct : Catalog::Depth::Everything)));
        }
        reconcile(catalog, root.id, found, known, summary, observer);
        if (summary.stopped)
            break;
    }
    return summary;
}

}  // namespace weft
