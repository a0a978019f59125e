#pragma once

#include "core/catalog/Catalog.h"
#include "core/common/Error.h"
#include "core/common/WorkStopped.h"
#include "core/features/FingerprintProjection.h"
#include "core/features/MethodConfig.h"
#include "core/index/VectorIndex.h"

#include <QElapsedTimer>
#include <QLockFile>
#include <QReadWriteLock>
#include <QSize>
#include <memory>

namespace weft {

// Another Weft program holds the library's write lock.
class LibraryInUse : public Error {
public:
    using Error::Error;
};

// The path given for a library names something that is not a folder.
class NotALibraryFolder : public Error {
public:
    using Error::Error;
};

// One library folder: the catalog (catalog.sqlite), the vector index (index.json +
// index-G.* files) and, later, the thumbnail cache.
//
// The catalog is the record; the index is a checkpoint of it. Every fingerprint
// write in the catalog takes a new generation, and the index saved at generation G
// says so in its header. Opening the library loads the index and adds what the
// catalog wrote after G (Catalog::fingerprintChangesSince): no fingerprint that is
// already in the index is read. A missing, damaged or other-method index, or one
// of another catalog, is rebuilt from the catalog. Only one process writes to a
// library at a time (a lock file guards it).
class Library {
public:
    // <user data>/weft/default, e.g. ~/.local/share/weft/default
    static QString defaultLocation();

    // How long indexing runs between two checkpoints of the index.
    static constexpr int kCheckpointSeconds = 300;
    // The library learns its fingerprint projection once it holds this many
    // fingerprints of different contents (copies of a file count once: learned
    // from fewer, the projection loses what tells prints apart, docs/BENCHMARKS.md);
    // smaller libraries keep them whole.
    static constexpr int kProjectionAt = 1000;
    // Learned from at most this many of them, one per content, spread over the library.
    static constexpr int kProjectionSample = 4000;

    enum class Access { ReadOnly, ReadWrite };
    // Whether a ReadWrite opening of the library in `folder` would get its write
    // lock now: a reader polls this to take over once the writer has ended.
    static bool isFreeToWrite(const QString& folder);
    // The lock that makes a process the library's one writer, taken; throws
    // weft::Error naming the program that holds it, or why it cannot be taken.
    static std::unique_ptr<QLockFile> lockForWriting(const QString& folder);
    // Opening catches the index up with the catalog, or rebuilds it: on a big library
    // that takes a while. When `shouldStop` says so, the constructor throws
    // WorkStopped, leaving the index checkpoint on disk as it was.
    Library(const QString& folder, const MethodConfig& method, Access access = Access::ReadWrite, const ShouldStop& shouldStop = {});
    // For the method of a key as stored with the fingerprints (MethodConfig::key()):
    // for repairing a library for the method it was indexed with, which may be no
    // MethodConfig this build makes (an older revision).
    Library(const QString& folder, const QString& methodKey, Access access = Access::ReadWrite, const ShouldStop& shouldStop = {});
    ~Library();   // saves the index (a checkpoint) when it changed

    QString folder() const { return m_folder; }
    QString methodKey() const { return m_methodKey; }
    Catalog& catalog() { return *m_catalog; }

    // The index is read under indexLock().lockForRead() and written under
    // lockForWrite(). It is null until the first fingerprint of this method exists;
    // ensureIndex() creates an empty one of the given dimension then.
    VectorIndex* index() { return m_index.get(); }
    VectorIndex& ensureIndex(int dimension);
    QReadWriteLock& indexLock() { return m_indexLock; }

    // Brings the index up to the catalog's fingerprints: adds what was written since
    // the index last caught up and drops what was removed (after a scan removed,
    // moved or changed files). Throws WorkStopped when `shouldStop` says so, with
    // what it added kept and the rest left for the next call.
    void syncIndex(const ShouldStop& shouldStop = {});

    // Fingerprints as the library stores and compares them: projected when it has
    // learned a projection (FingerprintProjection.h), else as made. A swatch query
    // goes through swatchQuery(), which projects it as a swatch. Thread-safe.
    std::vector<float> stored(const std::vector<float>& raw) const;
    std::vector<float> swatchQuery(const std::vector<float>& raw) const;
    FingerprintLayout storedLayout(const FingerprintLayout& raw) const;
    // Whether it stores them projected. Thread-safe.
    bool isProjected() const;
    // Once the library holds kProjectionAt contents' fingerprints of `rawLayout` and has no
    // projection: learns it, stores every fingerprint projected (one catalog
    // transaction) and rebuilds the index. Returns whether it did. Call it with no
    // catalog transaction open.
    bool learnProjectionIfDue(const FingerprintLayout& rawLayout);

    // Catalog writes that the index follows at once, so that it stays caught up
    // without reading back what was just written. Call them on the thread that
    // owns the library, inside or outside a catalog transaction.
    // `fingerprint` as made by the extractor; stored() is applied here.
    void storeFingerprint(qint64 imageId, const std::vector<float>& fingerprint, QSize originalSize);
    void storeFailure(qint64 imageId, const QString& reason);
    // Many at once: one catalog transaction, the index filled on `threads` threads.
    void storeFingerprints(const std::vector<qint64>& imageIds, const std::vector<std::vector<float>>& fingerprints, QSize originalSize,
                           int threads);

    // Reads every entry of the catalog (every fingerprint of this method, every
    // component mask), sets aside the damaged ones and rebuilds the index from the
    // others, then saves it. For LibraryRepair; the library must be writable.
    // When `shouldStop` says so, throws WorkStopped with the index dropped from
    // memory and the checkpoint on disk as it was (what was set aside stays set
    // aside: the next opening catches the checkpoint up with the catalog).
    void rebuildFromCatalog(const ShouldStop& shouldStop = {});

    // Writes a checkpoint of the index (only what changed since the last one) when
    // it changed. Call it with no catalog transaction open: the checkpoint records
    // the catalog generation, which must cover every vector in the index.
    void saveIndex();
    // saveIndex() when the last checkpoint is older than kCheckpointSeconds.
    void saveIndexIfDue();
    void markIndexChanged() { m_indexChanged = true; }

    // The catalog entries this library found damaged since it opened (see
    // DamagedEntry) and left out of the index; each was warned about, naming the
    // file, and, when the library is writable, made Pending for the next indexing.
    const std::vector<DamagedEntry>& setAsideEntries() const { return m_setAside; }

private:
    // Runs a catalog write that `mirror` repeats on the index; the index stays
    // caught up when it was before.
    template <typename Write, typename Mirror>
    void writeBoth(Write write, Mirror mirror);
    void openIndex(const ShouldStop& shouldStop);
    // Free space below which a library that cannot be opened for writing is on a full disk.
    static constexpr qint64 kRoomToOpen = 1024 * 1024;
    // How a reader waits for another process's index save to finish.
    static constexpr int kReaderAttempts = 10;
    static constexpr unsigned long kReaderWaitMs = 100;
    std::unique_ptr<VectorIndex> loadCheckpoint() const;
    void rebuildIndex(const ShouldStop& shouldStop = {});
    // The method the index is made for: the library's, and its projection's tag.
    QString indexKey() const;
    void addFromCatalog(const std::vector<qint64>& ids, const ShouldStop& shouldStop);
    // One damaged entry does not stop the library: it is warned about and, when the
    // library is writable, set aside in the catalog (Catalog::setAside()).
    void setAside(const std::vector<DamagedEntry>& entries);

    QString m_folder;
    QString m_methodKey;
    std::unique_ptr<QLockFile> m_writeLock;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<VectorIndex> m_index;
    std::shared_ptr<const FingerprintProjection> m_projection;   // guarded by m_indexLock
    mutable QReadWriteLock m_indexLock;
    quint64 m_syncedGeneration = 0;   // the catalog generation the index covers
    bool m_indexChanged = false;
    QElapsedTimer m_sinceCheckpoint;
    std::vector<DamagedEntry> m_setAside;
};

}  // namespace weft
