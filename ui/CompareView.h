#pragma once

#include "core/components/Component.h"

#include <QGraphicsView>
#include <QImage>
#include <QList>

class QGraphicsPixmapItem;
class QGraphicsSimpleTextItem;

namespace weft {
namespace ui {

class ComponentOverlayItem;

// One picture shown in a CompareView, with the components found in it.
struct OverlayPicture {
    QImage image;
    QSize originalSize;              // components are in these coordinates
    QList<Component> components;
    QString caption;
};

// Query and match side by side at the same height, or one above the other at
// the same width when that shows them larger (or one image, for the inspector),
// with their components as outlines and semi-transparent masks. Zoom with the wheel or
// zoomIn()/zoomOut(), pan by dragging.
class CompareView : public QGraphicsView {
    Q_OBJECT
public:
    explicit CompareView(QWidget* parent = nullptr);

    void setLeft(const OverlayPicture& picture);
    void setRight(const OverlayPicture& picture);
    void clearLeft();
    void clearRight();
    bool hasLeft() const { return m_left.picture; }
    bool hasRight() const { return m_right.picture; }

    bool overlaysVisible() const { return m_overlaysVisible; }
    bool hasComponents() const;
    // The "nothing found" note is on show (overlays on, no components on either side).
    bool showsNoComponentsNote() const;

public slots:
    void setOverlaysVisible(bool visible);
    void zoomIn();
    void zoomOut();
    void fitToWindow();

signals:
    void zoomChanged(double factor);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    struct Side {
        QGraphicsPixmapItem* picture = nullptr;
        ComponentOverlayItem* overlay = nullptr;
        QGraphicsSimpleTextItem* caption = nullptr;
        int componentCount = 0;
    };
    void setSide(Side& side, const OverlayPicture& picture);
    void clearSide(Side& side);
    void layOut();
    bool picturesFitBetterStacked() const;
    void scaleBy(double factor);

    Side m_left;
    Side m_right;
    QGraphicsSimpleTextItem* m_noComponentsNote = nullptr;
    bool m_overlaysVisible = true;
    bool m_fitted = true;   // follow the window size until the user zooms
    bool m_stacked = false;  // the match below the swatch rather than beside it
};

}  // namespace ui
}  // namespace weft
