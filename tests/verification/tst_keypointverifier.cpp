// The keypoint check must place a photographed piece of a print in that print
// however the photo was turned, mirrored or zoomed (issue 11's wild photos), draw
// its outline where the photo was taken, and place it in no other print of the
// same kind.

#include "core/verification/KeypointVerifier.h"

#include "verification/SyntheticPrints.h"

#include <QLineF>
#include <QTest>
#include <QTransform>

using namespace weft;
using namespace weft::test;

class KeypointVerifierTest : public QObject {
    Q_OBJECT

private slots:
    void placesAPhotoAtAnyTurnMirrorAndZoomInItsPrintOnly_data()
    {
        QTest::addColumn<QPointF>("centre");
        QTest::addColumn<double>("scale");
        QTest::addColumn<double>("degrees");
        QTest::addColumn<bool>("mirrored");
        QTest::newRow("upright") << QPointF(200, 260) << 1.0 << 0.0 << false;
        QTest::newRow("turned 117°, close up ×2.2") << QPointF(300, 180) << 2.2 << 117.0 << false;
        QTest::newRow("turned 250°, stepped back ×0.7") << QPointF(256, 256) << 0.7 << 250.0 << false;   // the turned square stays in the print
        QTest::newRow("mirrored, turned 40°, ×1.4") << QPointF(150, 330) << 1.4 << 40.0 << true;
    }

    void placesAPhotoAtAnyTurnMirrorAndZoomInItsPrintOnly()
    {
        QFETCH(QPointF, centre);
        QFETCH(double, scale);
        QFETCH(double, degrees);
        QFETCH(bool, mirrored);
        constexpr int kSide = 240;
        const QImage source = faintPrint(1);
        const QImage photo = photoOf(source, centre, kSide, scale, degrees, 7);
        const KeypointVerifier verifier(mirrored ? photo.mirrored(true, false) : photo);
        QVERIFY(verifier.usable());
        const KeypointVerifier::Placement own = verifier.locate(source);
        int bestOther = 0;
        for (quint32 seed : {2u, 3u, 4u})
            bestOther = std::max(bestOther, verifier.locate(faintPrint(seed)).agreeing);
        qInfo("%d keypoint pairs agree in its own print, at most %d in another", own.agreeing, bestOther);
        QVERIFY(own.placed());
        QCOMPARE(own.mirrored, mirrored);
        QVERIFY(bestOther < KeypointVerifier::kPlaced);

        // Photo pixel p shows print pixel centre + R(−degrees)·(p − middle)/scale;
        // a mirror swaps the corners but not where they are. A similarity placed
        // by many keypoints lands within 3 % of the outline's diagonal.
        QCOMPARE(own.whereSwatchSits.size(), 4);
        const QString missing = outlineMisses(own.whereSwatchSits, centre, kSide, scale, degrees, 0.03);
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }

    void theOutlineIsInTheLibraryImagesOwnPixels()
    {
        // A library image larger than the size keypoints are found at: the outline
        // still comes back in its pixels.
        const QImage source = faintPrint(1).scaled(1536, 1536, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        const QPointF centre(900, 600);
        const QImage photo = photoOf(source, centre, 300, 0.6, 75, 7);
        const KeypointVerifier verifier(photo);
        const KeypointVerifier::Placement own = verifier.locate(source);
        QVERIFY(own.placed());
        QPointF middle;
        for (const QPointF& corner : own.whereSwatchSits)
            middle += corner / 4;
        QVERIFY2(QLineF(middle, centre).length() < 15, qPrintable(QStringLiteral("outline centred at (%1, %2)").arg(middle.x()).arg(middle.y())));
    }

    void aFlatSwatchPlacesNothing()
    {
        QImage flat(200, 200, QImage::Format_RGB888);
        flat.fill(QColor(120, 80, 60));
        const KeypointVerifier verifier(flat);
        QVERIFY(!verifier.usable());
        const KeypointVerifier::Placement placement = verifier.locate(faintPrint(1));
        QCOMPARE(placement.agreeing, 0);
        QVERIFY(placement.whereSwatchSits.isEmpty());
    }

    void oneImageStandsOutWithTwiceAnyOthersPairs_data()
    {
        QTest::addColumn<std::vector<int>>("agreeing");
        QTest::addColumn<int>("standingOut");
        constexpr int few = KeypointVerifier::kStandsOut;
        QTest::newRow("none checked") << std::vector<int>{} << -1;
        QTest::newRow("alone, enough pairs") << std::vector<int>{0, few} << 1;
        QTest::newRow("alone, too few pairs") << std::vector<int>{few - 1, 0, 2} << -1;
        QTest::newRow("twice the next") << std::vector<int>{3, 2 * few, few, 0} << 1;
        QTest::newRow("not quite twice the next") << std::vector<int>{few + 1, 2 * few, 0} << -1;
        QTest::newRow("two as sure (colourways)") << std::vector<int>{20, 0, 20} << -1;
    }

    void oneImageStandsOutWithTwiceAnyOthersPairs()
    {
        QFETCH(std::vector<int>, agreeing);
        QFETCH(int, standingOut);
        QCOMPARE(KeypointVerifier::standingOut(agreeing), standingOut);
    }

    void nullImagesPlaceNothing()
    {
        QCOMPARE(KeypointVerifier(QImage()).locate(faintPrint(1)).agreeing, 0);
        const KeypointVerifier verifier(photoOf(faintPrint(1), QPointF(256, 256), 200, 1.0, 0.0, 7));
        QCOMPARE(verifier.locate(QImage()).agreeing, 0);
    }
};

QTEST_GUILESS_MAIN(KeypointVerifierTest)
#include "tst_keypointverifier.moc"
