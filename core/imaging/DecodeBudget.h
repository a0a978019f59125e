#pragma once

// Memory for decoding images, shared by every decode in the process. Before decoding,
// ImageDecoder reserves what the decode will allocate (worked out from the file's header);
// a reservation waits while the others in flight leave too little room. So several large
// images decoded at once (the indexer's threads, a query during indexing, thumbnails) take
// turns instead of adding up, and the total never passes the capacity.

#include <QtGlobal>

#include <condition_variable>
#include <mutex>

namespace weft {

class DecodeBudget {
public:
    class Reservation {
    public:
        Reservation(Reservation&& other) noexcept;
        Reservation(const Reservation&) = delete;
        Reservation& operator=(const Reservation&) = delete;
        Reservation& operator=(Reservation&&) = delete;
        ~Reservation();

    private:
        friend class DecodeBudget;
        Reservation(DecodeBudget* budget, qint64 bytes) : m_budget(budget), m_bytes(bytes) {}
        DecodeBudget* m_budget;
        qint64 m_bytes;
    };

    explicit DecodeBudget(qint64 capacity);
    DecodeBudget(const DecodeBudget&) = delete;
    DecodeBudget& operator=(const DecodeBudget&) = delete;

    // The one ImageDecoder uses, of kDecodeMemoryBudget bytes (ImageDecoder.h).
    static DecodeBudget& shared();

    qint64 capacity() const { return m_capacity; }
    // Waits until `bytes` fit beside the reservations held, then holds them until the
    // reservation is destroyed. More than the capacity is held as the whole capacity:
    // callers refuse such decodes before asking.
    Reservation reserve(qint64 bytes);

private:
    void release(qint64 bytes);

    const qint64 m_capacity;
    std::mutex m_mutex;
    std::condition_variable m_released;
    qint64 m_held = 0;
};

}  // namespace weft
