#include "core/imaging/ContentHash.h"

#include "core/common/Error.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace weft {

QByteArray contentHash(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(QCoreApplication::translate("weft::ContentHash", "Cannot fingerprint %1: the file does not exist").arg(shown));
    if (info.isDir())
        throw Error(QCoreApplication::translate("weft::ContentHash", "Cannot fingerprint %1: it is a folder, not a file").arg(shown));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("weft::ContentHash", "Cannot fingerprint %1: %2").arg(shown, file.errorString()));

    constexpr qsizetype chunkSize = 1 << 20;
    QByteArray buffer(chunkSize, Qt::Uninitialized);
    QCryptographicHash hash(QCryptographicHash::Blake2s_128);
    for (;;) {
        const qint64 got = file.read(buffer.data(), chunkSize);
        if (got < 0)
            throw Error(QCoreApplication::translate("weft::ContentHash", "Cannot fingerprint %1: %2").arg(shown, file.errorString()));
        if (got == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), qsizetype(got)));
    }
    return hash.result();
}

}  // namespace weft
