#pragma once

#include <QString>

namespace weft {
namespace ui {

// Where a file dialog opens: the folder the user last chose a file or folder in,
// while it is still there; else their Pictures folder, else their home. Never the
// working directory, which for a program started from a script or a menu is
// somewhere the user did not choose (the source checkout, /).
QString dialogStartFolder(const QString& lastUsed);

}  // namespace ui
}  // namespace weft
