// weft-cli duplicates: the groups of duplicates and colourways of one print in a library.
#include "CommandSupport.h"

#include "TerminalProgress.h"

#include "core/common/Error.h"
#include "core/pipeline/DuplicateFinder.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace weft;

namespace {

QString kindName(PrintGroup::Kind kind)
{
    return kind == PrintGroup::Kind::Duplicates ? QStringLiteral("duplicates") : QStringLiteral("colourways");
}

}  // namespace

int duplicatesCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.addTo(parser, true);
    const QCommandLineOption folderOption(QStringLiteral("folder"),
                                          QStringLiteral("Only the images under this folder (a library folder or one inside it)."),
                                          QStringLiteral("F"));
    parser.addOption(folderOption);
    parseOrExit(parser, arguments);
    QString folder;
    if (parser.isSet(folderOption)) {
        folder = QFileInfo(parser.value(folderOption)).canonicalFilePath();
        if (folder.isEmpty() || !QFileInfo(folder).isDir())
            throw Error(QStringLiteral("The folder %1 does not exist").arg(parser.value(folderOption)));
    }

    const auto extractor = common.extractor(parser);
    Library library(common.libraryFolder(parser), extractor->config(), Library::Access::ReadOnly);
    const DuplicateFinder finder(library, *extractor);
    TerminalProgress::installInterruptHandler();
    PrintGroups found;
    {
        TerminalProgress progress;
        found = finder.find(folder, &progress);
    }

    if (parser.isSet(common.json)) {
        QJsonArray groups;
        for (const PrintGroup& group : found.groups) {
            QJsonArray members;
            for (const PrintGroup::Member& member : group.members)
                members.append(QJsonObject{{QStringLiteral("path"), member.path},
                                           {QStringLiteral("width"), member.size.width()},
                                           {QStringLiteral("height"), member.size.height()},
                                           {QStringLiteral("pattern"), double(member.pattern)},
                                           {QStringLiteral("colour"), double(member.colour)}});
            groups.append(QJsonObject{{QStringLiteral("kind"), kindName(group.kind)}, {QStringLiteral("members"), members}});
        }
        print(QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("library"), library.folder()},
                                                          {QStringLiteral("folder"), folder},
                                                          {QStringLiteral("images"), found.total},
                                                          {QStringLiteral("compared"), found.compared},
                                                          {QStringLiteral("stopped"), found.stopped},
                                                          {QStringLiteral("same_print"), double(found.samePrint)},
                                                          {QStringLiteral("same_colours"), double(DuplicateFinder::kSameColours)},
                                                          {QStringLiteral("groups"), groups}})
                                    .toJson(QJsonDocument::Compact)));
    } else {
        int duplicates = 0, colourways = 0;
        if (!found.groups.empty())
            print(QStringLiteral("pattern, colour: how alike each image and its closest in the group are (1 = the same)"));
        for (const PrintGroup& group : found.groups) {
            ++(group.kind == PrintGroup::Kind::Duplicates ? duplicates : colourways);
            print(QStringLiteral("%1, %2 images:").arg(kindName(group.kind)).arg(group.members.size()));
            for (const PrintGroup::Member& member : group.members)
                print(QStringLiteral("  pattern %1  colour %2  %3  %4")
                          .arg(double(member.pattern), 0, 'f', 4)
                          .arg(double(member.colour), 0, 'f', 4)
                          .arg(QStringLiteral("%1x%2").arg(member.size.width()).arg(member.size.height()), -10)
                          .arg(QDir::toNativeSeparators(member.path)));
        }
        print(QStringLiteral("%1 groups of duplicates, %2 groups of colourways among %3 images%4")
                  .arg(duplicates)
                  .arg(colourways)
                  .arg(found.total)
                  .arg(folder.isEmpty() ? QString() : QStringLiteral(" under ") + QDir::toNativeSeparators(folder)));
    }
    if (found.stopped)
        return stoppedWith(QStringLiteral("Stopped after %1 of %2 images: these are the groups among them.").arg(found.compared).arg(found.total));
    return 0;
}
