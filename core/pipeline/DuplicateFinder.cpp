#include "core/pipeline/DuplicateFinder.h"

#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"
#include "core/features/PatternQuery.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QReadLocker>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace weft {

namespace {

// Images as positions 0..n-1 in the list compared.
class UnionFind {
public:
    explicit UnionFind(std::size_t size) : m_parent(size) { std::iota(m_parent.begin(), m_parent.end(), 0); }

    int root(int position)
    {
        while (m_parent[std::size_t(position)] != position) {
            m_parent[std::size_t(position)] = m_parent[std::size_t(m_parent[std::size_t(position)])];
            position = m_parent[std::size_t(position)];
        }
        return position;
    }
    void join(int a, int b) { m_parent[std::size_t(root(a))] = root(b); }

private:
    std::vector<int> m_parent;
};

struct Link {
    int a = 0;
    int b = 0;
    float pattern = 0;
    float colour = 0;
    bool sameColours() const { return colour >= DuplicateFinder::kSameColours; }
};

float dot(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.size() != b.size())
        return 0;
    return std::inner_product(a.begin(), a.end(), b.begin(), 0.0f);
}

// The links of each linked image, by position.
using LinksOf = QHash<int, std::vector<std::size_t>>;

// A component (positions) of `links` as a group; each member scored by its closest
// link inside the group, preferring links of the group's kind.
PrintGroup makeGroup(PrintGroup::Kind kind, const std::vector<int>& positions, const std::vector<Link>& links, const LinksOf& linksOf,
                     const std::vector<qint64>& ids, const Catalog& catalog)
{
    const QSet<int> inGroup(positions.begin(), positions.end());
    const bool wantSameColours = kind == PrintGroup::Kind::Duplicates;
    auto better = [&](const Link& candidate, const Link& known) {
        const bool candidateFits = candidate.sameColours() == wantSameColours, knownFits = known.sameColours() == wantSameColours;
        return candidateFits != knownFits ? candidateFits : candidate.pattern > known.pattern;
    };
    QHash<int, Link> closest;
    for (int position : positions)
        for (std::size_t index : linksOf.value(position)) {
            const Link& link = links[index];
            if (!inGroup.contains(link.a == position ? link.b : link.a))
                continue;
            const auto known = closest.constFind(position);
            if (known == closest.constEnd() || better(link, *known))
                closest.insert(position, link);
        }
    PrintGroup group;
    group.kind = kind;
    for (int position : positions) {
        const auto record = catalog.image(ids[std::size_t(position)]);
        if (!record)
            continue;   // removed from the library meanwhile
        PrintGroup::Member member;
        member.imageId = record->id;
        member.path = record->path;
        member.size = QSize(record->width, record->height);
        const Link link = closest.value(position);
        member.pattern = link.pattern;
        member.colour = link.colour;
        group.members.push_back(member);
    }
    std::sort(group.members.begin(), group.members.end(), [](const PrintGroup::Member& a, const PrintGroup::Member& b) {
        const qint64 areaA = qint64(a.size.width()) * a.size.height(), areaB = qint64(b.size.width()) * b.size.height();
        return areaA != areaB ? areaA > areaB : a.path < b.path;
    });
    return group;
}

}  // namespace

DuplicateFinder::DuplicateFinder(Library& library, const FeatureExtractor& extractor)
    : m_library(library), m_extractor(extractor), m_catalog(std::make_unique<Catalog>(library.catalog().path()))
{
}

DuplicateFinder::~DuplicateFinder() = default;

PrintGroups DuplicateFinder::find(const QString& folder, ProgressObserver* observer) const
{
    const FingerprintLayout layout = m_library.storedLayout(m_extractor.layout());
    if (!layout.find(FingerprintPart::Colour))
        throw Error(QCoreApplication::translate("weft::DuplicateFinder",
                                                "The library's method keeps no colour in its fingerprints (hsv=0), so copies cannot be told "
                                                "from colourways; index the library with a colour share"));
    // Likeness of patterns as "Find patterns like this" has it, in any colours, but
    // without the texture part: kSamePrint's thresholds were chosen on deep and
    // camera-view likeness alone (docs/BENCHMARKS.md, "Duplicates and colourways").
    MethodConfig anyColours = m_extractor.config();
    anyColours.likeHistogramWeight = 0;
    anyColours.likeTextureWeight = 0;

    std::vector<qint64> ids = m_catalog->fingerprintIds(m_library.methodKey());
    if (!folder.isEmpty()) {
        const std::vector<qint64> under = m_catalog->imageIdsUnder(folder);
        std::vector<qint64> both;
        std::set_intersection(ids.begin(), ids.end(), under.begin(), under.end(), std::back_inserter(both));
        ids = std::move(both);
    }
    if (ids.empty())
        throw Error(folder.isEmpty() ? QCoreApplication::translate("weft::DuplicateFinder",
                                                                   "The library %1 has no indexed images yet: add a folder and let indexing run")
                                           .arg(m_library.folder())
                                     : QCoreApplication::translate("weft::DuplicateFinder", "%1 holds no indexed images yet").arg(folder));
    QHash<qint64, int> positionOf;
    positionOf.reserve(qsizetype(ids.size()));
    for (std::size_t i = 0; i < ids.size(); ++i)
        positionOf.insert(ids[i], int(i));

    // Colour parts of the images that have a close neighbour, read once.
    QHash<int, std::vector<float>> colours;
    auto colourOf = [&](int position) -> const std::vector<float>& {
        auto known = colours.find(position);
        if (known == colours.end()) {
            const auto stored = m_catalog->fingerprint(ids[std::size_t(position)]);
            known = colours.insert(position, stored ? layout.part(stored->vector, FingerprintPart::Colour) : std::vector<float>());
        }
        return *known;
    };

    PrintGroups result;
    result.total = qint64(ids.size());
    result.samePrint = m_library.isProjected() ? kSamePrintProjected : kSamePrint;
    ProgressReport report;
    report.phase = ProgressPhase::Comparing;
    report.total = result.total;
    QElapsedTimer clock;
    clock.start();
    std::vector<Link> links;
    QSet<quint64> linked;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (observer && observer->shouldStop()) {
            result.stopped = true;
            break;
        }
        const auto stored = m_catalog->fingerprint(ids[i]);
        if (stored && stored->method == m_library.methodKey() && int(stored->vector.size()) == layout.dimension()) {
            const std::vector<float> query = patternQuery(stored->vector, anyColours, layout);
            // The index compares unit vectors; the query's length gives back the
            // share-weighted cosine, 1 for the same pattern.
            const float length = std::sqrt(dot(query, query));
            std::vector<SearchHit> hits;
            {
                QReadLocker locker(&m_library.indexLock());
                const VectorIndex* index = m_library.index();
                if (index && index->dim() == layout.dimension())
                    hits = folder.isEmpty() ? index->search(query, kNeighbours + 1) : index->searchAmong(query, kNeighbours + 1, ids);
            }
            for (const SearchHit& hit : hits) {
                const auto neighbour = positionOf.constFind(hit.id);
                const float pattern = hit.score * length;
                if (pattern < result.samePrint || neighbour == positionOf.constEnd() || *neighbour == int(i))
                    continue;
                const int a = std::min(int(i), *neighbour), b = std::max(int(i), *neighbour);
                const quint64 key = (quint64(quint32(a)) << 32) | quint32(b);
                if (linked.contains(key))
                    continue;
                linked.insert(key);
                links.push_back({a, b, pattern, colourLikeness(colourOf(a), colourOf(b))});
            }
        }
        ++result.compared;
        if (observer) {
            report.done = result.compared;
            const double seconds = clock.elapsed() / 1000.0;
            report.imagesPerSecond = seconds > 0 ? report.done / seconds : 0;
            report.secondsLeft = report.imagesPerSecond > 0 ? (report.total - report.done) / report.imagesPerSecond : -1;
            observer->progress(report);
        }
    }

    // Copies: joined by links in the same colours. One print: joined by any link;
    // a colourways group is one print with more than one set of copies in it.
    UnionFind copies(ids.size()), prints(ids.size());
    for (const Link& link : links) {
        prints.join(link.a, link.b);
        if (link.sameColours())
            copies.join(link.a, link.b);
    }
    LinksOf linksOf;
    for (std::size_t index = 0; index < links.size(); ++index) {
        linksOf[links[index].a].push_back(index);
        linksOf[links[index].b].push_back(index);
    }
    QHash<int, std::vector<int>> copySets, printSets;
    for (auto it = linksOf.cbegin(); it != linksOf.cend(); ++it) {
        copySets[copies.root(it.key())].push_back(it.key());
        printSets[prints.root(it.key())].push_back(it.key());
    }
    for (auto it = copySets.cbegin(); it != copySets.cend(); ++it)
        if (it->size() > 1)
            result.groups.push_back(makeGroup(PrintGroup::Kind::Duplicates, *it, links, linksOf, ids, *m_catalog));
    for (auto it = printSets.cbegin(); it != printSets.cend(); ++it) {
        QSet<int> copyRoots;
        for (int position : *it)
            copyRoots.insert(copies.root(position));
        if (copyRoots.size() > 1)
            result.groups.push_back(makeGroup(PrintGroup::Kind::Colourways, *it, links, linksOf, ids, *m_catalog));
    }
    result.groups.erase(std::remove_if(result.groups.begin(), result.groups.end(), [](const PrintGroup& g) { return g.members.size() < 2; }),
                        result.groups.end());
    std::sort(result.groups.begin(), result.groups.end(), [](const PrintGroup& a, const PrintGroup& b) {
        if (a.kind != b.kind)
            return a.kind == PrintGroup::Kind::Duplicates;
        if (a.members.size() != b.members.size())
            return a.members.size() > b.members.size();
        return a.members.front().path < b.members.front().path;
    });
    return result;
}

}  // namespace weft
