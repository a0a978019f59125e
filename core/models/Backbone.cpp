// Torch first: Qt's "slots" keyword macro breaks Torch headers included after it.
#include <ATen/Parallel.h>
#include <torch/script.h>

#include "core/models/Backbone.h"

#include "core/common/Error.h"
#include "core/models/TorchMessage.h"

namespace weft {

struct Backbone::Network {
    torch::jit::Module module;
};

namespace {

torch::Tensor toInputTensor(const std::vector<QImage>& images, const ModelSpec& spec)
{
    const int width = images.front().width();
    const int height = images.front().height();
    torch::Tensor batch = torch::empty({long(images.size()), 3, height, width}, torch::kFloat32);
    float* out = batch.data_ptr<float>();
    const std::size_t plane = std::size_t(width) * height;
    for (std::size_t n = 0; n < images.size(); ++n) {
        const QImage& image = images[n];
        if (image.format() != QImage::Format_RGB888 || image.width() != width || image.height() != height)
            throw Error(QStringLiteral("Backbone input images must be RGB888 and of one size"));
        float* planes[3];
        for (int c = 0; c < 3; ++c)
            planes[spec.bgr ? 2 - c : c] = out + (n * 3 + c) * plane;
        for (int y = 0; y < height; ++y) {
            const uchar* row = image.constScanLine(y);
            const std::size_t offset = std::size_t(y) * width;
            for (int x = 0; x < width; ++x)
                for (int c = 0; c < 3; ++c)
                    planes[c][offset + x] = (float(row[3 * x + c]) - spec.mean[c]) / spec.std[c];
        }
    }
    return batch;
}

// Element `tupleIndex` of the network's output (the output itself when it is a
// tensor and the index 0), checked to be [N, channels, H, W].
torch::Tensor selectOutput(const torch::IValue& output, const ModelSpec& spec, int tupleIndex, int channels)
{
    torch::Tensor map;
    if (output.isTuple()) {
        const auto& elements = output.toTuple()->elements();
        if (tupleIndex >= int(elements.size()) || !elements[tupleIndex].isTensor())
            throw ModelError(QStringLiteral("Model '%1' returns a tuple of %2 elements; the manifest reads element %3 as a feature map")
                                 .arg(spec.id).arg(elements.size()).arg(tupleIndex));
        map = elements[tupleIndex].toTensor();
    } else if (output.isTensor() && tupleIndex == 0) {
        map = output.toTensor();
    } else {
        throw ModelError(QStringLiteral("Model '%1' does not return a feature map tensor (or a tuple of them)").arg(spec.id));
    }
    if (map.dim() != 4 || map.size(1) != channels)
        throw ModelError(QStringLiteral("Model '%1' gives an output of shape %2; the manifest expects [N, %3, H, W]. "
                                        "The file does not match its manifest entry: export it again.")
                             .arg(spec.id, QString::fromStdString(c10::str(map.sizes())))
                             .arg(channels));
    return map.to(torch::kFloat32).contiguous();
}

// One feature map per image of the batch `output`.
std::vector<FeatureMap> perImage(const torch::Tensor& output)
{
    std::vector<FeatureMap> maps(std::size_t(output.size(0)));
    const int channels = int(output.size(1)), height = int(output.size(2)), width = int(output.size(3));
    const std::size_t values = std::size_t(channels) * height * width;
    const float* data = output.data_ptr<float>();
    for (std::size_t n = 0; n < maps.size(); ++n) {
        maps[n].channels = channels;
        maps[n].height = height;
        maps[n].width = width;
        maps[n].values.assign(data + n * values, data + (n + 1) * values);
    }
    return maps;
}

}  // namespace

Backbone::Backbone(ModelSpec spec, std::unique_ptr<Network> network) : m_spec(std::move(spec)), m_network(std::move(network)) {}

Backbone::~Backbone() = default;

std::unique_ptr<Backbone> Backbone::load(const ModelSpec& spec, const ModelStore& store)
{
    return loadUnverified(spec, store.verifiedPath(spec));
}

std::unique_ptr<Backbone> Backbone::loadUnverified(const ModelSpec& spec, const QString& path)
{
    auto network = std::make_unique<Network>();
    try {
        network->module = torch::jit::load(path.toStdString());
    } catch (const c10::Error& error) {
        throw ModelError(QStringLiteral("Model '%1' at %2 cannot be loaded as TorchScript (%3). Replace the file: %4")
                             .arg(spec.id, path, torchMessage(error), spec.setup));
    }
    network->module.eval();
    // Frozen and optimised for inference: batch norm folded into the convolutions and
    // the convolutions kept in oneDNN's layout, 1.5-4x less CPU per image here
    // (docs/BENCHMARKS.md). A network that cannot be frozen still runs as it is.
    try {
        network->module = torch::jit::optimize_for_inference(network->module);
    } catch (const c10::Error& error) {
        qWarning("Model '%s' runs unoptimised: %s", qPrintable(spec.id), qPrintable(torchMessage(error)));
    }
    std::unique_ptr<Backbone> backbone(new Backbone(spec, std::move(network)));

    // A probe run catches a wrong network (other outputs, other channel count) at load
    // time with a clear message instead of at the first image.
    QImage probe(64, 64, QImage::Format_RGB888);
    probe.fill(Qt::gray);
    try {
        backbone->run({probe});
    } catch (const ModelError& error) {
        throw ModelError(QStringLiteral("%1 (file: %2)").arg(error.message(), path));
    } catch (const std::exception& error) {
        throw ModelError(QStringLiteral("Model '%1' at %2 fails on a test image (%3). Replace the file: %4")
                             .arg(spec.id, path, firstLineOf(error.what()), spec.setup));
    }
    return backbone;
}

std::vector<FeatureMap> Backbone::run(const std::vector<QImage>& images) const
{
    if (images.empty())
        return {};
    c10::InferenceMode inference;
    std::vector<FeatureMap> maps;
    try {
        const torch::IValue output = m_network->module.forward({toInputTensor(images, m_spec)});
        maps = perImage(selectOutput(output, m_spec, m_spec.outputTupleIndex, m_spec.outputChannels));
        if (m_spec.textureTupleIndex >= 0) {
            std::vector<FeatureMap> textures = perImage(selectOutput(output, m_spec, m_spec.textureTupleIndex, m_spec.textureChannels));
            for (std::size_t n = 0; n < maps.size(); ++n)
                maps[n].texture = std::make_shared<const FeatureMap>(std::move(textures[n]));
        }
    } catch (const c10::Error& error) {
        throw ModelError(QStringLiteral("Model '%1' failed: %2").arg(m_spec.id, torchMessage(error)));
    }
    return maps;
}

void Backbone::setThreads(int threads)
{
    at::set_num_threads(std::max(1, threads));
}

}  // namespace weft
