#include "core/components/OverlayRenderer.h"

#include <QFont>
#include <QGuiApplication>
#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace weft {

QColor OverlayRenderer::groupColour(int group)
{
    // Hues spaced by the golden angle: neighbouring group ids get far-apart colours.
    const int hue = int(std::fmod(std::abs(group) * 137.508 + 10.0, 360.0));
    return QColor::fromHsv(hue, 230, 255);
}

QImage OverlayRenderer::render(const QImage& image, const Components& components, const Options& options)
{
    QImage canvas = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    if (canvas.isNull())
        return canvas;
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::Antialiasing, false);
    const int line = options.lineWidth > 0 ? options.lineWidth : std::max(2, std::min(canvas.width(), canvas.height()) / 250);

    // Masks first, so that boxes and labels stay readable on top of them.
    for (const Component& component : components) {
        QColor fill = groupColour(component.group);
        fill.setAlpha(std::clamp(options.maskAlpha, 0, 255));
        if (component.mask.isNull() || component.mask.size() != component.box.size()) {
            painter.fillRect(component.box, QColor(fill.red(), fill.green(), fill.blue(), fill.alpha() / 3));
            continue;
        }
        // The mask as the alpha channel of a solid-colour tile.
        QImage tile(component.mask.size(), QImage::Format_ARGB32);
        const QRgb colour = fill.rgb();
        for (int y = 0; y < tile.height(); ++y) {
            const uchar* in = component.mask.constScanLine(y);
            QRgb* out = reinterpret_cast<QRgb*>(tile.scanLine(y));
            for (int x = 0; x < tile.width(); ++x)
                out[x] = qRgba(qRed(colour), qGreen(colour), qBlue(colour), in[x] * fill.alpha() / 255);
        }
        painter.drawImage(component.box.topLeft(), tile);
    }

    // Text needs Qt's font database, which only exists in a QGuiApplication (weft-cli
    // runs a QCoreApplication): without one, boxes and masks are drawn, no labels.
    const bool canDrawText = options.labels && qobject_cast<QGuiApplication*>(QCoreApplication::instance()) != nullptr;
    if (!canDrawText) {
        for (const Component& component : components) {
            painter.setPen(QPen(groupColour(component.group), line));
            painter.drawRect(component.box.adjusted(line / 2, line / 2, -(line + 1) / 2, -(line + 1) / 2));
        }
        painter.end();
        return canvas;
    }
    QFont font = painter.font();
    font.setPixelSize(std::max(10, std::min(canvas.width(), canvas.height()) / 45));
    painter.setFont(font);
    const QFontMetrics metrics(font);
    for (const Component& component : components) {
        const QColor colour = groupColour(component.group);
        painter.setPen(QPen(colour, line));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(component.box.adjusted(line / 2, line / 2, -(line + 1) / 2, -(line + 1) / 2));
        const QString text = QStringLiteral("%1 g%2 %3").arg(component.label).arg(component.group).arg(double(component.score), 0, 'f', 2);
        QRect label = metrics.boundingRect(text).adjusted(-3, -1, 3, 1);
        label.moveTopLeft(component.box.topLeft());
        if (label.right() > canvas.width())
            label.moveRight(canvas.width() - 1);
        painter.fillRect(label, colour);
        painter.setPen(Qt::black);
        painter.drawText(label, Qt::AlignCenter, text);
    }
    painter.end();
    return canvas;
}

}  // namespace weft
