// Favourites and collections as a designer uses them: F marks the selected match
// a favourite, the star shows on it, and after the library is opened again the
// Favourites collection lists it and, chosen, shows it in the results. With the
// real model on a small library.

#include "ui/CollectionActions.h"
#include "ui/CollectionsPanel.h"
#include "ui/MainWindow.h"
#include "ui/MessageBanner.h"
#include "ui/ResultDelegate.h"
#include "ui/ResultsModel.h"
#include "UiTestSupport.h"

#include <QAction>
#include <QFileInfo>
#include <QListView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace weft;
using namespace weft::ui;

class FavouritesTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void favouriteIsListedAfterReopening();
    void newCollectionFromAMatch();

private:
    std::unique_ptr<MainWindow> openWindow(bool addFolder);
    // Clicks the row of the collections panel that starts with `text`, as the user does.
    bool clickCollection(MainWindow& window, const QString& text);

    QTemporaryDir m_dir;
    QStringList m_patterns;
};

void FavouritesTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    m_patterns = uitest::writePatterns(m_dir.filePath(QStringLiteral("patterns")), 4, 120);
}

std::unique_ptr<MainWindow> FavouritesTest::openWindow(bool addFolder)
{
    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("library")));
    options.updateOnOpen = false;
    if (addFolder)
        options.foldersToAdd = {m_dir.filePath(QStringLiteral("patterns"))};
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("the window did not become active");
    return window;
}

bool FavouritesTest::clickCollection(MainWindow& window, const QString& text)
{
    auto* list = window.collectionsPanel()->findChild<QTreeWidget*>();
    for (int row = 0; list && row < list->topLevelItemCount(); ++row) {
        QTreeWidgetItem* item = list->topLevelItem(row);
        if (item->text(0).startsWith(text)) {
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
            return true;
        }
    }
    return false;
}

void FavouritesTest::favouriteIsListedAfterReopening()
{
    QString favourite;
    {
        std::unique_ptr<MainWindow> window = openWindow(true);
        QVERIFY(uitest::waitUntilIndexed(window->backend(), m_patterns.size(), 300000));
        QSignalSpy shown(window.get(), &MainWindow::resultsShown);
        window->searchFor({m_patterns[2], {}, QFileInfo(m_patterns[2]).fileName()});
        QVERIFY(shown.wait(60000));
        const QModelIndex first = window->resultsView()->currentIndex();
        QVERIFY(first.isValid());
        favourite = first.data(ResultsModel::PathRole).toString();
        QVERIFY(!first.data(ResultDelegate::FavouriteRole).toBool());

        window->resultsView()->setFocus();
        QTest::keyClick(window->resultsView(), Qt::Key_F);
        // The catalog is written on the library thread; the star follows its answer.
        QTRY_VERIFY_WITH_TIMEOUT(window->resultsView()->currentIndex().data(ResultDelegate::FavouriteRole).toBool(), 20000);
        QCOMPARE(window->collectionsPanel()->collections().value(0).size, 1);
        QCOMPARE(window->collectionActions()->favouriteAction()->text(), QStringLiteral("Remove from &favourites"));
    }

    std::unique_ptr<MainWindow> reopened = openWindow(false);
    QTRY_VERIFY_WITH_TIMEOUT(!reopened->collectionsPanel()->collections().isEmpty(), 60000);
    const ImageCollection favourites = reopened->collectionsPanel()->collections().front();
    QCOMPARE(favourites.id, Catalog::kFavourites);
    QCOMPARE(favourites.size, 1);

    QSignalSpy collectionShown(reopened.get(), &MainWindow::collectionShown);
    QVERIFY(clickCollection(*reopened, QStringLiteral("\u2605 Favourites")));
    QVERIFY(collectionShown.wait(20000));
    QCOMPARE(reopened->resultsModel()->listing(), ResultsModel::Listing::Collection);
    QCOMPARE(reopened->resultsModel()->rowCount(), 1);
    const QModelIndex shownFavourite = reopened->resultsModel()->index(0);
    QCOMPARE(shownFavourite.data(ResultsModel::PathRole).toString(), favourite);
    QVERIFY(shownFavourite.data(ResultDelegate::FavouriteRole).toBool());
}

void FavouritesTest::newCollectionFromAMatch()
{
    std::unique_ptr<MainWindow> window = openWindow(false);
    QTRY_VERIFY_WITH_TIMEOUT(!window->collectionsPanel()->collections().isEmpty(), 60000);
    QSignalSpy shown(window.get(), &MainWindow::resultsShown);
    window->searchFor({m_patterns[0], {}, QFileInfo(m_patterns[0]).fileName()});
    QVERIFY(shown.wait(60000));
    const qint64 imageId = window->resultsView()->currentIndex().data(ResultsModel::ImageIdRole).toLongLong();
    QVERIFY(imageId > 0);

    // What "Add to collection › New collection…" sends once the name is given.
    window->backend().editCollection({CollectionEdit::Kind::Create, 0, QStringLiteral("Spring prints"), imageId});
    QTRY_COMPARE_WITH_TIMEOUT(window->collectionsPanel()->collections().size(), 2, 20000);
    const ImageCollection spring = window->collectionsPanel()->collections().at(1);
    QCOMPARE(spring.name, QStringLiteral("Spring prints"));
    QCOMPARE(spring.size, 1);

    // A second collection of the same name is refused with a message, nothing else changes.
    window->backend().editCollection({CollectionEdit::Kind::Create, 0, QStringLiteral("spring PRINTS"), 0});
    QTRY_VERIFY_WITH_TIMEOUT(window->banner()->isVisible(), 20000);
    QCOMPARE(window->collectionsPanel()->collections().size(), 2);

    QSignalSpy collectionShown(window.get(), &MainWindow::collectionShown);
    QVERIFY(clickCollection(*window, QStringLiteral("Spring prints")));
    QVERIFY(collectionShown.wait(20000));
    QCOMPARE(window->resultsModel()->rowCount(), 1);
    QCOMPARE(window->resultsModel()->index(0).data(ResultsModel::ImageIdRole).toLongLong(), imageId);
}

QTEST_MAIN(FavouritesTest)
#include "tst_favourites.moc"
