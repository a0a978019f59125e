#include "core/colour/LabColour.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace weft {

// Through OpenCV, as the palette converts images, so that one colour and an image
// of it come out the same.
LabColour LabColour::fromColour(const QColor& colour)
{
    const QColor rgb = colour.toRgb();
    cv::Mat pixel(1, 1, CV_32FC3, cv::Scalar(rgb.redF(), rgb.greenF(), rgb.blueF())), lab;
    cv::cvtColor(pixel, lab, cv::COLOR_RGB2Lab);
    const cv::Vec3f value = lab.at<cv::Vec3f>(0, 0);
    return {value[0], value[1], value[2]};
}

QColor LabColour::toColour() const
{
    cv::Mat pixel(1, 1, CV_32FC3, cv::Scalar(L, a, b)), rgb;
    cv::cvtColor(pixel, rgb, cv::COLOR_Lab2RGB);
    const cv::Vec3f value = rgb.at<cv::Vec3f>(0, 0);
    const auto channel = [](float v) { return std::clamp(int(std::lround(v * 255.0f)), 0, 255); };
    return QColor(channel(value[0]), channel(value[1]), channel(value[2]));
}

float deltaE(const LabColour& first, const LabColour& second)
{
    const float dL = first.L - second.L, da = first.a - second.a, db = first.b - second.b;
    return std::sqrt(dL * dL + da * da + db * db);
}

}  // namespace weft
