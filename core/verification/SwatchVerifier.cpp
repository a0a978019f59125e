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

// The wide search, coarse to fine: a photo at any turn between the reading's right
// angles and at any zoom a designer's photo brings (×0.4–2.5). The coarse pass
// slides templates (wideSide()) over both images at a quarter of their pixel
// size, in steps of ×1.26 and 15°; its best places are then fitted at working
// size in steps of ×1.12 and 5° around them, each in a small window.
constexpr double kCoarseScale = 0.5;                     // of working pixels
constexpr std::array<double, 9> kWideScales{0.4, 0.5, 0.63, 0.79, 1.0, 1.26, 1.59, 2.0, 2.5};
constexpr std::array<double, 6> kWideTurns{-45, -30, -15, 0, 15, 30};
constexpr std::array<double, 3> kFineScaleSteps{0.89, 1.0, 1.12};
constexpr std::array<double, 3> kFineTurnSteps{-5, 0, 5};
constexpr int kCoarsePlaces = 2;                         // coarse places fitted finely
constexpr int kFineMargin = 6;                           // working pixels around a coarse place
// What a fit found by the wide search pays: its many more poses give a wrong print
// more chances to fit somewhere by accident. On the synthetic faint prints of
// tst_swatchverifier, a wide search of templates of one side raised the best fit
// in another print by 0.03 to 0.07.
constexpr double kWideSearchCost = 0.05;

// A template's side in working pixels at `scale`: kTemplateSide, or more where the
// photo is a step back, so that it always holds as much of the swatch as the near
// search's at its smallest scale. Less would be a blurred blob of a few swatch
// pixels, which fits any soft texture somewhere (with one side for all and no
// cost, Subtle Patterns plain lost 0.035 top-1; docs/BENCHMARKS.md).
int wideSide(double scale)
{
    return std::max(kTemplateSide, int(std::ceil(kTemplateSide * kScales.front() / scale)));
}
int coarseSide(double scale)
{
    return int(std::lround(wideSide(scale) * kCoarseScale));
}

// How far a square template's corners reach when turned: its half side times this.
double turnedReach(double degrees)
{
    const double radians = degrees * CV_PI / 180;
    return std::abs(std::cos(radians)) + std::abs(std::sin(radians));
}

// Template pixel t shows swatch pixel centre + scale · R(turn) · (t − the template's centre).
cv::Matx23d templateToSwatch(cv::Size swatch, int side, double scale, double degrees)
{
    const cv::Point2d swatchCentre((swatch.width - 1) / 2.0, (swatch.height - 1) / 2.0);
    const cv::Point2d templateCentre((side - 1) / 2.0, (side - 1) / 2.0);
    const double radians = degrees * CV_PI / 180;
    const double a = scale * std::cos(radians), b = scale * std::sin(radians);
    return cv::Matx23d(a, -b, swatchCentre.x - (a * templateCentre.x - b * templateCentre.y),
                       b, a, swatchCentre.y - (b * templateCentre.x + a * templateCentre.y));
}

// Whether the template at that scale and turn stays inside the swatch.
bool fitsInside(cv::Size swatch, int side, double scale, double degrees)
{
    return scale * side * turnedReach(degrees) <= std::min(swatch.width, swatch.height);
}

cv::Mat warpedTemplate(const cv::Mat& grey, const cv::Matx23d& toSwatch, int side)
{
    cv::Mat warped;
    cv::warpAffine(grey, warped, toSwatch, cv::Size(side, side), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_REPLICATE);
    return warped;
}

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

namespace {

struct TemplateSet {
    // The swatch's middle as the library image would show it, one per scale and
    // turn (templateToSwatch() gives where each of its pixels is in the swatch).
    std::vector<cv::Mat> warped;
    struct Pose {
        double scale;
        double turn;   // degrees
    };
    std::vector<Pose> poses;

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

}  // namespace

struct SwatchVerifier::Templates {
    TemplateSet near;   // kScales × kTurns, at working size
    // kWideScales × kWideTurns at coarse size, one set per template side (coarseSide()).
    std::vector<std::unique_ptr<TemplateSet>> wide;
    cv::Mat grey;       // the swatch in working pixels: the fine fit's templates are cut from it
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
    const int side = std::min(kTemplateSide, int(std::min(grey.cols, grey.rows) / (kScales.back() * turnedReach(kTurns.back()))));
    if (side < kSmallestTemplate)
        return;
    for (double scale : kScales) {
        for (double turn : kTurns) {
            m_templates->near.warped.push_back(warpedTemplate(grey, templateToSwatch(grey.size(), side, scale, turn), side));
            m_templates->near.poses.push_back({scale, turn});
        }
    }
    m_templates->grey = grey;
    // The wide search's templates: only those the swatch holds whole (a small photo
    // is a step back, so it keeps the scales below 1).
    cv::Mat coarse;
    cv::resize(grey, coarse, cv::Size(), kCoarseScale, kCoarseScale, cv::INTER_AREA);
    for (double scale : kWideScales) {
        for (double turn : kWideTurns) {
            const int templateSide = coarseSide(scale);
            if (!fitsInside(coarse.size(), templateSide, scale, turn))
                continue;
            if (m_templates->wide.empty() || m_templates->wide.back()->warped.front().cols != templateSide)
                m_templates->wide.push_back(std::make_unique<TemplateSet>());
            m_templates->wide.back()->warped.push_back(
                warpedTemplate(coarse, templateToSwatch(coarse.size(), templateSide, scale, turn), templateSide));
            m_templates->wide.back()->poses.push_back({scale, turn});
        }
    }
}

SwatchVerifier::~SwatchVerifier() = default;

bool SwatchVerifier::usable() const
{
    return !m_templates->near.warped.empty();
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
    const int side = m_templates->near.warped.front().cols;
    if (library.cols < side || library.rows < side)
        return {};
    // The best fit found: its template's side and pose, and its place (in working pixels).
    double best = -1.0;
    int bestSide = side;
    TemplateSet::Pose bestPose{1.0, 0.0};
    cv::Point bestAt;
    const auto consider = [&](double fit, int templateSide, TemplateSet::Pose pose, cv::Point at) {
        if (std::isfinite(fit) && fit > best) {
            best = fit;
            bestSide = templateSide;
            bestPose = pose;
            bestAt = at;
        }
    };
    struct Peak {
        double fit;
        cv::Point at;
    };
    const auto peakOf = [](const cv::Mat& correlation) {
        Peak peak{0, {}};
        cv::minMaxLoc(correlation, nullptr, &peak.fit, nullptr, &peak.at);
        return peak;
    };
    const SlidingCorrelation correlations(library, side);
    const std::shared_ptr<const TemplateSet::Spectra> spectra = m_templates->near.spectraFor(correlations);
    for (std::size_t i = 0; i < spectra->size(); ++i) {
        const Peak peak = peakOf(correlations.of((*spectra)[i]));
        consider(peak.fit, side, m_templates->near.poses[i], peak.at);
    }
    // The wide search: its coarse pass's best places, each fitted at working size
    // around the scale and turn that found it.
    cv::Mat coarse;
    if (!m_templates->wide.empty())
        cv::resize(library, coarse, cv::Size(), kCoarseScale, kCoarseScale, cv::INTER_AREA);
    struct CoarsePlace {
        Peak peak;
        TemplateSet::Pose pose;
    };
    std::vector<CoarsePlace> places;
    for (const std::unique_ptr<TemplateSet>& set : m_templates->wide) {
        const int side = set->warped.front().cols;
        if (coarse.cols < side || coarse.rows < side)
            continue;
        const SlidingCorrelation coarseCorrelations(coarse, side);
        const std::shared_ptr<const TemplateSet::Spectra> coarseSpectra = set->spectraFor(coarseCorrelations);
        for (std::size_t i = 0; i < coarseSpectra->size(); ++i)
            places.push_back({peakOf(coarseCorrelations.of((*coarseSpectra)[i])), set->poses[i]});
    }
    const auto kept = std::min(places.size(), std::size_t(kCoarsePlaces));
    std::partial_sort(places.begin(), places.begin() + std::ptrdiff_t(kept), places.end(),
                      [](const CoarsePlace& a, const CoarsePlace& b) { return a.peak.fit > b.peak.fit; });
    for (std::size_t p = 0; p < kept; ++p) {
        const TemplateSet::Pose found = places[p].pose;
        const int fineSide = wideSide(found.scale);
        const cv::Point corner(int(std::lround(places[p].peak.at.x / kCoarseScale)), int(std::lround(places[p].peak.at.y / kCoarseScale)));
        const cv::Rect window = cv::Rect(corner.x - kFineMargin, corner.y - kFineMargin, fineSide + 2 * kFineMargin, fineSide + 2 * kFineMargin) &
                                cv::Rect(0, 0, library.cols, library.rows);
        if (window.width < fineSide || window.height < fineSide)
            continue;
        // A copy: padding a view would read the library's pixels past the window's edge.
        const SlidingCorrelation fine(library(window).clone(), fineSide);
        for (double scaleStep : kFineScaleSteps) {
            for (double turnStep : kFineTurnSteps) {
                const TemplateSet::Pose pose{found.scale * scaleStep, found.turn + turnStep};
                if (!fitsInside(m_templates->grey.size(), fineSide, pose.scale, pose.turn))
                    continue;
                const cv::Matx23d toSwatch = templateToSwatch(m_templates->grey.size(), fineSide, pose.scale, pose.turn);
                const Peak peak = peakOf(fine.of(fine.prepared(warpedTemplate(m_templates->grey, toSwatch, fineSide))));
                consider(peak.fit - kWideSearchCost, fineSide, pose, peak.at + window.tl());
            }
        }
    }
    Placement placement;
    placement.fit = float(std::clamp(best, -1.0, 1.0));
    if (best <= -1.0)
        return placement;
    // Template pixel t sits at library pixel bestAt + t and shows swatch pixel
    // M·(t, 1); so swatch pixel s sits at bestAt + M⁻¹(s). Both in working pixels.
    cv::Matx23d swatchToTemplate;
    cv::invertAffineTransform(templateToSwatch(m_templates->grey.size(), bestSide, bestPose.scale, bestPose.turn), swatchToTemplate);
    const cv::Size swatch = m_templates->grey.size();
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
