#include "core/verification/SwatchVerifier.h"

#include "core/imaging/MatView.h"
#include "core/verification/SlidingCorrelation.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <mutex>
#include <vector>

namespace weft {

namespace {

constexpr double kWorkingScale = 0.5;        // both images are compared at half their pixel size
constexpr double kLibraryBlurSigma = 0.8;    // what a phone camera's focus does to the printed pattern
constexpr int kTemplateSide = 48;            // the swatch's middle, in working pixels
constexpr int kSmallestTemplate = 24;        // a smaller swatch is not checked
constexpr std::array<double, 7> kScales{0.7, 0.79, 0.89, 1.0, 1.12, 1.26, 1.4};   // photo over library pixel size
constexpr std::array<double, 5> kTurns{-10, -5, 0, 5, 10};                         // degrees

// A copy is told by its whole framing: both images this small (longer side), their
// detail kept (a difference of Gaussians: resampling and JPEG differences and the
// shared outline of, say, two garments on white both drop out) and correlated as
// they stand. On fashion-texture, half- and double-size copies measure 0.99 and
// more, the other first-stage matches of the same shape 0.33 at most.
constexpr int kFramingSide = 128;
constexpr double kDetailFinest = 0.7;     // Gaussian sigmas, in framing pixels
constexpr double kDetailCoarsest = 3.0;

cv::Mat greyOf(const QImage& image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view = matView(rgb);
    cv::Mat grey;
    cv::cvtColor(view, grey, cv::COLOR_RGB2GRAY);
    return grey;
}

cv::Mat framing(const QImage& image, cv::Size size)
{
    cv::Mat small, fine, coarse;
    cv::resize(greyOf(image), small, size, 0, 0, cv::INTER_AREA);
    small.convertTo(small, CV_32F);
    cv::GaussianBlur(small, fine, cv::Size(), kDetailFinest);
    cv::GaussianBlur(small, coarse, cv::Size(), kDetailCoarsest);
    return fine - coarse;
}

// Whether one image can be the other rescaled: the larger one, scaled to the
// smaller one's width, is as high to within the pixel a rescale rounds off.
bool sameShape(QSize a, QSize b)
{
    const QSize smaller = a.width() * a.height() <= b.width() * b.height() ? a : b;
    const QSize larger = smaller == a ? b : a;
    const double scaledHeight = double(larger.height()) * smaller.width() / larger.width();
    return std::abs(scaledHeight - smaller.height()) <= 1 + 0.01 * smaller.height();
}

cv::Mat workingGrey(const QImage& image, double blurSigma)
{
    cv::Mat grey = greyOf(image);
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
    // The swatch's middle as the library image would show it, one per scale and
    // turn, and for each the map from template to swatch pixels.
    std::vector<cv::Mat> warped;
    std::vector<cv::Matx23d> templateToSwatch;
    cv::Size swatch;   // in working pixels

    // The templates' spectra for library images of this one's transform size.
    // Those of the last sizes used are kept, the most recent first, as long as
    // they hold no more than kKeptSpectraBytes (always the last set): a library
    // of tiles at one size, or of photos at a few (SlidingCorrelation's transform
    // sizes come in steps), reuses them for every image, a third of the fit's
    // time. Bounded in bytes, as each way up the second look checks has a verifier
    // of its own: where the library's images are large, one set (35 spectra of the
    // library image's working size: 9 MB at 512 px, 35 MB at the decoder's
    // 1,024 px).
    using Spectra = std::vector<SlidingCorrelation::Prepared>;
    static constexpr std::size_t kKeptSpectraBytes = 48u << 20;
    std::shared_ptr<const Spectra> spectraFor(const SlidingCorrelation& correlations)
    {
        const cv::Size size = correlations.transformSize();
        {
            const std::lock_guard<std::mutex> locked(spectraLock);
            const auto known = std::find_if(kept.begin(), kept.end(), [&](const Kept& k) { return k.size == size; });
            if (known != kept.end()) {
                std::rotate(kept.begin(), known, known + 1);
                return kept.front().spectra;
            }
        }
        auto made = std::make_shared<Spectra>();
        std::size_t bytes = 0;
        for (const cv::Mat& templ : warped) {
            made->push_back(correlations.prepared(templ));
            bytes += made->back().spectrum.total() * made->back().spectrum.elemSize();
        }
        const std::lock_guard<std::mutex> locked(spectraLock);
        if (std::none_of(kept.begin(), kept.end(), [&](const Kept& k) { return k.size == size; }))
            kept.insert(kept.begin(), Kept{size, bytes, made});
        std::size_t total = kept.front().bytes, keep = 1;
        while (keep < kept.size() && total + kept[keep].bytes <= kKeptSpectraBytes)
            total += kept[keep++].bytes;
        kept.erase(kept.begin() + std::ptrdiff_t(keep), kept.end());
        return made;
    }
    struct Kept {
        cv::Size size;
        std::size_t bytes;
        std::shared_ptr<const Spectra> spectra;
    };
    std::mutex spectraLock;
    std::vector<Kept> kept;   // the most recently used first
};

struct SwatchVerifier::Framing {
    QSize size;
    cv::Mat small;   // empty for an empty swatch
};

SwatchVerifier::SwatchVerifier(const QImage& swatch) : m_templates(std::make_unique<Templates>()), m_framing(std::make_unique<Framing>())
{
    if (swatch.isNull())
        return;
    m_framing->size = swatch.size();
    const double longer = std::max(swatch.width(), swatch.height());
    m_framing->small = framing(swatch, cv::Size(std::max(1, int(std::lround(kFramingSide * swatch.width() / longer))),
                                                std::max(1, int(std::lround(kFramingSide * swatch.height() / longer)))));
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
            m_templates->templateToSwatch.push_back(templateToSwatch);
        }
    }
    m_templates->swatch = grey.size();
}

SwatchVerifier::~SwatchVerifier() = default;

bool SwatchVerifier::usable() const
{
    return !m_templates->warped.empty();
}

float SwatchVerifier::fit(const QImage& libraryImage) const
{
    return locate(libraryImage).fit;
}

SwatchVerifier::Placement SwatchVerifier::locate(const QImage& libraryImage) const
{
    if (!usable() || libraryImage.isNull())
        return {};
    const cv::Mat library = workingGrey(libraryImage, kLibraryBlurSigma);
    const int side = m_templates->warped.front().cols;
    if (library.cols < side || library.rows < side)
        return {};
    double best = -1.0;
    std::size_t bestTemplate = 0;
    cv::Point bestAt;
    const SlidingCorrelation correlations(library, side);
    const std::shared_ptr<const Templates::Spectra> spectra = m_templates->spectraFor(correlations);
    for (std::size_t i = 0; i < spectra->size(); ++i) {
        const cv::Mat correlation = correlations.of((*spectra)[i]);
        double high = 0;
        cv::Point at;
        cv::minMaxLoc(correlation, nullptr, &high, nullptr, &at);
        if (std::isfinite(high) && high > best) {
            best = high;
            bestTemplate = i;
            bestAt = at;
        }
    }
    Placement placement;
    placement.fit = float(std::clamp(best, -1.0, 1.0));
    if (best <= -1.0)
        return placement;
    // Template pixel t sits at library pixel bestAt + t and shows swatch pixel
    // M·(t, 1); so swatch pixel s sits at bestAt + M⁻¹(s). Both in working pixels.
    cv::Matx23d swatchToTemplate;
    cv::invertAffineTransform(m_templates->templateToSwatch[bestTemplate], swatchToTemplate);
    const cv::Size swatch = m_templates->swatch;
    const QSizeF toLibraryPixels(double(libraryImage.width()) / library.cols, double(libraryImage.height()) / library.rows);
    for (const cv::Point2d corner : {cv::Point2d(-0.5, -0.5), cv::Point2d(swatch.width - 0.5, -0.5),
                                     cv::Point2d(swatch.width - 0.5, swatch.height - 0.5), cv::Point2d(-0.5, swatch.height - 0.5)}) {
        const cv::Vec3d homogeneous(corner.x, corner.y, 1);
        const cv::Vec2d inTemplate = swatchToTemplate * homogeneous;
        placement.whereSwatchSits << QPointF((bestAt.x + inTemplate[0] + 0.5) * toLibraryPixels.width(),
                                             (bestAt.y + inTemplate[1] + 0.5) * toLibraryPixels.height());
    }
    return placement;
}

float SwatchVerifier::copyLikeness(const QImage& libraryImage) const
{
    if (m_framing->small.empty() || libraryImage.isNull() || !sameShape(m_framing->size, libraryImage.size()))
        return -1.0f;
    cv::Mat correlation;
    cv::matchTemplate(framing(libraryImage, m_framing->small.size()), m_framing->small, correlation, cv::TM_CCOEFF_NORMED);
    const double measured = correlation.at<float>(0, 0);
    return std::isfinite(measured) ? float(std::clamp(measured, -1.0, 1.0)) : -1.0f;
}

}  // namespace weft
