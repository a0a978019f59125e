#pragma once

#include <QString>

namespace weft {

// Everything that decides what a fingerprint is. Its canonical text (key()) is
// stored with every fingerprint and with the index, so vectors made by another
// model or another setting are never compared with each other: they are re-made.
struct MethodConfig {
    enum class Pooling { Max, Average, GeM };

    QString backbone;                  // model id; empty = the manifest's default
    Pooling pooling = Pooling::GeM;    // over the backbone's last feature map
    float gemPower = 3.0f;
    int inputSize = 224;               // shorter side of each network input, pixels
    int grid = 2;                      // the whole image plus grid × grid tiles, averaged (0 or 1 = whole image only)
    float histogramWeight = 0.15f;     // share of the HSV histogram in the fused cosine
    float colourSpotWeight = 0.0f;     // share of seed 001's 30-d colour vector
    float photoWeight = 0.5f;          // share of the contrast-stretched photo views (PhotoViews.h)

    // What the parts above leave to the deep feature.
    float deepWeight() const { return 1.0f - histogramWeight - colourSpotWeight - photoWeight; }

    // Feature components (seed 000): a detector finds the pattern's repeated motifs;
    // the mean of their features (x1 + … + xk) / k takes this share of the deep part.
    QString detector = QStringLiteral("motif");  // an id of detectorIds(): none, motif, yolo, maskrcnn
    float componentWeight = 0.3f;
    // A component's feature: its crop run through the backbone again, as in the
    // paper, or the whole image's feature maps pooled under its mask (no extra
    // network run). Measured in docs/BENCHMARKS.md.
    enum class ComponentFeature { Crop, Mask };
    ComponentFeature componentFeature = ComponentFeature::Crop;

    // How a dropped swatch is described. A swatch photo shows a piece of a pattern
    // magnified compared with the library image it came from, so it is described
    // as one region (its own grid tiles would be magnified once more). These do
    // not change stored fingerprints, so they are not part of key().
    int queryGrid = 0;                 // -1 = as grid
    int querySize = 0;                 // 0 = as inputSize

    // How an indexed pattern asks for others like it ("more like this"; the class
    // protocol): its stored fingerprint re-weighted at query time (PatternQuery.h).
    // Colour serves swatch lookup — the exact print, in its colourway — while
    // likeness between patterns is their texture, in any colourway; the photo views
    // (texture at the image's own scale) help both. Measured in docs/BENCHMARKS.md.
    // Query-time only, so not part of key().
    float likeHistogramWeight = 0.0f;  // colour share of a pattern query
    float likePhotoWeight = 0.3f;      // photo-view share of a pattern query; the deep feature has the rest

    // How many of a swatch query's best matches get a second, closer look
    // (SwatchVerifier: does the swatch fit somewhere in the image?) and are
    // re-ordered by it. 0 = none. Query-time only.
    int verifyDepth = 20;

    // Bumped whenever the code behind a setting changes what it computes.
    static constexpr int kAlgorithmRevision = 1;

    // "rev=1;backbone=mobilenetv2-imagenet;pool=gem3;size=224;grid=2;hsv=0.3;spot=0"
    QString key() const;

    // "qgrid=0;qsize=224;lhsv=0;lphoto=0.3;verify=20"
    QString queryKey() const;

    // Applies "name=value,name=value" overrides (names: pool=max|avg|gem|gemP,
    // size, grid, hsv, spot, photo, backbone, qgrid, qsize, lhsv, lphoto, verify, det, comp, cfeat) to the defaults; throws weft::Error on
    // unknown names or bad values. Used by `weft-cli --method` for ablations.
    static MethodConfig fromOverrides(const QString& overrides);
};

}  // namespace weft
