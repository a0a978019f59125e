#pragma once

#include <QString>

namespace weft {

// Everything that decides what a fingerprint is, and how a query is made. Each
// field is declared, with its name, bounds and help, in MethodSettings.cpp; the
// canonical text of the stored ones (key()) is kept with every fingerprint and
// with the index, so vectors made by another model or setting are never compared
// with each other: they are made again.
struct MethodConfig {
    enum class Pooling { Max, Average, GeM };
    // A component's feature (seed 000's x_i): the image's own feature map pooled
    // under its mask, or its crop run through the network again.
    enum class ComponentFeature { Mask, Crop };

    QString backbone;                  // model id; empty = the manifest's default
    Pooling pooling = Pooling::GeM;    // over the backbone's last feature map
    float gemPower = 3.0f;
    int inputSize = 448;               // shorter side of the whole image in the network input
    int grid = 2;                      // 2: the whole image's quarters are described too
    float histogramWeight = 0.15f;     // share of the HSV histogram in the fused cosine
    float photoWeight = 0.2f;          // share of the camera views (NetworkInput.h)
    float textureWeight = 0.4f;        // share of the camera views' texture (FingerprintPart::Texture)
    QString detector = QStringLiteral("motif");   // an id of detectorIds()
    float componentWeight = 0.3f;      // share of the components' mean feature in the deep part
    ComponentFeature componentFeature = ComponentFeature::Mask;

    // Query-time only.
    int querySize = 224;               // shorter side of a swatch in the network input
    float likeHistogramWeight = 0.0f;  // colour share of a "patterns like this" query
    float likePhotoWeight = 0.3f;      // camera-view share of it
    float likeTextureWeight = 0.2f;    // texture share of it; the deep feature has the rest
    int verifyDepth = 20;              // best matches of a swatch that get a second look
    // The second look reads a swatch every way up and at a second size, and scores
    // each of its first matches by the reading that fits it best (a photo of cloth
    // lying at any angle; a reading other than as photographed only when it fits
    // clearly better, QueryEngine::kOtherReadingCost); when none of them is placed,
    // it checks the best matches of those readings too, none paying that cost:
    // turned, mirrored and close-up photos are found that the swatch as
    // photographed misses. The first results read it as photographed only:
    // sixteen readings there cost them x9 in time, and faint textures lost their
    // source among sixteen chances for a wrong image (Subtle Patterns plain 0.69 ->
    // 0.51; docs/BENCHMARKS.md, "Wild photos"); eight pushed near-upright photos'
    // sources out of the twenty checked ("Every way up in the second look").
    int swatchOrientations = 8;        // ways up a swatch is read in (SwatchOrientation.h)
    int queryScales = 2;               // 2: a swatch is also described at about half its query size

    // What the shares above leave to the deep feature.
    float deepWeight() const { return 1.0f - histogramWeight - photoWeight - textureWeight; }
    bool hasDetector() const { return detector != QLatin1String("none"); }
    QString backboneId() const;        // backbone, or the manifest's default

    // Bumped whenever the code behind a setting changes what it computes.
    static constexpr int kAlgorithmRevision = 4;

    // "rev=4;backbone=mobilenetv2-imagenet;pool=gem3;size=448;..." : the stored settings.
    QString key() const;
    // "qsize=224;lhsv=0;lphoto=0.3;ltex=0.2;verify=20": the query-time ones.
    QString queryKey() const;

    // The defaults with "name=value,name=value" applied (the names and values of
    // methodSettings()); throws weft::Error naming the setting and what it takes.
    static MethodConfig fromOverrides(const QString& overrides);
    // Throws weft::Error when the shares do not add up.
    void validate() const;
};

}  // namespace weft
