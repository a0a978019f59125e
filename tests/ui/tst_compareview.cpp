// The compare view's overlays: rendering the scene with components on and off
// gives different pixels exactly where the components are; masks are respected;
// with no components the view says so.

#include "ui/CompareView.h"
#include "ui/ComponentOverlayItem.h"

#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QPainter>
#include <QTest>

using namespace weft;
using namespace weft::ui;

namespace {

const QColor kGrey(128, 128, 128);

QImage greyImage(QSize size)
{
    QImage image(size, QImage::Format_RGB888);
    image.fill(kGrey);
    return image;
}

OverlayPicture picture(const QImage& image, QSize originalSize, const QList<Component>& components, const QString& caption,
                       const QPolygonF& swatchOutline = {})
{
    OverlayPicture picture;
    picture.image = image;
    picture.originalSize = originalSize;
    picture.components = components;
    picture.caption = caption;
    picture.swatchOutline = swatchOutline;
    return picture;
}

// The scene as drawn, 1 scene unit = 1 output pixel over the pictures' area.
QImage render(CompareView& view)
{
    QGraphicsScene* scene = view.scene();
    const QRectF area = scene->sceneRect();
    QImage out(area.size().toSize(), QImage::Format_RGB32);
    out.fill(Qt::black);
    QPainter painter(&out);
    scene->render(&painter, QRectF(QPointF(0, 0), area.size()), area);
    painter.end();
    return out;
}

// Where a point of the left picture (in its original pixel coordinates) lands in render().
QPoint onLeft(CompareView& view, QSizeF original, QPointF point)
{
    const QRectF area = view.scene()->sceneRect();
    const double scale = 1000.0 / original.height();   // pictures are drawn 1000 units tall
    return (QPointF(point.x() * scale, point.y() * scale) - area.topLeft()).toPoint();
}

Component boxComponent(QRect box, int group)
{
    Component component;
    component.box = box;
    component.group = group;
    component.label = QStringLiteral("motif");
    component.score = 0.9f;
    return component;
}

Component discComponent(QRect box, int group)
{
    Component component = boxComponent(box, group);
    component.mask = QImage(box.size(), QImage::Format_Grayscale8);
    component.mask.fill(0);
    QPainter painter(&component.mask);
    painter.setBrush(Qt::white);
    painter.setPen(Qt::NoPen);
    painter.drawEllipse(QRect(QPoint(0, 0), box.size()));
    return component;
}

int differingPixels(const QImage& a, const QImage& b)
{
    int count = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x)
            count += a.pixel(x, y) != b.pixel(x, y);
    return count;
}

}  // namespace

class CompareViewTest : public QObject {
    Q_OBJECT
private slots:
    void overlayToggleChangesPixels();
    void maskLimitsTheFill();
    void componentsFollowTheDecodedScale();
    void noComponentsNote();
    void groupsHaveDistinctColours();
    void legendNamesTheMotifs();
    void outlineOfWhereTheSwatchSits();
    void picturesFillThePane_data();
    void picturesFillThePane();
};

// Issue 12: the match shows where the swatch sits in it, in the file's pixels
// while the picture was decoded at half size.
void CompareViewTest::outlineOfWhereTheSwatchSits()
{
    CompareView view;
    const QSize original(400, 200);
    view.setLeft(picture(greyImage({100, 100}), {100, 100}, {}, QStringLiteral("swatch")));
    view.setRight(picture(greyImage({200, 100}), original, {}, QStringLiteral("match")));
    QVERIFY(view.swatchOutlineInScene().isEmpty());
    const QImage without = render(view);

    const QPolygonF whereSwatchSits(QRectF(100, 50, 200, 100));
    view.setRight(picture(greyImage({200, 100}), original, {}, QStringLiteral("match"), whereSwatchSits));
    const QPolygonF inScene = view.swatchOutlineInScene();
    constexpr double kScenePerFilePixel = 1000.0 / 200;   // pictures are drawn 1000 units tall
    constexpr double kRightPictureX = 1000 + 40;          // after the square left picture and the gap
    QCOMPARE(inScene.boundingRect(), QRectF(kRightPictureX + 100 * kScenePerFilePixel, 50 * kScenePerFilePixel,
                                            200 * kScenePerFilePixel, 100 * kScenePerFilePixel));
    const QImage with = render(view);
    const QPoint onTopEdge = (QPointF(kRightPictureX + 200 * kScenePerFilePixel, 50 * kScenePerFilePixel) - view.scene()->sceneRect().topLeft()).toPoint();
    QCOMPARE(without.pixelColor(onTopEdge), kGrey);
    QVERIFY2(with.pixelColor(onTopEdge) != kGrey, "the outline is not drawn");
}

void CompareViewTest::overlayToggleChangesPixels()
{
    CompareView view;
    view.resize(1600, 400);   // wide: the pictures side by side, each 1000 units tall
    const QSize size(200, 100);
    view.setLeft(picture(greyImage(size), size, {boxComponent({20, 20, 40, 30}, 0)}, QStringLiteral("swatch")));
    view.setRight(picture(greyImage(size), size, {}, QStringLiteral("match")));
    QVERIFY(view.hasComponents());
    QVERIFY(!view.showsNoComponentsNote());

    const QImage on = render(view);
    view.setOverlaysVisible(false);
    const QImage off = render(view);
    QCOMPARE(on.size(), off.size());

    const QPoint inside = onLeft(view, size, {40, 35});
    const QPoint outside = onLeft(view, size, {150, 80});
    QCOMPARE(off.pixelColor(inside), kGrey);
    QVERIFY2(on.pixelColor(inside) != kGrey, "the component's mask is not drawn");
    QCOMPARE(on.pixelColor(outside), off.pixelColor(outside));
    // The tinted area is about the component's box (40×30 px at 10× scale), no more.
    const int changed = differingPixels(on, off);
    QVERIFY2(changed > 40 * 30 * 100 * 8 / 10 && changed < 40 * 30 * 100 * 13 / 10, qPrintable(QString::number(changed)));

    view.setOverlaysVisible(true);
    QCOMPARE(render(view), on);
}

void CompareViewTest::maskLimitsTheFill()
{
    CompareView view;
    const QSize size(400, 200);   // the disc covers 8 % of it: larger ones are not shown as motifs
    view.setLeft(picture(greyImage(size), size, {discComponent({50, 10, 80, 80}, 1)}, QStringLiteral("swatch")));
    const QImage on = render(view);
    view.setOverlaysVisible(false);
    const QImage off = render(view);
    const QPoint centre = onLeft(view, size, {90, 50});
    const QPoint boxCorner = onLeft(view, size, {53, 13});   // inside the box, outside the disc
    QVERIFY(on.pixelColor(centre) != off.pixelColor(centre));
    QCOMPARE(on.pixelColor(boxCorner), off.pixelColor(boxCorner));
}

void CompareViewTest::componentsFollowTheDecodedScale()
{
    // The picture was decoded at half size; components are in the file's pixels.
    CompareView view;
    const QSize original(400, 200);
    view.setLeft(picture(greyImage({200, 100}), original, {boxComponent({200, 100, 100, 60}, 2)}, QStringLiteral("swatch")));
    const QImage on = render(view);
    view.setOverlaysVisible(false);
    const QImage off = render(view);
    const QPoint inside = onLeft(view, original, {250, 130});
    const QPoint left = onLeft(view, original, {150, 130});
    QVERIFY(on.pixelColor(inside) != off.pixelColor(inside));
    QCOMPARE(on.pixelColor(left), off.pixelColor(left));
}

void CompareViewTest::noComponentsNote()
{
    CompareView view;
    QVERIFY(!view.showsNoComponentsNote());   // nothing shown yet
    view.setLeft(picture(greyImage({100, 100}), {100, 100}, {}, QStringLiteral("swatch")));
    view.setRight(picture(greyImage({100, 100}), {100, 100}, {}, QStringLiteral("match")));
    QVERIFY(view.showsNoComponentsNote());
    view.setOverlaysVisible(false);
    QVERIFY(!view.showsNoComponentsNote());
}

void CompareViewTest::groupsHaveDistinctColours()
{
    for (int a = 0; a < 8; ++a)
        for (int b = a + 1; b < 8; ++b)
            QVERIFY(ComponentOverlayItem::groupColour(a) != ComponentOverlayItem::groupColour(b));
}

// How many pixels of `image` inside `area` are exactly `colour`.
int pixelsOf(const QImage& image, const QRect& area, const QColor& colour)
{
    int count = 0;
    const QRect inside = area & image.rect();
    for (int y = inside.top(); y <= inside.bottom(); ++y)
        for (int x = inside.left(); x <= inside.right(); ++x)
            count += image.pixel(x, y) == colour.rgb();   // RGB only: the group colours are made in HSV
    return count;
}

// Issue 12, feature 10: a picture with two repeated motifs has a legend in its corner
// naming them in the overlay's colours, in a designer's words rather than the
// detector's labels; it goes with the overlays.
void CompareViewTest::legendNamesTheMotifs()
{
    CompareView view;
    view.setFrameShape(QFrame::NoFrame);
    view.resize(900, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QSize size(400, 200);
    // The motifs in the right half, away from the legend in the top-left corner.
    Component person = discComponent({300, 120, 20, 20}, 1);
    person.label = QStringLiteral("person");
    view.setLeft(picture(greyImage(size), size,
                  {discComponent({220, 40, 20, 20}, 0), discComponent({260, 40, 20, 20}, 0), discComponent({300, 40, 20, 20}, 0),
                   discComponent({260, 120, 20, 20}, 1), person},
                  QStringLiteral("swatch")));
    view.setRight(picture(greyImage(size), size, {discComponent({300, 120, 20, 20}, 4), discComponent({340, 120, 20, 20}, 4)}, QStringLiteral("match")));
    QCOMPARE(view.legendLines(CompareView::PictureSide::Left),
             QStringList({QStringLiteral("Motif A — repeat of 3"), QStringLiteral("Motif B — repeat of 2")}));
    QCOMPARE(view.legendLines(CompareView::PictureSide::Right), QStringList({QStringLiteral("Motif A — repeat of 2")}));

    // On screen, in the left picture's top-left corner: a square of each motif's colour.
    QGraphicsPixmapItem* left = nullptr;
    for (QGraphicsItem* item : view.scene()->items())
        if (auto* picture = dynamic_cast<QGraphicsPixmapItem*>(item); picture && (!left || picture->scenePos().x() < left->scenePos().x()))
            left = picture;
    QVERIFY(left);
    const QPoint corner = view.mapFromScene(left->scenePos());
    const QRect legendArea(corner, QSize(220, 80));
    const QImage on = view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY2(pixelsOf(on, legendArea, ComponentOverlayItem::groupColour(0)) > 20, "no square of Motif A's colour in the legend");
    QVERIFY2(pixelsOf(on, legendArea, ComponentOverlayItem::groupColour(1)) > 20, "no square of Motif B's colour in the legend");

    view.setOverlaysVisible(false);
    QVERIFY(view.legendLines(CompareView::PictureSide::Left).isEmpty());
    QVERIFY(view.legendLines(CompareView::PictureSide::Right).isEmpty());
    const QImage off = view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
    // The corner is the bare picture again.
    const QRect checked = legendArea & view.mapFromScene(left->sceneBoundingRect()).boundingRect().adjusted(1, 1, -1, -1);
    QVERIFY(checked.width() > 100 && checked.height() > 40);
    QCOMPARE(pixelsOf(off, checked, kGrey), checked.width() * checked.height());
}

void CompareViewTest::picturesFillThePane_data()
{
    QTest::addColumn<QSize>("pane");
    QTest::newRow("wide") << QSize(800, 400);
    QTest::newRow("tall") << QSize(400, 800);
}

// A square swatch and a square match: whatever the pane's shape, the two
// pictures cover most of it rather than a band across its middle.
void CompareViewTest::picturesFillThePane()
{
    QFETCH(QSize, pane);
    CompareView view;
    view.setFrameShape(QFrame::NoFrame);
    view.resize(pane);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setLeft(picture(greyImage({300, 300}), {300, 300}, {}, QStringLiteral("swatch")));
    view.setRight(picture(greyImage({300, 300}), {300, 300}, {}, QStringLiteral("match")));
    const QImage shown = view.viewport()->grab().toImage();
    int picture = 0;
    for (int y = 0; y < shown.height(); ++y)
        for (int x = 0; x < shown.width(); ++x)
            picture += shown.pixelColor(x, y) == kGrey;
    const double covered = double(picture) / (shown.width() * shown.height());
    QVERIFY2(covered > 0.5, qPrintable(QStringLiteral("the pictures cover %1% of the pane").arg(qRound(covered * 100))));
}

QTEST_MAIN(CompareViewTest)
#include "tst_compareview.moc"
