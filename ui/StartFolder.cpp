#include "ui/StartFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace weft {
namespace ui {

QString dialogStartFolder(const QString& lastUsed)
{
    if (QDir::isAbsolutePath(lastUsed) && QFileInfo(lastUsed).isDir())
        return lastUsed;
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    if (!pictures.isEmpty() && QFileInfo(pictures).isDir())
        return pictures;
    return QDir::homePath();
}

}  // namespace ui
}  // namespace weft
