#include "core/common/DiskFull.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QStorageInfo>

namespace weft {

void throwIfDiskFull(const QString& path, qint64 needed)
{
    // The nearest folder that exists: `path` itself may be what could not be made.
    QFileInfo existing(QDir(path).absolutePath());
    while (!existing.exists() && !existing.isRoot())
        existing.setFile(existing.absolutePath());
    const QStorageInfo disk(existing.absoluteFilePath());
    if (!disk.isValid() || disk.bytesAvailable() >= needed)
        return;
    const QLocale locale;
    throw DiskFull(QCoreApplication::translate("weft::DiskFull", "Cannot write to %1: its disk is full (%2 free, at least %3 needed). "
                                                                 "Free some space on %4 and try again.")
                       .arg(QDir::toNativeSeparators(path), locale.formattedDataSize(std::max<qint64>(0, disk.bytesAvailable())),
                            locale.formattedDataSize(needed), QDir::toNativeSeparators(disk.rootPath())));
}

}  // namespace weft
