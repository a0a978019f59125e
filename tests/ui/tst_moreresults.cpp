// More matches than the first page, as the user scrolls; and a score cut-off,
// remembered in the settings, that leaves the matches scoring less out of the
// search. With the real model on a library of more images than one page.

#include "ui/AppSettings.h"
#include "ui/MainWindow.h"
#include "ui/ResultsModel.h"
#include "UiTestSupport.h"

#include <QDoubleSpinBox>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class MoreResultsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void scrollingToTheEndShowsMore();
    void cutOffLeavesOutLowerScores();
    void cleanupTestCase();

private:
    QList<double> shownScores() const;
    void scrollToEnd();

    QTemporaryDir m_dir;
    QString m_query;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
};

constexpr int kPatterns = LibraryBackend::kMatchesShown + 30;

void MoreResultsTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    const QStringList patterns = uitest::writePatterns(m_dir.filePath(QStringLiteral("patterns")), kPatterns);
    m_query = patterns[7];
    m_settings = std::make_unique<AppSettings>();
    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("library")));
    options.foldersToAdd = {QFileInfo(m_query).absolutePath()};
    options.settings = m_settings.get();
    m_window = std::make_unique<MainWindow>(options);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(uitest::waitUntilIndexed(m_window->backend(), kPatterns, 300000));
}

void MoreResultsTest::cleanupTestCase()
{
    m_window.reset();
}

QList<double> MoreResultsTest::shownScores() const
{
    QList<double> scores;
    const QAbstractItemModel* model = m_window->resultsView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        scores.append(model->index(row, 0).data(ResultsModel::ScoreRole).toDouble());
    return scores;
}

void MoreResultsTest::scrollToEnd()
{
    QScrollBar* bar = m_window->resultsView()->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void MoreResultsTest::scrollingToTheEndShowsMore()
{
    QSignalSpy refined(m_window.get(), &MainWindow::resultsRefined);
    m_window->searchFor({m_query, {}, QFileInfo(m_query).fileName()});
    QVERIFY(refined.wait(60000));
    QCoreApplication::processEvents();
    QCOMPARE(m_window->resultsModel()->rowCount(), LibraryBackend::kMatchesShown);
    QVERIFY2(m_window->resultsView()->verticalScrollBar()->maximum() > 0, "the first page fits the view: nothing to scroll");

    scrollToEnd();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->resultsModel()->rowCount() > LibraryBackend::kMatchesShown, 30000);
    // Every image of the library once, in rank order, scores falling.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->resultsModel()->rowCount(), kPatterns, 30000);
    QSet<QString> paths;
    const QList<double> scores = shownScores();
    for (int row = 0; row < kPatterns; ++row) {
        const QModelIndex index = m_window->resultsModel()->index(row);
        paths.insert(index.data(ResultsModel::PathRole).toString());
        QCOMPARE(index.data(ResultsModel::RankRole).toInt(), row + 1);
        if (row > 0)
            QVERIFY2(scores[row] <= scores[row - 1], qPrintable(QStringLiteral("row %1").arg(row)));
    }
    QCOMPARE(paths.size(), kPatterns);
}

void MoreResultsTest::cutOffLeavesOutLowerScores()
{
    // A cut-off in the middle of the scores on show.
    const QList<double> before = shownScores();
    const double cutOff = std::ceil(before[before.size() / 4] * 100) / 100;
    QVERIFY2(cutOff > before.back() && cutOff <= before.front(), qPrintable(QString::number(cutOff)));

    QSignalSpy refined(m_window.get(), &MainWindow::resultsRefined);
    m_window->scoreCutOff()->setValue(cutOff);
    QVERIFY(refined.wait(60000));
    QCoreApplication::processEvents();
    scrollToEnd();   // no further page below the cut-off either
    QCoreApplication::processEvents();
    const QList<double> after = shownScores();
    QVERIFY(!after.isEmpty());
    QVERIFY2(after.size() < before.size(), qPrintable(QString::number(after.size())));
    for (double score : after)
        QVERIFY2(score >= cutOff - 1e-6, qPrintable(QStringLiteral("%1 is below the cut-off %2").arg(score).arg(cutOff)));
    // The count says how many are shown, and that they are all the ones above the cut-off.
    const auto* count = m_window->findChild<QWidget*>(QStringLiteral("resultCount"));
    QVERIFY(count);
    const QString text = count->property("text").toString();
    QVERIFY2(text.contains(QString::number(after.size())) && text.contains(QString::number(cutOff, 'f', 2)) && !text.contains(QStringLiteral("scroll")),
             qPrintable(text));

    QCOMPARE(AppSettings().minimumScore(), cutOff);
}

QTEST_MAIN(MoreResultsTest)
#include "tst_moreresults.moc"
