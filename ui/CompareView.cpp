#include "ui/CompareView.h"

#include "ui/ComponentOverlayItem.h"
#include "ui/MotifLegendItem.h"
#include "ui/RegionSelector.h"

#include "core/components/ShownMotifs.h"

#include <QGraphicsPixmapItem>
#include <QGraphicsPolygonItem>
#include <QPen>
#include <QGraphicsSimpleTextItem>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace weft {
namespace ui {

namespace {
// Scene units: side by side both pictures are drawn this tall, one above the other this wide.
constexpr double kPictureSide = 1000;
constexpr double kGap = 40;          // between the pictures
constexpr double kCaptionGap = 8;    // between a caption and its picture
const QColor kSwatchOutlineColour(255, 214, 0);   // apart from the components' hues
}

CompareView::CompareView(QWidget* parent) : QGraphicsView(parent), m_regionSelector(new RegionSelector(this))
{
    connect(m_regionSelector, &RegionSelector::selected, this, &CompareView::selectRegion);
    setScene(new QGraphicsScene(this));
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
    setAcceptDrops(false);   // a drop goes on to the window, which starts a search
    setBackgroundBrush(QColor(0x30, 0x30, 0x33));
    m_noComponentsNote = scene()->addSimpleText(QString());
    m_noComponentsNote->setBrush(Qt::white);
    QFont font = m_noComponentsNote->font();
    font.setPixelSize(int(kPictureSide * 0.06));
    m_noComponentsNote->setFont(font);
    m_noComponentsNote->setZValue(10);
    m_noComponentsNote->hide();
}

void CompareView::setLeft(const OverlayPicture& picture) { setSide(m_left, picture); }
void CompareView::setRight(const OverlayPicture& picture) { setSide(m_right, picture); }
void CompareView::clearLeft() { clearSide(m_left); layOut(); }
void CompareView::clearRight() { clearSide(m_right); layOut(); }

void CompareView::clearSide(Side& side)
{
    delete side.picture;   // the overlay is its child
    delete side.caption;
    side = {};
}

void CompareView::setSide(Side& side, const OverlayPicture& picture)
{
    clearSide(side);
    if (picture.image.isNull()) {
        layOut();
        return;
    }
    side.picture = scene()->addPixmap(QPixmap::fromImage(picture.image));
    side.picture->setTransformationMode(Qt::SmoothTransformation);
    const QSize original = picture.originalSize.isValid() ? picture.originalSize : picture.image.size();
    const ShownMotifs motifs(picture.components, original);
    side.overlay = new ComponentOverlayItem(motifs.instances(), side.picture);
    // Components are in stored-file pixels; the picture may have been decoded smaller.
    side.overlay->setTransform(QTransform::fromScale(double(picture.image.width()) / original.width(),
                                                     double(picture.image.height()) / original.height()));
    if (!picture.swatchOutline.isEmpty()) {
        side.swatchOutline = new QGraphicsPolygonItem(picture.swatchOutline, side.picture);
        side.swatchOutline->setTransform(side.overlay->transform());
        QPen pen(kSwatchOutlineColour, 3);
        pen.setCosmetic(true);   // as thick at any zoom
        side.swatchOutline->setPen(pen);
        side.swatchOutline->setToolTip(tr("Where the swatch sits in this pattern"));
    }
    side.legend = new MotifLegendItem(motifs, side.picture);   // at the picture's top-left corner
    side.legend->setZValue(1);   // above the swatch's outline
    showOverlays(side);
    side.componentCount = motifs.instanceCount();
    side.caption = scene()->addSimpleText(picture.caption);
    side.caption->setBrush(Qt::white);
    QFont font = side.caption->font();
    font.setPixelSize(int(kPictureSide * 0.05));   // scene units: scales with the pictures
    side.caption->setFont(font);
    layOut();
}

// Side by side in a wide pane, one above the other in a tall one: whichever
// shows the pictures larger once fitted.
bool CompareView::picturesFitBetterStacked() const
{
    if (!m_left.picture || !m_right.picture)
        return false;
    const QSizeF left = m_left.picture->boundingRect().size(), right = m_right.picture->boundingRect().size();
    const double captionHeight = m_left.caption->boundingRect().height() + kCaptionGap;
    const double wide = left.width() / left.height() + right.width() / right.height();   // in picture sides
    const double tall = left.height() / left.width() + right.height() / right.width();
    const QSizeF room = maximumViewportSize();
    const auto fittedScale = [&](QSizeF content) { return std::min(room.width() / content.width(), room.height() / content.height()); };
    const double sideBySide = fittedScale({kPictureSide * wide + kGap, captionHeight + kPictureSide});
    const double stacked = fittedScale({kPictureSide, 2 * captionHeight + kPictureSide * tall + kGap});
    // The pictures' area on screen: scale² × their area in the scene.
    return stacked * stacked * tall > sideBySide * sideBySide * wide;
}

void CompareView::layOut()
{
    if (m_fitted)   // once the user zooms, the pictures stay where they are
        m_stacked = picturesFitBetterStacked();
    QPointF at(0, 0);   // where the next picture goes; its caption is above it
    for (Side* side : {&m_left, &m_right}) {
        if (!side->picture)
            continue;
        const QSizeF size = side->picture->boundingRect().size();
        side->picture->setScale(kPictureSide / (m_stacked ? size.width() : size.height()));
        const double captionHeight = side->caption->boundingRect().height() + kCaptionGap;
        side->picture->setPos(at);
        side->caption->setPos(at - QPointF(0, captionHeight));
        if (m_stacked)
            at.ry() += side->picture->sceneBoundingRect().height() + kGap + captionHeight;
        else
            at.rx() += side->picture->sceneBoundingRect().width() + kGap;
    }
    const bool anyPicture = m_left.picture || m_right.picture;
    m_noComponentsNote->setText(tr("No motifs were found in these images."));
    m_noComponentsNote->setVisible(anyPicture && m_overlaysVisible && !hasComponents());
    QRectF bounds;
    for (Side* side : {&m_left, &m_right})
        if (side->picture)
            bounds |= side->picture->sceneBoundingRect() | side->caption->sceneBoundingRect();
    m_noComponentsNote->setPos(0, bounds.bottom() + 16);
    if (m_noComponentsNote->isVisible())
        bounds |= m_noComponentsNote->sceneBoundingRect();
    scene()->setSceneRect(bounds.adjusted(-20, -20, 20, 20));
    if (m_fitted)
        fitToWindow();
}

QPolygonF CompareView::swatchOutlineInScene() const
{
    return m_right.swatchOutline ? m_right.swatchOutline->mapToScene(m_right.swatchOutline->polygon()) : QPolygonF();
}

bool CompareView::hasComponents() const
{
    return m_left.componentCount + m_right.componentCount > 0;
}

bool CompareView::showsNoComponentsNote() const
{
    return m_noComponentsNote->isVisible();
}

QStringList CompareView::legendLines(PictureSide side) const
{
    const MotifLegendItem* legend = (side == PictureSide::Left ? m_left : m_right).legend;
    return legend && legend->isVisible() ? legend->lines() : QStringList();
}

void CompareView::setOverlaysVisible(bool visible)
{
    m_overlaysVisible = visible;
    for (Side* side : {&m_left, &m_right})
        if (side->picture)
            showOverlays(*side);
    layOut();
}

void CompareView::showOverlays(Side& side)
{
    side.overlay->setVisible(m_overlaysVisible);
    side.legend->setVisible(m_overlaysVisible && !side.legend->lines().isEmpty());   // no empty box
}

void CompareView::zoomIn() { scaleBy(1.25); }
void CompareView::zoomOut() { scaleBy(1 / 1.25); }

void CompareView::fitToWindow()
{
    m_fitted = true;
    fitInView(sceneRect(), Qt::KeepAspectRatio);
    emit zoomChanged(transform().m11());
}

void CompareView::scaleBy(double factor)
{
    m_fitted = false;
    scale(factor, factor);
    emit zoomChanged(transform().m11());
}

// The picture most of the rectangle lies on, and the part of it under the rectangle.
void CompareView::selectRegion(const QRectF& sceneRect)
{
    struct Candidate {
        PictureSide side;
        QRectF part;
        double area;
    };
    QList<Candidate> candidates;
    for (auto [side, picture] : {std::pair{PictureSide::Left, m_left.picture}, std::pair{PictureSide::Right, m_right.picture}}) {
        if (!picture)
            continue;
        const QRectF pixels(QPointF(0, 0), picture->pixmap().deviceIndependentSize());
        const QRectF covered = picture->mapRectFromScene(sceneRect) & pixels;
        const QRectF part = covered.isEmpty() ? QRectF()
                                              : QRectF(covered.x() / pixels.width(), covered.y() / pixels.height(),
                                                       covered.width() / pixels.width(), covered.height() / pixels.height());
        const QRectF onScene = sceneRect & picture->sceneBoundingRect();
        candidates.append({side, part, onScene.width() * onScene.height()});
    }
    if (candidates.isEmpty())
        return;
    const Candidate& best = *std::max_element(candidates.begin(), candidates.end(),
                                              [](const Candidate& a, const Candidate& b) { return a.area < b.area; });
    emit regionSelected(best.side, best.part);
}

void CompareView::wheelEvent(QWheelEvent* event)
{
    const int steps = event->angleDelta().y() / 120;
    if (steps == 0) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    scaleBy(std::pow(1.25, steps));
    event->accept();
}

void CompareView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        layOut();   // the pane's new shape may suit the other arrangement
}

}  // namespace ui
}  // namespace weft
