// foregroundMask(): the cloth of a garment photographed on a backdrop, and no
// backdrop at all in a print that fills its frame, whose ground is part of it.

#include "core/features/ColourFeatures.h"
#include "core/features/Foreground.h"
#include "core/features/Pooling.h"

#include "common/GarmentOnBackdrop.h"

#include <QPainter>
#include <QRandomGenerator>
#include <QTest>

using namespace weft;

namespace {

// How well `mask` (any size, stretched over the photo) covers `outline`: the
// intersection over the union of the two, counted on the photo's pixels.
double overlapWith(const QImage& mask, const QPainterPath& outline, QSize photo)
{
    const QImage stretched = mask.scaled(photo, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    QImage truth(photo, QImage::Format_Grayscale8);
    truth.fill(0);
    QPainter painter(&truth);
    painter.fillPath(outline, Qt::white);
    painter.end();
    int both = 0, either = 0;
    for (int y = 0; y < photo.height(); ++y)
        for (int x = 0; x < photo.width(); ++x) {
            const bool inMask = stretched.constScanLine(y)[x] > 127, inTruth = truth.constScanLine(y)[x] > 127;
            both += inMask && inTruth;
            either += inMask || inTruth;
        }
    return either > 0 ? double(both) / either : 0;
}

QImage dotsOnAGround()
{
    QImage print(320, 320, QImage::Format_RGB888);
    print.fill(QColor(25, 35, 90));
    QPainter painter(&print);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(240, 220, 120));
    for (int y = 0; y < 320; y += 40)
        for (int x = (y / 40) % 2 * 20; x < 340; x += 40)
            painter.drawEllipse(QPointF(x, y + 20), 9, 9);
    return print;
}

}  // namespace

class TestForeground : public QObject {
    Q_OBJECT

private slots:
    void aGarmentOnABackdropIsItsShape()
    {
        const QImage photo = test::garmentOnBackdrop();
        const QImage mask = foregroundMask(photo);
        QVERIFY(!mask.isNull());
        QCOMPARE(mask.format(), QImage::Format_Grayscale8);
        QVERIFY(std::max(mask.width(), mask.height()) <= ForegroundRules::kSide);
        const double overlap = overlapWith(mask, test::garmentOutline(photo.width(), photo.height()), photo.size());
        QVERIFY2(overlap > 0.9, qPrintable(QString::number(overlap)));
    }

    void theBackdropsColourIsLeftOut()
    {
        // The photo's colours with the mask are the cloth's; without it, mostly grey.
        const QImage photo = test::garmentOnBackdrop();
        const std::vector<float> cloth = hsvHistogram(test::checkedCloth(photo.width(), photo.height()));
        const float withMask = dot(hsvHistogram(photo, foregroundMask(photo)), cloth);
        const float without = dot(hsvHistogram(photo), cloth);
        QVERIFY2(withMask > 0.95f, qPrintable(QString::number(double(withMask))));
        QVERIFY2(without < 0.8f, qPrintable(QString::number(double(without))));
    }

    void aPrintOnAPlainGroundHasNoBackdrop()
    {
        // Its ground floods in from every side, but leaves many small dots: no shape.
        QVERIFY(foregroundMask(dotsOnAGround()).isNull());
    }

    void aTextureFillingTheFrameHasNoBackdrop()
    {
        QImage texture(256, 256, QImage::Format_RGB888);
        QRandomGenerator random(7);
        for (int y = 0; y < texture.height(); ++y)
            for (int x = 0; x < texture.width(); ++x)
                texture.setPixelColor(x, y, QColor::fromHsv(30, 120, 100 + random.bounded(120)));
        QVERIFY(foregroundMask(texture).isNull());
    }

    void aTexturesSmoothPatchAtOneEdgeIsNoBackdrop()
    {
        // The left third is smooth and reaches the border, the rest is one textured
        // region: one shape, but nothing stands around it.
        QImage texture(240, 240, QImage::Format_RGB888);
        QRandomGenerator random(11);
        for (int y = 0; y < texture.height(); ++y)
            for (int x = 0; x < texture.width(); ++x)
                texture.setPixelColor(x, y, x < 80 ? QColor(200, 190, 170) : QColor::fromHsv(30, 120, 100 + random.bounded(120)));
        QVERIFY(foregroundMask(texture).isNull());
        // Around it on every side, the same smooth colour is a backdrop.
        QImage framed(400, 400, QImage::Format_RGB888);
        framed.fill(QColor(200, 190, 170));
        QPainter painter(&framed);
        painter.drawImage(80, 80, texture.copy(80, 0, 160, 240));
        painter.end();
        QVERIFY(!foregroundMask(framed).isNull());
    }

    void onePlainColourHasNoBackdrop()
    {
        QImage plain(200, 150, QImage::Format_RGB888);
        plain.fill(QColor(120, 160, 90));
        QVERIFY(foregroundMask(plain).isNull());
    }

    void twoGarmentsApartAreNoOneShape()
    {
        // Side by side on one backdrop: neither holds most of the cloth, so the
        // photo is taken whole rather than guessing which is the print.
        const QImage one = test::garmentOnBackdrop(300, 400);
        QImage two(600, 400, QImage::Format_RGB888);
        QPainter painter(&two);
        painter.drawImage(0, 0, one);
        painter.drawImage(300, 0, one);
        painter.end();
        QVERIFY(!foregroundMask(one).isNull());
        QVERIFY(foregroundMask(two).isNull());
    }

    void aMaskKeepingNothingCountsEveryPixel()
    {
        const QImage photo = test::garmentOnBackdrop();
        QImage none(16, 16, QImage::Format_Grayscale8);
        none.fill(0);
        QCOMPARE(hsvHistogram(photo, none), hsvHistogram(photo));
        QCOMPARE(hsvHistogram(photo, QImage()), hsvHistogram(photo));
    }
};

QTEST_MAIN(TestForeground)
#include "tst_foreground.moc"
