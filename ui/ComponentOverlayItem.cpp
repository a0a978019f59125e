#include "ui/ComponentOverlayItem.h"

#include <QBitmap>
#include <QPainter>
#include <QRegion>

namespace weft {
namespace ui {

namespace {
constexpr int kMaskAlpha = 96;   // masks show the pattern through them
}

ComponentOverlayItem::ComponentOverlayItem(const QList<Component>& components, QGraphicsItem* parent) : QGraphicsItem(parent)
{
    for (const Component& component : components) {
        Shape shape;
        shape.colour = groupColour(component.group);
        shape.maskOrigin = component.box.topLeft();
        if (component.mask.isNull() || component.mask.size() != component.box.size()) {
            shape.outline.addRect(component.box);
            shape.tintedMask = QImage(component.box.size(), QImage::Format_ARGB32_Premultiplied);
            QColor fill = shape.colour;
            fill.setAlpha(kMaskAlpha);
            shape.tintedMask.fill(fill);
        } else {
            const QImage mask = component.mask.convertToFormat(QImage::Format_Grayscale8);
            QImage binary(mask.size(), QImage::Format_Mono);
            // QRegion(QBitmap) takes the black pixels (colour1) as inside.
            binary.setColorTable({qRgb(255, 255, 255), qRgb(0, 0, 0)});
            binary.fill(0);
            for (int y = 0; y < mask.height(); ++y) {
                const uchar* row = mask.constScanLine(y);
                for (int x = 0; x < mask.width(); ++x)
                    if (row[x] >= 128)
                        binary.setPixel(x, y, 1);
            }
            const QRegion region(QBitmap::fromImage(binary));
            shape.outline.addRegion(region.translated(component.box.topLeft()));
            shape.outline = shape.outline.simplified();
            shape.tintedMask = QImage(mask.size(), QImage::Format_ARGB32_Premultiplied);
            shape.tintedMask.fill(Qt::transparent);
            QColor fill = shape.colour;
            fill.setAlpha(kMaskAlpha);
            const QRgb tint = qPremultiply(fill.rgba());
            for (int y = 0; y < mask.height(); ++y) {
                const uchar* row = mask.constScanLine(y);
                auto* out = reinterpret_cast<QRgb*>(shape.tintedMask.scanLine(y));
                for (int x = 0; x < mask.width(); ++x)
                    if (row[x] >= 128)
                        out[x] = tint;
            }
        }
        m_bounds |= QRectF(component.box).adjusted(-4, -4, 4, 4);
        m_shapes.append(shape);
    }
}

QColor ComponentOverlayItem::groupColour(int group)
{
    // Golden-angle hue steps keep neighbouring group ids far apart in colour.
    return QColor::fromHsv((qAbs(group) * 137 + 20) % 360, 230, 245);
}

QRectF ComponentOverlayItem::boundingRect() const
{
    return m_bounds;
}

void ComponentOverlayItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    for (const Shape& shape : std::as_const(m_shapes)) {
        painter->drawImage(shape.maskOrigin, shape.tintedMask);
        QPen pen(shape.colour, 2.5);
        pen.setCosmetic(true);   // the outline stays visible at any zoom
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawPath(shape.outline);
    }
}

}  // namespace ui
}  // namespace weft
