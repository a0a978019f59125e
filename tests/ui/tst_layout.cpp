// The window fits a small screen: it can be made 900 px wide, also while
// indexing; sibling library folders with long names read differently however
// narrow the panel; the "checking the best ones…" notice moves no panel. With the
// real model on a small library in two sibling folders.

#include "ui/CompareView.h"
#include "ui/IndexingStatus.h"
#include "ui/LibraryPanel.h"
#include "ui/MainWindow.h"
#include "UiTestSupport.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace weft;
using namespace weft::ui;

class LayoutTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void windowCanBeNarrow();
    void siblingFoldersReadDifferently();
    void checkingNoticeMovesNothing();
    void cleanupTestCase();

private:
    void settleLayout();
    bool checkingNoticeShown() const;

    QTemporaryDir m_dir;
    QString m_query;
    std::unique_ptr<MainWindow> m_window;
};

constexpr int kNarrow = 900;

void LayoutTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    const QString base = m_dir.filePath(QStringLiteral("textile-archive/spring-summer-collection-2024-supplier-"));
    const QStringList first = uitest::writePatterns(base + QStringLiteral("shanghai"), 12);
    uitest::writePatterns(base + QStringLiteral("hangzhou"), 12);
    m_query = first[3];

    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("weft-library")));
    options.foldersToAdd = {QFileInfo(base + QStringLiteral("shanghai")).canonicalFilePath(),
                            QFileInfo(base + QStringLiteral("hangzhou")).canonicalFilePath()};
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    QVERIFY(uitest::waitUntilIndexed(m_window->backend(), 24, 300000));
    QSignalSpy refined(m_window.get(), &MainWindow::resultsRefined);
    m_window->searchFor({m_query, {}, QFileInfo(m_query).fileName()});
    QVERIFY(refined.wait(60000));
}

void LayoutTest::cleanupTestCase()
{
    m_window.reset();
}

// Layout changes are applied through posted events; only those are sent, so that
// no answer still queued from the search is handled meanwhile.
void LayoutTest::settleLayout()
{
    for (int i = 0; i < 4; ++i)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

bool LayoutTest::checkingNoticeShown() const
{
    const QList<QLabel*> labels = m_window->findChildren<QLabel*>();
    return std::any_of(labels.begin(), labels.end(), [](const QLabel* label) {
        return label->isVisible() && label->text().contains(QStringLiteral("checking the best ones"));
    });
}

void LayoutTest::windowCanBeNarrow()
{
    // While indexing, with a long file name in the status bar.
    IndexingStatus* status = m_window->indexingStatus();
    status->setState(LibraryBackend::IndexingState::Indexing);
    ProgressReport report;
    report.phase = ProgressPhase::Indexing;
    report.done = 1234;
    report.total = 56789;
    report.imagesPerSecond = 12.5;
    report.secondsLeft = 4321;
    report.currentFile = QStringLiteral("/archive/spring-summer-collection-2024-supplier-shanghai/floral-print-on-viscose-crepe-0001.jpg");
    status->setProgress(report);
    settleLayout();
    QVERIFY2(m_window->minimumSizeHint().width() <= kNarrow, qPrintable(QString::number(m_window->minimumSizeHint().width())));
    m_window->resize(kNarrow, 700);
    settleLayout();
    QTRY_COMPARE(m_window->width(), kNarrow);

    status->setState(LibraryBackend::IndexingState::Idle);
    settleLayout();
    QCOMPARE(m_window->width(), kNarrow);
}

void LayoutTest::siblingFoldersReadDifferently()
{
    auto* tree = m_window->libraryPanel()->findChild<QTreeWidget*>();
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 2);
    const QRect first = tree->visualItemRect(tree->topLevelItem(0));
    const QRect second = tree->visualItemRect(tree->topLevelItem(1));
    const int folderColumn = tree->columnWidth(0);
    // Only a path wider than its column has to be shortened.
    QVERIFY2(tree->fontMetrics().horizontalAdvance(tree->topLevelItem(0)->text(0)) > folderColumn,
             qPrintable(QStringLiteral("the folder column (%1 px) shows the whole path").arg(folderColumn)));
    // The folder cells as drawn: the same icon, so they differ only if the text does.
    const QImage shown = tree->viewport()->grab().toImage();
    const QImage a = shown.copy(QRect(first.topLeft(), QSize(folderColumn, first.height())));
    const QImage b = shown.copy(QRect(second.topLeft(), QSize(folderColumn, second.height())));
    QVERIFY2(a != b, "the two sibling folders' paths read alike");
}

void LayoutTest::checkingNoticeMovesNothing()
{
    struct Snapshot {
        QRect results, compare;
        bool notice = false;
    };
    const auto snapshot = [this] {
        settleLayout();
        QListView* results = m_window->resultsView();
        CompareView* compare = m_window->compareView();
        return Snapshot{QRect(results->mapTo(m_window.get(), QPoint()), results->size()),
                        QRect(compare->mapTo(m_window.get(), QPoint()), compare->size()), checkingNoticeShown()};
    };
    m_window->resize(kNarrow, 700);
    Snapshot before, after;
    QObject listening;   // the snapshots are taken as each answer is shown
    connect(m_window.get(), &MainWindow::resultsShown, &listening, [&] { before = snapshot(); });
    connect(m_window.get(), &MainWindow::resultsRefined, &listening, [&] { after = snapshot(); });
    QSignalSpy refined(m_window.get(), &MainWindow::resultsRefined);
    m_window->searchFor({m_query, {}, QFileInfo(m_query).fileName()});
    QVERIFY(refined.wait(60000));
    QVERIFY2(before.notice, "the first answer did not say it was checking the best ones");
    QVERIFY(!after.notice);
    QCOMPARE(after.results, before.results);
    QCOMPARE(after.compare, before.compare);
    QCOMPARE(m_window->width(), kNarrow);
}

QTEST_MAIN(LayoutTest)
#include "tst_layout.moc"
