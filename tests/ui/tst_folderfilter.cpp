// The folder filter of the results searches the chosen folder (with the folders
// inside it, which it lists too) rather than hiding the matches of the others:
// a folder whose images are all far down the library's ranking still shows its
// best. With the real model on a small library.

#include "ui/MainWindow.h"
#include "ui/ResultsModel.h"
#include "UiTestSupport.h"

#include <QComboBox>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;
using namespace weft::ui;

class FolderFilterTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void folderIsSearchedNotFiltered();
    void subFolderIsListedAndSearched();
    void cleanupTestCase();

private:
    // The paths of the matches in the results view, as the user sees them.
    QStringList shownPaths() const;
    void choose(const QString& folder);

    QTemporaryDir m_dir;
    QString m_query;     // a pattern, outside the library
    QString m_copies;    // a library folder full of copies of it
    QString m_others;    // a library folder of other patterns
    QString m_sub;       // a folder inside m_others
    std::unique_ptr<MainWindow> m_window;
};

// More copies than the window shows matches, so that a search of the whole library
// gives nothing but copies.
constexpr int kCopies = LibraryBackend::kMatchesShown + 6;

void FolderFilterTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    const QStringList patterns = uitest::writePatterns(m_dir.filePath(QStringLiteral("scratch")), 11);
    m_query = patterns[0];
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("library/copies"))));
    m_copies = QFileInfo(m_dir.filePath(QStringLiteral("library/copies"))).canonicalFilePath();
    for (int i = 0; i < kCopies; ++i)
        QVERIFY(QFile::copy(m_query, QStringLiteral("%1/copy-%2.png").arg(m_copies).arg(i, 3, 10, QLatin1Char('0'))));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("library/others/sub"))));
    m_others = QFileInfo(m_dir.filePath(QStringLiteral("library/others"))).canonicalFilePath();
    m_sub = m_others + QStringLiteral("/sub");
    for (int i = 1; i < patterns.size(); ++i)
        QVERIFY(QFile::copy(patterns[i], QStringLiteral("%1/%2").arg(i <= 6 ? m_others : m_sub, QFileInfo(patterns[i]).fileName())));

    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("weft-library")));
    options.foldersToAdd = {m_copies, m_others};
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    QVERIFY(uitest::waitUntilIndexed(m_window->backend(), kCopies + patterns.size() - 1, 300000));
}

void FolderFilterTest::cleanupTestCase()
{
    m_window.reset();
}

QStringList FolderFilterTest::shownPaths() const
{
    QStringList paths;
    const QAbstractItemModel* model = m_window->resultsView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        paths.append(model->index(row, 0).data(ResultsModel::PathRole).toString());
    return paths;
}

void FolderFilterTest::choose(const QString& folder)
{
    const int index = m_window->folderFilter()->findData(folder);
    QVERIFY2(index > 0, qPrintable(QStringLiteral("%1 is not in the folder filter").arg(folder)));
    m_window->folderFilter()->setCurrentIndex(index);
}

void FolderFilterTest::folderIsSearchedNotFiltered()
{
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    m_window->searchFor({m_query, {}, QFileInfo(m_query).fileName()});
    QVERIFY(shown.wait(60000));
    // The whole library's best are all copies: hiding the others' matches would leave none.
    QStringList paths = shownPaths();
    QCOMPARE(paths.size(), LibraryBackend::kMatchesShown);
    for (const QString& path : std::as_const(paths))
        QVERIFY2(path.startsWith(m_copies + QLatin1Char('/')), qPrintable(path));

    choose(m_others);
    const auto allUnder = [&](const QString& folder) {
        paths = shownPaths();
        return !paths.isEmpty() && std::all_of(paths.begin(), paths.end(), [&](const QString& path) { return path.startsWith(folder + QLatin1Char('/')); });
    };
    QTRY_VERIFY2_WITH_TIMEOUT(allUnder(m_others), qPrintable(paths.join(QLatin1Char('\n'))), 60000);
    QCOMPARE(paths.size(), 10);   // every image under it, the sub-folder's too
    QCOMPARE(m_window->resultsModel()->index(0).data(ResultsModel::RankRole).toInt(), 1);

    shown.clear();
    m_window->folderFilter()->setCurrentIndex(0);   // all folders again
    QVERIFY(shown.wait(60000));
    QVERIFY(shownPaths().front().startsWith(m_copies + QLatin1Char('/')));
}

void FolderFilterTest::subFolderIsListedAndSearched()
{
    // Listed under its library folder, indented.
    QComboBox* filter = m_window->folderFilter();
    const int others = filter->findData(m_others), sub = filter->findData(m_sub);
    QVERIFY(others > 0);
    QCOMPARE(sub, others + 1);
    QCOMPARE(filter->itemText(sub).trimmed(), QStringLiteral("sub"));
    QVERIFY(filter->itemText(sub).startsWith(QLatin1Char(' ')));
    QVERIFY(!filter->itemText(others).startsWith(QLatin1Char(' ')));

    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    choose(m_sub);
    QVERIFY(shown.wait(60000));
    const QStringList paths = shownPaths();
    QCOMPARE(paths.size(), 4);
    for (const QString& path : paths)
        QVERIFY2(path.startsWith(m_sub + QLatin1Char('/')), qPrintable(path));
}

QTEST_MAIN(FolderFilterTest)
#include "tst_folderfilter.moc"
