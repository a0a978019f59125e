// Repeated-motif detector: the feature components of seed paper 000 without a detector.
//
// Why not a detector: a COCO detector (the paper's Mask R-CNN, or Yolo-Fastest) knows
// people, cars and cats. On a printed textile it finds "person" around the shirt, or
// nothing; the paper itself reports a high miss rate and lowers the threshold to 0.2 to
// get anything. What a textile has instead is repetition: a motif is an element that
// recurs with the same size and look, on a ground that surrounds all of them.
//
// Why not the backbone's map alone (tried first): the last map of MobileNetV2 has stride
// 32 and a receptive field of hundreds of pixels. On a tiled pattern every cell sees the
// same mix of motifs, so the cells of the interior all get the same descriptor, and the
// strongest structure in the map is the zero padding at the image border (a plain image
// gives a border cluster with cosine 0.5 to the interior). The map says *what* a region
// looks like, not *where* a 40-pixel motif sits. So:
//
//  1. Where: colour. The image is reduced to a work size (long side 320), median-filtered
//     (print noise, fabric grain, JPEG) and clustered in Lab (k-means, k = 4, fixed seed).
//     The ground is the colour cluster with the largest connected region — ground is one
//     sea around the motifs, while each motif is an island (area alone fails for a dense
//     motif that covers more pixels than its ground). Clusters within a small colour
//     distance of the ground are ground too (noise or shading split it): 12 Lab units, or
//     0.4 x the image's largest distance for subtle low-contrast patterns, never below 2.5
//     (JPEG noise on a plain image). If no cluster is distinct from the ground, the image
//     is plain: no components.
//  2. Instances: connected pieces of each non-ground colour cluster, cleaned by a morphological
//     opening, between 0.1 % and 15 % of the image (smaller is speckle; larger is ground
//     of another colour, the wearer, or a dense print where all motifs touch — for those
//     the pieces that do separate are still found).
//  3. What: each piece's appearance is its colour cluster (one-hot) joined to the backbone's
//     descriptor at the piece (bilinear on the map, L2-normalised), so pieces group only
//     with same-colour pieces in a region that looks alike to the network — a red flower
//     on the shirt and a red logo on the backdrop stay apart. The backbone is the one the
//     fingerprint uses, so its run can later be shared with the fingerprint.
//  4. Score: colour contrast of the piece with the ground (Lab distance / 100, at most 1):
//     the motif that stands out of the ground is the one a designer sees first. It is an
//     absolute contrast, so subtle patterns score low (0.03) even when found correctly.
//  5. Algorithm 1 (RepeatGrouping) groups same-size, same-appearance pieces as repeats,
//     puts repeated groups first, adds top-scoring singles as fallback, keeps 1-4 groups
//     and at most 12 instances. Masks are the pieces themselves, resampled to the box.
// A period from autocorrelation was considered for the extent; it gives the repeat tile
// (motif plus its share of ground), not the motif, and fails on tossed (irregular) layouts.

#include "core/components/MotifDetector.h"

#include "core/components/MaskUtils.h"
#include "core/imaging/MatView.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace weft {

// Pixels the colour clusters are learned from.
constexpr double kColourSamples = 4096;

struct MotifDetector::Found {
    // A candidate's outline as found: its piece inside the bounding box at work size,
    // and the map from its output box pixels to that piece. The mask is drawn only for
    // the candidates grouping keeps (a print can have hundreds of pieces).
    struct Piece {
        cv::Mat inBox;      // 255 on the piece, 0 elsewhere
        cv::Matx23d toPiece;
    };
    std::vector<Candidate> candidates;  // in the coordinates of the image passed in
    std::vector<Piece> pieces;

    // Grayscale8 of the candidate's box size; null if the piece vanishes at that size.
    QImage mask(std::size_t index) const;
};

QImage MotifDetector::Found::mask(std::size_t index) const
{
    // Each output pixel sampled (bilinearly) from the work-size piece at the point it
    // maps to, then thresholded.
    const QRect box = candidates[index].box;
    cv::Mat outline;
    cv::warpAffine(pieces[index].inBox, outline, pieces[index].toPiece, cv::Size(box.width(), box.height()),
                   cv::INTER_LINEAR | cv::WARP_INVERSE_MAP, cv::BORDER_CONSTANT, cv::Scalar(0));
    cv::threshold(outline, outline, 127, 255, cv::THRESH_BINARY);
    return cv::countNonZero(outline) > 0 ? imageCopy(outline) : QImage();
}

namespace {

// Size of the largest 8-connected region of `label` in a label map.
int largestRegion(const cv::Mat& labelMap, int label)
{
    cv::Mat binary = labelMap == label, regions, stats, centroids;
    const int count = cv::connectedComponentsWithStats(binary, regions, stats, centroids, 8);
    int largest = 0;
    for (int r = 1; r < count; ++r)
        largest = std::max(largest, stats.at<int>(r, cv::CC_STAT_AREA));
    return largest;
}

// The mean Lab colour of each labelled region (index = label), in one pass: a pattern
// can have hundreds of pieces, and masking the whole image per piece cost more than
// the clustering.
std::vector<cv::Vec3d> meanColourOfRegions(const cv::Mat& lab, const cv::Mat& regions, int count)
{
    std::vector<cv::Vec3d> sums(std::size_t(count), cv::Vec3d(0, 0, 0));
    std::vector<int> areas(std::size_t(count), 0);
    for (int y = 0; y < regions.rows; ++y) {
        const int* label = regions.ptr<int>(y);
        const cv::Vec3f* colour = lab.ptr<cv::Vec3f>(y);
        for (int x = 0; x < regions.cols; ++x) {
            sums[std::size_t(label[x])] += cv::Vec3d(colour[x]);
            ++areas[std::size_t(label[x])];
        }
    }
    for (std::size_t r = 0; r < sums.size(); ++r)
        sums[r] /= std::max(1, areas[r]);
    return sums;
}

QImage scaledToShorterSide(const QImage& image, int shorter)
{
    const int s = std::min(image.width(), image.height()), l = std::max(image.width(), image.height());
    double factor = double(shorter) / s;
    factor = std::min(factor, 2.0 * shorter / l);  // long side at most twice the input size
    const QSize size(std::max(1, int(std::lround(image.width() * factor))), std::max(1, int(std::lround(image.height() * factor))));
    return image.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation).convertToFormat(QImage::Format_RGB888);
}

}  // namespace

MotifDetector::MotifDetector(std::shared_ptr<const Backbone> backbone) : MotifDetector(std::move(backbone), Options()) {}

MotifDetector::MotifDetector(std::shared_ptr<const Backbone> backbone, Options options) :
    m_backbone(std::move(backbone)), m_options(std::move(options))
{
}

MotifDetector::Found MotifDetector::find(const QImage& input, const FeatureMap* givenMap, const QRectF& region) const
{
    Found found;
    if (input.isNull() || input.width() < 8 || input.height() < 8)
        return found;

    // 1. Colour clusters on the work image.
    const double workScale = std::min(1.0, double(m_options.workSide) / std::max(input.width(), input.height()));
    const cv::Size workSize(std::max(8, int(std::lround(input.width() * workScale))), std::max(8, int(std::lround(input.height() * workScale))));
    const QImage rgb888 = input.format() == QImage::Format_RGB888 ? input : input.convertToFormat(QImage::Format_RGB888);
    const cv::Mat rgb = matView(rgb888);
    cv::Mat work, lab;
    cv::resize(rgb, work, workSize, 0, 0, cv::INTER_AREA);
    cv::medianBlur(work, work, 5);
    // Lab through OpenCV's 8-bit tables (a third of the float conversion's time), then
    // back to L 0..100, a/b about -127..127, the units the distances above are in.
    cv::cvtColor(work, work, cv::COLOR_RGB2Lab);
    work.convertTo(lab, CV_32F);
    lab -= cv::Scalar(0, 128, 128);
    cv::multiply(lab, cv::Scalar(100.0 / 255, 1, 1), lab);
    const cv::Mat samples = lab.reshape(1, int(lab.total()));
    // k-means on a grid of about kColourSamples pixels with a fixed seed: deterministic,
    // and four colours need no more (every 4th pixel, 17k samples, gave the same grounds
    // and cost a quarter of all indexing time).
    const int step = std::max(1, int(std::lround(std::sqrt(double(lab.total()) / kColourSamples))));
    cv::Mat subsample(0, 3, CV_32F);
    subsample.reserve(std::size_t(lab.total() / (step * step) + lab.rows + lab.cols + 1));
    for (int y = step / 2; y < lab.rows; y += step)
        for (int x = step / 2; x < lab.cols; x += step)
            subsample.push_back(samples.row(y * lab.cols + x));
    const int k = std::max(2, m_options.clusters);
    cv::Mat subLabels, centres;
    cv::theRNG().state = 0x5eedULL;  // thread-local in OpenCV
    cv::kmeans(subsample, k, subLabels, cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 20, 0.1), 2,
               cv::KMEANS_PP_CENTERS, centres);
    cv::Mat pixelLabel(workSize, CV_8U);
    for (int i = 0; i < samples.rows; ++i) {
        const float* v = samples.ptr<float>(i);
        int best = 0;
        float bestDistance = std::numeric_limits<float>::max();
        for (int c = 0; c < k; ++c) {
            const float* m = centres.ptr<float>(c);
            const float d = (v[0] - m[0]) * (v[0] - m[0]) + (v[1] - m[1]) * (v[1] - m[1]) + (v[2] - m[2]) * (v[2] - m[2]);
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        pixelLabel.at<uchar>(i / workSize.width, i % workSize.width) = uchar(best);
    }
    // The ground: the cluster with the largest connected region. A cluster with fewer
    // pixels than the largest region found so far cannot win, so the clusters are
    // visited largest first and most are never labelled.
    std::vector<int> pixelCount(std::size_t(k), 0);
    for (int i = 0; i < pixelLabel.rows * pixelLabel.cols; ++i)
        ++pixelCount[pixelLabel.data[i]];
    std::vector<int> bySize(pixelCount.size());
    std::iota(bySize.begin(), bySize.end(), 0);
    std::stable_sort(bySize.begin(), bySize.end(), [&](int a, int b) { return pixelCount[std::size_t(a)] > pixelCount[std::size_t(b)]; });
    int ground = 0, groundRegion = -1;
    for (const int c : bySize) {
        if (pixelCount[std::size_t(c)] < groundRegion)
            break;
        const int region = largestRegion(pixelLabel, c);
        if (region > groundRegion || (region == groundRegion && c < ground)) {
            ground = c;
            groundRegion = region;
        }
    }
    const auto colourDistance = [&](int a, int b) { return cv::norm(centres.row(a), centres.row(b)); };
    // Subtle (low-contrast) patterns are patterns too: the bar drops with the image's own
    // colour spread, down to a floor that JPEG noise on a plain image does not reach.
    double spread = 0;
    for (int c = 0; c < k; ++c)
        spread = std::max(spread, colourDistance(c, ground));
    const double bar = std::min(m_options.minColourDistance, std::max(m_options.minSubtleColourDistance, 0.4 * spread));
    std::vector<bool> isGround(k, false);
    bool anyDistinct = false;
    for (int c = 0; c < k; ++c) {
        isGround[c] = c == ground || colourDistance(c, ground) < bar;
        anyDistinct |= !isGround[c];
    }
    if (!anyDistinct)
        return found;

    // 3 (prepared). The backbone's map, for appearance: the caller's, or one run here.
    FeatureMap ownMap;
    QRectF mapRegion = region;
    if (!givenMap) {
        ownMap = m_backbone->run({scaledToShorterSide(input, m_options.inputSize)}).front();
        mapRegion = QRectF(input.rect());
    }
    const FeatureMap& map = givenMap ? *givenMap : ownMap;
    const auto descriptorAt = [&](double fx, double fy) {  // fx, fy: 0..1 across the image
        cv::Mat descriptor = cv::Mat::zeros(1, map.channels, CV_32F);
        // Where that is in the map; pieces outside the region it covers take its nearest cells.
        const double mx = (fx * input.width() - mapRegion.x()) / mapRegion.width();
        const double my = (fy * input.height() - mapRegion.y()) / mapRegion.height();
        const double x = std::clamp(mx * map.width - 0.5, 0.0, map.width - 1.0), y = std::clamp(my * map.height - 0.5, 0.0, map.height - 1.0);
        const int x0 = int(x), y0 = int(y), x1 = std::min(x0 + 1, map.width - 1), y1 = std::min(y0 + 1, map.height - 1);
        const float wx = float(x - x0), wy = float(y - y0);
        for (int c = 0; c < map.channels; ++c) {
            const float* plane = map.channel(c);
            descriptor.at<float>(c) = (1 - wy) * ((1 - wx) * plane[y0 * map.width + x0] + wx * plane[y0 * map.width + x1])
                                      + wy * ((1 - wx) * plane[y1 * map.width + x0] + wx * plane[y1 * map.width + x1]);
        }
        cv::normalize(descriptor, descriptor);
        return descriptor;
    };

    // 2. Pieces of each motif colour.
    const double workArea = double(workSize.area());
    const int minArea = std::max(6, int(m_options.minInstanceFraction * workArea));
    const int maxArea = int(m_options.maxInstanceFraction * workArea);
    const cv::Mat kernel = cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(3, 3));
    const double toInputX = double(input.width()) / workSize.width, toInputY = double(input.height()) / workSize.height;
    for (int c = 0; c < k; ++c) {
        if (isGround[c])
            continue;
        cv::Mat binary = pixelLabel == c, regions, stats, centroids;
        cv::morphologyEx(binary, binary, cv::MORPH_OPEN, kernel);
        const int count = cv::connectedComponentsWithStats(binary, regions, stats, centroids, 8);
        const std::vector<cv::Vec3d> meanColours = meanColourOfRegions(lab, regions, count);
        for (int r = 1; r < count; ++r) {
            const int area = stats.at<int>(r, cv::CC_STAT_AREA);
            if (area < minArea || area > maxArea)
                continue;
            const cv::Rect box(stats.at<int>(r, cv::CC_STAT_LEFT), stats.at<int>(r, cv::CC_STAT_TOP), stats.at<int>(r, cv::CC_STAT_WIDTH),
                               stats.at<int>(r, cv::CC_STAT_HEIGHT));
            const cv::Mat piece = regions(box) == r;   // the piece inside its bounding box

            Candidate candidate;
            candidate.label = QStringLiteral("motif");
            // 4. Contrast with the ground.
            const double contrast = cv::norm(meanColours[std::size_t(r)],
                                             cv::Vec3d(centres.at<float>(ground, 0), centres.at<float>(ground, 1), centres.at<float>(ground, 2)));
            candidate.score = float(std::min(1.0, contrast / 100.0));
            // 3. Appearance: colour kind (one-hot, weight 0.8) + network descriptor (weight 0.6).
            const cv::Mat deep = descriptorAt(centroids.at<double>(r, 0) / workSize.width, centroids.at<double>(r, 1) / workSize.height);
            candidate.appearance.assign(std::size_t(k) + std::size_t(map.channels), 0.0f);
            candidate.appearance[std::size_t(c)] = 0.8f;
            for (int i = 0; i < map.channels; ++i)
                candidate.appearance[std::size_t(k + i)] = 0.6f * deep.at<float>(i);

            const int x1 = int(std::floor(box.x * toInputX)), y1 = int(std::floor(box.y * toInputY));
            const int x2 = int(std::ceil((box.x + box.width) * toInputX)), y2 = int(std::ceil((box.y + box.height) * toInputY));
            candidate.box = QRect(x1, y1, x2 - x1, y2 - y1).intersected(input.rect());
            if (candidate.box.isEmpty())
                continue;
            const cv::Matx23d toPiece(1.0 / toInputX, 0, (candidate.box.x() + 0.5) / toInputX - 0.5 - box.x,
                                      0, 1.0 / toInputY, (candidate.box.y() + 0.5) / toInputY - 0.5 - box.y);
            found.pieces.push_back({piece, toPiece});
            found.candidates.push_back(std::move(candidate));
        }
    }
    return found;
}

std::vector<Candidate> MotifDetector::candidates(const QImage& rgb888) const
{
    return find(rgb888, nullptr, QRectF()).candidates;
}

Components MotifDetector::detect(const QImage& rgb888) const
{
    return grouped(find(rgb888, nullptr, QRectF()));
}

Components MotifDetector::detect(const QImage& rgb888, const FeatureMap& map, const QRectF& region) const
{
    if (map.values.empty() || region.isEmpty())
        return detect(rgb888);
    return grouped(find(rgb888, &map, region));
}

Components MotifDetector::grouped(const Found& found) const
{
    Components components;
    for (const GroupedCandidate& kept : groupRepeats(found.candidates, m_options.grouping)) {
        const Candidate& candidate = found.candidates[kept.index];
        Component component;
        component.box = candidate.box;
        component.mask = found.mask(kept.index);
        component.score = candidate.score;
        component.label = candidate.label;
        component.group = kept.group;
        components.append(component);
    }
    return components;
}

}  // namespace weft
