#pragma once

#include <QIcon>

namespace weft {
namespace ui {

// Weft's icon from the PNG sizes built into the program (no SVG plugin needed).
inline QIcon appIcon()
{
    QIcon icon;
    for (int side : {16, 32, 48, 64, 128, 256})
        icon.addFile(QStringLiteral(":/icons/hicolor/%1x%1/apps/weft.png").arg(side), QSize(side, side));
    return icon;
}

}  // namespace ui
}  // namespace weft
