#include "core/verification/SlidingCorrelation.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <stdexcept>

namespace weft {

SlidingCorrelation::SlidingCorrelation(const cv::Mat& image, int side)
    : m_side(side), m_places(image.cols - side + 1, image.rows - side + 1)
{
    if (image.type() != CV_32FC1 || side < 1 || m_places.width < 1 || m_places.height < 1)
        throw std::invalid_argument("SlidingCorrelation: a one-channel float image at least as large as the template");
    const cv::Size transform = transformSizeFor(image.size());
    cv::Mat padded;
    cv::copyMakeBorder(image, padded, 0, transform.height - image.rows, 0, transform.width - image.cols, cv::BORDER_CONSTANT, 0);
    cv::dft(padded, m_spectrum, 0, image.rows);

    cv::Mat sums, squares;
    cv::integral(image, sums, squares, CV_64F, CV_64F);
    const double n = double(side) * side;
    m_spread.create(m_places, CV_64F);
    for (int y = 0; y < m_places.height; ++y) {
        const double* s0 = sums.ptr<double>(y);
        const double* s1 = sums.ptr<double>(y + side);
        const double* q0 = squares.ptr<double>(y);
        const double* q1 = squares.ptr<double>(y + side);
        double* spread = m_spread.ptr<double>(y);
        for (int x = 0; x < m_places.width; ++x) {
            const double sum = s1[x + side] - s1[x] - s0[x + side] + s0[x];
            const double squared = q1[x + side] - q1[x] - q0[x + side] + q0[x];
            spread[x] = std::sqrt(std::max(squared - sum * sum / n, 0.0));
        }
    }
}

cv::Size SlidingCorrelation::transformSizeFor(cv::Size image)
{
    // A circular correlation wraps around only at places past the last one a
    // template fits in, so any padding to at least the image's own size gives
    // the same correlations. Rounded up to a step first, images of nearby sizes
    // share a transform size, and with it the templates' spectra, at a larger
    // transform for some: a fashion library's portrait photos, 427 to 512 px wide,
    // take two sizes instead of four.
    const auto stepped = [](int length) { return cv::getOptimalDFTSize((length + kTransformStep - 1) / kTransformStep * kTransformStep); };
    return {stepped(image.width), stepped(image.height)};
}

SlidingCorrelation::Prepared SlidingCorrelation::prepared(const cv::Mat& templ) const
{
    if (templ.type() != CV_32FC1 || templ.cols != m_side || templ.rows != m_side)
        throw std::invalid_argument("SlidingCorrelation: a one-channel float template of the side given");
    // With the template's mean taken off, the image's window mean drops out of
    // the numerator: what stays is a plain correlation, a product of spectra.
    cv::Mat centred;
    templ.convertTo(centred, CV_64F);
    centred -= cv::mean(centred);
    Prepared found;
    found.side = m_side;
    found.spread = cv::norm(centred);
    if (!(found.spread > 1e-6 * m_side))
        return found;   // a flat template
    cv::Mat padded(m_spectrum.size(), CV_32F, cv::Scalar(0));
    centred.convertTo(padded(cv::Rect(0, 0, m_side, m_side)), CV_32F);
    cv::dft(padded, found.spectrum, 0, m_side);
    return found;
}

cv::Mat SlidingCorrelation::of(const Prepared& templ) const
{
    if (templ.side != m_side || (!templ.spectrum.empty() && (templ.spectrum.size() != m_spectrum.size() || templ.spectrum.type() != m_spectrum.type())))
        throw std::invalid_argument("SlidingCorrelation::of: a template prepared for another side or transform size");
    cv::Mat result(m_places, CV_32F, cv::Scalar(0));
    if (templ.spectrum.empty())
        return result;   // a flat template
    const double templateSpread = templ.spread;
    cv::Mat product, correlation;
    cv::mulSpectrums(m_spectrum, templ.spectrum, product, 0, true);
    cv::idft(product, correlation, cv::DFT_SCALE | cv::DFT_REAL_OUTPUT, m_places.height);
    for (int y = 0; y < m_places.height; ++y) {
        const float* numerator = correlation.ptr<float>(y);
        const double* spread = m_spread.ptr<double>(y);
        float* out = result.ptr<float>(y);
        for (int x = 0; x < m_places.width; ++x) {
            // As matchTemplate: a ratio a rounding error pushed just past 1 is 1,
            // and one far past it (a window flat but for rounding) is no fit.
            const double denominator = spread[x] * templateSpread;
            const double magnitude = std::abs(numerator[x]);
            if (magnitude < denominator)
                out[x] = float(numerator[x] / denominator);
            else if (magnitude < 1.125 * denominator)
                out[x] = numerator[x] > 0 ? 1.0f : -1.0f;
        }
    }
    return result;
}

}  // namespace weft
