#include "core/colour/Palette.h"

#include "core/common/Error.h"
#include "core/imaging/MatView.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>

namespace weft {

namespace {

// The image's pixels in L*a*b*, one row each, from a copy whose long side is at most `side`.
cv::Mat labSamples(const QImage& image, int side)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    const cv::Mat source = matView(rgb);
    const double scale = std::min(1.0, double(side) / std::max(rgb.width(), rgb.height()));
    cv::Mat small, floats, lab;
    if (scale < 1.0)
        cv::resize(source, small, cv::Size(std::max(1, int(rgb.width() * scale)), std::max(1, int(rgb.height() * scale))), 0, 0, cv::INTER_AREA);
    else
        small = source;
    small.convertTo(floats, CV_32FC3, 1.0 / 255.0);
    cv::cvtColor(floats, lab, cv::COLOR_RGB2Lab);
    return lab.reshape(1, int(lab.total()));
}

LabColour sampleAt(const cv::Mat& samples, int row)
{
    const float* p = samples.ptr<float>(row);
    return {p[0], p[1], p[2]};
}

struct Cluster {
    LabColour centre;
    int count = 0;
};

// Each label's mean colour and size.
std::map<int, Cluster> clustersOf(const cv::Mat& samples, const std::vector<int>& labels)
{
    std::map<int, std::array<double, 4>> sums;
    for (int i = 0; i < samples.rows; ++i) {
        const float* p = samples.ptr<float>(i);
        auto& sum = sums[labels[std::size_t(i)]];
        sum[0] += p[0];
        sum[1] += p[1];
        sum[2] += p[2];
        sum[3] += 1;
    }
    std::map<int, Cluster> clusters;
    for (const auto& [label, sum] : sums)
        clusters[label] = {{float(sum[0] / sum[3]), float(sum[1] / sum[3]), float(sum[2] / sum[3])}, int(sum[3])};
    return clusters;
}

// Merges one pair of clusters of (nearly) the same colour, or hands out the pixels
// of the smallest cluster under `leastCount` to their nearest other cluster.
// Returns false when there is nothing left to do.
bool tidyOnce(const cv::Mat& samples, std::vector<int>& labels, int leastCount)
{
    const std::map<int, Cluster> clusters = clustersOf(samples, labels);
    if (clusters.size() < 2)
        return false;
    float closest = std::numeric_limits<float>::max();
    int keep = -1, merge = -1;
    for (auto first = clusters.begin(); first != clusters.end(); ++first)
        for (auto second = std::next(first); second != clusters.end(); ++second) {
            const float distance = deltaE(first->second.centre, second->second.centre);
            if (distance < closest) {
                closest = distance;
                keep = first->first;
                merge = second->first;
            }
        }
    if (closest < Palette::kSameColour) {
        std::replace(labels.begin(), labels.end(), merge, keep);
        return true;
    }
    const auto smallest = std::min_element(clusters.begin(), clusters.end(),
                                           [](const auto& a, const auto& b) { return a.second.count < b.second.count; });
    if (smallest->second.count >= leastCount)
        return false;
    for (int i = 0; i < samples.rows; ++i) {
        if (labels[std::size_t(i)] != smallest->first)
            continue;
        float nearest = std::numeric_limits<float>::max();
        for (const auto& [label, cluster] : clusters) {
            const float distance = label == smallest->first ? nearest : deltaE(sampleAt(samples, i), cluster.centre);
            if (distance < nearest) {
                nearest = distance;
                labels[std::size_t(i)] = label;
            }
        }
    }
    return true;
}

}  // namespace

std::vector<PaletteColour> Palette::of(const QImage& image, int most)
{
    if (image.isNull())
        throw Error(QStringLiteral("An empty image has no colours"));
    const cv::Mat samples = labSamples(image, kSampleSide);
    const int count = samples.rows;
    cv::Mat labelled, centres;
    // k-means starts from random picks: seeded, the same image always gives the same palette.
    cv::RNG& random = cv::theRNG();
    const uint64 state = random.state;
    random.state = 0x57656674;
    cv::kmeans(samples, std::clamp(most, 1, count), labelled, cv::TermCriteria(cv::TermCriteria::COUNT | cv::TermCriteria::EPS, 30, 0.1), 3,
               cv::KMEANS_PP_CENTERS, centres);
    random.state = state;

    std::vector<int> labels(labelled.begin<int>(), labelled.end<int>());
    const int leastCount = int(std::ceil(kLeastShare * count));
    while (tidyOnce(samples, labels, leastCount)) {
    }
    std::vector<PaletteColour> palette;
    for (const auto& [label, cluster] : clustersOf(samples, labels))
        palette.push_back({cluster.centre, cluster.centre.toColour(), float(cluster.count) / float(count)});
    std::sort(palette.begin(), palette.end(), [](const PaletteColour& a, const PaletteColour& b) { return a.share > b.share; });
    return palette;
}

}  // namespace weft
