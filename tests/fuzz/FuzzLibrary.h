#pragma once

// The library folder the catalog and index fuzz targets write each input into,
// and the method their seeds are made with (make_fuzz_seeds.cpp).

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

namespace weft::fuzz {

inline const QString kMethod = QStringLiteral("fuzz-method");
inline const QString kDetector = QStringLiteral("motif");

inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

}  // namespace weft::fuzz
