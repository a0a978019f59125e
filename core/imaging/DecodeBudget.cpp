#include "core/imaging/DecodeBudget.h"

#include "core/imaging/ImageDecoder.h"

#include <algorithm>

namespace weft {

DecodeBudget::Reservation::Reservation(Reservation&& other) noexcept : m_budget(other.m_budget), m_bytes(other.m_bytes)
{
    other.m_budget = nullptr;
}

DecodeBudget::Reservation::~Reservation()
{
    if (m_budget)
        m_budget->release(m_bytes);
}

DecodeBudget::DecodeBudget(qint64 capacity) : m_capacity(std::max<qint64>(1, capacity)) {}

DecodeBudget& DecodeBudget::shared()
{
    static DecodeBudget budget(kDecodeMemoryBudget);
    return budget;
}

DecodeBudget::Reservation DecodeBudget::reserve(qint64 bytes)
{
    bytes = std::clamp<qint64>(bytes, 0, m_capacity);
    std::unique_lock<std::mutex> lock(m_mutex);
    m_released.wait(lock, [&] { return m_held + bytes <= m_capacity; });
    m_held += bytes;
    return Reservation(this, bytes);
}

void DecodeBudget::release(qint64 bytes)
{
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        m_held -= bytes;
    }
    m_released.notify_all();
}

}  // namespace weft
