#include "core/imaging/ContentHash.h"

#include "core/common/Error.h"
#include "core/imaging/RegularFile.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace weft {

QByteArray contentHash(const QString& path)
{
    const QString shown = QDir::toNativeSeparators(path);
    QFile file;
    QString whyNot;
    if (!RegularFile::open(file, path, whyNot))
        throw Error(QCoreApplication::translate("weft::ContentHash", "Cannot fingerprint %1: %2").arg(shown, whyNot));

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
