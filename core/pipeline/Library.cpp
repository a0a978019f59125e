#include "core/pipeline/Library.h"

#include "core/common/Error.h"

#include <QDir>
#include <QFileInfo>
#include <QReadLocker>
#include <QSet>
#include <QStandardPaths>

namespace weft {

QString Library::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/weft/default");
}

Library::Library(const QString& folder, const MethodConfig& method, Access access)
    : m_folder(QDir(folder).absolutePath()), m_methodKey(method.key())
{
    if (access == Access::ReadWrite) {
        if (!QDir().mkpath(m_folder))
            throw Error(QStringLiteral("Cannot create the library folder %1: check that its parent exists and is writable").arg(m_folder));
        m_writeLock = std::make_unique<QLockFile>(QDir(m_folder).filePath(QStringLiteral("library.lock")));
        m_writeLock->setStaleLockTime(0);
        if (!m_writeLock->tryLock(2000)) {
            if (m_writeLock->error() == QLockFile::LockFailedError) {
                qint64 pid = 0;
                QString host, application;
                m_writeLock->getLockInfo(&pid, &host, &application);
                throw Error(QStringLiteral("The library %1 is in use by another Weft program (%2, process %3); close it first")
                                .arg(m_folder, application).arg(pid));
            }
            throw Error(QStringLiteral("Cannot lock the library %1: the folder is not writable").arg(m_folder));
        }
    } else if (!QFileInfo::exists(QDir(m_folder).filePath(QStringLiteral("catalog.sqlite")))) {
        throw Error(QStringLiteral("There is no Weft library in %1 yet: index some folders into it first").arg(m_folder));
    }
    m_catalog = std::make_unique<Catalog>(QDir(m_folder).filePath(QStringLiteral("catalog.sqlite")));
    openIndex();
    saveIndex();
}

Library::~Library()
{
    try {
        saveIndex();
    } catch (const std::exception& error) {
        qWarning("%s", error.what());  // the catalog keeps every fingerprint: the next start rebuilds the index
    }
}

void Library::openIndex()
{
    try {
        m_index = VectorIndex::load(m_folder);
        if (m_index->method() != m_methodKey)
            m_index.reset();  // made by another method: rebuilt from this method's fingerprints below
    } catch (const IndexMissing&) {
        m_index.reset();
    } catch (const Error& error) {
        qWarning("Rebuilding the index from the catalog: %s", error.what());
        m_index.reset();
    }

    // Fingerprints were replaced after the last index save (a crash between the
    // catalog commit and the index save): the index may hold old vectors.
    if (m_catalog->meta(QLatin1String(kIndexInSyncKey), QStringLiteral("1")) != QLatin1String("1"))
        m_index.reset();

    syncIndex();
}

void Library::syncIndex()
{
    QWriteLocker locker(&m_indexLock);
    const std::vector<StoredFingerprint> stored = m_catalog->fingerprints(m_methodKey);
    if (stored.empty() && !m_index)
        return;
    if (!m_index) {
        m_index = std::make_unique<VectorIndex>(int(stored.front().vector.size()), m_methodKey);
        m_indexChanged = true;
    }
    QSet<qint64> inCatalog;
    for (const StoredFingerprint& fingerprint : stored) {
        inCatalog.insert(fingerprint.imageId);
        if (!m_index->contains(fingerprint.imageId)) {
            m_index->add(fingerprint.imageId, fingerprint.vector);
            m_indexChanged = true;
        }
    }
    for (qint64 id : m_index->ids())
        if (!inCatalog.contains(id)) {
            m_index->remove(id);
            m_indexChanged = true;
        }
}

VectorIndex& Library::ensureIndex(int dimension)
{
    if (!m_index)
        m_index = std::make_unique<VectorIndex>(dimension, m_methodKey);
    return *m_index;
}

void Library::saveIndex()
{
    if (!m_index || !m_indexChanged || !m_writeLock)
        return;
    m_index->save(m_folder);
    m_catalog->setMeta(QLatin1String(kIndexInSyncKey), QStringLiteral("1"));
    m_indexChanged = false;
}

}  // namespace weft
