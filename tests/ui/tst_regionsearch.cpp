// Searching with a part of a picture: a rectangle dragged over a match in the
// compare view (zoomed and panned) starts a search with exactly that part of the
// image, cut at full resolution; a tiny rectangle is refused and searches nothing;
// a quadrant of a library image, dragged out in the component inspector, finds
// that image first. With the real model on a small library.

#include "ui/CompareView.h"
#include "ui/ComponentInspector.h"
#include "ui/MainWindow.h"
#include "ui/RegionSearch.h"
#include "ui/ResultsModel.h"
#include "UiTestSupport.h"

#include <QGraphicsPixmapItem>
#include <QListView>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <functional>

using namespace weft;
using namespace weft::ui;

namespace {

// Larger than the compare view's images (ViewImage::kViewSide), so that a part cut
// from what the view shows would differ from the file's own pixels.
const QSize kQuadrantsSize(2400, 1800);

// Four quadrants of different colours, each with a fine texture that makes every
// position within a few pixels tell itself apart from its neighbours.
QImage quadrants()
{
    const QColor bases[4] = {QColor(150, 30, 30), QColor(30, 130, 30), QColor(30, 30, 150), QColor(150, 130, 30)};
    QImage image(kQuadrantsSize, QImage::Format_RGB888);
    for (int y = 0; y < image.height(); ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x) {
            const QColor& base = bases[(x >= image.width() / 2 ? 1 : 0) + (y >= image.height() / 2 ? 2 : 0)];
            line[3 * x] = uchar(base.red() + (x % 5) * 8);
            line[3 * x + 1] = uchar(base.green() + (y % 7) * 8);
            line[3 * x + 2] = uchar(base.blue() + ((x + 2 * y) % 11) * 4);
        }
    }
    return image;
}

// Whether `got` is the `expected` part of `source`, each of its edges within `slack` pixels.
bool isPartOf(const QImage& got, const QImage& source, const QRect& expected, int slack)
{
    for (int dy = -slack; dy <= slack; ++dy) {
        for (int dx = -slack; dx <= slack; ++dx) {
            const QRect part(expected.topLeft() + QPoint(dx, dy), got.size());
            if (std::abs(part.right() - expected.right()) <= slack && std::abs(part.bottom() - expected.bottom()) <= slack &&
                source.copy(part) == got)
                return true;
        }
    }
    return false;
}

// The pictures a CompareView shows: the swatch, then the match, which is beside it
// in a wide pane and below it in a tall one.
QList<QGraphicsPixmapItem*> pictures(CompareView* view)
{
    QList<QGraphicsPixmapItem*> found;
    for (QGraphicsItem* item : view->scene()->items())
        if (auto* picture = qgraphicsitem_cast<QGraphicsPixmapItem*>(item))
            found.append(picture);
    std::sort(found.begin(), found.end(), [](auto* a, auto* b) {
        const QRectF first = a->sceneBoundingRect();
        const QRectF second = b->sceneBoundingRect();
        return first.right() <= second.left() || first.bottom() <= second.top();
    });
    return found;
}

// Where a point of a picture, in the full-resolution image's pixels, is on the view's viewport.
QPoint onViewport(CompareView* view, QGraphicsPixmapItem* picture, QSize fullSize, QPointF pixel)
{
    const double toPixmap = picture->pixmap().width() / double(fullSize.width());
    return view->viewportTransform().map(picture->mapToScene(pixel * toPixmap)).toPoint();
}

// How many screen pixels one pixel of the full-resolution image takes.
double screenPixelsPerImagePixel(CompareView* view, QGraphicsPixmapItem* picture, QSize fullSize)
{
    return view->transform().m11() * picture->scale() * picture->pixmap().width() / fullSize.width();
}

QImage statusBarPicture(MainWindow* window)
{
    return window->statusBar()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

int differingPixels(const QImage& a, const QImage& b)
{
    if (a.size() != b.size())
        return a.width() * a.height();
    int count = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            count += a.pixel(x, y) != b.pixel(x, y);
    return count;
}

void drag(CompareView* view, QPoint from, QPoint to, Qt::KeyboardModifiers modifiers)
{
    QWidget* viewport = view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, modifiers, from);
    QTest::mouseMove(viewport, (from + to) / 2);
    QTest::mouseMove(viewport, to);
    QTest::mouseRelease(viewport, Qt::LeftButton, modifiers, to);
}

}  // namespace

class RegionSearchTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void tinyRegionIsRefused();
    void regionOfAMatchIsSearchedAtFullResolution();
    void quadrantOfALibraryImageFindsIt();
    void cleanupTestCase();

private:
    // Searches with `source` and waits for its last answer (after the second look).
    SearchResult searchAndWait(const std::function<void()>& start, const QString& queryName);
    // Shows the quadrants image beside a swatch, zoomed in on `region` (full-resolution pixels).
    QGraphicsPixmapItem* compareQuadrantsZoomedOn(const QRect& region);

    QTemporaryDir m_dir;
    QStringList m_patterns;
    QString m_quadrants;
    std::unique_ptr<MainWindow> m_window;
};

void RegionSearchTest::initTestCase()
{
    WEFT_REQUIRE_MODEL();
    uitest::isolateSettings(m_dir.filePath(QStringLiteral("settings")));
    const QString folder = m_dir.filePath(QStringLiteral("patterns"));
    m_patterns = uitest::writePatterns(folder, 4, 240);
    QVERIFY(quadrants().save(QDir(folder).filePath(QStringLiteral("quadrants.png"))));
    m_quadrants = QFileInfo(QDir(folder).filePath(QStringLiteral("quadrants.png"))).canonicalFilePath();

    MainWindow::Options options;
    options.library = uitest::libraryOptions(m_dir.filePath(QStringLiteral("library")));
    options.foldersToAdd = {folder};
    m_window = std::make_unique<MainWindow>(options);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(uitest::waitUntilIndexed(m_window->backend(), m_patterns.size() + 1, 300000));
}

void RegionSearchTest::cleanupTestCase()
{
    m_window.reset();
}

SearchResult RegionSearchTest::searchAndWait(const std::function<void()>& start, const QString& queryName)
{
    QSignalSpy answers(&m_window->backend(), &LibraryBackend::searchFinished);
    start();
    const auto last = [&] {
        for (const QList<QVariant>& answer : answers) {
            const auto result = answer.front().value<SearchResult>();
            if (result.queryName == queryName && !result.refinementFollows)
                return result;
        }
        return SearchResult();
    };
    if (!QTest::qWaitFor([&] { return last().requestId != 0; }, 60000))
        qWarning("no search for %s answered", qPrintable(queryName));
    QCoreApplication::processEvents();   // the window takes the answer in
    return last();
}

QGraphicsPixmapItem* RegionSearchTest::compareQuadrantsZoomedOn(const QRect& region)
{
    CompareView* view = m_window->compareView();
    searchAndWait([&] { m_window->searchFor({m_patterns[0], {}, QFileInfo(m_patterns[0]).fileName()}); }, QFileInfo(m_patterns[0]).fileName());
    ResultsModel* results = m_window->resultsModel();
    for (int row = 0; row < results->rowCount(); ++row)
        if (results->index(row).data(ResultsModel::PathRole).toString() == m_quadrants)
            m_window->resultsView()->setCurrentIndex(results->index(row));
    const auto shown = [&] { return pictures(view).size() == 2 && pictures(view).back()->pixmap().width() == ViewImage::kViewSide; };
    if (!QTest::qWaitFor(shown, 30000))
        return nullptr;
    QGraphicsPixmapItem* picture = pictures(view).back();
    // Zoomed in (one pixel of the file a little more than one of the screen) and panned.
    while (screenPixelsPerImagePixel(view, picture, kQuadrantsSize) < 1.2)
        view->zoomIn();
    const double toPixmap = picture->pixmap().width() / double(kQuadrantsSize.width());
    view->centerOn(picture->mapToScene(QRectF(region).center() * toPixmap));
    return picture;
}

void RegionSearchTest::tinyRegionIsRefused()
{
    const QRect region(1500, 300, 200, 160);
    QGraphicsPixmapItem* picture = compareQuadrantsZoomedOn(region);
    QVERIFY2(picture, "the quadrants image did not come beside the swatch");
    CompareView* view = m_window->compareView();

    const QImage statusBefore = statusBarPicture(m_window.get());
    QSignalSpy refused(m_window->regionSearch(), &RegionSearch::refused);
    QSignalSpy ready(m_window->regionSearch(), &RegionSearch::ready);
    QSignalSpy searches(&m_window->backend(), &LibraryBackend::searchFinished);
    const QPoint from = onViewport(view, picture, kQuadrantsSize, region.topLeft());
    drag(view, from, from + QPoint(20, 20), Qt::ShiftModifier);   // about 15 pixels of the file
    QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 20000);
    QCoreApplication::processEvents();
    QCOMPARE(m_window->statusBar()->currentMessage(), refused.front().front().toString());
    QVERIFY(!refused.front().front().toString().isEmpty());
    // and it is there to read: the indexing summary beside it leaves it room
    const int changed = differingPixels(statusBarPicture(m_window.get()), statusBefore);
    QVERIFY2(changed > 200, qPrintable(QStringLiteral("the message's letters change %1 pixels of the status bar").arg(changed)));
    QVERIFY(ready.isEmpty());
    QVERIFY(searches.isEmpty());
    QVERIFY2(view->hasRight(), "a search started: it clears the compare view");
}

void RegionSearchTest::regionOfAMatchIsSearchedAtFullResolution()
{
    const QRect region(1500, 300, 200, 160);   // in the top right quadrant
    QGraphicsPixmapItem* picture = compareQuadrantsZoomedOn(region);
    QVERIFY2(picture, "the quadrants image did not come beside the swatch");
    CompareView* view = m_window->compareView();
    QVERIFY(!view->transform().isIdentity());
    QVERIFY(view->horizontalScrollBar()->value() > 0 && view->verticalScrollBar()->value() > 0);   // panned
    const QPoint from = onViewport(view, picture, kQuadrantsSize, region.topLeft());
    const QPoint to = onViewport(view, picture, kQuadrantsSize, region.topLeft() + QPointF(region.width(), region.height()));
    QVERIFY2(view->viewport()->rect().contains(from) && view->viewport()->rect().contains(to), "the region is not on screen");

    const SearchResult result = searchAndWait([&] { drag(view, from, to, Qt::ShiftModifier); }, QStringLiteral("region of quadrants.png"));
    QVERIFY2(result.requestId != 0, "no search with the region answered");
    const QImage source = quadrants();
    QVERIFY2(isPartOf(result.queryImage, source, region, 2),
             qPrintable(QStringLiteral("the search got %1×%2 pixels, not the file's %3×%4 at %5,%6")
                            .arg(result.queryImage.width())
                            .arg(result.queryImage.height())
                            .arg(region.width())
                            .arg(region.height())
                            .arg(region.x())
                            .arg(region.y())));
    QCOMPARE(m_window->lastSearchError(), QString());
}

void RegionSearchTest::quadrantOfALibraryImageFindsIt()
{
    const QString wanted = m_patterns[2];
    ComponentInspector* inspector = m_window->inspector();
    m_window->inspectImage(wanted);
    CompareView* view = inspector->view();
    QTRY_VERIFY_WITH_TIMEOUT(inspector->currentPath() == wanted && pictures(view).size() == 1 && inspector->isVisible(), 30000);
    QGraphicsPixmapItem* picture = pictures(view).front();
    const QSize size = QImage(wanted).size();
    const QRect quadrant(0, 0, size.width() / 2, size.height() / 2);
    const QPoint from = onViewport(view, picture, size, quadrant.topLeft());
    const QPoint to = onViewport(view, picture, size, quadrant.topLeft() + QPointF(quadrant.width(), quadrant.height()));

    // The button arms the view: the drag needs no Shift then.
    QToolButton* arm = nullptr;
    for (QToolButton* button : inspector->findChildren<QToolButton*>())
        if (button->isCheckable() && button->text() == QStringLiteral("Search a region"))
            arm = button;
    QVERIFY(arm);
    QTest::mouseClick(arm, Qt::LeftButton);
    QVERIFY(arm->isChecked());
    const QString name = QStringLiteral("region of ") + QFileInfo(wanted).fileName();
    const SearchResult result = searchAndWait([&] { drag(view, from, to, Qt::NoModifier); }, name);
    QVERIFY2(result.requestId != 0, "no search with the quadrant answered");
    QVERIFY(!arm->isChecked());
    QVERIFY(isPartOf(result.queryImage, QImage(wanted).convertToFormat(QImage::Format_RGB888), quadrant, 2));
    QVERIFY(!result.matches.isEmpty());
    QCOMPARE(result.matches.front().path, wanted);
    QCOMPARE(m_window->resultsModel()->index(0).data(ResultsModel::PathRole).toString(), wanted);
}

QTEST_MAIN(RegionSearchTest)
#include "tst_regionsearch.moc"
