#include "core/features/NetworkInput.h"

#include "core/common/Error.h"
#include "core/features/PhotoViews.h"
#include "core/imaging/MatView.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace weft {

namespace {

// Grey 128 is zero after the usual (x − 128) / 128 normalisation: no signal.
const QColor kEmpty(128, 128, 128);

// A swatch whose sides differ by more than this is described squeezed to it.
constexpr double kWidestAspect = 2.0;

// Copies `part` (or its `from` rectangle) into `canvas` at `at`.
void place(QImage& canvas, const QImage& part, QPoint at, QRect from = QRect())
{
    canvas.bits();   // detach before writing through the wrapped pixels
    if (from.isNull())
        from = part.rect();
    matView(part)(cv::Rect(from.x(), from.y(), from.width(), from.height()))
        .copyTo(matView(canvas)(cv::Rect(at.x(), at.y(), from.width(), from.height())));
}

QImage resizedTo(const QImage& rgb, int width, int height)
{
    const cv::Mat source = matView(rgb);
    QImage result(width, height, QImage::Format_RGB888);
    cv::Mat target = matView(result);
    const bool shrinking = width < rgb.width() && height < rgb.height();
    cv::resize(source, target, target.size(), 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_LINEAR);
    return result;
}

int roundedTo(double value, int multiple) { return std::max(multiple, int(std::lround(value / multiple)) * multiple); }

QImage blankCanvas(int width, int height)
{
    QImage canvas(width, height, QImage::Format_RGB888);
    canvas.fill(kEmpty);
    return canvas;
}

void checkInput(const QImage& rgb)
{
    if (rgb.isNull() || rgb.format() != QImage::Format_RGB888)
        throw Error(QStringLiteral("The network input needs a decoded RGB888 image"));
}

}  // namespace

NetworkInput libraryInput(const QImage& rgb, int wholeSide, int stride)
{
    checkInput(rgb);
    if (wholeSide % (2 * stride) != 0)
        throw Error(QStringLiteral("The whole-image side %1 must be a multiple of %2").arg(wholeSide).arg(2 * stride));
    const int viewSide = wholeSide / 2;
    NetworkInput input;
    input.canvas = blankCanvas(2 * wholeSide, wholeSide);
    input.whole = QRect(0, 0, wholeSide, wholeSide);

    // The whole image, shorter side wholeSide, its centre square.
    const double scale = double(wholeSide) / std::min(rgb.width(), rgb.height());
    const int width = std::max(wholeSide, int(std::lround(rgb.width() * scale)));
    const int height = std::max(wholeSide, int(std::lround(rgb.height() * scale)));
    const QImage scaled = resizedTo(rgb, width, height);
    const QPoint offset((width - wholeSide) / 2, (height - wholeSide) / 2);
    input.sourceScale = 1.0 / scale;
    input.source = QRectF(offset.x() / scale, offset.y() / scale, wholeSide / scale, wholeSide / scale);

    place(input.canvas, scaled, QPoint(0, 0), QRect(offset, QSize(wholeSide, wholeSide)));
    const std::vector<QImage> views = libraryPhotoViews(rgb, viewSide);
    for (std::size_t k = 0; k < views.size(); ++k) {
        const QPoint at(wholeSide + int(k / 2) * viewSide, int(k % 2) * viewSide);
        place(input.canvas, views[k], at);
        input.cameraViews.emplace_back(at, QSize(viewSide, viewSide));
    }
    return input;
}

SwatchPictures swatchPictures(const QImage& rgb, int querySize, int viewSide, int stride)
{
    checkInput(rgb);
    const double aspect = std::clamp(double(rgb.width()) / rgb.height(), 1.0 / kWidestAspect, kWidestAspect);
    const int width = roundedTo(aspect >= 1 ? querySize * aspect : querySize, stride);
    const int height = roundedTo(aspect >= 1 ? querySize : querySize / aspect, stride);
    return {resizedTo(rgb, width, height), swatchPhotoView(rgb, viewSide, stride)};
}

NetworkInput swatchInput(const SwatchPictures& pictures, QSize imageSize)
{
    const QImage& whole = pictures.whole;
    const QImage& view = pictures.view;
    NetworkInput input;
    input.canvas = blankCanvas(whole.width() + view.width(), std::max(whole.height(), view.height()));
    input.whole = QRect(0, 0, whole.width(), whole.height());
    input.source = QRectF(0, 0, imageSize.width(), imageSize.height());
    input.sourceScale = double(imageSize.width()) / whole.width();
    input.cameraViews.emplace_back(QPoint(whole.width(), 0), view.size());
    place(input.canvas, whole, QPoint(0, 0));
    place(input.canvas, view, input.cameraViews.front().topLeft());
    return input;
}

NetworkInput swatchInput(const QImage& rgb, int querySize, int viewSide, int stride)
{
    return swatchInput(swatchPictures(rgb, querySize, viewSide, stride), rgb.size());
}

}  // namespace weft
