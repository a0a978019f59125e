#include "core/export/ResultsCsv.h"

#include "core/common/AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace weft {

namespace {

QString field(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n'))
        && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString row(const QStringList& fields)
{
    QStringList quoted;
    for (const QString& text : fields)
        quoted.append(field(text));
    return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

}  // namespace

QByteArray ResultsCsv::format(const QList<Match>& matches)
{
    QString text = row({QStringLiteral("rank"), QStringLiteral("score"), QStringLiteral("path"), QStringLiteral("folder"),
                        QStringLiteral("file name"), QStringLiteral("width"), QStringLiteral("height")});
    for (const Match& match : matches) {
        const QFileInfo file(match.path);
        text += row({QString::number(match.rank), QString::number(double(match.score), 'f', 4), QDir::toNativeSeparators(match.path),
                     QDir::toNativeSeparators(file.path()), file.fileName(), QString::number(match.originalSize.width()),
                     QString::number(match.originalSize.height())});
    }
    return text.toUtf8();
}

void ResultsCsv::write(const QString& path, const QList<Match>& matches)
{
    writeFileAtomically(path, format(matches));
}

}  // namespace weft
