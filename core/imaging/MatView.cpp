#include "core/imaging/MatView.h"

#include "core/common/Error.h"

#include <algorithm>

namespace weft {

cv::Mat matView(const QImage& image)
{
    int type = 0;
    switch (image.format()) {
    case QImage::Format_RGB888: type = CV_8UC3; break;
    case QImage::Format_Grayscale8: type = CV_8U; break;
    default: throw Error(QStringLiteral("Internal error: an image of format %1 reached OpenCV").arg(int(image.format())));
    }
    return cv::Mat(image.height(), image.width(), type, const_cast<uchar*>(image.constBits()), std::size_t(image.bytesPerLine()));
}

QImage imageCopy(const cv::Mat& pixels)
{
    QImage::Format format = QImage::Format_Invalid;
    switch (pixels.type()) {
    case CV_8UC3: format = QImage::Format_RGB888; break;
    case CV_8U: format = QImage::Format_Grayscale8; break;
    default: throw Error(QStringLiteral("Internal error: an OpenCV matrix of type %1 cannot become an image").arg(pixels.type()));
    }
    QImage image(pixels.cols, pixels.rows, format);
    const std::size_t rowBytes = std::size_t(pixels.cols) * pixels.elemSize();
    for (int y = 0; y < pixels.rows; ++y)
        std::copy_n(pixels.ptr<uchar>(y), rowBytes, image.scanLine(y));
    return image;
}

}  // namespace weft
