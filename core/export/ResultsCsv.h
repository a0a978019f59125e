#pragma once

#include "core/pipeline/QueryEngine.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace weft {

// A result list as a spreadsheet opens it: a header row, then one row per match,
// best first, with the columns rank, score, path, folder, file name, width and
// height (the image's pixel size as the catalog has it). UTF-8, comma-separated,
// fields quoted as RFC 4180 says when they hold a comma, a quote or a line break.
// The header's names are fixed English words, so that scripts can rely on them.
class ResultsCsv {
public:
    static QByteArray format(const QList<Match>& matches);
    // Replaces `path` in one step (AtomicFile.h); throws weft::Error when it cannot.
    static void write(const QString& path, const QList<Match>& matches);
};

}  // namespace weft
