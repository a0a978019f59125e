#pragma once

#include "core/common/Error.h"

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

// Approximate nearest-neighbour index (HNSW, hnswlib) over L2-normalised float
// vectors compared by inner product. Vectors given to add() and search() are
// normalised here, so scores are cosine similarities in [-1, 1].
//
// On disk a library folder holds two files: `index-<generation>.hnsw` (the hnswlib
// graph and vectors) and `index.json`, a small header that is the commit point.
// save() writes a new data file, flushes it, then atomically replaces index.json
// and finally removes older data files, so a crash at any moment leaves index.json
// naming a complete data file. load() checks size and SHA-256 of the data file
// before handing it to hnswlib.
//
// Thread safety: the const members (search, searchExact, contains, ids, size, save,
// ...) may run concurrently with each other. add(), remove() and setEf() modify the
// index and need exclusive access (the caller holds a QReadWriteLock: read lock for
// the const members, write lock for the others).
class VectorIndex {
public:
    static constexpr int kFormatVersion = 1;
    static constexpr int kDefaultEf = 64;

    // Throws weft::Error when dim < 1, M < 2 or efConstruction < 1.
    VectorIndex(int dim, const QString& method, int M = 16, int efConstruction = 200);
    // Throws IndexMissing when `folder` has no index.json, weft::Error when the index
    // is damaged or was written by a newer version of Weft.
    static std::unique_ptr<VectorIndex> load(const QString& folder);
    ~VectorIndex();

    VectorIndex(const VectorIndex&) = delete;
    VectorIndex& operator=(const VectorIndex&) = delete;

    // Crash safe, see above. Creates `folder` if needed; throws weft::Error on failure.
    void save(const QString& folder) const;

    int dim() const;
    QString method() const;
    int M() const;
    int efConstruction() const;
    std::size_t size() const;  // live (not removed) items

    // Adds the vector or replaces the vector stored for `id` (also one removed
    // before). Throws weft::Error on a wrong dimension, a zero or non-finite vector.
    void add(qint64 id, const std::vector<float>& vector);
    // Marks `id` deleted; does nothing when it is absent or already removed.
    void remove(qint64 id);
    bool contains(qint64 id) const;  // live only
    std::vector<qint64> ids() const;  // live ids, ascending

    // Approximate k nearest neighbours, best first. Never returns removed ids;
    // returns min(k, size()) hits. Throws weft::Error on a wrong dimension.
    std::vector<SearchHit> search(const std::vector<float>& query, int k) const;
    // Exact k nearest neighbours by brute force over the live vectors, best first.
    std::vector<SearchHit> searchExact(const std::vector<float>& query, int k) const;

    // Size of the candidate list during search (hnswlib's ef); a search for k hits
    // uses max(ef, k). Default kDefaultEf; values below 1 are taken as 1.
    void setEf(int ef);
    int ef() const;

private:
    struct Impl;
    explicit VectorIndex(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

}  // namespace weft
