#pragma once

#include "core/components/Component.h"

#include <QGraphicsItem>
#include <QImage>
#include <QList>
#include <QPainterPath>

namespace weft {
namespace ui {

// Draws an image's feature components over it: each component's outline, and its
// mask filled semi-transparently, in the colour of its repeat group. Works in the
// coordinates of the image as stored on disk; the parent scales it to the picture.
class ComponentOverlayItem : public QGraphicsItem {
public:
    ComponentOverlayItem(const QList<Component>& components, QGraphicsItem* parent = nullptr);

    static QColor groupColour(int group);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Shape {
        QPainterPath outline;
        QImage tintedMask;    // ARGB, the group colour where the mask is set
        QPoint maskOrigin;
        QColor colour;
    };
    QList<Shape> m_shapes;
    QRectF m_bounds;
};

}  // namespace ui
}  // namespace weft
