#pragma once

// Private to the index module. hnswlib.h defines functions that are not inline, so
// only one translation unit (VectorIndex.cpp) may include this header.

#include "core/common/QuantizedVector.h"
#include "core/index/VectorIndex.h"

// hnswlib 0.6.2's SSE prefetches read one link past the end of a neighbour list
// (harmless, within malloc's slack, but AddressSanitizer aborts on it); sanitizer
// builds use its plain code paths instead.
#if defined(__SANITIZE_ADDRESS__)
#define NO_MANUAL_VECTORIZATION
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define NO_MANUAL_VECTORIZATION
#endif
#endif
#include <hnswlib/hnswlib.h>

#include <cstddef>

namespace weft {

// The hnswlib space of stored vectors (QuantizedVector.h), each in
// VectorIndex::storedBytes(dim) bytes, at distance 1 − their dot product. Stored
// vectors have unit length, so the distance is 1 − cosine, in [0, 2].
class QuantizedSpace final : public hnswlib::SpaceInterface<float> {
public:
    explicit QuantizedSpace(std::size_t dim) : m_dim(dim) {}

    std::size_t get_data_size() override { return VectorIndex::storedBytes(int(m_dim)); }
    hnswlib::DISTFUNC<float> get_dist_func() override { return &distance; }
    void* get_dist_func_param() override { return &m_dim; }

    static float distance(const void* a, const void* b, const void* dim)
    {
        return 1.0f - quantizedDot(static_cast<const char*>(a), static_cast<const char*>(b), *static_cast<const std::size_t*>(dim));
    }

private:
    std::size_t m_dim;
};

}  // namespace weft
