// File › Find duplicates and colourways as a designer uses it: the dialog looks
// through the library in the background, lists the groups it found, and shows the
// chosen group's patterns side by side, whose actions reach the window's. With the
// real model on a small library holding a smaller copy of one pattern.

#include "ui/DuplicateGroupsModel.h"
#include "ui/DuplicateImagesModel.h"
#include "ui/DuplicatesDialog.h"
#include "ui/DesktopLauncher.h"
#include "ui/MainWindow.h"
#include "ui/ResultDelegate.h"
#include "ui/ThumbnailGrid.h"
#include "UiTestSupport.h"

#include <QAction>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>

using namespace weft;
using namespace weft::ui;

namespace {

// Keeps what the window hands to the desktop, and opens nothing.
class RecordingLauncher : public DesktopLauncher {
public:
    QList<QUrl> opened;
    bool openUrl(const QUrl& url) override
    {
        opened.append(url);
        return true;
    }
};

}  // namespace

class DuplicatesDialogTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void listsTheGroupsFound();
    void showsTheChosenGroupsPatternsSideBySide();
    void openingAgainKeepsTheGroupsOnShow();
    void cleanupTestCase();

private:
    DuplicatesDialog* openDialog();
    // The row of the duplicates group of the pattern and its copy; -1 when there is none.
    int rowOfTheCopies() const;

    QTemporaryDir m_dir;
    QStringList m_patterns;
    QString m_copy;
    RecordingLauncher* m_launcher = nullptr;
    std::unique_ptr<MainWindow> m_window;
    DuplicatesDialog* m_dialog = nullptr;
};

void DuplicatesDialogTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    const QString folder = m_dir.filePath(QStringLiteral("patterns"));
    m_patterns = uitest::writePatterns(folder, 4, 160);
    const QImage original(m_patterns[0]);
    m_copy = QFileInfo(folder).canonicalFilePath() + QStringLiteral("/pattern-00 smaller.png");
    QVERIFY(original.scaled(120, 120, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).save(m_copy));

    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("library")));
    options.foldersToAdd = {folder};
    m_launcher = new RecordingLauncher;
    options.launcher = m_launcher;
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QVERIFY(uitest::waitUntilIndexed(m_window->backend(), m_patterns.size() + 1, 120000));
}

DuplicatesDialog* DuplicatesDialogTest::openDialog()
{
    for (QAction* action : m_window->findChildren<QAction*>())
        if (action->text() == QStringLiteral("Find &duplicates and colourways…"))
            action->trigger();
    return m_window->findChild<DuplicatesDialog*>();
}

int DuplicatesDialogTest::rowOfTheCopies() const
{
    const std::vector<PrintGroup>& groups = m_dialog->groupsModel()->groups();
    for (std::size_t row = 0; row < groups.size(); ++row) {
        QStringList paths;
        for (const PrintGroup::Member& member : groups[row].members)
            paths.append(member.path);
        if (groups[row].kind == PrintGroup::Kind::Duplicates && paths == QStringList({m_patterns[0], m_copy}))
            return int(row);
    }
    return -1;
}

void DuplicatesDialogTest::listsTheGroupsFound()
{
    m_dialog = openDialog();
    QVERIFY2(m_dialog, "File › Find duplicates and colourways… opens no dialog");
    QVERIFY(m_dialog->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(m_dialog->state(), DuplicatesDialog::State::Found, 60000);
    const int row = rowOfTheCopies();
    QVERIFY2(row >= 0, qPrintable(QStringLiteral("the pattern and its smaller copy are not listed as duplicates, the larger first: ") +
                                  m_dialog->findChild<QLabel*>(QStringLiteral("summary"))->text()));
    QCOMPARE(m_dialog->groupList()->model()->rowCount(), int(m_dialog->groupsModel()->groups().size()));
    const QString text = m_dialog->groupList()->model()->index(row, 0).data().toString();
    QVERIFY2(text.startsWith(QStringLiteral("Duplicates · 2 pattern")), qPrintable(text));
    // Each other pattern is unlike the rest: it is in no group.
    for (const PrintGroup& group : m_dialog->groupsModel()->groups())
        for (const PrintGroup::Member& member : group.members)
            QVERIFY2(member.path == m_patterns[0] || member.path == m_copy, qPrintable(member.path));
}

void DuplicatesDialogTest::showsTheChosenGroupsPatternsSideBySide()
{
    const int row = rowOfTheCopies();
    QVERIFY(row >= 0);
    m_dialog->groupList()->setCurrentIndex(m_dialog->groupList()->model()->index(row, 0));
    ThumbnailGrid* grid = m_dialog->groupImages();
    QCOMPARE(grid->model()->rowCount(), 2);
    const QModelIndex first = grid->model()->index(0, 0), second = grid->model()->index(1, 0);
    QCOMPARE(first.data(DuplicateImagesModel::PathRole).toString(), m_patterns[0]);
    QCOMPARE(second.data(DuplicateImagesModel::PathRole).toString(), m_copy);
    QCOMPARE(first.data(ResultDelegate::CaptionRole).toString(), QStringLiteral("160 × 160 px"));
    QCOMPARE(second.data(ResultDelegate::CaptionRole).toString(), QStringLiteral("120 × 120 px"));
    // Side by side, both in sight.
    QTRY_VERIFY(grid->viewport()->rect().contains(grid->visualRect(first)));
    QVERIFY(grid->viewport()->rect().contains(grid->visualRect(second)));
    QCOMPARE(grid->visualRect(first).top(), grid->visualRect(second).top());

    // Open reaches the desktop through the window, with the pattern chosen.
    grid->setCurrentIndex(second);
    const auto buttons = m_dialog->findChildren<QPushButton*>();
    const auto openButton = std::find_if(buttons.begin(), buttons.end(), [](QPushButton* b) { return b->text() == QStringLiteral("Open"); });
    QVERIFY(openButton != buttons.end());
    QTest::mouseClick(*openButton, Qt::LeftButton);
    QCOMPARE(m_launcher->opened, QList<QUrl>{QUrl::fromLocalFile(m_copy)});
}

void DuplicatesDialogTest::openingAgainKeepsTheGroupsOnShow()
{
    QSignalSpy states(m_dialog, &DuplicatesDialog::stateChanged);
    QCOMPARE(openDialog(), m_dialog);
    QVERIFY(states.isEmpty());
    QCOMPARE(m_dialog->state(), DuplicatesDialog::State::Found);
    QVERIFY(rowOfTheCopies() >= 0);
}

void DuplicatesDialogTest::cleanupTestCase()
{
    m_window.reset();
}

QTEST_MAIN(DuplicatesDialogTest)
#include "tst_duplicatesdialog.moc"
