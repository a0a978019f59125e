// The colours where a swatch sits (PlacedColours.h): the same cloth under another
// light is alike, a check of the same layout in other colours is not, and only the
// pixels under the swatch's outline count.
#include "core/colour/PlacedColours.h"

#include <QPainter>
#include <QTest>

#include <algorithm>
#include <array>

using namespace weft;

namespace {

constexpr int kSide = 384;
constexpr int kCheck = 8;   // pixels a cell

// A gingham of `dark` and `light` cells over the left two thirds of a navy image
// (a garment beside another colour, as a library photo shows one).
QImage gingham(const QColor& dark, const QColor& light)
{
    QImage image(kSide, kSide, QImage::Format_RGB888);
    image.fill(QColor(20, 30, 90));
    QPainter painter(&image);
    for (int y = 0; y < kSide; y += kCheck)
        for (int x = 0; x < 2 * kSide / 3; x += kCheck)
            painter.fillRect(x, y, kCheck, kCheck, (x / kCheck + y / kCheck) % 2 ? dark : light);
    return image;
}

const QColor kPink(235, 120, 160), kBlack(25, 25, 25), kWhite(245, 245, 245);

// The square of `side` pixels at (left, top) of `image`, under a light: each channel
// multiplied by its gain.
QImage photographed(const QImage& image, int left, int top, int side, std::array<double, 3> gains)
{
    QImage photo = image.copy(left, top, side, side).convertToFormat(QImage::Format_RGB888);
    for (int y = 0; y < photo.height(); ++y) {
        uchar* line = photo.scanLine(y);
        for (int x = 0; x < photo.width(); ++x)
            for (int c = 0; c < 3; ++c)
                line[3 * x + c] = uchar(std::min(255.0, line[3 * x + c] * gains[std::size_t(c)]));
    }
    return photo;
}

QPolygonF square(double left, double top, double side)
{
    return QPolygonF(QRectF(left, top, side, side)).mid(0, 4);
}

// Light as a phone's warm white balance and a darker exposure give it: within
// PlacedColours' bounds, beyond the wild protocol's.
constexpr std::array<double, 3> kWarmDim{1.2 * 0.85, 1.0 * 0.85, 0.8 * 0.85};

}  // namespace

class PlacedColoursTest : public QObject {
    Q_OBJECT

private slots:
    void theSameClothUnderAnotherLightIsAlike()
    {
        const QImage pink = gingham(kPink, kWhite);
        const PlacedColours swatch(photographed(pink, 64, 64, 128, kWarmDim));
        const float own = swatch.likeness(pink, square(64, 64, 128));
        QVERIFY2(own > 0.85f, qPrintable(QStringLiteral("own colours under a warm, dim light: %1").arg(own)));
        // Without the light the swatch was taken under, its own cloth compares as well.
        const float asIs = PlacedColours(photographed(pink, 64, 64, 128, {1, 1, 1})).likeness(pink, square(64, 64, 128));
        QVERIFY2(own > asIs - 0.05f, qPrintable(QStringLiteral("under the light %1, as it is %2").arg(own).arg(asIs)));
    }

    // The grey levels of a pink and white gingham and a black and white one line up
    // cell for cell; their colours do not, under any light a photo is taken in.
    void theSameLayoutInOtherColoursIsNot()
    {
        const QImage pink = gingham(kPink, kWhite);
        const QImage blackAndWhite = gingham(kBlack, kWhite);
        const PlacedColours swatch(photographed(pink, 64, 64, 128, kWarmDim));
        const float own = swatch.likeness(pink, square(64, 64, 128));
        const float other = swatch.likeness(blackAndWhite, square(64, 64, 128));
        QVERIFY2(other < own - 0.3f, qPrintable(QStringLiteral("own %1, black and white %2").arg(own).arg(other)));
        // Nor the other way round: a black and white swatch is not a pink cloth in dim light.
        const PlacedColours darkSwatch(photographed(blackAndWhite, 64, 64, 128, kWarmDim));
        QVERIFY2(darkSwatch.likeness(pink, square(64, 64, 128)) < darkSwatch.likeness(blackAndWhite, square(64, 64, 128)) - 0.3f,
                 "a black and white swatch read as pink");
    }

    // Only the pixels under the outline count: navy all around a patch of the
    // gingham, most of the image, does not make it unlike; an outline over the navy
    // is; and a turned outline counts its own pixels.
    void onlyThePixelsUnderTheOutlineCount()
    {
        const QImage pink = gingham(kPink, kWhite);
        const PlacedColours swatch(photographed(pink, 64, 64, 128, {1, 1, 1}));
        QImage patch(kSide, kSide, QImage::Format_RGB888);
        patch.fill(QColor(20, 30, 90));
        QPainter(&patch).drawImage(QPoint(64, 64), pink.copy(64, 64, 128, 128));
        const float inPatch = swatch.likeness(patch, square(64, 64, 128));
        QVERIFY2(inPatch > 0.85f, qPrintable(QString::number(inPatch)));
        const QPolygonF turned{QPointF(128, 40), QPointF(216, 128), QPointF(128, 216), QPointF(40, 128)};
        QVERIFY(swatch.likeness(pink, turned) > 0.85f);
        const QPolygonF overNavy{QPointF(300, 40), QPointF(370, 110), QPointF(300, 180), QPointF(290, 110)};
        QVERIFY(swatch.likeness(pink, overNavy) < 0.5f);
    }

    void anOutlineOffTheImageOrNoSwatchComparesNothing()
    {
        const QImage pink = gingham(kPink, kWhite);
        const PlacedColours swatch(photographed(pink, 64, 64, 128, {1, 1, 1}));
        QCOMPARE(swatch.likeness(pink, square(kSide + 10, 0, 100)), -1.0f);
        QCOMPARE(swatch.likeness(pink, square(10, 10, 2)), -1.0f);
        QCOMPARE(swatch.likeness(pink, QPolygonF()), -1.0f);
        QCOMPARE(swatch.likeness(QImage(), square(64, 64, 128)), -1.0f);
        QCOMPARE(PlacedColours(QImage()).likeness(pink, square(64, 64, 128)), -1.0f);
    }
};

QTEST_GUILESS_MAIN(PlacedColoursTest)
#include "tst_placedcolours.moc"
