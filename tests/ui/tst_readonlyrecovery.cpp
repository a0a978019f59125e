// The window opened while another Weft program (the CLI) indexes the library is
// read-only. A rescan (F5) reads what that program indexed meanwhile; once it ends,
// the library opens again writable by itself: the read-only notice goes, folders
// can be added and searches find everything the other program indexed.
// The other program is played by what weft-cli index runs (Library, Scanner,
// Indexer) in this process; its Library holds the lock as the CLI's does.

#include "ui/LibraryBackend.h"
#include "ui/MainWindow.h"
#include "ui/MessageBanner.h"
#include "UiTestSupport.h"

#include "core/models/ModelStore.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Scanner.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <optional>

using namespace weft;
using namespace weft::ui;

namespace {

constexpr int kTimeoutMs = 60000;

// The best match of `image` in the library open in `backend`, empty when the
// search failed or found nothing.
QString bestMatch(LibraryBackend& backend, const QString& image)
{
    QSignalSpy results(&backend, &LibraryBackend::searchFinished);
    QSignalSpy failed(&backend, &LibraryBackend::searchFailed);
    const quint64 id = backend.search({image, {}, QFileInfo(image).fileName()}, 1);
    std::optional<SearchResult> answer;
    // Waiting in vain leaves `answer` empty, which the caller reads as no match.
    (void)QTest::qWaitFor([&] {
        for (const QList<QVariant>& args : std::as_const(results)) {
            const auto result = args.front().value<SearchResult>();
            if (result.requestId == id && !result.refinementFollows)
                answer = result;
        }
        for (const QList<QVariant>& args : std::as_const(failed))
            if (args.front().value<quint64>() == id)
                return true;
        return answer.has_value();
    }, kTimeoutMs);
    return answer && !answer->matches.isEmpty() ? answer->matches.front().path : QString();
}

// What `weft-cli index` does with a folder, on the library it holds.
void indexFolder(Library& library, const FeatureExtractor& extractor, const QString& folder)
{
    library.catalog().addRoot(folder);
    Scanner::scan(library.catalog(), library.catalog().roots());
    library.syncIndex();
    Indexer(library, extractor).run();
}

// Moves `images` into `folder`; returns their new paths.
QStringList moveTo(const QStringList& images, const QString& folder)
{
    QDir().mkpath(folder);
    QStringList moved;
    for (const QString& image : images) {
        const QString target = QDir(folder).filePath(QFileInfo(image).fileName());
        if (!QFile::rename(image, target))
            qFatal("cannot move %s", qPrintable(image));
        moved.append(QFileInfo(target).canonicalFilePath());
    }
    return moved;
}

}  // namespace

class ReadOnlyRecoveryTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { WEFT_REQUIRE_MODEL(); }
    void becomesWritableWhenTheOtherProgramEnds();
};

void ReadOnlyRecoveryTest::becomesWritableWhenTheOtherProgramEnds()
{
    QTemporaryDir dir;
    uitest::isolateSettings(dir.filePath(QStringLiteral("settings")));
    const QString libraryFolder = dir.filePath(QStringLiteral("library"));
    const QStringList patterns = uitest::writePatterns(dir.filePath(QStringLiteral("all")), 14);
    const QStringList first = moveTo(patterns.mid(0, 6), dir.filePath(QStringLiteral("first")));
    const QStringList second = moveTo(patterns.mid(6, 6), dir.filePath(QStringLiteral("second")));
    const QStringList third = moveTo(patterns.mid(12), dir.filePath(QStringLiteral("third")));

    const ui::LibraryOptions libraryOptions = uitest::libraryOptions(libraryFolder);
    const std::unique_ptr<FeatureExtractor> extractor = FeatureExtractor::load(libraryOptions.method, ModelStore(libraryOptions.modelDirectory));
    auto cli = std::make_unique<Library>(libraryFolder, extractor->config());
    indexFolder(*cli, *extractor, QFileInfo(first.front()).absolutePath());

    MainWindow::Options options;
    options.library = libraryOptions;
    MainWindow window(options);
    LibraryBackend& backend = window.backend();
    QSignalSpy opened(&backend, &LibraryBackend::opened);
    QSignalSpy readOnly(&backend, &LibraryBackend::readOnlyBecause);
    QVERIFY(opened.wait(kTimeoutMs));
    QVERIFY2(opened.back().front().value<LibraryInfo>().readOnly, "another program holds the library: it must open read-only");
    QCOMPARE(readOnly.count(), 1);
    const QString notice = window.banner()->text();
    QVERIFY2(!notice.isEmpty(), "the window must say the library is read-only");
    QCOMPARE(bestMatch(backend, first[2]), first[2]);

    // The other program indexes more while the window is open; F5 reads it.
    indexFolder(*cli, *extractor, QFileInfo(second.front()).absolutePath());
    backend.rescan();
    QTRY_COMPARE_WITH_TIMEOUT(bestMatch(backend, second[3]), second[3], kTimeoutMs);
    QVERIFY(backend.info().readOnly);

    // The other program ends: the window takes the library over by itself.
    cli.reset();
    QTRY_VERIFY_WITH_TIMEOUT(backend.isOpen() && !backend.info().readOnly, kTimeoutMs);
    QVERIFY2(window.banner()->text() != notice, "the read-only notice names a program that has ended");
    QCOMPARE(bestMatch(backend, second[4]), second[4]);
    QCOMPARE(bestMatch(backend, first[1]), first[1]);

    // Folders can be added again, and are indexed.
    window.addFolder(QFileInfo(third.front()).absolutePath());
    QVERIFY2(uitest::waitUntilIndexed(backend, patterns.size(), kTimeoutMs), "the folder added after the take-over must be indexed");
    QCOMPARE(bestMatch(backend, third[1]), third[1]);
}

QTEST_MAIN(ReadOnlyRecoveryTest)
#include "tst_readonlyrecovery.moc"
