#include "core/features/ColourFeatures.h"

#include "core/features/Pooling.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace weft {

namespace {

cv::Mat wrap(const QImage& rgb)
{
    return cv::Mat(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()), std::size_t(rgb.bytesPerLine()));
}

}  // namespace

std::vector<float> hsvHistogram(const QImage& rgb)
{
    // Histograms of big images are no better than of a 256-px version, only slower.
    cv::Mat source = wrap(rgb), small, hsv;
    const double scale = std::min(1.0, 256.0 / std::max(rgb.width(), rgb.height()));
    if (scale < 1.0)
        cv::resize(source, small, cv::Size(), scale, scale, cv::INTER_AREA);
    else
        small = source;
    cv::cvtColor(small, hsv, cv::COLOR_RGB2HSV_FULL);  // hue 0..255

    std::vector<float> histogram(kHistogramBins, 0.0f);
    for (int y = 0; y < hsv.rows; ++y) {
        const uchar* row = hsv.ptr<uchar>(y);
        for (int x = 0; x < hsv.cols; ++x)
            histogram[std::size_t(histogramBin(row[3 * x], row[3 * x + 1], row[3 * x + 2]))] += 1.0f;
    }
    for (float& bin : histogram)
        bin = std::sqrt(bin);
    normaliseL2(histogram);
    return histogram;
}

}  // namespace weft
