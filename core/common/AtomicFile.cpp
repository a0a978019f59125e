#include "core/common/AtomicFile.h"

#include "core/common/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
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

namespace {

// ".<name>.<32 hex digits>.tmp"; removeStaleTemporaries() knows them by it.
QString temporaryName(const QString& name)
{
    return QStringLiteral(".%1.%2.tmp").arg(name, QUuid::createUuid().toString(QUuid::Id128));
}

}  // namespace

void removeStaleTemporaries(const QString& folder)
{
    static const QRegularExpression temporary(QStringLiteral("^\\..+\\.[0-9a-f]{32}\\.tmp$"));
    const QDir dir(folder);
    for (const QString& name : dir.entryList({QStringLiteral(".*.tmp")}, QDir::Files | QDir::Hidden))
        if (temporary.match(name).hasMatch())
            QFile::remove(dir.filePath(name));
}

void replaceFileAtomically(const QString& path, const std::function<void(const QString&)>& write)
{
    const QFileInfo target(path);
    const QString folder = target.absolutePath();
    const QString temporary = QDir(folder).filePath(temporaryName(target.fileName()));
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
