#pragma once

// The index fuzz target's input: an index folder in one piece, the files in the
// order of Part separated by kSeparator (a missing part is an empty file; no
// journal part, no journal). Written out, its checksums are made to match: the
// sums file from the records, the journal's head and trailer around its body. The
// checks behind the checksums (damage a checksum cannot see: bytes a bug wrote,
// a file re-sealed by hand) are what the fuzzer then reaches.

#include "FuzzLibrary.h"

#include "core/common/QuantizedVector.h"
#include "core/index/IndexFiles.h"
#include "core/index/VectorIndex.h"

#include <QByteArray>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <vector>

namespace weft::fuzz {

enum Part { Header, Links, Vectors, Upper, JournalBody, kParts };
inline const QByteArray kSeparator = QByteArrayLiteral("\n#weft-fuzz-part#\n");

inline QByteArray joinBundle(const QList<QByteArray>& parts)
{
    QByteArray bundle;
    for (qsizetype i = 0; i < parts.size(); ++i)
        bundle += (i ? kSeparator : QByteArray()) + parts[i];
    return bundle;
}

// Writes the bundle into `folder` as index.json and the data files it names.
inline void writeBundle(const QByteArray& bundle, const QString& folder)
{
    QList<QByteArray> parts;
    for (qsizetype from = 0;;) {
        const qsizetype next = bundle.indexOf(kSeparator, from);
        parts << bundle.mid(from, next < 0 ? -1 : next - from);
        if (next < 0)
            break;
        from = next + kSeparator.size();
    }
    while (parts.size() < JournalBody)
        parts << QByteArray();

    const QJsonObject header = QJsonDocument::fromJson(parts[Header]).object();
    const auto number = [&](const char* key, qint64 fallback, qint64 max) {
        const double value = header.value(QLatin1String(key)).toDouble(double(fallback));
        return value >= 1 && value <= double(max) ? qint64(value) : fallback;   // compared before the cast, which could overflow
    };
    const qint64 generation = number("file_generation", 1, qint64(1e15));
    const std::size_t dim = std::size_t(number("dim", 1, 1 << 16));
    const std::size_t M = std::size_t(number("M", 2, 1000));
    const std::size_t linksBytes = 4 + 2 * M * 4, vectorBytes = weft::VectorIndex::storedBytes(int(dim)) + 8, upperLevelBytes = 4 + M * 4;

    // Sums for as many records as the links and vectors files hold.
    const QByteArray& links = parts[Links];
    const QByteArray& vectors = parts[Vectors];
    const QByteArray& upper = parts[Upper];
    const std::size_t records = std::min(std::size_t(links.size()) / linksBytes, std::size_t(vectors.size()) / vectorBytes);
    std::vector<quint64> sums(records * 3, 0);
    for (std::size_t i = 0; i < records; ++i) {
        sums[3 * i] = indexfiles::checksum(links.constData() + i * linksBytes, linksBytes);
        sums[3 * i + 1] = indexfiles::checksum(vectors.constData() + i * vectorBytes, vectorBytes);
    }
    for (std::size_t at = 0; at + 8 <= std::size_t(upper.size());) {
        const quint32 id = qFromLittleEndian<quint32>(upper.constData() + at);
        const quint32 level = qFromLittleEndian<quint32>(upper.constData() + at + 4);
        const std::size_t recordBytes = 8 + std::min<quint32>(level, 256) * upperLevelBytes;
        if (level < 1 || level > 255 || at + recordBytes > std::size_t(upper.size()))
            break;
        if (id < records)
            sums[3 * id + 2] = indexfiles::checksum(upper.constData() + at, recordBytes);
        at += recordBytes;
    }

    const QDir dir(folder);
    const QString prefix = QStringLiteral("index-%1.").arg(generation);
    writeFile(dir.filePath(QStringLiteral("index.json")), parts[Header]);
    writeFile(dir.filePath(prefix + QStringLiteral("links")), links);
    writeFile(dir.filePath(prefix + QStringLiteral("vectors")), vectors);
    writeFile(dir.filePath(prefix + QStringLiteral("upper")), upper);
    writeFile(dir.filePath(prefix + QStringLiteral("sums")),
              QByteArray(reinterpret_cast<const char*>(sums.data()), qsizetype(sums.size() * sizeof(quint64))));
    if (parts.size() > JournalBody) {
        const auto le64 = [](quint64 value) {
            value = qToLittleEndian(value);
            return QByteArray(reinterpret_cast<const char*>(&value), sizeof value);
        };
        QByteArray journal = QByteArrayLiteral("WEFTJNL3") + le64(indexfiles::checksum(parts[Header].constData(), std::size_t(parts[Header].size())))
            + parts[JournalBody] + QByteArrayLiteral("WEFTJEND");
        journal += le64(indexfiles::checksum(journal.constData(), std::size_t(journal.size())));
        writeFile(dir.filePath(prefix + QStringLiteral("journal")), journal);
    }
}

}  // namespace weft::fuzz
