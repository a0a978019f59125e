#pragma once

#include "core/pipeline/QueryEngine.h"

#include <QImage>

#include <functional>
#include <vector>

namespace weft {

// Whether the swatch's colours count in the second look: not where the designer
// looks for its print in any colourway (SwatchQuery::anyColourway).
enum class SwatchColours { Count, Ignored };

// The second look at a swatch query's best matches: the matches holding the first
// `depth` contents (copies of one file, by Match::contentHash, are one content and
// are checked once) are decoded and checked, in this order:
// - a copy of the swatch (SwatchVerifier::copyLikeness) comes first, the closest first;
// - then every match the swatch's keypoints place, at any turn, mirror and zoom
//   (KeypointVerifier; and the one that stands out among those checked,
//   KeypointVerifier::standingOut, with its copies): those placed about as surely
//   as the best by the fingerprints' cosine (so colour picks the swatch's
//   colourway among the print's), then the others by their agreeing keypoints;
// - then the rest: when nothing above was found, by the mean of how well the
//   swatch's middle fits (SwatchVerifier, the swatch turned and mirrored as
//   Match::orientation says or as photographed, whichever fits better; for prints
//   with nothing to place, such as faint textures) and the fingerprints' cosine,
//   less what colours unlike the swatch's where it fits cost (PlacedColours; not
//   when `colours` is Ignored), which becomes their score; when
//   something was, by the cosine alone (the fit is not worked out: it would only
//   order what is below the match found, at half the second look's time).
// `findOtherwise`: the best matches of the swatch's other readings (turned,
// mirrored, smaller; QueryEngine::refine). Asked for only when none of the first
// is a copy or placed; those holding their first `depth` contents that are not
// among the first are checked the same way and join only as a copy or placed, so
// that where nothing is found the first results' order stands.
// Each checked match gets where the swatch sits in it. Matches not checked —
// beyond the depth, or no longer readable — follow in their order, their scores
// capped at the last checked one's so that scores still fall with rank. A swatch
// too small to check leaves the matches as they are. Runs the checks on all cores,
// on threads of its own (never Qt's global pool, which painting needs); about 50 ms
// per match per core. When `cancelled` says so, the checks not yet started are
// skipped and the matches stay as they were.
void rerankBySwatchFit(const QImage& swatch, std::vector<Match>& matches, int depth, const std::function<std::vector<Match>()>& findOtherwise = {},
                       const std::function<bool()>& cancelled = {}, SwatchColours colours = SwatchColours::Count);

}  // namespace weft
