#include "core/imaging/RegularFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace weft {

namespace {

// Why a file of this type is not read, or empty for a regular file.
QString refusal(const QString& path, mode_t mode)
{
    QString kind;
    if (S_ISREG(mode))
        return {};
    if (S_ISDIR(mode))
        kind = QCoreApplication::translate("weft::RegularFile", "a folder");
    else if (S_ISCHR(mode) || S_ISBLK(mode))
        kind = QCoreApplication::translate("weft::RegularFile", "a device");
    else if (S_ISFIFO(mode))
        kind = QCoreApplication::translate("weft::RegularFile", "a named pipe (FIFO)");
    else if (S_ISSOCK(mode))
        kind = QCoreApplication::translate("weft::RegularFile", "a socket");
    else
        kind = QCoreApplication::translate("weft::RegularFile", "a special file");
    const QFileInfo link(path);
    if (link.isSymLink())
        return QCoreApplication::translate("weft::RegularFile", "it links to %1, which is %2, not an image file").arg(QDir::toNativeSeparators(link.symLinkTarget()), kind);
    return QCoreApplication::translate("weft::RegularFile", "it is %1, not an image file").arg(kind);
}

QString errorReason(const QString& path, int error)
{
    switch (error) {
    case ENOENT: {
        const QFileInfo link(path);
        if (link.isSymLink())
            return QCoreApplication::translate("weft::RegularFile", "it links to %1, which does not exist").arg(QDir::toNativeSeparators(link.symLinkTarget()));
        return QCoreApplication::translate("weft::RegularFile", "the file does not exist");
    }
    case ELOOP:
        return QCoreApplication::translate("weft::RegularFile", "it is a symbolic link that leads back to itself (a link loop)");
    case EACCES:
    case EPERM:
        return QCoreApplication::translate("weft::RegularFile", "you do not have permission to read it");
    default:
        return QString::fromLocal8Bit(std::strerror(error));
    }
}

}  // namespace

bool RegularFile::open(QFile& file, const QString& path, QString& whyNot)
{
    const QByteArray native = QFile::encodeName(path);
    // stat() first, so that a device is never even opened (opening some has effects).
    struct stat status {};
    if (::stat(native.constData(), &status) != 0) {
        whyNot = errorReason(path, errno);
        return false;
    }
    whyNot = refusal(path, status.st_mode);
    if (!whyNot.isEmpty())
        return false;

    // Non-blocking: should a named pipe have taken the file's place since stat(), the
    // open returns at once instead of waiting for a writer.
    int fd = -1;
    do {
        fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        whyNot = errorReason(path, errno);
        return false;
    }
    if (::fstat(fd, &status) != 0) {
        whyNot = errorReason(path, errno);
        ::close(fd);
        return false;
    }
    whyNot = refusal(path, status.st_mode);
    if (!whyNot.isEmpty()) {
        ::close(fd);
        return false;
    }
    // Reads of a regular file never block anyway; blocking mode is what QFile expects.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        whyNot = file.errorString();
        ::close(fd);
        return false;
    }
    return true;
}

}  // namespace weft
