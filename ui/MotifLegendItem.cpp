#include "ui/MotifLegendItem.h"

#include "ui/ComponentOverlayItem.h"

#include <QFontMetrics>
#include <QGuiApplication>
#include <QPainter>

#include <algorithm>

namespace weft {
namespace ui {

namespace {
// Screen pixels.
constexpr int kOffset = 8;    // from the picture's corner
constexpr int kPadding = 6;
constexpr int kSwatchGap = 6; // between a colour square and its name
}

MotifLegendItem::MotifLegendItem(const ShownMotifs& motifs, QGraphicsItem* parent) : QGraphicsItem(parent)
{
    setFlag(ItemIgnoresTransformations);
    for (const ShownMotifs::Motif& motif : motifs.motifs())
        m_lines << ShownMotifs::legendText(motif);
    const QFontMetrics metrics(QGuiApplication::font());
    int textWidth = 0;
    for (const QString& line : std::as_const(m_lines))
        textWidth = std::max(textWidth, metrics.horizontalAdvance(line));
    const int swatch = metrics.ascent();
    m_bounds = QRectF(kOffset, kOffset, 2 * kPadding + swatch + kSwatchGap + textWidth, 2 * kPadding + metrics.lineSpacing() * m_lines.size());
}

QRectF MotifLegendItem::boundingRect() const
{
    return m_bounds;
}

void MotifLegendItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_lines.isEmpty())
        return;
    painter->setFont(QGuiApplication::font());
    const QFontMetrics metrics(painter->font());
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 170));   // readable over a light or a busy pattern
    painter->drawRoundedRect(m_bounds, 4, 4);
    const int swatch = metrics.ascent();
    int y = int(m_bounds.top()) + kPadding;
    for (int i = 0; i < m_lines.size(); ++i) {
        // Whole pixels: the colour is shown unblended.
        const QRect square(int(m_bounds.left()) + kPadding, y + (metrics.lineSpacing() - swatch) / 2, swatch, swatch);
        painter->setPen(QPen(Qt::white, 1));
        painter->setBrush(ComponentOverlayItem::groupColour(i));
        painter->drawRect(square);
        painter->setPen(Qt::white);
        painter->drawText(QPointF(square.right() + kSwatchGap, y + metrics.ascent()), m_lines[i]);
        y += metrics.lineSpacing();
    }
}

}  // namespace ui
}  // namespace weft
