// Where the file dialogs open: the folder last used while it exists, else the
// user's Pictures folder, else their home; never the working directory (for
// scripts/run.sh that was the source checkout).

#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/StartFolder.h"
#include "UiTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace weft;
using namespace weft::ui;

class StartFolderTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void lastUsedFolderWins();
    void missingLastFolderFallsBackToPictures();
    void withoutPicturesTheHomeFolder();
    void neverTheWorkingDirectory();
    void openSwatchDialogStartsThere();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QString folderOfNextFileDialog(QAction* action);

    QTemporaryDir m_dir;
};

void StartFolderTest::initTestCase()
{
    // A home of the test's own, whose Pictures folder has another name, as xdg-user-dirs sets it up.
    QVERIFY(QDir().mkpath(path(QStringLiteral("home"))));
    QVERIFY(QDir().mkpath(path(QStringLiteral("config"))));
    QVERIFY(QDir().mkpath(path(QStringLiteral("checkout/swatches"))));
    QVERIFY(QDir().mkpath(path(QStringLiteral("collections/spring"))));
    qputenv("HOME", QFile::encodeName(path(QStringLiteral("home"))));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(path(QStringLiteral("config"))));
    QFile userDirs(path(QStringLiteral("config/user-dirs.dirs")));
    QVERIFY(userDirs.open(QIODevice::WriteOnly));
    userDirs.write("XDG_PICTURES_DIR=\"$HOME/Bilder\"\n");
    userDirs.close();
    uitest::isolateSettings(path(QStringLiteral("settings")));
    QVERIFY(QDir::setCurrent(path(QStringLiteral("checkout"))));
}

void StartFolderTest::init()
{
    QVERIFY(QDir().mkpath(path(QStringLiteral("home/Bilder"))));
}

void StartFolderTest::lastUsedFolderWins()
{
    QCOMPARE(dialogStartFolder(path(QStringLiteral("collections/spring"))), path(QStringLiteral("collections/spring")));
}

void StartFolderTest::missingLastFolderFallsBackToPictures()
{
    QCOMPARE(dialogStartFolder(path(QStringLiteral("collections/unplugged-drive"))), path(QStringLiteral("home/Bilder")));
    QCOMPARE(dialogStartFolder(QString()), path(QStringLiteral("home/Bilder")));
}

void StartFolderTest::withoutPicturesTheHomeFolder()
{
    QVERIFY(QDir(path(QStringLiteral("home/Bilder"))).removeRecursively());
    QCOMPARE(dialogStartFolder(QString()), path(QStringLiteral("home")));
}

void StartFolderTest::neverTheWorkingDirectory()
{
    // "swatches" exists in the working directory, but a relative folder is not one the user chose.
    QCOMPARE(dialogStartFolder(QStringLiteral("swatches")), path(QStringLiteral("home/Bilder")));
    QVERIFY(QDir::setCurrent(path(QStringLiteral("home/Bilder"))));
    QVERIFY(QDir(path(QStringLiteral("home/Bilder"))).removeRecursively());   // the working directory, gone
    QCOMPARE(dialogStartFolder(QString()), path(QStringLiteral("home")));
    QVERIFY(QDir::setCurrent(path(QStringLiteral("checkout"))));
}

// The folder the file dialog that `action` opens starts in; the dialog is cancelled.
QString StartFolderTest::folderOfNextFileDialog(QAction* action)
{
    QString folder;
    QTimer::singleShot(0, this, [&folder] {
        auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        folder = dialog->directory().absolutePath();
        dialog->reject();
    });
    action->trigger();
    return folder;
}

void StartFolderTest::openSwatchDialogStartsThere()
{
    AppSettings settings;
    MainWindow::Options options;
    options.library = uitest::libraryOptions(path(QStringLiteral("library")));
    options.library.modelDirectory = path(QStringLiteral("no-models"));   // the dialogs do not need one
    options.updateOnOpen = false;
    options.settings = &settings;
    MainWindow window(options);
    window.show();
    QAction* open = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text() == QStringLiteral("&Open swatch…"))
            open = action;
    QVERIFY(open);

    QCOMPARE(folderOfNextFileDialog(open), path(QStringLiteral("home/Bilder")));
    settings.setLastFolder(path(QStringLiteral("collections/spring")));
    QCOMPARE(folderOfNextFileDialog(open), path(QStringLiteral("collections/spring")));
}

QTEST_MAIN(StartFolderTest)
#include "tst_startfolder.moc"
