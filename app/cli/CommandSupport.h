#pragma once

#include "core/common/Error.h"
#include "core/features/FeatureExtractor.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Scanner.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>
#include <vector>

// What the weft-cli commands share.

// A command asked for in a way weft-cli does not take (an unknown option, a missing
// value or argument): it ends with status 2, as an unknown command does, so that a
// script can tell a mistake in its call from a failure of the work.
class UsageError : public weft::Error {
public:
    using Error::Error;
};

// One line on stdout, flushed.
void print(const QString& text);

// The end of a command that Ctrl+C stopped: `note` (what was kept, what to do) on
// stderr, where the progress was, so that stdout holds the command's output alone
// (one JSON document with --json); returns the exit status 130 that tells a script so.
int stoppedWith(const QString& note);

// Options every command shares, and what they resolve to.
struct CommonOptions {
    CommonOptions();
    QCommandLineOption library;
    QCommandLineOption method;
    QCommandLineOption threads;
    QCommandLineOption json;

    void addTo(QCommandLineParser& parser, bool withJson);
    weft::MethodConfig methodConfig(const QCommandLineParser& parser) const;
    QString libraryFolder(const QCommandLineParser& parser, const QString& fallback = weft::Library::defaultLocation()) const;
    // Sets the inference threads (--threads) and loads the method's models.
    std::unique_ptr<weft::FeatureExtractor> extractor(const QCommandLineParser& parser) const;
};

// Parses; prints the help (with the command list) and exits for --help; throws
// UsageError for what the parser refuses.
void parseOrExit(QCommandLineParser& parser, const QStringList& arguments);

// The usage text of weft-cli.
const char* usageText();

// Scans the roots and fingerprints what is new or changed; shared by index, eval and bench.
weft::IndexSummary updateLibrary(weft::Library& library, const weft::FeatureExtractor& extractor, const QList<weft::LibraryRoot>& roots,
                                 weft::ScanSummary& scan);

double median(std::vector<double> values);

int benchCommand(const QStringList& arguments);
int duplicatesCommand(const QStringList& arguments);
int paletteCommand(const QStringList& arguments);
int repairCommand(const QStringList& arguments);
