#include "core/verification/SwatchVerifier.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace weft {

namespace {

constexpr double kWorkingScale = 0.5;        // both images are compared at half their pixel size
constexpr double kLibraryBlurSigma = 0.8;    // what a phone camera's focus does to the printed pattern
constexpr int kTemplateSide = 48;            // the swatch's middle, in working pixels
constexpr int kSmallestTemplate = 24;        // a smaller swatch is not checked
constexpr std::array<double, 7> kScales{0.7, 0.79, 0.89, 1.0, 1.12, 1.26, 1.4};   // photo over library pixel size
constexpr std::array<double, 5> kTurns{-10, -5, 0, 5, 10};                         // degrees

cv::Mat workingGrey(const QImage& image, double blurSigma)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()), std::size_t(rgb.bytesPerLine()));
    cv::Mat grey;
    cv::cvtColor(view, grey, cv::COLOR_RGB2GRAY);
    if (blurSigma > 0)
        cv::GaussianBlur(grey, grey, cv::Size(), blurSigma);
    cv::Mat working;
    const cv::Size size(std::max(1, int(std::lround(grey.cols * kWorkingScale))), std::max(1, int(std::lround(grey.rows * kWorkingScale))));
    cv::resize(grey, working, size, 0, 0, cv::INTER_AREA);
    working.convertTo(working, CV_32F);
    return working;
}

}  // namespace

struct SwatchVerifier::Templates {
    std::vector<cv::Mat> warped;   // the swatch's middle as the library image would show it, one per scale and turn
};

SwatchVerifier::SwatchVerifier(const QImage& swatch) : m_templates(std::make_unique<Templates>())
{
    if (swatch.isNull())
        return;
    const cv::Mat grey = workingGrey(swatch, 0);
    // The template must stay inside the swatch at the largest scale and turn.
    const double largestScale = kScales.back();
    const double turnedReach = std::cos(10 * CV_PI / 180) + std::sin(10 * CV_PI / 180);
    const int side = std::min(kTemplateSide, int(std::min(grey.cols, grey.rows) / (largestScale * turnedReach)));
    if (side < kSmallestTemplate)
        return;
    const cv::Point2d swatchCentre((grey.cols - 1) / 2.0, (grey.rows - 1) / 2.0);
    const cv::Point2d templateCentre((side - 1) / 2.0, (side - 1) / 2.0);
    for (double scale : kScales) {
        for (double turn : kTurns) {
            // Template pixel t shows swatch pixel centre + scale · R(turn) · (t − its centre).
            const double radians = turn * CV_PI / 180;
            const double a = scale * std::cos(radians), b = scale * std::sin(radians);
            const cv::Matx23d templateToSwatch(a, -b, swatchCentre.x - (a * templateCentre.x - b * templateCentre.y),
                                               b, a, swatchCentre.y - (b * templateCentre.x + a * templateCentre.y));
            cv::Mat warped;
            cv::warpAffine(grey, warped, templateToSwatch, cv::Size(side, side), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
            m_templates->warped.push_back(warped);
        }
    }
}

SwatchVerifier::~SwatchVerifier() = default;

bool SwatchVerifier::usable() const
{
    return !m_templates->warped.empty();
}

float SwatchVerifier::fit(const QImage& libraryImage) const
{
    if (!usable() || libraryImage.isNull())
        return -1.0f;
    const cv::Mat library = workingGrey(libraryImage, kLibraryBlurSigma);
    const int side = m_templates->warped.front().cols;
    if (library.cols < side || library.rows < side)
        return -1.0f;
    double best = -1.0;
    cv::Mat correlation;
    for (const cv::Mat& warped : m_templates->warped) {
        cv::matchTemplate(library, warped, correlation, cv::TM_CCOEFF_NORMED);
        double high = 0;
        cv::minMaxLoc(correlation, nullptr, &high);
        if (std::isfinite(high))
            best = std::max(best, high);
    }
    return float(std::clamp(best, -1.0, 1.0));
}

}  // namespace weft
