#pragma once

#include "core/catalog/Catalog.h"
#include "core/features/MethodConfig.h"
#include "core/index/VectorIndex.h"

#include <QLockFile>
#include <QReadWriteLock>
#include <memory>

namespace weft {

// One library folder: the catalog (catalog.sqlite), the vector index (index.json +
// index-N.hnsw) and, later, the thumbnail cache. Opening it makes the index agree
// with the catalog: a missing, damaged or other-method index is rebuilt from the
// fingerprints stored in the catalog, and ids only one side knows are reconciled.
// Only one process writes to a library at a time (a lock file guards it).
class Library {
public:
    // <user data>/weft/default, e.g. ~/.local/share/weft/default
    static QString defaultLocation();

    enum class Access { ReadOnly, ReadWrite };
    Library(const QString& folder, const MethodConfig& method, Access access = Access::ReadWrite);
    ~Library();

    QString folder() const { return m_folder; }
    QString methodKey() const { return m_methodKey; }
    Catalog& catalog() { return *m_catalog; }

    // The index is read under indexLock().lockForRead() and written under
    // lockForWrite(). It is null until the first fingerprint of this method exists;
    // ensureIndex() creates an empty one of the given dimension then.
    VectorIndex* index() { return m_index.get(); }
    VectorIndex& ensureIndex(int dimension);
    QReadWriteLock& indexLock() { return m_indexLock; }

    // Adds to the index the fingerprints only the catalog has and drops the ids the
    // catalog no longer knows (after a scan removed or moved files).
    void syncIndex();

    // Writes the index to disk (crash safe) if it changed since the last save.
    void saveIndex();
    void markIndexChanged() { m_indexChanged = true; }

    // Catalog meta key: "0" from the first fingerprint write of a batch until the
    // index holding it is saved; writers set it inside their catalog transaction.
    static constexpr const char* kIndexInSyncKey = "index_in_sync";

private:
    void openIndex();

    QString m_folder;
    QString m_methodKey;
    std::unique_ptr<QLockFile> m_writeLock;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<VectorIndex> m_index;
    QReadWriteLock m_indexLock;
    bool m_indexChanged = false;
};

}  // namespace weft
