#pragma once

#include "core/components/Component.h"
#include "ui/BackendTypes.h"

#include <QGraphicsView>
#include <QImage>
#include <QList>
#include <QPolygonF>

class QGraphicsPixmapItem;
class QGraphicsPolygonItem;
class QGraphicsSimpleTextItem;

namespace weft {
namespace ui {

class ComponentOverlayItem;
class MotifLegendItem;
class RegionSelector;

// One picture shown in a CompareView, with the components found in it.
struct OverlayPicture {
    QImage image;
    QSize originalSize;              // components are in these coordinates
    QList<Component> components;     // as found: the view shows their ShownMotifs
    QString caption;
    QPolygonF swatchOutline;         // where the swatch sits in this picture, in originalSize coordinates

    // A picture as loaded for viewing, with the components found in it.
    static OverlayPicture of(const ViewImage& view, const QString& caption)
    {
        OverlayPicture picture;
        picture.image = view.image;
        picture.originalSize = view.originalSize;
        picture.components = view.components;
        picture.caption = caption;
        return picture;
    }
};

// Query and match side by side at the same height, or one above the other at
// the same width when that shows them larger (or one image, for the inspector),
// with their motifs as outlines and semi-transparent masks and a legend naming
// them in each picture's corner, and on the match
// the outline of where the swatch sits in it. Both sides zoom and pan together:
// zoom with the wheel or zoomIn()/zoomOut(), pan by dragging. Shift-drag (or a
// drag after arming regionSelector()) picks a part of a picture to search with.
class CompareView : public QGraphicsView {
    Q_OBJECT
public:
    enum class PictureSide { Left, Right };
    Q_ENUM(PictureSide)

    explicit CompareView(QWidget* parent = nullptr);

    RegionSelector* regionSelector() const { return m_regionSelector; }

    void setLeft(const OverlayPicture& picture);
    void setRight(const OverlayPicture& picture);
    void clearLeft();
    void clearRight();
    bool hasLeft() const { return m_left.picture; }
    bool hasRight() const { return m_right.picture; }
    // The outline of where the swatch sits in the match, in scene coordinates; empty when none is drawn.
    QPolygonF swatchOutlineInScene() const;

    bool overlaysVisible() const { return m_overlaysVisible; }
    // Motifs are shown on either side (the detector's instances that are not motifs do not count).
    bool hasComponents() const;
    // The "nothing found" note is on show (overlays on, no motifs on either side).
    bool showsNoComponentsNote() const;
    // The lines of a picture's motif legend as on screen; empty when it is hidden.
    QStringList legendLines(PictureSide side) const;

public slots:
    void setOverlaysVisible(bool visible);
    void zoomIn();
    void zoomOut();
    void fitToWindow();

signals:
    void zoomChanged(double factor);
    // The user dragged a rectangle over a picture: `part` is the piece of it under
    // the rectangle, in fractions of its width and height (so it applies to the
    // image at any resolution); empty when the rectangle missed the pictures.
    void regionSelected(weft::ui::CompareView::PictureSide side, const QRectF& part);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Side {
        QGraphicsPixmapItem* picture = nullptr;
        ComponentOverlayItem* overlay = nullptr;
        MotifLegendItem* legend = nullptr;               // a child of picture, like overlay
        QGraphicsPolygonItem* swatchOutline = nullptr;   // a child of picture, like overlay
        QGraphicsSimpleTextItem* caption = nullptr;
        int componentCount = 0;
    };
    void setSide(Side& side, const OverlayPicture& picture);
    void clearSide(Side& side);
    void showOverlays(Side& side);
    void layOut();
    bool picturesFitBetterStacked() const;
    void scaleBy(double factor);
    void selectRegion(const QRectF& sceneRect);

    Side m_left;
    Side m_right;
    QGraphicsSimpleTextItem* m_noComponentsNote = nullptr;
    bool m_overlaysVisible = true;
    bool m_fitted = true;   // follow the window size until the user zooms
    RegionSelector* m_regionSelector;
    bool m_stacked = false;  // the match below the swatch rather than beside it
};

}  // namespace ui
}  // namespace weft
