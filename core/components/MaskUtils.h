#pragma once

// Internal to weft_components: a BGR copy and GrabCut masks shared by the
// detectors. Not part of the module's interface (it exposes OpenCV types).

#include "core/components/Component.h"

#include <QImage>
#include <opencv2/core.hpp>

namespace weft::component_masks {

// An RGB888 QImage as a BGR cv::Mat (a copy).
cv::Mat toBgr(const QImage& rgb888);

// The GrabCut segmentation of `box` (in `bgr`'s coordinates): the foreground of a
// GC_INIT_WITH_RECT run on a crop around the box, downscaled so its long side is at
// most `workSide` pixels, `iterations` rounds; returned as Grayscale8 of box size
// (255 inside). Falls back to a null mask (= the whole box) when GrabCut finds no
// foreground or nearly all of it (nothing to separate).
QImage grabCutMask(const cv::Mat& bgr, const QRect& box, int workSide = 96, int iterations = 3);

}  // namespace weft::component_masks
