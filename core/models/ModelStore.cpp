#include "core/models/ModelStore.h"

#include "core/common/Error.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace weft {

QString ModelStore::defaultDirectory()
{
    const QString fromEnvironment = qEnvironmentVariable("WEFT_MODEL_DIR");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/weft/models");
}

ModelStore::ModelStore(QString directory) : m_directory(std::move(directory)) {}

QByteArray ModelStore::sha256Hex(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw ModelError(QCoreApplication::translate("weft::ModelStore", "Cannot read model file %1: %2").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        throw ModelError(QCoreApplication::translate("weft::ModelStore", "Cannot read model file %1: %2").arg(path, file.errorString()));
    return hash.result().toHex();
}

QString ModelStore::verifiedPath(const ModelSpec& spec) const
{
    return checkedPath(spec, spec.file, spec.sha256, spec.bytes);
}

QString ModelStore::verifiedPath(const ModelSpec& spec, const ModelFile& extraFile) const
{
    return checkedPath(spec, extraFile.file, extraFile.sha256, extraFile.bytes);
}

QString ModelStore::checkedPath(const ModelSpec& spec, const QString& file, QString expected, qint64 bytes) const
{
    const QString path = QDir(m_directory).absoluteFilePath(file);
    const QString howToGetIt = spec.setup.isEmpty() ? QString() : QCoreApplication::translate("weft::ModelStore", " To get it: %1.").arg(spec.setup);
    if (!QFileInfo(path).isFile())
        throw ModelError(QCoreApplication::translate("weft::ModelStore",
                                                     "Model '%1' is missing: %2 does not exist.%3 Set WEFT_MODEL_DIR to use another model folder.")
                             .arg(spec.id, path, howToGetIt));

    if (expected.isEmpty()) {
        QFile recorded(path + QStringLiteral(".sha256"));
        if (!recorded.open(QIODevice::ReadOnly))
            throw ModelError(QCoreApplication::translate("weft::ModelStore", "Model '%1' at %2 has no recorded checksum (%2.sha256).%3")
                                 .arg(spec.id, path, howToGetIt));
        expected = QString::fromLatin1(recorded.readAll()).section(QLatin1Char(' '), 0, 0).trimmed().toLower();
    }
    if (bytes > 0 && QFileInfo(path).size() != bytes)
        throw ModelError(QCoreApplication::translate("weft::ModelStore",
                                                     "Model '%1' at %2 is damaged or a different file: it has %3 bytes, expected %4.%5")
                             .arg(spec.id, path).arg(QFileInfo(path).size()).arg(bytes).arg(howToGetIt));
    const QString actual = QString::fromLatin1(sha256Hex(path));
    if (actual != expected)
        throw ModelError(QCoreApplication::translate("weft::ModelStore",
                                                     "Model '%1' at %2 is damaged or a different file: its SHA-256 is %3, expected %4.%5")
                             .arg(spec.id, path, actual, expected, howToGetIt));
    return path;
}

}  // namespace weft
