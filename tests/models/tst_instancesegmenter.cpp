// Torch first: Qt's "slots" keyword macro breaks Torch headers included after it.
#include <ATen/Parallel.h>
#include <torch/script.h>

#include "core/components/MaskRcnnDetector.h"
#include "core/models/InstanceSegmenter.h"
#include "core/models/ModelManifest.h"
#include "core/models/ModelStore.h"
#include "core/models/TorchvisionOps.h"

#include "models/TorchExchange.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <cstring>
#include <memory>

using namespace weft;

namespace {

constexpr const char* kModelId = "maskrcnn-resnet50-fpn-coco";

// A fixed synthetic picture: colour ramps, two flat rectangles and a disc.
QImage syntheticImage(int width, int height)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        uchar* row = image.scanLine(y);
        for (int x = 0; x < width; ++x) {
            int r = (x * 255) / width, g = (y * 255) / height, b = ((x + y) * 3) & 0xFF;
            if (x > width / 6 && x < width / 2 && y > height / 5 && y < height / 2) {
                r = 230; g = 40; b = 30;
            } else if (x > width / 2 && x < 5 * width / 6 && y > height / 2 && y < 4 * height / 5) {
                r = 20; g = 60; b = 220;
            } else {
                const int dx = x - width / 4, dy = y - 3 * height / 4;
                if (dx * dx + dy * dy < (height / 6) * (height / 6)) {
                    r = 250; g = 240; b = 60;
                }
            }
            row[3 * x] = uchar(r);
            row[3 * x + 1] = uchar(g);
            row[3 * x + 2] = uchar(b);
        }
    }
    return image;
}

torch::Tensor imageTensor(const QImage& rgb)
{
    torch::Tensor hwc = torch::empty({rgb.height(), rgb.width(), 3}, torch::kUInt8);
    for (int y = 0; y < rgb.height(); ++y)
        std::memcpy(hwc.data_ptr<uint8_t>() + std::size_t(y) * rgb.width() * 3, rgb.constScanLine(y),
                    std::size_t(rgb.width()) * 3);
    return hwc;
}

// The detection's mask as a full-image plane (zero outside maskRect).
torch::Tensor fullMask(const Detection& detection, int width, int height)
{
    torch::Tensor plane = torch::zeros({height, width}, torch::kUInt8);
    for (int y = 0; y < detection.mask.height(); ++y)
        std::memcpy(plane.data_ptr<uint8_t>() + std::size_t(detection.maskRect.y() + y) * width + detection.maskRect.x(),
                    detection.mask.constScanLine(y), std::size_t(detection.mask.width()));
    return plane;
}

template <typename Function>
QString modelErrorOf(Function&& function)
{
    try {
        function();
    } catch (const ModelError& error) {
        return error.message();
    } catch (const std::exception& error) {
        return QStringLiteral("<unexpected exception type: %1>").arg(QString::fromUtf8(error.what()));
    }
    return {};
}

}  // namespace

class TestInstanceSegmenter : public QObject {
    Q_OBJECT

private:
    QString m_python;
    QStringList m_tried;
    QTemporaryDir m_models;
    QString m_exportFailure;

    const ModelSpec& spec() const { return ModelManifest::builtIn().model(QLatin1String(kModelId)); }

    // Skips without Python, fails when the export failed.
    void requireExport()
    {
        if (m_python.isEmpty())
            QFAIL(qPrintable(QStringLiteral("no Python with torch and torchvision (tried %1; set WEFT_PYTHON or "
                                            "apt-get install python3-torchvision); not checking Mask R-CNN against it")
                                 .arg(m_tried.join(QStringLiteral(", ")))));
        QVERIFY2(m_exportFailure.isEmpty(), qPrintable(m_exportFailure));
    }

private slots:
    void initTestCase()
    {
        at::set_num_threads(2);
        QVERIFY(m_models.isValid());
        m_python = test::pythonWithTorchvision(&m_tried);
        if (m_python.isEmpty())
            return;
        const QString script = QFINDTESTDATA("../../models/export_maskrcnn.py");
        if (script.isEmpty()) {
            m_exportFailure = QStringLiteral("models/export_maskrcnn.py not found next to the tests");
            return;
        }
        // Random weights and no score threshold, so that an untrained network still
        // gives its 10 best candidates; small internal size and 100 proposals (not
        // 1000) to keep the test quick.
        QElapsedTimer timer;
        timer.start();
        QString log;
        m_exportFailure = test::runPython(m_python,
                                          {script, QStringLiteral("--random-weights"), QStringLiteral("--score-thresh"),
                                           QStringLiteral("0.0"), QStringLiteral("--detections"), QStringLiteral("10"),
                                           QStringLiteral("--min-size"), QStringLiteral("320"),
                                           QStringLiteral("--max-size"), QStringLiteral("512"),
                                           QStringLiteral("--proposals"), QStringLiteral("100"), QStringLiteral("--out"),
                                           m_models.path()},
                                          600000, &log);
        qInfo("export took %.1f s", timer.elapsed() / 1000.0);
    }

    void manifestDescribesTheModel()
    {
        const ModelSpec& s = spec();
        QCOMPARE(s.role, QStringLiteral("instance-segmenter"));
        QCOMPARE(s.file, QStringLiteral("maskrcnn-resnet50-fpn-coco/model.pt"));
        QVERIFY(s.sha256.isEmpty());   // exported: checked against model.pt.sha256
        QCOMPARE(s.outputTupleIndex, 1);
        QCOMPARE(s.nativeSize, 800);
        QVERIFY(!s.bgr);
        for (int c = 0; c < 3; ++c) {
            QCOMPARE(s.mean[c], 0.0f);
            QCOMPARE(s.std[c], 255.0f);
        }
        QVERIFY(s.setup.contains(QLatin1String("export_maskrcnn.py")));
        QVERIFY(s.licence.contains(QLatin1String("BSD-3-Clause")));
    }

    void cocoCategoryNames()
    {
        QCOMPARE(InstanceSegmenter::cocoCategoryName(1), QStringLiteral("person"));
        QCOMPARE(InstanceSegmenter::cocoCategoryName(17), QStringLiteral("cat"));
        QCOMPARE(InstanceSegmenter::cocoCategoryName(90), QStringLiteral("toothbrush"));
        QVERIFY(InstanceSegmenter::cocoCategoryName(0).isEmpty());
        QVERIFY(InstanceSegmenter::cocoCategoryName(12).isEmpty());   // unused id
        QVERIFY(InstanceSegmenter::cocoCategoryName(91).isEmpty());
        QVERIFY(InstanceSegmenter::cocoCategoryName(-3).isEmpty());
    }

    void badFilesAreRejected()
    {
        QTemporaryDir dir;
        // Missing: the message says how to get it.
        const QString missing = modelErrorOf([&] { InstanceSegmenter::load(spec(), ModelStore(dir.path())); });
        QVERIFY2(missing.contains(QLatin1String("missing")) && missing.contains(QLatin1String("export_maskrcnn.py")),
                 qPrintable(missing));

        // Not TorchScript.
        const QString garbage = dir.filePath(QStringLiteral("garbage.pt"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a model");
        file.close();
        const QString unreadable = modelErrorOf([&] { InstanceSegmenter::loadUnverified(spec(), garbage); });
        QVERIFY2(unreadable.contains(QLatin1String("cannot be loaded as TorchScript"))
                     && unreadable.contains(QLatin1String("export_maskrcnn.py")),
                 qPrintable(unreadable));

        // TorchScript, but a feature extractor rather than a detector.
        torch::jit::Module module(c10::QualifiedName("NotADetector"));
        module.register_parameter("w", torch::randn({4, 3, 3, 3}), false);
        module.define(R"(
def forward(self, x):
    return torch.conv2d(x, self.w)
)");
        const QString other = dir.filePath(QStringLiteral("other.pt"));
        module.save(other.toStdString());
        const QString wrong = modelErrorOf([&] { InstanceSegmenter::loadUnverified(spec(), other); });
        QVERIFY2(wrong.contains(QLatin1String("not an instance segmenter")) && wrong.contains(QLatin1String("List[Tensor]")),
                 qPrintable(wrong));
    }

    void matchesTorchvisionInPython()
    {
        requireExport();
        const QString modelFile = QDir(m_models.path()).absoluteFilePath(spec().file);
        const QImage image = syntheticImage(320, 256);

        QTemporaryDir exchange;
        QVERIFY(exchange.isValid());
        test::TensorFolder folder(exchange.path());
        folder.write(QStringLiteral("image"), imageTensor(image));
        const QString script = QFINDTESTDATA("data/maskrcnn_reference.py");
        QVERIFY2(!script.isEmpty(), "tests/models/data/maskrcnn_reference.py not found");
        QString log;
        const QString failure = test::runPython(m_python, {script, modelFile, exchange.path()}, 300000, &log);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        qInfo("%s", qPrintable(log.trimmed().section(QLatin1Char('\n'), -1)));

        // What the app does: checksum against the sidecar, register the operators, load.
        QElapsedTimer timer;
        timer.start();
        const std::unique_ptr<InstanceSegmenter> segmenter = InstanceSegmenter::load(spec(), ModelStore(m_models.path()));
        const double loadMs = timer.nsecsElapsed() / 1e6;
        QVERIFY(torchvisionOperatorsAreWefts());   // not libtorchvision's
        timer.restart();
        const std::vector<Detection> first = segmenter->run(image);
        const double firstMs = timer.nsecsElapsed() / 1e6;
        timer.restart();
        const std::vector<Detection> detections = segmenter->run(image);
        const double secondMs = timer.nsecsElapsed() / 1e6;
        const torch::Tensor pythonMs = folder.read(QStringLiteral("timing"));
        qInfo("C++: load %.0f ms, first run %.0f ms, second run %.0f ms (Python: %.0f / %.0f ms), 320x256 image, "
              "model size 320..512, 100 proposals, 2 threads",
              loadMs, firstMs, secondMs, pythonMs[0].item<double>(), pythonMs[1].item<double>());

        const torch::Tensor boxes = folder.read(QStringLiteral("boxes"));
        const torch::Tensor scores = folder.read(QStringLiteral("scores"));
        const torch::Tensor labels = folder.read(QStringLiteral("labels"));
        const torch::Tensor masks = folder.read(QStringLiteral("masks"));
        const int count = int(boxes.size(0));
        QVERIFY2(count > 0, "the reference run found nothing; the comparison would be empty");
        QCOMPARE(int(detections.size()), count);
        QCOMPARE(int(first.size()), count);

        double worstBox = 0, worstScore = 0, worstMaskMean = 0;
        int worstMaskPixel = 0;
        for (int i = 0; i < count; ++i) {
            const Detection& d = detections[i];
            const QString which = QStringLiteral("detection %1").arg(i);
            QCOMPARE(d.label, int(labels[i].item<int64_t>()));
            const double expectedScore = scores[i].item<double>();
            worstScore = std::max(worstScore, std::abs(d.score - expectedScore));
            QVERIFY2(std::abs(d.score - expectedScore) <= 1e-4,
                     qPrintable(QStringLiteral("%1: score %2, Python %3").arg(which).arg(d.score).arg(expectedScore)));
            const double actualBox[4] = {d.box.left(), d.box.top(), d.box.right(), d.box.bottom()};
            for (int k = 0; k < 4; ++k) {
                const double expected = boxes[i][k].item<double>();
                const double relative = std::abs(actualBox[k] - expected) / std::max(1.0, std::abs(expected));
                worstBox = std::max(worstBox, relative);
                QVERIFY2(relative <= 1e-3, qPrintable(QStringLiteral("%1: box coordinate %2 is %3, Python %4")
                                                          .arg(which).arg(k).arg(actualBox[k]).arg(expected)));
            }
            // Masks: Grayscale8 over maskRect, which holds the box and every non-zero pixel.
            QVERIFY2(QRect(0, 0, image.width(), image.height()).contains(d.maskRect), qPrintable(which));
            QVERIFY2(!d.mask.isNull() && d.mask.format() == QImage::Format_Grayscale8 && d.mask.size() == d.maskRect.size(),
                     qPrintable(which));
            QVERIFY2(d.maskRect.contains(d.box.toAlignedRect().intersected(d.maskRect)), qPrintable(which));
            const torch::Tensor difference =
                (fullMask(d, image.width(), image.height()).to(torch::kInt32) - masks[i].to(torch::kInt32)).abs();
            const double meanDifference = difference.to(torch::kFloat64).mean().item<double>() / 255.0;
            worstMaskMean = std::max(worstMaskMean, meanDifference);
            worstMaskPixel = std::max(worstMaskPixel, difference.max().item<int>());
            QVERIFY2(meanDifference < 1e-3,
                     qPrintable(QStringLiteral("%1: mask mean abs diff %2").arg(which).arg(meanDifference)));
            // The run is deterministic.
            QCOMPARE(first[i].score, d.score);
            QCOMPARE(first[i].mask, d.mask);
        }
        qInfo("%d detections; max relative box diff %g, max score diff %g, max mask mean abs diff %g "
              "(max pixel diff %d/255)",
              count, worstBox, worstScore, worstMaskMean, worstMaskPixel);
    }

    // The detector the app runs (`--method det=maskrcnn`): the segmenter's detections
    // through Algorithm 1, each kept component one of them with its mask cut to its box.
    void detectorKeepsSegmenterDetectionsAsComponents()
    {
        requireExport();
        const ModelStore store(m_models.path());
        const QImage image = syntheticImage(320, 256);
        const std::vector<Detection> detections = InstanceSegmenter::load(spec(), store)->run(image);
        QVERIFY2(!detections.empty(), "the segmenter found nothing; the detector would have nothing to group");
        const Components components = MaskRcnnDetector::load(store)->detect(image);
        QVERIFY(!components.isEmpty());
        QList<int> groups;
        for (const Component& component : components) {
            if (!groups.contains(component.group))
                groups.append(component.group);
            const auto source = std::find_if(detections.begin(), detections.end(), [&](const Detection& d) {
                return d.box.toAlignedRect().intersected(image.rect()) == component.box && d.score == component.score
                       && InstanceSegmenter::cocoCategoryName(d.label) == component.label;
            });
            QVERIFY2(source != detections.end(), qPrintable(QStringLiteral("component at (%1,%2) %3x%4 is no detection")
                                                                 .arg(component.box.x()).arg(component.box.y())
                                                                 .arg(component.box.width()).arg(component.box.height())));
            // The mask: the detection's probability map at 0.5, over the component's box.
            QCOMPARE(component.mask.size(), component.box.size());
            for (int y = 0; y < component.box.height(); ++y)
                for (int x = 0; x < component.box.width(); ++x) {
                    const QPoint p = component.box.topLeft() + QPoint(x, y);
                    const QPoint m = p - source->maskRect.topLeft();
                    const int probability = source->maskRect.contains(p) ? source->mask.constScanLine(m.y())[m.x()] : 0;
                    QCOMPARE(int(qGray(component.mask.pixel(x, y))), probability >= 128 ? 255 : 0);
                }
        }
        QVERIFY2(groups.size() >= 1 && groups.size() <= 4, qPrintable(QString::number(groups.size())));
    }

    void runsOnAnyImageFormatAndSize()
    {
        requireExport();
        const std::unique_ptr<InstanceSegmenter> segmenter =
            InstanceSegmenter::loadUnverified(spec(), QDir(m_models.path()).absoluteFilePath(spec().file));
        // An odd-sized ARGB32 image: converted, and masks are at its size.
        const QImage image = syntheticImage(197, 131).convertToFormat(QImage::Format_ARGB32);
        const std::vector<Detection> detections = segmenter->run(image);
        QVERIFY(!detections.empty());
        for (std::size_t i = 1; i < detections.size(); ++i)
            QVERIFY(detections[i - 1].score >= detections[i].score);
        for (const Detection& d : detections) {
            QVERIFY(QRect(0, 0, 197, 131).contains(d.maskRect));
            QCOMPARE(d.mask.size(), d.maskRect.size());
            QVERIFY(d.score >= 0 && d.score <= 1);
        }
        QString empty;
        try {
            segmenter->run(QImage());
        } catch (const Error& error) {
            empty = error.message();
        }
        QVERIFY2(empty.contains(QLatin1String("empty")), qPrintable(empty));
    }
};

QTEST_GUILESS_MAIN(TestInstanceSegmenter)
#include "tst_instancesegmenter.moc"
