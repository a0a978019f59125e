#include "core/colour/PlacedColours.h"

#include "core/features/ColourFeatures.h"
#include "core/imaging/MatView.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace weft {

namespace {
// Keeps a channel's ratio finite where one side is black.
constexpr double kDarkest = 1.0;
// Saturation (of 255) under which a pixel counts as grey: hsvHistogram's lowest
// saturation bin. A grey's hue is a tint the light or the camera gave it, and
// near-grey prints (Subtle Patterns) would be told apart by that tint alone.
constexpr int kGreyBelow = 64;

// The colour histogram of `rgb` (RGB888) where `keep` is set, greys taken as grey.
std::vector<float> histogramOf(const cv::Mat& rgb, const cv::Mat& keep = cv::Mat())
{
    cv::Mat hsv;
    cv::cvtColor(rgb, hsv, cv::COLOR_RGB2HSV_FULL);
    cv::Mat neutral = rgb.clone();
    for (int y = 0; y < rgb.rows; ++y) {
        const cv::Vec3b* h = hsv.ptr<cv::Vec3b>(y);
        cv::Vec3b* out = neutral.ptr<cv::Vec3b>(y);
        for (int x = 0; x < rgb.cols; ++x)
            if (h[x][1] < kGreyBelow)
                out[x] = cv::Vec3b(h[x][2], h[x][2], h[x][2]);
    }
    return hsvHistogram(imageCopy(neutral), keep.empty() ? QImage() : imageCopy(keep));
}
}  // namespace

PlacedColours::PlacedColours(const QImage& swatch)
{
    if (swatch.isNull())
        return;
    const QImage rgb = swatch.convertToFormat(QImage::Format_RGB888);
    m_histogram = histogramOf(matView(rgb));
    const cv::Scalar mean = cv::mean(matView(rgb));
    for (int c = 0; c < 3; ++c)
        m_mean[c] = mean[c];
}

float PlacedColours::likeness(const QImage& libraryImage, const QPolygonF& whereSwatchSits) const
{
    if (m_histogram.empty() || libraryImage.isNull() || whereSwatchSits.size() < 3)
        return -1.0f;
    const QImage rgb = libraryImage.convertToFormat(QImage::Format_RGB888);
    const cv::Mat pixels = matView(rgb);
    // The outline's corners are on pixel edges (pixel x spans x to x + 1): the
    // pixels kept are those whose middle it holds, at a sixteenth of a pixel.
    const QRectF bounds = whereSwatchSits.boundingRect();
    const cv::Rect box = cv::Rect(cv::Point(int(std::floor(bounds.left())), int(std::floor(bounds.top()))),
                                  cv::Point(int(std::ceil(bounds.right())), int(std::ceil(bounds.bottom())))) &
                         cv::Rect(0, 0, pixels.cols, pixels.rows);
    if (box.area() < kFewestPixels)
        return -1.0f;
    constexpr int kFractionBits = 4;
    std::vector<cv::Point> corners;
    for (const QPointF& corner : whereSwatchSits)
        corners.emplace_back(int(std::lround((corner.x() - 0.5 - box.x) * (1 << kFractionBits))),
                             int(std::lround((corner.y() - 0.5 - box.y) * (1 << kFractionBits))));
    cv::Mat keep(box.size(), CV_8U, cv::Scalar(0));
    cv::fillConvexPoly(keep, corners, cv::Scalar(255), cv::LINE_8, kFractionBits);
    if (cv::countNonZero(keep) < kFewestPixels)
        return -1.0f;
    const cv::Mat under = pixels(box);

    // The light that makes the library pixels as bright as the swatch, channel by
    // channel, within the bounds: its log ratios split into their mean (exposure)
    // and each channel's difference from it (cast).
    const cv::Scalar mean = cv::mean(under, keep);
    double logRatio[3], logExposure = 0;
    for (int c = 0; c < 3; ++c) {
        logRatio[c] = std::log((m_mean[c] + kDarkest) / (mean[c] + kDarkest));
        logExposure += logRatio[c] / 3;
    }
    const double exposure = std::clamp(logExposure, -std::log(kMostExposure), std::log(kMostExposure));
    cv::Scalar gain;
    for (int c = 0; c < 3; ++c)
        gain[c] = std::exp(exposure + std::clamp(logRatio[c] - logExposure, -std::log(kMostCast), std::log(kMostCast)));
    cv::Mat lit;
    cv::multiply(under, gain, lit);   // saturates at white, as a camera does

    return colourLikeness(m_histogram, histogramOf(lit, keep));
}

}  // namespace weft
