#include "core/pipeline/QueryEngine.h"

#include "core/common/Error.h"
#include "core/features/PatternQuery.h"
#include "core/features/QueryExpansion.h"
#include "core/pipeline/SwatchReranking.h"

#include <QCoreApplication>
#include <QHash>
#include <QReadLocker>

#include <algorithm>

namespace weft {

QueryEngine::QueryEngine(Library& library, const FeatureExtractor& extractor)
    : m_library(library), m_extractor(&extractor), m_catalog(std::make_unique<Catalog>(library.catalog().path()))
{
}

QueryEngine::QueryEngine(Library& library) : m_library(library), m_catalog(std::make_unique<Catalog>(library.catalog().path())) {}

const FeatureExtractor& QueryEngine::extractor() const
{
    if (!m_extractor)
        throw Error(QStringLiteral("Internal error: this query engine has no feature extractor"));
    return *m_extractor;
}

QueryEngine::~QueryEngine() = default;

std::vector<Match> QueryEngine::search(const QImage& rgb, int top, const QString& folder) const
{
    return searchSwatch(describeSwatch(rgb), top, folder);
}

QueryEngine::SwatchQuery QueryEngine::describeSwatch(const QImage& rgb, FeatureExtractor::SwatchReadings which) const
{
    SwatchQuery query;
    for (const FeatureExtractor::SwatchReading& reading : extractor().swatchFingerprints(rgb, which)) {
        query.vectors.push_back(m_library.swatchQuery(reading.fingerprint));
        query.orientations.push_back(reading.orientation);
    }
    return query;
}

std::vector<Match> QueryEngine::searchSwatch(const SwatchQuery& query, int top, const QString& folder, const ColourFilter& colours) const
{
    return bestOf(query.vectors, query.orientations, top, folder, colours);
}

QueryEngine::SwatchQuery QueryEngine::inAnyColourway(const SwatchQuery& query) const
{
    const FingerprintLayout layout = m_library.storedLayout(extractor().layout());
    std::vector<float> shares;
    float texture = 0;
    for (const FingerprintLayout::Slice& slice : layout.slices()) {
        shares.push_back(slice.part == FingerprintPart::Colour ? 0.0f : slice.share);
        texture += shares.back();
    }
    for (float& share : shares)
        share /= texture;
    SwatchQuery anyColourway = query;
    anyColourway.anyColourway = true;
    for (std::vector<float>& vector : anyColourway.vectors)
        vector = layout.reweighted(vector, shares);
    return anyColourway;
}

std::vector<Match> QueryEngine::searchColours(const ColourFilter& colours, int top, const QString& folder) const
{
    std::vector<std::pair<qint64, float>> holding = imagesHolding(colours, folder);   // a copy: sorted here
    // Ties by id, so that the order is always the same.
    std::sort(holding.begin(), holding.end(), [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    std::vector<Match> matches;
    for (const auto& [id, share] : holding) {
        if (int(matches.size()) >= top)
            break;
        appendMatch(matches, id, share);
    }
    return matches;
}

const std::vector<std::pair<qint64, float>>& QueryEngine::imagesHolding(const ColourFilter& colours, const QString& folder) const
{
    const quint64 generation = m_catalog->generation();
    if (m_lastHolding && m_lastHolding->generation == generation && m_lastHolding->folder == folder && m_lastHolding->colours == colours.colours())
        return m_lastHolding->images;
    const FingerprintLayout layout = m_library.storedLayout(extractor().layout());
    if (!layout.find(FingerprintPart::Colour))
        throw Error(QCoreApplication::translate("weft::QueryEngine", "This library's fingerprints keep no colours (its method has hsv=0), so it cannot be "
                                                                     "searched by colour; choose a colour share above 0 in the settings and index again"));
    const std::vector<qint64> under = folder.isEmpty() ? std::vector<qint64>() : m_catalog->imageIdsUnder(folder);
    std::vector<std::pair<qint64, float>> holding;
    m_catalog->visitFingerprints(m_library.methodKey(), [&](qint64 id, const std::vector<float>& stored) {
        if (!folder.isEmpty() && !std::binary_search(under.begin(), under.end(), id))
            return;
        const std::vector<float> histogram = layout.part(stored, FingerprintPart::Colour);
        if (histogram.empty())
            return;   // stored before the library's projection; indexing rewrites it
        const float share = colours.share(histogram);
        if (share >= ColourFilter::kMinShare)
            holding.emplace_back(id, share);
    });
    m_lastHolding = ImagesHolding{colours.colours(), folder, generation, std::move(holding)};
    return m_lastHolding->images;
}

Components QueryEngine::swatchComponents(const QImage& rgb) const
{
    return extractor().detector() ? extractor().detector()->detect(rgb) : Components();
}

int QueryEngine::candidatesFor(int top) const
{
    return std::max(top, kRoomForCopies * extractor().config().verifyDepth);
}

void QueryEngine::refine(const QImage& rgb, const SwatchQuery& query, std::vector<Match>& matches, int top, const QString& folder,
                         const ColourFilter& colours, const std::function<bool()>& cancelled) const
{
    // The readings are the network's work, a third of a second that a newer
    // search would wait for.
    if (cancelled && cancelled())
        return;
    const MethodConfig& config = extractor().config();
    std::function<std::vector<Match>()> findOtherwise;
    SwatchQuery everyWay;
    if (config.swatchOrientations * config.queryScales > 1 && config.verifyDepth > 0 && !matches.empty()) {
        everyWay = describeSwatch(rgb, FeatureExtractor::SwatchReadings::EveryWay);
        if (query.anyColourway)
            everyWay = inAnyColourway(everyWay);
        scoreByBestReading(everyWay, matches);
        findOtherwise = [&] { return searchSwatch(everyWay, kRoomForCopies * config.verifyDepth, folder, colours); };
    }
    rerankBySwatchFit(rgb, matches, config.verifyDepth, findOtherwise, cancelled,
                      query.anyColourway ? SwatchColours::Ignored : SwatchColours::Count);
    if (int(matches.size()) > top)
        matches.resize(std::size_t(std::max(0, top)));
}

void QueryEngine::scoreByBestReading(const SwatchQuery& readings, std::vector<Match>& matches) const
{
    std::vector<qint64> ids;
    for (const Match& match : matches)
        ids.push_back(match.imageId);
    const QHash<qint64, BestReading> best = bestReadings(readings.vectors, readings.orientations, int(ids.size()), ids, false, kOtherReadingCost);
    for (Match& match : matches) {
        const auto found = best.constFind(match.imageId);
        if (found != best.constEnd()) {
            match.score = found->score;
            match.orientation = found->orientation;
        }
    }
}

std::vector<Match> QueryEngine::searchLike(const QString& indexedPath, int top, const QString& folder, const ColourFilter& colours) const
{
    const auto record = m_catalog->imageByPath(indexedPath);
    const auto stored = record ? m_catalog->fingerprint(record->id) : std::nullopt;
    if (!stored || stored->method != m_library.methodKey())
        throw Error(QCoreApplication::translate("weft::QueryEngine", "%1 is not indexed in this library yet, so there is nothing to compare it by; "
                                   "wait for indexing to reach it or drop it in as a swatch")
                        .arg(indexedPath));
    const MethodConfig& method = extractor().config();
    const FingerprintLayout layout = m_library.storedLayout(extractor().layout());
    const std::vector<float> query = patternQuery(stored->vector, method, layout);
    // The image itself left out; room for it and for the first matches, which the
    // expanded ranking holds too.
    const auto othersLike = [&](const std::vector<float>& fingerprint) {
        std::vector<Match> found = searchFingerprint(fingerprint, top + QueryExpansion::kFirstMatches + 1, folder, colours);
        found.erase(std::remove_if(found.begin(), found.end(), [&](const Match& m) { return m.imageId == record->id; }), found.end());
        return found;
    };
    const std::vector<Match> first = othersLike(query);
    std::vector<std::vector<float>> firstMatches;
    for (std::size_t i = 0; i < first.size() && int(i) < QueryExpansion::kFirstMatches; ++i)
        if (const auto fingerprint = m_catalog->fingerprint(first[i].imageId); fingerprint && fingerprint->method == stored->method)
            firstMatches.push_back(patternQuery(fingerprint->vector, method, layout));
    const std::vector<Match> expanded = othersLike(QueryExpansion::expandedQuery(query, firstMatches));

    const auto idsOf = [](const std::vector<Match>& found) {
        std::vector<qint64> ids;
        for (const Match& match : found)
            ids.push_back(match.imageId);
        return ids;
    };
    QHash<qint64, Match> byId;
    for (const Match& match : expanded)
        byId.insert(match.imageId, match);
    for (const Match& match : first)   // the first matches with their own scores
        byId.insert(match.imageId, match);
    std::vector<Match> matches;
    for (const qint64 id : QueryExpansion::expandedOrder(idsOf(first), idsOf(expanded))) {
        if (int(matches.size()) >= top)
            break;
        Match match = byId.value(id);
        // Scores against another query: never above the match shown before it.
        if (!matches.empty())
            match.score = std::min(match.score, matches.back().score);
        match.rank = int(matches.size()) + 1;
        matches.push_back(match);
    }
    return matches;
}

std::vector<Match> QueryEngine::searchFingerprint(const std::vector<float>& fingerprint, int top, const QString& folder, const ColourFilter& colours) const
{
    return bestOf({fingerprint}, {SwatchOrientation()}, top, folder, colours);
}

std::vector<Match> QueryEngine::bestOf(const std::vector<std::vector<float>>& queries, const std::vector<SwatchOrientation>& orientations,
                                       int top, const QString& folder, const ColourFilter& colours) const
{
    const bool everywhere = folder.isEmpty() && colours.isEmpty();
    std::vector<qint64> among;
    if (colours.isEmpty() && !folder.isEmpty())
        among = m_catalog->imageIdsUnder(folder);
    if (!colours.isEmpty())
        for (const auto& [id, share] : imagesHolding(colours, folder))
            among.push_back(id);
    const QHash<qint64, BestReading> best = bestReadings(queries, orientations, top, among, everywhere, 0.0f);
    std::vector<std::pair<qint64, BestReading>> ranked;
    for (auto it = best.constBegin(); it != best.constEnd(); ++it)
        ranked.emplace_back(it.key(), it.value());
    // Ties by id, so the order never depends on the hash.
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second.score != b.second.score ? a.second.score > b.second.score : a.first < b.first;
    });
    std::vector<Match> matches;
    matches.reserve(std::min(ranked.size(), std::size_t(std::max(0, top))));
    for (const auto& [id, found] : ranked) {
        if (int(matches.size()) >= top)
            break;
        appendMatch(matches, id, found.score, found.orientation);
    }
    return matches;
}

QHash<qint64, QueryEngine::BestReading> QueryEngine::bestReadings(const std::vector<std::vector<float>>& queries,
                                                                  const std::vector<SwatchOrientation>& orientations, int top,
                                                                  const std::vector<qint64>& among, bool everywhere,
                                                                  float otherReadingCost) const
{
    QHash<qint64, BestReading> best;
    QReadLocker locker(&m_library.indexLock());
    const VectorIndex* index = m_library.index();
    if (!index || index->size() == 0)
        throw Error(QCoreApplication::translate("weft::QueryEngine", "The library %1 has no indexed images yet: add a folder and let indexing run")
                        .arg(m_library.folder()));
    for (std::size_t q = 0; q < queries.size(); ++q)
        for (const SearchHit& hit : everywhere ? index->search(queries[q], top) : index->searchAmong(queries[q], top, among)) {
            const float score = readingScore(q, hit.score, otherReadingCost);
            const auto known = best.constFind(hit.id);
            if (known == best.constEnd() || score > known->score)
                best.insert(hit.id, {score, orientations[q]});
        }
    return best;
}

void QueryEngine::appendMatch(std::vector<Match>& matches, qint64 id, float score, SwatchOrientation orientation) const
{
    const auto record = m_catalog->image(id);
    if (!record)
        return;  // removed since the search: skip rather than show a dead entry
    Match match;
    match.imageId = id;
    match.path = record->path;
    match.score = score;
    match.rank = int(matches.size()) + 1;
    match.orientation = orientation;
    match.originalSize = QSize(record->width, record->height);
    match.contentHash = record->contentHash;
    matches.push_back(std::move(match));
}

}  // namespace weft
