#pragma once

// Faint synthetic prints and hand-held "photos" of pieces of them, for the tests
// of the swatch check. Made with QPainter so the tests need nothing else.

#include <QImage>
#include <QLineF>
#include <QPolygonF>
#include <QString>
#include <QPainter>
#include <QRandomGenerator>
#include <QTransform>

#include <cmath>

namespace weft::test {

// faintPrint()'s ground.
constexpr int kFaintGround[3] = {214, 210, 202};

// A 512 × 512 print of small strokes and dots two to eight grey levels off a light
// ground, like the faintest library patterns; each seed gives another layout.
inline QImage faintPrint(quint32 seed)
{
    QRandomGenerator random(seed);
    QImage print(512, 512, QImage::Format_RGB888);
    print.fill(QColor(kFaintGround[0], kFaintGround[1], kFaintGround[2]));
    QPainter painter(&print);
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < 900; ++i) {
        const int offset = 2 + int(random.bounded(7));
        const QColor ink(kFaintGround[0] - offset, kFaintGround[1] - offset, kFaintGround[2] - offset);
        const QPointF at(random.bounded(512.0), random.bounded(512.0));
        if (i % 2) {
            painter.setPen(QPen(ink, 1 + random.bounded(2.0)));
            painter.drawLine(at, at + QPointF(random.bounded(24.0) - 12, random.bounded(24.0) - 12));
        } else {
            painter.setPen(Qt::NoPen);
            painter.setBrush(ink);
            painter.drawEllipse(at, 1.5 + random.bounded(3.0), 1.5 + random.bounded(3.0));
        }
    }
    return print;
}

// A piece of `print` as a hand-held photo shows it: a square of `side` pixels
// around `centre`, magnified by `scale`, turned by `degrees`, a little darker and
// flatter, with sensor noise; cut square again so no corner is empty.
inline QImage photoOf(const QImage& print, QPointF centre, int side, double scale, double degrees, quint32 noiseSeed)
{
    QImage photo(side, side, QImage::Format_RGB888);
    photo.fill(Qt::black);   // beyond the print's edge, if the photo reaches it: never uninitialised memory
    QPainter painter(&photo);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    // Photo pixel p shows print pixel centre + R(−degrees)·(p − middle)/scale.
    painter.translate(side / 2.0, side / 2.0);
    painter.rotate(degrees);
    painter.scale(scale, scale);
    painter.translate(-centre);
    painter.drawImage(QPointF(0, 0), print);
    painter.end();
    QRandomGenerator random(noiseSeed);
    for (int y = 0; y < side; ++y) {
        uchar* line = photo.scanLine(y);
        for (int x = 0; x < side * 3; ++x) {
            const double value = 0.85 * line[x] + 20 + (random.bounded(3.0) - 1.5);
            line[x] = uchar(std::clamp(value, 0.0, 255.0));
        }
    }
    return photo;
}

// Where photoOf(print, centre, side, scale, degrees, …) was taken: an empty text
// when every corner of the square it shows (side/scale print pixels around
// `centre`, turned by −degrees) has an outline corner within `tolerance`
// (a share of the square's diagonal), else what is missing.
inline QString outlineMisses(const QPolygonF& outline, QPointF centre, int side, double scale, double degrees, double tolerance)
{
    const QTransform photoToPrint = QTransform().translate(centre.x(), centre.y()).rotate(-degrees).scale(1 / scale, 1 / scale);
    const double half = side / 2.0;
    const double pixels = tolerance * std::sqrt(2.0) * side / scale;
    for (const QPointF corner : {QPointF(-half, -half), QPointF(half, -half), QPointF(half, half), QPointF(-half, half)}) {
        const QPointF expected = photoToPrint.map(corner);
        double nearest = 1e9;
        for (const QPointF& found : outline)
            nearest = std::min(nearest, QLineF(found, expected).length());
        if (nearest >= pixels)
            return QStringLiteral("no outline corner near (%1, %2): nearest %3 px away").arg(expected.x()).arg(expected.y()).arg(nearest);
    }
    return {};
}

}  // namespace weft::test
