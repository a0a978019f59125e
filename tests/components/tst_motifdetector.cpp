#include "core/components/ComponentDetector.h"
#include "core/components/MotifDetector.h"
#include "core/components/RepeatGrouping.h"

#include <QDir>
#include <QFileInfo>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace weft;

namespace {

QString sharedModels()
{
    const QString shared = qEnvironmentVariable("WEFT_SHARED_DIR");
    return shared.isEmpty() ? QString() : shared + QStringLiteral("/models");
}

// A 480x480 pattern: a red-and-yellow flower (40x40) on a 6x6 grid with 80-pixel period,
// over a grey-green background with strong pixel noise. Returns the true motif cells.
QImage tiledFlowers(QList<QRect>* motifCells)
{
    QImage image(480, 480, QImage::Format_RGB888);
    QRandomGenerator random(42);
    for (int y = 0; y < image.height(); ++y) {
        uchar* row = image.scanLine(y);
        for (int x = 0; x < image.width(); ++x) {
            const int noise = int(random.bounded(61)) - 30;
            row[3 * x + 0] = uchar(std::clamp(120 + noise, 0, 255));
            row[3 * x + 1] = uchar(std::clamp(140 + noise, 0, 255));
            row[3 * x + 2] = uchar(std::clamp(110 + noise, 0, 255));
        }
    }
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    for (int gy = 0; gy < 6; ++gy)
        for (int gx = 0; gx < 6; ++gx) {
            const QPointF centre(20 + 80 * gx + 20, 20 + 80 * gy + 20);
            painter.setBrush(QColor(200, 30, 60));
            for (int petal = 0; petal < 5; ++petal) {
                const double angle = petal * 2 * M_PI / 5;
                painter.drawEllipse(centre + QPointF(11 * std::cos(angle), 11 * std::sin(angle)), 9, 9);
            }
            painter.setBrush(QColor(250, 210, 40));
            painter.drawEllipse(centre, 7, 7);
            motifCells->append(QRect(int(centre.x()) - 20, int(centre.y()) - 20, 40, 40));
        }
    painter.end();
    return image;
}

}  // namespace

class TestMotifDetector : public QObject {
    Q_OBJECT

private:
    std::shared_ptr<const Backbone> m_backbone;

private slots:
    void initTestCase()
    {
        const QString models = sharedModels();
        if (models.isEmpty() || !QFileInfo::exists(models + QStringLiteral("/mobilenetv2-imagenet/features.pt")))
            QFAIL("The shared MobileNetV2 (WEFT_SHARED_DIR/models/mobilenetv2-imagenet/features.pt) is not available; "
                  "set WEFT_SHARED_DIR to the shared folder to run the motif detector tests.");
        Backbone::setThreads(2);
        const ModelManifest& manifest = ModelManifest::builtIn();
        m_backbone = Backbone::load(manifest.model(manifest.defaultBackbone()), ModelStore(models));
    }

    void findsTheRepeatedFlowerNotTheBackground()
    {
        QList<QRect> cells;
        const QImage image = tiledFlowers(&cells);
        if (qEnvironmentVariableIsSet("WEFT_TEST_DUMP"))
            image.save(QDir::temp().filePath(QStringLiteral("weft-tiled-flowers.png")));
        const auto detector = makeDetector(QStringLiteral("motif"), ModelStore(sharedModels()), m_backbone);
        QCOMPARE(detector->id(), QStringLiteral("motif"));
        const Components components = detector->detect(image);
        QVERIFY2(components.size() >= 3, qPrintable(QStringLiteral("only %1 components").arg(components.size())));
        QVERIFY(components.size() <= 12);

        int onMotif = 0;
        for (const Component& component : components) {
            QCOMPARE(component.label, QStringLiteral("motif"));
            QVERIFY(image.rect().contains(component.box));
            QVERIFY(component.mask.isNull() || (component.mask.size() == component.box.size()
                                                && component.mask.format() == QImage::Format_Grayscale8));
            double bestIoU = 0;
            bool centreOnMotif = false;
            for (const QRect& cell : cells) {
                bestIoU = std::max(bestIoU, intersectionOverUnion(component.box, cell));
                centreOnMotif |= cell.contains(component.box.center());
            }
            const QString where = QStringLiteral("component at %1,%2 %3x%4 (group %5, score %6): best IoU %7")
                                      .arg(component.box.x()).arg(component.box.y()).arg(component.box.width())
                                      .arg(component.box.height()).arg(component.group).arg(double(component.score))
                                      .arg(bestIoU);
            qInfo("%s", qPrintable(where));
            // Nothing centred on plain background.
            QVERIFY2(centreOnMotif, qPrintable(where + QStringLiteral(" is centred on background")));
            if (bestIoU >= 0.3)
                ++onMotif;
        }
        QVERIFY2(onMotif >= 0.6 * components.size(),
                 qPrintable(QStringLiteral("%1 of %2 boxes match a flower").arg(onMotif).arg(components.size())));
        // The flowers are repeats of one motif: the first group has several of them.
        QVERIFY(std::count_if(components.begin(), components.end(), [](const Component& c) { return c.group == 0; }) >= 3);
    }

    void plainImageGivesNoComponents()
    {
        QImage image(320, 320, QImage::Format_RGB888);
        image.fill(QColor(90, 120, 200));
        MotifDetector detector(m_backbone);
        QVERIFY(detector.detect(image).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMotifDetector)
#include "tst_motifdetector.moc"
