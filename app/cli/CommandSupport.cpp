#include "CommandSupport.h"

#include "TerminalProgress.h"

#include "core/common/Error.h"
#include "core/features/MethodSettings.h"
#include "core/models/ModelStore.h"

#include <QDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

using namespace weft;

namespace {

// --method's help: every setting, from its declaration.
QString methodHelp()
{
    QStringList lines{QStringLiteral("Method settings overriding the defaults, NAME=VALUE,...:")};
    const MethodConfig defaults;
    for (const MethodSetting& setting : methodSettings())
        lines.append(QStringLiteral("  %1 (default %2%3): %4")
                         .arg(setting.name, setting.value(defaults),
                              setting.effect == MethodSetting::Effect::QueryOnly ? QStringLiteral(", queries only") : QString(),
                              QString::fromLatin1(setting.help)));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace

const char* usageText()
{
    return "usage: weft-cli <command> [options]\n"
           "  index  [--library DIR] PATH...            add folders to the library and index them\n"
           "  query  [--library DIR] [--top K] [--json] [--any-colourway] [--colour COLOUR]... [IMAGE...]\n"
           "  eval   [--library DIR] --root DIR --labels CSV [--protocol class|swatch] [--tile PIXELS] [--queries N] [--seed N] [--photos plain|wild] [--json]\n"
           "  status [--library DIR] [--json]\n"
           "  bench  [--library DIR] [--repeat N] IMAGE   time one swatch lookup, stage by stage\n"
           "  bench  --index DIR [--json]                 indexing speed on a folder, against one network input per image\n"
           "  bench  --scale N [--dim D] [--json]         a library of N synthetic fingerprints: add, save, open, search\n"
           "  duplicates [--library DIR] [--folder F] [--json]  groups of duplicates and colourways of one print\n"
           "  repair [--library DIR] [--json]          check the catalog and index, set damaged entries aside to index again\n"
           "  components [--detector motif|yolo|maskrcnn] [--json] [--as-shown] [--overlay OUT.png] IMAGE...  find the feature components\n"
           "  palette [--json] IMAGE...                  an image's dominant colours and their shares\n"
           "common options: --method SETTINGS (see `weft-cli index --help`), --threads N\n"
           "`weft-cli <command> --help` describes a command.\n";
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

void print(const QString& text)
{
    std::fputs(qPrintable(text), stdout);
    std::fputs("\n", stdout);
    std::fflush(stdout);
}

int stoppedWith(const QString& note)
{
    std::fputs(qPrintable(note), stderr);
    std::fputs("\n", stderr);
    return 130;
}

CommonOptions::CommonOptions()
    : library(QStringLiteral("library"), QStringLiteral("Library folder (default: %1).").arg(Library::defaultLocation()), QStringLiteral("DIR")),
      method(QStringLiteral("method"), methodHelp(), QStringLiteral("SETTINGS")),
      threads(QStringLiteral("threads"), QStringLiteral("Inference threads (default: all cores, at least 2)."), QStringLiteral("N")),
      json(QStringLiteral("json"), QStringLiteral("Print JSON, one object per line."))
{
}

void CommonOptions::addTo(QCommandLineParser& parser, bool withJson)
{
    parser.addHelpOption();
    parser.addOptions({library, method, threads});
    if (withJson)
        parser.addOption(json);
}

MethodConfig CommonOptions::methodConfig(const QCommandLineParser& parser) const
{
    return MethodConfig::fromOverrides(parser.value(method));
}

QString CommonOptions::libraryFolder(const QCommandLineParser& parser, const QString& fallback) const
{
    return parser.isSet(library) ? QDir(parser.value(library)).absolutePath() : fallback;
}

std::unique_ptr<FeatureExtractor> CommonOptions::extractor(const QCommandLineParser& parser) const
{
        int count = std::max(2, QThread::idealThreadCount());
        if (parser.isSet(threads)) {
            bool ok = false;
            count = parser.value(threads).toInt(&ok);
            if (!ok || count < 1)
                throw UsageError(QStringLiteral("--threads needs a positive whole number"));
        }
        Backbone::setThreads(count);
        return FeatureExtractor::load(methodConfig(parser), ModelStore());
}

void parseOrExit(QCommandLineParser& parser, const QStringList& arguments)
{
    parser.setApplicationDescription(QString::fromLatin1(usageText()));
    if (!parser.parse(arguments))
        throw UsageError(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        print(parser.helpText());
        std::exit(0);
    }
}

// Scans the roots and fingerprints what is new or changed; shared by index and eval.
IndexSummary updateLibrary(Library& library, const FeatureExtractor& extractor, const QList<LibraryRoot>& roots, ScanSummary& scan)
{
    TerminalProgress progress;
    scan = Scanner::scan(library.catalog(), roots, &progress);
    for (const QString& missing : std::as_const(scan.missingRoots))
        std::fprintf(stderr, "warning: folder %s is not there (unplugged drive?); its images are kept\n", qPrintable(missing));
    if (scan.stopped) {   // Ctrl+C: the index is brought up to date by the next run
        IndexSummary summary;
        summary.stopped = true;
        return summary;
    }
    library.syncIndex();
    Indexer indexer(library, extractor);
    return indexer.run(&progress);
}

