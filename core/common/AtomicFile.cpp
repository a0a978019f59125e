#include "core/common/AtomicFile.h"

#include "core/common/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace weft {

void syncToDisk(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw Error(QStringLiteral("Cannot open %1 to flush it to disk: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    const int result = ::fsync(fd);
    const int savedErrno = errno;
    ::close(fd);
    // Some file systems refuse fsync on folders (EINVAL); the data is still safe there.
    if (result != 0 && savedErrno != EINVAL)
        throw Error(QStringLiteral("Cannot flush %1 to disk: %2").arg(path, QString::fromLocal8Bit(std::strerror(savedErrno))));
}

void replaceFileAtomically(const QString& path, const std::function<void(const QString&)>& write)
{
    const QFileInfo target(path);
    const QString folder = target.absolutePath();
    const QString temporary = QDir(folder).filePath(QStringLiteral(".%1.%2.tmp").arg(target.fileName(), QUuid::createUuid().toString(QUuid::Id128)));
    try {
        write(temporary);
        if (!QFileInfo::exists(temporary))
            throw Error(QStringLiteral("Writing %1 produced no file").arg(path));
        syncToDisk(temporary);
        if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(path).constData()) != 0)
            throw Error(QStringLiteral("Cannot replace %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    } catch (...) {
        QFile::remove(temporary);
        throw;
    }
    syncToDisk(folder);
}

void writeFileAtomically(const QString& path, const QByteArray& contents)
{
    replaceFileAtomically(path, [&](const QString& temporary) {
        QFile file(temporary);
        if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size() || !file.flush())
            throw Error(QStringLiteral("Cannot write %1: %2").arg(temporary, file.errorString()));
    });
}

}  // namespace weft
