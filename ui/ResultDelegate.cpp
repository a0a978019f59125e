#include "ui/ResultDelegate.h"

#include <QPainter>

namespace weft {
namespace ui {

namespace {
constexpr int kPadding = 6;
}

ResultDelegate::ResultDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

void ResultDelegate::setThumbnailSize(int pixels)
{
    m_thumbnailSize = pixels;
}

QSize ResultDelegate::cellSize(const QFont& font) const
{
    const QFontMetrics metrics(font);
    return {m_thumbnailSize + 2 * kPadding, m_thumbnailSize + 2 * kPadding + 2 * metrics.height() + 4};
}

QSize ResultDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const
{
    return cellSize(option.font);
}

void ResultDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    painter->save();
    const bool selected = option.state & QStyle::State_Selected;
    if (selected) {
        // Drawn here rather than by the style so the text stays readable in an
        // inactive window, where some styles pair a pale highlight with white text.
        QColor fill = option.palette.color(QPalette::Active, QPalette::Highlight);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(fill, 2));
        fill.setAlpha(60);
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5), 6, 6);
    }
    if (option.state & QStyle::State_HasFocus && !selected) {
        painter->setPen(QPen(option.palette.color(QPalette::Active, QPalette::Highlight), 1, Qt::DotLine));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(option.rect.adjusted(1, 1, -2, -2));
    }

    const QRect cell = option.rect.adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QRect pictureArea(cell.topLeft(), QSize(cell.width(), m_thumbnailSize));
    const QPixmap pixmap = index.data(Qt::DecorationRole).value<QPixmap>();
    if (!pixmap.isNull()) {
        const QSize size = pixmap.size().scaled(pictureArea.size(), Qt::KeepAspectRatio);
        const QRect target(pictureArea.center() - QPoint(size.width() / 2, size.height() / 2), size);
        painter->setRenderHint(QPainter::SmoothPixmapTransform);
        painter->drawPixmap(target, pixmap);
    }

    const QFontMetrics metrics(option.font);
    painter->setPen(option.palette.color(QPalette::Text));
    QRect line(cell.left(), pictureArea.bottom() + 3, cell.width(), metrics.height());
    QFont bold = option.font;
    bold.setBold(true);
    painter->setFont(bold);
    painter->drawText(line, Qt::AlignHCenter | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(index.data(CaptionRole).toString(), Qt::ElideMiddle, line.width()));
    painter->setFont(option.font);
    line.translate(0, metrics.height());
    painter->drawText(line, Qt::AlignHCenter | Qt::AlignVCenter,
                      metrics.elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideMiddle, line.width()));
    if (index.data(FavouriteRole).toBool()) {
        // A star in the picture's corner, on a ringed disc so that it shows on any pattern.
        const int side = std::max(24, metrics.height() + 10);
        const QRect badge(pictureArea.right() - side, pictureArea.top(), side, side);
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(QColor(0, 0, 0, 90), 1));
        painter->setBrush(QColor(255, 255, 255, 235));
        painter->drawEllipse(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5));
        QFont starFont = option.font;
        starFont.setPixelSize(side * 3 / 4);
        painter->setFont(starFont);
        painter->setPen(QColor(0xe0, 0x9a, 0x00));
        painter->drawText(badge, Qt::AlignCenter, QStringLiteral("\u2605"));
    }
    painter->restore();
}

}  // namespace ui
}  // namespace weft
