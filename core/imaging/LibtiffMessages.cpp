#include "core/imaging/LibtiffMessages.h"

#include <QLoggingCategory>

#include <tiffio.h>

#include <cstdarg>
#include <cstdio>
#include <mutex>

namespace weft {
namespace {

Q_LOGGING_CATEGORY(libtiffLog, "weft.imaging.libtiff", QtInfoMsg)

void toLog(const char* module, const char* format, va_list arguments)
{
    if (!libtiffLog().isDebugEnabled())
        return;
    char text[512];
    std::vsnprintf(text, sizeof text, format, arguments);
    qCDebug(libtiffLog, "%s: %s", module ? module : "libtiff", text);
}

}  // namespace

void routeLibtiffMessagesToLog()
{
    static std::once_flag once;
    std::call_once(once, [] {
        TIFFSetErrorHandler(toLog);
        TIFFSetWarningHandler(toLog);
    });
}

}  // namespace weft
