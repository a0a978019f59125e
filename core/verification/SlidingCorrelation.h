#pragma once

#include <opencv2/core.hpp>

namespace weft {

// How well each of many same-sized templates fits each place of one image: the
// normalised cross-correlation cv::matchTemplate gives with TM_CCOEFF_NORMED.
// matchTemplate works out the image's spectrum and its windows' sums anew for
// every template; a swatch's check slides 35 templates (scales and turns) over
// each library image, so here both are worked out once per image and each
// template costs one product of spectra and one inverse transform: about a
// quarter of matchTemplate's time (docs/BENCHMARKS.md).
class SlidingCorrelation {
public:
    // `image`: one channel, CV_32F; the templates will be side × side, no larger
    // than the image.
    SlidingCorrelation(const cv::Mat& image, int side);

    // For each place of the template's top-left corner in the image,
    // (rows − side + 1) × (cols − side + 1), CV_32F in [−1, 1]; 0 where the
    // image's window or the template is flat (one grey level has no pattern to
    // fit). `templ`: side × side, CV_32F. Thread-safe (const).
    cv::Mat of(const cv::Mat& templ) const;

private:
    int m_side;
    cv::Size m_places;      // of the template's corner
    cv::Mat m_spectrum;     // the image's, zero-padded to a fast transform size
    cv::Mat m_spread;       // each window's root sum of squared deviations from its mean, CV_64F
};

}  // namespace weft
