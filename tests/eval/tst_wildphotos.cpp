#include "core/common/Error.h"
#include "core/eval/WildPhotos.h"

#include <QColor>
#include <QImage>
#include <QtTest>

#include <cmath>

using namespace weft;

namespace {

// A library image whose colour says where a pixel is: red grows to the right, green
// downwards, so a photo's pixels tell which library point they show.
QImage whereImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            image.setPixelColor(x, y, QColor(255 * x / (width - 1), 255 * y / (height - 1), 128));
    return image;
}

// A busy print: checks of two colours with a diagonal stripe, so every crop shows pattern.
QImage printImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            const bool check = ((x / 12) + (y / 12)) % 2 == 0;
            const bool stripe = ((x + y) / 7) % 5 == 0;
            image.setPixelColor(x, y, stripe ? QColor(20, 30, 160) : check ? QColor(220, 60, 40) : QColor(240, 230, 200));
        }
    return image;
}

// Parameters that only cut, turn and scale: light, cloth and camera left neutral.
WildPhotoParameters geometryOnly(double turn, bool mirrored)
{
    WildPhotoParameters p;
    p.cropFraction = 0.4;
    p.centreX = 200;
    p.centreY = 150;
    p.turnDegrees = turn;
    p.mirrored = mirrored;
    p.zoom = 1;
    p.side = 120;
    return p;
}

// Library position a photo pixel shows, read back from whereImage's colours.
QPointF shownAt(const QImage& photo, int x, int y, int width, int height)
{
    const QColor c = photo.pixelColor(x, y);
    return {c.red() / 255.0 * (width - 1), c.green() / 255.0 * (height - 1)};
}

}  // namespace

class WildPhotosTest : public QObject {
    Q_OBJECT

private slots:
    void photoCentreShowsTheCropCentre()
    {
        const QImage library = whereImage(400, 300);
        const QImage photo = takeWildPhoto(library, geometryOnly(0, false));
        QCOMPARE(photo.size(), QSize(120, 120));
        const QPointF centre = shownAt(photo, 60, 60, 400, 300);
        QVERIFY2(std::abs(centre.x() - 200) < 3 && std::abs(centre.y() - 150) < 3,
                 qPrintable(QStringLiteral("centre shows (%1, %2)").arg(centre.x()).arg(centre.y())));
        // Upright, zoom 1: a step right in the photo is a step right in the library.
        const QPointF right = shownAt(photo, 100, 60, 400, 300);
        QVERIFY2(right.x() - centre.x() > 30 && std::abs(right.y() - centre.y()) < 3, "an upright photo is not upright");
    }

    void aQuarterTurnTurnsTheView()
    {
        const QImage library = whereImage(400, 300);
        const QImage photo = takeWildPhoto(library, geometryOnly(90, false));
        const QPointF centre = shownAt(photo, 60, 60, 400, 300);
        const QPointF right = shownAt(photo, 100, 60, 400, 300);
        // At 90 degrees the photo's right shows the library's up.
        QVERIFY2(std::abs(right.x() - centre.x()) < 3 && centre.y() - right.y() > 30,
                 qPrintable(QStringLiteral("right of centre shows (%1, %2), centre (%3, %4)")
                                .arg(right.x()).arg(right.y()).arg(centre.x()).arg(centre.y())));
    }

    void mirroredIsTheUprightPhotoFlipped()
    {
        const QImage library = printImage(400, 300);
        const QImage plain = takeWildPhoto(library, geometryOnly(30, false));
        const QImage mirrored = takeWildPhoto(library, geometryOnly(30, true));
        const QImage flipped = plain.mirrored(true, false);
        int differing = 0;
        for (int y = 0; y < plain.height(); ++y)
            for (int x = 0; x < plain.width(); ++x)
                differing += std::abs(flipped.pixelColor(x, y).red() - mirrored.pixelColor(x, y).red()) > 40;
        // Resampling at a one-pixel shift differs only on edges.
        QVERIFY2(differing < plain.width() * plain.height() / 10, qPrintable(QStringLiteral("%1 pixels differ").arg(differing)));
        QVERIFY(mirrored != plain);
    }

    void drawsStayInTheProtocolsRanges()
    {
        const QImage library = printImage(480, 360);
        int mirrored = 0;
        int turns[4] = {0, 0, 0, 0};
        int zooms[3] = {0, 0, 0};
        constexpr int kDraws = 150;
        for (int i = 0; i < kDraws; ++i) {
            const WildPhoto photo = wildPhotoOf(library, 5, i);
            const WildPhotoParameters& p = photo.parameters;
            QVERIFY(p.cropFraction >= 0.2 && p.cropFraction <= 0.55);
            QVERIFY(p.turnDegrees >= 0 && p.turnDegrees < 360);
            QVERIFY(p.zoom >= 0.4 && p.zoom <= 2.5);
            for (const double t : p.tilt)
                QVERIFY(std::abs(t) <= 0.08);
            for (const double g : p.whiteBalance)
                QVERIFY(g >= 0.85 && g <= 1.15);
            QVERIFY(p.saturation >= 0.75 && p.saturation <= 1.2);
            QVERIFY(p.exposure >= 0.8 && p.exposure <= 1.2);
            QVERIFY(p.gamma >= 0.8 && p.gamma <= 1.25);
            QVERIFY(p.weavePeriod >= 2.5 && p.weavePeriod <= 5 && p.weaveAmplitude <= 0.06);
            QVERIFY(p.vignette <= 0.15 && p.blurSigma <= 1.5 && p.noiseSigma <= 6);
            QVERIFY(p.jpegQuality >= 55 && p.jpegQuality <= 85);
            QCOMPARE(photo.rgb.size(), QSize(p.side, p.side));
            QCOMPARE(p.side, std::max(32, int(std::lround(p.cropFraction * 360 * p.zoom))));
            mirrored += p.mirrored;
            const double fromUpright = p.turnFromUpright();
            ++turns[fromUpright < 15 ? 0 : fromUpright < 45 ? 1 : fromUpright < 135 ? 2 : 3];
            ++zooms[p.zoom < 0.7 ? 0 : p.zoom <= 1.4 ? 1 : 2];
        }
        // One photo in five mirrored; every turn and zoom bucket drawn.
        QVERIFY2(mirrored > kDraws / 10 && mirrored < kDraws * 3 / 10, qPrintable(QString::number(mirrored)));
        for (const int count : turns)
            QVERIFY(count > 5);
        for (const int count : zooms)
            QVERIFY(count > 20);
    }

    void aPhotoDependsOnlyOnSeedAndIndex()
    {
        const QImage library = printImage(300, 300);
        const WildPhoto a = wildPhotoOf(library, 9, 4);
        const WildPhoto b = wildPhotoOf(library, 9, 4);
        const WildPhoto c = wildPhotoOf(library, 10, 4);
        QCOMPARE(a.rgb, b.rgb);
        QCOMPARE(a.parameters.toJson(), b.parameters.toJson());
        QVERIFY(a.parameters.toJson() != c.parameters.toJson());
        // The stored parameters take the same photo again.
        QCOMPARE(takeWildPhoto(library, WildPhotoParameters::fromJson(a.parameters.toJson())), a.rgb);
    }

    // A faint fine print: photos stepping back blur it below the pattern threshold, so
    // many are drawn again. Each, however often drawn, is the photo its stored
    // parameters take of the library image, which stays as it was.
    void aPhotoDrawnAgainStartsFromTheLibraryImage()
    {
        QImage library(240, 240, QImage::Format_RGB888);
        for (int y = 0; y < library.height(); ++y)
            for (int x = 0; x < library.width(); ++x) {
                const int level = ((x / 2) + (y / 2)) % 2 == 0 ? 150 : 110;
                library.setPixelColor(x, y, QColor(level, level, level));
            }
        const QImage before = library.copy();
        for (int index = 0; index < 40; ++index) {
            const WildPhoto photo = wildPhotoOf(library, 3, index);
            QCOMPARE(library, before);
            QVERIFY2(takeWildPhoto(library, photo.parameters) == photo.rgb, qPrintable(QStringLiteral("photo %1").arg(index)));
        }
    }

    void aPlainImageEndsTheDrawing()
    {
        QImage grey(200, 200, QImage::Format_RGB888);
        grey.fill(QColor(128, 128, 128));
        const WildPhoto photo = wildPhotoOf(grey, 1, 0);   // never shows a pattern: gives up, no endless loop
        QVERIFY(!photo.rgb.isNull());
        QVERIFY_THROWS_EXCEPTION(Error, wildPhotoOf(QImage(), 1, 0));
    }
};

QTEST_GUILESS_MAIN(WildPhotosTest)
#include "tst_wildphotos.moc"
