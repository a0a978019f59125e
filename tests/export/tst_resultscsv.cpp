// A result list saved as CSV reads back, through a parser written here from
// RFC 4180 rather than the exporter's own code, as the list it was: also paths
// with commas, quotes and line breaks, and names in other scripts.

#include "core/common/Error.h"
#include "core/export/ResultsCsv.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;

namespace {

Match match(int rank, float score, const QString& path, QSize size)
{
    Match m;
    m.imageId = 100 + rank;
    m.rank = rank;
    m.score = score;
    m.path = path;
    m.originalSize = size;
    return m;
}

// RFC 4180: records end in CRLF (a lone LF is taken too); a field in double quotes
// may hold commas, line breaks and quotes doubled.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n'))
                ++i;
            record.append(field);
            field.clear();
            records.append(record);
            record.clear();
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty()) {
        record.append(field);
        records.append(record);
    }
    return records;
}

}  // namespace

class ResultsCsvTest : public QObject {
    Q_OBJECT
private slots:
    void roundTrips();
    void unwritableFileIsAnError();
};

void ResultsCsvTest::roundTrips()
{
    QTemporaryDir dir;
    const QList<Match> matches{
        match(1, 0.98765f, QStringLiteral("/patterns/spring, 2024/rose \"large\".png"), {4000, 3000}),
        match(2, 0.5f, QStringLiteral("/patterns/Müller & Söhne/花卉 纹样 №7.jpg"), {1024, 768}),
        match(3, 0.12345f, QStringLiteral("/patterns/odd\nline/plain.tif"), {64, 48}),
        match(4, -0.25f, QStringLiteral("/patterns/plain.png"), {}),
    };
    const QString path = dir.filePath(QStringLiteral("matches.csv"));
    ResultsCsv::write(path, matches);

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(!bytes.startsWith("\xEF\xBB\xBF"), "no byte order mark");
    const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes));
    QCOMPARE(records.size(), matches.size() + 1);
    QCOMPARE(records[0], (QStringList{QStringLiteral("rank"), QStringLiteral("score"), QStringLiteral("path"), QStringLiteral("folder"),
                                      QStringLiteral("file name"), QStringLiteral("width"), QStringLiteral("height")}));
    const QStringList folders{QStringLiteral("/patterns/spring, 2024"), QStringLiteral("/patterns/Müller & Söhne"),
                              QStringLiteral("/patterns/odd\nline"), QStringLiteral("/patterns")};
    const QStringList names{QStringLiteral("rose \"large\".png"), QStringLiteral("花卉 纹样 №7.jpg"), QStringLiteral("plain.tif"),
                            QStringLiteral("plain.png")};
    for (int i = 0; i < matches.size(); ++i) {
        const QStringList& row = records[i + 1];
        QCOMPARE(row.size(), 7);
        QCOMPARE(row[0].toInt(), matches[i].rank);
        bool ok = false;
        QVERIFY(qAbs(row[1].toDouble(&ok) - matches[i].score) < 1e-4);
        QVERIFY2(ok, qPrintable(row[1]));
        QCOMPARE(row[2], matches[i].path);
        QCOMPARE(row[3], folders[i]);
        QCOMPARE(row[4], names[i]);
        QCOMPARE(row[5].toInt(), matches[i].originalSize.width());
        QCOMPARE(row[6].toInt(), matches[i].originalSize.height());
    }
}

void ResultsCsvTest::unwritableFileIsAnError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("no such folder/matches.csv"));
    QVERIFY_THROWS_EXCEPTION(Error, ResultsCsv::write(path, {match(1, 0.9f, QStringLiteral("/a.png"), {10, 10})}));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(ResultsCsvTest)
#include "tst_resultscsv.moc"
