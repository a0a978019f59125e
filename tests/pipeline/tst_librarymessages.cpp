// Opening a library where something is wrong says what is wrong (issue 13, defect 7):
// a file named as the library folder, a full disk; and what a killed save leaves
// behind is cleared away. The kind of each refusal is checked, never its words.

#include "core/common/DiskFull.h"
#include "core/features/MethodConfig.h"
#include "core/pipeline/Library.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sched.h>
#include <sys/mount.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace weft;

namespace {

bool writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

// How opening a library went in the child process of fullDiskIsSaidToBeFull.
enum ChildOutcome { DiskFullSaid = 0, OtherError = 1, NoError = 2, NoPrivateMount = 3, DiskNotFilled = 4 };

// In a child process with a mount namespace of its own (as root, or as anyone
// where user namespaces are allowed): a 64 KiB tmpfs filled to the last byte,
// and a new library opened on it.
int openLibraryOnAFullDisk(const QString& mountPoint)
{
    const uid_t uid = getuid();
    const gid_t gid = getgid();
    if (unshare(CLONE_NEWUSER | CLONE_NEWNS) != 0)
        return NoPrivateMount;
    // As root of the new user namespace, mapped to who we were.
    writeFile(QStringLiteral("/proc/self/setgroups"), "deny");
    writeFile(QStringLiteral("/proc/self/uid_map"), QByteArray::number(0) + ' ' + QByteArray::number(uid) + " 1");
    writeFile(QStringLiteral("/proc/self/gid_map"), QByteArray::number(0) + ' ' + QByteArray::number(gid) + " 1");
    if (mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
        || mount("tmpfs", QFile::encodeName(mountPoint).constData(), "tmpfs", 0, "size=64k") != 0)
        return NoPrivateMount;
    QFile filler(QDir(mountPoint).filePath(QStringLiteral("filler")));
    if (!filler.open(QIODevice::WriteOnly))
        return DiskNotFilled;
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    filler.close();
    try {
        Library library(QDir(mountPoint).filePath(QStringLiteral("library")), MethodConfig());
    } catch (const DiskFull&) {
        return DiskFullSaid;
    } catch (const std::exception&) {
        return OtherError;
    }
    return NoError;
}

}  // namespace

class LibraryMessagesTest : public QObject {
    Q_OBJECT
private slots:
    void fileNamedAsTheLibraryIsSaidToBeAFile();
    void fullDiskIsSaidToBeFull();
    void killedSavesLeaveNoTemporaries();
    void indexOfAMissingFolderMakesNoLibrary();
};

void LibraryMessagesTest::fileNamedAsTheLibraryIsSaidToBeAFile()
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("notes.txt"));
    QVERIFY(writeFile(file, "not a library"));
    QVERIFY_THROWS_EXCEPTION(NotALibraryFolder, Library(file, MethodConfig(), Library::Access::ReadWrite));
    QVERIFY_THROWS_EXCEPTION(NotALibraryFolder, Library(file, MethodConfig(), Library::Access::ReadOnly));
    QVERIFY(QFileInfo(file).isFile());
}

void LibraryMessagesTest::fullDiskIsSaidToBeFull()
{
    QTemporaryDir dir;
    const QString mountPoint = dir.filePath(QStringLiteral("disk"));
    QVERIFY(QDir().mkpath(mountPoint));
    const pid_t child = fork();
    QVERIFY(child >= 0);
    if (child == 0)
        _exit(openLibraryOnAFullDisk(mountPoint));
    int status = 0;
    QCOMPARE(waitpid(child, &status, 0), child);
    QVERIFY2(WIFEXITED(status), "the child process that opens the library did not end normally");
    switch (WEXITSTATUS(status)) {
    case DiskFullSaid: break;
    case OtherError: QFAIL("a library on a full disk was refused, but not as a full disk");
    case NoError: QFAIL("a library was opened on a full disk");
    case NoPrivateMount:
        QFAIL("needs a small disk of its own: run as root, or where user namespaces are allowed "
              "(sysctl kernel.unprivileged_userns_clone=1)");
    default: QFAIL("could not fill the test's small disk");
    }
}

void LibraryMessagesTest::killedSavesLeaveNoTemporaries()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("library"));
    { Library library(folder, MethodConfig()); }
    // What a save killed before its rename leaves, beside a user's own file.
    const QString leftover = QDir(folder).filePath(QStringLiteral(".index.json.0123456789abcdef0123456789abcdef.tmp"));
    const QString usersOwn = QDir(folder).filePath(QStringLiteral("notes.tmp"));
    QVERIFY(writeFile(leftover, "{\"half\": "));
    QVERIFY(writeFile(usersOwn, "mine"));
    {
        Library reader(folder, MethodConfig(), Library::Access::ReadOnly);
        QVERIFY2(QFileInfo::exists(leftover), "a reader must not touch the files of a save that may be under way");
    }
    { Library library(folder, MethodConfig()); }
    QVERIFY2(!QFileInfo::exists(leftover), "the temporary file of a killed save is still there");
    QVERIFY(QFileInfo::exists(usersOwn));
}

// weft-cli index --library NEW /missing: refused before NEW is made.
void LibraryMessagesTest::indexOfAMissingFolderMakesNoLibrary()
{
    const QString cli = QStringLiteral(QT_TESTCASE_BUILDDIR "/app/weft-cli");
    if (!QFileInfo(cli).isExecutable())
        QFAIL(qPrintable(QStringLiteral("needs weft-cli, built at %1: build the whole project first").arg(cli)));
    const QString models = qEnvironmentVariable("WEFT_SHARED_DIR") + QStringLiteral("/models");
    if (!QFileInfo(models).isDir())
        QFAIL("needs the shared models folder (the CLI loads the model before it opens the library): set WEFT_SHARED_DIR, as ctest does");
    QTemporaryDir dir;
    const QString library = dir.filePath(QStringLiteral("new-library"));
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("WEFT_MODEL_DIR"), models);
    process.setProcessEnvironment(environment);
    process.start(cli, {QStringLiteral("index"), QStringLiteral("--library"), library, dir.filePath(QStringLiteral("missing"))});
    QVERIFY(process.waitForFinished(300000));
    QVERIFY2(process.exitStatus() == QProcess::NormalExit && process.exitCode() != 0, "indexing a missing folder must fail");
    QVERIFY2(!QFileInfo::exists(library), "a refused index command left a new library behind");
}

QTEST_MAIN(LibraryMessagesTest)
#include "tst_librarymessages.moc"
