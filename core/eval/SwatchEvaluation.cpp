#include "core/eval/SwatchEvaluation.h"

#include "core/features/FeatureExtractor.h"
#include "core/features/Pooling.h"
#include "core/imaging/ImageDecoder.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Progress.h"
#include "core/pipeline/SwatchReranking.h"

#include <QElapsedTimer>
#include <QReadLocker>
#include <QSet>

#include <algorithm>
#include <functional>
#include <iterator>
#include <mutex>
#include <array>
#include <cmath>
#include <numeric>

namespace weft {

namespace {

// The buckets a query's photo falls in, one per breakdown, as indices into kBuckets.
const std::array<const char*, 9> kBuckets{"turn 0-15",   "turn 15-45", "turn 45-135", "turn 135-180", "not mirrored",
                                          "mirrored",    "zoom < 0.7", "zoom 0.7-1.4", "zoom > 1.4"};

std::array<int, 3> bucketsOf(const PhotoConditions& c)
{
    const int turn = c.turnFromUpright < 15 ? 0 : c.turnFromUpright < 45 ? 1 : c.turnFromUpright < 135 ? 2 : 3;
    const int mirror = c.mirrored ? 5 : 4;
    const int zoom = c.zoom < 0.7 ? 6 : c.zoom <= 1.4 ? 7 : 8;
    return {turn, mirror, zoom};
}

}  // namespace

SwatchEvaluationReport evaluateSwatches(Library& library, const FeatureExtractor& extractor, const SwatchSet& set, int maxQueries,
                                        ProgressObserver* observer)
{
    SwatchEvaluationReport report;

    // The ranking is over the set's library images only, with their catalog fingerprints.
    std::vector<std::vector<float>> vectors;
    std::vector<int> itemOfVector;        // position in set.items()
    std::vector<QByteArray> hashOfVector; // the file's content hash: copies are told apart by it (rerankBySwatchFit)
    std::vector<int> vectorOfItem(std::size_t(set.items().size()), -1);
    for (int i = 0; i < set.items().size(); ++i) {
        const auto record = library.catalog().imageByPath(set.items()[i].libraryImage);
        const auto fingerprint = record ? library.catalog().fingerprint(record->id) : std::nullopt;
        if (!fingerprint || fingerprint->method != library.methodKey()) {
            ++report.unusableLibraryImages;
            continue;
        }
        vectorOfItem[std::size_t(i)] = int(vectors.size());
        vectors.push_back(fingerprint->vector);
        itemOfVector.push_back(i);
        hashOfVector.push_back(record->contentHash);
    }
    report.libraryImages = int(vectors.size());

    // Queries whose library image has a fingerprint, thinned evenly to maxQueries.
    std::vector<int> candidates;
    for (int i = 0; i < set.items().size(); ++i)
        if (vectorOfItem[std::size_t(i)] >= 0)
            candidates.push_back(i);
    std::vector<int> queries = candidates;
    if (maxQueries > 0 && maxQueries < int(candidates.size())) {
        queries.clear();
        for (int k = 0; k < maxQueries; ++k)
            queries.push_back(candidates[std::size_t(qint64(k) * qint64(candidates.size()) / maxQueries)]);
    }

    const int n = int(vectors.size());
    QualityAccumulator accumulator;
    std::array<QualityAccumulator, kBuckets.size()> byBucket;
    double recallSum = 0;
    int recallQueries = 0;
    std::vector<float> scores(static_cast<std::size_t>(n));
    std::vector<int> order(static_cast<std::size_t>(n));
    const int verifyDepth = extractor.config().verifyDepth;
    std::vector<SwatchOrientation> orientations;   // of each query reading
    std::vector<float> everyWay(static_cast<std::size_t>(n));   // by the best of every reading
    std::vector<SwatchOrientation> wayUp(static_cast<std::size_t>(n));   // that reading's
    std::vector<float> fitting(static_cast<std::size_t>(n));   // by the best reading, others paying their cost
    std::vector<SwatchOrientation> fittingWay(static_cast<std::size_t>(n));   // that reading's
    QElapsedTimer clock;
    clock.start();
    ProgressReport progress;
    progress.phase = ProgressPhase::Querying;
    progress.total = qint64(queries.size());
    // The second look asks from its threads, one at a time; once asked, the stop stays.
    std::mutex askingObserver;
    const std::function<bool()> stopAsked = [&] {
        const std::lock_guard<std::mutex> lock(askingObserver);
        if (!report.stopped && observer && observer->shouldStop())
            report.stopped = true;
        return report.stopped;
    };
    for (int item : queries) {
        if (stopAsked())
            break;
        const SwatchItem& swatch = set.items()[item];
        std::vector<std::vector<float>> queries;   // one per reading, the swatch as photographed first
        QImage image;
        try {
            image = ImageDecoder::decode(swatch.query).image;
            orientations.clear();
            for (const FeatureExtractor::SwatchReading& reading : extractor.swatchFingerprints(
                     image, verifyDepth > 0 ? FeatureExtractor::SwatchReadings::EveryWay : FeatureExtractor::SwatchReadings::AsPhotographed)) {
                queries.push_back(library.swatchQuery(reading.fingerprint));
                orientations.push_back(reading.orientation);
            }
        } catch (const std::exception& error) {
            ++report.unusableQueries;
            ++progress.failed;
            if (observer)
                observer->fileFailed(swatch.query, QString::fromUtf8(error.what()));
        }
        if (!queries.empty()) {
            // The first results rank by the swatch as photographed (the first reading,
            // as QueryEngine::search). The second look scores the first of them by the
            // reading that fits each best, any but the first paying
            // QueryEngine::kOtherReadingCost, and finds others by the best of every
            // reading (QueryEngine::refine).
            for (int i = 0; i < n; ++i) {
                const auto v = std::size_t(i);
                for (std::size_t q = 0; q < queries.size(); ++q) {
                    const float cosine = dot(queries[q], vectors[v]);
                    const float uncharged = QueryEngine::readingScore(q, cosine, 0.0f);
                    const float charged = QueryEngine::readingScore(q, cosine, QueryEngine::kOtherReadingCost);
                    if (q == 0)
                        scores[v] = cosine;
                    if (q == 0 || uncharged > everyWay[v]) {
                        everyWay[v] = uncharged;
                        wayUp[v] = orientations[q];
                    }
                    if (q == 0 || charged > fitting[v]) {
                        fitting[v] = charged;
                        fittingWay[v] = orientations[q];
                    }
                }
            }
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return scores[std::size_t(a)] > scores[std::size_t(b)]; });
            if (verifyDepth > 0) {
                // The second look, as the app takes it; imageId holds the vector's position.
                const auto matchOf = [&](int v, float score, SwatchOrientation way) {
                    Match match;
                    match.imageId = v;
                    match.path = set.items()[itemOfVector[std::size_t(v)]].libraryImage;
                    match.score = score;
                    match.orientation = way;
                    match.contentHash = hashOfVector[std::size_t(v)];
                    return match;
                };
                std::vector<Match> best;
                for (int r = 0; r < std::min(verifyDepth, n); ++r) {
                    const int v = order[std::size_t(r)];
                    best.push_back(matchOf(v, fitting[std::size_t(v)], fittingWay[std::size_t(v)]));   // QueryEngine::scoreByBestReading
                }
                std::function<std::vector<Match>()> findOtherwise;
                if (queries.size() > 1) {
                    findOtherwise = [&] {
                        std::vector<int> byEveryWay(order.size());
                        std::iota(byEveryWay.begin(), byEveryWay.end(), 0);
                        const auto depth = std::min(std::size_t(verifyDepth), byEveryWay.size());
                        std::partial_sort(byEveryWay.begin(), byEveryWay.begin() + depth, byEveryWay.end(),
                                          [&](int a, int b) { return everyWay[std::size_t(a)] > everyWay[std::size_t(b)]; });
                        std::vector<Match> found;
                        for (std::size_t r = 0; r < depth; ++r)
                            found.push_back(matchOf(byEveryWay[r], everyWay[std::size_t(byEveryWay[r])], wayUp[std::size_t(byEveryWay[r])]));
                        return found;
                    };
                }
                // A stop asked for during the second look leaves this query out: its order would be the fingerprints' alone.
                rerankBySwatchFit(image, best, verifyDepth, findOtherwise, stopAsked);
                if (report.stopped)
                    break;
                // What it moved up from beyond the first results' best leaves its place below.
                QSet<int> lookedAt;
                for (const Match& match : best)
                    lookedAt.insert(int(match.imageId));
                std::vector<int> below;
                std::copy_if(order.begin(), order.end(), std::back_inserter(below),
                             [&](int v) { return !lookedAt.contains(v); });
                order.clear();
                for (const Match& match : best)
                    order.push_back(int(match.imageId));
                order.insert(order.end(), below.begin(), below.end());
            }
            std::vector<bool> relevant;
            relevant.reserve(std::size_t(n));
            for (int i : order)
                relevant.push_back(itemOfVector[std::size_t(i)] == item);
            const RankingQuality quality = rankingQuality(relevant, 1);
            accumulator.add(quality);
            report.ranks.push_back({item, quality.reciprocalRank > 0 ? int(std::lround(1.0 / quality.reciprocalRank)) : 0});
            for (const int bucket : bucketsOf(swatch.conditions()))
                byBucket[std::size_t(bucket)].add(quality);

            // The query is not in the index, so both searches' top ten compare as they are
            // (for the swatch as photographed: the index is searched the same way for each).
            QReadLocker locker(&library.indexLock());
            if (const VectorIndex* index = library.index()) {
                QSet<qint64> exact, approximate;
                for (const SearchHit& hit : index->searchExact(queries.front(), 10))
                    exact.insert(hit.id);
                for (const SearchHit& hit : index->search(queries.front(), 10))
                    approximate.insert(hit.id);
                if (!exact.isEmpty()) {
                    recallSum += double(QSet<qint64>(exact).intersect(approximate).size()) / double(exact.size());
                    ++recallQueries;
                }
            }
        }
        ++progress.done;
        if (observer) {
            const double seconds = clock.elapsed() / 1000.0;
            progress.currentFile = swatch.query;
            progress.imagesPerSecond = seconds > 0 ? progress.done / seconds : 0;
            progress.secondsLeft = progress.imagesPerSecond > 0 ? (progress.total - progress.done) / progress.imagesPerSecond : -1;
            observer->progress(progress);
        }
    }
    report.quality = accumulator.summary();
    for (std::size_t b = 0; b < kBuckets.size(); ++b)
        if (byBucket[b].summary().queries > 0)
            report.buckets.push_back({QString::fromLatin1(kBuckets[b]), byBucket[b].summary()});
    report.hnswRecallAt10 = recallQueries > 0 ? recallSum / recallQueries : 0;
    return report;
}

}  // namespace weft
