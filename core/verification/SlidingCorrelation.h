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

    // A template's spectrum for images of one transform size: the same for
    // every image of that size (a library of tiles at one size), so worked
    // out once for all of them. prepared() gives it for this image's size.
    // `templ`: side × side, CV_32F.
    struct Prepared {
        cv::Mat spectrum;    // empty for a flat template
        double spread = 0;   // root sum of the template's squared deviations from its mean
        int side = 0;
    };
    cv::Size transformSize() const { return m_spectrum.size(); }
    // The transform size for an image of `image` pixels: at least as large, in
    // steps of kTransformStep pixels, then the next size a transform is fast for.
    static cv::Size transformSizeFor(cv::Size image);
    static constexpr int kTransformStep = 32;
    Prepared prepared(const cv::Mat& templ) const;

    // For each place of the template's top-left corner in the image,
    // (rows − side + 1) × (cols − side + 1), CV_32F in [−1, 1]; 0 where the
    // image's window or the template is flat (one grey level has no pattern to
    // fit). `templ`: prepared by an image of the same transform size and side.
    // Thread-safe (const).
    cv::Mat of(const Prepared& templ) const;

private:
    int m_side;
    cv::Size m_places;      // of the template's corner
    cv::Mat m_spectrum;     // the image's, zero-padded to a fast transform size
    cv::Mat m_spread;       // each window's root sum of squared deviations from its mean, CV_64F
};

}  // namespace weft
