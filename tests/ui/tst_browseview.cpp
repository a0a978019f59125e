// Browsing the library without a search: clicking a library folder shows every
// indexed pattern in it (and in the folders inside it), page by page as the grid
// scrolls, in the order chosen, which is checked against the files on disk; Space
// opens a quick look that the arrow keys move along. With the real model on a
// small library.

#include "ui/BrowseModel.h"
#include "ui/BrowseView.h"
#include "ui/LibraryPanel.h"
#include "ui/MainWindow.h"
#include "ui/QuickLook.h"
#include "ui/QuickLookWindow.h"
#include "ui/ResultsModel.h"
#include "ui/ThumbnailGrid.h"
#include "UiTestSupport.h"

#include <QCollator>
#include <QComboBox>
#include <QDateTime>
#include <QDirIterator>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace weft;
using namespace weft::ui;

class BrowseViewTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void clickingAFolderListsEveryImageInIt();
    void sortedAsOnDisk_data();
    void sortedAsOnDisk();
    void spaceOpensAQuickLookThatArrowsMove();
    void findPatternsLikeTheSelectedOne();
    void anotherFolderIsBrowsedWhileTheSearchFollows();
    void cleanupTestCase();

private:
    // What the grid lists, once it has been scrolled to its end.
    QStringList browsedPaths();
    // The files under m_prints as the file system describes them.
    QList<QFileInfo> filesOnDisk() const;
    void chooseOrder(ImageOrder order);

    QTemporaryDir m_dir;
    QString m_prints;   // the library folder browsed, with folders inside it
    QString m_others;   // another library folder
    std::unique_ptr<MainWindow> m_window;
};

// More than a page, so that the grid has to ask for the rest as it scrolls.
constexpr int kFolders = 5, kPerFolder = 45;
static_assert(kFolders * kPerFolder > BrowseModel::kPageSize);

void BrowseViewTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("library/prints"))));
    m_prints = QFileInfo(m_dir.filePath(QStringLiteral("library/prints"))).canonicalFilePath();
    // Folders of differently sized drawings, so that file sizes differ, and
    // modification times shuffled across them.
    QStringList files;
    for (int folder = 0; folder < kFolders; ++folder)
        files += uitest::writePatterns(QStringLiteral("%1/set-%2").arg(m_prints).arg(folder), kPerFolder, 96 + 24 * folder);
    const QDateTime base = QDateTime::currentDateTime().addDays(-400);
    for (int i = 0; i < files.size(); ++i) {
        QFile file(files[i]);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.setFileTime(base.addSecs(3600LL * ((i * 97) % files.size())), QFileDevice::FileModificationTime));
    }
    QVERIFY(QFile::rename(files[7], QFileInfo(files[7]).absolutePath() + QStringLiteral("/Pattern-7 copy.png")));
    const QStringList others = uitest::writePatterns(m_dir.filePath(QStringLiteral("library/others")), 3);
    m_others = QFileInfo(m_dir.filePath(QStringLiteral("library/others"))).canonicalFilePath();

    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("weft-library")));
    options.foldersToAdd = {m_prints, m_others};
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    QVERIFY(uitest::waitUntilIndexed(m_window->backend(), files.size() + others.size(), 600000));
}

void BrowseViewTest::cleanupTestCase()
{
    m_window.reset();
}

QStringList BrowseViewTest::browsedPaths()
{
    BrowseModel* model = m_window->browseView()->model();
    QListView* grid = m_window->browseView()->grid();
    // As the user scrolls down, the grid asks for the next page.
    const bool complete = QTest::qWaitFor([&] {
        grid->scrollToBottom();
        return model->total() >= 0 && model->rowCount() == model->total();
    }, 60000);
    if (!complete)
        qWarning("the grid has %d of %d images", model->rowCount(), model->total());
    QStringList paths;
    for (int row = 0; row < model->rowCount(); ++row)
        paths.append(model->index(row).data(BrowseModel::PathRole).toString());
    return paths;
}

QList<QFileInfo> BrowseViewTest::filesOnDisk() const
{
    QList<QFileInfo> files;
    QDirIterator it(m_prints, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QFileInfo(it.next()));
    return files;
}

void BrowseViewTest::chooseOrder(ImageOrder order)
{
    QComboBox* choice = m_window->browseView()->orderChoice();
    const int index = choice->findData(QVariant::fromValue(order));
    QVERIFY(index >= 0);
    choice->setCurrentIndex(index);
}

void BrowseViewTest::clickingAFolderListsEveryImageInIt()
{
    auto* tree = m_window->libraryPanel()->findChild<QTreeWidget*>();
    QVERIFY(tree);
    QTreeWidgetItem* prints = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        if (tree->topLevelItem(i)->text(0) == QDir::toNativeSeparators(m_prints))
            prints = tree->topLevelItem(i);
    QVERIFY(prints);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(prints).center());
    QCOMPARE(m_window->centreTabs()->currentWidget(), m_window->browseView());

    QStringList browsed = browsedPaths();
    QStringList expected;
    for (const QFileInfo& file : filesOnDisk())
        expected.append(file.canonicalFilePath());
    QCOMPARE(browsed.size(), expected.size());
    browsed.sort();
    expected.sort();
    QCOMPARE(browsed, expected);   // each once, and none of the other folder's
}

void BrowseViewTest::sortedAsOnDisk_data()
{
    QTest::addColumn<ImageOrder>("order");
    QTest::newRow("name") << ImageOrder::Name;
    QTest::newRow("date") << ImageOrder::Newest;
    QTest::newRow("size") << ImageOrder::Largest;
}

void BrowseViewTest::sortedAsOnDisk()
{
    QFETCH(ImageOrder, order);
    m_window->browseView()->setFolder(m_prints);
    m_window->centreTabs()->setCurrentWidget(m_window->browseView());
    chooseOrder(order);

    // Names as people read them (numbers by value, case aside), the newest first,
    // the largest first; ties by path.
    QList<QFileInfo> files = filesOnDisk();
    QCollator collator{QLocale(QLocale::English)};
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::sort(files.begin(), files.end(), [&](const QFileInfo& a, const QFileInfo& b) {
        int byKey = 0;
        if (order == ImageOrder::Name)
            byKey = collator.compare(a.fileName(), b.fileName());
        else if (order == ImageOrder::Newest)
            byKey = a.lastModified() > b.lastModified() ? -1 : a.lastModified() < b.lastModified() ? 1 : 0;
        else
            byKey = a.size() > b.size() ? -1 : a.size() < b.size() ? 1 : 0;
        return byKey != 0 ? byKey < 0 : a.canonicalFilePath() < b.canonicalFilePath();
    });
    QStringList expected;
    for (const QFileInfo& file : std::as_const(files))
        expected.append(file.canonicalFilePath());
    QCOMPARE(browsedPaths(), expected);
}

void BrowseViewTest::spaceOpensAQuickLookThatArrowsMove()
{
    BrowseView* browse = m_window->browseView();
    m_window->centreTabs()->setCurrentWidget(browse);
    chooseOrder(ImageOrder::Name);
    const QStringList paths = browsedPaths();
    QVERIFY(paths.size() > 5);
    browse->grid()->setCurrentIndex(browse->model()->index(3));
    browse->grid()->setFocus();

    QTest::keyClick(browse->grid(), Qt::Key_Space);
    QuickLookWindow* look = browse->quickLook()->window();
    QVERIFY(look);
    QVERIFY(look->isVisible());
    QCOMPARE(look->path(), paths[3]);
    QVERIFY2(look->caption().contains(QDir::toNativeSeparators(paths[3])), qPrintable(look->caption()));
    // The image itself replaces the thumbnail.
    QTRY_VERIFY2_WITH_TIMEOUT(look->caption().contains(QStringLiteral("pixels")), qPrintable(look->caption()), 20000);

    QTest::keyClick(look, Qt::Key_Right);
    QCOMPARE(look->path(), paths[4]);
    QCOMPARE(browse->grid()->currentIndex().row(), 4);
    QVERIFY2(look->caption().contains(QDir::toNativeSeparators(paths[4])), qPrintable(look->caption()));
    QTest::keyClick(look, Qt::Key_Left);
    QTest::keyClick(look, Qt::Key_Left);
    QCOMPARE(look->path(), paths[2]);

    QTest::keyClick(look, Qt::Key_Space);
    QVERIFY(!look->isVisible());
    QCOMPARE(browse->grid()->currentIndex().row(), 2);
}

void BrowseViewTest::findPatternsLikeTheSelectedOne()
{
    BrowseView* browse = m_window->browseView();
    m_window->centreTabs()->setCurrentWidget(browse);
    m_window->folderFilter()->setCurrentIndex(0);   // search the whole library
    QTRY_VERIFY_WITH_TIMEOUT(browse->model()->total() > 0, 20000);
    browse->grid()->setCurrentIndex(browse->model()->index(5));
    const QString chosen = browse->currentPath();

    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    auto* find = browse->findChild<QPushButton*>();
    QVERIFY(find && find->isEnabled());
    QTest::mouseClick(find, Qt::LeftButton);
    QVERIFY(shown.wait(60000));
    QCOMPARE(m_window->centreTabs()->currentWidget(), m_window->resultsView());
    // The image itself is left out; the same pattern drawn at another size is nearest.
    const QString best = m_window->resultsModel()->index(0).data(ResultsModel::PathRole).toString();
    QVERIFY2(best != chosen && QFileInfo(best).fileName() == QFileInfo(chosen).fileName(), qPrintable(best + QStringLiteral(" for ") + chosen));
}

// The folder box above both tabs: choosing another folder while browsing shows
// its patterns, and the search on hand is made again in it without taking the
// browse tab away.
void BrowseViewTest::anotherFolderIsBrowsedWhileTheSearchFollows()
{
    BrowseView* browse = m_window->browseView();
    m_window->centreTabs()->setCurrentWidget(browse);
    QSignalSpy shown(m_window.get(), &MainWindow::resultsShown);
    const int others = m_window->folderFilter()->findData(m_others);
    QVERIFY(others > 0);
    m_window->folderFilter()->setCurrentIndex(others);
    QVERIFY(shown.wait(60000));
    QCOMPARE(m_window->centreTabs()->currentWidget(), browse);
    QStringList expected;
    for (const QFileInfo& file : QDir(m_others).entryInfoList(QDir::Files, QDir::Name))
        expected.append(file.canonicalFilePath());
    QCOMPARE(browsedPaths(), expected);
    for (int row = 0; row < m_window->resultsModel()->rowCount(); ++row)
        QVERIFY(m_window->resultsModel()->index(row).data(ResultsModel::PathRole).toString().startsWith(m_others + QLatin1Char('/')));
}

QTEST_MAIN(BrowseViewTest)
#include "tst_browseview.moc"
