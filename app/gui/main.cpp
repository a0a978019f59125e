// `weft`: the desktop application. Opens the library chosen in the settings
// (default: Library::defaultLocation()) and, given folders on the command line,
// adds them to it.

#include "ui/AppIcon.h"
#include "ui/AppSettings.h"
#include "ui/LanguageLoader.h"
#include "ui/MainWindow.h"
#include "ui/MeasureDrop.h"

#include "core/features/MethodConfig.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <cstdio>
#include <memory>

namespace {

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Weft"));
    QCoreApplication::setApplicationName(QStringLiteral("Weft"));
    QCoreApplication::setApplicationVersion(QStringLiteral(WEFT_VERSION));
}

// --help and --version answer without a display (e.g. over ssh, in packaging checks).
bool asksOnlyForText(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray argument(argv[i]);
        if (argument == "--help" || argument == "-h" || argument == "--version" || argument == "-v")
            return true;
    }
    return false;
}

}  // namespace

int main(int argc, char* argv[])
{
    std::unique_ptr<QCoreApplication> application =
        asksOnlyForText(argc, argv) ? std::make_unique<QCoreApplication>(argc, argv) : std::make_unique<QApplication>(argc, argv);
    setIdentity();
    weft::ui::AppSettings settings;
    weft::ui::installTranslations(*application, settings.language());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Finds textile patterns by what they look like."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption library(QStringLiteral("library"), QCoreApplication::translate("main", "Library folder (default: the one in the settings)."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption method(QStringLiteral("method"), QCoreApplication::translate("main", "Method settings overriding the settings, e.g. size=64,grid=0."),
                                    QStringLiteral("SETTINGS"));
    const QCommandLineOption measureDrop(QStringLiteral("measure-drop"),
                                         QCoreApplication::translate("main", "Drop IMAGE onto the window once the library is up to date, print the milliseconds "
                                                                             "from the drop to the results being shown, and quit."),
                                         QStringLiteral("IMAGE"));
    const QCommandLineOption repeat(QStringLiteral("repeat"), QCoreApplication::translate("main", "With --measure-drop: how many drops (default 5)."),
                                    QStringLiteral("N"), QStringLiteral("5"));
    parser.addOptions({library, method, measureDrop, repeat});
    parser.addPositionalArgument(QStringLiteral("FOLDER|IMAGE"),
                                 QCoreApplication::translate("main", "Folders of patterns to add to the library; an image file is looked up."),
                                 QStringLiteral("[FOLDER...] [IMAGE]"));
    parser.process(*application);   // answers --help and --version and exits
    QApplication::setDesktopFileName(QStringLiteral("invalid.example.Weft"));
    QApplication::setWindowIcon(weft::ui::appIcon());

    weft::ui::MainWindow::Options options;
    options.settings = &settings;
    options.library.folder = parser.isSet(library) ? QDir(parser.value(library)).absolutePath() : settings.libraryFolder();
    try {
        options.library.method = parser.isSet(method) ? weft::MethodConfig::fromOverrides(parser.value(method)) : settings.method();
    } catch (const std::exception& error) {
        std::fprintf(stderr, "weft: %s\n", error.what());
        return 2;
    }
    options.library.threads = settings.threads();
    for (const QString& argument : parser.positionalArguments()) {
        const QFileInfo info(argument);
        if (info.isDir()) {
            options.foldersToAdd.append(info.absoluteFilePath());
        } else if (info.isFile()) {
            options.swatchOnOpen = info.absoluteFilePath();   // "Open with Weft" from a file manager
        } else {
            std::fprintf(stderr, "weft: %s is neither a folder nor a file\n", qPrintable(argument));
            return 2;
        }
    }

    weft::ui::MainWindow window(options);
    window.show();
    if (parser.isSet(measureDrop))
        weft::ui::MeasureDrop::start(window, parser.value(measureDrop), std::max(1, parser.value(repeat).toInt()));
    return application->exec();
}
