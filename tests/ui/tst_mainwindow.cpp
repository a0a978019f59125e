// The window end to end on a small test library with the real model: a dropped
// file and a pasted image give ranked results (the image itself first), a match
// is shown beside the swatch, and choosing a folder searches only that folder.

#include "ui/CompareView.h"
#include "ui/ComponentInspector.h"
#include "ui/MainWindow.h"
#include "ui/ResultsModel.h"
#include "ui/SyntheticDrop.h"
#include "UiTestSupport.h"

#include <QClipboard>
#include <QComboBox>
#include <QListView>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class MainWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void dropOfAFileShowsResults();
    void pasteShowsResults();
    void selectingAMatchShowsItBesideTheSwatch();
    void filterByFolder();
    void inspectorShowsALibraryImage();
    void cleanupTestCase();

private:
    QTemporaryDir m_dir;
    QStringList m_first;    // images of the first folder
    QStringList m_second;   // of the second
    std::unique_ptr<MainWindow> m_window;
};

void MainWindowTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    m_first = uitest::writePatterns(m_dir.filePath(QStringLiteral("patterns/first")), 10);
    // Different patterns again (offset by drawing more and keeping the tail).
    const QStringList more = uitest::writePatterns(m_dir.filePath(QStringLiteral("scratch")), 16);
    QDir().mkpath(m_dir.filePath(QStringLiteral("patterns/second")));
    for (int i = 10; i < 16; ++i) {
        const QString target = m_dir.filePath(QStringLiteral("patterns/second/%1").arg(QFileInfo(more[i]).fileName()));
        QVERIFY(QFile::copy(more[i], target));
        m_second.append(QFileInfo(target).canonicalFilePath());
    }

    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("library")));
    options.foldersToAdd = {QFileInfo(m_first.front()).absolutePath(), QFileInfo(m_second.front()).absolutePath()};
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    // Two folders, two runs: wait until the library holds all 16.
    QVERIFY(uitest::waitUntilIndexed(m_window->backend(), 16, 180000));
}

void MainWindowTest::cleanupTestCase()
{
    m_window.reset();
}

void MainWindowTest::dropOfAFileShowsResults()
{
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    QSignalSpy refined(m_window.get(), &MainWindow::resultsRefined);
    QSignalSpy timed(m_window.get(), &MainWindow::dropToResults);
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_first[3])});
    QVERIFY(sendSyntheticDrop(m_window.get(), &mime));
    QVERIFY(shown.wait(60000));
    ResultsModel* results = m_window->resultsModel();
    const auto checkRanking = [&] {
        QCOMPARE(results->rowCount(), 16);
        QCOMPARE(results->index(0).data(ResultsModel::PathRole).toString(), m_first[3]);
        QCOMPARE(results->index(0).data(ResultsModel::RankRole).toInt(), 1);
        // Best first: scores never rise down the list.
        for (int row = 1; row < results->rowCount(); ++row)
            QVERIFY(results->index(row).data(ResultsModel::ScoreRole).toDouble() <= results->index(row - 1).data(ResultsModel::ScoreRole).toDouble());
    };
    checkRanking();
    // Then the second look at the best matches replaces them, the image itself still first.
    QVERIFY(refined.count() == 1 || refined.wait(60000));
    checkRanking();
    QCOMPARE(m_window->resultsView()->currentIndex().row(), 0);
    QCOMPARE(timed.count(), 1);
    QVERIFY(timed.front().front().toDouble() > 0);
}

void MainWindowTest::pasteShowsResults()
{
    QImage image(m_second[2]);
    QVERIFY(!image.isNull());
    QApplication::clipboard()->setImage(image);
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    m_window->pasteSwatch();
    QVERIFY2(shown.wait(60000), qPrintable(m_window->lastSearchError()));
    QCOMPARE(m_window->resultsModel()->index(0).data(ResultsModel::PathRole).toString(), m_second[2]);
}

void MainWindowTest::selectingAMatchShowsItBesideTheSwatch()
{
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    QSignalSpy compared(m_window.get(), &MainWindow::compareReady);
    m_window->searchFor({m_first[1], {}, QStringLiteral("pattern-01.png")});
    QVERIFY(shown.wait(60000));
    QVERIFY(compared.wait(60000));   // the best match is selected and shown
    QListView* view = m_window->resultsView();
    QCOMPARE(view->currentIndex().row(), 0);
    // Keyboard: the next match is shown on Right.
    compared.clear();
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(view->currentIndex().row(), 1);
    QVERIFY(compared.wait(60000));
    // Components do not exist in the catalog yet: the view says so.
    QVERIFY(!m_window->compareView()->hasComponents());
    QVERIFY(m_window->compareView()->showsNoComponentsNote());
}

void MainWindowTest::filterByFolder()
{
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    m_window->searchFor({m_first[0], {}, QStringLiteral("pattern-00.png")});
    QVERIFY(shown.wait(60000));
    ResultsModel* results = m_window->resultsModel();
    QCOMPARE(results->rowCount(), 16);
    // Choosing a folder searches again, in that folder only.
    QComboBox* folders = m_window->folderFilter();
    const int second = folders->findData(QFileInfo(m_second.front()).absolutePath());
    QVERIFY(second > 0);
    shown.clear();
    folders->setCurrentIndex(second);
    QVERIFY(shown.wait(60000));
    QCOMPARE(results->rowCount(), 6);
    for (int row = 0; row < results->rowCount(); ++row)
        QVERIFY(m_second.contains(results->index(row).data(ResultsModel::PathRole).toString()));
    shown.clear();
    folders->setCurrentIndex(0);
    QVERIFY(shown.wait(60000));
    QCOMPARE(results->rowCount(), 16);
}

void MainWindowTest::inspectorShowsALibraryImage()
{
    m_window->inspectImage(m_second[4]);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->inspector()->currentPath(), m_second[4], 60000);
    QVERIFY(m_window->inspector()->view()->showsNoComponentsNote());   // the catalog has none yet
}

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
