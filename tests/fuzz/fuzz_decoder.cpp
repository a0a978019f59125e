// libFuzzer target: bytes, as pasted or dropped, through ImageDecoder. Any input
// must come back as an image or a DecodeError (a weft::Error); anything else (a
// crash, another exception, a sanitizer report) is a finding.

#include "FuzzSupport.h"

#include "core/imaging/ImageDecoder.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    weft::DecodeOptions options;
    // The app's limits scaled down so that one input stays within libFuzzer's 2 GB
    // (the limits themselves are tested in tests/imaging).
    options.maxSide = 512;
    options.maxPixels = 16'000'000;
    weft::fuzz::refusalsAllowed([&] {
        const QImage image = weft::ImageDecoder::decode(weft::fuzz::bytesOf(data, size), options).image;
        if (image.isNull() || image.format() != QImage::Format_RGB888 || std::max(image.width(), image.height()) > options.maxSide)
            __builtin_trap();   // what decode() promises
    });
    return 0;
}
