#include "core/imaging/JpegScan.h"

#include <csetjmp>
#include <cstdio>

#include <jerror.h>
#include <jpeglib.h>

namespace weft {

namespace {

struct ErrorManager {
    jpeg_error_mgr manager;
    std::jmp_buf escape;
    bool ranOut = false;   // the coded data stopped before the last block
};

[[noreturn]] void escape(j_common_ptr info)
{
    std::longjmp(reinterpret_cast<ErrorManager*>(info->err)->escape, 1);
}

void noteWarning(j_common_ptr info, int level)
{
    auto* errors = reinterpret_cast<ErrorManager*>(info->err);
    if (level < 0 && errors->manager.msg_code == JWRN_HIT_MARKER)
        errors->ranOut = true;
}

}  // namespace

bool jpegScanIsComplete(const QByteArray& data)
{
    jpeg_decompress_struct info;
    ErrorManager errors;
    info.err = jpeg_std_error(&errors.manager);
    errors.manager.error_exit = escape;
    errors.manager.emit_message = noteWarning;
    jpeg_create_decompress(&info);
    if (setjmp(errors.escape)) {
        jpeg_destroy_decompress(&info);
        return false;
    }
    jpeg_mem_src(&info, reinterpret_cast<const unsigned char*>(data.constData()), static_cast<unsigned long>(data.size()));
    jpeg_read_header(&info, TRUE);
    // The coefficients are all there is to check: no need to turn them into pixels.
    jpeg_read_coefficients(&info);
    const bool complete = !errors.ranOut && !info.progressive_mode && info.input_scan_number == 1 && info.comps_in_scan == info.num_components;
    jpeg_destroy_decompress(&info);
    return complete;
}

}  // namespace weft
