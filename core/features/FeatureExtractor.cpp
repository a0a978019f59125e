#include "core/features/FeatureExtractor.h"

#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"
#include "core/features/Foreground.h"
#include "core/features/Pooling.h"
#include "core/imaging/MatView.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace weft {

namespace {
// The second query size, of the first: a swatch cut small from its print (a fifth of
// the image's side) is seen magnified at the first; at this one it meets the library
// image's scale (docs/BENCHMARKS.md, wild swatch protocol).
constexpr double kSmallerQuery = 0.57;
}  // namespace

namespace {

// Components feature at most this many repeat groups, as seed 000 keeps 1-4.
constexpr int kMostGroups = 4;

// The cells of a feature map of `stride` pixels that a rectangle of the network
// input covers (rectangles of the input are laid out on multiples of the stride).
QRect cellsOf(const QRect& pixels, int stride)
{
    return QRect(pixels.x() / stride, pixels.y() / stride, pixels.width() / stride, pixels.height() / stride);
}

// The image with its long side at most `side`.
QImage atMost(const QImage& rgb, int side, double& scale)
{
    scale = std::max(1.0, double(std::max(rgb.width(), rgb.height())) / side);
    if (scale == 1.0)
        return rgb;
    QImage result(std::max(1, int(std::lround(rgb.width() / scale))), std::max(1, int(std::lround(rgb.height() / scale))),
                  QImage::Format_RGB888);
    cv::Mat target = matView(result);
    cv::resize(matView(rgb), target, target.size(), 0, 0, cv::INTER_AREA);
    scale = double(rgb.width()) / result.width();
    return result;
}

// The instances of one repeat group drawn into a picture-sized mask (255 inside).
cv::Mat groupMask(const QSize& size, const Components& components, int group)
{
    cv::Mat mask = cv::Mat::zeros(size.height(), size.width(), CV_8U);
    for (const Component& component : components) {
        const QRect box = component.box.intersected(QRect(QPoint(0, 0), size));
        if (component.group != group || box.isEmpty())
            continue;
        cv::Mat target = mask(cv::Rect(box.x(), box.y(), box.width(), box.height()));
        if (component.mask.isNull()) {
            target.setTo(255);
            continue;
        }
        const QImage inside = component.mask.copy(box.translated(-component.box.topLeft()));
        cv::max(target, matView(inside), target);
    }
    return mask;
}

}  // namespace

FeatureExtractor::FeatureExtractor(const MethodConfig& config, std::shared_ptr<const Backbone> backbone,
                                   std::unique_ptr<ComponentDetector> detector)
    : m_config(config), m_backbone(std::move(backbone)), m_detector(std::move(detector)),
      m_layout(config, m_backbone ? m_backbone->spec().outputChannels : 0, m_backbone ? m_backbone->spec().textureChannels : 0)
{
    if (!m_backbone)
        throw Error(QStringLiteral("FeatureExtractor needs a backbone"));
    m_config.validate();
}

FeatureExtractor::~FeatureExtractor() = default;

std::unique_ptr<FeatureExtractor> FeatureExtractor::load(const MethodConfig& config, const ModelStore& store)
{
    std::shared_ptr<const Backbone> backbone(Backbone::load(ModelManifest::builtIn().model(config.backboneId()), store));
    std::unique_ptr<ComponentDetector> detector;
    if (config.hasDetector())
        detector = makeDetector(config.detector, store, backbone);
    return std::make_unique<FeatureExtractor>(config, backbone, std::move(detector));
}

FeatureExtractor::Prepared FeatureExtractor::prepare(const QImage& rgb, Purpose purpose) const
{
    if (rgb.isNull() || rgb.format() != QImage::Format_RGB888)
        throw Error(QStringLiteral("FeatureExtractor needs a decoded RGB888 image"));
    const int stride = m_backbone->spec().outputStride;
    if (purpose == Purpose::Query)
        return swatchPrepared(swatchPictures(rgb, m_config.querySize, m_config.inputSize / 2, stride), rgb.size(),
                              m_layout.find(FingerprintPart::Colour) ? hsvHistogram(rgb) : std::vector<float>());
    Prepared prepared;
    prepared.purpose = purpose;
    prepared.imageSize = rgb.size();
    prepared.input = libraryInput(rgb, m_config.inputSize, stride);
    // A library image's colours are its cloth's, as a swatch's are (Foreground.h).
    if (m_layout.find(FingerprintPart::Colour))
        prepared.colour = hsvHistogram(rgb, foregroundMask(rgb));
    if (purpose == Purpose::Library && m_detector)
        prepared.picture = atMost(rgb, kPictureSide, prepared.pictureScale);
    return prepared;
}

FeatureExtractor::Prepared FeatureExtractor::swatchPrepared(const SwatchPictures& pictures, QSize imageSize,
                                                            std::vector<float> colour) const
{
    Prepared prepared;
    prepared.purpose = Purpose::Query;
    prepared.imageSize = imageSize;
    prepared.input = swatchInput(pictures, imageSize);
    prepared.colour = std::move(colour);
    return prepared;
}

std::vector<FeatureMap> FeatureExtractor::run(const std::vector<const Prepared*>& batch) const
{
    std::vector<QImage> inputs;
    inputs.reserve(batch.size());
    for (const Prepared* prepared : batch)
        inputs.push_back(prepared->input.canvas);
    return m_backbone->run(inputs);
}

std::vector<float> FeatureExtractor::pooled(const FeatureMap& map, const QRect& pixels) const
{
    return poolCells(map, cellsOf(pixels, m_backbone->spec().outputStride), m_config.pooling, m_config.gemPower);
}

std::vector<float> FeatureExtractor::componentFeature(const Prepared& prepared, const FeatureMap& map, const Components& components) const
{
    // One soft mask per repeat group, over all its instances, pooled over the whole
    // view's cells: the map is already paid for.
    QList<int> groups;
    for (const Component& component : components)
        if (!groups.contains(component.group) && groups.size() < kMostGroups)
            groups.append(component.group);
    const int stride = m_backbone->spec().outputStride;
    const QRect whole = prepared.input.whole;
    const QRect cells = cellsOf(whole, stride);
    // The picture pixels the whole view shows.
    const QRectF source(prepared.input.source.x() / prepared.pictureScale, prepared.input.source.y() / prepared.pictureScale,
                        prepared.input.source.width() / prepared.pictureScale, prepared.input.source.height() / prepared.pictureScale);
    const cv::Rect shown = cv::Rect(int(std::floor(source.x())), int(std::floor(source.y())), int(std::ceil(source.width())),
                                    int(std::ceil(source.height())))
                           & cv::Rect(0, 0, prepared.picture.width(), prepared.picture.height());
    std::vector<float> mean;
    for (int group : groups) {
        const cv::Mat mask = groupMask(prepared.picture.size(), components, group);
        cv::Mat coverage;
        cv::resize(mask(shown), coverage, cv::Size(cells.width(), cells.height()), 0, 0, cv::INTER_AREA);
        std::vector<float> weights(std::size_t(map.width) * map.height, 0.0f);
        for (int y = 0; y < cells.height(); ++y)
            for (int x = 0; x < cells.width(); ++x)
                weights[std::size_t((cells.y() + y) * map.width + cells.x() + x)] = coverage.at<uchar>(y, x) / 255.0f;
        const std::vector<float> part = poolFeatureMapUnder(map, weights, m_config.pooling, m_config.gemPower);
        if (!part.empty())
            addNormalised(mean, part);
    }
    normaliseL2(mean);
    return mean;
}

FeatureExtractor::Description FeatureExtractor::describe(const Prepared& prepared, const FeatureMap& map, const Components* known) const
{
    const NetworkInput& input = prepared.input;
    Description description;

    std::vector<float> deep;
    addNormalised(deep, pooled(map, input.whole));
    if (m_config.grid >= 2 && prepared.purpose == Purpose::Library) {
        const QRect w = input.whole;
        const int halfWidth = w.width() / 2, halfHeight = w.height() / 2;
        for (int row = 0; row < 2; ++row)
            for (int column = 0; column < 2; ++column)
                addNormalised(deep, pooled(map, QRect(w.x() + column * halfWidth, w.y() + row * halfHeight, halfWidth, halfHeight)));
    }
    normaliseL2(deep);

    if (prepared.purpose == Purpose::Library && (m_detector || known)) {
        // The detector samples the whole view's cells instead of running the network.
        const int stride = m_backbone->spec().outputStride;
        FeatureMap wholeCells;
        wholeCells.channels = map.channels;
        wholeCells.width = input.whole.width() / stride;
        wholeCells.height = input.whole.height() / stride;
        wholeCells.values.resize(std::size_t(map.channels) * wholeCells.width * wholeCells.height);
        for (int c = 0; c < map.channels; ++c)
            for (int y = 0; y < wholeCells.height; ++y)
                std::copy_n(map.channel(c) + (input.whole.y() / stride + y) * map.width + input.whole.x() / stride, wholeCells.width,
                            wholeCells.values.begin() + (std::size_t(c) * wholeCells.height + y) * wholeCells.width);
        const double s = prepared.pictureScale;
        const QRectF region(input.source.x() / s, input.source.y() / s, input.source.width() / s, input.source.height() / s);
        const Components found = known ? scaled(*known, 1.0 / prepared.pictureScale) : m_detector->detect(prepared.picture, wholeCells, region);
        if (!found.isEmpty() && m_config.componentWeight > 0) {
            const std::vector<float> fromComponents = componentFeature(prepared, map, found);
            if (!fromComponents.empty()) {
                for (std::size_t c = 0; c < deep.size(); ++c)
                    deep[c] = (1.0f - m_config.componentWeight) * deep[c] + m_config.componentWeight * fromComponents[c];
                normaliseL2(deep);
            }
        }
        description.components = scaled(found, prepared.pictureScale);
    }

    std::vector<float> camera;
    for (const QRect& view : input.cameraViews)
        addNormalised(camera, pooled(map, view));
    normaliseL2(camera);

    std::vector<float> texture;
    if (m_layout.find(FingerprintPart::Texture)) {
        if (!map.texture)
            throw Error(QStringLiteral("The network gave no middle-layer map for the texture part"));
        const int stride = m_backbone->spec().textureStride;
        for (const QRect& view : input.cameraViews)
            addNormalised(texture, covariancePooled(*map.texture, cellsOf(view, stride)));
        normaliseL2(texture);
    }

    std::vector<std::vector<float>> parts;
    for (const FingerprintLayout::Slice& slice : m_layout.slices()) {
        switch (slice.part) {
        case FingerprintPart::Deep: parts.push_back(deep); break;
        case FingerprintPart::Colour: parts.push_back(prepared.colour); break;
        case FingerprintPart::Camera: parts.push_back(camera); break;
        case FingerprintPart::Texture: parts.push_back(texture); break;
        }
    }
    description.fingerprint = m_layout.fuse(parts);
    return description;
}

FeatureExtractor::Description FeatureExtractor::describeImage(const QImage& rgb, Purpose purpose, const Components* known) const
{
    Prepared prepared = prepare(rgb, purpose);
    if (known && prepared.picture.isNull())
        prepared.picture = atMost(rgb, kPictureSide, prepared.pictureScale);
    const std::vector<FeatureMap> maps = run({&prepared});
    return describe(prepared, maps.front(), known);
}

std::vector<float> FeatureExtractor::fingerprint(const QImage& rgb, Purpose purpose) const
{
    return describeImage(rgb, purpose).fingerprint;
}

std::vector<int> FeatureExtractor::querySizes() const
{
    const int stride = m_backbone->spec().outputStride;
    std::vector<int> sizes{m_config.querySize};
    if (m_config.queryScales == 2)
        sizes.push_back(std::max(stride, int(std::lround(m_config.querySize * kSmallerQuery / stride)) * stride));
    return sizes;
}

std::vector<FeatureExtractor::SwatchReading> FeatureExtractor::swatchFingerprints(const QImage& rgb, SwatchReadings which) const
{
    if (rgb.isNull() || rgb.format() != QImage::Format_RGB888)
        throw Error(QStringLiteral("FeatureExtractor needs a decoded RGB888 image"));
    const bool everyWay = which == SwatchReadings::EveryWay;
    // The swatch is resized and cut once per size; its pictures are then turned, which
    // is what turning the swatch first would give (right angles and mirrors only).
    const std::vector<int> sizes = everyWay ? querySizes() : std::vector<int>{m_config.querySize};
    std::vector<SwatchPictures> pictures;
    for (const int size : sizes)
        pictures.push_back(swatchPictures(rgb, size, m_config.inputSize / 2, m_backbone->spec().outputStride));
    const std::vector<float> colour = m_layout.find(FingerprintPart::Colour) ? hsvHistogram(rgb) : std::vector<float>();
    std::vector<SwatchReading> readings;
    std::vector<Prepared> prepared;
    for (const SwatchOrientation& orientation : swatchOrientations(everyWay ? m_config.swatchOrientations : 1)) {
        for (std::size_t s = 0; s < sizes.size(); ++s) {
            readings.push_back({orientation, sizes[s], {}});
            const QSize imageSize = orientation.quarterTurns % 2 == 1 ? rgb.size().transposed() : rgb.size();
            prepared.push_back(swatchPrepared({oriented(pictures[s].whole, orientation), oriented(pictures[s].view, orientation)}, imageSize, colour));
        }
    }
    std::vector<bool> done(prepared.size(), false);
    for (std::size_t first = 0; first < prepared.size(); ++first) {
        if (done[first])
            continue;
        // Every input of this one's size (a quarter turn swaps the sides) in one batch.
        std::vector<std::size_t> members;
        std::vector<const Prepared*> batch;
        for (std::size_t i = first; i < prepared.size(); ++i)
            if (!done[i] && prepared[i].input.canvas.size() == prepared[first].input.canvas.size()) {
                members.push_back(i);
                batch.push_back(&prepared[i]);
                done[i] = true;
            }
        const std::vector<FeatureMap> maps = run(batch);
        for (std::size_t k = 0; k < members.size(); ++k)
            readings[members[k]].fingerprint = describe(prepared[members[k]], maps[k]).fingerprint;
    }
    return readings;
}

}  // namespace weft
