#pragma once

#include "core/components/ComponentDetector.h"
#include "core/components/RepeatGrouping.h"

#include <QStringList>
#include <memory>
#include <vector>

namespace weft {

// Seed paper 000's component detector with a small COCO detector in place of Mask
// R-CNN: Yolo-Fastest-1.1-xl through OpenCV's dnn module at the paper's low
// confidence threshold (0.2), about 10 candidates after NMS (IoU 0.45), grouped by
// Algorithm 1 (RepeatGrouping, appearance = a small colour histogram of the box);
// masks by GrabCut seeded with each kept box.
class YoloDetector : public ComponentDetector {
public:
    struct Options {
        float scoreThreshold = 0.2f;
        float nmsIoU = 0.45f;
        int maxCandidates = 10;
        int grabCutIterations = 3;
        RepeatGroupingOptions grouping;
    };

    // Verifies and loads the manifest's "yolo-fastest-coco" files from `store`.
    // Throws ModelError.
    static std::unique_ptr<YoloDetector> load(const ModelStore& store, Options options);
    static std::unique_ptr<YoloDetector> load(const ModelStore& store) { return load(store, Options()); }
    ~YoloDetector() override;

    QString id() const override { return QStringLiteral("yolo"); }
    Components detect(const QImage& rgb888) const override;

    // The raw candidates (after threshold and NMS, best first), before grouping.
    std::vector<Candidate> candidates(const QImage& rgb888) const;

private:
    struct Network;
    YoloDetector(std::unique_ptr<Network> network, QStringList classNames, Options options);

    std::unique_ptr<Network> m_network;
    QStringList m_classNames;
    Options m_options;
};

}  // namespace weft
