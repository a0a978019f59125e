#include "core/components/MaskRcnnDetector.h"

#include "core/models/InstanceSegmenter.h"

namespace weft {

namespace {

// The detection's mask cut to `box`, as 0/255 at the paper's 0.5 probability.
QImage binaryMask(const Detection& detection, const QRect& box)
{
    QImage mask(box.size(), QImage::Format_Grayscale8);
    mask.fill(0);
    const QRect covered = detection.maskRect.intersected(box);
    for (int y = covered.top(); y <= covered.bottom(); ++y) {
        const uchar* source = detection.mask.constScanLine(y - detection.maskRect.top());
        uchar* target = mask.scanLine(y - box.top());
        for (int x = covered.left(); x <= covered.right(); ++x)
            target[x - box.left()] = source[x - detection.maskRect.left()] >= 128 ? 255 : 0;
    }
    return mask;
}

}  // namespace

std::unique_ptr<MaskRcnnDetector> MaskRcnnDetector::load(const ModelStore& store)
{
    const ModelSpec& spec = ModelManifest::builtIn().model(QStringLiteral("maskrcnn-resnet50-fpn-coco"));
    return std::make_unique<MaskRcnnDetector>(InstanceSegmenter::load(spec, store));
}

MaskRcnnDetector::MaskRcnnDetector(std::unique_ptr<InstanceSegmenter> segmenter, RepeatGroupingOptions grouping)
    : m_segmenter(std::move(segmenter)), m_grouping(grouping)
{
}

MaskRcnnDetector::~MaskRcnnDetector() = default;

Components MaskRcnnDetector::detect(const QImage& rgb888) const
{
    const std::vector<Detection> detections = m_segmenter->run(rgb888);
    std::vector<Candidate> candidates;
    std::vector<const Detection*> sources;  // candidates[i] came from *sources[i]
    for (const Detection& detection : detections) {
        const QRect box = detection.box.toAlignedRect().intersected(rgb888.rect());
        if (box.isEmpty())
            continue;
        candidates.push_back({box, detection.score, InstanceSegmenter::cocoCategoryName(detection.label), {}});
        sources.push_back(&detection);
    }

    Components components;
    for (const GroupedCandidate& grouped : groupRepeats(candidates, m_grouping)) {
        Component component;
        component.box = candidates[std::size_t(grouped.index)].box;
        component.score = candidates[std::size_t(grouped.index)].score;
        component.label = candidates[std::size_t(grouped.index)].label;
        component.group = grouped.group;
        const Detection& detection = *sources[std::size_t(grouped.index)];
        if (!detection.mask.isNull())
            component.mask = binaryMask(detection, component.box);
        components.append(component);
    }
    return components;
}

}  // namespace weft
