// What the user does with a match: Ctrl+C puts the picture itself on the
// clipboard (with its file and path), and Open and Show in folder tell the user
// when the desktop cannot do them, after every fallback has been tried.

#include "ui/DesktopLauncher.h"
#include "ui/MainWindow.h"
#include "ui/MessageBanner.h"
#include "ui/ResultsModel.h"
#include "UiTestSupport.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QListView>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace weft;
using namespace weft::ui;

namespace {

// A desktop whose file manager and URL opener answer as the test says.
class ScriptedLauncher : public DesktopLauncher {
public:
    bool fileManagerAnswers = false;
    bool opensUrls = false;
    QList<QUrl> opened;
    QStringList shown;

    bool openUrl(const QUrl& url) override
    {
        opened.append(url);
        return opensUrls;
    }
    void showItem(const QString& path, Answer answer) override
    {
        shown.append(path);
        answer(fileManagerAnswers);
    }
};

}  // namespace

class MatchActionsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void ctrlCCopiesThePicture();
    void showInFolderOpensTheFolderWithoutAFileManager();
    void showInFolderSaysSoWhenNothingOpensTheFolder();
    void showInFolderAsksTheFileManagerFirst();
    void openSaysSoWhenNoViewerIsSetUp();
    void cleanupTestCase();

private:
    QAction* action(const QString& text) const;

    QTemporaryDir m_dir;
    QStringList m_patterns;
    ScriptedLauncher* m_launcher = nullptr;
    std::unique_ptr<MainWindow> m_window;
};

void MatchActionsTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    m_patterns = uitest::writePatterns(m_dir.filePath(QStringLiteral("patterns")), 2, 120);

    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("library")));
    options.updateOnOpen = false;
    m_launcher = new ScriptedLauncher;
    options.launcher = m_launcher;
    m_window = std::make_unique<MainWindow>(options);
    QSignalSpy opened(&m_window->backend(), &LibraryBackend::opened);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(opened.wait(60000));

    // The matches of a search, as the results list shows them; the first is selected.
    QList<Match> matches;
    for (int i = 0; i < m_patterns.size(); ++i) {
        Match match;
        match.imageId = i + 1;
        match.path = m_patterns[i];
        match.score = 0.9f - 0.1f * i;
        match.rank = i + 1;
        matches.append(match);
    }
    m_window->resultsModel()->setMatches(matches);
    m_window->resultsView()->setCurrentIndex(m_window->resultsView()->model()->index(0, 0));
    m_window->resultsView()->setFocus();
}

void MatchActionsTest::init()
{
    m_launcher->fileManagerAnswers = false;
    m_launcher->opensUrls = false;
    m_launcher->opened.clear();
    m_launcher->shown.clear();
    m_window->banner()->hide();
}

void MatchActionsTest::cleanupTestCase()
{
    m_window.reset();
}

QAction* MatchActionsTest::action(const QString& text) const
{
    for (QAction* action : m_window->findChildren<QAction*>())
        if (action->text() == text)
            return action;
    return nullptr;
}

void MatchActionsTest::ctrlCCopiesThePicture()
{
    QApplication::clipboard()->clear();
    QTest::keyClick(m_window->resultsView(), Qt::Key_C, Qt::ControlModifier);
    const auto copied = [] { return QApplication::clipboard()->mimeData() && QApplication::clipboard()->mimeData()->hasImage(); };
    QTRY_VERIFY_WITH_TIMEOUT(copied(), 20000);
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    const QImage expected = QImage(m_patterns[0]).convertToFormat(QImage::Format_RGB888);
    QCOMPARE(qvariant_cast<QImage>(mime->imageData()).convertToFormat(QImage::Format_RGB888), expected);
    QCOMPARE(mime->urls(), QList<QUrl>{QUrl::fromLocalFile(m_patterns[0])});
    QCOMPARE(mime->text(), QDir::toNativeSeparators(m_patterns[0]));
}

void MatchActionsTest::showInFolderOpensTheFolderWithoutAFileManager()
{
    m_launcher->opensUrls = true;
    QAction* show = action(QStringLiteral("Show in &folder"));
    QVERIFY(show);
    show->trigger();
    QCOMPARE(m_launcher->shown, QStringList{m_patterns[0]});
    QCOMPARE(m_launcher->opened, QList<QUrl>{QUrl::fromLocalFile(QFileInfo(m_patterns[0]).absolutePath())});
    QVERIFY(m_window->banner()->text().isEmpty());
}

void MatchActionsTest::showInFolderSaysSoWhenNothingOpensTheFolder()
{
    action(QStringLiteral("Show in &folder"))->trigger();
    QCOMPARE(m_launcher->opened.size(), 1);
    const QString message = m_window->banner()->text();
    QVERIFY2(message.contains(QDir::toNativeSeparators(QFileInfo(m_patterns[0]).absolutePath())), qPrintable(message));
}

void MatchActionsTest::showInFolderAsksTheFileManagerFirst()
{
    m_launcher->fileManagerAnswers = true;
    action(QStringLiteral("Show in &folder"))->trigger();
    QCOMPARE(m_launcher->shown, QStringList{m_patterns[0]});
    QVERIFY(m_launcher->opened.isEmpty());
    QVERIFY(m_window->banner()->text().isEmpty());
}

void MatchActionsTest::openSaysSoWhenNoViewerIsSetUp()
{
    QAction* open = action(QStringLiteral("Open in &viewer"));
    QVERIFY(open);
    open->trigger();
    QCOMPARE(m_launcher->opened, QList<QUrl>{QUrl::fromLocalFile(m_patterns[0])});
    const QString message = m_window->banner()->text();
    QVERIFY2(message.contains(QDir::toNativeSeparators(m_patterns[0])), qPrintable(message));
}

QTEST_MAIN(MatchActionsTest)
#include "tst_matchactions.moc"
