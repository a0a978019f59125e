#pragma once

#include "core/components/ComponentDetector.h"
#include "core/components/RepeatGrouping.h"

#include <memory>

namespace weft {

class InstanceSegmenter;

// Seed paper 000's own path: a pretrained Mask R-CNN (TorchScript export of
// torchvision's maskrcnn_resnet50_fpn with its threshold lowered to 0.2 and about 10
// detections, models/export_maskrcnn.py) gives candidates with masks; Algorithm 1
// (RepeatGrouping) keeps the repeated components first. Masks are the network's,
// thresholded at probability 0.5.
class MaskRcnnDetector : public ComponentDetector {
public:
    // Loads the manifest's "maskrcnn-resnet50-fpn-coco" from `store`; throws ModelError.
    static std::unique_ptr<MaskRcnnDetector> load(const ModelStore& store);
    explicit MaskRcnnDetector(std::unique_ptr<InstanceSegmenter> segmenter, RepeatGroupingOptions grouping = {});
    ~MaskRcnnDetector() override;

    QString id() const override { return QStringLiteral("maskrcnn"); }
    Components detect(const QImage& rgb888) const override;

private:
    std::unique_ptr<InstanceSegmenter> m_segmenter;
    RepeatGroupingOptions m_grouping;
};

}  // namespace weft
