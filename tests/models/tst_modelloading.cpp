// Torch first: Qt's "slots" keyword macro breaks Torch headers included after it.
#include <torch/script.h>

#include "models/TorchExchange.h"

#include "core/models/Backbone.h"
#include "core/models/ModelManifest.h"
#include "core/models/ModelStore.h"

#include "core/common/Error.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>
#include <string>

using namespace weft;

namespace {

// Tiny networks are written in TorchScript at test time; nothing binary lives in git.
// Two strided 3x3 convolutions: mid = relu(conv(x)) [N, 8, ceil(H/2), ceil(W/2)],
// last = conv(mid) [N, C, ceil(H/4), ceil(W/4)].
const char* const kTupleForward = R"(
def forward(self, x):
    mid = torch.relu(torch.conv2d(x, self.w1, self.b1, [2, 2], [1, 1]))
    last = torch.conv2d(mid, self.w2, self.b2, [2, 2], [1, 1])
    return (mid, last)
)";

const char* const kPlainForward = R"(
def forward(self, x):
    mid = torch.relu(torch.conv2d(x, self.w1, self.b1, [2, 2], [1, 1]))
    return torch.conv2d(mid, self.w2, self.b2, [2, 2], [1, 1])
)";

constexpr int kMidChannels = 8;

struct TinyWeights {
    torch::Tensor w1, b1, w2, b2;
};

// The error a call throws, as the user would see it; empty when it throws nothing.
template <typename Exception, typename Function>
QString errorOf(Function&& function)
{
    try {
        function();
    } catch (const Exception& error) {
        return QString::fromStdString(error.what());
    } catch (const std::exception& error) {
        return QStringLiteral("<unexpected exception type: %1>").arg(QString::fromStdString(error.what()));
    }
    return {};
}

QImage patternImage(int width, int height, int seed)
{
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        uchar* row = image.scanLine(y);
        for (int x = 0; x < width; ++x)
            for (int c = 0; c < 3; ++c)
                row[3 * x + c] = uchar((x * 37 + y * 11 + c * 91 + seed * 53 + x * y) & 0xFF);
    }
    return image;
}

// The network input as the manifest describes it, built independently of Backbone:
// the image's bytes viewed as [H, W, 3], in the network's channel order, normalised.
torch::Tensor referenceInput(const QImage& image, const ModelSpec& spec)
{
    torch::Tensor hwc = torch::from_blob(const_cast<uchar*>(image.constBits()), {image.height(), image.width(), 3},
                                         {image.bytesPerLine(), 3, 1}, torch::kUInt8)
                            .to(torch::kFloat32);
    const torch::Tensor mean = torch::tensor({spec.mean[0], spec.mean[1], spec.mean[2]});
    const torch::Tensor std = torch::tensor({spec.std[0], spec.std[1], spec.std[2]});
    torch::Tensor chw = ((hwc - mean) / std).permute({2, 0, 1});
    if (spec.bgr)
        chw = chw.flip({0});
    return chw.unsqueeze(0).contiguous();
}

torch::Tensor referenceLast(const torch::Tensor& input, const TinyWeights& w)
{
    const torch::Tensor mid = torch::relu(torch::conv2d(input, w.w1, w.b1, {2, 2}, {1, 1}));
    return torch::conv2d(mid, w.w2, w.b2, {2, 2}, {1, 1});
}

torch::Tensor referenceMid(const torch::Tensor& input, const TinyWeights& w)
{
    return torch::relu(torch::conv2d(input, w.w1, w.b1, {2, 2}, {1, 1}));
}

torch::Tensor asTensor(const FeatureMap& map)
{
    return torch::from_blob(const_cast<float*>(map.values.data()), {map.channels, map.height, map.width}, torch::kFloat32)
        .clone();
}

QByteArray manifestBytes(const QJsonObject& manifest)
{
    return QJsonDocument(manifest).toJson(QJsonDocument::Compact);
}

QJsonObject validModelObject()
{
    return QJsonObject{
        {"id", "tiny"},
        {"role", "backbone"},
        {"file", "tiny/features.pt"},
        {"sha256", ""},
        {"input", QJsonObject{{"colour_order", "RGB"},
                              {"mean", QJsonArray{1.0, 2.0, 3.0}},
                              {"std", QJsonArray{4.0, 5.0, 6.0}},
                              {"native_size", 224}}},
        {"output", QJsonObject{{"tuple_index", 1}, {"channels", 16}, {"stride", 4}}},
    };
}

QJsonObject validManifestObject(const QJsonObject& model = validModelObject())
{
    return QJsonObject{{"format_version", 1}, {"default_backbone", "tiny"}, {"models", QJsonArray{model}}};
}

}  // namespace

class TestModelLoading : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString path(const QString& relative) const { return m_dir->filePath(relative); }

    static ModelSpec tinySpec(int channels)
    {
        ModelSpec spec;
        spec.id = QStringLiteral("tiny-test");
        spec.role = QStringLiteral("backbone");
        spec.file = QStringLiteral("tiny/features.pt");
        spec.mean = {100.0f, 120.0f, 140.0f};
        spec.std = {50.0f, 60.0f, 70.0f};
        spec.outputTupleIndex = 1;
        spec.outputChannels = channels;
        spec.outputStride = 4;
        spec.setup = QStringLiteral("run tiny-setup.sh");
        return spec;
    }

    // Saves a tiny TorchScript network whose last map has `channels` channels.
    TinyWeights saveNet(const QString& file, int channels, const char* forward = kTupleForward, int inputChannels = 3)
    {
        TinyWeights w{torch::randn({kMidChannels, inputChannels, 3, 3}), torch::randn({kMidChannels}),
                      torch::randn({channels, kMidChannels, 3, 3}), torch::randn({channels})};
        torch::jit::Module module(c10::QualifiedName("TinyNet"));
        module.register_parameter("w1", w.w1, false);
        module.register_parameter("b1", w.b1, false);
        module.register_parameter("w2", w.w2, false);
        module.register_parameter("b2", w.b2, false);
        module.define(forward);
        QDir().mkpath(QFileInfo(file).absolutePath());
        module.save(file.toStdString());
        return w;
    }

    static void writeFile(const QString& file, const QByteArray& bytes)
    {
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size())
            qFatal("Cannot write %s", qPrintable(file));
    }

    static QByteArray randomBytes(int size)
    {
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator generator(1234);
        for (char& byte : bytes)
            byte = char(generator.bounded(256));
        return bytes;
    }

    static QString sha256(const QByteArray& bytes)
    {
        return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    }

private slots:
    void initTestCase()
    {
        Backbone::setThreads(2);
        torch::manual_seed(7);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() { m_dir.reset(); }

    void tinyNetRunsAsTheManifestSays_data()
    {
        QTest::addColumn<bool>("bgr");
        QTest::newRow("RGB") << false;
        QTest::newRow("BGR") << true;
    }

    void tinyNetRunsAsTheManifestSays()
    {
        QFETCH(bool, bgr);
        const QString file = path(QStringLiteral("tiny/features.pt"));
        const TinyWeights weights = saveNet(file, 5);
        ModelSpec spec = tinySpec(5);
        spec.bgr = bgr;

        const std::unique_ptr<Backbone> backbone = Backbone::loadUnverified(spec, file);
        QVERIFY(backbone);
        QCOMPARE(backbone->spec().id, spec.id);

        // 21 pixels wide: RGB888 rows are padded to 64 bytes, so the stride matters.
        const std::vector<QImage> images{patternImage(21, 13, 1), patternImage(21, 13, 2)};
        const std::vector<FeatureMap> maps = backbone->run(images);
        QCOMPARE(int(maps.size()), 2);
        for (std::size_t n = 0; n < maps.size(); ++n) {
            const FeatureMap& map = maps[n];
            QCOMPARE(map.channels, 5);
            QCOMPARE(map.height, 4);   // ceil(ceil(13 / 2) / 2)
            QCOMPARE(map.width, 6);    // ceil(ceil(21 / 2) / 2)
            QCOMPARE(map.values.size(), std::size_t(5 * 4 * 6));

            const torch::Tensor expected = referenceLast(referenceInput(images[n], spec), weights)[0];
            const torch::Tensor actual = asTensor(map);
            const double difference = (actual - expected).abs().max().item<double>();
            QVERIFY2(difference < 1e-4, qPrintable(QStringLiteral("image %1: max difference %2 from torch").arg(n).arg(difference)));
            QCOMPARE(map.channel(3)[2 * map.width + 1], expected[3][2][1].item<float>());
        }
        QVERIFY(!torch::equal(asTensor(maps[0]), asTensor(maps[1])));
        QVERIFY(backbone->run({}).empty());
    }

    void middleMapIsReadWhereTheManifestNamesIt()
    {
        const QString file = path(QStringLiteral("tiny/features.pt"));
        const TinyWeights weights = saveNet(file, 5);
        ModelSpec spec = tinySpec(5);
        const QImage image = patternImage(21, 13, 4);
        QVERIFY2(!Backbone::loadUnverified(spec, file)->run({image}).front().texture, "a middle map the manifest does not name");

        spec.textureTupleIndex = 0;
        spec.textureChannels = kMidChannels;
        spec.textureStride = 2;
        const std::vector<FeatureMap> maps = Backbone::loadUnverified(spec, file)->run({image});
        QVERIFY(maps.front().texture);
        const FeatureMap& mid = *maps.front().texture;
        QCOMPARE(mid.channels, kMidChannels);
        QCOMPARE(mid.height, 7);    // ceil(13 / 2)
        QCOMPARE(mid.width, 11);    // ceil(21 / 2)
        const torch::Tensor expected = referenceMid(referenceInput(image, spec), weights)[0];
        const double difference = (asTensor(mid) - expected).abs().max().item<double>();
        QVERIFY2(difference < 1e-4, qPrintable(QStringLiteral("max difference %1 from torch").arg(difference)));
        // The last map is still the last one, not the middle one.
        QCOMPARE(maps.front().channels, 5);
    }

    void wrongMiddleChannelsAreReported()
    {
        const QString file = path(QStringLiteral("tiny/features.pt"));
        saveNet(file, 5);
        ModelSpec spec = tinySpec(5);
        spec.textureTupleIndex = 0;
        spec.textureChannels = kMidChannels + 1;
        const QString message = errorOf<ModelError>([&] { Backbone::loadUnverified(spec, file); });
        QVERIFY2(!message.isEmpty(), "no ModelError for a middle layer of other channels than the manifest's");
        QVERIFY2(message.contains(QStringLiteral("expects [N, %1, H, W]").arg(kMidChannels + 1)), qPrintable(message));
    }

    void plainTensorOutputIsAcceptedAtIndexZero()
    {
        const QString file = path(QStringLiteral("plain.pt"));
        const TinyWeights weights = saveNet(file, 4, kPlainForward);
        ModelSpec spec = tinySpec(4);
        spec.outputTupleIndex = 0;
        const std::unique_ptr<Backbone> backbone = Backbone::loadUnverified(spec, file);
        const QImage image = patternImage(16, 8, 3);
        const std::vector<FeatureMap> maps = backbone->run({image});
        QCOMPARE(maps.size(), std::size_t(1));
        QVERIFY(torch::allclose(asTensor(maps[0]), referenceLast(referenceInput(image, spec), weights)[0], 1e-4, 1e-5));
    }

    void missingFileIsReported()
    {
        const ModelSpec spec = tinySpec(5);
        const QString message = errorOf<ModelError>([&] { ModelStore(m_dir->path()).verifiedPath(spec); });
        QVERIFY2(!message.isEmpty(), "no ModelError for a missing file");
        QVERIFY2(message.contains(QStringLiteral("missing")), qPrintable(message));
        QVERIFY2(message.contains(QDir(m_dir->path()).absoluteFilePath(spec.file)), qPrintable(message));
        QVERIFY2(message.contains(spec.setup), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("WEFT_MODEL_DIR")), qPrintable(message));
    }

    void goodChecksumPasses()
    {
        const QByteArray bytes = randomBytes(1000);
        writeFile(path(QStringLiteral("tiny/features.pt")), bytes);
        ModelSpec spec = tinySpec(5);
        spec.sha256 = sha256(bytes);
        spec.bytes = bytes.size();
        QCOMPARE(ModelStore(m_dir->path()).verifiedPath(spec), QDir(m_dir->path()).absoluteFilePath(spec.file));
        QCOMPARE(QString::fromLatin1(ModelStore::sha256Hex(path(spec.file))), spec.sha256);
    }

    void wrongChecksumIsReported()
    {
        writeFile(path(QStringLiteral("tiny/features.pt")), randomBytes(1000));
        ModelSpec spec = tinySpec(5);
        spec.sha256 = sha256("something else");
        const QString message = errorOf<ModelError>([&] { ModelStore(m_dir->path()).verifiedPath(spec); });
        QVERIFY2(!message.isEmpty(), "no ModelError for a wrong checksum");
        QVERIFY2(message.contains(QStringLiteral("damaged")), qPrintable(message));
        QVERIFY2(message.contains(path(spec.file)), qPrintable(message));
        QVERIFY2(message.contains(spec.sha256), qPrintable(message));
        QVERIFY2(message.contains(sha256(randomBytes(1000))), qPrintable(message));
        QVERIFY2(message.contains(spec.setup), qPrintable(message));
    }

    void wrongSizeIsReported()
    {
        const QByteArray bytes = randomBytes(1000);
        writeFile(path(QStringLiteral("tiny/features.pt")), bytes);
        ModelSpec spec = tinySpec(5);
        spec.sha256 = sha256(bytes);
        spec.bytes = bytes.size() + 1;
        const QString message = errorOf<ModelError>([&] { ModelStore(m_dir->path()).verifiedPath(spec); });
        QVERIFY2(!message.isEmpty(), "no ModelError for a wrong size");
        QVERIFY2(message.contains(QStringLiteral("damaged")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("1000 bytes")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("1001")), qPrintable(message));
        QVERIFY2(message.contains(path(spec.file)), qPrintable(message));
    }

    void sidecarChecksumIsUsed()
    {
        // Exported models: the manifest has no sha256; the export script wrote
        // "<hex>  features.pt" beside the file (sha256sum's format).
        const QByteArray bytes = randomBytes(2000);
        const QString file = path(QStringLiteral("tiny/features.pt"));
        writeFile(file, bytes);
        const ModelSpec spec = tinySpec(5);
        QVERIFY(spec.sha256.isEmpty());
        const ModelStore store(m_dir->path());

        const QString missing = errorOf<ModelError>([&] { store.verifiedPath(spec); });
        QVERIFY2(!missing.isEmpty(), "no ModelError for a missing .sha256 file");
        QVERIFY2(missing.contains(QStringLiteral("no recorded checksum")), qPrintable(missing));
        QVERIFY2(missing.contains(file + QStringLiteral(".sha256")), qPrintable(missing));
        QVERIFY2(missing.contains(spec.setup), qPrintable(missing));

        writeFile(file + QStringLiteral(".sha256"), sha256(bytes).toLatin1() + "  features.pt\n");
        QCOMPARE(store.verifiedPath(spec), file);

        writeFile(file + QStringLiteral(".sha256"), sha256("other").toLatin1() + "  features.pt\n");
        const QString wrong = errorOf<ModelError>([&] { store.verifiedPath(spec); });
        QVERIFY2(!wrong.isEmpty(), "no ModelError when the .sha256 file disagrees");
        QVERIFY2(wrong.contains(QStringLiteral("damaged")), qPrintable(wrong));
        QVERIFY2(wrong.contains(sha256("other")), qPrintable(wrong));
    }

    void nonTorchScriptFileIsReported()
    {
        const QByteArray bytes = randomBytes(4096);
        writeFile(path(QStringLiteral("tiny/features.pt")), bytes);
        ModelSpec spec = tinySpec(5);
        spec.sha256 = sha256(bytes);   // the checksum is right; the content is not a model
        spec.bytes = bytes.size();
        const QString message = errorOf<ModelError>([&] { Backbone::load(spec, ModelStore(m_dir->path())); });
        QVERIFY2(!message.isEmpty(), "no ModelError for a file that is not TorchScript");
        QVERIFY2(message.contains(QStringLiteral("cannot be loaded as TorchScript")), qPrintable(message));
        QVERIFY2(message.contains(path(spec.file)), qPrintable(message));
        QVERIFY2(message.contains(spec.setup), qPrintable(message));
    }

    void verifiedTinyNetLoadsThroughTheStore()
    {
        const QString file = path(QStringLiteral("tiny/features.pt"));
        saveNet(file, 5);
        QFile saved(file);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        ModelSpec spec = tinySpec(5);
        spec.sha256 = sha256(saved.readAll());
        spec.bytes = saved.size();
        const std::unique_ptr<Backbone> backbone = Backbone::load(spec, ModelStore(m_dir->path()));
        const std::vector<FeatureMap> maps = backbone->run({patternImage(32, 32, 4)});
        QCOMPARE(maps.front().channels, 5);
        QCOMPARE(maps.front().height, 8);
        QCOMPARE(maps.front().width, 8);
    }

    void wrongOutputChannelsAreReported()
    {
        const QString file = path(QStringLiteral("tiny/features.pt"));
        saveNet(file, 5);
        const ModelSpec spec = tinySpec(7);
        const QString message = errorOf<ModelError>([&] { Backbone::loadUnverified(spec, file); });
        QVERIFY2(!message.isEmpty(), "no ModelError for a network with other output channels");
        QVERIFY2(message.contains(QStringLiteral("manifest expects")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("[N, 7, H, W]")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("[1, 5, 16, 16]")), qPrintable(message));   // the 64x64 probe
        QVERIFY2(message.contains(spec.id), qPrintable(message));
    }

    void plainTensorWhereTupleExpectedIsReported()
    {
        const QString file = path(QStringLiteral("plain.pt"));
        saveNet(file, 5, kPlainForward);
        const ModelSpec spec = tinySpec(5);   // reads tuple element 1
        const QString message = errorOf<ModelError>([&] { Backbone::loadUnverified(spec, file); });
        QVERIFY2(!message.isEmpty(), "no ModelError for a plain tensor where a tuple is expected");
        QVERIFY2(message.contains(QStringLiteral("does not return a feature map tensor")), qPrintable(message));
        QVERIFY2(message.contains(spec.id), qPrintable(message));
    }

    void tupleIndexOutOfRangeIsReported()
    {
        const QString file = path(QStringLiteral("tiny/features.pt"));
        saveNet(file, 5);
        ModelSpec spec = tinySpec(5);
        spec.outputTupleIndex = 2;
        const QString message = errorOf<ModelError>([&] { Backbone::loadUnverified(spec, file); });
        QVERIFY2(!message.isEmpty(), "no ModelError for a tuple index out of range");
        QVERIFY2(message.contains(QStringLiteral("tuple of 2 elements")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("element 2")), qPrintable(message));
    }

    void networkFailingOnItsInputIsReported()
    {
        const QString file = path(QStringLiteral("tiny/features.pt"));
        saveNet(file, 5, kTupleForward, 4);   // wants 4 input channels
        const ModelSpec spec = tinySpec(5);
        const QString message = errorOf<ModelError>([&] { Backbone::loadUnverified(spec, file); });
        QVERIFY2(!message.isEmpty(), "no ModelError for a network that cannot take RGB input");
        QVERIFY2(message.contains(spec.id), qPrintable(message));
        QVERIFY2(!message.contains(QStringLiteral("unexpected exception type")), qPrintable(message));
    }

    void builtInManifest()
    {
        const ModelManifest& manifest = ModelManifest::builtIn();
        QCOMPARE(manifest.defaultBackbone(), QStringLiteral("mobilenetv2-imagenet"));
        const ModelSpec& mobileNet = manifest.model(manifest.defaultBackbone());
        QCOMPARE(mobileNet.outputChannels, 1280);
        QCOMPARE(mobileNet.outputTupleIndex, 1);
        QCOMPARE(mobileNet.outputStride, 32);
        QCOMPARE(mobileNet.file, QStringLiteral("mobilenetv2-imagenet/features.pt"));
        QCOMPARE(mobileNet.sha256.size(), 64);
        QVERIFY(mobileNet.bytes > 0);
        QVERIFY(!mobileNet.bgr);
        QCOMPARE(mobileNet.mean[0], 128.0f);
        QCOMPARE(mobileNet.std[2], 128.0f);
        QCOMPARE(mobileNet.textureTupleIndex, 0);
        QCOMPARE(mobileNet.textureChannels, 96);
        QCOMPARE(mobileNet.textureStride, 16);

        const ModelSpec& resnet50 = manifest.model(QStringLiteral("resnet50-imagenet"));
        QCOMPARE(resnet50.outputChannels, 2048);
        QCOMPARE(resnet50.textureTupleIndex, -1);   // its middle layer's 1,024 channels would give 524,800 values
        QVERIFY(resnet50.sha256.isEmpty());   // exported: checked against the .sha256 sidecar
        QCOMPARE(manifest.model(QStringLiteral("resnet101-imagenet")).outputChannels, 2048);
        QCOMPARE(manifest.model(QStringLiteral("vgg16-imagenet")).outputChannels, 512);
        QCOMPARE(manifest.model(QStringLiteral("vgg16-imagenet")).outputStride, 16);
        for (const ModelSpec& spec : manifest.models()) {
            QVERIFY2(!spec.setup.isEmpty(), qPrintable(spec.id));
            QVERIFY2(!spec.licence.isEmpty(), qPrintable(spec.id));
            QVERIFY2(spec.file.startsWith(spec.id + QLatin1Char('/')), qPrintable(spec.id));
        }

        const QString unknown = errorOf<Error>([&] { manifest.model(QStringLiteral("nosuch")); });
        QVERIFY2(unknown.contains(QStringLiteral("nosuch")) && unknown.contains(QStringLiteral("resnet50-imagenet")),
                 qPrintable(unknown));
    }

    void minimalManifestParses()
    {
        const ModelManifest manifest = ModelManifest::fromJson(manifestBytes(validManifestObject()));
        QCOMPARE(manifest.models().size(), 1);
        const ModelSpec& spec = manifest.model(QStringLiteral("tiny"));
        QCOMPARE(spec.outputChannels, 16);
        QCOMPARE(spec.outputStride, 4);
        QCOMPARE(spec.mean[1], 2.0f);
        QCOMPARE(spec.std[2], 6.0f);
        QCOMPARE(spec.textureTupleIndex, -1);

        QJsonObject model = validModelObject();
        model.insert("texture_output", QJsonObject{{"tuple_index", 0}, {"channels", 8}, {"stride", 2}});
        const ModelSpec textured = ModelManifest::fromJson(manifestBytes(validManifestObject(model))).model(QStringLiteral("tiny"));
        QCOMPARE(textured.textureTupleIndex, 0);
        QCOMPARE(textured.textureChannels, 8);
        QCOMPARE(textured.textureStride, 2);
    }

    void malformedManifestIsRejected_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");

        auto withModel = [](const std::function<void(QJsonObject&)>& change) {
            QJsonObject model = validModelObject();
            change(model);
            return manifestBytes(validManifestObject(model));
        };
        auto withInput = [&](const char* key, const QJsonValue& value) {
            return withModel([&](QJsonObject& model) {
                QJsonObject input = model.value("input").toObject();
                input.insert(QLatin1String(key), value);
                model.insert("input", input);
            });
        };
        auto withOutput = [&](const char* key, const QJsonValue& value) {
            return withModel([&](QJsonObject& model) {
                QJsonObject output = model.value("output").toObject();
                if (value.isUndefined())
                    output.remove(QLatin1String(key));
                else
                    output.insert(QLatin1String(key), value);
                model.insert("output", output);
            });
        };

        QTest::newRow("not JSON") << QByteArray("{ \"format_version\": 1,") << "not valid JSON";
        QTest::newRow("array") << QByteArray("[]") << "not valid JSON";
        QJsonObject version = validManifestObject();
        version.insert("format_version", 2);
        QTest::newRow("format_version 2") << manifestBytes(version) << "format_version";
        QTest::newRow("no id") << withModel([](QJsonObject& m) { m.remove("id"); }) << "has no id";
        QTest::newRow("no file") << withModel([](QJsonObject& m) { m.remove("file"); }) << "lacks its file";
        QTest::newRow("no channels") << withOutput("channels", QJsonValue::Undefined) << "channels";
        QTest::newRow("zero channels") << withOutput("channels", 0) << "channels";
        QTest::newRow("no tuple_index") << withOutput("tuple_index", QJsonValue::Undefined) << "tuple_index";
        auto withTexture = [&](const QJsonObject& texture) {
            return withModel([&](QJsonObject& model) { model.insert("texture_output", texture); });
        };
        QTest::newRow("texture at the output's index") << withTexture({{"tuple_index", 1}, {"channels", 8}, {"stride", 2}})
                                                        << "texture_output";
        QTest::newRow("texture without channels") << withTexture({{"tuple_index", 0}, {"stride", 2}}) << "texture_output";
        QTest::newRow("texture stride not dividing") << withTexture({{"tuple_index", 0}, {"channels", 8}, {"stride", 3}})
                                                     << "texture_output";
        QTest::newRow("two means") << withInput("mean", QJsonArray{1.0, 2.0}) << "three 'mean' values";
        QTest::newRow("no std") << withModel([](QJsonObject& m) {
            QJsonObject input = m.value("input").toObject();
            input.remove("std");
            m.insert("input", input);
        }) << "three 'std' values";
        QTest::newRow("zero std") << withInput("std", QJsonArray{1.0, 0.0, 1.0}) << "non-positive std";
        QTest::newRow("colour order") << withInput("colour_order", "HSV") << "colour_order 'HSV'";
        QJsonObject unknownDefault = validManifestObject();
        unknownDefault.insert("default_backbone", "nosuch");
        QTest::newRow("unknown default") << manifestBytes(unknownDefault) << "Unknown model 'nosuch'";
        QJsonObject empty = validManifestObject();
        empty.insert("models", QJsonArray());
        QTest::newRow("no models") << manifestBytes(empty) << "Unknown model 'tiny'";
    }

    void malformedManifestIsRejected()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        const QString message = errorOf<Error>([&] { ModelManifest::fromJson(json); });
        QVERIFY2(!message.isEmpty(), "the manifest was accepted");
        QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void sharedMobileNetV2()
    {
        try {
            checkSharedMobileNetV2();
        } catch (const std::exception& error) {
            QFAIL(error.what());
        }
    }

    void exportedResNet50MatchesManifest()
    {
        try {
            checkExportedResNet50();
        } catch (const std::exception& error) {
            QFAIL(error.what());
        }
    }

private:
    void checkSharedMobileNetV2()
    {
        const QString shared = qEnvironmentVariable("WEFT_SHARED_DIR");
        if (shared.isEmpty())
            QFAIL("WEFT_SHARED_DIR is not set (ctest sets it to the shared data folder), so the real MobileNetV2 cannot be checked");
        const QString models = shared + QStringLiteral("/models");
        const ModelSpec& spec = ModelManifest::builtIn().model(ModelManifest::builtIn().defaultBackbone());
        if (!QFileInfo::exists(models + QLatin1Char('/') + spec.file))
            QFAIL(qPrintable(QStringLiteral("%1/%2 does not exist, so the real MobileNetV2 cannot be checked").arg(models, spec.file)));

        const std::unique_ptr<Backbone> backbone = Backbone::load(spec, ModelStore(models));
        QImage grey(224, 224, QImage::Format_RGB888);
        grey.fill(QColor(128, 128, 128));
        const std::vector<FeatureMap> maps = backbone->run({grey, grey});
        QCOMPARE(maps.size(), std::size_t(2));
        QCOMPARE(maps[0].values, maps[1].values);
        QCOMPARE(maps[0].channels, 1280);
        QCOMPARE(maps[0].height, 7);
        QCOMPARE(maps[0].width, 7);
        const torch::Tensor last = asTensor(maps[0]);
        QVERIFY(torch::isfinite(last).all().item<bool>());
        QVERIFY(last.min().item<float>() >= 0.0f && last.max().item<float>() <= 6.0f);   // ReLU6
        QVERIFY(last.max().item<float>() > 0.0f);

        // Another size (batches share one size, so it is a run of its own).
        const std::vector<FeatureMap> other = backbone->run({patternImage(100, 60, 5)});
        QCOMPARE(other[0].channels, 1280);
        QCOMPARE(other[0].height, 2);   // ceil(60 / 32)
        QCOMPARE(other[0].width, 4);    // ceil(100 / 32)
    }

    void checkExportedResNet50()
    {
        QStringList tried;
        const QString python = weft::test::pythonWithTorchvision(&tried);
        if (python.isEmpty())
            QFAIL(qPrintable(QStringLiteral("no Python with torch and torchvision (tried %1; set WEFT_PYTHON or "
                                            "apt-get install python3-torchvision); not checking export_torchvision.py")
                                 .arg(tried.join(QStringLiteral(", ")))));
        const QString script = QFINDTESTDATA("../../models/export_torchvision.py");
        QVERIFY2(!script.isEmpty(), "models/export_torchvision.py not found next to the tests");

        QElapsedTimer timer;
        timer.start();
        QProcess exporter;
        exporter.setProcessChannelMode(QProcess::MergedChannels);
        exporter.start(python, {script, QStringLiteral("resnet50"), QStringLiteral("--random-weights"),
                                QStringLiteral("--out"), m_dir->path()});
        const bool finished = exporter.waitForFinished(300000);
        if (!finished) {
            exporter.kill();
            exporter.waitForFinished();
        }
        const QString log = QString::fromLocal8Bit(exporter.readAll());
        QVERIFY2(finished, qPrintable(QStringLiteral("the export did not finish in 300 s:\n") + log));
        QVERIFY2(exporter.exitStatus() == QProcess::NormalExit && exporter.exitCode() == 0,
                 qPrintable(QStringLiteral("%1 %2 failed:\n%3").arg(python, script, log)));
        qInfo("export took %.1f s", timer.elapsed() / 1000.0);

        const ModelSpec& spec = ModelManifest::builtIn().model(QStringLiteral("resnet50-imagenet"));
        const QString file = QDir(m_dir->path()).absoluteFilePath(spec.file);
        QVERIFY2(QFileInfo::exists(file + QStringLiteral(".sha256")), "no features.pt.sha256 beside the export");
        QFile info(QFileInfo(file).absolutePath() + QStringLiteral("/model.json"));
        QVERIFY2(info.open(QIODevice::ReadOnly), "no model.json beside the export");
        const QJsonObject json = QJsonDocument::fromJson(info.readAll()).object();
        QCOMPARE(json.value("id").toString(), spec.id);
        QCOMPARE(json.value("licence").toObject().value("spdx").toString(), QStringLiteral("BSD-3-Clause"));
        const QJsonArray mean = json.value("input").toObject().value("mean").toArray();
        QCOMPARE(mean.size(), 3);
        for (int c = 0; c < 3; ++c)
            QCOMPARE(float(mean[c].toDouble()), spec.mean[c]);

        const std::unique_ptr<Backbone> backbone = Backbone::load(spec, ModelStore(m_dir->path()));
        QImage grey(224, 224, QImage::Format_RGB888);
        grey.fill(QColor(120, 110, 100));
        const std::vector<FeatureMap> maps = backbone->run({grey});
        QCOMPARE(maps.front().channels, 2048);
        QCOMPARE(maps.front().height, 7);
        QCOMPARE(maps.front().width, 7);
        QVERIFY(torch::isfinite(asTensor(maps.front())).all().item<bool>());
        qInfo("export and check took %.1f s", timer.elapsed() / 1000.0);
    }
};

QTEST_GUILESS_MAIN(TestModelLoading)
#include "tst_modelloading.moc"
