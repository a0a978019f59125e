#include "core/verification/KeypointVerifier.h"

#include "core/imaging/MatView.h"
#include "core/verification/TwoNearest.h"

#include <opencv2/calib3d.hpp>
#include <opencv2/core.hpp>
#include <opencv2/features2d.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <vector>

namespace weft {

namespace {

// Measured on 40 wild photos of fashion-texture, each against its source and 8
// images of the same kind of print (docs/BENCHMARKS.md): reading library images
// at 512 px instead of their 640 places as many sources in three quarters of the
// time, 400 px one fewer; more keypoints, a looser ratio, a lower contrast
// threshold or enlarging small swatches placed no more, and some wrong images.
// A close-up (zoom ×1.5–2.5) shows at its finest scale detail the library image,
// read at 512 px, does not have; read at 320 px, more of the swatch's strongest
// keypoints are at scales the library image shares (on 150 wild photos of each of
// two seeds, 3 and 2 more sources placed, and no wrong image).
constexpr int kSwatchSide = 320;           // longer side a swatch is read at, pixels
constexpr int kLibrarySide = 512;          // and a library image
constexpr int kSwatchKeypoints = 800;
constexpr int kLibraryKeypoints = 2000;
constexpr double kContrastThreshold = 0.03;   // SIFT's, on the stretched grey levels
constexpr double kRatio = 0.85;            // Lowe's test: the nearest look-alike clearly nearer than the next
constexpr double kAgreeWithin = 0.015;     // of the library image's longer side
constexpr int kFewestKeypoints = 8;
constexpr int kSmallestSide = 16;   // pixels; SIFT's smallest blobs need room around them

// Grey levels, the longer side at most `side`, stretched so that the 1st and
// 99th percentiles span the whole range.
cv::Mat stretchedGrey(const QImage& image, int side, double& scale)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat view = matView(rgb);
    cv::Mat grey;
    cv::cvtColor(view, grey, cv::COLOR_RGB2GRAY);
    const int longer = std::max(grey.cols, grey.rows);
    scale = 1.0;
    if (longer > side) {
        scale = double(side) / longer;
        // At least a pixel across: a thin strip must not vanish.
        cv::resize(grey, grey, cv::Size(std::max(1, int(std::lround(grey.cols * scale))), std::max(1, int(std::lround(grey.rows * scale)))), 0, 0,
                   cv::INTER_AREA);
    }
    std::array<int, 256> histogram{};
    for (int y = 0; y < grey.rows; ++y)
        for (const uchar* p = grey.ptr<uchar>(y), *end = p + grey.cols; p != end; ++p)
            ++histogram[*p];
    const long long total = (long long)grey.total();
    long long seen = 0;
    int low = 0, high = 255;
    for (int v = 0; v < 256; ++v) {
        seen += histogram[std::size_t(v)];
        if (seen <= total / 100)
            low = v;
        if (seen < total - total / 100) {
            high = v + 1;
        }
    }
    high = std::min(255, std::max(high, low + 8));
    grey.convertTo(grey, CV_8U, 255.0 / (high - low), -255.0 * low / (high - low));
    return grey;
}

}  // namespace

struct KeypointVerifier::Keypoints {
    std::vector<cv::Point2f> points;   // in the pixels of the image given
    cv::Mat descriptors;               // RootSIFT, one row per point
};

namespace {

std::unique_ptr<KeypointVerifier::Keypoints> keypointsOf(const cv::Mat& grey, double scale, int most)
{
    auto found = std::make_unique<KeypointVerifier::Keypoints>();
    if (std::min(grey.cols, grey.rows) < kSmallestSide)
        return found;   // nothing to place by: a strip or a speck
    const cv::Ptr<cv::SIFT> sift = cv::SIFT::create(most, 3, kContrastThreshold);
    std::vector<cv::KeyPoint> keypoints;
    sift->detectAndCompute(grey, cv::noArray(), keypoints, found->descriptors);
    // RootSIFT: Hellinger distance between the histograms pairs them better than L2.
    for (int r = 0; r < found->descriptors.rows; ++r) {
        cv::Mat row = found->descriptors.row(r);
        const double sum = cv::norm(row, cv::NORM_L1);
        if (sum > 0)
            row /= sum;
        cv::sqrt(row, row);
    }
    for (const cv::KeyPoint& k : keypoints)
        found->points.emplace_back(float(k.pt.x / scale), float(k.pt.y / scale));
    return found;
}

}  // namespace

KeypointVerifier::KeypointVerifier(const QImage& swatch)
{
    if (swatch.isNull())
        return;
    m_swatchSize = QSizeF(swatch.size());
    double scale = 1;
    const cv::Mat grey = stretchedGrey(swatch, kSwatchSide, scale);
    m_upright = keypointsOf(grey, scale, kSwatchKeypoints);
    cv::Mat flipped;
    cv::flip(grey, flipped, 1);
    m_mirrored = keypointsOf(flipped, scale, kSwatchKeypoints);   // in the mirror image's pixels
}

KeypointVerifier::~KeypointVerifier() = default;

bool KeypointVerifier::usable() const
{
    return m_upright && int(m_upright->points.size()) >= kFewestKeypoints;
}

KeypointVerifier::Placement KeypointVerifier::locate(const QImage& libraryImage) const
{
    Placement best;
    if (!usable() || libraryImage.isNull())
        return best;
    double scale = 1;
    const cv::Mat grey = stretchedGrey(libraryImage, kLibrarySide, scale);
    const auto library = keypointsOf(grey, scale, kLibraryKeypoints);
    if (int(library->points.size()) < kFewestKeypoints)
        return best;
    const double tolerance = kAgreeWithin * std::max(libraryImage.width(), libraryImage.height());
    for (const Keypoints* swatch : {m_upright.get(), m_mirrored.get()}) {
        const std::vector<TwoNearest> neighbours = twoNearest(swatch->descriptors, library->descriptors);
        std::vector<cv::Point2f> from, to;
        std::vector<std::pair<int, int>> pairs;
        for (int i = 0; i < int(neighbours.size()); ++i) {
            const TwoNearest& n = neighbours[std::size_t(i)];
            if (n.second >= 0 && n.distance < kRatio * n.secondDistance) {
                from.push_back(swatch->points[std::size_t(i)]);
                to.push_back(library->points[std::size_t(n.nearest)]);
                pairs.emplace_back(i, n.nearest);
            }
        }
        if (int(from.size()) < 3)
            continue;
        std::vector<uchar> agrees;
        const cv::Mat similarity = cv::estimateAffinePartial2D(from, to, agrees, cv::RANSAC, tolerance, 4000, 0.995, 10);
        if (similarity.empty())
            continue;
        const double a = similarity.at<double>(0, 0), b = similarity.at<double>(1, 0);
        const double zoom = std::hypot(a, b);
        if (!(zoom > 0.05 && zoom < 20))
            continue;
        std::set<int> swatchPoints, libraryPoints;
        for (std::size_t i = 0; i < agrees.size(); ++i)
            if (agrees[i]) {
                swatchPoints.insert(pairs[i].first);
                libraryPoints.insert(pairs[i].second);
            }
        const int agreeing = int(std::min(swatchPoints.size(), libraryPoints.size()));
        if (agreeing <= best.agreeing)
            continue;
        best.agreeing = agreeing;
        best.mirrored = swatch == m_mirrored.get();
        best.whereSwatchSits.clear();
        const double w = m_swatchSize.width(), h = m_swatchSize.height();
        // The swatch's corners, in the pixels its keypoints were found in.
        const bool mirror = best.mirrored;
        for (auto [x, y] : std::array<std::pair<double, double>, 4>{{{0, 0}, {w, 0}, {w, h}, {0, h}}}) {
            if (mirror)
                x = w - x;
            best.whereSwatchSits << QPointF(similarity.at<double>(0, 0) * x + similarity.at<double>(0, 1) * y + similarity.at<double>(0, 2),
                                            similarity.at<double>(1, 0) * x + similarity.at<double>(1, 1) * y + similarity.at<double>(1, 2));
        }
    }
    return best;
}

int KeypointVerifier::standingOut(const std::vector<int>& agreeing)
{
    const auto best = std::max_element(agreeing.begin(), agreeing.end());
    if (best == agreeing.end() || *best < kStandsOut)
        return -1;
    for (auto other = agreeing.begin(); other != agreeing.end(); ++other)
        if (other != best && 2 * *other > *best)
            return -1;
    return int(best - agreeing.begin());
}

}  // namespace weft
