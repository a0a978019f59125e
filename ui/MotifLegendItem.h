#pragma once

#include "core/components/ShownMotifs.h"

#include <QGraphicsItem>
#include <QStringList>

namespace weft {
namespace ui {

// The legend in a picture's top-left corner: each motif's colour, name and repeats
// ("Motif A — repeat of 6"), in the colours the overlay draws them in. It stays the
// same size on screen at any zoom (ItemIgnoresTransformations), so it is readable
// however far the picture is zoomed out.
class MotifLegendItem : public QGraphicsItem {
public:
    explicit MotifLegendItem(const ShownMotifs& motifs, QGraphicsItem* parent = nullptr);

    // The lines, top to bottom.
    QStringList lines() const { return m_lines; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QStringList m_lines;
    QRectF m_bounds;
};

}  // namespace ui
}  // namespace weft
