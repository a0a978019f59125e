// Back and forward through the searches, as in a web browser: Alt+Left shows the
// search before again (its swatch and its matches, even when the swatch's file
// has gone since), Alt+Right the one after, and a new search after going back
// drops the ones that were ahead. With the real model on a small library.

#include "ui/CompareView.h"
#include "ui/MainWindow.h"
#include "ui/QueryPanel.h"
#include "ui/ResultsModel.h"
#include "ui/SearchHistory.h"
#include "UiTestSupport.h"

#include <QAction>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class SearchHistoryTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void backAndForwardThroughThreeSearches();
    void aNewSearchDropsTheOnesAhead();
    void keepsTheLatestTwenty();
    void cleanupTestCase();

private:
    void search(int pattern);
    void press(Qt::Key key);
    // The swatch named above the matches, and the best match is its library twin.
    void verifyShown(int pattern);

    QTemporaryDir m_dir;
    QStringList m_library;    // the patterns in the library
    QStringList m_swatches;   // the same pictures outside it, named swatch-N.png
    std::unique_ptr<MainWindow> m_window;
};

void SearchHistoryTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    m_library = uitest::writePatterns(m_dir.filePath(QStringLiteral("library")), 6);
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("swatches"))));
    for (int i = 0; i < m_library.size(); ++i) {
        m_swatches.append(m_dir.filePath(QStringLiteral("swatches/swatch-%1.png").arg(i)));
        QVERIFY(QFile::copy(m_library[i], m_swatches.back()));
    }

    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("weft-library")));
    options.foldersToAdd = {QFileInfo(m_library.front()).absolutePath()};
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    QVERIFY(uitest::waitUntilIndexed(m_window->backend(), m_library.size(), 300000));
}

void SearchHistoryTest::cleanupTestCase()
{
    m_window.reset();
}

void SearchHistoryTest::search(int pattern)
{
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    m_window->searchFor({m_swatches[pattern], {}, QFileInfo(m_swatches[pattern]).fileName()});
    QVERIFY(shown.wait(60000));
}

void SearchHistoryTest::press(Qt::Key key)
{
    QTest::keyClick(m_window->resultsView(), key, Qt::AltModifier);
}

void SearchHistoryTest::verifyShown(int pattern)
{
    const QString caption = m_window->findChild<QueryPanel*>()->caption();
    QVERIFY2(caption.contains(QStringLiteral("swatch-%1.png").arg(pattern)), qPrintable(caption));
    QVERIFY(m_window->resultsModel()->rowCount() > 0);
    QCOMPARE(m_window->resultsModel()->index(0).data(ResultsModel::PathRole).toString(), m_library[pattern]);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->compareView()->hasLeft(), 10000);   // the swatch's own picture
}

void SearchHistoryTest::backAndForwardThroughThreeSearches()
{
    QAction* back = m_window->searchHistory()->backAction();
    QAction* forward = m_window->searchHistory()->forwardAction();
    QVERIFY(!back->isEnabled());
    search(0);
    QVERIFY(!back->isEnabled());
    search(1);
    search(2);
    QVERIFY(back->isEnabled());
    QVERIFY(!forward->isEnabled());
    // Gone back to, the first swatch is shown from what was kept, not from its file.
    QVERIFY(QFile::remove(m_swatches[0]));

    QSignalSpy searched(&m_window->backend(), &LibraryBackend::searchFinished);
    QSignalSpy failed(&m_window->backend(), &LibraryBackend::searchFailed);
    press(Qt::Key_Left);
    verifyShown(1);
    press(Qt::Key_Left);
    verifyShown(0);
    QVERIFY(!back->isEnabled());
    QVERIFY(forward->isEnabled());
    QVERIFY(m_window->lastSearchError().isEmpty());

    press(Qt::Key_Right);
    verifyShown(1);
    QVERIFY(back->isEnabled());
    QVERIFY(forward->isEnabled());
    // Nothing was searched again (the third search's second look may come in).
    QTest::qWait(500);
    QVERIFY(failed.isEmpty());
    for (const QList<QVariant>& answer : std::as_const(searched))
        QVERIFY(answer.front().value<SearchResult>().refined);
}

void SearchHistoryTest::aNewSearchDropsTheOnesAhead()
{
    // On the second of [0, 1, 2]: a new search leaves [0, 1, 3].
    QAction* back = m_window->searchHistory()->backAction();
    QAction* forward = m_window->searchHistory()->forwardAction();
    search(3);
    QVERIFY(!forward->isEnabled());
    QVERIFY(back->isEnabled());
    press(Qt::Key_Left);
    verifyShown(1);
    press(Qt::Key_Right);
    verifyShown(3);
    QVERIFY(!forward->isEnabled());
    press(Qt::Key_Left);
    press(Qt::Key_Left);
    verifyShown(0);
    QVERIFY(!back->isEnabled());
}

// Without a window: how far back the history reaches.
void SearchHistoryTest::keepsTheLatestTwenty()
{
    SearchHistory history;
    QSignalSpy chosen(&history, &SearchHistory::entryChosen);
    for (int i = 0; i < SearchHistory::kLimit + 5; ++i) {
        SearchResult result;
        result.requestId = quint64(i);
        history.record({QStringLiteral("/swatches/%1.png").arg(i), {}, QString()}, result);
    }
    int steps = 0;
    while (history.canGoBack()) {
        history.backAction()->trigger();
        ++steps;
    }
    QCOMPARE(steps, SearchHistory::kLimit - 1);
    QCOMPARE(chosen.back().front().value<SearchHistory::Entry>().source.path, QStringLiteral("/swatches/5.png"));
}

QTEST_MAIN(SearchHistoryTest)
#include "tst_searchhistory.moc"
