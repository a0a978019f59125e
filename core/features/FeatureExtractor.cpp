#include "core/features/FeatureExtractor.h"

#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"
#include "core/features/PhotoViews.h"
#include "core/features/Pooling.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace weft {

namespace {

QImage resized(const QImage& rgb, int width, int height)
{
    const cv::Mat source(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()), std::size_t(rgb.bytesPerLine()));
    QImage result(width, height, QImage::Format_RGB888);
    cv::Mat target(height, width, CV_8UC3, result.bits(), std::size_t(result.bytesPerLine()));
    const bool shrinking = width < rgb.width() && height < rgb.height();
    cv::resize(source, target, target.size(), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    return result;
}

// Network input size for a w × h region: shorter side `size`, aspect ratio kept up to 2:1.
QSize inputSizeFor(int width, int height, int size)
{
    const double aspect = std::clamp(double(width) / std::max(height, 1), 0.5, 2.0);
    if (aspect >= 1.0)
        return {int(std::lround(size * aspect)), size};
    return {size, int(std::lround(size / aspect))};
}

void append(std::vector<float>& fused, const std::vector<float>& part, float weight)
{
    if (weight <= 0)
        return;
    const float scale = std::sqrt(weight);
    for (float v : part)
        fused.push_back(v * scale);
}

// The instances of one repeat group drawn into an image-sized mask (255 inside).
cv::Mat groupMask(const QRect& bounds, const Components& components, int group)
{
    cv::Mat mask = cv::Mat::zeros(bounds.height(), bounds.width(), CV_8U);
    for (const Component& component : components) {
        const QRect box = component.box.intersected(bounds);
        if (component.group != group || box.isEmpty())
            continue;
        cv::Mat target = mask(cv::Rect(box.x(), box.y(), box.width(), box.height()));
        if (component.mask.isNull()) {
            target.setTo(255);
            continue;
        }
        const QImage inside = component.mask.copy(box.translated(-component.box.topLeft()));
        const cv::Mat source(inside.height(), inside.width(), CV_8U, const_cast<uchar*>(inside.constBits()), std::size_t(inside.bytesPerLine()));
        cv::max(target, source, target);
    }
    return mask;
}

// The share of each cell of `map` that the mask covers, where `map` describes `region` of the image.
std::vector<float> cellCoverage(const cv::Mat& mask, const QRect& region, const FeatureMap& map)
{
    cv::Mat cells;
    cv::resize(mask(cv::Rect(region.x(), region.y(), region.width(), region.height())), cells, cv::Size(map.width, map.height), 0, 0,
               cv::INTER_AREA);
    std::vector<float> weights;
    weights.reserve(std::size_t(map.width) * map.height);
    for (int y = 0; y < map.height; ++y)
        for (int x = 0; x < map.width; ++x)
            weights.push_back(cells.at<uchar>(y, x) / 255.0f);
    return weights;
}

}  // namespace

std::vector<float> FeatureExtractor::meanDescriptor(const std::vector<QImage>& inputs) const
{
    // The network takes a batch of one size; inputs of other sizes run on their own.
    std::vector<FeatureMap> maps;
    const bool oneSize = std::all_of(inputs.begin(), inputs.end(), [&](const QImage& input) { return input.size() == inputs.front().size(); });
    if (oneSize) {
        maps = m_backbone->run(inputs);
    } else {
        for (const QImage& input : inputs)
            maps.push_back(std::move(m_backbone->run({input}).front()));
    }
    return meanDescriptor(maps);
}

std::vector<float> FeatureExtractor::meanDescriptor(const std::vector<FeatureMap>& maps) const
{
    std::vector<float> mean(m_backbone->spec().outputChannels, 0.0f);
    for (const FeatureMap& map : maps)
        addNormalised(mean, poolFeatureMap(map, m_config.pooling, m_config.gemPower));
    normaliseL2(mean);
    return mean;
}

FeatureExtractor::FeatureExtractor(const MethodConfig& config, std::shared_ptr<const Backbone> backbone,
                                   std::unique_ptr<ComponentDetector> detector)
    : m_config(config), m_backbone(std::move(backbone)), m_detector(std::move(detector))
{
    if (!m_backbone)
        throw Error(QStringLiteral("FeatureExtractor needs a backbone"));
}

std::unique_ptr<FeatureExtractor> FeatureExtractor::load(const MethodConfig& config, const ModelStore& store)
{
    const ModelManifest& manifest = ModelManifest::builtIn();
    const ModelSpec& spec = manifest.model(config.backbone.isEmpty() ? manifest.defaultBackbone() : config.backbone);
    std::shared_ptr<const Backbone> backbone(Backbone::load(spec, store));
    std::unique_ptr<ComponentDetector> detector;
    if (config.detector != QLatin1String("none"))
        detector = makeDetector(config.detector, store, backbone);
    return std::make_unique<FeatureExtractor>(config, backbone, std::move(detector));
}

FeatureExtractor::~FeatureExtractor() = default;

std::vector<float> FeatureExtractor::componentDescriptor(const QImage& rgb, const Components& components) const
{
    // One crop per repeat group: its instances are repeats of one motif, and the
    // paper averages over components, not over their copies.
    std::vector<QImage> crops;
    QList<int> groupsSeen;
    const QRect bounds = rgb.rect();
    for (const Component& component : components) {
        const QRect box = component.box.intersected(bounds);
        if (groupsSeen.contains(component.group) || box.width() < 8 || box.height() < 8)
            continue;
        groupsSeen.append(component.group);
        // Square network inputs so that all crops run as one batch.
        crops.push_back(resized(rgb.copy(box), m_config.inputSize, m_config.inputSize));
        if (crops.size() == 4)
            break;
    }
    if (crops.empty())
        return {};
    return meanDescriptor(crops);
}

int FeatureExtractor::dimension() const
{
    int dimension = m_backbone->spec().outputChannels;
    if (m_config.histogramWeight > 0)
        dimension += kHistogramBins;
    if (m_config.colourSpotWeight > 0)
        dimension += kColourSpotValues;
    if (m_config.photoWeight > 0)
        dimension += m_backbone->spec().outputChannels;
    return dimension;
}

std::vector<QRect> FeatureExtractor::inputRegions(const QImage& rgb, Purpose purpose) const
{
    const bool query = purpose == Purpose::Query;
    const int grid = query && m_config.queryGrid >= 0 ? m_config.queryGrid : m_config.grid;
    std::vector<QRect> regions{rgb.rect()};
    if (grid >= 2) {
        for (int row = 0; row < grid; ++row)
            for (int column = 0; column < grid; ++column) {
                const int x0 = rgb.width() * column / grid, x1 = rgb.width() * (column + 1) / grid;
                const int y0 = rgb.height() * row / grid, y1 = rgb.height() * (row + 1) / grid;
                regions.emplace_back(x0, y0, std::max(1, x1 - x0), std::max(1, y1 - y0));
            }
    }
    return regions;
}

std::vector<QImage> FeatureExtractor::networkInputs(const QImage& rgb, Purpose purpose) const
{
    const bool query = purpose == Purpose::Query;
    const int inputSize = query && m_config.querySize > 0 ? m_config.querySize : m_config.inputSize;
    const QSize size = inputSizeFor(rgb.width(), rgb.height(), inputSize);
    std::vector<QImage> inputs;
    for (const QRect& region : inputRegions(rgb, purpose))
        inputs.push_back(resized(region == rgb.rect() ? rgb : rgb.copy(region), size.width(), size.height()));
    return inputs;
}

std::vector<float> FeatureExtractor::maskPooledDescriptor(const QImage& rgb, Purpose purpose, const std::vector<FeatureMap>& maps,
                                                          const Components& components) const
{
    // One soft mask per repeat group, over all its instances: the maps are already paid for.
    QList<int> groups;
    for (const Component& component : components)
        if (!groups.contains(component.group) && groups.size() < 4)
            groups.append(component.group);
    const std::vector<QRect> regions = inputRegions(rgb, purpose);
    std::vector<float> mean;
    for (int group : groups) {
        const cv::Mat mask = groupMask(rgb.rect(), components, group);
        std::vector<float> sum;
        for (std::size_t m = 0; m < maps.size() && m < regions.size(); ++m) {
            const std::vector<float> pooled =
                poolFeatureMapUnder(maps[m], cellCoverage(mask, regions[m], maps[m]), m_config.pooling, m_config.gemPower);
            if (!pooled.empty())
                addNormalised(sum, pooled);
        }
        if (!sum.empty())
            addNormalised(mean, sum);
    }
    normaliseL2(mean);
    return mean;
}

std::vector<float> FeatureExtractor::fingerprint(const QImage& rgb, Purpose purpose, const Components& components) const
{
    if (rgb.isNull() || rgb.format() != QImage::Format_RGB888)
        throw Error(QStringLiteral("FeatureExtractor needs a decoded RGB888 image"));

    const std::vector<FeatureMap> maps = m_backbone->run(networkInputs(rgb, purpose));
    std::vector<float> deep = meanDescriptor(maps);
    if (!components.isEmpty() && m_config.componentWeight > 0) {
        const std::vector<float> fromComponents = m_config.componentFeature == MethodConfig::ComponentFeature::Mask
                                                      ? maskPooledDescriptor(rgb, purpose, maps, components)
                                                      : componentDescriptor(rgb, components);
        if (!fromComponents.empty()) {
            for (std::size_t c = 0; c < deep.size(); ++c)
                deep[c] = (1.0f - m_config.componentWeight) * deep[c] + m_config.componentWeight * fromComponents[c];
            normaliseL2(deep);
        }
    }

    std::vector<float> fused;
    fused.reserve(dimension());
    append(fused, deep, m_config.deepWeight());
    if (m_config.histogramWeight > 0)
        append(fused, hsvHistogram(rgb), m_config.histogramWeight);
    if (m_config.colourSpotWeight > 0)
        append(fused, colourSpots(rgb, maps.front()), m_config.colourSpotWeight);
    if (m_config.photoWeight > 0) {
        const std::vector<QImage> views = purpose == Purpose::Query ? std::vector<QImage>{swatchPhotoView(rgb)} : libraryPhotoViews(rgb);
        append(fused, meanDescriptor(views), m_config.photoWeight);
    }
    normaliseL2(fused);  // parts that were all zero would otherwise leave it short of unit length
    return fused;
}

}  // namespace weft
