#include "core/features/PhotoViews.h"

#include "core/common/Error.h"
#include "core/imaging/MatView.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace weft {

namespace {

// What a phone camera does to a printed pattern, roughly: slight defocus and JPEG.
constexpr double kCameraBlurSigma = 0.8;
constexpr int kCameraJpegQuality = 70;
constexpr std::array<double, 3> kMagnifications{0.7, 1.0, 1.4};
// Contrast every view is stretched to (standard deviation of grey, 8-bit levels);
// flatter images than kFlattest are not stretched further, so that a blank photo
// does not become amplified JPEG noise.
constexpr double kStretchedDeviation = 40.0;
constexpr double kFlattest = 0.5;
// The least side of a swatch's view. A smaller photo is enlarged to it: a photo
// that small mostly shows its print from further away than the library views'
// ×0.7–1.4 (and gives the network a few cells to pool); enlarged, it meets them.
// Chosen from 96, 128, 160, 192 and 224 on the wild protocol's three seeds
// (docs/BENCHMARKS.md, "A small swatch photo read enlarged").
constexpr int kLeastSwatchView = 128;

// `value` rounded down to a multiple of `multiple`, and at least `multiple`.
int multipleBelow(int value, int multiple) { return std::max(multiple, value / multiple * multiple); }

cv::Mat centreSquare(const cv::Mat& image, int side)
{
    side = std::min({side, image.cols, image.rows});
    return image(cv::Rect((image.cols - side) / 2, (image.rows - side) / 2, side, side));
}

cv::Mat asPhotographed(const cv::Mat& image)
{
    cv::Mat blurred;
    cv::GaussianBlur(image, blurred, cv::Size(), kCameraBlurSigma);
    std::vector<uchar> jpeg;
    if (!cv::imencode(".jpg", blurred, jpeg, {cv::IMWRITE_JPEG_QUALITY, kCameraJpegQuality}))
        throw Error(QStringLiteral("Could not JPEG-encode a photo view"));
    return cv::imdecode(jpeg, cv::IMREAD_UNCHANGED);   // channel order is kept as is
}

// Mean removed per channel, grey standard deviation scaled to kStretchedDeviation.
QImage stretched(const cv::Mat& image)
{
    cv::Mat grey;
    cv::cvtColor(image, grey, cv::COLOR_RGB2GRAY);
    cv::Scalar greyMean, greyDeviation;
    cv::meanStdDev(grey, greyMean, greyDeviation);
    const double gain = kStretchedDeviation / std::max(greyDeviation[0], kFlattest);
    const cv::Scalar mean = cv::mean(image);
    QImage result(image.cols, image.rows, QImage::Format_RGB888);
    cv::Mat target = matView(result);
    // convertTo's per-element a·x + b takes one b for all channels, so go per channel.
    std::vector<cv::Mat> channels;
    cv::split(image, channels);
    for (int c = 0; c < 3; ++c)
        channels[std::size_t(c)].convertTo(channels[std::size_t(c)], CV_8U, gain, 128.0 - gain * mean[c]);
    cv::merge(channels, target);
    return result;
}

}  // namespace

std::vector<QImage> libraryPhotoViews(const QImage& rgb, int side)
{
    if (rgb.format() != QImage::Format_RGB888)
        throw Error(QStringLiteral("Photo views need a decoded RGB888 image"));
    const cv::Mat source = matView(rgb);
    std::vector<QImage> views;
    for (double magnification : kMagnifications) {
        // Only the centre square survives, so crop before scaling what is not kept.
        const int needed = int(side / magnification) + 2;
        const cv::Mat centre = centreSquare(source, needed);
        cv::Mat scaled;
        cv::resize(centre, scaled, cv::Size(), magnification, magnification, magnification < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
        cv::Mat view = centreSquare(scaled, side);
        if (view.cols != side)   // a small image: its view fills the square
            cv::resize(cv::Mat(view), view, cv::Size(side, side), 0, 0, cv::INTER_LINEAR);
        views.push_back(stretched(asPhotographed(view)));
    }
    return views;
}

QImage swatchPhotoView(const QImage& rgb, int side, int multiple)
{
    if (rgb.format() != QImage::Format_RGB888)
        throw Error(QStringLiteral("Photo views need a decoded RGB888 image"));
    const int available = std::max(1, std::min(rgb.width(), rgb.height()) * 4 / 5);
    if (available > side) {
        // A large photo is mostly a close-up, at a finer pixel scale than the
        // library views': it shows more of itself, shrunk by as much as the least of
        // their magnifications.
        const int taken = std::min(available, int(std::lround(side / kMagnifications.front())));
        const int square = multipleBelow(side, multiple);
        cv::Mat shrunk;
        cv::resize(centreSquare(matView(rgb), taken), shrunk, cv::Size(square, square), 0, 0, cv::INTER_AREA);
        return stretched(shrunk);
    }
    const int square = multipleBelow(std::max(available, std::min(side, kLeastSwatchView)), multiple);
    if (square <= available)
        return stretched(centreSquare(matView(rgb), square).clone());
    cv::Mat enlarged;
    cv::resize(centreSquare(matView(rgb), available), enlarged, cv::Size(square, square), 0, 0, cv::INTER_LINEAR);
    return stretched(enlarged);
}

}  // namespace weft
