#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace weft {

// A query descriptor's nearest and second-nearest candidate descriptors, by
// Euclidean distance: what cv::BFMatcher::knnMatch with k = 2 finds.
struct TwoNearest {
    int nearest = -1;   // row of the candidates; -1 when there are none
    float distance = 0;
    int second = -1;    // -1 when there is only one candidate
    float secondDistance = 0;
};

// For each row of `queries`, its two nearest rows of `candidates` (both CV_32F,
// as many columns). The distances come from one matrix product, |q − c|² =
// |q|² + |c|² − 2 q·c, by OpenBLAS: the second look pairs a swatch's keypoints
// with those of up to forty library images, and this takes about a third of the
// brute-force matcher's time. Rounding differs from the matcher's, so a near tie
// can fall the other way (2 of 15,200 rows of a swatch against 19 library
// images; docs/BENCHMARKS.md). Thread-safe.
std::vector<TwoNearest> twoNearest(const cv::Mat& queries, const cv::Mat& candidates);

}  // namespace weft
