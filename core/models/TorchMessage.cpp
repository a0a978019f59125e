// Torch first: Qt's "slots" keyword macro breaks Torch headers included after it.
#include <c10/util/Exception.h>

#include "core/models/TorchMessage.h"

namespace weft {

QString firstLineOf(const char* text)
{
    return QString::fromUtf8(text).section(QLatin1Char('\n'), 0, 0).trimmed();
}

QString torchMessage(const c10::Error& error)
{
    const QString message = firstLineOf(error.what_without_backtrace());
    return message.isEmpty() ? firstLineOf(error.what()) : message;
}

}  // namespace weft
