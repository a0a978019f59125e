#pragma once

#include "core/common/Error.h"
#include "core/common/WorkStopped.h"
#include "core/components/Component.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <QtGlobal>
#include <functional>
#include <optional>
#include <vector>

namespace weft {

// An entry whose status is none of these reads as Pending (it is to be indexed
// again); entriesOfUnknownStatus() lists them.
enum class ImageStatus { Pending = 0, Indexed = 1, Failed = 2 };

struct LibraryRoot {
    qint64 id = 0;
    QString path;
};

struct ImageRecord {
    qint64 id = 0;
    qint64 rootId = 0;  // 0 = not under any root
    QString path;       // absolute, cleaned
    qint64 size = 0;
    qint64 mtimeMs = 0;
    QByteArray contentHash;
    int width = 0;
    int height = 0;
    ImageStatus status = ImageStatus::Pending;
    QString error;
};

struct StoredFingerprint {
    qint64 imageId = 0;
    QString method;
    std::vector<float> vector;
};

// An image entry that cannot be read as Weft wrote it (the catalog was damaged
// behind its back): an unknown status, or a fingerprint that is no vector (cut
// short, not a number) or of another length than the library's others.
struct DamagedEntry {
    qint64 imageId = 0;
    QString path;
    QString reason;   // what is wrong, for the user
};

// Thrown by Catalog::fingerprint() for an entry whose fingerprint cannot be read.
class DamagedEntryError : public Error {
public:
    DamagedEntryError(const DamagedEntry& entry, const QString& message) : Error(message), m_entry(entry) {}
    const DamagedEntry& entry() const { return m_entry; }

private:
    DamagedEntry m_entry;
};

// The catalog file itself is damaged: SQLite finds it malformed. LibraryRepair
// (`weft-cli repair`, Repair in the app) saves what can still be read into a new one.
class DamagedCatalogError : public Error {
public:
    using Error::Error;
};

// How thoroughly Catalog::integrityProblems() looks: Quick checks the file's pages
// (SQLite's quick_check, fast enough for every opening), Full also that every
// index matches its table (integrity_check).
enum class IntegrityCheck { Quick, Full };

// What changed among the fingerprints since a catalog generation (see generation()).
struct FingerprintChanges {
    std::vector<qint64> changed;   // written since, of the asked-for method: add to the index or replace
    std::vector<qint64> removed;   // removed since, or rewritten by another method: drop from the index
    bool complete = true;          // false: the removal log no longer reaches back that far; compare ids instead
};

// A named collection of library images the designer keeps (favourites among them).
struct ImageCollection {
    qint64 id = 0;
    QString name;          // as stored; the app words the favourites' name itself
    qint64 createdMs = 0;
    qint64 size = 0;       // how many images it holds
};

// stale = Indexed, but the fingerprint was made by another method (or is missing),
// so it cannot be compared with fingerprints of the asked-for method.
struct CatalogCounts {
    qint64 indexed = 0;
    qint64 failed = 0;
    qint64 pending = 0;
    qint64 stale = 0;
};

// The SQLite catalog of one library folder.
//
// Threading: QtSql connections belong to the thread that opened them, so a Catalog
// must be created, used and destroyed on one thread. Other threads open their own
// Catalog on the same file (SQLite in WAL mode lets readers run beside a writer).
//
// Read-only: when the file or its folder is not writable (including a file whose
// mode has no write bit, even for root), the catalog opens read-only; reading works
// and every write throws weft::Error.
//
// Every failure throws weft::Error naming the file and SQLite's reason; a query that
// fails never comes back as an empty result.
class Catalog {
public:
    static constexpr int kSchemaVersion = 6;

    explicit Catalog(const QString& databasePath);  // creates or opens + migrates; throws weft::Error
    ~Catalog();
    Catalog(const Catalog&) = delete;
    Catalog& operator=(const Catalog&) = delete;

    QString path() const;
    int schemaVersion() const;
    bool isReadOnly() const;
    bool inTransaction() const { return m_writeDepth > 0; }

    // Idempotent, returns the id. An image belongs to one root, so roots never
    // overlap: a folder inside a root is refused (weft::Error saying which root
    // holds it), and the roots inside a new folder are folded into it, their
    // images keeping their ids and fingerprints (nothing is indexed again).
    qint64 addRoot(const QString& absolutePath);
    // Folds every root that lies inside another into the outermost one, as
    // addRoot() does, for catalogs whose roots were allowed to overlap. Returns
    // how many roots were folded; with none it writes nothing.
    int foldNestedRoots();
    QList<LibraryRoot> roots() const;
    void removeRoot(qint64 rootId);  // removes its images and fingerprints too

    std::optional<ImageRecord> image(qint64 id) const;
    std::optional<ImageRecord> imageByPath(const QString& path) const;
    QList<ImageRecord> images(qint64 rootId) const;       // of one root, ordered by path
    QList<ImageRecord> images(ImageStatus status) const;  // ordered by path
    // The ids of the images anywhere under `folder` (absolute), ascending.
    std::vector<qint64> imageIdsUnder(const QString& folder) const;
    // The images under `folder` (absolute), ordered by path: only those directly in
    // it, or also those in the folders inside it.
    enum class Depth { Direct, Everything };
    QList<ImageRecord> imagesIn(const QString& folder, Depth depth) const;
    // The Indexed images anywhere under `folder` (absolute; empty: the whole library), by path.
    QList<ImageRecord> indexedImages(const QString& folder) const;
    // The folders inside root `rootId` that hold any of its images, directly or
    // further down, a folder before the ones inside it.
    QStringList subfolders(qint64 rootId) const;
    // Inserts or updates by path (an existing row keeps its id); writes every field of
    // `record` except id. A fingerprint only describes an Indexed image, so one stored
    // for this path is dropped unless record.status is Indexed.
    qint64 upsertImage(const ImageRecord& record);
    void setFailed(qint64 imageId, const QString& error);  // status Failed, drops any fingerprint
    // Status Indexed, error cleared, indexed_at_ms set, second-pass work reset
    // (components_done = 0; stored components stay until setComponents replaces them).
    // The vector is stored in its quantized form (QuantizedVector.h), as the index
    // holds it, so fingerprint() gives back what the index compares.
    void setFingerprint(qint64 imageId, const QString& method, const std::vector<float>& vector, int width,
                        int height);
    void removeImage(qint64 imageId);
    // Throws DamagedEntryError when the stored fingerprint is no vector.
    std::optional<StoredFingerprint> fingerprint(qint64 imageId) const;
    // Of Indexed images, by this method; the ones that are no vector are damaged.
    struct StoredFingerprints {
        std::vector<StoredFingerprint> readable;
        std::vector<DamagedEntry> damaged;
    };
    // Throws WorkStopped when `shouldStop` (asked every thousand or so) says so.
    StoredFingerprints fingerprints(const QString& method, const ShouldStop& shouldStop = {}) const;
    // The readable ones, one at a time in id order, without holding them all (a
    // library's colour histograms are read this way, ColourShare.h); returns the damaged.
    std::vector<DamagedEntry> visitFingerprints(const QString& method,
                                                const std::function<void(qint64 imageId, std::vector<float>&& vector)>& visit) const;
    std::vector<qint64> fingerprintIds(const QString& method) const;          // the same images' ids, nothing decoded
    qint64 fingerprintCount(const QString& method) const;                      // how many of them
    qint64 contentCount(const QString& method) const;   // how many different contents they show: copies of a file count once
    // The method most Indexed images' fingerprints were made with (of as many, the one
    // written last): the library's own, for whoever does not know which it was indexed
    // with. Several only after a change of method was stopped half-way. None when no
    // image is Indexed.
    std::optional<QString> prevailingMethod() const;

    // Every fingerprint write and removal takes the next generation, so the search
    // index, a checkpoint of the catalog, records the generation it reflects and
    // catches up from fingerprintChangesSince() instead of reading every vector.
    quint64 generation() const;
    FingerprintChanges fingerprintChangesSince(const QString& method, quint64 generation) const;
    // The removal log up to `generation` is no longer needed (an index checkpoint has it).
    void forgetRemovalsUpTo(quint64 generation);
    // A random id made with the catalog: an index checkpoint belongs to one catalog.
    QString catalogId() const;

    // The library's projection of `method`'s fingerprints (FingerprintProjection.h),
    // empty when it has none yet. Storing one and rewriting every fingerprint of the
    // method projected belong in one transaction.
    QByteArray projection(const QString& method) const;
    void setProjection(const QString& method, const QByteArray& data);
    // Replaces only the vector of an Indexed image's fingerprint (components and
    // status stay): for storing the fingerprints projected.
    void rewriteFingerprint(qint64 imageId, const std::vector<float>& vector);
    QList<qint64> imagesNeedingFingerprint(const QString& method) const;      // Pending, or Indexed by another method
    // Damaged entries (see DamagedEntry): those of an unknown status are found
    // without reading any fingerprint; setAside() makes each Pending again, its
    // error cleared and its fingerprint and components dropped, so that the next
    // indexing describes the image anew.
    std::vector<DamagedEntry> entriesOfUnknownStatus() const;
    // Entries whose stored components cannot be read (a mask that is no PNG of its box's size).
    std::vector<DamagedEntry> entriesWithDamagedComponents() const;
    void setAside(const std::vector<DamagedEntry>& entries);
    // Feature components (second indexing pass). setComponents replaces the image's
    // components, records `detector` and sets components_done = 1 on its fingerprint;
    // the image must have a fingerprint (call it after setFingerprint, which resets
    // components_done). Masks are stored as PNG, pixel-exact; a null mask stays null.
    void setComponents(qint64 imageId, const Components& components, const QString& detector);
    Components components(qint64 imageId) const;  // in stored order; empty if none
    // Indexed with `method`'s fingerprint, but components not done, or done by another detector.
    QList<qint64> imagesNeedingComponents(const QString& method, const QString& detector) const;
    CatalogCounts counts(const QString& method) const;
    CatalogCounts counts(const QString& method, qint64 rootId) const;

    // Collections (favourites and the designer's own). Favourites is collection
    // kFavourites, which every catalog has and which cannot be renamed or removed.
    // Names are unique regardless of case; an image removed from the library leaves
    // every collection. Failures (an empty or taken name, a collection or image that
    // is gone) throw weft::Error with a message for the user.
    static constexpr qint64 kFavourites = 1;
    QList<ImageCollection> collections() const;   // favourites first, then by name
    qint64 createCollection(const QString& name);  // the name trimmed; returns the id
    void renameCollection(qint64 collectionId, const QString& name);
    void removeCollection(qint64 collectionId);    // its images stay in the library
    void addToCollection(qint64 collectionId, qint64 imageId);   // already in it: nothing changes
    void removeFromCollection(qint64 collectionId, qint64 imageId);
    QList<ImageRecord> collectionImages(qint64 collectionId) const;   // ordered by path
    // For a file that moved (a new image entry with the old one's content): it stays
    // in the old entry's collections.
    void moveCollectionItems(qint64 fromImageId, qint64 toImageId);

    // What SQLite finds wrong with the file (empty: nothing), and a missing
    // generation counter; a check that cannot even run is a problem too. Throws
    // WorkStopped when `shouldStop` stopped the check (it takes seconds on a big catalog).
    QStringList integrityProblems(IntegrityCheck check, const ShouldStop& shouldStop = {}) const;

    QString meta(const QString& key, const QString& fallback = {}) const;
    void setMeta(const QString& key, const QString& value);

    // Groups writes into one transaction; committed by commit(), rolled back by the
    // destructor otherwise. Transactions nest (inner ones are savepoints). Must not
    // outlive its Catalog.
    class Transaction {
    public:
        explicit Transaction(Catalog& catalog);
        ~Transaction();
        void commit();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;

    private:
        Catalog& m_catalog;
        int m_depth = 0;
        bool m_open = false;
    };

    // For tests and tools: create/upgrade a database file only up to `version` (used to
    // make an "older" catalog in the migration test).
    static void createAtVersion(const QString& databasePath, int version);

private:
    Catalog(const QString& databasePath, int targetVersion);
    void open(int targetVersion);
    void openConnection(bool readOnly, bool immutable);
    void requireWritable(const char* action) const;
    void beginWrite();      // BEGIN IMMEDIATE or a nested SAVEPOINT
    void commitWrite();     // COMMIT or RELEASE of the innermost level
    void rollbackWrite() noexcept;
    // Re-homes the images of the roots inside `outer` to it and removes those roots.
    int foldRootsInto(const LibraryRoot& outer);
    CatalogCounts countsWhere(const QString& method, std::optional<qint64> rootId) const;
    QList<ImageRecord> imagesWhere(const QString& where, const QVariantList& values) const;
    std::optional<ImageRecord> oneImageWhere(const QString& where, const QVariant& value) const;
    // The collection's name, or weft::Error if there is no such collection.
    QString collectionName(qint64 collectionId) const;
    QString checkedCollectionName(const QString& name, std::optional<qint64> renaming) const;

    QString m_path;
    QString m_connectionName;
    QSqlDatabase m_db;
    int m_schemaVersion = 0;
    bool m_readOnly = false;
    int m_writeDepth = 0;
};

}  // namespace weft
