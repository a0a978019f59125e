#pragma once

#include <QString>

class QCoreApplication;

namespace weft {
namespace ui {

// Loads Weft's translation (built into the program) for `language` ("en",
// "zh_CN"; empty: the system's), and Qt's own for standard dialogs when installed.
// Returns the language loaded, or "en" when none matched (the source text is English).
QString installTranslations(QCoreApplication& application, const QString& language);

}  // namespace ui
}  // namespace weft
