#pragma once

#include "core/components/Component.h"
#include "core/models/Backbone.h"
#include "core/models/ModelStore.h"

#include <QImage>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <memory>

namespace weft {

// Finds the "feature components" of a pattern (seed paper 000): the repeated motifs or
// salient regions whose features make up the fingerprint. Implementations:
//   "motif" MotifDetector: repeated elements found in the backbone's own feature maps,
//           no detector weights (the default)
//   "yolo"  YoloDetector: Yolo-Fastest-1.1-xl (COCO) at a low threshold + Algorithm 1
//   "none"  no components
class ComponentDetector {
public:
    virtual ~ComponentDetector();
    virtual QString id() const = 0;
    // Components of an RGB888 image (other formats are converted), boxes and masks in
    // the coordinates of `rgb888`; ordered by group, best first. Safe to call from
    // several threads at once. Throws ModelError when inference fails.
    virtual Components detect(const QImage& rgb888) const = 0;

    // The same, when the caller has already run the backbone over the image: `map`
    // describes the `region` of the image (in its pixels), cell by cell. A detector
    // that reads the backbone (motif) samples it instead of running the network
    // again; the others ignore it.
    virtual Components detect(const QImage& rgb888, const FeatureMap& map, const QRectF& region) const;
};

// The ids makeDetector knows.
QStringList detectorIds();

// Loads the detector `id`. "motif" uses `backbone` (loads the manifest's default
// backbone from `store` when it is null); "yolo" loads its model files from `store`.
// Throws weft::Error listing the known ids for an unknown id, ModelError for missing
// or damaged model files.
std::unique_ptr<ComponentDetector> makeDetector(const QString& id, const ModelStore& store,
                                                std::shared_ptr<const Backbone> backbone);

// Components with boxes (and masks) scaled by `factor`, e.g. from a downscaled
// detection image back to original-image coordinates. Boxes are rounded outwards to
// whole pixels; masks are resized (nearest) to the new box size.
Components scaled(const Components& components, double factor);

}  // namespace weft
