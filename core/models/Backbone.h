#pragma once

#include "core/models/ModelStore.h"

#include <QImage>
#include <memory>
#include <vector>

namespace weft {

// One image's convolutional feature map, channel-major: values[(c * height + y) * width + x].
struct FeatureMap {
    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<float> values;

    const float* channel(int c) const { return values.data() + std::size_t(c) * height * width; }

    // The map of the middle layer the manifest names as "texture_output"
    // (ModelSpec::textureTupleIndex), finer than this one; null when it names none.
    std::shared_ptr<const FeatureMap> texture;
};

// A TorchScript CNN that turns RGB images into feature maps, fed as its manifest
// entry says (channel order, mean, std). Torch stays behind this class so the rest
// of the code base compiles without its headers.
class Backbone {
public:
    // Verifies the file against the manifest, loads it and checks that a small
    // probe image gives the promised output shape. Throws ModelError.
    static std::unique_ptr<Backbone> load(const ModelSpec& spec, const ModelStore& store);
    // As above without the checksum (tests with networks made on the fly).
    static std::unique_ptr<Backbone> loadUnverified(const ModelSpec& spec, const QString& path);
    ~Backbone();

    const ModelSpec& spec() const { return m_spec; }

    // Feature maps of a batch of RGB888 images that all have the same size.
    // Safe to call from several threads at once.
    std::vector<FeatureMap> run(const std::vector<QImage>& images) const;

    // Intra-op threads of the inference library (process wide); fewer than 2 makes
    // LibTorch 1.13 fall back to slow BLAS paths, see docs/BENCHMARKS.md.
    static void setThreads(int threads);

private:
    struct Network;
    Backbone(ModelSpec spec, std::unique_ptr<Network> network);

    ModelSpec m_spec;
    std::unique_ptr<Network> m_network;
};

}  // namespace weft
