#pragma once

#include <QImage>
#include <QPolygonF>

#include <memory>

namespace weft {

// Does this swatch photo show a piece of that library image?
//
// Fingerprints compare what two images look like overall; a swatch cut from a
// faint or finely detailed pattern often looks like many patterns overall and is
// told from them only by where each line and dot sits. So a few top candidates
// are checked the way a person would: slide the middle of the swatch over the
// library image and see whether it fits somewhere. "Fits" is the normalised
// cross-correlation of grey levels, which ignores the photo's brightness and
// contrast; the swatch's middle is tried at the scales and turns a hand-held
// photo brings (×0.7–1.4, ±10°, as in the swatch protocol), so it is found
// wherever, however turned, it sits. Works on both images at half their pixel
// size (a camera has blurred the finest detail anyway), the library image
// blurred slightly more, as a camera would. Measured in docs/BENCHMARKS.md
// ("re-ranking").
//
// A designer's photo may also be a close-up or a step back (×0.4–2.5 of the
// library image's pixel scale) of cloth lying at any angle: a wide search, coarse
// to fine, tries those too (docs/BENCHMARKS.md, "The template fit at any turn and
// zoom"). Right-angle turns and mirrors are the caller's: it gives the swatch
// the way up its reading matched in. KeypointVerifier places swatches at any
// scale and turn where a print has keypoints to pair; this check is for the rest.
class SwatchVerifier {
public:
    explicit SwatchVerifier(const QImage& swatch);
    ~SwatchVerifier();
    SwatchVerifier(const SwatchVerifier&) = delete;
    SwatchVerifier& operator=(const SwatchVerifier&) = delete;

    // False when the swatch is too small (under 48 px) to check anything with:
    // then fit() is -1 for every image.
    bool usable() const;

    // The best correlation, in [-1, 1], of the swatch's middle anywhere in
    // `libraryImage` at any of the tried scales and turns (the wide search's
    // only where the swatch holds its template whole); -1 when the library
    // image is smaller than the swatch's middle. Thread-safe (const).
    float fit(const QImage& libraryImage) const;

    // fit() and where it was found: the swatch's outline (its four corners, in
    // `libraryImage`'s pixels) as the best-fitting scale, turn and position put
    // it. Empty when fit is -1. Thread-safe (const).
    struct Placement {
        float fit = -1.0f;
        QPolygonF whereSwatchSits;
    };
    Placement locate(const QImage& libraryImage) const;

    // How alike the swatch and the whole library image are, framed alike and
    // their detail compared pixel by pixel, small enough that a rescale or a JPEG
    // re-save does not count: in [-1, 1], -1 when their shapes differ. At
    // kCopyLikeness or more the swatch is a copy of the image (another size, a
    // re-save), which fit() misses when its size is outside the tried scales (a
    // half-size copy is ×0.5); a re-ranking must never put a weaker match above
    // a copy (issue 12). Thread-safe (const).
    float copyLikeness(const QImage& libraryImage) const;
    static constexpr float kCopyLikeness = 0.8f;   // fashion-texture: copies 0.99 and more, other images 0.33 at most

private:
    struct Templates;
    std::unique_ptr<Templates> m_templates;
    struct Framing;
    std::unique_ptr<Framing> m_framing;
};

}  // namespace weft
