#pragma once

#include "core/components/ComponentDetector.h"
#include "core/features/MethodConfig.h"
#include "core/models/Backbone.h"

#include <QImage>
#include <memory>
#include <vector>

namespace weft {

// Turns a decoded image into its fingerprint: a unit vector whose dot product with
// another image's fingerprint is their similarity.
//
// Deep part: the backbone's last feature map pooled per channel, computed for the
// whole image and for each tile of a grid × grid split, each L2-normalised and
// averaged, so the descriptor is less dominated by whatever fills most of the frame.
// Every input is resized (keeping its aspect ratio, long side at most twice the
// short one) so its shorter side is config.inputSize.
// Colour parts: the HSV histogram and, when weighted, seed 001's colour spots.
// Components: when the method names a detector, the fingerprint's deep part is
// (1 − comp) · whole-image descriptor + comp · the mean of the components'
// descriptors, one per repeat group, as seed 000's x̄ = (x1 + … + xk) / k: either
// its best instance's crop described like a whole image (cfeat=crop, the paper's
// way) or the image's own feature maps pooled under its instances' masks
// (cfeat=mask: no further network run). Without components the whole-image
// descriptor stands alone.
// Fusion: every part is L2-normalised and scaled by the square root of its weight
// (deep: 1 − hsv − spot), so the fused cosine is the weighted sum of the parts'
// cosines.
class FeatureExtractor {
public:
    FeatureExtractor(const MethodConfig& config, std::shared_ptr<const Backbone> backbone,
                     std::unique_ptr<ComponentDetector> detector = nullptr);
    ~FeatureExtractor();
    // Loads the method's backbone (and detector) from the model store; throws ModelError.
    static std::unique_ptr<FeatureExtractor> load(const MethodConfig& config, const ModelStore& store);

    const MethodConfig& config() const { return m_config; }
    int dimension() const;

    // A library image is described whole and by its grid tiles; a query (a swatch
    // photo) by the query settings of the method. Both give comparable vectors.
    enum class Purpose { Library, Query };
    std::vector<float> fingerprint(const QImage& rgb, Purpose purpose = Purpose::Library, const Components& components = {}) const;

    // The method's component detector, or null when it uses none.
    const ComponentDetector* detector() const { return m_detector.get(); }

    // The network inputs for one image: the whole image first, then the grid tiles,
    // all of one size so they run as one batch.
    std::vector<QImage> networkInputs(const QImage& rgb, Purpose purpose = Purpose::Library) const;

private:
    MethodConfig m_config;
    std::vector<float> componentDescriptor(const QImage& rgb, const Components& components) const;
    std::vector<float> maskPooledDescriptor(const QImage& rgb, Purpose purpose, const std::vector<FeatureMap>& maps,
                                            const Components& components) const;
    // The image region behind each of networkInputs(), in its order.
    std::vector<QRect> inputRegions(const QImage& rgb, Purpose purpose) const;
    // Pooled, L2-normalised per input, averaged and normalised again.
    std::vector<float> meanDescriptor(const std::vector<QImage>& inputs) const;
    std::vector<float> meanDescriptor(const std::vector<FeatureMap>& maps) const;

    std::shared_ptr<const Backbone> m_backbone;
    std::unique_ptr<ComponentDetector> m_detector;
};

}  // namespace weft
