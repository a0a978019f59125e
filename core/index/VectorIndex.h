#pragma once

#include "core/common/Error.h"
#include "core/common/QuantizedVector.h"
#include "core/common/WorkStopped.h"

#include <QString>
#include <QtGlobal>

#include <cstddef>
#include <memory>
#include <vector>

namespace weft {

struct SearchHit {
    qint64 id = 0;
    float score = 0;  // inner product of the unit vectors (cosine similarity); higher = more similar
};

// Thrown by VectorIndex::load() when the folder holds no index yet, so the caller
// can build a new one.
class IndexMissing : public Error {
public:
    using Error::Error;
};

// Thrown by VectorIndex::load(folder, Writes::None) when a save by another process
// is half way (its journal is there): the caller retries or builds its own copy.
class IndexBeingSaved : public Error {
public:
    using Error::Error;
};

// Approximate nearest-neighbour index (HNSW, hnswlib) over fingerprints compared
// by their dot product. Vectors given to add() and search() are stored in the int8
// form of core/common/QuantizedVector.h, which also scales them to unit length, so
// scores are cosine similarities in [-1, 1] (within about 1e-3 of the float ones).
//
// On disk a library folder holds `index.json`, a small header that is the commit
// point, and the data files of one file generation G (all little-endian):
//   index-G.links    per element in internal-id order, its level-0 link list as
//                    hnswlib holds it: the count (16 bits), the deleted mark (8 bits),
//                    a zero byte, then 2·M neighbour ids (uint32).
//   index-G.vectors  per element: its stored vector, then its id (int64).
//   index-G.upper    per element above level 0, in internal-id order: its id
//                    (uint32), its level L (uint32), then its link lists for levels
//                    1..L (each a count word and M ids). Appended when the element is
//                    added, updated in place later.
//   index-G.sums     per element: the XXH3-64 of its links record, its vectors record
//                    and its upper record (0 when it has none).
// index.json names G and holds format version 3, dim, method, M, ef_construction,
// the element count, the live count, the max level, the entry point, the size of
// the upper file and the caller's checkpoint (catalog_id, and generation as a
// decimal string so that all 64 bits survive JSON). The data files hold exactly the
// records index.json counts, or more: bytes past those ends are what an interrupted
// save appended, which load() ignores and the next save overwrites or cuts off.
//
// save() writes only what changed since the last save() to or load() from the same
// folder, in four steps:
//   1. the records of the new elements, appended past the ends index.json counts
//      (cutting off what an interrupted save left there) and flushed;
//   2. `index-G.journal`, flushed, holding the bytes that changed inside the old
//      elements' records (link lists, deleted marks, the vectors add() replaced,
//      upper lists and their sums): each old record that changed is read back,
//      checked against its sum and compared byte by byte. The links and vector sums
//      of changed records are left out: a replay sets them from the links and
//      vectors records its runs touched. The journal is "WEFTJNL3", the XXH3 of the
//      index.json that commits it (8 bytes); then per data file with changes its
//      kind (1 byte: links, vectors, upper, sums) and number of runs, and per run of
//      changed bytes its distance from the previous run's end (from the file's start
//      for the first), its length and its bytes, these numbers as unsigned LEB128;
//      then "WEFTJEND" and the XXH3 of everything before it;
//   3. index.json replaced atomically: the commit point;
//   4. the journal's changes and the new sums in place (two changes at most 16
//      bytes apart in one write, with the bytes between: a system call costs more
//      than a few bytes), the data files flushed, the journal removed.
// So a save writes the new elements' records once, the changed bytes of old ones
// twice and their sums once, plus index.json and a few bytes per run. To keep those
// few, add() and addBatch() put the ids of a saved element's level-0 list that were
// there when it was saved back in their saved places (hnswlib rewrites a full list
// in order of distance when it takes a new neighbour; the order means nothing to the
// graph), for which the index keeps each element's level-0 record as saved in
// memory.
//
// A save that changes no old record skips the journal. A first save to a folder (or
// one after the folder changed behind this object's back, one to a folder of an
// older format, or one that would write no less than a full save) writes a new
// generation G+1 in full instead, then replaces index.json and removes the older
// generations. A save with nothing changed writes nothing. load() first replays a
// complete journal that the committed index.json names (its runs, then the sums) and
// deletes any other (its save stopped before index.json, so before any change in
// place), so after a crash at any moment the folder loads as the state before or
// after the interrupted save. load() checks every record against its checksum while
// reading it, the graph (links within range and level, entry point, counts) and
// every vector's plausibility; it reads formats 2 and 3 (the same data files, format 2
// saved before new records were appended unjournaled; neither padded the vectors)
// and throws IndexMissing for an index written before format 2, for one of format 2
// or 3 whose dimension is not a multiple of 8 (laid out otherwise), or for a format 2
// folder with a journal (that version's save was interrupted; the caller rebuilds).
//
// Thread safety: the const members (search, searchExact, contains, ids, size, save,
// lastSave, ...) may run concurrently with each other. save() keeps what it last
// wrote (checksums, the folder) in members of its own behind a mutex, so concurrent
// save() calls take turns and searches run on during a save. add(), addBatch(),
// remove(), setEf() and setCheckpoint() modify the index and need exclusive access
// (the caller holds a QReadWriteLock: read lock for the const members, write lock
// for the others).
class VectorIndex {
public:
    static constexpr int kFormatVersion = 4;

    // Bytes of one stored vector in the index (in memory and in its vectors data
    // file, where the item's 8-byte id follows): quantizedBytes() of the codes padded
    // with zeros to a multiple of 8 values. hnswlib lays its elements out back to back
    // (level-0 links of 4 + 8·M bytes, the vector, the id), so this keeps every id
    // and link count at an aligned address; zeros change no dot product.
    // Since format 4; before it the codes were not padded.
    static constexpr std::size_t storedBytes(int dim) { return quantizedBytes((std::size_t(dim) + 7) / 8 * 8); }
    static constexpr int kDefaultEf = 64;

    // What the last save() wrote. changedBytes: one copy of the change, the new
    // elements' records and what was written in place (all records for a full save);
    // bytesWritten: everything, journal and index.json included. A journaled save
    // writes changedBytes + the journal of the changed old bytes + index.json.
    struct SaveStats {
        qint64 bytesWritten = 0;
        qint64 changedBytes = 0;
        bool full = false;
    };

    // Throws weft::Error when dim < 1, M < 2 or efConstruction < 1.
    VectorIndex(int dim, const QString& method, int M = 16, int efConstruction = 200);
    // Whether load() may finish an interrupted save. Only the process holding the
    // library's write lock may: a reader could otherwise replay, and remove, the
    // journal of a save another process is making.
    enum class Writes { Allowed, None };
    // Throws IndexMissing when `folder` has no index.json, one older than format 2 or
    // a format 2 one with a journal, IndexBeingSaved when a journal is there and
    // `writes` is None, weft::Error when the index is damaged or was written by a
    // newer version of Weft. With `writes` None it changes no file.
    static std::unique_ptr<VectorIndex> load(const QString& folder, Writes writes = Writes::Allowed);
    ~VectorIndex();

    VectorIndex(const VectorIndex&) = delete;
    VectorIndex& operator=(const VectorIndex&) = delete;

    // Crash safe, see above. Creates `folder` if needed; throws weft::Error on failure.
    void save(const QString& folder) const;
    SaveStats lastSave() const;

    int dim() const;
    QString method() const;
    int M() const;
    int efConstruction() const;
    std::size_t size() const;  // live (not removed) items

    // Opaque to the index: saved in index.json and read back by load(), so that the
    // caller can tell which catalog state the index on disk reflects.
    void setCheckpoint(const QString& catalogId, quint64 generation);
    QString checkpointCatalogId() const;
    quint64 checkpointGeneration() const;

    // Adds the vector or replaces the vector stored for `id` (also one removed
    // before). Throws weft::Error on a wrong dimension, a zero or non-finite vector.
    void add(qint64 id, const std::vector<float>& vector);
    // Adds many vectors as add() does, new ones on `threads` threads (< 1: one per
    // core) with hnswlib's thread-safe insertion; for building big indexes. The ids
    // must be distinct. Checks every vector before changing anything; rethrows an
    // error of any worker as weft::Error. When `shouldStop` (asked every few dozen
    // items, from the workers, one at a time) says so, throws WorkStopped: the items
    // added by then are searchable, the others are not in the index.
    void addBatch(const std::vector<qint64>& ids, const std::vector<std::vector<float>>& vectors, int threads,
                  const ShouldStop& shouldStop = {});
    // Marks `id` deleted; does nothing when it is absent or already removed.
    void remove(qint64 id);
    bool contains(qint64 id) const;  // live only
    std::vector<qint64> ids() const;  // live ids, ascending

    // Approximate k nearest neighbours, best first. Never returns removed ids;
    // returns min(k, size()) hits. Throws weft::Error on a wrong dimension.
    std::vector<SearchHit> search(const std::vector<float>& query, int k) const;
    // Exact k nearest neighbours by brute force over the live stored vectors, best first.
    std::vector<SearchHit> searchExact(const std::vector<float>& query, int k) const;
    // The k nearest among the ids in `among` (ascending; ids not in the index are
    // passed over), best first: min(k, live ones among them) hits however far from
    // the query they are. The graph is asked for more neighbours until enough are
    // among them, or, when that would compare more vectors than there are ids, the
    // live ones among them are compared one by one.
    std::vector<SearchHit> searchAmong(const std::vector<float>& query, int k, const std::vector<qint64>& among) const;

    // Size of the candidate list during search (hnswlib's ef); a search for k hits
    // uses max(ef, k). Default kDefaultEf; values below 1 are taken as 1.
    void setEf(int ef);
    int ef() const;

    // XXH3 over everything save() stores: every element's level-0 links with the
    // deleted mark, vector, id and upper link lists, the entry point and max level.
    // Equal values mean byte-identical graphs and vectors; for tests and diagnostics.
    quint64 contentChecksum() const;

private:
    struct Impl;
    explicit VectorIndex(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

}  // namespace weft
