#include "core/pipeline/Scanner.h"

#include "core/common/Error.h"
#include "core/imaging/ContentHash.h"

#include <QDateTime>
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

QList<FoundFile> listImages(const QString& rootPath)
{
    QList<FoundFile> files;
    QDirIterator it(rootPath, QDir::Files | QDir::Readable | QDir::NoDotAndDotDot, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext()) {
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
        const QList<FoundFile> found = listImages(root.path);
        QHash<QString, ImageRecord> known;
        for (const ImageRecord& record : catalog.images(root.id))
            known.insert(record.path, record);

        Catalog::Transaction transaction(catalog);
        QList<FoundFile> newFiles;
        qint64 done = 0;
        for (const FoundFile& file : found) {
            report(observer, ++done, found.size(), file.path);
            auto it = known.find(file.path);
            if (it == known.end()) {
                newFiles.append(file);
                continue;
            }
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
                catalog.setFailed(record.id, error.message());
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
            ImageRecord record;
            record.rootId = root.id;
            record.path = file.path;
            record.size = file.size;
            record.mtimeMs = file.mtimeMs;
            try {
                record.contentHash = contentHash(file.path);
            } catch (const Error& error) {
                record.status = ImageStatus::Failed;
                record.error = error.message();
                catalog.upsertImage(record);
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
                if (const auto fingerprint = catalog.fingerprint(old.id))
                    catalog.setFingerprint(id, fingerprint->method, fingerprint->vector, old.width, old.height);
                catalog.moveCollectionItems(old.id, id);
                catalog.removeImage(old.id);
                ++summary.renamed;
            } else {
                catalog.upsertImage(record);
                ++summary.added;
            }
        }

        for (const ImageRecord& record : std::as_const(known)) {
            catalog.removeImage(record.id);
            ++summary.removed;
        }
        transaction.commit();
    }
    return summary;
}

}  // namespace weft
