#pragma once

#include "core/eval/ClassEvaluation.h"
#include "core/eval/WildPhotos.h"

#include <QList>
#include <QString>
#include <QtGlobal>

#include <variant>

namespace weft {

// How one query of the swatch-lookup protocol was made from its library image
// (shared/datasets/README.md). All random choices come from a std::mt19937 seeded
// with (set seed, image index), so a query does not depend on the other images or
// on the order in which they are made.
struct SwatchQueryParameters {
    double cropFraction = 1;   // crop side / library image side, same for width and height: 0.40-0.70
    double cropX = 0;          // top-left corner of the (unrotated) crop in the library image, pixels
    double cropY = 0;
    double scale = 1;          // output size / crop size: 0.7-1.4
    double angleDegrees = 0;   // rotation about the crop's centre: -10..+10
    double brightness = 1;     // gain on the light level: 0.85-1.15
    double contrast = 1;       // gain around mid grey: 0.85-1.15
    double blurSigma = 0;      // Gaussian blur: 0.5-1.0 pixels
    int width = 0;             // query size in pixels
    int height = 0;
};

// How the simulated photos are taken: the protocol of shared/datasets/README.md, or
// photos as a designer takes them (WildPhotos.h).
enum class SwatchPhotos { Plain, Wild };

// What a query's photo did to its piece of the library image, in the terms its
// results are broken down by.
struct PhotoConditions {
    double turnFromUpright = 0;   // degrees, 0-180
    bool mirrored = false;
    double zoom = 1;              // photo pixels per library pixel
};

struct SwatchItem {
    int index = 0;             // position in the labels list; names the files <index>.png / <index>.jpg
    QString source;            // the data set image
    QString libraryImage;      // <set>/library/<index>.png
    QString query;             // <set>/queries/<index>.jpg
    std::variant<SwatchQueryParameters, WildPhotoParameters> parameters;

    PhotoConditions conditions() const;
};

// The library images and queries of the swatch-lookup protocol, on disk:
//   <folder>/library/<n>.png  the full source image (tileSize > 0: an N×N image filled by
//                             repeating the source from its top-left corner, as the seamless
//                             subtle-patterns tiles are meant to be used)
//   <folder>/queries/<n>.jpg  a simulated phone photo of a piece of library/<n>.png (plain
//                             or wild, SwatchPhotos)
//   <folder>/set.json         what the set was made from (protocol version, seed, tile size,
//                             source paths, sizes and times) and each query's parameters;
//                             written last, so it only exists for a complete set
class SwatchSet {
public:
    static constexpr int kProtocolVersion = 1;
    static constexpr quint32 kDefaultSeed = 20240611;
    static constexpr int kJpegQuality = 70;

    // Reuses the set in outputFolder when its set.json names the same inputs and all its
    // files are there; otherwise clears library/ and queries/ and makes the set anew
    // (several images at once; the bytes written do not depend on the thread order).
    // Sources are read with weft::ImageDecoder (full size, RGB). A source that cannot be
    // read is left out and listed in skipped(). Throws weft::Error when a file cannot be
    // written or tileSize is negative.
    static SwatchSet build(const QList<LabelledImage>& labels, const QString& outputFolder, int tileSize = 0,
                           quint32 seed = kDefaultSeed, SwatchPhotos photos = SwatchPhotos::Plain);

    // The query parameters for the image of the given index and size; what build() uses.
    static SwatchQueryParameters queryParameters(quint32 seed, int index, int libraryWidth, int libraryHeight);

    QString folder() const { return m_folder; }
    int tileSize() const { return m_tileSize; }
    quint32 seed() const { return m_seed; }
    SwatchPhotos photos() const { return m_photos; }
    const QList<SwatchItem>& items() const { return m_items; }
    const QStringList& skipped() const { return m_skipped; }   // "path: reason"
    bool reused() const { return m_reused; }                   // true when build() found the set already made

private:
    QString m_folder;
    int m_tileSize = 0;
    quint32 m_seed = kDefaultSeed;
    SwatchPhotos m_photos = SwatchPhotos::Plain;
    QList<SwatchItem> m_items;
    QStringList m_skipped;
    bool m_reused = false;
};

}  // namespace weft
