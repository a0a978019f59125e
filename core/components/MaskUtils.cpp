#include "core/components/MaskUtils.h"

#include "core/imaging/MatView.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace weft::component_masks {

cv::Mat toBgr(const QImage& image)
{
    const QImage rgb = image.format() == QImage::Format_RGB888 ? image : image.convertToFormat(QImage::Format_RGB888);
    cv::Mat bgr;
    cv::cvtColor(matView(rgb), bgr, cv::COLOR_RGB2BGR);
    return bgr;
}

QImage grabCutMask(const cv::Mat& bgr, const QRect& box, int workSide, int iterations)
{
    const cv::Rect imageRect(0, 0, bgr.cols, bgr.rows);
    const cv::Rect target = cv::Rect(box.x(), box.y(), box.width(), box.height()) & imageRect;
    if (target.width < 4 || target.height < 4 || target.size() != cv::Size(box.width(), box.height()))
        return {};  // tiny, or not inside the image (callers clip boxes first)
    // A margin of background around the box: GrabCut learns the background model from
    // what lies outside the rectangle, so the crop must have some outside.
    const int margin = std::max(4, int(0.15 * std::max(target.width, target.height)));
    const cv::Rect crop = cv::Rect(target.x - margin, target.y - margin, target.width + 2 * margin, target.height + 2 * margin) & imageRect;
    const double scale = std::min(1.0, double(workSide) / std::max(crop.width, crop.height));
    cv::Mat work;   // at least a pixel across, however thin the crop
    cv::resize(bgr(crop), work, cv::Size(std::max(1, int(std::lround(crop.width * scale))), std::max(1, int(std::lround(crop.height * scale)))),
               0, 0, cv::INTER_AREA);
    cv::Rect rect(int(std::floor((target.x - crop.x) * scale)), int(std::floor((target.y - crop.y) * scale)),
                  std::max(1, int(std::round(target.width * scale))), std::max(1, int(std::round(target.height * scale))));
    rect &= cv::Rect(0, 0, work.cols, work.rows);
    if (rect.width < 2 || rect.height < 2 || rect.area() >= work.cols * work.rows)
        return {};  // box fills the image: no outside to learn the background from

    cv::Mat labels(work.size(), CV_8U, cv::Scalar(cv::GC_BGD)), bgdModel, fgdModel;
    try {
        cv::grabCut(work, labels, rect, bgdModel, fgdModel, iterations, cv::GC_INIT_WITH_RECT);
    } catch (const cv::Exception&) {
        return {};  // e.g. a uniform crop (GMM cannot be fitted): keep the whole box
    }
    cv::Mat foreground = (labels == cv::GC_FGD) | (labels == cv::GC_PR_FGD);
    cv::Mat full;
    cv::resize(foreground, full, crop.size(), 0, 0, cv::INTER_LINEAR);
    cv::Mat inBox = full(cv::Rect(target.x - crop.x, target.y - crop.y, target.width, target.height)) > 127;
    const double filled = cv::countNonZero(inBox) / double(inBox.total());
    if (filled < 0.03 || filled > 0.97)
        return {};
    return imageCopy(inBox);
}

}  // namespace weft::component_masks
