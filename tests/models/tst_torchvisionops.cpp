// Torch first: Qt's "slots" keyword macro breaks Torch headers included after it.
#include <ATen/Parallel.h>
#include <ATen/core/dispatch/Dispatcher.h>
#include <torch/csrc/jit/frontend/resolver.h>
#include <torch/csrc/jit/frontend/sugared_value.h>
#include <torch/jit.h>
#include <torch/script.h>

#include "core/models/TorchvisionOps.h"

#include "models/TorchExchange.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace weft;

namespace {

// Our operators, reached the way TorchScript reaches them: through the dispatcher.
at::Tensor roiAlign(const at::Tensor& input, const at::Tensor& rois, double scale, int64_t pooledHeight,
                    int64_t pooledWidth, int64_t samplingRatio, bool aligned)
{
    static const auto op = c10::Dispatcher::singleton()
                               .findSchemaOrThrow("torchvision::roi_align", "")
                               .typed<at::Tensor(const at::Tensor&, const at::Tensor&, double, int64_t, int64_t,
                                                 int64_t, bool)>();
    return op.call(input, rois, scale, pooledHeight, pooledWidth, samplingRatio, aligned);
}

at::Tensor nms(const at::Tensor& boxes, const at::Tensor& scores, double threshold)
{
    static const auto op = c10::Dispatcher::singleton()
                               .findSchemaOrThrow("torchvision::nms", "")
                               .typed<at::Tensor(const at::Tensor&, const at::Tensor&, double)>();
    return op.call(boxes, scores, threshold);
}

QString schemaOf(const char* name)
{
    const auto handle = c10::Dispatcher::singleton().findSchema({name, ""});
    return handle ? QString::fromStdString(c10::toString(handle->schema())) : QString();
}

template <typename Function>
QString errorOf(Function&& function)
{
    try {
        function();
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

// K RoIs on `batches` images: corners uniform in [low, high), sides in [minSide, maxSide).
torch::Tensor randomRois(int64_t count, int64_t batches, double low, double high, double minSide, double maxSide)
{
    const torch::Tensor batch = torch::randint(0, batches, {count, 1}).to(torch::kFloat32);
    const torch::Tensor corner = torch::rand({count, 2}) * (high - low) + low;
    const torch::Tensor side = torch::rand({count, 2}) * (maxSide - minSide) + minSide;
    return torch::cat({batch, corner, corner + side}, 1);
}

// Boxes in clusters of near-duplicates, so that NMS has plenty to suppress.
torch::Tensor clusteredBoxes(int64_t count, int64_t clusters)
{
    const torch::Tensor centres = torch::rand({clusters, 2}) * 200;
    const torch::Tensor which = torch::randint(0, clusters, {count});
    const torch::Tensor centre = centres.index_select(0, which) + torch::randn({count, 2}) * 6;
    const torch::Tensor half = torch::rand({count, 2}) * 25 + 5;
    return torch::cat({centre - half, centre + half}, 1);
}

struct RoiAlignCase {
    QString name;
    torch::Tensor input, rois;
    double spatialScale;
    int64_t pooledHeight, pooledWidth, samplingRatio;
    bool aligned;
};

struct NmsCase {
    QString name;
    torch::Tensor boxes, scores;
    double iouThreshold;
};

std::vector<RoiAlignCase> roiAlignCases()
{
    std::vector<RoiAlignCase> cases;
    auto add = [&](const QString& name, const torch::Tensor& input, const torch::Tensor& rois, double scale,
                   int64_t ph, int64_t pw, int64_t sampling, bool aligned) {
        cases.push_back({name, input, rois, scale, ph, pw, sampling, aligned});
    };
    for (const bool aligned : {false, true}) {
        const QString a = aligned ? QStringLiteral("aligned") : QStringLiteral("legacy");
        torch::manual_seed(11);
        // A stride-4 map of a 92x68 image; boxes partly outside (corners from -20).
        const torch::Tensor map4 = torch::randn({2, 3, 17, 23});
        const torch::Tensor rois4 = randomRois(40, 2, -20, 90, 0.5, 60);
        for (const int64_t sampling : {2, 0, -1, 1})
            add(QStringLiteral("scale0.25-s%1-%2").arg(sampling).arg(a), map4, rois4, 0.25, 7, 7, sampling, aligned);
        add(QStringLiteral("scale0.25-14x14-%1").arg(a), map4, rois4, 0.25, 14, 14, 2, aligned);
        add(QStringLiteral("scale0.25-3x5-%1").arg(a), map4, rois4, 0.25, 3, 5, 0, aligned);

        // Stride 8, three images, bigger boxes than the image.
        torch::manual_seed(12);
        const torch::Tensor map8 = torch::randn({3, 4, 9, 13});
        const torch::Tensor rois8 = randomRois(30, 3, -40, 100, 1, 150);
        for (const int64_t sampling : {2, 0, -1})
            add(QStringLiteral("scale0.125-s%1-%2").arg(sampling).arg(a), map8, rois8, 0.125, 7, 7, sampling, aligned);

        // Zero-size boxes (points and lines), inside and on the border.
        const torch::Tensor degenerate = torch::tensor({{0.f, 10.f, 10.f, 10.f, 10.f},
                                                        {1.f, 0.f, 0.f, 0.f, 0.f},
                                                        {0.f, 5.f, 7.f, 30.f, 7.f},
                                                        {1.f, 12.f, 3.f, 12.f, 40.f},
                                                        {0.f, 91.f, 67.f, 91.f, 67.f},
                                                        {1.f, 92.f, 68.f, 92.f, 68.f}});
        for (const int64_t sampling : {2, 0})
            add(QStringLiteral("zero-size-s%1-%2").arg(sampling).arg(a), map4, degenerate, 0.25, 7, 7, sampling, aligned);

        // Wholly outside the image, on all sides, and just touching it.
        const torch::Tensor outside = torch::tensor({{0.f, -50.f, -50.f, -10.f, -8.f},
                                                     {1.f, 100.f, 10.f, 140.f, 30.f},
                                                     {0.f, 10.f, 75.f, 40.f, 120.f},
                                                     {1.f, -30.f, -30.f, -4.f, -4.f},
                                                     {0.f, -8.f, -8.f, 0.f, 0.f},
                                                     {1.f, 92.f, 68.f, 100.f, 76.f}});
        for (const int64_t sampling : {2, 0})
            add(QStringLiteral("outside-s%1-%2").arg(sampling).arg(a), map4, outside, 0.25, 7, 7, sampling, aligned);

        // Inverted boxes (x2 < x1): legacy mode makes them 1 wide, aligned keeps them negative.
        const torch::Tensor inverted = torch::tensor({{0.f, 40.f, 30.f, 20.f, 50.f}, {1.f, 30.f, 40.f, 50.f, 10.f}});
        for (const int64_t sampling : {2, 0})
            add(QStringLiteral("inverted-s%1-%2").arg(sampling).arg(a), map4, inverted, 0.25, 7, 7, sampling, aligned);

        // No RoIs at all.
        add(QStringLiteral("empty-%1").arg(a), map4, torch::zeros({0, 5}), 0.25, 7, 7, 2, aligned);
    }
    // A 1x1 map, and an image-sized map (scale 1).
    torch::manual_seed(13);
    add(QStringLiteral("one-pixel"), torch::randn({1, 2, 1, 1}), randomRois(10, 1, -3, 3, 0, 4), 1.0, 2, 2, 0, false);
    add(QStringLiteral("one-pixel-aligned"), torch::randn({1, 2, 1, 1}), randomRois(10, 1, -3, 3, 0, 4), 1.0, 2, 2, 0,
        true);
    add(QStringLiteral("scale1"), torch::randn({2, 5, 31, 29}), randomRois(25, 2, -5, 30, 0, 20), 1.0, 7, 7, 0, true);
    return cases;
}

std::vector<NmsCase> nmsCases()
{
    std::vector<NmsCase> cases;
    torch::manual_seed(21);
    cases.push_back({QStringLiteral("empty"), torch::zeros({0, 4}), torch::zeros({0}), 0.5});
    cases.push_back({QStringLiteral("single"), torch::tensor({{1.f, 2.f, 3.f, 4.f}}), torch::tensor({0.3f}), 0.5});
    const torch::Tensor boxes = clusteredBoxes(300, 25);
    const torch::Tensor scores = torch::rand({300});
    for (const double threshold : {0.0, 0.3, 0.5, 0.7, 1.0})
        cases.push_back({QStringLiteral("random-%1").arg(threshold), boxes, scores, threshold});
    // Ties: all scores equal, and a few distinct values among many boxes.
    cases.push_back({QStringLiteral("equal-scores-small"), boxes.slice(0, 0, 12), torch::full({12}, 0.5f), 0.3});
    cases.push_back({QStringLiteral("equal-scores"), boxes, torch::full({300}, 0.5f), 0.5});
    cases.push_back({QStringLiteral("quantised-scores"), boxes, torch::randint(0, 4, {300}).to(torch::kFloat32) / 4,
                     0.5});
    // Zero-size boxes, exact duplicates and inverted boxes among normal ones.
    const torch::Tensor odd = torch::tensor({{10.f, 10.f, 10.f, 10.f},
                                             {10.f, 10.f, 10.f, 10.f},
                                             {0.f, 0.f, 20.f, 20.f},
                                             {0.f, 0.f, 20.f, 20.f},
                                             {5.f, 5.f, 15.f, 5.f},
                                             {20.f, 20.f, 0.f, 0.f},
                                             {2.f, 2.f, 22.f, 22.f},
                                             {-10.f, -10.f, 5.f, 5.f}});
    for (const double threshold : {0.0, 0.5})
        cases.push_back({QStringLiteral("degenerate-%1").arg(threshold), odd,
                         torch::tensor({0.9f, 0.8f, 0.7f, 0.7f, 0.6f, 0.5f, 0.4f, 0.3f}), threshold});
    return cases;
}

}  // namespace

class TestTorchvisionOps : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        at::set_num_threads(2);
        registerTorchvisionOperators();
        registerTorchvisionOperators();   // idempotent
    }

    void operatorsAreRegisteredWithTorchvisionsSchemas()
    {
        QVERIFY(torchvisionOperatorsAreWefts());
        QCOMPARE(schemaOf("torchvision::nms"),
                 QStringLiteral("torchvision::nms(Tensor dets, Tensor scores, float iou_threshold) -> Tensor"));
        QCOMPARE(schemaOf("torchvision::roi_align"),
                 QStringLiteral("torchvision::roi_align(Tensor input, Tensor rois, float spatial_scale, "
                                "int pooled_height, int pooled_width, int sampling_ratio, bool aligned) -> Tensor"));
    }

    void torchScriptCallsThem()
    {
        // What a scripted detection model does: look the operators up by name and
        // schema when its code is compiled. (Saved models write ops.torchvision.nms,
        // which only the model importer resolves; here "torchvision" is the namespace.)
        struct TorchvisionResolver : torch::jit::Resolver {
            std::shared_ptr<torch::jit::SugaredValue> resolveValue(const std::string& name,
                                                                   torch::jit::GraphFunction& function,
                                                                   const torch::jit::SourceRange& location) override
            {
                if (name == "torchvision")
                    return std::make_shared<torch::jit::BuiltinModule>("torchvision");
                return torch::jit::nativeResolver()->resolveValue(name, function, location);
            }
        };
        torch::jit::CompilationUnit unitStorage;
        torch::jit::CompilationUnit* unit = &unitStorage;
        unit->define(c10::nullopt, R"(
def pool(x: Tensor, rois: Tensor):
    return torchvision.roi_align(x, rois, 0.5, 2, 2, 2, False)

def keep(boxes: Tensor, scores: Tensor):
    return torchvision.nms(boxes, scores, 0.5)
)",
                     std::make_shared<TorchvisionResolver>(), nullptr);
        const torch::Tensor map = torch::full({1, 1, 8, 8}, 2.5f);
        const torch::Tensor pooled = unit->run_method("pool", map, torch::tensor({{0.f, 2.f, 2.f, 10.f, 10.f}})).toTensor();
        QCOMPARE(pooled.sizes().vec(), (std::vector<int64_t>{1, 1, 2, 2}));
        QVERIFY(torch::allclose(pooled, torch::full({1, 1, 2, 2}, 2.5f)));
        const torch::Tensor kept = unit->run_method("keep", torch::tensor({{0.f, 0.f, 10.f, 10.f}, {1.f, 1.f, 10.f, 10.f}}),
                                                    torch::tensor({0.4f, 0.9f}))
                                       .toTensor();
        QCOMPARE(kept.sizes().vec(), std::vector<int64_t>{1});
        QCOMPARE(kept[0].item<int64_t>(), int64_t(1));
    }

    void roiAlignAveragesALinearRamp()
    {
        // Bilinear interpolation reproduces a linear function exactly, so every bin of a
        // box inside the map is the ramp's value at the bin centre (shifted by -0.5 when
        // aligned), whatever the number of samples.
        const int64_t height = 20, width = 30;
        const torch::Tensor ramp = (torch::arange(width, torch::kFloat32).view({1, width}) * 2
                                    + torch::arange(height, torch::kFloat32).view({height, 1}) * 3)
                                       .view({1, 1, height, width});
        const float x1 = 4.2f, y1 = 3.1f, x2 = 22.7f, y2 = 15.9f;
        const torch::Tensor rois = torch::tensor({{0.f, x1, y1, x2, y2}});
        for (const bool aligned : {false, true})
            for (const int64_t sampling : {1, 2, 3, 0}) {
                const torch::Tensor pooled = roiAlign(ramp, rois, 1.0, 4, 5, sampling, aligned)[0][0];
                const float shift = aligned ? 0.5f : 0.f;
                for (int64_t py = 0; py < 4; ++py)
                    for (int64_t px = 0; px < 5; ++px) {
                        const float cx = x1 - shift + (px + 0.5f) * (x2 - x1) / 5;
                        const float cy = y1 - shift + (py + 0.5f) * (y2 - y1) / 4;
                        const float expected = 2 * cx + 3 * cy;
                        const float actual = pooled[py][px].item<float>();
                        QVERIFY2(std::abs(actual - expected) < 1e-4f,
                                 qPrintable(QStringLiteral("aligned %1 sampling %2 bin (%3, %4): %5, expected %6")
                                                .arg(aligned).arg(sampling).arg(py).arg(px).arg(actual).arg(expected)));
                    }
            }
        // Far outside the map: all samples are zero.
        const torch::Tensor outside = roiAlign(ramp, torch::tensor({{0.f, -40.f, -40.f, -10.f, -10.f}}), 1.0, 2, 2, 2, true);
        QCOMPARE(outside.abs().max().item<float>(), 0.f);
    }

    void roiAlignKeepsBatchesApart()
    {
        const torch::Tensor maps = torch::stack({torch::full({2, 6, 6}, 1.f), torch::full({2, 6, 6}, 7.f)});
        const torch::Tensor rois = torch::tensor({{1.f, 1.f, 1.f, 4.f, 4.f}, {0.f, 1.f, 1.f, 4.f, 4.f}});
        const torch::Tensor pooled = roiAlign(maps, rois, 1.0, 3, 3, 2, false);
        QVERIFY(torch::allclose(pooled[0], torch::full({2, 3, 3}, 7.f)));
        QVERIFY(torch::allclose(pooled[1], torch::full({2, 3, 3}, 1.f)));
    }

    void nmsSuppressesByIoU()
    {
        // IoU(0, 1) = 81 / 119 = 0.68; box 2 overlaps neither.
        const torch::Tensor boxes = torch::tensor({{0.f, 0.f, 10.f, 10.f}, {1.f, 1.f, 11.f, 11.f}, {20.f, 20.f, 30.f, 30.f}});
        const torch::Tensor scores = torch::tensor({0.8f, 0.9f, 0.1f});
        QCOMPARE(nms(boxes, scores, 0.5).sizes().vec(), std::vector<int64_t>{2});
        QVERIFY(torch::equal(nms(boxes, scores, 0.5), torch::tensor({1, 2}, torch::kLong)));
        QVERIFY(torch::equal(nms(boxes, scores, 0.7), torch::tensor({1, 0, 2}, torch::kLong)));
        QVERIFY(torch::equal(nms(boxes, scores, 0.68), torch::tensor({1, 2}, torch::kLong)));
        QVERIFY(torch::equal(nms(boxes, scores, 0.69), torch::tensor({1, 0, 2}, torch::kLong)));
        // Identical boxes have IoU 1, which is not > 1.
        const torch::Tensor twins = torch::tensor({{0.f, 0.f, 4.f, 4.f}, {0.f, 0.f, 4.f, 4.f}});
        QVERIFY(torch::equal(nms(twins, torch::tensor({0.5f, 0.6f}), 1.0), torch::tensor({1, 0}, torch::kLong)));
        QVERIFY(torch::equal(nms(twins, torch::tensor({0.5f, 0.6f}), 0.99), torch::tensor({1}, torch::kLong)));
        QCOMPARE(nms(torch::zeros({0, 4}), torch::zeros({0}), 0.5).numel(), int64_t(0));
        QCOMPARE(nms(torch::zeros({0, 4}), torch::zeros({0}), 0.5).scalar_type(), torch::kLong);
    }

    void badInputsAreRejected()
    {
        const torch::Tensor map = torch::zeros({1, 1, 4, 4});
        QVERIFY(errorOf([&] { roiAlign(map, torch::zeros({3, 4}), 1.0, 2, 2, 2, false); }).contains("[K, 5]"));
        QVERIFY(errorOf([&] { roiAlign(map[0], torch::zeros({3, 5}), 1.0, 2, 2, 2, false); }).contains("[N, C, H, W]"));
        QVERIFY(errorOf([&] { roiAlign(map, torch::tensor({{1.f, 0.f, 0.f, 1.f, 1.f}}), 1.0, 2, 2, 2, false); })
                    .contains("batch indices"));
        QVERIFY(errorOf([&] { roiAlign(map, torch::zeros({1, 5}), 1.0, 0, 2, 2, false); }).contains("positive"));
        QVERIFY(errorOf([&] { roiAlign(map, torch::zeros({1, 5}, torch::kFloat64), 1.0, 2, 2, 2, false); })
                    .contains("one dtype"));
        QVERIFY(errorOf([&] { nms(torch::zeros({3, 5}), torch::zeros({3}), 0.5); }).contains("[N, 4]"));
        QVERIFY(errorOf([&] { nms(torch::zeros({3, 4}), torch::zeros({2}), 0.5); }).contains("3 boxes but 2 scores"));
        QVERIFY(errorOf([&] { nms(torch::zeros({3, 4}), torch::zeros({3}, torch::kFloat64), 0.5); }).contains("one dtype"));
    }

    void doubleAndFloatAgree()
    {
        torch::manual_seed(5);
        const torch::Tensor map = torch::randn({2, 3, 11, 13});
        const torch::Tensor rois = randomRois(20, 2, -10, 50, 0, 40);
        const torch::Tensor asFloat = roiAlign(map, rois, 0.25, 7, 7, 0, true);
        const torch::Tensor asDouble = roiAlign(map.to(torch::kFloat64), rois.to(torch::kFloat64), 0.25, 7, 7, 0, true);
        QVERIFY((asFloat.to(torch::kFloat64) - asDouble).abs().max().item<double>() < 1e-5);
    }

    void matchTorchvision()
    {
        QStringList tried;
        const QString python = test::pythonWithTorchvision(&tried);
        if (python.isEmpty())
            QFAIL(qPrintable(QStringLiteral("no Python with torch and torchvision (tried %1; set WEFT_PYTHON or "
                                            "apt-get install python3-torchvision); not comparing with torchvision.ops")
                                 .arg(tried.join(QStringLiteral(", ")))));
        const QString script = QFINDTESTDATA("data/torchvision_ops_reference.py");
        QVERIFY2(!script.isEmpty(), "tests/models/data/torchvision_ops_reference.py not found");

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        test::TensorFolder folder(dir.path());
        const std::vector<RoiAlignCase> roiCases = roiAlignCases();
        const std::vector<NmsCase> suppressionCases = nmsCases();
        QJsonArray roiJson, nmsJson;
        for (const RoiAlignCase& c : roiCases) {
            folder.write(c.name + QStringLiteral(".input"), c.input);
            folder.write(c.name + QStringLiteral(".rois"), c.rois);
            roiJson.append(QJsonObject{{"name", c.name},
                                       {"spatial_scale", c.spatialScale},
                                       {"pooled_height", qint64(c.pooledHeight)},
                                       {"pooled_width", qint64(c.pooledWidth)},
                                       {"sampling_ratio", qint64(c.samplingRatio)},
                                       {"aligned", c.aligned}});
        }
        for (const NmsCase& c : suppressionCases) {
            folder.write(c.name + QStringLiteral(".boxes"), c.boxes);
            folder.write(c.name + QStringLiteral(".scores"), c.scores);
            nmsJson.append(QJsonObject{{"name", c.name}, {"iou_threshold", c.iouThreshold}});
        }
        QFile cases(dir.filePath(QStringLiteral("cases.json")));
        QVERIFY(cases.open(QIODevice::WriteOnly));
        cases.write(QJsonDocument(QJsonObject{{"roi_align", roiJson}, {"nms", nmsJson}}).toJson());
        cases.close();

        QString log;
        const QString failure = test::runPython(python, {script, dir.path()}, 300000, &log);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        qInfo("%s", qPrintable(log.trimmed()));

        QFile errorFile(dir.filePath(QStringLiteral("errors.json")));
        QVERIFY2(errorFile.open(QIODevice::ReadOnly), "the reference script wrote no errors.json");
        const QJsonObject torchvisionErrors = QJsonDocument::fromJson(errorFile.readAll()).object();

        double worst = 0;
        QString worstCase;
        int compared = 0;
        for (const RoiAlignCase& c : roiCases) {
            const torch::Tensor actual =
                roiAlign(c.input, c.rois, c.spatialScale, c.pooledHeight, c.pooledWidth, c.samplingRatio, c.aligned);
            if (torchvisionErrors.contains(c.name)) {
                // torchvision 0.14 sizes a buffer by the (negative) adaptive grid of an
                // inverted box and fails; such a box has no sample points, so it pools to 0.
                const QString message = torchvisionErrors.value(c.name).toString();
                QVERIFY2(c.name.startsWith(QLatin1String("inverted")) && c.aligned && c.samplingRatio <= 0,
                         qPrintable(QStringLiteral("torchvision fails on %1: %2").arg(c.name, message)));
                QCOMPARE(actual.abs().max().item<float>(), 0.f);
                qInfo("%s: torchvision raises (%s); Weft pools to zeros", qPrintable(c.name), qPrintable(message));
                continue;
            }
            const torch::Tensor expected = folder.read(c.name + QStringLiteral(".output"));
            ++compared;
            QVERIFY2(actual.sizes() == expected.sizes(),
                     qPrintable(QStringLiteral("%1: shape %2, torchvision %3")
                                    .arg(c.name, QString::fromStdString(c10::str(actual.sizes())),
                                         QString::fromStdString(c10::str(expected.sizes())))));
            if (actual.numel() == 0)
                continue;
            const double difference = (actual - expected).abs().max().item<double>();
            QVERIFY2(difference <= 1e-5, qPrintable(QStringLiteral("%1: max abs diff %2").arg(c.name).arg(difference)));
            if (difference >= worst) {
                worst = difference;
                worstCase = c.name;
            }
        }
        QVERIFY(compared >= int(roiCases.size()) - 2);
        qInfo("roi_align: %d cases compared, max abs diff %g (%s)", compared, worst, qPrintable(worstCase));

        int kept = 0;
        for (const NmsCase& c : suppressionCases) {
            const torch::Tensor expected = folder.read(c.name + QStringLiteral(".keep"));
            const torch::Tensor actual = nms(c.boxes, c.scores, c.iouThreshold);
            QVERIFY2(actual.scalar_type() == torch::kLong, qPrintable(c.name));
            QVERIFY2(torch::equal(actual, expected),
                     qPrintable(QStringLiteral("%1: keeps %2, torchvision keeps %3")
                                    .arg(c.name, QString::fromStdString(c10::str(actual)),
                                         QString::fromStdString(c10::str(expected)))));
            kept += int(actual.numel());
        }
        qInfo("nms: %d cases, identical keep indices (%d kept in all)", int(suppressionCases.size()), kept);
    }
};

QTEST_GUILESS_MAIN(TestTorchvisionOps)
#include "tst_torchvisionops.moc"
