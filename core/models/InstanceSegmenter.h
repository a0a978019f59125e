#pragma once

#include "core/models/ModelStore.h"

#include <QImage>
#include <QRect>
#include <QRectF>
#include <memory>
#include <vector>

namespace weft {

// One object found by an instance segmenter.
struct Detection {
    QRectF box;       // (x1, y1)-(x2, y2) in the pixel coordinates of the input image, as the model gives it
    float score = 0;  // 0..1
    int label = 0;    // the model's class id (COCO category id 1..90 for the COCO model, see cocoCategoryName)
    // The pixels the mask covers: the box rounded outwards, grown to every pixel the
    // model gave a non-zero probability (Mask R-CNN pastes its 28x28 mask slightly
    // beyond the box), clipped to the image. Pixels outside have probability 0.
    QRect maskRect;
    QImage mask;      // QImage::Format_Grayscale8 of maskRect.size(): probability * 255, rounded; null when maskRect is empty
};

// A TorchScript Mask R-CNN as exported by models/export_maskrcnn.py (torchvision's
// scripted detection model: forward(List[Tensor[3, H, W]]) -> (losses, detections)).
// The model resizes and normalises internally; the manifest's mean/std map 0..255
// pixels to what it takes (0..1). Torch stays behind this class.
class InstanceSegmenter {
public:
    // Verifies the file against the manifest, registers Weft's torchvision operators
    // and loads it. Throws ModelError.
    static std::unique_ptr<InstanceSegmenter> load(const ModelSpec& spec, const ModelStore& store);
    // As above without the checksum.
    static std::unique_ptr<InstanceSegmenter> loadUnverified(const ModelSpec& spec, const QString& path);
    ~InstanceSegmenter();

    const ModelSpec& spec() const { return m_spec; }

    // The detections in one image (any QImage format; converted to RGB888), best
    // first, as many as the export kept (score threshold and count are set at export).
    // Safe to call from several threads at once. Throws ModelError.
    std::vector<Detection> run(const QImage& image) const;

    // COCO's name for a category id of the COCO model ("person", "cat", ...); empty
    // for ids that COCO leaves unused or that are out of range.
    static QString cocoCategoryName(int label);

private:
    struct Network;
    InstanceSegmenter(ModelSpec spec, std::unique_ptr<Network> network);

    ModelSpec m_spec;
    std::unique_ptr<Network> m_network;
};

}  // namespace weft
