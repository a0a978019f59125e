#include "core/imaging/FloatTiff.h"

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace weft {

QImage decodeFloatTiff(const QByteArray& data)
{
    cv::Mat samples;
    try {
        const cv::Mat encoded(1, int(data.size()), CV_8U, const_cast<char*>(data.constData()));
        samples = cv::imdecode(encoded, cv::IMREAD_UNCHANGED);
    } catch (const cv::Exception&) {
        return {};
    }
    if (samples.empty() || (samples.depth() != CV_32F && samples.depth() != CV_64F))
        return {};
    samples.convertTo(samples, CV_32F);
    cv::patchNaNs(samples, 0);
    double low = 0, high = 0;
    cv::minMaxLoc(samples.reshape(1), &low, &high);
    double scale = 255, offset = 0;
    if ((low < 0 || high > 1) && high > low) {
        scale = 255 / (high - low);
        offset = -low * scale;
    }
    cv::Mat bytes;
    samples.convertTo(bytes, CV_8U, scale, offset);
    cv::Mat rgb;
    switch (bytes.channels()) {
    case 1: cv::cvtColor(bytes, rgb, cv::COLOR_GRAY2RGB); break;
    case 3: cv::cvtColor(bytes, rgb, cv::COLOR_BGR2RGB); break;
    case 4: cv::cvtColor(bytes, rgb, cv::COLOR_BGRA2RGB); break;
    default: return {};
    }
    return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
}

}  // namespace weft
