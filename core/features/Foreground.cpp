#include "core/features/Foreground.h"

#include "core/imaging/MatView.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace weft {

using namespace ForegroundRules;

QImage foregroundMask(const QImage& rgb)
{
    if (rgb.isNull() || rgb.format() != QImage::Format_RGB888)
        return QImage();
    const cv::Mat source = matView(rgb);
    const double scale = std::min(1.0, double(kSide) / std::max(rgb.width(), rgb.height()));
    cv::Mat small;
    cv::resize(source, small, cv::Size(std::max(1, int(std::lround(rgb.width() * scale))), std::max(1, int(std::lround(rgb.height() * scale)))), 0, 0,
               cv::INTER_AREA);
    if (small.rows < 3 || small.cols < 3)
        return QImage();

    // floodFill's masks are a pixel wider on every side than the image.
    cv::Mat backdrop = cv::Mat::zeros(small.rows + 2, small.cols + 2, CV_8U);
    cv::Mat flood(backdrop.size(), CV_8U);
    const cv::Scalar step(kSmoothStep, kSmoothStep, kSmoothStep);
    const double smallestFlood = kSmallestFlood * double(small.total());
    const auto floodFrom = [&](int x, int y) {
        if (backdrop.at<uchar>(y + 1, x + 1))
            return;
        flood.setTo(0);
        const int area = cv::floodFill(small, flood, cv::Point(x, y), cv::Scalar(), nullptr, step, step, 4 | cv::FLOODFILL_MASK_ONLY | (255 << 8));
        if (area >= smallestFlood)
            backdrop |= flood;
    };
    // Every other border pixel: a flood through a gap of one pixel is no backdrop.
    for (int x = 0; x < small.cols; x += 2) {
        floodFrom(x, 0);
        floodFrom(x, small.rows - 1);
    }
    for (int y = 0; y < small.rows; y += 2) {
        floodFrom(0, y);
        floodFrom(small.cols - 1, y);
    }

    const cv::Mat behind = backdrop(cv::Rect(1, 1, small.cols, small.rows));
    const double backdropShare = cv::countNonZero(behind) / double(small.total());
    if (backdropShare < kLeastBackdrop || backdropShare > kMostBackdrop)
        return QImage();
    const int borderPixels = 2 * (small.cols + small.rows) - 4;
    const int behindBorder = cv::countNonZero(behind.row(0)) + cv::countNonZero(behind.row(small.rows - 1)) + cv::countNonZero(behind.col(0))
                             + cv::countNonZero(behind.col(small.cols - 1)) - (behind.at<uchar>(0, 0) > 0) - (behind.at<uchar>(0, small.cols - 1) > 0)
                             - (behind.at<uchar>(small.rows - 1, 0) > 0) - (behind.at<uchar>(small.rows - 1, small.cols - 1) > 0);
    if (behindBorder < kAroundTheBorder * borderPixels)
        return QImage();
    cv::Mat cloth;
    cv::bitwise_not(behind, cloth);
    cv::Mat labels, stats, centroids;
    const int regions = cv::connectedComponentsWithStats(cloth, labels, stats, centroids, 8);
    int clothArea = 0, largest = 0;
    for (int region = 1; region < regions; ++region) {
        clothArea += stats.at<int>(region, cv::CC_STAT_AREA);
        largest = std::max(largest, stats.at<int>(region, cv::CC_STAT_AREA));
    }
    if (clothArea == 0 || largest < kOneShape * clothArea)
        return QImage();

    return imageCopy(cloth);
}

}  // namespace weft
