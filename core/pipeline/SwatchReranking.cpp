#include "core/pipeline/SwatchReranking.h"

#include "core/colour/PlacedColours.h"
#include "core/features/SwatchOrientation.h"
#include "core/imaging/ImageDecoder.h"
#include "core/verification/KeypointVerifier.h"
#include "core/verification/SwatchVerifier.h"

#include <QHash>
#include <QSet>
#include <QThreadPool>
#include <QTransform>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <memory>
#include <numeric>

namespace weft {

namespace {
constexpr float kUnreadable = -2.0f;   // below any fit
// What a fitted match pays for colours unlike the swatch's where it fits: this
// times 1 − PlacedColours::likeness. Fits and cosines of a print in other colours
// (a black and white check for a pink one) differ by a few hundredths; at 0.2,
// fashion-texture's wild photos hold or gain top-1 and top-5 at every seed
// (docs/BENCHMARKS.md, "The colours where the swatch fits"). The fingerprints' own
// colour part weighs 0.15.
constexpr float kColourMismatchCost = 0.2f;

// What tells copies of one file apart from other images: its content hash, or
// where that is unknown, the image itself.
QByteArray contentOf(const Match& match)
{
    return match.contentHash.isEmpty() ? QByteArrayLiteral("image ") + QByteArray::number(match.imageId) : match.contentHash;
}

// The first match of each of the first `contents` contents of `matches`; the
// copies among them go to `sameFile`, by content. `spanned`: how many of
// `matches` that took.
std::vector<Match> firstOfEachContent(const std::vector<Match>& matches, int contents, QHash<QByteArray, std::vector<Match>>& sameFile,
                                      int* spanned = nullptr)
{
    std::vector<Match> firsts;
    QSet<QByteArray> seen;
    int taken = 0;
    for (const Match& match : matches) {
        const QByteArray content = contentOf(match);
        if (seen.contains(content)) {
            sameFile[content].push_back(match);
        } else if (int(seen.size()) == contents) {
            break;
        } else {
            seen.insert(content);
            firsts.push_back(match);
        }
        ++taken;
    }
    if (spanned)
        *spanned = taken;
    return firsts;
}

// The second look's own threads. Qt's global pool also scales images for painting
// (smooth QPainter transforms split large images over it and wait): filled by the
// second look, it kept the window from answering for seconds (issue 12).
QThreadPool& secondLookPool()
{
    static QThreadPool pool;
    return pool;
}
}  // namespace

void rerankBySwatchFit(const QImage& swatch, std::vector<Match>& matches, int depth, const std::function<std::vector<Match>()>& findOtherwise,
                       const std::function<bool()>& cancelled, SwatchColours colours)
{
    // The first `depth` contents, one match each: copies of a file (the same
    // content hash) are checked once and follow their first wherever it goes.
    // What the other readings find beyond them is added after them, when it is
    // looked for.
    QHash<QByteArray, std::vector<Match>> sameFile;
    int spanned = 0;   // of `matches`, by the first `depth` contents and their copies
    std::vector<Match> candidates = firstOfEachContent(matches, depth, sameFile, &spanned);
    const int firstCount = int(candidates.size());
    if (firstCount < 2)
        return;
    // Each match is checked with the swatch the way up it matched in; for a copy,
    // as it is: a copy is never turned, while its best reading may be (a turned
    // reading of a texture can score a hair higher).
    std::vector<std::pair<SwatchOrientation, std::unique_ptr<SwatchVerifier>>> verifiers;
    verifiers.emplace_back(SwatchOrientation(), std::make_unique<SwatchVerifier>(swatch));
    const SwatchVerifier& asItIs = *verifiers.front().second;
    std::vector<const SwatchVerifier*> verifierOf;
    for (int i = 0; i < firstCount; ++i) {
        const SwatchOrientation way = candidates[std::size_t(i)].orientation;
        auto known = std::find_if(verifiers.begin(), verifiers.end(), [&](const auto& v) { return v.first == way; });
        if (known == verifiers.end()) {
            verifiers.emplace_back(way, std::make_unique<SwatchVerifier>(oriented(swatch, way)));
            known = verifiers.end() - 1;
        }
        verifierOf.push_back(known->second.get());
    }
    const KeypointVerifier keypoints(swatch);
    if (!verifierOf.front()->usable() && !keypoints.usable())
        return;   // a turn or mirror does not change the swatch's size
    struct Check {
        float fit = kUnreadable;
        float copyLikeness = -1;
        int agreeing = 0;            // keypoint pairs placing the swatch (KeypointVerifier)
        QPolygonF whereSwatchSits;   // in the file's pixels
        bool fitted = true;          // false: readable, but the fit was not worked out (the cosine stays its score)
        bool standsOut = false;      // placed by fewer pairs, but by far the most of those checked
        float colourLikeness = -1;   // of the swatch and where it fits (PlacedColours); -1: not compared
        bool copy() const { return copyLikeness >= SwatchVerifier::kCopyLikeness; }
        bool placed() const { return agreeing >= KeypointVerifier::kPlaced || standsOut; }
    };
    const auto markStandingOut = [](QList<Check>& checks) {
        std::vector<int> agreeing;
        for (Check& check : checks) {
            check.standsOut = false;
            agreeing.push_back(check.agreeing);
        }
        if (const int best = KeypointVerifier::standingOut(agreeing); best >= 0)
            checks[best].standsOut = true;
    };
    std::vector<int> first(candidates.size());   // positions of the first matches in the candidates
    std::iota(first.begin(), first.end(), 0);
    std::atomic<bool> stopped{false};
    // Each match decoded and checked by `check` on the second look's threads; a
    // match gone or damaged since it was indexed stays unreadable.
    const auto checkEach = [&](const std::vector<int>& which, const std::function<Check(const DecodedImage&, const QTransform& toFile, int i)>& check) {
        return QtConcurrent::blockingMapped<QList<Check>>(&secondLookPool(), which, [&](int i) {
            if (stopped || (cancelled && cancelled())) {
                stopped = true;
                return Check();
            }
            try {
                const DecodedImage decoded = ImageDecoder::decode(candidates[std::size_t(i)].path);
                const QSize file = decoded.originalSize.isValid() ? decoded.originalSize : decoded.image.size();
                return check(decoded, QTransform::fromScale(double(file.width()) / decoded.image.width(), double(file.height()) / decoded.image.height()), i);
            } catch (const std::exception&) {
                return Check();
            }
        });
    };
    // First the copies and the matches the swatch's keypoints place.
    const auto copiedOrPlaced = [&](const std::vector<int>& which) {
        return checkEach(which, [&](const DecodedImage& decoded, const QTransform& toFile, int) {
            const float likeness = asItIs.copyLikeness(decoded.image);
            if (likeness >= SwatchVerifier::kCopyLikeness)
                return Check{1.0f, likeness, 0, toFile.map(QPolygonF(QRectF(QPointF(0, 0), QSizeF(decoded.image.size()))))};
            const KeypointVerifier::Placement placed = keypoints.locate(decoded.image);
            return Check{placed.placed() ? 1.0f : -1.0f, likeness, placed.agreeing, toFile.map(placed.whereSwatchSits), placed.placed()};
        });
    };
    const auto anyFound = [](const QList<Check>& checks) {
        return std::any_of(checks.cbegin(), checks.cend(), [](const Check& c) { return c.copy() || c.placed(); });
    };
    QList<Check> checks = copiedOrPlaced(first);
    markStandingOut(checks);
    // Coarse to fine: only when none of the first matches is a copy or placed are the
    // swatch's other readings (turned, mirrored, smaller) asked for theirs, and those
    // not among the first checked the same way. Where the first hold the source, as
    // for most photos, the second look takes no longer for them (docs/BENCHMARKS.md).
    if (findOtherwise && !anyFound(checks) && !stopped && !(cancelled && cancelled())) {
        QSet<QByteArray> known;
        for (const Match& match : candidates)
            known.insert(contentOf(match));
        std::vector<int> others;
        for (const Match& other : firstOfEachContent(findOtherwise(), depth, sameFile)) {
            if (!known.contains(contentOf(other))) {
                others.push_back(int(candidates.size()));
                candidates.push_back(other);
            }
        }
        checks += copiedOrPlaced(others);
        markStandingOut(checks);
    }
    // Where nothing is placed, the template fit orders them; where something is,
    // the fit has nothing to add above it and the rest keep the cosine's order
    // (half the second look's time, docs/BENCHMARKS.md).
    if (!anyFound(checks) && !stopped && verifierOf.front()->usable()) {
        const PlacedColours placedColours(swatch);
        const QList<Check> fits = checkEach(first, [&](const DecodedImage& decoded, const QTransform& toFile, int i) {
            SwatchVerifier::Placement placement = verifierOf[std::size_t(i)]->locate(decoded.image);
            // A match whose best reading is turned is fitted as photographed too, and
            // keeps the better fit: a whole reading's cosine says little about which
            // way a print of dots or stripes lies, and its source fitted only the
            // wrong way lost its place (docs/BENCHMARKS.md, "The template fit tries
            // the photo as taken too").
            if (verifierOf[std::size_t(i)] != &asItIs) {
                const SwatchVerifier::Placement asTaken = asItIs.locate(decoded.image);
                if (asTaken.fit > placement.fit)
                    placement = asTaken;
            }
            Check fitted{placement.fit, -1.0f, checks[i].agreeing, toFile.map(placement.whereSwatchSits)};
            if (colours == SwatchColours::Count)
                fitted.colourLikeness = placedColours.likeness(decoded.image, placement.whereSwatchSits);
            return fitted;
        });
        for (int i = 0; i < firstCount; ++i)
            checks[i] = fits[i];
    }

    if (stopped)
        return;   // a newer request made this one moot: the order stays as it was
    std::vector<Match> checked, rest;
    std::vector<std::pair<float, Match>> copies;   // by their likeness
    struct Placed {
        int agreeing;   // keypoint pairs
        Match match;
    };
    std::vector<Placed> placed;
    for (int i = 0; i < int(candidates.size()); ++i) {
        Match match = candidates[std::size_t(i)];
        const Check& check = checks[i];
        if (i >= firstCount) {
            // Found by another reading alone: it joins only as a copy or placed, so
            // that the first results' order stands where nothing is.
            if (check.fit == kUnreadable || !(check.copy() || check.placed()))
                continue;
        }
        if (check.fit == kUnreadable) {
            rest.push_back(match);
        } else {
            // Fit and cosine at equal weight: fit alone ranks Subtle Patterns swatches
            // almost as well, and the cosine keeps colour in the decision.
            if (check.fitted) {
                match.score = 0.5f * (check.fit + match.score);
                if (check.colourLikeness >= 0)
                    match.score -= kColourMismatchCost * (1.0f - check.colourLikeness);
            }
            // An outline by too few keypoint pairs would show a guess.
            if (check.fitted || check.placed())
                match.whereSwatchSits = check.whereSwatchSits;
            if (check.copy())
                copies.emplace_back(check.copyLikeness, match);
            else if (check.placed())
                placed.push_back({check.agreeing, match});
            else
                checked.push_back(match);
        }
    }
    std::stable_sort(copies.begin(), copies.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    // Placements about as strong as the best (at least half its agreeing pairs) are
    // told apart by the fingerprints' cosine, which holds colour: keypoints see grey
    // levels only, and a print's other colourways are placed as well as the swatch's
    // own. Weaker placements follow, by their pairs.
    const int strongest = placed.empty() ? 0 : std::max_element(placed.begin(), placed.end(), [](const Placed& a, const Placed& b) {
                                                   return a.agreeing < b.agreeing;
                                               })->agreeing;
    const auto strong = [strongest](const Placed& p) { return 2 * p.agreeing >= strongest; };
    std::stable_sort(placed.begin(), placed.end(), [&](const Placed& a, const Placed& b) {
        if (strong(a) != strong(b))
            return strong(a);
        return strong(a) ? a.match.score > b.match.score : a.agreeing > b.agreeing;
    });
    std::stable_sort(checked.begin(), checked.end(), [](const Match& a, const Match& b) { return a.score > b.score; });
    std::vector<Match> unchecked(matches.begin() + spanned, matches.end());

    // Copies of the swatch come first, the closest copy first, however their fit
    // scored; what was not checked keeps its order below what was. No match is
    // shown as more similar than one above it.
    // A match's copies follow it, with its score and outline; a match found by
    // another reading is not shown again below.
    matches.clear();
    QSet<qint64> shown;
    const auto append = [&](Match match) {
        if (shown.contains(match.imageId))
            return;
        if (!matches.empty())
            match.score = std::min(match.score, matches.back().score);
        shown.insert(match.imageId);
        matches.push_back(match);
        for (Match copy : sameFile.value(contentOf(match))) {
            copy.score = match.score;
            copy.whereSwatchSits = match.whereSwatchSits;
            if (!shown.contains(copy.imageId)) {
                shown.insert(copy.imageId);
                matches.push_back(copy);
            }
        }
    };
    for (const auto& copy : copies)
        append(copy.second);
    for (const Placed& sure : placed)
        append(sure.match);
    for (const std::vector<Match>* below : {&checked, &rest, &unchecked})
        for (const Match& match : *below)
            append(match);
    for (std::size_t i = 0; i < matches.size(); ++i)
        matches[i].rank = int(i) + 1;
}

}  // namespace weft
