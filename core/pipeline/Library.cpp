#include "core/pipeline/Library.h"

#include "core/common/AtomicFile.h"
#include "core/common/DiskFull.h"
#include "core/common/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QReadLocker>
#include <QSet>
#include <QStandardPaths>
#include <QThread>

#include <algorithm>
#include <map>

namespace weft {

namespace {

// A fingerprint the index cannot hold beside the others.
DamagedEntry ofAnotherLength(qint64 imageId, const QString& path, std::size_t length, int indexLength)
{
    return {imageId, path,
            QCoreApplication::translate("weft::Library", "its fingerprint has %1 values where the others have %2").arg(length).arg(indexLength)};
}

// The length most of `fingerprints` have.
std::size_t usualLength(const std::vector<StoredFingerprint>& fingerprints)
{
    std::map<std::size_t, std::size_t> counts;
    for (const StoredFingerprint& fingerprint : fingerprints)
        ++counts[fingerprint.vector.size()];
    return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
}

QString lockPath(const QString& folder)
{
    return QDir(folder).filePath(QStringLiteral("library.lock"));
}

}  // namespace

QString Library::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/weft/default");
}

std::unique_ptr<QLockFile> Library::lockForWriting(const QString& folder)
{
    if (!QDir().mkpath(folder)) {
        throwIfDiskFull(folder, kRoomToOpen);
        throw Error(QCoreApplication::translate("weft::Library",
                                                "Cannot create the library folder %1: check that its parent exists and is writable").arg(folder));
    }
    auto lock = std::make_unique<QLockFile>(lockPath(folder));
    lock->setStaleLockTime(0);
    if (!lock->tryLock(2000)) {
        if (lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host, application;
            lock->getLockInfo(&pid, &host, &application);
            throw LibraryInUse(QCoreApplication::translate("weft::Library",
                                                           "The library %1 is in use by another Weft program (%2, process %3); close it first")
                                   .arg(folder, application).arg(pid));
        }
        if (lock->error() == QLockFile::PermissionError)
            throw Error(QCoreApplication::translate("weft::Library", "Cannot lock the library %1: the folder is not writable").arg(folder));
        throwIfDiskFull(folder, kRoomToOpen);   // Qt's lock says nothing more when its file cannot be written
        throw Error(QCoreApplication::translate("weft::Library", "Cannot lock the library %1: its lock file %2 cannot be written")
                        .arg(folder, lockPath(folder)));
    }
    return lock;
}

Library::Library(const QString& folder, const MethodConfig& method, Access access, const ShouldStop& shouldStop)
    : Library(folder, method.key(), access, shouldStop)
{
}

Library::Library(const QString& folder, const QString& methodKey, Access access, const ShouldStop& shouldStop)
    : m_folder(QDir(folder).absolutePath()), m_methodKey(methodKey)
{
    const QFileInfo given(m_folder);
    if (given.exists() && !given.isDir())
        throw NotALibraryFolder(QCoreApplication::translate("weft::Library", "%1 is a file, not a library folder: name a folder for the library "
                                                                             "(a new one is made where none exists)")
                                    .arg(QDir::toNativeSeparators(m_folder)));
    if (access == Access::ReadWrite) {
        m_writeLock = lockForWriting(m_folder);
        // What a save killed half-way left; nobody else writes here now.
        removeStaleTemporaries(m_folder);
    } else if (!QFileInfo::exists(QDir(m_folder).filePath(QStringLiteral("catalog.sqlite")))) {
        throw Error(QCoreApplication::translate("weft::Library", "There is no Weft library in %1 yet: index some folders into it first").arg(m_folder));
    }
    m_catalog = std::make_unique<Catalog>(QDir(m_folder).filePath(QStringLiteral("catalog.sqlite")));
    // Older versions let a folder and one inside it both be roots; every scan then
    // moved the shared images from one to the other and had them indexed again.
    if (m_writeLock && !m_catalog->isReadOnly())
        m_catalog->foldNestedRoots();
    setAside(m_catalog->entriesOfUnknownStatus());
    const QByteArray projection = m_catalog->projection(m_methodKey);
    if (!projection.isEmpty())
        m_projection = std::make_shared<const FingerprintProjection>(FingerprintProjection::fromBytes(projection));
    openIndex(shouldStop);
    saveIndex();
}

bool Library::isFreeToWrite(const QString& folder)
{
    QLockFile probe(lockPath(QDir(folder).absolutePath()));
    probe.setStaleLockTime(0);   // as the writer has it: a live holder is never taken for stale
    return probe.tryLock(0);
}

Library::~Library()
{
    try {
        saveIndex();
    } catch (const std::exception& error) {
        qWarning("%s", error.what());  // the catalog keeps every fingerprint: the next start catches up
    }
}

void Library::openIndex(const ShouldStop& shouldStop)
{
    QWriteLocker locker(&m_indexLock);
    try {
        m_index = loadCheckpoint();
        // Another method's vectors, another catalog's ids (a copied or replaced
        // catalog), or a checkpoint ahead of the catalog (a catalog restored from
        // an older copy): the checkpoint cannot be caught up, only rebuilt.
        if (m_index->method() != indexKey() || m_index->checkpointCatalogId() != m_catalog->catalogId()
            || m_index->checkpointGeneration() > m_catalog->generation())
            m_index.reset();
    } catch (const IndexMissing&) {
        m_index.reset();
    } catch (const Error& error) {
        qWarning("Rebuilding the index from the catalog: %s", error.what());
        m_index.reset();
    }
    if (!m_index) {
        rebuildIndex(shouldStop);
        return;
    }
    m_syncedGeneration = m_index->checkpointGeneration();
    m_sinceCheckpoint.start();
    locker.unlock();
    syncIndex(shouldStop);
}

std::unique_ptr<VectorIndex> Library::loadCheckpoint() const
{
    if (m_writeLock)
        return VectorIndex::load(m_folder, VectorIndex::Writes::Allowed);
    // A reader must not finish the writer's save; it waits for the writer instead.
    // A save takes well under a second, so a journal still there after that was
    // left by a crash, which only the writer settles: the reader then builds its
    // own copy from the catalog.
    for (int attempt = 0;; ++attempt) {
        try {
            return VectorIndex::load(m_folder, VectorIndex::Writes::None);
        } catch (const IndexBeingSaved&) {
            if (attempt == kReaderAttempts)
                throw;
        }
        QThread::msleep(kReaderWaitMs);
    }
}

void Library::rebuildIndex(const ShouldStop& shouldStop)
{
    m_syncedGeneration = m_catalog->generation();
    Catalog::StoredFingerprints read = m_catalog->fingerprints(m_methodKey, shouldStop);
    m_sinceCheckpoint.start();
    if (read.readable.empty()) {
        setAside(read.damaged);
        return;
    }
    const std::size_t dimension = usualLength(read.readable);
    std::vector<qint64> ids;
    std::vector<std::vector<float>> vectors;
    ids.reserve(read.readable.size());
    vectors.reserve(read.readable.size());
    for (StoredFingerprint& fingerprint : read.readable) {
        if (fingerprint.vector.size() != dimension) {
            const auto record = m_catalog->image(fingerprint.imageId);
            read.damaged.push_back(ofAnotherLength(fingerprint.imageId, record ? record->path : QString(), fingerprint.vector.size(), int(dimension)));
            continue;
        }
        ids.push_back(fingerprint.imageId);
        vectors.push_back(std::move(fingerprint.vector));
    }
    setAside(read.damaged);
    m_index = std::make_unique<VectorIndex>(int(dimension), indexKey());
    m_index->addBatch(ids, vectors, std::max(1, QThread::idealThreadCount()), shouldStop);
    m_indexChanged = true;
}

void Library::addFromCatalog(const std::vector<qint64>& ids, const ShouldStop& shouldStop)
{
    // Fingerprints read and added between two questions to shouldStop.
    constexpr std::size_t kBetweenPolls = 256;
    std::vector<DamagedEntry> damaged;
    for (std::size_t k = 0; k < ids.size(); ++k) {
        if (k % kBetweenPolls == kBetweenPolls - 1 && shouldStop && shouldStop())
            throw WorkStopped();
        const qint64 id = ids[k];
        std::optional<StoredFingerprint> stored;
        try {
            stored = m_catalog->fingerprint(id);
        } catch (const DamagedEntryError& error) {
            damaged.push_back(error.entry());
            continue;
        }
        if (!stored || stored->method != m_methodKey)
            continue;
        if (m_index && int(stored->vector.size()) != m_index->dim()) {
            const auto record = m_catalog->image(id);
            damaged.push_back(ofAnotherLength(id, record ? record->path : QString(), stored->vector.size(), m_index->dim()));
            continue;
        }
        ensureIndex(int(stored->vector.size())).add(id, stored->vector);
        m_indexChanged = true;
    }
    setAside(damaged);
}

void Library::setAside(const std::vector<DamagedEntry>& entries)
{
    if (entries.empty())
        return;
    const bool writable = m_writeLock && !m_catalog->isReadOnly();
    for (const DamagedEntry& entry : entries)
        qWarning("%s", qPrintable((writable ? QCoreApplication::translate("weft::Library", "The catalog entry for %1 is damaged (%2): it was set "
                                                                                             "aside, and the next indexing describes the image anew")
                                            : QCoreApplication::translate("weft::Library", "The catalog entry for %1 is damaged (%2): it is left out "
                                                                                             "of searches until `weft-cli repair` or Repair in Weft "
                                                                                             "sets it aside to be indexed again"))
                                      .arg(entry.path, entry.reason)));
    if (writable)
        m_catalog->setAside(entries);
    m_setAside.insert(m_setAside.end(), entries.begin(), entries.end());
}

void Library::rebuildFromCatalog(const ShouldStop& shouldStop)
{
    if (!m_writeLock)
        throw Error(QStringLiteral("Internal error: the library %1 was to be rebuilt while open read-only").arg(m_folder));
    setAside(m_catalog->entriesWithDamagedComponents());
    {
        QWriteLocker locker(&m_indexLock);
        m_index.reset();
        try {
            rebuildIndex(shouldStop);
        } catch (const WorkStopped&) {
            // A part of the index must not become the checkpoint: it would claim
            // the catalog's generation without holding all of its fingerprints.
            m_index.reset();
            m_indexChanged = false;
            m_syncedGeneration = 0;   // a later syncIndex() adds every fingerprint
            throw;
        }
    }
    m_indexChanged = true;
    saveIndex();
}

void Library::syncIndex(const ShouldStop& shouldStop)
{
    QWriteLocker locker(&m_indexLock);
    const quint64 generation = m_catalog->generation();
    if (generation == m_syncedGeneration && m_index)
        return;
    const FingerprintChanges changes = m_catalog->fingerprintChangesSince(m_methodKey, m_syncedGeneration);
    if (m_index) {
        for (qint64 id : changes.removed) {
            if (m_index->contains(id)) {
                m_index->remove(id);
                m_indexChanged = true;
            }
        }
    }
    addFromCatalog(changes.changed, shouldStop);
    // The removal log did not reach back far enough, or the index does not hold
    // what the catalog counts (a checkpoint saved with writes the catalog then
    // rolled back): compare ids, still without reading the vectors already there.
    if (m_index && (!changes.complete || qint64(m_index->size()) != m_catalog->fingerprintCount(m_methodKey))) {
        std::vector<qint64> inCatalog = m_catalog->fingerprintIds(m_methodKey);
        std::vector<qint64> inIndex = m_index->ids();
        std::vector<qint64> missing, extra;
        std::set_difference(inCatalog.begin(), inCatalog.end(), inIndex.begin(), inIndex.end(), std::back_inserter(missing));
        std::set_difference(inIndex.begin(), inIndex.end(), inCatalog.begin(), inCatalog.end(), std::back_inserter(extra));
        for (qint64 id : extra)
            m_index->remove(id);
        addFromCatalog(missing, shouldStop);
        m_indexChanged = m_indexChanged || !missing.empty() || !extra.empty();
    }
    m_syncedGeneration = generation;
}

template <typename Write, typename Mirror>
void Library::writeBoth(Write write, Mirror mirror)
{
    const bool caughtUp = m_catalog->generation() == m_syncedGeneration;
    write();
    QWriteLocker locker(&m_indexLock);
    mirror();
    if (caughtUp)
        m_syncedGeneration = m_catalog->generation();
}

void Library::storeFingerprint(qint64 imageId, const std::vector<float>& raw, QSize originalSize)
{
    const std::vector<float> fingerprint = stored(raw);
    writeBoth([&] { m_catalog->setFingerprint(imageId, m_methodKey, fingerprint, originalSize.width(), originalSize.height()); },
              [&] {
                  ensureIndex(int(fingerprint.size())).add(imageId, fingerprint);
                  m_indexChanged = true;
              });
}

void Library::storeFingerprints(const std::vector<qint64>& imageIds, const std::vector<std::vector<float>>& raw, QSize originalSize,
                                int threads)
{
    std::vector<std::vector<float>> fingerprints;
    fingerprints.reserve(raw.size());
    for (const std::vector<float>& vector : raw)
        fingerprints.push_back(stored(vector));
    writeBoth(
        [&] {
            Catalog::Transaction transaction(*m_catalog);
            for (std::size_t i = 0; i < imageIds.size(); ++i)
                m_catalog->setFingerprint(imageIds[i], m_methodKey, fingerprints[i], originalSize.width(), originalSize.height());
            transaction.commit();
        },
        [&] {
            if (fingerprints.empty())
                return;
            ensureIndex(int(fingerprints.front().size())).addBatch(imageIds, fingerprints, threads);
            m_indexChanged = true;
        });
}

void Library::storeFailure(qint64 imageId, const QString& reason)
{
    writeBoth([&] { m_catalog->setFailed(imageId, reason); },
              [&] {
                  if (m_index && m_index->contains(imageId)) {
                      m_index->remove(imageId);
                      m_indexChanged = true;
                  }
              });
}

VectorIndex& Library::ensureIndex(int dimension)
{
    if (!m_index)
        m_index = std::make_unique<VectorIndex>(dimension, indexKey());
    return *m_index;
}

QString Library::indexKey() const
{
    return m_projection ? m_methodKey + QStringLiteral(";proj=") + m_projection->tag() : m_methodKey;
}

std::vector<float> Library::stored(const std::vector<float>& raw) const
{
    QReadLocker locker(&m_indexLock);
    return m_projection ? m_projection->apply(raw) : raw;
}

std::vector<float> Library::swatchQuery(const std::vector<float>& raw) const
{
    QReadLocker locker(&m_indexLock);
    return m_projection ? m_projection->apply(raw, FingerprintProjection::Subject::Swatch) : raw;
}

FingerprintLayout Library::storedLayout(const FingerprintLayout& raw) const
{
    QReadLocker locker(&m_indexLock);
    return m_projection ? m_projection->projectedLayout() : raw;
}

bool Library::isProjected() const
{
    QReadLocker locker(&m_indexLock);
    return bool(m_projection);
}

bool Library::learnProjectionIfDue(const FingerprintLayout& rawLayout)
{
    {
        QReadLocker locker(&m_indexLock);
        if (m_projection || !m_writeLock)
            return false;
    }
    if (m_catalog->contentCount(m_methodKey) < kProjectionAt)
        return false;
    if (m_catalog->inTransaction())
        throw Error(QStringLiteral("Internal error: the projection of %1 was to be learned inside a catalog transaction").arg(m_folder));
    const Catalog::StoredFingerprints read = m_catalog->fingerprints(m_methodKey);
    setAside(read.damaged);
    const std::vector<StoredFingerprint>& all = read.readable;
    // One fingerprint of each content: copies of a file are no more images to
    // learn from, and a folder added twice must not weigh twice.
    QHash<qint64, QByteArray> contentOf;
    for (const ImageRecord& image : m_catalog->images(ImageStatus::Indexed))
        contentOf.insert(image.id, image.contentHash);
    std::vector<const StoredFingerprint*> distinct;
    QSet<QByteArray> seen;
    for (const StoredFingerprint& fingerprint : all) {
        const QByteArray content = contentOf.value(fingerprint.imageId);
        if (int(fingerprint.vector.size()) != rawLayout.dimension() || (!content.isEmpty() && seen.contains(content)))
            continue;
        seen.insert(content);
        distinct.push_back(&fingerprint);
    }
    std::vector<std::vector<float>> sample;
    const std::size_t step = std::max<std::size_t>(1, distinct.size() / kProjectionSample);
    for (std::size_t i = 0; i < distinct.size(); i += step)
        sample.push_back(distinct[i]->vector);
    if (int(sample.size()) < kProjectionAt)
        return false;   // fingerprints of another layout: nothing to learn from
    auto projection = std::make_shared<const FingerprintProjection>(FingerprintProjection::learn(sample, rawLayout));

    Catalog::Transaction transaction(*m_catalog);
    m_catalog->setProjection(m_methodKey, projection->toBytes());
    for (const StoredFingerprint& fingerprint : all)
        m_catalog->rewriteFingerprint(fingerprint.imageId, projection->apply(fingerprint.vector));
    transaction.commit();

    QWriteLocker locker(&m_indexLock);
    m_projection = projection;
    m_index.reset();
    rebuildIndex();
    return true;
}

void Library::saveIndex()
{
    if (!m_index || !m_writeLock)
        return;
    if (m_catalog->inTransaction())
        throw Error(QStringLiteral("Internal error: the index of %1 was to be saved inside a catalog transaction").arg(m_folder));
    syncIndex();
    QWriteLocker locker(&m_indexLock);
    const quint64 generation = m_syncedGeneration;
    if (!m_indexChanged && m_index->checkpointGeneration() == generation)
        return;
    m_index->setCheckpoint(m_catalog->catalogId(), generation);
    m_index->save(m_folder);
    m_indexChanged = false;
    m_sinceCheckpoint.restart();
    locker.unlock();
    // The log of removals before the checkpoint is not needed any more.
    m_catalog->forgetRemovalsUpTo(generation);
}

void Library::saveIndexIfDue()
{
    if (m_sinceCheckpoint.isValid() && m_sinceCheckpoint.elapsed() >= qint64(kCheckpointSeconds) * 1000)
        saveIndex();
}

}  // namespace weft
