#pragma once

// What every fuzz target shares. FuzzSupport.cpp starts a QCoreApplication (Qt
// finds its SQL and image plugins through it) and silences Qt's warnings, which
// damaged inputs would print by the thousand.

#include "core/common/Error.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace weft::fuzz {

// The input, not copied: valid during LLVMFuzzerTestOneInput only.
inline QByteArray bytesOf(const std::uint8_t* data, std::size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
}

// Runs `use`. A weft::Error is a clean refusal; anything else (another exception,
// a crash, a sanitizer's report) reaches libFuzzer as a finding.
template <class Use>
void refusalsAllowed(Use use)
{
    try {
        use();
    } catch (const Error&) {
    }
}

}  // namespace weft::fuzz
