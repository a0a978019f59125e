#include "core/eval/WildPhotos.h"

#include "core/common/Error.h"
#include "core/imaging/MatView.h"

#include <QJsonArray>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <random>

namespace weft {

namespace {

// The protocol's ranges (issue 11).
constexpr double kCropMin = 0.20, kCropMax = 0.55;       // of the shorter side
constexpr double kCentreWander = 0.15;                   // of the shorter side, from the middle
constexpr double kMirrorChance = 0.2;
constexpr double kZoomMin = 0.4, kZoomMax = 2.5;
constexpr double kTiltMax = 0.08;                        // of the side, per corner and axis
constexpr double kWhiteBalanceMin = 0.85, kWhiteBalanceMax = 1.15;
constexpr double kSaturationMin = 0.75, kSaturationMax = 1.2;
constexpr double kExposureMin = 0.8, kExposureMax = 1.2;
constexpr double kGammaMin = 0.8, kGammaMax = 1.25;
constexpr double kWeavePeriodMin = 2.5, kWeavePeriodMax = 5.0;
constexpr double kWeaveAmplitudeMax = 0.06;
constexpr double kVignetteMax = 0.15;
constexpr double kBlurMax = 1.5;
constexpr double kNoiseMax = 6.0;                        // grey levels
constexpr int kJpegMin = 55, kJpegMax = 85;
constexpr int kSmallestSide = 32;                        // pixels; a phone photo is never smaller
constexpr double kPlainDeviation = 10.0;                 // grey s.d. below which a photo shows no pattern
constexpr int kMostDraws = 20;

// As SwatchSet: mt19937's output is the same everywhere, std::uniform_real_distribution's is not.
double uniform(std::mt19937& rng, double low, double high)
{
    return low + (high - low) * (double(rng()) / 4294967296.0);
}

WildPhotoParameters draw(std::mt19937& rng, int width, int height)
{
    WildPhotoParameters p;
    const double shorter = std::min(width, height);
    p.cropFraction = uniform(rng, kCropMin, kCropMax);
    const double crop = p.cropFraction * shorter;
    // The turned square's corners stay inside the image where its size allows.
    const double reach = crop * std::sqrt(0.5);
    const double wanderX = std::clamp(width / 2.0 - reach, 0.0, kCentreWander * shorter);
    const double wanderY = std::clamp(height / 2.0 - reach, 0.0, kCentreWander * shorter);
    p.centreX = width / 2.0 + uniform(rng, -wanderX, wanderX);
    p.centreY = height / 2.0 + uniform(rng, -wanderY, wanderY);
    p.turnDegrees = uniform(rng, 0, 360);
    p.mirrored = uniform(rng, 0, 1) < kMirrorChance;
    p.zoom = std::exp(uniform(rng, std::log(kZoomMin), std::log(kZoomMax)));
    for (double& t : p.tilt)
        t = uniform(rng, -kTiltMax, kTiltMax);
    for (double& gain : p.whiteBalance)
        gain = uniform(rng, kWhiteBalanceMin, kWhiteBalanceMax);
    p.saturation = uniform(rng, kSaturationMin, kSaturationMax);
    p.exposure = uniform(rng, kExposureMin, kExposureMax);
    p.gamma = uniform(rng, kGammaMin, kGammaMax);
    p.weavePeriod = uniform(rng, kWeavePeriodMin, kWeavePeriodMax);
    p.weaveAmplitude = uniform(rng, 0, kWeaveAmplitudeMax);
    p.weaveDegrees = uniform(rng, 0, 180);
    p.vignette = uniform(rng, 0, kVignetteMax);
    p.blurSigma = uniform(rng, 0, kBlurMax);
    p.noiseSigma = uniform(rng, 0, kNoiseMax);
    p.jpegQuality = std::min(kJpegMax, kJpegMin + int(uniform(rng, 0, kJpegMax - kJpegMin + 1)));
    p.noiseSeed = quint32(rng());
    p.side = std::max(kSmallestSide, int(std::lround(crop * p.zoom)));
    return p;
}

// Photo pixel → library pixel: the tilt (photo corners to displaced corners of the unit
// square), the mirror, then the square's size, turn and place in the library image.
cv::Matx33d photoToLibrary(const WildPhotoParameters& p, int width, int height)
{
    const double n = p.side;
    const cv::Point2f photoCorners[4] = {{0, 0}, {float(n), 0}, {float(n), float(n)}, {0, float(n)}};
    const double unit[4][2] = {{0, 0}, {1, 0}, {1, 1}, {0, 1}};
    cv::Point2f squareCorners[4];
    for (int k = 0; k < 4; ++k)
        squareCorners[k] = cv::Point2f(float(unit[k][0] + p.tilt[std::size_t(2 * k)]), float(unit[k][1] + p.tilt[std::size_t(2 * k + 1)]));
    const cv::Matx33d tilt(cv::getPerspectiveTransform(photoCorners, squareCorners));
    const cv::Matx33d mirror = p.mirrored ? cv::Matx33d(-1, 0, 1, 0, 1, 0, 0, 0, 1) : cv::Matx33d::eye();
    const double crop = p.cropFraction * std::min(width, height);
    const double radians = p.turnDegrees * CV_PI / 180.0;
    const double c = std::cos(radians) * crop, s = std::sin(radians) * crop;
    // Square point q (0..1) → centre + R · (q − ½) · crop.
    const cv::Matx33d place(c, s, p.centreX - 0.5 * (c + s),  //
                            -s, c, p.centreY - 0.5 * (-s + c),  //
                            0, 0, 1);
    return place * mirror * tilt;
}

// The library image as 8-bit RGB; the photo is made from a view of it (photoOf
// only reads it), so it must outlive that view.
QImage rgbOf(const QImage& image)
{
    if (image.isNull())
        throw Error(QStringLiteral("A wild photo needs a library image"));
    return image.convertToFormat(QImage::Format_RGB888);
}

cv::Mat photoOf(const cv::Mat& libraryRgb, const WildPhotoParameters& p);

}  // namespace

double WildPhotoParameters::turnFromUpright() const
{
    const double turn = std::fmod(std::fmod(turnDegrees, 360.0) + 360.0, 360.0);
    return std::min(turn, 360.0 - turn);
}

QImage takeWildPhoto(const QImage& library, const WildPhotoParameters& p)
{
    const QImage rgb = rgbOf(library);
    return imageCopy(photoOf(matView(rgb), p));
}

namespace {

cv::Mat photoOf(const cv::Mat& libraryRgb, const WildPhotoParameters& p)
{
    // A step back integrates several library pixels into one: low-pass first, as a lens does.
    // Into a matrix of its own: the library image is only read, and a photo drawn again
    // (wildPhotoOf) must start from it as it is, not from the last draw's blur.
    cv::Mat source = libraryRgb;
    if (p.zoom < 1) {
        const double shrink = 1.0 / p.zoom;
        cv::Mat blurred;
        cv::GaussianBlur(libraryRgb, blurred, cv::Size(0, 0), 0.5 * std::sqrt(shrink * shrink - 1), 0, cv::BORDER_REFLECT_101);
        source = blurred;
    }
    cv::Mat photo;
    cv::warpPerspective(source, photo, photoToLibrary(p, libraryRgb.cols, libraryRgb.rows), cv::Size(p.side, p.side),
                        cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REFLECT_101);

    // Light, cloth and camera, on 0..1 floats.
    cv::Mat light;
    photo.convertTo(light, CV_32FC3, 1.0 / 255);
    const double radians = p.weaveDegrees * CV_PI / 180.0;
    const double half = (p.side - 1) / 2.0;
    for (int y = 0; y < light.rows; ++y) {
        auto* pixel = light.ptr<cv::Vec3f>(y);
        for (int x = 0; x < light.cols; ++x) {
            cv::Vec3f v = pixel[x];
            for (int c = 0; c < 3; ++c)
                v[c] *= float(p.whiteBalance[std::size_t(c)]);
            const float luma = 0.299f * v[0] + 0.587f * v[1] + 0.114f * v[2];
            double along = (x * std::cos(radians) + y * std::sin(radians)) * 2 * CV_PI / p.weavePeriod;
            double across = (-x * std::sin(radians) + y * std::cos(radians)) * 2 * CV_PI / p.weavePeriod;
            const double weave = 1 + p.weaveAmplitude * std::sin(along) * std::sin(across);
            const double r2 = ((x - half) * (x - half) + (y - half) * (y - half)) / (2 * half * half + 1e-9);
            const double shade = weave * (1 - p.vignette * r2);
            for (int c = 0; c < 3; ++c) {
                const double saturated = luma + p.saturation * (v[c] - luma);
                const double exposed = std::clamp(saturated * p.exposure, 0.0, 1.0);
                v[c] = float(std::pow(exposed, p.gamma) * shade * 255.0);
            }
            pixel[x] = v;
        }
    }
    if (p.blurSigma > 0.05)
        cv::GaussianBlur(light, light, cv::Size(0, 0), p.blurSigma, 0, cv::BORDER_REFLECT_101);
    cv::Mat noise(light.size(), CV_32FC3);
    cv::RNG rng(p.noiseSeed);
    rng.fill(noise, cv::RNG::NORMAL, 0, p.noiseSigma);
    light += noise;
    cv::Mat result;
    light.convertTo(result, CV_8UC3);   // rounds and saturates
    return result;
}

}  // namespace

WildPhoto wildPhotoOf(const QImage& library, quint32 seed, int index)
{
    const QImage libraryImage = rgbOf(library);
    const cv::Mat libraryRgb = matView(libraryImage);
    std::seed_seq sequence{std::uint32_t(seed), std::uint32_t(index), std::uint32_t(0x771d)};
    std::mt19937 rng(sequence);
    WildPhoto photo;
    for (int attempt = 0; attempt < kMostDraws; ++attempt) {
        photo.parameters = draw(rng, libraryRgb.cols, libraryRgb.rows);
        const cv::Mat rgb = photoOf(libraryRgb, photo.parameters);
        photo.rgb = imageCopy(rgb);
        cv::Mat grey;
        cv::cvtColor(rgb, grey, cv::COLOR_RGB2GRAY);
        cv::Scalar mean, deviation;
        cv::meanStdDev(grey, mean, deviation);
        if (deviation[0] >= kPlainDeviation)
            break;
    }
    return photo;
}

QJsonObject WildPhotoParameters::toJson() const
{
    auto array = [](const auto& values) {
        QJsonArray a;
        for (const double v : values)
            a.append(v);
        return a;
    };
    return {{QStringLiteral("crop_fraction"), cropFraction},
            {QStringLiteral("centre_x"), centreX},
            {QStringLiteral("centre_y"), centreY},
            {QStringLiteral("turn"), turnDegrees},
            {QStringLiteral("mirrored"), mirrored},
            {QStringLiteral("zoom"), zoom},
            {QStringLiteral("tilt"), array(tilt)},
            {QStringLiteral("white_balance"), array(whiteBalance)},
            {QStringLiteral("saturation"), saturation},
            {QStringLiteral("exposure"), exposure},
            {QStringLiteral("gamma"), gamma},
            {QStringLiteral("weave_period"), weavePeriod},
            {QStringLiteral("weave_amplitude"), weaveAmplitude},
            {QStringLiteral("weave_angle"), weaveDegrees},
            {QStringLiteral("vignette"), vignette},
            {QStringLiteral("blur_sigma"), blurSigma},
            {QStringLiteral("noise_sigma"), noiseSigma},
            {QStringLiteral("jpeg_quality"), jpegQuality},
            {QStringLiteral("noise_seed"), qint64(noiseSeed)},
            {QStringLiteral("side"), side}};
}

WildPhotoParameters WildPhotoParameters::fromJson(const QJsonObject& o)
{
    auto fill = [](auto& values, const QJsonValue& json) {
        const QJsonArray a = json.toArray();
        for (std::size_t i = 0; i < values.size() && i < std::size_t(a.size()); ++i)
            values[i] = a[qsizetype(i)].toDouble();
    };
    WildPhotoParameters p;
    p.cropFraction = o.value(QStringLiteral("crop_fraction")).toDouble();
    p.centreX = o.value(QStringLiteral("centre_x")).toDouble();
    p.centreY = o.value(QStringLiteral("centre_y")).toDouble();
    p.turnDegrees = o.value(QStringLiteral("turn")).toDouble();
    p.mirrored = o.value(QStringLiteral("mirrored")).toBool();
    p.zoom = o.value(QStringLiteral("zoom")).toDouble();
    fill(p.tilt, o.value(QStringLiteral("tilt")));
    fill(p.whiteBalance, o.value(QStringLiteral("white_balance")));
    p.saturation = o.value(QStringLiteral("saturation")).toDouble();
    p.exposure = o.value(QStringLiteral("exposure")).toDouble();
    p.gamma = o.value(QStringLiteral("gamma")).toDouble();
    p.weavePeriod = o.value(QStringLiteral("weave_period")).toDouble();
    p.weaveAmplitude = o.value(QStringLiteral("weave_amplitude")).toDouble();
    p.weaveDegrees = o.value(QStringLiteral("weave_angle")).toDouble();
    p.vignette = o.value(QStringLiteral("vignette")).toDouble();
    p.blurSigma = o.value(QStringLiteral("blur_sigma")).toDouble();
    p.noiseSigma = o.value(QStringLiteral("noise_sigma")).toDouble();
    p.jpegQuality = o.value(QStringLiteral("jpeg_quality")).toInt();
    p.noiseSeed = quint32(o.value(QStringLiteral("noise_seed")).toInteger());
    p.side = o.value(QStringLiteral("side")).toInt();
    return p;
}

}  // namespace weft
