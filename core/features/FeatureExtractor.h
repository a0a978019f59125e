#pragma once

#include "core/components/ComponentDetector.h"
#include "core/features/FingerprintLayout.h"
#include "core/features/MethodConfig.h"
#include "core/features/NetworkInput.h"
#include "core/features/SwatchOrientation.h"
#include "core/models/Backbone.h"

#include <QImage>
#include <memory>
#include <vector>

namespace weft {

// Turns a decoded image into its fingerprint (FingerprintLayout.h): a vector whose
// dot product with another image's fingerprint is their similarity.
//
// One network run per image (issue 10). Its input (NetworkInput.h) holds the whole
// image and its camera views side by side; every descriptor is pooled from that
// run's last feature map:
// - deep: the whole image and, with grid 2, its quarters, each GeM-pooled and
//   L2-normalised, averaged; with a component detector, the mean of the components'
//   features (seed 000's x̄ = (x1 + … + xk) / k, one per repeat group, the map
//   pooled under the group's masks) takes `comp` of it;
// - camera: the three camera views, pooled the same way, averaged;
// - colour: the HSV histogram of the image.
// A swatch (Purpose::Query) is its whole image and one camera view; its own
// components are not part of its fingerprint (docs/BENCHMARKS.md).
//
// The work is split so that an indexer can batch the network: prepare() (any
// thread, no network), run() (a batch of one input size), describe() (any thread).
class FeatureExtractor {
public:
    FeatureExtractor(const MethodConfig& config, std::shared_ptr<const Backbone> backbone,
                     std::unique_ptr<ComponentDetector> detector = nullptr);
    ~FeatureExtractor();
    // Loads the method's backbone (and detector) from the model store; throws ModelError.
    static std::unique_ptr<FeatureExtractor> load(const MethodConfig& config, const ModelStore& store);

    const MethodConfig& config() const { return m_config; }
    const FingerprintLayout& layout() const { return m_layout; }
    std::shared_ptr<const Backbone> backbone() const { return m_backbone; }
    int dimension() const { return m_layout.dimension(); }
    // The method's component detector, or null when it uses none.
    const ComponentDetector* detector() const { return m_detector.get(); }

    enum class Purpose { Library, Query };

    // What the network needs of an image, and what describing it needs besides.
    struct Prepared {
        Purpose purpose = Purpose::Library;
        NetworkInput input;
        QImage picture;            // the image, long side at most kPictureSide: what the detector looks at
        double pictureScale = 1;   // image pixels per picture pixel
        std::vector<float> colour;
        QSize imageSize;
    };
    static constexpr int kPictureSide = 1024;

    // Throws weft::Error for an image that is not RGB888.
    Prepared prepare(const QImage& rgb, Purpose purpose) const;
    // The feature maps of prepared images whose inputs have one size, in one pass.
    std::vector<FeatureMap> run(const std::vector<const Prepared*>& batch) const;

    struct Description {
        std::vector<float> fingerprint;
        Components components;     // library images: in the coordinates of the image given to prepare()
    };
    // `known`: components already found (in the coordinates of the image given to
    // prepare()), used instead of the detector's; for tests and tools.
    Description describe(const Prepared& prepared, const FeatureMap& map, const Components* known = nullptr) const;

    // All three for one image.
    Description describeImage(const QImage& rgb, Purpose purpose = Purpose::Library, const Components* known = nullptr) const;
    std::vector<float> fingerprint(const QImage& rgb, Purpose purpose = Purpose::Library) const;
    // A swatch described every way the method tries it (issue 11): in each of its
    // orientations (MethodConfig::swatchOrientations) and at each query size
    // (querySizes()), the swatch as photographed at querySize first. A photo can
    // show the cloth any way up and from closer or farther than the library image;
    // each library image is matched by the reading that fits it best. Inputs of one
    // size share a forward pass. AsPhotographed: that first reading alone, for the
    // first results (sixteen readings cost them x9, docs/BENCHMARKS.md).
    struct SwatchReading {
        SwatchOrientation orientation;
        int querySize = 0;
        std::vector<float> fingerprint;
    };
    enum class SwatchReadings { AsPhotographed, EveryWay };
    std::vector<SwatchReading> swatchFingerprints(const QImage& rgb, SwatchReadings which = SwatchReadings::EveryWay) const;
    // The swatch's whole-image sizes in the network input, largest first.
    std::vector<int> querySizes() const;

private:
    Prepared swatchPrepared(const SwatchPictures& pictures, QSize imageSize, std::vector<float> colour) const;
    std::vector<float> componentFeature(const Prepared& prepared, const FeatureMap& map, const Components& components) const;
    std::vector<float> pooled(const FeatureMap& map, const QRect& pixels) const;

    MethodConfig m_config;
    std::shared_ptr<const Backbone> m_backbone;
    std::unique_ptr<ComponentDetector> m_detector;
    FingerprintLayout m_layout;
};

}  // namespace weft
