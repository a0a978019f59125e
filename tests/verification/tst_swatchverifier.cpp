// The swatch check must find a photographed piece of a faint print in that print,
// at the scales and turns a hand-held photo brings, and not in another print of
// the same kind (same ink, same density, other layout): that is what the
// fingerprints cannot tell apart and the check is for.

#include "core/verification/SwatchVerifier.h"

#include "verification/SyntheticPrints.h"

#include <QBuffer>
#include <QLineF>
#include <QTest>
#include <QTransform>

using namespace weft;
using namespace weft::test;

class SwatchVerifierTest : public QObject {
    Q_OBJECT

private slots:
    void findsAPhotographedPieceInItsPrintOnly_data()
    {
        QTest::addColumn<QPointF>("centre");
        QTest::addColumn<double>("scale");
        QTest::addColumn<double>("degrees");
        QTest::addColumn<int>("side");
        QTest::newRow("as printed") << QPointF(200, 260) << 1.0 << 0.0 << 220;
        QTest::newRow("magnified, turned") << QPointF(300, 180) << 1.3 << 8.0 << 220;
        QTest::newRow("reduced, turned back") << QPointF(150, 330) << 0.75 << -6.0 << 220;
        // Beyond what a photo held over the print brings: a close-up and a step
        // back, the cloth lying at an angle (the wide search).
        QTest::newRow("close-up, turned a third") << QPointF(256, 256) << 2.2 << 30.0 << 360;
        QTest::newRow("stepped back, turned half") << QPointF(256, 256) << 0.5 << -40.0 << 160;
    }

    void findsAPhotographedPieceInItsPrintOnly()
    {
        QFETCH(QPointF, centre);
        QFETCH(double, scale);
        QFETCH(double, degrees);
        QFETCH(int, side);
        const QImage source = faintPrint(1);
        const SwatchVerifier verifier(photoOf(source, centre, side, scale, degrees, 7));
        QVERIFY(verifier.usable());
        const float own = verifier.fit(source);
        float bestOther = -1;
        for (quint32 seed : {2u, 3u, 4u})
            bestOther = std::max(bestOther, verifier.fit(faintPrint(seed)));
        qInfo("fit in its own print %.3f, best in another %.3f", double(own), double(bestOther));
        QVERIFY(own > 0.6f);
        QVERIFY(own > bestOther + 0.25f);
    }

    // Where the swatch sits: the photo of `side` pixels at `scale` and `degrees`
    // shows a square of side/scale print pixels around `centre`, turned by
    // −degrees; the outline must land on it. The tried scales and turns are 12 %
    // and 5° apart, so a corner may be off by up to 5 % of the outline's diagonal.
    void locateOutlinesWhereThePhotoWasTaken()
    {
        QFETCH(QPointF, centre);
        QFETCH(double, scale);
        QFETCH(double, degrees);
        QFETCH(int, side);
        const QImage source = faintPrint(1);
        const SwatchVerifier verifier(photoOf(source, centre, side, scale, degrees, 7));
        const SwatchVerifier::Placement placement = verifier.locate(source);
        QCOMPARE(placement.fit, verifier.fit(source));
        QCOMPARE(placement.whereSwatchSits.size(), 4);
        const QString missing = outlineMisses(placement.whereSwatchSits, centre, side, scale, degrees, 0.05);
        QVERIFY2(missing.isEmpty(), qPrintable(missing));
    }

    void locateOutlinesWhereThePhotoWasTaken_data() { findsAPhotographedPieceInItsPrintOnly_data(); }

    // The templates' spectra are kept for the last library size checked: one
    // verifier going between prints of two sizes fits each as a verifier that
    // saw only that print.
    void fitsTheSameWhateverSizesCameBefore()
    {
        const QImage source = faintPrint(1);
        const QImage other = faintPrint(2), smaller = faintPrint(3).copy(0, 0, 300, 260);
        const QImage photo = photoOf(source, QPointF(200, 260), 220, 1.0, 4.0, 7);
        const SwatchVerifier goingBetween(photo);
        std::vector<float> fits;
        for (const QImage* print : {&source, &smaller, &other, &source, &smaller})
            fits.push_back(goingBetween.fit(*print));
        QCOMPARE(fits[0], SwatchVerifier(photo).fit(source));
        QCOMPARE(fits[1], SwatchVerifier(photo).fit(smaller));
        QCOMPARE(fits[2], SwatchVerifier(photo).fit(other));
        QCOMPARE(fits[3], fits[0]);
        QCOMPARE(fits[4], fits[1]);
        QVERIFY(fits[0] > fits[2] + 0.25f);
    }

    void aSwatchTooSmallToCheckFitsNothing()
    {
        const QImage source = faintPrint(1);
        const SwatchVerifier verifier(photoOf(source, QPointF(200, 200), 40, 1.0, 0.0, 7));
        QVERIFY(!verifier.usable());
        QCOMPARE(verifier.fit(source), -1.0f);
    }

    void aLibraryImageSmallerThanTheSwatchMiddleFitsNothing()
    {
        const QImage source = faintPrint(1);
        const SwatchVerifier verifier(photoOf(source, QPointF(200, 200), 220, 1.0, 0.0, 7));
        QCOMPARE(verifier.fit(source.copy(180, 180, 30, 30)), -1.0f);
        QCOMPARE(verifier.fit(QImage()), -1.0f);
    }

    // A copy at another size or re-saved is the same image; a piece of it, another
    // print of its kind or another shape is not.
    void aCopyAtAnotherSizeIsTold()
    {
        const QImage source = faintPrint(1);
        const QImage wide = source.copy(0, 0, 512, 384);
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        buffer.open(QIODevice::WriteOnly);
        source.scaled(256, 256, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).save(&buffer, "JPEG", 90);
        const SwatchVerifier halfSizeResaved(QImage::fromData(jpeg, "JPEG"));
        const SwatchVerifier doubleSize(source.scaled(1024, 1024, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        const SwatchVerifier wideDoubleSize(wide.scaled(1024, 768, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        qInfo("half %.4f double %.4f other %.4f crop %.4f", double(halfSizeResaved.copyLikeness(source)), double(doubleSize.copyLikeness(source)), double(halfSizeResaved.copyLikeness(faintPrint(2))), double(doubleSize.copyLikeness(source.copy(64, 64, 384, 384))));
        for (const SwatchVerifier* copy : {&halfSizeResaved, &doubleSize})
            QVERIFY(copy->copyLikeness(source) >= SwatchVerifier::kCopyLikeness);
        QVERIFY(wideDoubleSize.copyLikeness(wide) >= SwatchVerifier::kCopyLikeness);

        QVERIFY(halfSizeResaved.copyLikeness(faintPrint(2)) < SwatchVerifier::kCopyLikeness);
        QVERIFY(doubleSize.copyLikeness(source.copy(64, 64, 384, 384)) < SwatchVerifier::kCopyLikeness);
        QCOMPARE(doubleSize.copyLikeness(wide), -1.0f);
        QCOMPARE(SwatchVerifier(photoOf(source, QPointF(256, 256), 220, 1.0, 0.0, 7)).copyLikeness(source) < SwatchVerifier::kCopyLikeness, true);
    }
};

QTEST_GUILESS_MAIN(SwatchVerifierTest)
#include "tst_swatchverifier.moc"
