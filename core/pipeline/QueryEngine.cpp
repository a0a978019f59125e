#include "core/pipeline/QueryEngine.h"

#include "core/common/Error.h"
#include "core/features/PatternQuery.h"
#include "core/pipeline/SwatchReranking.h"

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

std::vector<Match> QueryEngine::search(const QImage& rgb, int top) const
{
    return searchFingerprint(m_library.swatchQuery(extractor().fingerprint(rgb, FeatureExtractor::Purpose::Query)), top);
}

Components QueryEngine::swatchComponents(const QImage& rgb) const
{
    return extractor().detector() ? extractor().detector()->detect(rgb) : Components();
}

void QueryEngine::refine(const QImage& rgb, std::vector<Match>& matches) const
{
    rerankBySwatchFit(rgb, matches, extractor().config().verifyDepth);
}

std::vector<Match> QueryEngine::searchLike(const QString& indexedPath, int top) const
{
    const auto record = m_catalog->imageByPath(indexedPath);
    const auto stored = record ? m_catalog->fingerprint(record->id) : std::nullopt;
    if (!stored || stored->method != m_library.methodKey())
        throw Error(QStringLiteral("%1 is not indexed in this library yet, so there is nothing to compare it by; "
                                   "wait for indexing to reach it or drop it in as a swatch")
                        .arg(indexedPath));
    std::vector<Match> matches = searchFingerprint(patternQuery(stored->vector, extractor().config(), m_library.storedLayout(extractor().layout())), top + 1);
    matches.erase(std::remove_if(matches.begin(), matches.end(), [&](const Match& m) { return m.imageId == record->id; }), matches.end());
    if (int(matches.size()) > top)
        matches.resize(std::size_t(top));
    for (std::size_t i = 0; i < matches.size(); ++i)
        matches[i].rank = int(i) + 1;
    return matches;
}

std::vector<Match> QueryEngine::searchFingerprint(const std::vector<float>& fingerprint, int top) const
{
    std::vector<SearchHit> hits;
    {
        QReadLocker locker(&m_library.indexLock());
        const VectorIndex* index = m_library.index();
        if (!index || index->size() == 0)
            throw Error(QStringLiteral("The library %1 has no indexed images yet: add a folder and let indexing run").arg(m_library.folder()));
        hits = index->search(fingerprint, top);
    }
    std::vector<Match> matches;
    matches.reserve(hits.size());
    for (const SearchHit& hit : hits) {
        const auto record = m_catalog->image(hit.id);
        if (!record)
            continue;  // removed since the search: skip rather than show a dead entry
        matches.push_back({hit.id, record->path, hit.score, int(matches.size()) + 1});
    }
    return matches;
}

}  // namespace weft
