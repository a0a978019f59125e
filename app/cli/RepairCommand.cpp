// weft-cli repair: checks a library's catalog and index and repairs what it can.
#include "CommandSupport.h"

#include "TerminalProgress.h"

#include "core/common/Error.h"
#include "core/pipeline/LibraryRepair.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace weft;

namespace {

QJsonObject toJson(const RepairReport& report)
{
    QJsonArray setAside, tables;
    for (const DamagedEntry& entry : report.setAside)
        setAside.append(QJsonObject{{QStringLiteral("path"), entry.path}, {QStringLiteral("reason"), entry.reason}});
    QJsonObject salvage;
    if (report.salvage) {
        for (const CatalogSalvage::Table& table : report.salvage->tables)
            tables.append(QJsonObject{{QStringLiteral("name"), table.name},
                                      {QStringLiteral("copied"), table.copied},
                                      {QStringLiteral("refused"), table.refused},
                                      {QStringLiteral("complete"), table.complete}});
        salvage = QJsonObject{{QStringLiteral("damaged_copy"), report.salvage->damagedCopy},
                              {QStringLiteral("rows_lost"), report.salvage->lostRows()},
                              {QStringLiteral("tables"), tables}};
    }
    return QJsonObject{{QStringLiteral("library"), report.folder},
                       {QStringLiteral("method"), report.method},
                       {QStringLiteral("healthy"), report.healthy()},
                       {QStringLiteral("found_nothing"), report.foundNothing()},
                       {QStringLiteral("catalog_problems"), QJsonArray::fromStringList(report.catalogProblems)},
                       {QStringLiteral("salvage"), report.salvage ? QJsonValue(salvage) : QJsonValue()},
                       {QStringLiteral("set_aside"), setAside},
                       {QStringLiteral("indexed"), report.indexed},
                       {QStringLiteral("remaining_problems"), QJsonArray::fromStringList(report.remainingProblems)},
                       {QStringLiteral("stopped"), report.stopped}};
}

void printText(const RepairReport& report)
{
    print(QStringLiteral("library  %1").arg(QDir::toNativeSeparators(report.folder)));
    print(QStringLiteral("method   %1").arg(report.method));
    if (report.catalogProblems.isEmpty())
        print(QStringLiteral("catalog  sound"));
    else
        print(QStringLiteral("catalog  damaged: %1").arg(report.catalogProblems.join(QStringLiteral("; "))));
    if (report.salvage) {
        print(QStringLiteral("         what could be read was saved into a new catalog; the damaged one is kept as %1")
                  .arg(QDir::toNativeSeparators(report.salvage->damagedCopy)));
        for (const CatalogSalvage::Table& table : report.salvage->tables)
            print(QStringLiteral("         %1: %2 rows%3%4")
                      .arg(table.name, -20)
                      .arg(table.copied)
                      .arg(table.refused > 0 ? QStringLiteral(", %1 left out (what they belonged to was lost)").arg(table.refused) : QString())
                      .arg(table.complete ? QString() : QStringLiteral(", some could not be read and are lost")));
        if (report.salvage->lostRows())
            print(QStringLiteral("         images whose entries were lost are found again by the next `weft-cli index`"));
    }
    print(QStringLiteral("entries  %1 damaged%2").arg(report.setAside.size()).arg(report.setAside.empty() ? QString() : QStringLiteral(
                                                                                                                        ", set aside: the next `weft-cli index` indexes them again")));
    for (const DamagedEntry& entry : report.setAside)
        print(QStringLiteral("         %1: %2").arg(QDir::toNativeSeparators(entry.path), entry.reason));
    print(QStringLiteral("index    rebuilt from %1 fingerprints").arg(report.indexed));
    if (!report.healthy())
        return;
    print(report.foundNothing() ? QStringLiteral("Nothing was damaged.") : QStringLiteral("The library is repaired."));
}

}  // namespace

int repairCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    // Known to the parser only to be refused with a reason: another method than the
    // library's would find none of its fingerprints and rebuild an empty index.
    QCommandLineOption method = common.method;
    method.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addHelpOption();
    parser.addOptions({common.library, common.json, method});
    parseOrExit(parser, arguments);
    if (parser.isSet(method))
        throw UsageError(QStringLiteral("repair takes no --method: it repairs the library for the method it was indexed with"));
    TerminalProgress::installInterruptHandler();
    RepairReport report;
    {
        TerminalProgress progress;
        report = LibraryRepair::repairForItsOwnMethod(common.libraryFolder(parser), &progress);
    }
    if (parser.isSet(common.json))
        print(QString::fromUtf8(QJsonDocument(toJson(report)).toJson(QJsonDocument::Compact)));
    else if (!report.stopped)
        printText(report);
    if (report.stopped)
        return stoppedWith(QStringLiteral("Stopped before the repair was finished: what it did is kept and the library can be used; "
                                          "run `weft-cli repair` again to finish it."));
    if (!report.healthy())
        throw Error(QStringLiteral("The catalog of %1 is still damaged after the repair (%2): restore catalog.sqlite from a backup, or move it "
                                   "aside and index the library's folders again to make a new one")
                        .arg(report.folder, report.remainingProblems.join(QStringLiteral("; "))));
    return 0;
}
