#pragma once

// A studio photo of a garment, drawn at test time: a checked shape standing on a
// smooth light backdrop that darkens slightly downwards, as a lit paper sweep does.

#include <QColor>
#include <QImage>
#include <QPainter>
#include <QPainterPath>

namespace weft::test {

// The garment's outline in a width × height photo: a body with two sleeves.
inline QPainterPath garmentOutline(int width, int height)
{
    QPainterPath body;
    body.addRoundedRect(QRectF(width * 0.3, height * 0.2, width * 0.4, height * 0.65), 12, 12);
    QPainterPath sleeves;
    sleeves.addRect(QRectF(width * 0.15, height * 0.22, width * 0.7, height * 0.15));
    return body.united(sleeves);
}

// Red and cream checks of `period` pixels.
inline QImage checkedCloth(int width, int height, int period = 12)
{
    QImage cloth(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            cloth.setPixelColor(x, y, (x / period + y / period) % 2 ? QColor(190, 30, 40) : QColor(245, 235, 200));
    return cloth;
}

inline QImage garmentOnBackdrop(int width = 300, int height = 400)
{
    QImage photo(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        const int level = 236 - 20 * y / height;
        for (int x = 0; x < width; ++x)
            photo.setPixelColor(x, y, QColor(level, level, level + 3));
    }
    QPainter painter(&photo);
    painter.setClipPath(garmentOutline(width, height));
    painter.drawImage(0, 0, checkedCloth(width, height));
    return photo;
}

}  // namespace weft::test
