#include "core/colour/ColourShare.h"

#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace weft {

namespace {

// Points spread evenly over every bin of the histogram (4 hues × 4 saturations ×
// 4 values in each), with their colour in L*a*b* and their bin.
struct BinSamples {
    std::vector<LabColour> colours;
    std::vector<int> bins;
    std::vector<int> perBin;

    BinSamples() : perBin(kHistogramBins, 0)
    {
        constexpr int kHueStep = 4, kStep = 16;
        cv::Mat hsv(256 / kStep * 256 / kStep, 256 / kHueStep, CV_8UC3);
        for (int h = 0; h < 256 / kHueStep; ++h)
            for (int s = 0; s < 256 / kStep; ++s)
                for (int v = 0; v < 256 / kStep; ++v) {
                    const int hue = h * kHueStep + kHueStep / 2, saturation = s * kStep + kStep / 2, value = v * kStep + kStep / 2;
                    hsv.at<cv::Vec3b>(s * (256 / kStep) + v, h) = cv::Vec3b(uchar(hue), uchar(saturation), uchar(value));
                }
        cv::Mat rgb, floats, lab;
        cv::cvtColor(hsv, rgb, cv::COLOR_HSV2RGB_FULL);
        rgb.convertTo(floats, CV_32FC3, 1.0 / 255.0);
        cv::cvtColor(floats, lab, cv::COLOR_RGB2Lab);
        for (int row = 0; row < hsv.rows; ++row)
            for (int column = 0; column < hsv.cols; ++column) {
                const cv::Vec3b point = hsv.at<cv::Vec3b>(row, column);
                const cv::Vec3f colour = lab.at<cv::Vec3f>(row, column);
                const int bin = histogramBin(point[0], point[1], point[2]);
                colours.push_back({colour[0], colour[1], colour[2]});
                bins.push_back(bin);
                ++perBin[std::size_t(bin)];
            }
    }
};

const BinSamples& binSamples()
{
    static const BinSamples samples;
    return samples;
}

}  // namespace

ColourShare::ColourShare(const QColor& colour) : m_colour(colour), m_binWeights(kHistogramBins, 0.0f)
{
    const LabColour target = LabColour::fromColour(colour);
    const BinSamples& samples = binSamples();
    for (std::size_t i = 0; i < samples.colours.size(); ++i)
        if (deltaE(samples.colours[i], target) < kNear)
            m_binWeights[std::size_t(samples.bins[i])] += 1.0f;
    for (std::size_t bin = 0; bin < m_binWeights.size(); ++bin)
        if (samples.perBin[bin] > 0)
            m_binWeights[bin] /= float(samples.perBin[bin]);
}

float ColourShare::of(const std::vector<float>& histogram) const
{
    if (histogram.size() != m_binWeights.size())
        throw Error(QStringLiteral("A colour histogram has %1 bins, not %2").arg(histogram.size()).arg(m_binWeights.size()));
    double near = 0, all = 0;
    for (std::size_t bin = 0; bin < histogram.size(); ++bin) {
        const double pixels = double(histogram[bin]) * histogram[bin];
        near += m_binWeights[bin] * pixels;
        all += pixels;
    }
    return all > 0 ? float(near / all) : 0.0f;
}

ColourFilter::ColourFilter(const QList<QColor>& colours)
{
    for (const QColor& colour : colours)
        m_colours.emplace_back(colour);
}

QList<QColor> ColourFilter::colours() const
{
    QList<QColor> colours;
    for (const ColourShare& share : m_colours)
        colours.append(share.colour());
    return colours;
}

float ColourFilter::share(const std::vector<float>& histogram) const
{
    float scarcest = 1.0f;
    for (const ColourShare& colour : m_colours)
        scarcest = std::min(scarcest, colour.of(histogram));
    return scarcest;
}

}  // namespace weft
