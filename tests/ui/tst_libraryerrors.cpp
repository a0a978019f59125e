// Problems the user must be told about: a missing model (the library still opens,
// read-only, and the window names the command that fixes it), a catalog without
// write bits (read-only even for root, and the window says so), a library made
// by a newer Weft (refused, and left exactly as it was) and a folder that is
// already in the library through the folder around it.

#include "ui/LibraryBackend.h"
#include "ui/MainWindow.h"
#include "ui/MessageBanner.h"
#include "UiTestSupport.h"

#include "core/catalog/Catalog.h"

#include <QCryptographicHash>
#include <QFile>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace weft;
using namespace weft::ui;

namespace {

QByteArray fileHash(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

// Accepts each message box the window shows (they are modal), keeping its text in `shown`.
void acceptMessageBoxes(QTimer& timer, QString& shown)
{
    QObject::connect(&timer, &QTimer::timeout, [&shown] {
        for (QWidget* widget : QApplication::topLevelWidgets())
            if (auto* box = qobject_cast<QMessageBox*>(widget); box && box->isVisible()) {
                shown = box->text();
                box->accept();
            }
    });
    timer.start(50);
}

}  // namespace

class LibraryErrorsTest : public QObject {
    Q_OBJECT
private slots:
    void missingModelOpensReadOnlyAndSaysWhatToDo();
    void unwritableCatalogOpensReadOnlyAndSaysSo();
    void newerLibraryIsRefusedAndUntouched();
    void folderInsideALibraryFolderIsRefusedWithAMessage();
};

void LibraryErrorsTest::missingModelOpensReadOnlyAndSaysWhatToDo()
{
    QTemporaryDir dir;
    const QString library = dir.filePath(QStringLiteral("library"));
    QDir().mkpath(library);
    { Catalog catalog(QDir(library).filePath(QStringLiteral("catalog.sqlite"))); catalog.addRoot(dir.path()); }

    MainWindow::Options options;
    options.library = uitest::libraryOptions(library);
    options.library.modelDirectory = dir.filePath(QStringLiteral("no-models-here"));
    MainWindow window(options);
    QSignalSpy opened(&window.backend(), &LibraryBackend::opened);
    QSignalSpy model(&window.backend(), &LibraryBackend::modelUnavailable);
    QVERIFY(opened.wait(60000));
    QCOMPARE(model.count(), 1);
    const LibraryInfo info = opened.front().front().value<LibraryInfo>();
    QVERIFY(info.readOnly);
    QVERIFY(!info.canSearch);
    QVERIFY2(window.banner()->isVisibleTo(&window), "the model problem must be on show");
    QVERIFY(window.banner()->text().contains(QStringLiteral("models/setup_models.sh")));
    QVERIFY(window.banner()->text().contains(model.front().front().toString()));

    // A search says why it cannot run instead of hanging.
    QSignalSpy failed(&window, &MainWindow::searchFailedShown);
    window.searchFor({dir.filePath(QStringLiteral("whatever.png")), {}, QStringLiteral("whatever.png")});
    QVERIFY(failed.wait(30000));
    QVERIFY(!failed.front().front().toString().isEmpty());
}

// A catalog without any write bit (copied from a read-only share, or locked by
// its owner) is opened for reading, even by root, whom file modes do not stop:
// the window says why nothing can be added, and the file stays as it was.
void LibraryErrorsTest::unwritableCatalogOpensReadOnlyAndSaysSo()
{
    WEFT_REQUIRE_MODEL();   // with the model, only the file's mode makes it read-only
    QTemporaryDir dir;
    const QString library = dir.filePath(QStringLiteral("library"));
    QDir().mkpath(library);
    const QString catalogPath = QDir(library).filePath(QStringLiteral("catalog.sqlite"));
    { Catalog catalog(catalogPath); catalog.addRoot(dir.path()); }
    QVERIFY(QFile::setPermissions(catalogPath, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = fileHash(catalogPath);

    MainWindow::Options options;
    options.library = uitest::libraryOptions(library);
    MainWindow window(options);
    QSignalSpy opened(&window.backend(), &LibraryBackend::opened);
    QSignalSpy because(&window.backend(), &LibraryBackend::readOnlyBecause);
    QVERIFY(opened.wait(60000));
    const LibraryInfo info = opened.front().front().value<LibraryInfo>();
    QVERIFY(info.readOnly);
    QVERIFY(info.canSearch);
    QCOMPARE(because.count(), 1);
    const QString reason = because.front().front().toString();
    QVERIFY2(reason.contains(library), qPrintable(reason));
    QVERIFY2(window.banner()->isVisibleTo(&window) && window.banner()->text().contains(reason), qPrintable(window.banner()->text()));

    QString shown;
    QTimer closer;
    acceptMessageBoxes(closer, shown);
    const QString patterns = dir.filePath(QStringLiteral("patterns"));
    QVERIFY(QDir().mkpath(patterns));
    window.addFolder(patterns);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30000);
    QVERIFY2(shown.contains(QStringLiteral("read-only")), qPrintable(shown));
    QCOMPARE(fileHash(catalogPath), before);
}

void LibraryErrorsTest::newerLibraryIsRefusedAndUntouched()
{
    QTemporaryDir dir;
    const QString library = dir.filePath(QStringLiteral("library"));
    QDir().mkpath(library);
    const QString catalogPath = QDir(library).filePath(QStringLiteral("catalog.sqlite"));
    { Catalog catalog(catalogPath); catalog.addRoot(dir.path()); }
    {
        // What a future Weft would leave: a schema version this one does not know.
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("future"));
        db.setDatabaseName(catalogPath);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(Catalog::kSchemaVersion + 5)));
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("future"));
    const QByteArray before = fileHash(catalogPath);
    QVERIFY(!before.isEmpty());

    MainWindow::Options options;
    options.library = uitest::libraryOptions(library);
    options.library.modelDirectory = dir.filePath(QStringLiteral("no-models-here"));   // refusal does not depend on the model
    {
        MainWindow window(options);
        QSignalSpy refused(&window.backend(), &LibraryBackend::openFailed);
        QVERIFY(refused.wait(60000));
        QVERIFY2(refused.front().front().toString().contains(QStringLiteral("newer")), qPrintable(refused.front().front().toString()));
        QVERIFY(!window.backend().isOpen());
        QVERIFY(window.banner()->text().contains(refused.front().front().toString()));
    }
    QCOMPARE(fileHash(catalogPath), before);
}

void LibraryErrorsTest::folderInsideALibraryFolderIsRefusedWithAMessage()
{
    QTemporaryDir dir;
    const QString outer = QFileInfo(dir.path()).canonicalFilePath() + QStringLiteral("/patterns");
    const QString inner = outer + QStringLiteral("/florals");
    QVERIFY(QDir().mkpath(inner));
    MainWindow::Options options;
    options.library = uitest::libraryOptions(dir.filePath(QStringLiteral("library")));
    options.library.modelDirectory = dir.filePath(QStringLiteral("no-models-here"));   // folders do not need the model
    options.foldersToAdd = {outer};
    MainWindow window(options);
    QSignalSpy folders(&window.backend(), &LibraryBackend::foldersLoaded);
    QVERIFY(QTest::qWaitFor([&] { return !folders.isEmpty() && folders.back().front().value<QList<FolderStatus>>().size() == 1; }, 60000));

    QString shown;
    QTimer closer;
    acceptMessageBoxes(closer, shown);
    folders.clear();
    window.addFolder(inner);
    QTRY_VERIFY_WITH_TIMEOUT(!shown.isEmpty(), 30000);
    QVERIFY2(shown.contains(inner) && shown.contains(outer), qPrintable(shown));
    QTRY_VERIFY_WITH_TIMEOUT(!folders.isEmpty(), 30000);   // the folders as they are after the refusal
    const QList<FolderStatus> after = folders.back().front().value<QList<FolderStatus>>();
    QCOMPARE(after.size(), 1);
    QCOMPARE(after.front().path, outer);
}

QTEST_MAIN(LibraryErrorsTest)
#include "tst_libraryerrors.moc"
