// weft-cli as a script or a designer calls it, run as the built program: the exit
// status tells a mistake in the call (2) from work that failed (1), `--json` prints
// what the README promises (query, status, duplicates, eval), a message names what
// is wrong, and `--help` lists the commands the README's "Command line" section
// describes, no more and no fewer.

#include "core/catalog/Catalog.h"
#include "core/features/MethodConfig.h"
#include "core/models/ModelManifest.h"
#include "common/FloatTiffBytes.h"
#include "common/GeneratedPatterns.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <utility>

using namespace weft;

namespace {

// Small and quick, as the other tests that run the model.
const QString kMethod = QStringLiteral("size=64,grid=0,det=none,orient=1,qscales=1");

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// $WEFT_SHARED_DIR/models when it holds the default model, else empty.
QString modelDirectory()
{
    const QString shared = qEnvironmentVariable("WEFT_SHARED_DIR");
    const QString folder = QDir(shared).filePath(QStringLiteral("models"));
    const ModelManifest& manifest = ModelManifest::builtIn();
    return !shared.isEmpty() && QFileInfo::exists(QDir(folder).filePath(manifest.model(manifest.defaultBackbone()).file)) ? folder : QString();
}

// The command names a usage text lists, each at the start of an indented line
// ("  index  [--library DIR] ...") or after "weft-cli " in the README.
QSet<QString> commandNames(const QString& text, const QRegularExpression& line)
{
    QSet<QString> names;
    for (auto match = line.globalMatch(text); match.hasNext();)
        names.insert(match.next().captured(1));
    return names;
}

QSet<QString> keysOf(const QJsonObject& object)
{
    const QStringList keys = object.keys();
    return QSet<QString>(keys.begin(), keys.end());
}

}  // namespace

class CliTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void noCommandPrintsTheUsage();
    void unknownCommandIsAMistakeInTheCall();
    void unknownOptionIsAMistakeInTheCall();
    void missingValueOrArgumentIsAMistakeInTheCall();
    void helpListsTheCommandsOfTheReadme();
    void everyCommandHasItsHelp();
    void indexesAFolder();
    void indexOfSomethingNotAFolderNamesIt();
    void statusCountsTheLibrary();
    void statusPrintsTheJsonOfTheReadme();
    void queryPrintsTheJsonOfTheReadme();
    void queryOfAMissingImageNamesIt();
    void classEvaluationPrintsItsJson();
    void evaluationStopsOnCtrlC();
    void duplicatesPrintsTheJsonOfTheReadme();
    void floatTiffIsIndexedWithoutLibtiffNoise();
    void repairKeepsTheMethodTheLibraryWasIndexedWith();

private:
    void start(QProcess& process, const QStringList& arguments) const;
    Run run(const QStringList& arguments) const;
    QString writeLabels(const QStringList& images, const QString& name) const;

    QTemporaryDir m_dir;
    QString m_models;
    QString m_patterns;
    QStringList m_images;
    QString m_broken;   // in the patterns folder, a file that fails
    QString m_library;
    Run m_indexing;
};

void CliTest::start(QProcess& process, const QStringList& arguments) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("WEFT_MODEL_DIR"), m_models);
    // Nothing of the user's is read or written: defaults point into the test's folder.
    environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("config")));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(WEFT_CLI), arguments);
}

Run CliTest::run(const QStringList& arguments) const
{
    QProcess process;
    start(process, arguments);
    Run result;
    if (!process.waitForFinished(600000) || process.exitStatus() != QProcess::NormalExit) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("weft-cli %1 did not end by itself").arg(arguments.join(QLatin1Char(' ')));
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

void CliTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_models = modelDirectory();
    if (m_models.isEmpty())
        QFAIL("needs the MobileNetV2 model: set WEFT_SHARED_DIR to a folder whose models/ holds it (ctest does)");
    m_patterns = m_dir.filePath(QStringLiteral("patterns"));
    m_images = test::writeGeneratedPatterns(m_patterns, 6, QSize(96, 96), 2);   // classes of two: stripes, dots, checks
    m_broken = QDir(m_patterns).filePath(QStringLiteral("broken.png"));
    QFile broken(m_broken);
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("\x89PNG\r\n\x1a\n only the start of a picture");
    broken.close();
    m_library = m_dir.filePath(QStringLiteral("library"));
    m_indexing = run({QStringLiteral("index"), QStringLiteral("--library"), m_library, QStringLiteral("--method"), kMethod, m_patterns});
}

void CliTest::noCommandPrintsTheUsage()
{
    const Run bare = run({});
    QCOMPARE(bare.exitCode, 2);
    QVERIFY2(bare.err.startsWith(QStringLiteral("usage: weft-cli <command>")), qPrintable(bare.err));
    QCOMPARE(bare.out, QString());
}

void CliTest::unknownCommandIsAMistakeInTheCall()
{
    const Run unknown = run({QStringLiteral("serch"), QStringLiteral("swatch.jpg")});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.startsWith(QStringLiteral("weft-cli: unknown command 'serch'\n")), qPrintable(unknown.err));
    QVERIFY2(unknown.err.contains(QStringLiteral("usage: weft-cli")), qPrintable(unknown.err));
}

void CliTest::unknownOptionIsAMistakeInTheCall()
{
    for (const QString& command : {QStringLiteral("status"), QStringLiteral("query"), QStringLiteral("index")}) {
        const Run unknown = run({command, QStringLiteral("--libary"), m_library});
        QVERIFY2(unknown.exitCode == 2, qPrintable(command + QStringLiteral(": ") + QString::number(unknown.exitCode) + unknown.err));
        QVERIFY2(unknown.err.startsWith(QStringLiteral("weft-cli: ")) && unknown.err.contains(QStringLiteral("libary")), qPrintable(unknown.err));
        QCOMPARE(unknown.err.count(QLatin1Char('\n')), 1);   // one line
    }
}

void CliTest::missingValueOrArgumentIsAMistakeInTheCall()
{
    struct Case {
        QStringList arguments;
        QString named;   // what the message must name
    };
    const QList<Case> cases{
        {{QStringLiteral("query"), QStringLiteral("--library"), m_library, QStringLiteral("--top")}, QStringLiteral("--top")},
        {{QStringLiteral("query"), QStringLiteral("--library"), m_library}, QStringLiteral("image")},
        {{QStringLiteral("query"), QStringLiteral("--library"), m_library, QStringLiteral("--top"), QStringLiteral("0"), m_images[0]},
         QStringLiteral("--top")},
        {{QStringLiteral("eval"), QStringLiteral("--library"), m_library, QStringLiteral("--labels"), QStringLiteral("labels.csv")},
         QStringLiteral("--root")},
        {{QStringLiteral("components")}, QStringLiteral("image")},
    };
    for (const Case& c : cases) {
        const Run mistake = run(c.arguments);
        const QString call = c.arguments.join(QLatin1Char(' '));
        QVERIFY2(mistake.exitCode == 2, qPrintable(call + QStringLiteral(" → ") + QString::number(mistake.exitCode) + QLatin1Char(' ') + mistake.err));
        QVERIFY2(mistake.err.startsWith(QStringLiteral("weft-cli: ")) && mistake.err.contains(c.named), qPrintable(call + QStringLiteral(" → ") + mistake.err));
        QCOMPARE(mistake.err.count(QLatin1Char('\n')), 1);
    }
}

void CliTest::helpListsTheCommandsOfTheReadme()
{
    const Run help = run({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QSet<QString> listed = commandNames(help.out, QRegularExpression(QStringLiteral("^  ([a-z]+)\\s"), QRegularExpression::MultilineOption));
    QFile readme(QStringLiteral(WEFT_README));
    QVERIFY2(readme.open(QIODevice::ReadOnly | QIODevice::Text), WEFT_README);
    const QString text = QString::fromUtf8(readme.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("\n## Command line\n"));
    QVERIFY2(start >= 0, "README.md has no \"## Command line\" section");
    const qsizetype end = text.indexOf(QStringLiteral("\n## "), start + 1);
    const QString section = text.mid(start, end < 0 ? -1 : end - start);
    const QSet<QString> documented = commandNames(section, QRegularExpression(QStringLiteral("weft-cli ([a-z]+)")));
    QVERIFY2(listed.size() >= 7, qPrintable(QStringList(listed.values()).join(QLatin1Char(' '))));
    for (const QString& command : listed)
        QVERIFY2(documented.contains(command), qPrintable(QStringLiteral("`weft-cli --help` lists %1, the README's Command line section does not").arg(command)));
    for (const QString& command : documented)
        QVERIFY2(listed.contains(command), qPrintable(QStringLiteral("the README's Command line section has %1, `weft-cli --help` does not").arg(command)));
}

void CliTest::everyCommandHasItsHelp()
{
    const Run help = run({QStringLiteral("--help")});
    const QSet<QString> listed = commandNames(help.out, QRegularExpression(QStringLiteral("^  ([a-z]+)\\s"), QRegularExpression::MultilineOption));
    QVERIFY(!listed.isEmpty());
    for (const QString& command : listed) {
        const Run own = run({command, QStringLiteral("--help")});
        QVERIFY2(own.exitCode == 0, qPrintable(command + QStringLiteral(": ") + own.err));
        QVERIFY2(own.out.contains(QStringLiteral("--library")) || own.out.contains(QStringLiteral("--detector")), qPrintable(command + QStringLiteral(": ") + own.out));
    }
}

void CliTest::indexesAFolder()
{
    QVERIFY2(m_indexing.exitCode == 0, qPrintable(m_indexing.err));
    QVERIFY2(m_indexing.out.startsWith(QStringLiteral("6 images indexed")), qPrintable(m_indexing.out));
    QVERIFY2(m_indexing.out.contains(QStringLiteral("1 failed")) && m_indexing.out.contains(QStringLiteral("7 new")), qPrintable(m_indexing.out));
    // What the catalog it left says, read by the core.
    Catalog catalog(QDir(m_library).filePath(QStringLiteral("catalog.sqlite")));
    QCOMPARE(catalog.roots().size(), 1);
    QCOMPARE(catalog.roots().front().path, QFileInfo(m_patterns).canonicalFilePath());
    const CatalogCounts counts = catalog.counts(MethodConfig::fromOverrides(kMethod).key());
    QCOMPARE(counts.indexed, qint64(6));
    QCOMPARE(counts.failed, qint64(1));
    QCOMPARE(counts.pending, qint64(0));
}

void CliTest::indexOfSomethingNotAFolderNamesIt()
{
    const QString missing = m_dir.filePath(QStringLiteral("no such folder"));
    const Run notThere = run({QStringLiteral("index"), QStringLiteral("--library"), m_library, QStringLiteral("--method"), kMethod, missing});
    QCOMPARE(notThere.exitCode, 1);
    QVERIFY2(notThere.err.startsWith(QStringLiteral("weft-cli: ")) && notThere.err.contains(missing), qPrintable(notThere.err));
    const Run aFile = run({QStringLiteral("index"), QStringLiteral("--library"), m_library, QStringLiteral("--method"), kMethod, m_images[0]});
    QCOMPARE(aFile.exitCode, 1);
    QVERIFY2(aFile.err.contains(m_images[0]) && aFile.err.contains(QStringLiteral("not a folder")), qPrintable(aFile.err));
}

void CliTest::statusCountsTheLibrary()
{
    QVERIFY2(m_indexing.exitCode == 0, qPrintable(m_indexing.err));
    const Run status = run({QStringLiteral("status"), QStringLiteral("--library"), m_library, QStringLiteral("--method"), kMethod});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    const QStringList lines = status.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.contains(QStringLiteral("library  %1").arg(QDir(m_library).absolutePath())), qPrintable(status.out));
    QVERIFY2(lines.contains(QStringLiteral("indexed  6")), qPrintable(status.out));
    QVERIFY2(lines.contains(QStringLiteral("failed   1")), qPrintable(status.out));
    QVERIFY2(lines.contains(QStringLiteral("pending  0")), qPrintable(status.out));
    QVERIFY2(lines.contains(QStringLiteral("folder   %1: 6 indexed, 1 failed, 0 pending").arg(QFileInfo(m_patterns).canonicalFilePath())),
             qPrintable(status.out));
    const QString failedLine = QStringLiteral("failed   %1: ").arg(QFileInfo(m_broken).canonicalFilePath());
    QVERIFY2(std::any_of(lines.begin(), lines.end(), [&](const QString& line) { return line.startsWith(failedLine) && line.size() > failedLine.size(); }),
             qPrintable(status.out));
}

void CliTest::statusPrintsTheJsonOfTheReadme()
{
    QVERIFY2(m_indexing.exitCode == 0, qPrintable(m_indexing.err));
    const Run status = run({QStringLiteral("status"), QStringLiteral("--library"), m_library, QStringLiteral("--method"), kMethod, QStringLiteral("--json")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.err));
    const QStringList lines = status.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(lines.front().toUtf8(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), qPrintable(lines.front()));
    const QJsonObject report = document.object();
    QCOMPARE(keysOf(report), (QSet<QString>{QStringLiteral("library"), QStringLiteral("method"), QStringLiteral("indexed"), QStringLiteral("failed"),
                                            QStringLiteral("pending"), QStringLiteral("stale"), QStringLiteral("folders"), QStringLiteral("failed_images")}));
    QCOMPARE(report.value(QStringLiteral("library")).toString(), QDir(m_library).absolutePath());
    QCOMPARE(report.value(QStringLiteral("method")).toString(), MethodConfig::fromOverrides(kMethod).key());
    const std::pair<const char*, int> counts[] = {{"indexed", 6}, {"failed", 1}, {"pending", 0}, {"stale", 0}};
    for (const auto& [key, count] : counts) {
        QVERIFY2(report.value(QLatin1String(key)).isDouble(), key);
        QCOMPARE(report.value(QLatin1String(key)).toDouble(), double(count));
    }
    QVERIFY(report.value(QStringLiteral("folders")).isArray());
    const QJsonArray folders = report.value(QStringLiteral("folders")).toArray();
    QCOMPARE(folders.size(), 1);
    const QJsonObject folder = folders.first().toObject();
    QCOMPARE(keysOf(folder), (QSet<QString>{QStringLiteral("path"), QStringLiteral("indexed"), QStringLiteral("failed"), QStringLiteral("pending"),
                                            QStringLiteral("found")}));
    QCOMPARE(folder.value(QStringLiteral("path")).toString(), QFileInfo(m_patterns).canonicalFilePath());
    QCOMPARE(folder.value(QStringLiteral("indexed")).toDouble(), 6.0);
    QCOMPARE(folder.value(QStringLiteral("failed")).toDouble(), 1.0);
    QCOMPARE(folder.value(QStringLiteral("pending")).toDouble(), 0.0);
    QVERIFY(folder.value(QStringLiteral("found")).isBool() && folder.value(QStringLiteral("found")).toBool());
    QVERIFY(report.value(QStringLiteral("failed_images")).isArray());
    const QJsonArray failed = report.value(QStringLiteral("failed_images")).toArray();
    QCOMPARE(failed.size(), 1);
    const QJsonObject image = failed.first().toObject();
    QCOMPARE(keysOf(image), (QSet<QString>{QStringLiteral("path"), QStringLiteral("reason")}));
    QCOMPARE(image.value(QStringLiteral("path")).toString(), QFileInfo(m_broken).canonicalFilePath());
    QVERIFY(image.value(QStringLiteral("reason")).isString() && !image.value(QStringLiteral("reason")).toString().isEmpty());
}

void CliTest::queryPrintsTheJsonOfTheReadme()
{
    QVERIFY2(m_indexing.exitCode == 0, qPrintable(m_indexing.err));
    const QStringList asked{m_images[1], m_images[4]};
    const Run query = run(QStringList{QStringLiteral("query"), QStringLiteral("--library"), m_library, QStringLiteral("--method"), kMethod,
                                      QStringLiteral("--top"), QStringLiteral("3"), QStringLiteral("--json")} + asked);
    QVERIFY2(query.exitCode == 0, qPrintable(query.err));
    const QStringList lines = query.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), asked.size());   // one line per query
    for (int q = 0; q < asked.size(); ++q) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(lines[q].toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError && document.isObject(), qPrintable(lines[q]));
        const QJsonObject line = document.object();
        QCOMPARE(keysOf(line), (QSet<QString>{QStringLiteral("query"), QStringLiteral("results")}));
        QVERIFY(line.value(QStringLiteral("query")).isString());
        QCOMPARE(line.value(QStringLiteral("query")).toString(), asked[q]);
        QVERIFY(line.value(QStringLiteral("results")).isArray());
        const QJsonArray results = line.value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 3);
        for (int r = 0; r < results.size(); ++r) {
            QVERIFY(results[r].isObject());
            const QJsonObject match = results[r].toObject();
            QCOMPARE(keysOf(match), (QSet<QString>{QStringLiteral("path"), QStringLiteral("score"), QStringLiteral("rank")}));
            QVERIFY(match.value(QStringLiteral("path")).isString());
            const QString path = match.value(QStringLiteral("path")).toString();
            QVERIFY2(QFileInfo(path).isAbsolute() && m_images.contains(path), qPrintable(path));
            QVERIFY(match.value(QStringLiteral("score")).isDouble());
            const double score = match.value(QStringLiteral("score")).toDouble();
            QVERIFY2(std::isfinite(score) && score >= -1.01 && score <= 1.01, qPrintable(QString::number(score)));
            QVERIFY(match.value(QStringLiteral("rank")).isDouble());
            QCOMPARE(match.value(QStringLiteral("rank")).toDouble(), double(r + 1));   // a whole number, from 1
        }
        // A library image looked up finds itself first.
        QCOMPARE(results[0].toObject().value(QStringLiteral("path")).toString(), asked[q]);
    }
}

void CliTest::queryOfAMissingImageNamesIt()
{
    QVERIFY2(m_indexing.exitCode == 0, qPrintable(m_indexing.err));
    const QString missing = m_dir.filePath(QStringLiteral("swatch from the phone.jpg"));
    const Run query = run({QStringLiteral("query"), QStringLiteral("--library"), m_library, QStringLiteral("--method"), kMethod,
                           QStringLiteral("--json"), missing});
    QCOMPARE(query.exitCode, 1);
    QVERIFY2(query.err.startsWith(QStringLiteral("weft-cli: ")) && query.err.contains(missing), qPrintable(query.err));
    QCOMPARE(query.err.count(QLatin1Char('\n')), 1);
    QCOMPARE(query.out, QString());   // no half answer for a script to read
}

// A labels CSV of the images (all in one folder), two to a class.
QString CliTest::writeLabels(const QStringList& images, const QString& name) const
{
    QFile labels(m_dir.filePath(name));
    if (!labels.open(QIODevice::WriteOnly | QIODevice::Text))
        return {};
    labels.write("path,class\n");
    for (int i = 0; i < images.size(); ++i)
        labels.write(QStringLiteral("%1,%2\n").arg(QFileInfo(images[i]).fileName()).arg(i / 2).toUtf8());
    return labels.fileName();
}

void CliTest::classEvaluationPrintsItsJson()
{
    const QString labels = writeLabels(m_images, QStringLiteral("labels.csv"));
    QVERIFY(!labels.isEmpty());
    const Run eval = run({QStringLiteral("eval"), QStringLiteral("--library"), m_dir.filePath(QStringLiteral("eval-library")), QStringLiteral("--method"),
                          kMethod, QStringLiteral("--root"), m_patterns, QStringLiteral("--labels"), labels, QStringLiteral("--json")});
    QVERIFY2(eval.exitCode == 0, qPrintable(eval.err));
    const QStringList lines = eval.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    const QJsonObject report = QJsonDocument::fromJson(lines.front().toUtf8()).object();
    QCOMPARE(report.value(QStringLiteral("root")).toString(), QFileInfo(m_patterns).canonicalFilePath());
    QCOMPARE(report.value(QStringLiteral("method")).toString(), MethodConfig::fromOverrides(kMethod).key());
    QCOMPARE(report.value(QStringLiteral("queries")).toDouble(), 6.0);
    QCOMPARE(report.value(QStringLiteral("unusable")).toDouble(), 0.0);
    QCOMPARE(report.value(QStringLiteral("stopped")), QJsonValue(false));   // ran to its end: no Ctrl+C
    for (const char* share : {"top1", "top5", "p5", "r_precision", "map", "mrr", "hnsw_recall_at_10"}) {
        const QJsonValue value = report.value(QLatin1String(share));
        QVERIFY2(value.isDouble() && value.toDouble() >= 0 && value.toDouble() <= 1, share);
    }
    QCOMPARE(report.keys().size(), 12);
}

void CliTest::evaluationStopsOnCtrlC()
{
    // The swatch protocol on library images tiled to 1024 px: each query's second look
    // reads 20 of them, seconds per query here, so the run is still querying when the
    // first progress line (after 5 s) is read and Ctrl+C comes.
    const QString folder = m_dir.filePath(QStringLiteral("to stop"));
    const QStringList patterns = test::writeGeneratedPatterns(folder, 24, QSize(96, 96));
    const QString labels = writeLabels(patterns, QStringLiteral("labels-to-stop.csv"));
    QVERIFY(!labels.isEmpty());
    QProcess process;
    start(process, {QStringLiteral("eval"), QStringLiteral("--protocol"), QStringLiteral("swatch"), QStringLiteral("--tile"), QStringLiteral("1024"),
                    QStringLiteral("--library"), m_dir.filePath(QStringLiteral("stopped-eval-library")), QStringLiteral("--method"), kMethod,
                    QStringLiteral("--root"), folder, QStringLiteral("--labels"), labels, QStringLiteral("--json")});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    process.setReadChannel(QProcess::StandardError);
    QString err;
    while (!err.contains(QStringLiteral("\nquerying "))) {
        if (!process.waitForReadyRead(600000)) {
            err += QString::fromUtf8(process.readAllStandardError());
            process.kill();
            process.waitForFinished();
            QFAIL(qPrintable(QStringLiteral("weft-cli eval ended or stalled before it was querying: %1").arg(err)));
        }
        err += QString::fromUtf8(process.readAllStandardError());
    }
    QCOMPARE(::kill(pid_t(process.processId()), SIGINT), 0);
    const bool ended = process.waitForFinished(600000);
    if (!ended) {
        process.kill();
        process.waitForFinished();
    }
    err += QString::fromUtf8(process.readAllStandardError());
    QVERIFY2(ended && process.exitStatus() == QProcess::NormalExit, qPrintable(QStringLiteral("did not end by itself on Ctrl+C: ") + err));
    QVERIFY2(process.exitCode() == 130, qPrintable(QString::number(process.exitCode()) + QLatin1Char(' ') + err));
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() == 1, qPrintable(out));   // the JSON alone, for a script to read
    QJsonParseError error;
    const QJsonObject report = QJsonDocument::fromJson(lines.front().toUtf8(), &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(lines.front()));
    QCOMPARE(report.value(QStringLiteral("stopped")), QJsonValue(true));
    QVERIFY(report.value(QStringLiteral("queries")).isDouble());
    QVERIFY2(report.value(QStringLiteral("queries")).toDouble() < patterns.size(), qPrintable(lines.front()));
    QVERIFY2(err.contains(QStringLiteral("Stopped after")), qPrintable(err));   // and the person at the terminal is told
}

void CliTest::duplicatesPrintsTheJsonOfTheReadme()
{
    // Three patterns and one of them again, the same pixels in other bytes.
    const QString folder = m_dir.filePath(QStringLiteral("with a copy"));
    const QStringList patterns = test::writeGeneratedPatterns(folder, 3, QSize(96, 96));
    const QString copy = QDir(folder).filePath(QStringLiteral("copy of pattern-0.png"));
    QVERIFY(QImage(patterns[0]).save(copy, "PNG", 0));
    const QString library = m_dir.filePath(QStringLiteral("duplicates-library"));
    const Run indexing = run({QStringLiteral("index"), QStringLiteral("--library"), library, QStringLiteral("--method"), kMethod, folder});
    QVERIFY2(indexing.exitCode == 0, qPrintable(indexing.err));

    const Run duplicates = run({QStringLiteral("duplicates"), QStringLiteral("--library"), library, QStringLiteral("--method"), kMethod, QStringLiteral("--json")});
    QVERIFY2(duplicates.exitCode == 0, qPrintable(duplicates.err));
    const QStringList lines = duplicates.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 1);
    const QJsonObject report = QJsonDocument::fromJson(lines.front().toUtf8()).object();
    QVERIFY(report.value(QStringLiteral("images")).isDouble());
    QCOMPARE(report.value(QStringLiteral("images")).toDouble(), 4.0);
    QVERIFY(report.value(QStringLiteral("groups")).isArray());
    const QSet<QString> copies{patterns[0], QFileInfo(copy).canonicalFilePath()};
    int found = 0;
    for (const QJsonValue& value : report.value(QStringLiteral("groups")).toArray()) {
        const QJsonObject group = value.toObject();
        QCOMPARE(keysOf(group), (QSet<QString>{QStringLiteral("kind"), QStringLiteral("members")}));
        const QString kind = group.value(QStringLiteral("kind")).toString();
        QVERIFY2(kind == QLatin1String("duplicates") || kind == QLatin1String("colourways"), qPrintable(kind));
        QSet<QString> paths;
        for (const QJsonValue& memberValue : group.value(QStringLiteral("members")).toArray()) {
            const QJsonObject member = memberValue.toObject();
            QCOMPARE(keysOf(member), (QSet<QString>{QStringLiteral("path"), QStringLiteral("width"), QStringLiteral("height"), QStringLiteral("pattern"),
                                                    QStringLiteral("colour")}));
            paths.insert(member.value(QStringLiteral("path")).toString());
            QCOMPARE(member.value(QStringLiteral("width")).toDouble(), 96.0);
            QCOMPARE(member.value(QStringLiteral("height")).toDouble(), 96.0);
            for (const char* likeness : {"pattern", "colour"}) {
                const QJsonValue alike = member.value(QLatin1String(likeness));
                QVERIFY2(alike.isDouble() && alike.toDouble() >= -1.01 && alike.toDouble() <= 1.01, likeness);
            }
        }
        if (kind == QLatin1String("duplicates") && paths == copies)
            ++found;
    }
    QCOMPARE(found, 1);
}

void CliTest::floatTiffIsIndexedWithoutLibtiffNoise()
{
    // A grey float TIFF: Qt's TIFF reader gives up on it (libtiff then said "Sorry, can not
    // handle images with 32-bit samples" on stderr) and the decoder reads it through OpenCV.
    const QString folder = m_dir.filePath(QStringLiteral("float tiffs"));
    QVERIFY(QDir().mkpath(folder));
    QFile tiff(QDir(folder).filePath(QStringLiteral("scan.tif")));
    QVERIFY(tiff.open(QIODevice::WriteOnly));
    tiff.write(test::floatTiff(40, 30, 1, [](int x, int, int) { return x < 20 ? 0.1f : 0.9f; }));
    tiff.close();
    const Run indexing = run({QStringLiteral("index"), QStringLiteral("--library"), m_dir.filePath(QStringLiteral("tiff-library")),
                              QStringLiteral("--method"), kMethod, folder});
    QVERIFY2(indexing.exitCode == 0, qPrintable(indexing.err));
    QVERIFY2(indexing.out.startsWith(QStringLiteral("1 images indexed")) && indexing.out.contains(QStringLiteral(" 0 failed")),
             qPrintable(indexing.out));
    // Not a terminal: stderr holds the progress lines and nothing else.
    for (const QString& line : indexing.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        QVERIFY2(line.startsWith(QStringLiteral("scanning ")) || line.startsWith(QStringLiteral("indexing ")), qPrintable(indexing.err));
}

void CliTest::repairKeepsTheMethodTheLibraryWasIndexedWith()
{
    // Indexed with a method other than the default; repair is not told which.
    const QString library = m_dir.filePath(QStringLiteral("repair-library"));
    const Run indexing = run({QStringLiteral("index"), QStringLiteral("--library"), library, QStringLiteral("--method"), kMethod, m_patterns});
    QVERIFY2(indexing.exitCode == 0, qPrintable(indexing.err));
    const QString methodKey = MethodConfig::fromOverrides(kMethod).key();
    QVERIFY(methodKey != MethodConfig().key());
    qint64 indexed = 0;
    {
        const Catalog catalog(QDir(library).filePath(QStringLiteral("catalog.sqlite")));
        indexed = catalog.counts(methodKey).indexed;
    }
    QVERIFY(indexed > 0);

    const Run repair = run({QStringLiteral("repair"), QStringLiteral("--library"), library, QStringLiteral("--json")});
    QVERIFY2(repair.exitCode == 0, qPrintable(repair.err));
    const QJsonObject report = QJsonDocument::fromJson(repair.out.toUtf8()).object();
    QVERIFY2(report.value(QStringLiteral("found_nothing")).toBool(), qPrintable(repair.out));
    QVERIFY2(report.value(QStringLiteral("indexed")).toDouble() == double(indexed), qPrintable(repair.out));   // every fingerprint is in the index again
    QCOMPARE(report.value(QStringLiteral("method")).toString(), methodKey);

    const Run query = run({QStringLiteral("query"), QStringLiteral("--library"), library, QStringLiteral("--method"), kMethod,
                           QStringLiteral("--top"), QStringLiteral("1"), QStringLiteral("--json"), m_images[2]});
    QVERIFY2(query.exitCode == 0, qPrintable(query.err));
    const QJsonArray results = QJsonDocument::fromJson(query.out.toUtf8()).object().value(QStringLiteral("results")).toArray();
    QVERIFY2(!results.isEmpty(), qPrintable(query.out));
    QCOMPARE(results[0].toObject().value(QStringLiteral("path")).toString(), m_images[2]);

    // A method given to repair would be another than the library's: refused as a mistake in the call.
    const Run withMethod = run({QStringLiteral("repair"), QStringLiteral("--library"), library, QStringLiteral("--method"), kMethod});
    QCOMPARE(withMethod.exitCode, 2);
    QVERIFY2(withMethod.err.startsWith(QStringLiteral("weft-cli: ")) && withMethod.err.contains(QStringLiteral("--method")), qPrintable(withMethod.err));
}

QTEST_GUILESS_MAIN(CliTest)
#include "tst_cli.moc"
