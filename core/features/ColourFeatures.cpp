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
        for (int x = 0; x < hsv.cols; ++x) {
            const int h = row[3 * x] >> 4, s = row[3 * x + 1] >> 6, v = row[3 * x + 2] >> 6;
            histogram[(h * 4 + s) * 4 + v] += 1.0f;
        }
    }
    for (float& bin : histogram)
        bin = std::sqrt(bin);
    normaliseL2(histogram);
    return histogram;
}

std::vector<float> colourSpots(const QImage& rgb, const FeatureMap& lastMap)
{
    const int area = lastMap.height * lastMap.width;
    std::vector<float> strength(area, 0.0f);
    for (int c = 0; c < lastMap.channels; ++c) {
        const float* values = lastMap.channel(c);
        for (int i = 0; i < area; ++i)
            strength[i] += values[i];
    }
    std::vector<int> order(area);
    std::iota(order.begin(), order.end(), 0);
    const int spots = std::min(10, area);
    std::partial_sort(order.begin(), order.begin() + spots, order.end(), [&](int a, int b) { return strength[a] > strength[b]; });

    cv::Mat pooled;
    cv::resize(wrap(rgb), pooled, cv::Size(lastMap.width, lastMap.height), 0, 0, cv::INTER_AREA);
    std::vector<float> values(kColourSpotValues, 0.0f);
    for (int i = 0; i < spots; ++i) {
        const cv::Vec3b colour = pooled.at<cv::Vec3b>(order[i] / lastMap.width, order[i] % lastMap.width);
        for (int c = 0; c < 3; ++c)
            values[3 * i + c] = colour[c];
    }
    // With fewer than 10 map positions (tiny images) the strongest spot is repeated.
    for (int i = spots; i < 10; ++i)
        std::copy_n(values.begin(), 3, values.begin() + 3 * i);

    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / values.size();
    double variance = 0;
    for (float v : values)
        variance += (v - mean) * (v - mean);
    const double deviation = std::sqrt(variance / values.size());
    for (float& v : values)
        v = deviation > 1e-6 ? float((v - mean) / deviation) : 0.0f;
    normaliseL2(values);
    return values;
}

}  // namespace weft
