#include "core/eval/ClassEvaluation.h"

#include "core/common/Error.h"
#include "core/features/PatternQuery.h"
#include "core/features/Pooling.h"
#include "core/features/QueryExpansion.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Progress.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QReadLocker>
#include <QSet>
#include <QTextStream>

#include <algorithm>

namespace weft {

QList<LabelledImage> readLabels(const QString& csvPath, const QString& root)
{
    QFile file(csvPath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        throw Error(QStringLiteral("Cannot read the labels file %1: %2").arg(csvPath, file.errorString()));
    QList<LabelledImage> labels;
    QTextStream in(&file);
    int lineNumber = 0;
    const QDir rootDir(root);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty() || (lineNumber == 1 && line == QLatin1String("path,class")))
            continue;
        const int comma = line.lastIndexOf(QLatin1Char(','));
        if (comma <= 0 || comma == line.size() - 1)
            throw Error(QStringLiteral("%1 line %2: expected 'path,class'").arg(csvPath).arg(lineNumber));
        labels.append({QDir::cleanPath(rootDir.absoluteFilePath(line.left(comma))), line.mid(comma + 1)});
    }
    if (labels.isEmpty())
        throw Error(QStringLiteral("The labels file %1 lists no images").arg(csvPath));
    return labels;
}

ClassEvaluationReport evaluateClasses(Library& library, const MethodConfig& method, const FingerprintLayout& layout,
                                      const QList<LabelledImage>& labels, ProgressObserver* observer)
{
    ClassEvaluationReport report;
    std::vector<std::vector<float>> vectors;
    std::vector<qint64> ids;
    std::vector<int> classOf;
    QHash<QString, int> classIds;
    for (const LabelledImage& item : labels) {
        const auto record = library.catalog().imageByPath(item.path);
        const auto fingerprint = record ? library.catalog().fingerprint(record->id) : std::nullopt;
        if (!fingerprint || fingerprint->method != library.methodKey()) {
            ++report.unusable;
            continue;
        }
        vectors.push_back(fingerprint->vector);
        ids.push_back(record->id);
        classOf.push_back(classIds.value(item.label, int(classIds.size())));
        classIds.insert(item.label, classOf.back());
    }
    std::vector<int> classSize(classIds.size(), 0);
    for (int c : classOf)
        ++classSize[c];

    const int n = int(vectors.size());
    QualityAccumulator accumulator;
    double recallSum = 0;
    int recallQueries = 0;
    // Every labelled image but `self`, the most like `query` first (exact).
    std::vector<float> scores(n);
    const auto othersByScore = [&](const std::vector<float>& query, int self) {
        std::vector<qint64> order;
        order.reserve(std::size_t(n));
        for (int i = 0; i < n; ++i) {
            scores[std::size_t(i)] = dot(query, vectors[std::size_t(i)]);
            if (i != self)
                order.push_back(i);
        }
        std::stable_sort(order.begin(), order.end(), [&](qint64 a, qint64 b) { return scores[std::size_t(a)] > scores[std::size_t(b)]; });
        return order;
    };
    ProgressReport progress;
    progress.phase = ProgressPhase::Querying;
    progress.total = n;
    for (int q = 0; q < n; ++q) {
        if (observer) {
            progress.done = q;
            observer->progress(progress);
            if (observer->shouldStop()) {
                report.stopped = true;
                break;
            }
        }
        // As the app's "more like this" ranks: expanded by the first matches.
        const std::vector<float> query = patternQuery(vectors[q], method, layout);
        const std::vector<qint64> first = othersByScore(query, q);
        std::vector<std::vector<float>> firstMatches;
        for (std::size_t i = 0; i < first.size() && int(i) < QueryExpansion::kFirstMatches; ++i)
            firstMatches.push_back(patternQuery(vectors[std::size_t(first[i])], method, layout));
        const std::vector<qint64> ranked = QueryExpansion::expandedOrder(first, othersByScore(QueryExpansion::expandedQuery(query, firstMatches), q));
        std::vector<bool> relevant;
        relevant.reserve(n - 1);
        for (const qint64 i : ranked)
            relevant.push_back(classOf[std::size_t(i)] == classOf[q]);
        accumulator.add(rankingQuality(relevant, classSize[classOf[q]] - 1));

        QReadLocker locker(&library.indexLock());
        if (const VectorIndex* index = library.index()) {
            // Ask for 11 and drop the query itself, which both searches find first.
            const auto topTenOthers = [&](const std::vector<SearchHit>& hits) {
                QSet<qint64> found;
                for (const SearchHit& hit : hits)
                    if (hit.id != ids[q] && found.size() < 10)
                        found.insert(hit.id);
                return found;
            };
            const QSet<qint64> exact = topTenOthers(index->searchExact(query, 11));
            const QSet<qint64> approximate = topTenOthers(index->search(query, 11));
            if (!exact.isEmpty()) {
                recallSum += double(QSet<qint64>(exact).intersect(approximate).size()) / double(exact.size());
                ++recallQueries;
            }
        }
    }
    report.quality = accumulator.summary();
    report.hnswRecallAt10 = recallQueries > 0 ? recallSum / recallQueries : 0;
    return report;
}

}  // namespace weft
