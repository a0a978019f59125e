#include "core/components/ComponentDetector.h"
#include "core/components/YoloDetector.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

using namespace weft;

namespace {

QString shared() { return qEnvironmentVariable("WEFT_SHARED_DIR"); }

}  // namespace

class TestYoloDetector : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<ComponentDetector> m_detector;

private slots:
    void initTestCase()
    {
        if (shared().isEmpty() || !QFileInfo::exists(shared() + QStringLiteral("/models/yolo-fastest-coco/yolo-fastest-1.1-xl.weights")))
            QFAIL("The shared Yolo-Fastest model (WEFT_SHARED_DIR/models/yolo-fastest-coco) is not available; "
                  "set WEFT_SHARED_DIR to the shared folder to run the YOLO detector tests.");
        m_detector = makeDetector(QStringLiteral("yolo"), ModelStore(shared() + QStringLiteral("/models")), nullptr);
        QCOMPARE(m_detector->id(), QStringLiteral("yolo"));
    }

    void damagedFilesAreRefused()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("yolo-fastest-coco")));
        for (const QString& name : {QStringLiteral("yolo-fastest-1.1-xl.cfg"), QStringLiteral("coco.names")})
            QVERIFY(QFile::copy(shared() + QStringLiteral("/models/yolo-fastest-coco/") + name,
                                dir.filePath(QStringLiteral("yolo-fastest-coco/") + name)));
        QFile weights(dir.filePath(QStringLiteral("yolo-fastest-coco/yolo-fastest-1.1-xl.weights")));
        QVERIFY(weights.open(QIODevice::WriteOnly));
        weights.write(QByteArray(3693964, '\0'));
        weights.close();
        try {
            YoloDetector::load(ModelStore(dir.path()));
            QFAIL("zeroed weights were loaded");
        } catch (const ModelError& e) {
            QVERIFY2(e.message().contains(QStringLiteral("SHA-256")), qPrintable(e.message()));
        }
    }

    void syntheticImageSmoke()
    {
        QImage image(400, 300, QImage::Format_RGB888);
        image.fill(QColor(200, 200, 190));
        QPainter painter(&image);
        painter.setBrush(QColor(40, 60, 160));
        painter.drawEllipse(QPoint(200, 150), 80, 60);
        painter.end();
        const Components components = m_detector->detect(image);
        QVERIFY(components.size() <= 12);
        for (const Component& c : components) {
            QVERIFY(image.rect().contains(c.box));
            QVERIFY(c.score >= 0.2f && c.score <= 1.0f);
            QVERIFY(!c.label.isEmpty());
            QVERIFY(c.group >= 0 && c.group < 4);
            QVERIFY(c.mask.isNull() || (c.mask.size() == c.box.size() && c.mask.format() == QImage::Format_Grayscale8));
        }
        // Tiny and odd-sized inputs do not fail.
        QImage tiny(3, 5, QImage::Format_RGB888);
        tiny.fill(Qt::black);
        m_detector->detect(tiny);
    }

    void findsSomethingOnAPhoto()
    {
        const QString path = shared() + QStringLiteral("/datasets/fashion-texture/images/paisley/1202.jpg");
        if (!QFileInfo::exists(path))
            QFAIL("fashion-texture is not in the shared folder");
        const QImage image = QImage(path).convertToFormat(QImage::Format_RGB888);
        QVERIFY(!image.isNull());
        const Components components = m_detector->detect(image);
        QVERIFY2(!components.isEmpty(), "nothing found on a photo of a man in a paisley shirt at threshold 0.2");
        QCOMPARE(components.front().label, QStringLiteral("person"));
        QVERIFY(components.front().box.width() > image.width() / 3);
        // GrabCut separates the man from the white backdrop: a mask that is not the whole box.
        QVERIFY(!components.front().mask.isNull());
    }
};

QTEST_GUILESS_MAIN(TestYoloDetector)
#include "tst_yolodetector.moc"
