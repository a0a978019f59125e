#pragma once

#include "core/colour/ColourShare.h"
#include "core/features/FeatureExtractor.h"
#include "core/pipeline/Library.h"

#include <QHash>
#include <QPolygonF>

#include <functional>
#include <optional>
#include <vector>

namespace weft {

struct Match {
    qint64 imageId = 0;
    QString path;
    float score = 0;   // cosine similarity of fingerprints, higher = more similar
    int rank = 0;      // 1-based
    SwatchOrientation orientation;   // a swatch query: the way up it matched this image in
    // After a swatch's second look: where the swatch sits in this image (its four
    // corners, in the file's pixels). Empty when not checked.
    QPolygonF whereSwatchSits;
    QSize originalSize;   // the image's pixel size, as the catalog has it
    QByteArray contentHash;   // of the file, as the catalog has it: copies share it (empty: unknown)
};

// Answers "which library images look like this one?". It may run on another
// thread than the Library's owner, while an Indexer adds to the same library: it
// reads the index under the library's shared lock and the catalog through a
// connection of its own, so it must be used from the thread that created it.
class QueryEngine {
public:
    QueryEngine(Library& library, const FeatureExtractor& extractor);
    // Only searchFingerprint() works then (benchmarks of the index and catalog).
    explicit QueryEngine(Library& library);
    ~QueryEngine();

    // The swatch's fingerprint leaves out the swatch's own components (library
    // images keep theirs): on swatch lookup they changed nothing measurable and
    // doubled the time to the first results (docs/BENCHMARKS.md). The swatch is
    // described in each of the method's orientations (SwatchOrientation.h) and
    // each library image scored by the one that fits it best.
    //
    // Every search can be kept to the images under one folder (a library folder or
    // one inside it; empty: the whole library) and to those holding some colours
    // (ColourFilter, read from the stored colour histograms): the `top` best of
    // those, however far down the whole library's ranking they are. Searching with
    // colours throws weft::Error when the library's method keeps no colour part.
    std::vector<Match> search(const QImage& rgb, int top, const QString& folder = {}) const;
    // search() in its two stages: the swatch's readings as queries of this library
    // (the network), then the index. The first results read the swatch as
    // photographed; refine() reads it every way.
    struct SwatchQuery {
        std::vector<std::vector<float>> vectors;
        std::vector<SwatchOrientation> orientations;   // of each vector
        bool anyColourway = false;                      // made by inAnyColourway()
    };
    SwatchQuery describeSwatch(const QImage& rgb, FeatureExtractor::SwatchReadings which = FeatureExtractor::SwatchReadings::AsPhotographed) const;
    std::vector<Match> searchSwatch(const SwatchQuery& query, int top, const QString& folder = {}, const ColourFilter& colours = {}) const;
    std::vector<Match> searchFingerprint(const std::vector<float>& fingerprint, int top, const QString& folder = {},
                                         const ColourFilter& colours = {}) const;
    // The swatch's print in any colourway: its readings compared by the texture
    // parts of the fingerprint alone, the colour part left out (the other parts
    // keep their shares of each other), as "more like this" compares patterns.
    SwatchQuery inAnyColourway(const SwatchQuery& query) const;
    // Search by colour: the images under `folder` that hold `colours`, those with
    // the most of them (ColourFilter::share, which becomes the score) first.
    std::vector<Match> searchColours(const ColourFilter& colours, int top, const QString& folder = {}) const;

    // The second look at the best matches of searchSwatch(query, ..., folder,
    // colours) for the swatch `rgb`, of which `query` is describeSwatch(). It reads
    // the swatch every way the method tries it (MethodConfig::swatchOrientations,
    // queryScales: turned, mirrored and smaller), and each match takes the score
    // and orientation of the reading that fits it best (scoreByBestReading). The
    // first verifyDepth matches are then checked for where the swatch fits and
    // re-ordered (SwatchReranking.h); when none is a copy or placed, the best
    // verifyDepth of those readings are checked too. Then the best `top` are
    // kept. It decodes those library images, so it takes about a second: the app
    // shows the first matches first and then these. So that the order does not
    // depend on how many results are shown, search for candidatesFor(top) matches.
    // Copies of a file (Match::contentHash) count as one of the verifyDepth, so a
    // library holding a folder twice still has as many prints checked; the
    // searches fetch room for them. When `cancelled` says so before the readings
    // are made, the matches stay as they were; later, the checks not yet started
    // are skipped (rerankBySwatchFit). A cancelled second look is for throwing away.
    int candidatesFor(int top) const;
    static constexpr int kRoomForCopies = 2;
    void refine(const QImage& rgb, const SwatchQuery& query, std::vector<Match>& matches, int top, const QString& folder = {},
                const ColourFilter& colours = {}, const std::function<bool()>& cancelled = {}) const;
    // Each match's score and orientation become those of the reading in `readings`
    // that fits it best (bestReadings: the first, as photographed, unless another
    // fits it kOtherReadingCost better); the order is left as it is. A swatch lies
    // on the table any way up: read only as photographed, a turned photo's source
    // scores low among its first matches, and the template fit tries the swatch
    // the wrong way up.
    void scoreByBestReading(const SwatchQuery& readings, std::vector<Match>& matches) const;
    // What a reading of the swatch other than the first, as photographed (turned,
    // mirrored, smaller), pays from its cosine when it scores the first matches: it
    // takes over a print only when it fits it clearly better. Each reading is
    // another chance for a wrong print to fit, and faint textures give many
    // (Subtle Patterns plain 0.691 -> 0.572 without it; docs/BENCHMARKS.md, "Every
    // way up in the second look"). The search for other matches when none of them
    // is placed does not pay it: there the photo as taken has already failed.
    static constexpr float kOtherReadingCost = 0.05f;
    // What reading `reading` of a swatch (0: as photographed) scores a print whose
    // fingerprint it meets at `cosine`: any but the first pays `otherReadingCost`
    // (kOtherReadingCost, or 0 where the photo as taken has failed). A print takes
    // the best score of all readings, the first kept on a tie.
    static float readingScore(std::size_t reading, float cosine, float otherReadingCost)
    {
        return reading == 0 ? cosine : cosine - otherReadingCost;
    }

    // The components found in the swatch `rgb` (in its coordinates), for overlays;
    // none when the method has no detector.
    Components swatchComponents(const QImage& rgb) const;

    // "More like this": the patterns most like an indexed image (itself left out),
    // by its stored fingerprint weighted as patternQuery() says, and below the first
    // few by that query expanded with them (QueryExpansion.h). Throws weft::Error
    // when the image is not in the library or not indexed yet.
    std::vector<Match> searchLike(const QString& indexedPath, int top, const QString& folder = {}, const ColourFilter& colours = {}) const;

private:
    struct BestReading {
        float score;
        SwatchOrientation orientation;
    };
    // Those of the `top` nearest to each query (among `among` unless `everywhere`),
    // each by its best-scoring query, any query but the first paying
    // `otherReadingCost`. Throws weft::Error when nothing is indexed.
    QHash<qint64, BestReading> bestReadings(const std::vector<std::vector<float>>& queries, const std::vector<SwatchOrientation>& orientations,
                                            int top, const std::vector<qint64>& among, bool everywhere, float otherReadingCost) const;
    // The best `top` images over several queries, each image by its best-scoring one.
    std::vector<Match> bestOf(const std::vector<std::vector<float>>& queries, const std::vector<SwatchOrientation>& orientations,
                              int top, const QString& folder, const ColourFilter& colours) const;
    // The indexed images under `folder` (all when empty) that `colours` passes, by
    // id, with their share of the colours. Finding them reads every fingerprint in
    // the catalog (about 1.5 s for 100,000), so the last answer is kept until the
    // catalog's generation moves: the app asks again for every further page.
    const std::vector<std::pair<qint64, float>>& imagesHolding(const ColourFilter& colours, const QString& folder) const;
    struct ImagesHolding {
        QList<QColor> colours;
        QString folder;
        quint64 generation = 0;
        std::vector<std::pair<qint64, float>> images;
    };
    mutable std::optional<ImagesHolding> m_lastHolding;
    // Adds the image `id` as the next match, unless it has left the catalog since.
    void appendMatch(std::vector<Match>& matches, qint64 id, float score, SwatchOrientation orientation = {}) const;

    Library& m_library;
    const FeatureExtractor& extractor() const;
    const FeatureExtractor* m_extractor = nullptr;
    std::unique_ptr<Catalog> m_catalog;
};

}  // namespace weft
