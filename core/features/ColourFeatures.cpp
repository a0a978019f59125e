#include "core/features/ColourFeatures.h"

#include "core/features/Pooling.h"
#include "core/imaging/MatView.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace weft {

namespace {

// A histogram's shares (its squares, summed to 1), half of each hue bin's going to
// its two neighbours on the hue circle.
std::vector<double> hueSpread(const std::vector<float>& histogram)
{
    constexpr int perHue = kHistogramBins / kHueBins;
    double total = 0;
    for (float v : histogram)
        total += double(v) * v;
    std::vector<double> spread(histogram.size(), 0.0);
    if (total <= 0)
        return spread;
    for (int hue = 0; hue < kHueBins; ++hue)
        for (int other = 0; other < perHue; ++other) {
            const double share = double(histogram[std::size_t(hue * perHue + other)]) * histogram[std::size_t(hue * perHue + other)] / total;
            spread[std::size_t(hue * perHue + other)] += share / 2;
            spread[std::size_t((hue + 1) % kHueBins * perHue + other)] += share / 4;
            spread[std::size_t((hue + kHueBins - 1) % kHueBins * perHue + other)] += share / 4;
        }
    return spread;
}

}  // namespace

float colourLikeness(const std::vector<float>& a, const std::vector<float>& b)
{
    if (int(a.size()) != kHistogramBins || int(b.size()) != kHistogramBins)
        return 0;
    const std::vector<double> spreadA = hueSpread(a), spreadB = hueSpread(b);
    double coefficient = 0;
    for (std::size_t i = 0; i < spreadA.size(); ++i)
        coefficient += std::sqrt(spreadA[i] * spreadB[i]);
    return float(std::min(1.0, coefficient));
}

std::vector<float> hsvHistogram(const QImage& rgb, const QImage& keep)
{
    // Histograms of big images are no better than of a 256-px version, only slower.
    cv::Mat source = matView(rgb), small, hsv;
    const double scale = std::min(1.0, 256.0 / std::max(rgb.width(), rgb.height()));
    if (scale < 1.0) {
        // At least a pixel across: a 1×1024 stripe keeps its one column.
        const cv::Size size(std::max(1, int(std::lround(rgb.width() * scale))), std::max(1, int(std::lround(rgb.height() * scale))));
        cv::resize(source, small, size, 0, 0, cv::INTER_AREA);
    } else
        small = source;
    cv::cvtColor(small, hsv, cv::COLOR_RGB2HSV_FULL);  // hue 0..255
    cv::Mat kept;
    if (!keep.isNull() && keep.format() == QImage::Format_Grayscale8) {
        cv::resize(matView(keep), kept, hsv.size(), 0, 0, cv::INTER_NEAREST);
        if (cv::countNonZero(kept) == 0)
            kept.release();
    }

    std::vector<float> histogram(kHistogramBins, 0.0f);
    for (int y = 0; y < hsv.rows; ++y) {
        const uchar* row = hsv.ptr<uchar>(y);
        const uchar* keepRow = kept.empty() ? nullptr : kept.ptr<uchar>(y);
        for (int x = 0; x < hsv.cols; ++x)
            if (!keepRow || keepRow[x])
                histogram[std::size_t(histogramBin(row[3 * x], row[3 * x + 1], row[3 * x + 2]))] += 1.0f;
    }
    for (float& bin : histogram)
        bin = std::sqrt(bin);
    normaliseL2(histogram);
    return histogram;
}

}  // namespace weft
