// Nothing stale on screen: what the window shows while its library opens, once a
// library that started empty is indexed, and while a new search runs.

#include "ui/CompareView.h"
#include "ui/IndexingStatus.h"
#include "ui/LibraryPanel.h"
#include "ui/MainWindow.h"
#include "ui/QueryPanel.h"
#include "ui/ResultsModel.h"
#include "UiTestSupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class WindowStatesTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void whileTheLibraryOpensNoFoldersAreClaimed();
    void theEmptyLibraryMessageGoesOnceIndexed();
    void aNewSearchTakesThePreviousSwatchAway();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QStringList m_patterns;
    std::unique_ptr<MainWindow> m_window;
};

void WindowStatesTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    QVERIFY(m_dir.isValid());
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    m_patterns = uitest::writePatterns(m_dir.filePath(QStringLiteral("patterns")), 6);
}

void WindowStatesTest::cleanupTestCase()
{
    m_window.reset();
}

void WindowStatesTest::whileTheLibraryOpensNoFoldersAreClaimed()
{
    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("library")));
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    // The library is opened on another thread: nothing is known about its folders yet.
    QVERIFY(!m_window->backend().isOpen());
    const QString opening = m_window->libraryPanel()->summary();
    QVERIFY2(!opening.contains(QStringLiteral("No folders")), qPrintable(opening));
    QVERIFY2(opening.contains(QStringLiteral("Opening")), qPrintable(opening));
    // Once open, the new library does say it has none.
    QSignalSpy folders(&m_window->backend(), &LibraryBackend::foldersLoaded);
    QVERIFY(folders.wait(60000));
    QVERIFY2(m_window->libraryPanel()->summary().contains(QStringLiteral("No folders")), qPrintable(m_window->libraryPanel()->summary()));
}

void WindowStatesTest::theEmptyLibraryMessageGoesOnceIndexed()
{
    auto* query = m_window->findChild<QueryPanel*>();
    QVERIFY(query);
    // A swatch looked up in the empty library: the window says the library is empty.
    QSignalSpy failed(m_window.get(), &MainWindow::searchFailedShown);
    m_window->searchFor({m_patterns[4], {}, QStringLiteral("pattern-04.png")});
    QVERIFY(failed.wait(60000));
    QVERIFY(query->showsError());

    QSignalSpy finished(&m_window->backend(), &LibraryBackend::indexingFinished);
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    m_window->addFolder(QFileInfo(m_patterns.front()).absolutePath());
    QVERIFY(finished.wait(120000));
    QCOMPARE(finished.front().front().value<IndexSummary>().indexed, qint64(m_patterns.size()));
    // Indexed: the message goes, and the swatch is found in the library as it is now.
    QVERIFY(!shown.isEmpty() || shown.wait(60000));
    QVERIFY(!query->showsError());
    QCOMPARE(m_window->resultsModel()->index(0).data(ResultsModel::PathRole).toString(), m_patterns[4]);
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->indexingStatus()->stateText().contains(QString::number(m_patterns.size())),
                              qPrintable(m_window->indexingStatus()->stateText()), 30000);
}

void WindowStatesTest::aNewSearchTakesThePreviousSwatchAway()
{
    QSignalSpy compared(m_window.get(), &MainWindow::compareReady);
    m_window->searchFor({m_patterns[1], {}, QStringLiteral("pattern-01.png")});
    QVERIFY(compared.wait(60000));   // the swatch and its best match side by side
    CompareView* compare = m_window->compareView();
    QTRY_VERIFY_WITH_TIMEOUT(compare->hasLeft() && compare->hasRight(), 60000);

    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    m_window->searchFor({m_patterns[3], {}, QStringLiteral("pattern-03.png")});
    // Before the new answer: neither the previous swatch nor its match is on show.
    QVERIFY(shown.isEmpty());
    QVERIFY(!compare->hasLeft());
    QVERIFY(!compare->hasRight());
    QVERIFY(shown.wait(60000));
    QTRY_VERIFY_WITH_TIMEOUT(compare->hasLeft(), 60000);   // the new swatch
}

QTEST_MAIN(WindowStatesTest)
#include "tst_windowstates.moc"
