#pragma once

#include <QImage>
#include <QPolygonF>

#include <memory>
#include <vector>

namespace weft {

// Where, if anywhere, does this swatch photo show a piece of that library image,
// however it was turned, mirrored or zoomed?
//
// The swatch's and the library image's keypoints (SIFT: corners and blobs, each
// with its own scale and direction, so they are found again at any turn and
// zoom) are paired by their look, and a pairing counts only where many pairs
// agree on one placement: the swatch turned, scaled and moved onto the library
// image (a similarity; a tilted camera's small perspective stays within the
// tolerance). A mirrored photo is paired as the mirror of its print. Grey levels
// are stretched first, so a faint print or a dim photo gives keypoints too, and
// colour does not enter: light of another colour changes nothing here.
//
// A print with nothing to pair — flat colour, fine stripes — is not placed, and
// then SwatchVerifier's template fit is what tells its matches apart.
class KeypointVerifier {
public:
    explicit KeypointVerifier(const QImage& swatch);
    ~KeypointVerifier();
    KeypointVerifier(const KeypointVerifier&) = delete;
    KeypointVerifier& operator=(const KeypointVerifier&) = delete;

    // False when the swatch has too few keypoints to place: then locate() places nothing.
    bool usable() const;

    struct Placement {
        int agreeing = 0;              // keypoint pairs that agree on the placement
        bool mirrored = false;         // the swatch shows the print mirrored
        QPolygonF whereSwatchSits;     // the swatch's four corners, in libraryImage's pixels, by the best placement found
                                       // (however few its pairs; see placed() and standingOut()); empty when none
        bool placed() const { return agreeing >= kPlaced; }
    };
    // At kPlaced agreeing pairs or more the swatch sits in the image: on
    // fashion-texture's wild photos, a wrong image of the same kind of print
    // scores (docs/BENCHMARKS.md) far fewer.
    static constexpr int kPlaced = 12;

    // Which of several images' placements of this swatch stands out, as an index
    // into `agreeing` (their agreeing pairs), or -1. A small or blurred photo gives
    // few keypoints, and its own print then fewer than kPlaced pairs; the others
    // get fewer still, by chance (on fashion-texture's wild photos, mostly 2 to 5).
    // So one with at least kStandsOut pairs and twice as many as any other is
    // placed as well (docs/BENCHMARKS.md). Where two images are placed about as
    // surely (a print's colourways), neither stands out.
    static int standingOut(const std::vector<int>& agreeing);
    static constexpr int kStandsOut = kPlaced / 2;

    // Thread-safe (const).
    Placement locate(const QImage& libraryImage) const;

    struct Keypoints;   // defined in the .cpp

private:
    std::unique_ptr<Keypoints> m_upright;
    std::unique_ptr<Keypoints> m_mirrored;
    QSizeF m_swatchSize;
};

}  // namespace weft
