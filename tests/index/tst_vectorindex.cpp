#include "core/index/VectorIndex.h"

#include "core/common/QuantizedVector.h"
#include "core/index/IndexFiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <thread>

using namespace weft;

namespace {

using Vector = std::vector<float>;

Vector randomUnitVector(std::mt19937& random, int dim)
{
    std::normal_distribution<float> normal(0.0f, 1.0f);
    Vector v(static_cast<std::size_t>(dim));
    double sum = 0;
    for (float& x : v) {
        x = normal(random);
        sum += double(x) * x;
    }
    for (float& x : v)
        x = static_cast<float>(x / std::sqrt(sum));
    return v;
}

// The vector as the index keeps it (int8 codes and a scale), back as floats.
Vector storedForm(const Vector& v) { return dequantized(quantized(v)); }

double dot(const Vector& a, const Vector& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += double(a[i]) * double(b[i]);
    return sum;
}

// The test's own model of what the index holds: stored forms by id.
using Model = std::map<qint64, Vector>;

Model fill(VectorIndex& index, int count, std::mt19937& random, qint64 firstId = 1)
{
    Model model;
    for (int i = 0; i < count; ++i) {
        const qint64 id = firstId + i;
        const Vector v = randomUnitVector(random, index.dim());
        index.add(id, v);
        model[id] = storedForm(v);
    }
    return model;
}

struct Expected {
    qint64 id;
    double score;
};

// The true ranking of the stored vectors against the stored query.
std::vector<Expected> bruteForce(const Model& model, const Vector& query, int k)
{
    const Vector stored = storedForm(query);
    std::vector<Expected> all;
    for (const auto& [id, v] : model)
        all.push_back({id, dot(v, stored)});
    std::sort(all.begin(), all.end(), [](const Expected& a, const Expected& b) { return a.score > b.score; });
    all.resize(std::min<std::size_t>(all.size(), static_cast<std::size_t>(k)));
    return all;
}

// Same ids in the same order with the same scores; two items whose scores are
// equal to float precision may come in either order.
bool sameRanking(const std::vector<SearchHit>& hits, const std::vector<Expected>& expected, QString* why)
{
    if (hits.size() != expected.size()) {
        *why = QStringLiteral("%1 hits instead of %2").arg(hits.size()).arg(expected.size());
        return false;
    }
    for (std::size_t i = 0; i < hits.size(); ++i) {
        if (std::abs(hits[i].score - expected[i].score) > 1e-5) {
            *why = QStringLiteral("hit %1 scores %2 instead of %3").arg(i).arg(double(hits[i].score)).arg(expected[i].score);
            return false;
        }
        if (hits[i].id != expected[i].id) {
            const auto other = std::find_if(expected.begin(), expected.end(), [&](const Expected& e) { return e.id == hits[i].id; });
            if (other == expected.end() || std::abs(other->score - expected[i].score) > 1e-6) {
                *why = QStringLiteral("hit %1 is %2 instead of %3").arg(i).arg(hits[i].id).arg(expected[i].id);
                return false;
            }
        }
    }
    return true;
}

#define VERIFY_RANKING(hits, expected)                                     \
    do {                                                                   \
        QString why;                                                       \
        QVERIFY2(sameRanking((hits), (expected), &why), qPrintable(why));  \
    } while (false)

std::vector<qint64> idsOf(const std::vector<SearchHit>& hits)
{
    std::vector<qint64> ids;
    for (const SearchHit& hit : hits)
        ids.push_back(hit.id);
    return ids;
}

std::vector<qint64> idsOf(const Model& model)
{
    std::vector<qint64> ids;
    for (const auto& entry : model)
        ids.push_back(entry.first);
    return ids;
}

bool bestFirst(const std::vector<SearchHit>& hits)
{
    for (std::size_t i = 1; i < hits.size(); ++i)
        if (hits[i - 1].score < hits[i].score)
            return false;
    return true;
}

enum class Thrown { Nothing, IndexMissing, Error };

struct Outcome {
    Thrown thrown = Thrown::Nothing;
    QString message;
};

template <typename F>
Outcome outcomeOf(F&& f)
{
    try {
        f();
    } catch (const IndexMissing& e) {
        return {Thrown::IndexMissing, e.message()};
    } catch (const Error& e) {
        return {Thrown::Error, e.message()};
    }
    return {};
}

#define VERIFY_DAMAGED(outcome)                                                                                \
    do {                                                                                                       \
        const Outcome o_ = (outcome);                                                                          \
        QVERIFY2(o_.thrown == Thrown::Error, qPrintable(QStringLiteral("loaded: ") + o_.message));             \
        QVERIFY2(o_.message.contains(QStringLiteral("damaged")), qPrintable(o_.message));                      \
        QVERIFY2(o_.message.contains(QStringLiteral("index.json")), qPrintable(o_.message));                   \
    } while (false)

QString pathIn(const QString& folder, const QString& name) { return QDir(folder).filePath(name); }

QJsonObject readHeader(const QString& folder)
{
    QFile file(pathIn(folder, QStringLiteral("index.json")));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

void writeFile(const QString& path, const QByteArray& contents)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(file.write(contents), contents.size());
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// Every file in the folder, hidden ones too.
QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

const QStringList kKinds{QStringLiteral("links"), QStringLiteral("sums"), QStringLiteral("upper"), QStringLiteral("vectors")};

QString dataName(int generation, const QString& kind) { return QStringLiteral("index-%1.%2").arg(generation).arg(kind); }

// index.json and the four data files of `generation`, as filesIn() lists them.
QStringList generationFiles(int generation)
{
    QStringList names;
    for (const QString& kind : kKinds)
        names.append(dataName(generation, kind));
    names.append(QStringLiteral("index.json"));
    return names;
}

qint64 dataBytes(const QString& folder, int generation)
{
    qint64 bytes = 0;
    for (const QString& kind : kKinds)
        bytes += QFileInfo(pathIn(folder, dataName(generation, kind))).size();
    return bytes;
}

using Snapshot = std::map<QString, QByteArray>;

Snapshot snapshotOf(const QString& folder)
{
    Snapshot files;
    for (const QString& name : filesIn(folder))
        files[name] = readFile(pathIn(folder, name));
    return files;
}

void restore(const QString& folder, const Snapshot& files)
{
    for (const QString& name : filesIn(folder))
        QVERIFY(QFile::remove(pathIn(folder, name)));
    for (const auto& [name, contents] : files)
        writeFile(pathIn(folder, name), contents);
}

// Ids of the elements above level 0, from the upper file: [id][level][lists].
std::map<quint32, quint32> upperLevels(const QString& folder, int generation, int M)
{
    std::map<quint32, quint32> levels;
    const QByteArray bytes = readFile(pathIn(folder, dataName(generation, QStringLiteral("upper"))));
    for (qsizetype at = 0; at + 8 <= bytes.size();) {
        quint32 head[2];
        std::memcpy(head, bytes.constData() + at, sizeof head);
        levels[head[0]] = head[1];
        at += 8 + qsizetype(head[1]) * (4 + 4 * M);
    }
    return levels;
}

// Loads `folder` and checks it holds what `index` holds, byte for byte, and answers alike.
void verifyLoadsAs(const QString& folder, const VectorIndex& index, std::mt19937& random)
{
    std::unique_ptr<VectorIndex> loaded;
    const Outcome outcome = outcomeOf([&] { loaded = VectorIndex::load(folder); });
    QVERIFY2(outcome.thrown == Thrown::Nothing, qPrintable(outcome.message));
    QCOMPARE(loaded->contentChecksum(), index.contentChecksum());
    QCOMPARE(loaded->size(), index.size());
    QCOMPARE(loaded->ids(), index.ids());
    QCOMPARE(loaded->dim(), index.dim());
    QCOMPARE(loaded->M(), index.M());
    QCOMPARE(loaded->checkpointCatalogId(), index.checkpointCatalogId());
    QCOMPARE(loaded->checkpointGeneration(), index.checkpointGeneration());
    for (int q = 0; q < 20; ++q) {
        const Vector query = randomUnitVector(random, index.dim());
        const std::vector<SearchHit> before = index.search(query, 10);
        const std::vector<SearchHit> after = loaded->search(query, 10);
        QCOMPARE(idsOf(after), idsOf(before));
        for (std::size_t i = 0; i < after.size(); ++i)
            QCOMPARE(after[i].score, before[i].score);
    }
}

// Whether the data files end exactly where index.json says (no tail past the ends).
bool dataFilesEndAtHeader(const QString& folder)
{
    const QJsonObject header = readHeader(folder);
    const qint64 count = header.value(QStringLiteral("count")).toInteger();
    const qint64 dim = header.value(QStringLiteral("dim")).toInteger();
    const qint64 M = header.value(QStringLiteral("M")).toInteger();
    const int generation = header.value(QStringLiteral("file_generation")).toInt();
    const std::map<QString, qint64> sizes{{QStringLiteral("links"), count * (4 + 8 * M)},
                                          {QStringLiteral("vectors"), count * qint64(VectorIndex::storedBytes(int(dim)) + 8)},
                                          {QStringLiteral("upper"), header.value(QStringLiteral("upper_bytes")).toInteger()},
                                          {QStringLiteral("sums"), count * 24}};
    for (const auto& [kind, size] : sizes)
        if (QFileInfo(pathIn(folder, dataName(generation, kind))).size() != size)
            return false;
    return true;
}

// Rewrites index.json in `folder` with another format_version.
void setFormatVersion(const QString& folder, int version)
{
    QJsonObject header = readHeader(folder);
    header[QStringLiteral("format_version")] = version;
    writeFile(pathIn(folder, QStringLiteral("index.json")), QJsonDocument(header).toJson());
}

// A reader's load (Writes::None) of `folder` gives `state` and changes no file.
void verifyReaderLoads(const QString& folder, quint64 state)
{
    const Snapshot before = snapshotOf(folder);
    std::unique_ptr<VectorIndex> read;
    const Outcome outcome = outcomeOf([&] { read = VectorIndex::load(folder, VectorIndex::Writes::None); });
    QVERIFY2(outcome.thrown == Thrown::Nothing, qPrintable(outcome.message));
    QCOMPARE(read->contentChecksum(), state);
    QVERIFY(snapshotOf(folder) == before);
}

// Adds `count` items to `index`, which saves them incrementally to `folder`, leaving
// no bytes past the ends index.json counts; checks that the folder loads as `index`.
void verifyIncrementalSave(const QString& folder, VectorIndex& index, int count, qint64 firstId, std::mt19937& random)
{
    fill(index, count, random, firstId);
    index.save(folder);
    QVERIFY(!index.lastSave().full);
    QVERIFY(dataFilesEndAtHeader(folder));
    verifyLoadsAs(folder, index, random);
}

constexpr qint64 kJournalWhole = std::numeric_limits<qint64>::max();
constexpr qint64 kJournalHalf = std::numeric_limits<qint64>::min();

// Makes save() stop dead at one step, as a crash would; off again when destroyed.
class CrashAt {
public:
    CrashAt(const QByteArray& step, qint64 n)
    {
        indexfiles::setCrashProbeForTesting([step, n](const char* at, qint64 k) { return step == at && (n < 0 || k == n); });
    }
    ~CrashAt() { indexfiles::setCrashProbeForTesting({}); }
};

}  // namespace

class TestVectorIndex : public QObject {
    Q_OBJECT

private slots:
    void rejectsBadParameters();
    void exactSearchMatchesBruteForce();
    void hnswRecallAtTen();
    void kLargerThanSize();
    void addReplacesVector();
    void removeHidesItem();
    void searchGivesKHitsDespiteDeletions();
    void searchAmongKeepsToTheGivenIds();
    void wrongDimensionThrows();
    void poorGraphStillGivesKHits();
    void concurrentSearchesAgree();
    void addBatchBuildsInParallel();
    void addBatchStopsWhenAsked();
    void addBatchRejectsBadInput();
    void saveLoadRoundTrip();
    void firstSaveWritesNewGeneration();
    void reloadKeepsRemoved();
    void emptyIndexRoundTrip();
    void incrementalSaveWritesOnlyChanges();
    void incrementalSaveWritesAtMostTwiceTheAdded();
    void changedListsKeepTheirSavedOrder();
    void incrementalSaveOfRemovedAndReplaced();
    void incrementalSaveAboveOldMaxLevel();
    void bigChangeSavedInFull();
    void interruptedSaveKeepsOldIndex();
    void crashDuringJournaledSave_data();
    void crashDuringJournaledSave();
    void journalWithLostTailIsDamaged();
    void staleJournalIgnored();
    void truncatedDataFileIsDamaged_data();
    void truncatedDataFileIsDamaged();
    void longerDataFileIsATail_data();
    void longerDataFileIsATail();
    void format2FolderReadAndConverted();
    void corruptedDataFileIsDamaged_data();
    void corruptedDataFileIsDamaged();
    void garbageVectorWithRightChecksumIsDamaged();
    void missingDataFileIsDamaged_data();
    void missingDataFileIsDamaged();
    void format3FolderReadWhereItsLayoutHolds();
    void missingHeaderThrowsIndexMissing();
    void olderFormatThrowsIndexMissing();
    void newerFormatRefused();
    void garbageHeaderRefused_data();
    void garbageHeaderRefused();
    void headerNotMatchingDataRefused();
};

void TestVectorIndex::rejectsBadParameters()
{
    QCOMPARE(outcomeOf([] { VectorIndex(0, QStringLiteral("m")); }).thrown, Thrown::Error);
    QCOMPARE(outcomeOf([] { VectorIndex(8, QStringLiteral("m"), 1); }).thrown, Thrown::Error);
    QCOMPARE(outcomeOf([] { VectorIndex(8, QStringLiteral("m"), 16, 0); }).thrown, Thrown::Error);
    VectorIndex index(8, QStringLiteral("m"));
    QCOMPARE(index.dim(), 8);
    QCOMPARE(index.method(), QStringLiteral("m"));
    QCOMPARE(index.size(), std::size_t(0));
    QCOMPARE(index.ef(), VectorIndex::kDefaultEf);
    index.setEf(0);
    QCOMPARE(index.ef(), 1);
    QCOMPARE(index.checkpointCatalogId(), QString());
    QCOMPARE(index.checkpointGeneration(), quint64(0));
}

void TestVectorIndex::exactSearchMatchesBruteForce()
{
    std::mt19937 random(11);
    VectorIndex index(37, QStringLiteral("m"));  // 37: not a multiple of the SIMD widths
    const Model model = fill(index, 500, random, 1000);
    for (int q = 0; q < 20; ++q) {
        const Vector query = randomUnitVector(random, 37);
        VERIFY_RANKING(index.searchExact(query, 10), bruteForce(model, query, 10));
    }
    // A query that is not unit length is normalised: same order, cosine scores.
    Vector query = randomUnitVector(random, 37);
    const std::vector<Expected> expected = bruteForce(model, query, 5);
    for (float& x : query)
        x *= 3.0f;
    VERIFY_RANKING(index.searchExact(query, 5), expected);
    // Stored vectors are close to the floats given: scores within about 1e-3 of the floats' cosine.
    std::mt19937 again(11);
    VectorIndex plain(37, QStringLiteral("m"));
    const Vector first = randomUnitVector(again, 37);
    plain.add(1, first);
    const Vector other = randomUnitVector(again, 37);
    QVERIFY(std::abs(plain.searchExact(other, 1).front().score - dot(first, other)) < 0.01);
}

void TestVectorIndex::hnswRecallAtTen()
{
    std::mt19937 random(2024);
    VectorIndex index(64, QStringLiteral("m"));
    const Model model = fill(index, 2000, random);  // more than the initial capacity: grows
    QCOMPARE(index.size(), std::size_t(2000));
    QCOMPARE(index.ids(), idsOf(model));

    std::vector<Vector> queries;
    for (int q = 0; q < 200; ++q)
        queries.push_back(randomUnitVector(random, 64));
    // Random 64-dimensional data is hard for HNSW: the default ef keeps the bar the
    // float index had (0.95; both measure about 0.972), ef 128 clears 0.99.
    for (const auto& [ef, bar] : {std::pair<int, double>(VectorIndex::kDefaultEf, 0.95), std::pair<int, double>(128, 0.99)}) {
        index.setEf(ef);
        int found = 0, total = 0;
        for (const Vector& query : queries) {
            const std::vector<SearchHit> exact = index.searchExact(query, 10);
            const std::vector<SearchHit> hits = index.search(query, 10);
            QCOMPARE(hits.size(), std::size_t(10));
            QVERIFY(bestFirst(hits));
            std::set<qint64> truth;
            for (const SearchHit& e : exact)
                truth.insert(e.id);
            const Vector stored = storedForm(query);
            for (const SearchHit& hit : hits) {
                QVERIFY(std::abs(hit.score - dot(model.at(hit.id), stored)) < 1e-5);
                found += int(truth.count(hit.id));
            }
            total += 10;
        }
        const double recall = double(found) / total;
        qInfo("ef %d: recall@10 = %.4f", ef, recall);
        QVERIFY2(recall >= bar, qPrintable(QStringLiteral("ef %1: %2").arg(ef).arg(recall)));
    }
}

void TestVectorIndex::kLargerThanSize()
{
    std::mt19937 random(3);
    VectorIndex index(16, QStringLiteral("m"));
    const Vector query = randomUnitVector(random, 16);
    QVERIFY(index.search(query, 10).empty());
    QVERIFY(index.searchExact(query, 10).empty());
    const Model model = fill(index, 5, random);
    QCOMPARE(index.search(query, 10).size(), std::size_t(5));
    QCOMPARE(index.searchExact(query, 10).size(), std::size_t(5));
    QVERIFY(index.search(query, 0).empty());
    QVERIFY(index.searchExact(query, -1).empty());
    VERIFY_RANKING(index.search(query, 10), bruteForce(model, query, 5));
}

void TestVectorIndex::addReplacesVector()
{
    std::mt19937 random(5);
    VectorIndex index(32, QStringLiteral("m"));
    Model model = fill(index, 300, random);
    const Vector old = model[7];
    const Vector target = randomUnitVector(random, 32);
    index.add(7, target);
    model[7] = storedForm(target);
    QCOMPARE(index.size(), std::size_t(300));

    for (const auto& hits : {index.search(target, 3), index.searchExact(target, 3)}) {
        QCOMPARE(hits.front().id, qint64(7));
        QVERIFY(std::abs(hits.front().score - 1.0f) < 1e-5);
    }
    // The old vector is gone: 7 now scores what the new vector scores against it.
    bool seen = false;
    for (const SearchHit& hit : index.searchExact(old, 300)) {
        if (hit.id == 7) {
            QVERIFY(std::abs(hit.score - dot(old, model[7])) < 1e-5);
            seen = true;
        }
    }
    QVERIFY(seen);
    VERIFY_RANKING(index.searchExact(old, 10), bruteForce(model, old, 10));
}

void TestVectorIndex::removeHidesItem()
{
    std::mt19937 random(7);
    VectorIndex index(32, QStringLiteral("m"));
    Model model = fill(index, 400, random);
    std::set<qint64> removed;
    for (qint64 id = 1; id <= 400; id += 8)
        removed.insert(id);
    for (qint64 id : removed) {
        index.remove(id);
        model.erase(id);
    }
    index.remove(5);  // twice
    index.remove(5);
    index.remove(99999);  // never there
    model.erase(5);
    removed.insert(5);
    QCOMPARE(index.size(), model.size());
    QCOMPARE(index.ids(), idsOf(model));
    QVERIFY(!index.contains(1));
    QVERIFY(!index.contains(5));
    QVERIFY(index.contains(2));

    std::mt19937 other(70);
    for (qint64 id = 1; id <= 400; ++id) {
        const Vector query = randomUnitVector(other, 32);
        for (const auto& hits : {index.search(query, 20), index.searchExact(query, 20)}) {
            QCOMPARE(hits.size(), std::size_t(20));
            for (const SearchHit& hit : hits)
                QVERIFY2(!removed.count(hit.id), qPrintable(QString::number(hit.id)));
        }
    }

    // Re-adding a removed id (hnswlib updates the point and clears its mark).
    const Vector fresh = randomUnitVector(random, 32);
    index.add(9, fresh);
    model[9] = storedForm(fresh);
    QVERIFY(index.contains(9));
    QCOMPARE(index.size(), model.size());
    QCOMPARE(index.ids(), idsOf(model));
    QCOMPARE(index.search(fresh, 1).front().id, qint64(9));
    QVERIFY(std::abs(index.search(fresh, 1).front().score - 1.0f) < 1e-5);
    QCOMPARE(index.searchExact(fresh, 1).front().id, qint64(9));
}

void TestVectorIndex::searchGivesKHitsDespiteDeletions()
{
    std::mt19937 random(13);
    VectorIndex index(24, QStringLiteral("m"));
    Model model = fill(index, 1000, random);
    for (qint64 id = 1; id <= 1000; ++id) {
        if (id % 10 != 0) {
            index.remove(id);
            model.erase(id);
        }
    }
    QCOMPARE(index.size(), std::size_t(100));
    index.setEf(1);
    for (int q = 0; q < 30; ++q) {
        const Vector query = randomUnitVector(random, 24);
        const std::vector<SearchHit> hits = index.search(query, 50);
        QCOMPARE(hits.size(), std::size_t(50));
        QVERIFY(bestFirst(hits));
        std::set<qint64> distinct;
        for (const SearchHit& hit : hits) {
            QVERIFY(model.count(hit.id));
            distinct.insert(hit.id);
        }
        QCOMPARE(distinct.size(), std::size_t(50));
        // Asking for everything gives everything, in the true order.
        VERIFY_RANKING(index.search(query, 1000), bruteForce(model, query, 1000));
    }
    // Everything removed.
    for (qint64 id : idsOf(model))
        index.remove(id);
    QCOMPARE(index.size(), std::size_t(0));
    QVERIFY(index.search(randomUnitVector(random, 24), 5).empty());
    QVERIFY(index.ids().empty());
}

void TestVectorIndex::poorGraphStillGivesKHits()
{
    // M=2 and ef_construction=2 make a sparse graph in which hnswlib's walk can
    // end before finding k live items once most items are removed.
    std::mt19937 random(73);
    VectorIndex index(8, QStringLiteral("m"), 2, 2);
    Model model = fill(index, 3000, random);
    for (qint64 id = 1; id <= 3000; ++id) {
        if (id % 25 != 0) {
            index.remove(id);
            model.erase(id);
        }
    }
    index.setEf(1);
    for (int q = 0; q < 50; ++q) {
        const Vector query = randomUnitVector(random, 8);
        for (int k : {10, 60}) {
            const std::vector<SearchHit> hits = index.search(query, k);
            QCOMPARE(hits.size(), std::size_t(k));
            QVERIFY(bestFirst(hits));
            for (const SearchHit& hit : hits)
                QVERIFY(model.count(hit.id));
        }
        VERIFY_RANKING(index.search(query, 120), bruteForce(model, query, 120));  // all live items, true order
    }
}

void TestVectorIndex::searchAmongKeepsToTheGivenIds()
{
    std::mt19937 random(41);
    VectorIndex index(16, QStringLiteral("m"));
    Model model = fill(index, 2000, random);
    const auto keep = [&](const std::function<bool(qint64)>& wanted, std::vector<qint64>* among) {
        Model kept;
        for (const auto& [id, vector] : model)
            if (wanted(id)) {
                kept[id] = vector;
                among->push_back(id);
            }
        return kept;
    };
    // A few ids, one removed and one the index never had: compared one by one.
    std::vector<qint64> few;
    const Model fewModel = keep([](qint64 id) { return id % 97 == 0 && id != 970; }, &few);
    index.remove(970);
    few.insert(std::upper_bound(few.begin(), few.end(), qint64(970)), qint64(970));
    few.push_back(5000);
    // Most of them: the graph walked for more neighbours.
    std::vector<qint64> most;
    const Model mostModel = keep([](qint64 id) { return id % 5 != 0; }, &most);
    for (int q = 0; q < 20; ++q) {
        const Vector query = randomUnitVector(random, 16);
        VERIFY_RANKING(index.searchAmong(query, 10, few), bruteForce(fewModel, query, 10));
        VERIFY_RANKING(index.searchAmong(query, 100, few), bruteForce(fewModel, query, 100));   // all of them
        const std::vector<SearchHit> hits = index.searchAmong(query, 10, most);
        QCOMPARE(hits.size(), std::size_t(10));
        QVERIFY(bestFirst(hits));
        for (const SearchHit& hit : hits)
            QVERIFY(mostModel.count(hit.id));
    }
    QVERIFY(index.searchAmong(randomUnitVector(random, 16), 10, {}).empty());
    QVERIFY(index.searchAmong(randomUnitVector(random, 16), 10, {970, 5000}).empty());
}

void TestVectorIndex::wrongDimensionThrows()
{
    std::mt19937 random(17);
    VectorIndex index(16, QStringLiteral("m"));
    fill(index, 10, random);
    QCOMPARE(outcomeOf([&] { index.add(100, Vector(15, 0.25f)); }).thrown, Thrown::Error);
    QCOMPARE(outcomeOf([&] { index.add(100, Vector(17, 0.25f)); }).thrown, Thrown::Error);
    QCOMPARE(outcomeOf([&] { index.add(100, Vector()); }).thrown, Thrown::Error);
    QCOMPARE(outcomeOf([&] { index.add(100, Vector(16, 0.0f)); }).thrown, Thrown::Error);
    QCOMPARE(outcomeOf([&] { index.add(100, Vector(16, std::nanf(""))); }).thrown, Thrown::Error);
    QCOMPARE(outcomeOf([&] { index.search(Vector(8, 0.5f), 3); }).thrown, Thrown::Error);
    QCOMPARE(outcomeOf([&] { index.searchExact(Vector(32, 0.5f), 3); }).thrown, Thrown::Error);
    QCOMPARE(outcomeOf([&] { index.search(Vector(16, 0.0f), 3); }).thrown, Thrown::Error);
    QVERIFY(outcomeOf([&] { index.add(100, Vector(15, 0.25f)); }).message.contains(QStringLiteral("16")));
    QCOMPARE(index.size(), std::size_t(10));
    QVERIFY(!index.contains(100));
    // Any length other than zero will do: the vector is scaled to unit length.
    index.add(100, Vector(16, 1e-20f));
    QVERIFY(std::abs(index.search(Vector(16, 5.0f), 1).front().score - 1.0f) < 1e-5);
}

void TestVectorIndex::concurrentSearchesAgree()
{
    QTemporaryDir dir;
    std::mt19937 random(19);
    VectorIndex index(32, QStringLiteral("m"));
    fill(index, 1500, random);
    for (qint64 id = 1; id <= 1500; id += 3)
        index.remove(id);
    index.save(dir.path());
    std::vector<Vector> queries;
    std::vector<std::vector<qint64>> expected;
    for (int q = 0; q < 60; ++q) {
        queries.push_back(randomUnitVector(random, 32));
        expected.push_back(idsOf(index.search(queries.back(), 10)));
    }
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int round = 0; round < 5; ++round)
                for (std::size_t q = 0; q < queries.size(); ++q)
                    if (idsOf(index.search(queries[q], 10)) != expected[q])
                        ++mismatches[std::size_t(t)];
        });
    }
    // save() is const: it runs next to the searches (a full save elsewhere, a
    // no-op save here).
    QTemporaryDir other;
    index.save(other.path());
    index.save(dir.path());
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(mismatches, std::vector<int>(4, 0));
    QCOMPARE(VectorIndex::load(other.path())->contentChecksum(), index.contentChecksum());
}

void TestVectorIndex::addBatchStopsWhenAsked()
{
    // A repair's rebuild of a big index stops when the app quits: the items added
    // by then are searchable, the rest can be added later.
    std::mt19937 random(89);
    VectorIndex index(32, QStringLiteral("m"));
    std::vector<qint64> ids;
    std::vector<Vector> vectors;
    for (qint64 id = 1; id <= 2000; ++id) {
        ids.push_back(id);
        vectors.push_back(randomUnitVector(random, 32));
    }
    std::atomic<int> asked{0};
    QVERIFY_THROWS_EXCEPTION(WorkStopped, index.addBatch(ids, vectors, 2, [&] { return ++asked == 3; }));
    QVERIFY2(index.size() > 0 && index.size() < ids.size(), qPrintable(QString::number(index.size())));
    std::vector<qint64> rest;
    std::vector<Vector> restVectors;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (index.contains(ids[i])) {
            QCOMPARE(index.searchExact(vectors[i], 1).front().id, ids[i]);
        } else {
            rest.push_back(ids[i]);
            restVectors.push_back(vectors[i]);
        }
    }
    index.addBatch(rest, restVectors, 2);
    QCOMPARE(index.ids(), ids);
    for (const std::size_t i : {std::size_t(0), std::size_t(999), ids.size() - 1})
        QCOMPARE(index.search(vectors[i], 1).front().id, ids[i]);
}

void TestVectorIndex::addBatchBuildsInParallel()
{
    std::mt19937 random(83);
    VectorIndex index(32, QStringLiteral("m"));
    Model model = fill(index, 100, random);  // some there before
    std::vector<qint64> ids;
    std::vector<Vector> vectors;
    for (qint64 id = 1000; id < 4000; ++id) {
        ids.push_back(id);
        vectors.push_back(randomUnitVector(random, 32));
        model[id] = storedForm(vectors.back());
    }
    // Replacements in the same batch.
    for (qint64 id : {qint64(5), qint64(50)}) {
        ids.push_back(id);
        vectors.push_back(randomUnitVector(random, 32));
        model[id] = storedForm(vectors.back());
    }
    index.addBatch(ids, vectors, 3);
    QCOMPARE(index.size(), model.size());
    QCOMPARE(index.ids(), idsOf(model));
    for (const std::size_t i : {std::size_t(0), std::size_t(1234), ids.size() - 2, ids.size() - 1}) {
        const std::vector<SearchHit> hits = index.search(vectors[i], 1);
        QCOMPARE(hits.front().id, ids[i]);
        QVERIFY(std::abs(hits.front().score - 1.0f) < 1e-5);
    }
    int found = 0, total = 0;
    for (int q = 0; q < 100; ++q) {
        const Vector query = randomUnitVector(random, 32);
        std::set<qint64> truth;
        for (const Expected& e : bruteForce(model, query, 10))
            truth.insert(e.id);
        for (const SearchHit& hit : index.search(query, 10))
            found += int(truth.count(hit.id));
        total += 10;
    }
    qInfo("recall@10 after a parallel batch = %.4f", double(found) / total);
    QVERIFY(double(found) / total >= 0.97);

    // Saved and loaded like any other; one thread (0: one per core) works too.
    QTemporaryDir dir;
    index.save(dir.path());
    verifyLoadsAs(dir.path(), index, random);
    if (QTest::currentTestFailed())
        return;
    VectorIndex single(8, QStringLiteral("m"));
    single.addBatch({1, 2, 3}, {Vector(8, 1.0f), randomUnitVector(random, 8), randomUnitVector(random, 8)}, 1);
    single.addBatch({4}, {randomUnitVector(random, 8)}, 0);
    single.addBatch({}, {}, 2);
    QCOMPARE(single.ids(), (std::vector<qint64>{1, 2, 3, 4}));
}

void TestVectorIndex::addBatchRejectsBadInput()
{
    std::mt19937 random(89);
    VectorIndex index(16, QStringLiteral("m"));
    fill(index, 20, random);
    const quint64 before = index.contentChecksum();
    const Vector good = randomUnitVector(random, 16);
    for (const auto& [ids, vectors] : std::vector<std::pair<std::vector<qint64>, std::vector<Vector>>>{
             {{100, 101, 100}, {good, good, good}},               // an id twice
             {{100, 101}, {good}},                                // counts differ
             {{100, 101, 102}, {good, Vector(16, 0.0f), good}},   // a zero vector
             {{100, 3, 102}, {good, good, Vector(15, 0.5f)}},     // a wrong dimension
             {{100, 101}, {good, Vector(16, std::nanf(""))}}}) {  // not finite
        QCOMPARE(outcomeOf([&] { index.addBatch(ids, vectors, 2); }).thrown, Thrown::Error);
        QCOMPARE(index.contentChecksum(), before);  // nothing changed
        QCOMPARE(index.size(), std::size_t(20));
    }
}

void TestVectorIndex::saveLoadRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(QStringLiteral("library"));  // created by save()
    std::mt19937 random(23);
    VectorIndex index(24, QStringLiteral("dinov2-s14/gem"), 12, 100);
    Model model = fill(index, 300, random);
    const Vector negative = randomUnitVector(random, 24);
    index.add(-5, negative);
    model[-5] = storedForm(negative);
    index.setCheckpoint(QStringLiteral("3f2a-catalog"), 41);
    index.save(folder);

    QCOMPARE(filesIn(folder), generationFiles(1));
    const QJsonObject header = readHeader(folder);
    QCOMPARE(header.value(QStringLiteral("format")).toString(), QStringLiteral("weft-hnsw"));
    QCOMPARE(header.value(QStringLiteral("format_version")).toInt(), 4);
    QCOMPARE(header.value(QStringLiteral("dim")).toInt(), 24);
    QCOMPARE(header.value(QStringLiteral("method")).toString(), QStringLiteral("dinov2-s14/gem"));
    QCOMPARE(header.value(QStringLiteral("file_generation")).toInt(), 1);
    QCOMPARE(header.value(QStringLiteral("count")).toInt(), 301);
    QCOMPARE(header.value(QStringLiteral("live")).toInt(), 301);
    QCOMPARE(header.value(QStringLiteral("M")).toInt(), 12);
    QCOMPARE(header.value(QStringLiteral("ef_construction")).toInt(), 100);
    QVERIFY(header.value(QStringLiteral("max_level")).toInt() >= 1);
    QVERIFY(header.value(QStringLiteral("entry_point")).toInt() >= 0 && header.value(QStringLiteral("entry_point")).toInt() < 301);
    QCOMPARE(header.value(QStringLiteral("catalog_id")).toString(), QStringLiteral("3f2a-catalog"));
    QCOMPARE(header.value(QStringLiteral("generation")).toString(), QStringLiteral("41"));
    QCOMPARE(header.value(QStringLiteral("upper_bytes")).toInteger(), QFileInfo(pathIn(folder, QStringLiteral("index-1.upper"))).size());
    // Fixed-size records: links 4 + 2·M·4, vectors 4 + dim + 8, sums 3·8.
    QCOMPARE(QFileInfo(pathIn(folder, QStringLiteral("index-1.links"))).size(), 301 * (4 + 2 * 12 * 4));
    QCOMPARE(QFileInfo(pathIn(folder, QStringLiteral("index-1.vectors"))).size(), 301 * (4 + 24 + 8));
    QCOMPARE(QFileInfo(pathIn(folder, QStringLiteral("index-1.sums"))).size(), 301 * 24);
    QVERIFY(QFileInfo(pathIn(folder, QStringLiteral("index-1.upper"))).size() > 0);

    const VectorIndex::SaveStats stats = index.lastSave();
    QVERIFY(stats.full);
    QCOMPARE(stats.changedBytes, dataBytes(folder, 1));
    QCOMPARE(stats.bytesWritten, dataBytes(folder, 1) + QFileInfo(pathIn(folder, QStringLiteral("index.json"))).size());

    const std::unique_ptr<VectorIndex> loaded = VectorIndex::load(folder);
    QCOMPARE(loaded->dim(), 24);
    QCOMPARE(loaded->method(), QStringLiteral("dinov2-s14/gem"));
    QCOMPARE(loaded->M(), 12);
    QCOMPARE(loaded->efConstruction(), 100);
    QCOMPARE(loaded->size(), std::size_t(301));
    QCOMPARE(loaded->ids(), idsOf(model));
    QCOMPARE(loaded->checkpointCatalogId(), QStringLiteral("3f2a-catalog"));
    QCOMPARE(loaded->checkpointGeneration(), quint64(41));
    QVERIFY(loaded->contains(-5));
    QCOMPARE(loaded->search(negative, 1).front().id, qint64(-5));
    // Every link list, vector and id byte for byte.
    QCOMPARE(loaded->contentChecksum(), index.contentChecksum());
    for (int q = 0; q < 30; ++q) {
        const Vector query = randomUnitVector(random, 24);
        const std::vector<SearchHit> before = index.search(query, 10);
        const std::vector<SearchHit> after = loaded->search(query, 10);
        QCOMPARE(idsOf(after), idsOf(before));
        for (std::size_t i = 0; i < after.size(); ++i)
            QCOMPARE(after[i].score, before[i].score);
        QCOMPARE(idsOf(loaded->searchExact(query, 10)), idsOf(index.searchExact(query, 10)));
    }
    // The checksum sees a change anywhere.
    loaded->remove(3);
    QVERIFY(loaded->contentChecksum() != index.contentChecksum());
}

void TestVectorIndex::firstSaveWritesNewGeneration()
{
    QTemporaryDir dir;
    std::mt19937 random(29);
    VectorIndex index(8, QStringLiteral("m"));
    fill(index, 50, random);
    index.save(dir.path());
    QCOMPARE(filesIn(dir.path()), generationFiles(1));
    QVERIFY(index.lastSave().full);

    // Another index saved to the folder does not know its files: a new generation,
    // and the old one goes.
    VectorIndex other(8, QStringLiteral("m"));
    fill(other, 60, random, 100);
    other.save(dir.path());
    QVERIFY(other.lastSave().full);
    QCOMPARE(filesIn(dir.path()), generationFiles(2));
    QCOMPARE(readHeader(dir.path()).value(QStringLiteral("file_generation")).toInt(), 2);
    QCOMPARE(VectorIndex::load(dir.path())->contentChecksum(), other.contentChecksum());

    // Neither does the first one any more (its generation is gone): it saves in
    // full again, as it does to a folder it never saw.
    fill(index, 5, random, 1000);
    index.save(dir.path());
    QVERIFY(index.lastSave().full);
    QCOMPARE(filesIn(dir.path()), generationFiles(3));
    QTemporaryDir elsewhere;
    index.save(elsewhere.path());
    QVERIFY(index.lastSave().full);
    verifyLoadsAs(elsewhere.path(), index, random);
}

void TestVectorIndex::reloadKeepsRemoved()
{
    QTemporaryDir dir;
    std::mt19937 random(31);
    VectorIndex index(16, QStringLiteral("m"));
    Model model = fill(index, 200, random);
    std::set<qint64> removed{3, 4, 50, 199};
    for (qint64 id : removed) {
        index.remove(id);
        model.erase(id);
    }
    index.save(dir.path());
    QCOMPARE(readHeader(dir.path()).value(QStringLiteral("live")).toInt(), 196);
    QCOMPARE(readHeader(dir.path()).value(QStringLiteral("count")).toInt(), 200);

    std::unique_ptr<VectorIndex> loaded = VectorIndex::load(dir.path());
    QCOMPARE(loaded->size(), std::size_t(196));
    QCOMPARE(loaded->ids(), idsOf(model));
    for (qint64 id : removed)
        QVERIFY(!loaded->contains(id));
    for (int q = 0; q < 50; ++q) {
        const std::vector<SearchHit> hits = loaded->search(randomUnitVector(random, 16), 30);
        QCOMPARE(hits.size(), std::size_t(30));
        for (const SearchHit& hit : hits)
            QVERIFY(!removed.count(hit.id));
    }
    // The loaded index keeps working: removing, re-adding, growing past its capacity.
    loaded->remove(10);
    model.erase(10);
    const Vector back = randomUnitVector(random, 16);
    loaded->add(50, back);
    model[50] = storedForm(back);
    const Model more = fill(*loaded, 1200, random, 10000);
    model.insert(more.begin(), more.end());
    QCOMPARE(loaded->size(), model.size());
    QCOMPARE(loaded->ids(), idsOf(model));
    QCOMPARE(loaded->search(back, 1).front().id, qint64(50));
    const Vector query = randomUnitVector(random, 16);
    VERIFY_RANKING(loaded->searchExact(query, 10), bruteForce(model, query, 10));
    // And saves to where it came from.
    loaded->save(dir.path());
    verifyLoadsAs(dir.path(), *loaded, random);
}

void TestVectorIndex::emptyIndexRoundTrip()
{
    QTemporaryDir dir;
    VectorIndex(12, QStringLiteral("empty")).save(dir.path());
    QCOMPARE(readHeader(dir.path()).value(QStringLiteral("entry_point")).toInt(), -1);
    QCOMPARE(readHeader(dir.path()).value(QStringLiteral("max_level")).toInt(), -1);
    std::unique_ptr<VectorIndex> loaded = VectorIndex::load(dir.path());
    QCOMPARE(loaded->size(), std::size_t(0));
    QCOMPARE(loaded->dim(), 12);
    std::mt19937 random(37);
    QVERIFY(loaded->search(randomUnitVector(random, 12), 3).empty());
    const Model model = fill(*loaded, 20, random);
    QCOMPARE(loaded->size(), std::size_t(20));
    QCOMPARE(loaded->search(model.at(4), 1).front().id, qint64(4));
    loaded->save(dir.path());  // everything new: in full
    QVERIFY(loaded->lastSave().full);
    verifyLoadsAs(dir.path(), *loaded, random);
}

void TestVectorIndex::incrementalSaveWritesOnlyChanges()
{
    QTemporaryDir dir;
    std::mt19937 random(101);
    VectorIndex index(64, QStringLiteral("m"));
    fill(index, 2000, random);
    index.save(dir.path());
    QVERIFY(index.lastSave().full);
    const qint64 fullBytes = dataBytes(dir.path(), 1);

    fill(index, 10, random, 5000);
    index.save(dir.path());
    VectorIndex::SaveStats stats = index.lastSave();
    const qint64 added = dataBytes(dir.path(), 1) - fullBytes;
    qInfo("10 new of 2010: %lld changed bytes, %lld written, %lld added to the %lld in the files", stats.changedBytes,
          stats.bytesWritten, added, fullBytes);
    QVERIFY(!stats.full);
    QVERIFY(added >= 10 * (4 + 2 * 16 * 4 + 4 + 64 + 8 + 24));
    // The new records once, appended; the changed bytes of old link lists twice,
    // journal and in place (their sums only in place).
    QVERIFY2(stats.changedBytes > added, qPrintable(QString::number(stats.changedBytes)));
    QVERIFY2(stats.changedBytes < fullBytes / 10, qPrintable(QString::number(stats.changedBytes)));
    QVERIFY2(stats.bytesWritten > stats.changedBytes, qPrintable(QString::number(stats.bytesWritten)));
    QVERIFY2(stats.bytesWritten <= 2 * stats.changedBytes - added + 64 * 1024, qPrintable(QString::number(stats.bytesWritten)));
    QCOMPARE(filesIn(dir.path()), generationFiles(1));  // same generation, no journal left
    verifyLoadsAs(dir.path(), index, random);
    if (QTest::currentTestFailed())
        return;

    // Nothing changed: nothing written.
    const Snapshot before = snapshotOf(dir.path());
    index.save(dir.path());
    stats = index.lastSave();
    QCOMPARE(stats.bytesWritten, qint64(0));
    QCOMPARE(stats.changedBytes, qint64(0));
    QVERIFY(!stats.full);
    QVERIFY(snapshotOf(dir.path()) == before);

    // Only the checkpoint: only index.json.
    index.setCheckpoint(QStringLiteral("catalog-7"), Q_UINT64_C(18446744073709551600));
    index.save(dir.path());
    stats = index.lastSave();
    QCOMPARE(stats.changedBytes, qint64(0));
    QCOMPARE(stats.bytesWritten, QFileInfo(pathIn(dir.path(), QStringLiteral("index.json"))).size());
    QCOMPARE(readHeader(dir.path()).value(QStringLiteral("generation")).toString(), QStringLiteral("18446744073709551600"));
    for (const QString& kind : kKinds)
        QCOMPARE(readFile(pathIn(dir.path(), dataName(1, kind))), before.at(dataName(1, kind)));
    verifyLoadsAs(dir.path(), index, random);
    if (QTest::currentTestFailed())
        return;

    // A loaded index saves incrementally to its folder too.
    std::unique_ptr<VectorIndex> loaded = VectorIndex::load(dir.path());
    fill(*loaded, 3, random, 9000);
    loaded->save(dir.path());
    QVERIFY(!loaded->lastSave().full);
    QVERIFY(loaded->lastSave().changedBytes < fullBytes / 20);
    verifyLoadsAs(dir.path(), *loaded, random);
}

void TestVectorIndex::incrementalSaveWritesAtMostTwiceTheAdded()
{
    // Issue 10's bound: no save writes more than twice what it adds to the files. New
    // elements' records (about 940 bytes at 768 dimensions) are written once; the
    // old link lists they change, only in the bytes that changed, twice.
    QTemporaryDir dir;
    std::mt19937 random(151);
    VectorIndex index(768, QStringLiteral("m"));
    fill(index, 2000, random);
    index.save(dir.path());
    qint64 firstId = 10000;
    for (const int count : {200, 200, 20, 1}) {  // one item too: index.json is written once
        const qint64 before = dataBytes(dir.path(), 1);
        fill(index, count, random, firstId);
        firstId += count;
        index.save(dir.path());
        const VectorIndex::SaveStats stats = index.lastSave();
        const qint64 added = dataBytes(dir.path(), 1) - before;
        qInfo("%d new of %zu: %lld bytes written for %lld added", count, index.size(), stats.bytesWritten, added);
        QVERIFY(!stats.full);
        QVERIFY2(stats.bytesWritten <= 2 * added, qPrintable(QStringLiteral("%1 written for %2 added").arg(stats.bytesWritten).arg(added)));
    }
    verifyLoadsAs(dir.path(), index, random);
}

void TestVectorIndex::changedListsKeepTheirSavedOrder()
{
    // hnswlib rewrites a full level-0 list in order of distance when it takes a new
    // neighbour; the index puts the ids it keeps back where they were saved, so that
    // a save writes only the places that changed.
    QTemporaryDir dir;
    std::mt19937 random(157);
    VectorIndex index(32, QStringLiteral("m"), 4, 40);  // M=4: lists of 8 fill fast
    fill(index, 600, random);
    const QString linksPath = pathIn(dir.path(), dataName(1, QStringLiteral("links")));
    constexpr int kRecord = 4 + 8 * 4;
    // Saves `index`; returns how many of the first `saved` lists changed, and how many
    // ids kept from the last save stand elsewhere now.
    QByteArray before;
    auto saveAndCompare = [&](int saved, int* moved) {
        index.save(dir.path());
        const QByteArray after = readFile(linksPath);
        int changed = 0;
        *moved = 0;
        for (int i = 0; i < saved && !before.isEmpty(); ++i) {
            quint32 old[9], now[9];
            std::memcpy(old, before.constData() + i * kRecord, kRecord);
            std::memcpy(now, after.constData() + i * kRecord, kRecord);
            const quint32 oldCount = old[0] & 0xffff, nowCount = now[0] & 0xffff;
            const std::set<quint32> present(now + 1, now + 1 + nowCount);
            changed += std::memcmp(old, now, kRecord) != 0;
            for (quint32 p = 0; p < std::min(oldCount, nowCount); ++p)
                *moved += present.count(old[1 + p]) && now[1 + p] != old[1 + p];
        }
        before = after;
        return changed;
    };
    int moved = 0;
    saveAndCompare(0, &moved);

    // A big batch (every saved list compared), then items one by one.
    std::vector<qint64> ids;
    std::vector<Vector> vectors;
    for (int i = 0; i < 200; ++i) {
        ids.push_back(10000 + i);
        vectors.push_back(randomUnitVector(random, 32));
    }
    index.addBatch(ids, vectors, 2);
    fill(index, 100, random, 20000);
    int changed = saveAndCompare(600, &moved);
    QVERIFY(!index.lastSave().full);
    QVERIFY2(changed > 100, qPrintable(QString::number(changed)));
    QCOMPARE(moved, 0);

    // A small batch (its items' neighbours' lists): one item, whose neighbours are
    // all the lists it changed.
    index.addBatch({30000}, {randomUnitVector(random, 32)}, 1);
    changed = saveAndCompare(900, &moved);
    QVERIFY2(changed >= 1, qPrintable(QString::number(changed)));
    QCOMPARE(moved, 0);
    verifyLoadsAs(dir.path(), index, random);
}

void TestVectorIndex::incrementalSaveOfRemovedAndReplaced()
{
    QTemporaryDir dir;
    std::mt19937 random(103);
    VectorIndex index(32, QStringLiteral("m"));
    fill(index, 1500, random);
    index.save(dir.path());
    const qint64 fullBytes = dataBytes(dir.path(), 1);

    for (qint64 id : {3, 77, 500, 1499, 1500, 640, 641})
        index.remove(id);
    index.save(dir.path());
    VectorIndex::SaveStats stats = index.lastSave();
    QVERIFY(!stats.full);
    // A deleted mark changes one byte of a links record and the links sum (8 bytes,
    // a few of which may stay the same) per item; the sums of the neighbours 640 and
    // 641, 1499 and 1500 go in place in one write each, with the 16 bytes between.
    QVERIFY2(stats.changedBytes >= 7 * (1 + 4) && stats.changedBytes <= 7 * (1 + 8) + 2 * 16, qPrintable(QString::number(stats.changedBytes)));
    QVERIFY(stats.bytesWritten <= 2 * stats.changedBytes + 64 * 1024);
    verifyLoadsAs(dir.path(), index, random);
    if (QTest::currentTestFailed())
        return;

    // Replaced vectors (also of a removed item, which comes back).
    std::map<qint64, Vector> replaced;
    for (qint64 id : {10, 11, 640, 1200})
        replaced[id] = randomUnitVector(random, 32);
    for (const auto& [id, vector] : replaced)
        index.add(id, vector);
    index.save(dir.path());
    stats = index.lastSave();
    QVERIFY(!stats.full);
    QVERIFY(stats.changedBytes >= qint64(4 * (4 + 32 + 8)));
    QVERIFY2(stats.changedBytes < fullBytes / 5, qPrintable(QString::number(stats.changedBytes)));
    QVERIFY(stats.bytesWritten <= 2 * stats.changedBytes + 64 * 1024);
    verifyLoadsAs(dir.path(), index, random);
    if (QTest::currentTestFailed())
        return;
    const std::unique_ptr<VectorIndex> loaded = VectorIndex::load(dir.path());
    for (const auto& [id, vector] : replaced) {
        const std::vector<SearchHit> hits = loaded->searchExact(vector, 1);
        QCOMPARE(hits.front().id, id);
        QVERIFY(std::abs(hits.front().score - 1.0f) < 1e-5);
    }
    QVERIFY(loaded->contains(640));
    QVERIFY(!loaded->contains(641));

}

void TestVectorIndex::incrementalSaveAboveOldMaxLevel()
{
    // M=4 draws levels often (P(level ≥ l) = 4^−l); add until an element lands
    // above the saved maximum, saving every few additions.
    QTemporaryDir dir;
    std::mt19937 random(107);
    VectorIndex index(8, QStringLiteral("m"), 4, 40);
    fill(index, 300, random);
    index.save(dir.path());
    const int firstMax = readHeader(dir.path()).value(QStringLiteral("max_level")).toInt();
    const int firstEntry = readHeader(dir.path()).value(QStringLiteral("entry_point")).toInt();
    bool raised = false;
    for (qint64 next = 10000; next < 20000 && !raised; next += 10) {
        fill(index, 10, random, next);
        index.save(dir.path());
        QVERIFY2(!index.lastSave().full, qPrintable(QString::number(index.lastSave().changedBytes)));
        raised = readHeader(dir.path()).value(QStringLiteral("max_level")).toInt() > firstMax;
    }
    QVERIFY(raised);
    QVERIFY(readHeader(dir.path()).value(QStringLiteral("entry_point")).toInt() != firstEntry);
    QCOMPARE(readHeader(dir.path()).value(QStringLiteral("upper_bytes")).toInteger(), QFileInfo(pathIn(dir.path(), QStringLiteral("index-1.upper"))).size());
    verifyLoadsAs(dir.path(), index, random);
}

void TestVectorIndex::bigChangeSavedInFull()
{
    // Rewriting beats journaling when most old records changed: a journal writes
    // their changes twice. Here every vector (256 of 424 bytes per element) is new.
    QTemporaryDir dir;
    std::mt19937 random(109);
    VectorIndex index(256, QStringLiteral("m"));
    fill(index, 100, random);
    index.save(dir.path());
    fill(index, 100, random);
    index.save(dir.path());
    QVERIFY(index.lastSave().full);
    QCOMPARE(filesIn(dir.path()), generationFiles(2));
    verifyLoadsAs(dir.path(), index, random);
}

void TestVectorIndex::interruptedSaveKeepsOldIndex()
{
    QTemporaryDir dir;
    std::mt19937 random(41);
    VectorIndex index(16, QStringLiteral("m"));
    const Model model = fill(index, 150, random);
    index.save(dir.path());
    const QByteArray committedHeader = readFile(pathIn(dir.path(), QStringLiteral("index.json")));

    // A full save of another index that got as far as its complete data files (and
    // a partial temporary header) but never replaced index.json ...
    VectorIndex changed(16, QStringLiteral("m"));
    fill(changed, 40, random, 5000);
    {
        CrashAt crash("full:data", -1);
        changed.save(dir.path());
    }
    QVERIFY(QFileInfo::exists(pathIn(dir.path(), QStringLiteral("index-2.vectors"))));
    writeFile(pathIn(dir.path(), QStringLiteral(".index.json.0123.tmp")), readFile(pathIn(dir.path(), QStringLiteral("index.json"))).left(40));
    // ... and one that died while writing.
    writeFile(pathIn(dir.path(), QStringLiteral("index-3.links")), QByteArray(100, 'x'));

    QCOMPARE(readFile(pathIn(dir.path(), QStringLiteral("index.json"))), committedHeader);
    std::unique_ptr<VectorIndex> loaded = VectorIndex::load(dir.path());
    QCOMPARE(loaded->size(), std::size_t(150));
    QCOMPARE(loaded->ids(), idsOf(model));
    QCOMPARE(loaded->contentChecksum(), index.contentChecksum());
    const Vector query = randomUnitVector(random, 16);
    QCOMPARE(idsOf(loaded->search(query, 10)), idsOf(index.search(query, 10)));

    // The next save cleans the leftovers up (this one has nothing to write).
    loaded->save(dir.path());
    QCOMPARE(loaded->lastSave().bytesWritten, qint64(0));
    QCOMPARE(filesIn(dir.path()), generationFiles(1));

    // A full save never reuses a leftover's generation.
    writeFile(pathIn(dir.path(), QStringLiteral("index-7.sums")), QByteArray(24, 'x'));
    changed.save(dir.path());
    QCOMPARE(filesIn(dir.path()), generationFiles(8));
    // One that crashed after its header but before removing the old files: committed.
    fill(index, 1, random, 7000);
    {
        CrashAt crash("full:header", -1);
        index.save(dir.path());
    }
    QCOMPARE(filesIn(dir.path()).size(), 9);
    verifyLoadsAs(dir.path(), index, random);
}

void TestVectorIndex::crashDuringJournaledSave_data()
{
    // Where save() stops (its step and the count it reports there: −1 any, −2 half
    // the runs of records, −3 the last), how much of the journal then stays (bytes
    // kept, or cut from its end when negative, or kJournalHalf / kJournalWhole), how
    // much of the new elements' records appended past the committed ends (the tail)
    // stays, and whether load() must give the new state (else the old one).
    QTest::addColumn<QByteArray>("step");
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("journalKept");
    QTest::addColumn<bool>("flipInJournal");
    QTest::addColumn<double>("tailKept");
    QTest::addColumn<bool>("expectNew");
    for (const double kept : {0.0, 0.3, 0.5, 0.99})
        QTest::addRow("tail %d%% written", int(kept * 100)) << QByteArray("tail:written") << qint64(-1) << kJournalWhole << false << kept << false;
    QTest::newRow("tail written, not flushed") << QByteArray("tail:written") << qint64(-1) << kJournalWhole << false << 1.0 << false;
    QTest::newRow("tail flushed") << QByteArray("tail:synced") << qint64(-1) << kJournalWhole << false << 1.0 << false;
    for (const qint64 kept : {0, 1, 8, 20, 100})
        QTest::addRow("journal cut to %lld bytes", kept) << QByteArray("journal:written") << qint64(-1) << kept << false << 1.0 << false;
    for (const qint64 cut : {-17, -16, -9, -1})  // the trailer (16 bytes), or the last record's byte too
        QTest::addRow("journal cut by %lld bytes", -cut) << QByteArray("journal:written") << qint64(-1) << cut << false << 1.0 << false;
    QTest::newRow("journal cut in half") << QByteArray("journal:written") << qint64(-1) << kJournalHalf << false << 1.0 << false;
    QTest::newRow("journal cut in half, tail too") << QByteArray("journal:written") << qint64(-1) << kJournalHalf << false << 0.5 << false;
    QTest::newRow("journal written, damaged") << QByteArray("journal:synced") << qint64(-1) << kJournalWhole << true << 1.0 << false;
    // index.json is replaced after the journal is flushed and before anything changes
    // in place: it commits the save, which a replay of the journal then completes.
    QTest::newRow("journal written, not flushed") << QByteArray("journal:written") << qint64(-1) << kJournalWhole << false << 1.0 << false;
    QTest::newRow("journal flushed") << QByteArray("journal:synced") << qint64(-1) << kJournalWhole << false << 1.0 << false;
    QTest::newRow("header written") << QByteArray("header:written") << qint64(-1) << kJournalWhole << false << 1.0 << true;
    QTest::newRow("first run applied") << QByteArray("apply:run") << qint64(1) << kJournalWhole << false << 1.0 << true;
    QTest::newRow("two runs applied") << QByteArray("apply:run") << qint64(2) << kJournalWhole << false << 1.0 << true;
    QTest::newRow("half the runs applied") << QByteArray("apply:run") << qint64(-2) << kJournalWhole << false << 1.0 << true;
    QTest::newRow("all runs applied") << QByteArray("apply:run") << qint64(-3) << kJournalWhole << false << 1.0 << true;
    QTest::newRow("data files flushed") << QByteArray("apply:synced") << qint64(-1) << kJournalWhole << false << 1.0 << true;
}

namespace {

// What the crash test saves: new items, removals and replaced vectors.
void changeForCrashTest(VectorIndex& index)
{
    std::mt19937 random(777);
    fill(index, 12, random, 90000);
    for (qint64 id : {10, 20, 30})
        index.remove(id);
    for (qint64 id : {40, 41})
        index.add(id, randomUnitVector(random, index.dim()));
}

// The folder the crash tests start from.
void saveCrashFixture(const QString& folder, std::mt19937& random)
{
    VectorIndex index(16, QStringLiteral("m"));
    fill(index, 400, random);
    index.save(folder);
}

// Loads `folder`, makes the crash test's change and saves it up to `step`.
void crashWhileSavingChange(const QString& folder, const QByteArray& step, qint64 n)
{
    std::unique_ptr<VectorIndex> index = VectorIndex::load(folder);
    changeForCrashTest(*index);
    CrashAt crash(step, n);
    index->save(folder);
}

}  // namespace

void TestVectorIndex::crashDuringJournaledSave()
{
    QFETCH(QByteArray, step);
    QFETCH(qint64, n);
    QFETCH(qint64, journalKept);
    QFETCH(bool, flipInJournal);
    QFETCH(double, tailKept);
    QFETCH(bool, expectNew);

    QTemporaryDir dir;
    std::mt19937 random(113);
    saveCrashFixture(dir.path(), random);
    const Snapshot old = snapshotOf(dir.path());
    const quint64 oldState = VectorIndex::load(dir.path())->contentChecksum();

    // The state a complete save reaches, and how many runs of records it applies.
    qint64 runs = 0;
    quint64 newState = 0;
    {
        std::unique_ptr<VectorIndex> index = VectorIndex::load(dir.path());
        changeForCrashTest(*index);
        newState = index->contentChecksum();
        indexfiles::setCrashProbeForTesting([&](const char* at, qint64 k) {
            if (QByteArray(at) == "apply:run")
                runs = std::max(runs, k);
            return false;
        });
        index->save(dir.path());
        indexfiles::setCrashProbeForTesting({});
        QVERIFY(!index->lastSave().full);
        QCOMPARE(VectorIndex::load(dir.path())->contentChecksum(), newState);
    }
    QVERIFY(runs >= 4);
    QVERIFY(newState != oldState);
    if (n == -2)
        n = runs / 2;
    else if (n == -3)
        n = runs;

    restore(dir.path(), old);
    crashWhileSavingChange(dir.path(), step, n);
    // The tail: every data file grew past its committed end.
    for (const QString& kind : kKinds) {
        const QString path = pathIn(dir.path(), dataName(1, kind));
        const qint64 committed = old.at(dataName(1, kind)).size();
        const qint64 size = QFileInfo(path).size();
        if (kind != QStringLiteral("upper"))
            QVERIFY2(size > committed, qPrintable(kind));
        if (tailKept < 1.0)
            QVERIFY(QFile::resize(path, committed + qint64(double(size - committed) * tailKept)));
    }
    const QString journal = pathIn(dir.path(), QStringLiteral("index-1.journal"));
    const bool journaled = !step.startsWith("tail:");
    QCOMPARE(QFileInfo::exists(journal), journaled);
    if (journaled) {
        const qint64 journalSize = QFileInfo(journal).size();
        if (journalKept != kJournalWhole)
            QVERIFY(QFile::resize(journal, journalKept == kJournalHalf ? journalSize / 2 : journalKept >= 0 ? journalKept : journalSize + journalKept));
        if (flipInJournal) {
            QByteArray bytes = readFile(journal);
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x20);
            writeFile(journal, bytes);
        }
    }
    if (!expectNew)  // what index.json counts was not touched
        for (const QString& kind : kKinds)
            QCOMPARE(readFile(pathIn(dir.path(), dataName(1, kind))).left(old.at(dataName(1, kind)).size()), old.at(dataName(1, kind)));

    if (journaled) {
        // A reader (another process, without the write lock) leaves the journal alone.
        const Snapshot beforeReader = snapshotOf(dir.path());
        QVERIFY_THROWS_EXCEPTION(IndexBeingSaved, VectorIndex::load(dir.path(), VectorIndex::Writes::None));
        QVERIFY(snapshotOf(dir.path()) == beforeReader);
    } else {
        // A reader reads what index.json counts and leaves the tail alone.
        verifyReaderLoads(dir.path(), oldState);
        if (QTest::currentTestFailed())
            return;
    }

    std::unique_ptr<VectorIndex> loaded;
    const Outcome outcome = outcomeOf([&] { loaded = VectorIndex::load(dir.path()); });
    QVERIFY2(outcome.thrown == Thrown::Nothing, qPrintable(outcome.message));
    QCOMPARE(loaded->contentChecksum(), expectNew ? newState : oldState);
    QVERIFY(!QFileInfo::exists(journal));
    QCOMPARE(filesIn(dir.path()), generationFiles(1));
    if (expectNew)
        QVERIFY(dataFilesEndAtHeader(dir.path()));
    // Loading again gives the same (the replay is done), and the folder takes saves,
    // which overwrite and cut off what an interrupted save left past the ends.
    QCOMPARE(VectorIndex::load(dir.path())->contentChecksum(), loaded->contentChecksum());
    verifyIncrementalSave(dir.path(), *loaded, 2, 123456, random);
}

void TestVectorIndex::journalWithLostTailIsDamaged()
{
    // A journal is written only after the tail it commits is flushed; should the
    // tail still be lost (a disk that lies about flushing), load() reports damage.
    QTemporaryDir dir;
    std::mt19937 random(117);
    saveCrashFixture(dir.path(), random);
    const qint64 committed = QFileInfo(pathIn(dir.path(), dataName(1, QStringLiteral("vectors")))).size();
    crashWhileSavingChange(dir.path(), "header:written", -1);
    QVERIFY(QFile::resize(pathIn(dir.path(), dataName(1, QStringLiteral("vectors"))), committed + 10));
    VERIFY_DAMAGED(outcomeOf([&] { VectorIndex::load(dir.path()); }));
}

void TestVectorIndex::staleJournalIgnored()
{
    // A complete journal that does not commit the index.json there (left from
    // another save) must not be replayed.
    QTemporaryDir dir;
    std::mt19937 random(127);
    {
        VectorIndex index(16, QStringLiteral("m"));
        fill(index, 300, random);
        index.save(dir.path());
    }
    const Snapshot old = snapshotOf(dir.path());
    const QString journal = pathIn(dir.path(), QStringLiteral("index-1.journal"));
    QByteArray stale;
    crashWhileSavingChange(dir.path(), "journal:synced", -1);
    stale = readFile(journal);
    QVERIFY(stale.size() > 100);
    restore(dir.path(), old);

    std::unique_ptr<VectorIndex> other = VectorIndex::load(dir.path());
    fill(*other, 5, random, 50000);
    other->save(dir.path());
    QVERIFY(!other->lastSave().full);
    writeFile(journal, stale);
    verifyLoadsAs(dir.path(), *other, random);
    QVERIFY(!QFileInfo::exists(journal));
}

namespace {

// A saved index with upper levels (M=4 draws them often) for the damage tests.
void saveDamageFixture(const QString& folder, std::unique_ptr<VectorIndex>* kept = nullptr)
{
    std::mt19937 random(43);
    auto index = std::make_unique<VectorIndex>(16, QStringLiteral("m"), 4, 40);
    fill(*index, 200, random);
    index->remove(17);
    index->save(folder);
    if (kept)
        *kept = std::move(index);
}

}  // namespace

void TestVectorIndex::truncatedDataFileIsDamaged_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("keep");
    for (const QString& kind : kKinds) {
        QTest::addRow("%s empty", qPrintable(kind)) << kind << 0.0;
        QTest::addRow("%s half", qPrintable(kind)) << kind << 0.5;
        QTest::addRow("%s last byte missing", qPrintable(kind)) << kind << -1.0;
    }
}

void TestVectorIndex::truncatedDataFileIsDamaged()
{
    QFETCH(QString, kind);
    QFETCH(double, keep);
    QTemporaryDir dir;
    saveDamageFixture(dir.path());
    const QString path = pathIn(dir.path(), dataName(1, kind));
    const qint64 size = QFileInfo(path).size();
    QVERIFY(size > 0);
    QVERIFY(QFile::resize(path, keep == -1.0 ? size - 1 : qint64(double(size) * keep)));
    VERIFY_DAMAGED(outcomeOf([&] { VectorIndex::load(dir.path()); }));
}

void TestVectorIndex::longerDataFileIsATail_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("extra");
    for (const QString& kind : kKinds) {
        QTest::addRow("%s one byte more", qPrintable(kind)) << kind << 1;
        QTest::addRow("%s 1000 bytes more", qPrintable(kind)) << kind << 1000;
    }
}

void TestVectorIndex::longerDataFileIsATail()
{
    // Bytes past the end index.json counts are what an interrupted save appended:
    // load() reads the counted records (a reader changing nothing), the next save
    // overwrites and cuts off the rest.
    QFETCH(QString, kind);
    QFETCH(int, extra);
    QTemporaryDir dir;
    std::unique_ptr<VectorIndex> index;
    saveDamageFixture(dir.path(), &index);
    const QString path = pathIn(dir.path(), dataName(1, kind));
    QByteArray bytes = readFile(path);
    std::mt19937 random(53);
    for (int i = 0; i < extra; ++i)
        bytes.append(char(random()));
    writeFile(path, bytes);
    verifyReaderLoads(dir.path(), index->contentChecksum());
    verifyLoadsAs(dir.path(), *index, random);
    if (QTest::currentTestFailed())
        return;
    std::unique_ptr<VectorIndex> loaded = VectorIndex::load(dir.path());
    verifyIncrementalSave(dir.path(), *loaded, 3, 7000, random);
}

void TestVectorIndex::format2FolderReadAndConverted()
{
    // Format 2 has the data files of format 3; its saves journaled new records too.
    QTemporaryDir dir;
    std::mt19937 random(71);
    VectorIndex index(16, QStringLiteral("m"));
    fill(index, 300, random);
    index.save(dir.path());
    setFormatVersion(dir.path(), 2);
    verifyLoadsAs(dir.path(), index, random);
    if (QTest::currentTestFailed())
        return;

    // A journal of that version's interrupted save is not replayed: rebuilt instead.
    writeFile(pathIn(dir.path(), QStringLiteral("index-1.journal")), QByteArray("WEFTJNL2") + QByteArray(100, '\0'));
    QCOMPARE(outcomeOf([&] { VectorIndex::load(dir.path()); }).thrown, Thrown::IndexMissing);
    QVERIFY_THROWS_EXCEPTION(IndexBeingSaved, VectorIndex::load(dir.path(), VectorIndex::Writes::None));
    QVERIFY(QFile::remove(pathIn(dir.path(), QStringLiteral("index-1.journal"))));

    // Its first save is a full one in format 3, so that no reader of format 2 meets
    // a journal or a tail of format 3; the next ones are incremental again.
    std::unique_ptr<VectorIndex> loaded = VectorIndex::load(dir.path());
    fill(*loaded, 3, random, 5000);
    loaded->save(dir.path());
    QVERIFY(loaded->lastSave().full);
    QCOMPARE(filesIn(dir.path()), generationFiles(2));
    QCOMPARE(readHeader(dir.path()).value(QStringLiteral("format_version")).toInt(), VectorIndex::kFormatVersion);
    verifyIncrementalSave(dir.path(), *loaded, 3, 6000, random);
}

void TestVectorIndex::corruptedDataFileIsDamaged_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : kKinds)
        QTest::newRow(qPrintable(kind)) << kind;
}

void TestVectorIndex::corruptedDataFileIsDamaged()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    saveDamageFixture(dir.path());
    const QString path = pathIn(dir.path(), dataName(1, kind));
    const QByteArray bytes = readFile(path);
    std::mt19937 random(47);
    std::vector<qsizetype> places{0, 1, 2, 3, 4, 8, bytes.size() / 3, bytes.size() / 2, bytes.size() - 1};
    for (int i = 0; i < 20; ++i)
        places.push_back(qsizetype(random() % quint32(bytes.size())));
    for (const qsizetype at : places) {
        for (const char mask : {char(0x01), char(0x80)}) {
            QByteArray damaged = bytes;
            damaged[at] = char(damaged[at] ^ mask);
            writeFile(path, damaged);
            const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
            QVERIFY2(outcome.thrown == Thrown::Error && outcome.message.contains(QStringLiteral("damaged")),
                     qPrintable(QStringLiteral("byte %1: %2").arg(at).arg(outcome.message)));
        }
    }
    writeFile(path, bytes);
    QCOMPARE(VectorIndex::load(dir.path())->size(), std::size_t(199));
}

void TestVectorIndex::garbageVectorWithRightChecksumIsDamaged()
{
    // Damage that the checksum cannot see (the sums record rewritten to match):
    // the vector check still refuses bytes that no quantized vector has.
    QTemporaryDir dir;
    std::unique_ptr<VectorIndex> index;
    saveDamageFixture(dir.path(), &index);
    const QString vectorsPath = pathIn(dir.path(), dataName(1, QStringLiteral("vectors")));
    const QString sumsPath = pathIn(dir.path(), dataName(1, QStringLiteral("sums")));
    const QByteArray vectors = readFile(vectorsPath), sums = readFile(sumsPath);
    const qsizetype record = qsizetype(quantizedBytes(16) + 8);
    QCOMPARE(vectors.size(), 200 * record);

    auto replaceVector = [&](int element, const QByteArray& stored) {
        QByteArray newVectors = vectors, newSums = sums;
        std::memcpy(newVectors.data() + element * record, stored.constData(), std::size_t(stored.size()));
        const quint64 sum = indexfiles::checksum(newVectors.constData() + element * record, std::size_t(record));
        std::memcpy(newSums.data() + element * 24 + 8, &sum, sizeof sum);
        writeFile(vectorsPath, newVectors);
        writeFile(sumsPath, newSums);
    };
    std::mt19937 random(131);
    for (const int element : {0, 99, 199}) {
        QByteArray garbage(qsizetype(quantizedBytes(16)), Qt::Uninitialized);
        for (char& byte : garbage)
            byte = char(random());
        replaceVector(element, garbage);
        const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
        VERIFY_DAMAGED(outcome);
        QVERIFY2(outcome.message.contains(QStringLiteral("vector")), qPrintable(outcome.message));
        // Control: another real stored vector with its checksum loads, so it was the vector check.
        replaceVector(element, quantized(randomUnitVector(random, 16)));
        QCOMPARE(VectorIndex::load(dir.path())->size(), std::size_t(199));
    }
}

void TestVectorIndex::missingDataFileIsDamaged_data()
{
    QTest::addColumn<QString>("kind");
    for (const QString& kind : kKinds)
        QTest::newRow(qPrintable(kind)) << kind;
}

void TestVectorIndex::missingDataFileIsDamaged()
{
    QFETCH(QString, kind);
    QTemporaryDir dir;
    saveDamageFixture(dir.path());
    QVERIFY(QFile::remove(pathIn(dir.path(), dataName(1, kind))));
    const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
    VERIFY_DAMAGED(outcome);
    QVERIFY2(outcome.message.contains(QStringLiteral("missing")), qPrintable(outcome.message));
}

void TestVectorIndex::format3FolderReadWhereItsLayoutHolds()
{
    // Format 4 pads stored vectors to a multiple of 8 values: format 3 folders of
    // such a dimension (the default method's 1,024) have its layout and are read;
    // those of another dimension are rebuilt from the catalog.
    QTemporaryDir padded, unpadded;
    std::mt19937 random(73);
    VectorIndex index(16, QStringLiteral("m"));
    fill(index, 200, random);
    index.save(padded.path());
    setFormatVersion(padded.path(), 3);
    verifyLoadsAs(padded.path(), index, random);

    VectorIndex odd(37, QStringLiteral("m"));
    fill(odd, 50, random);
    odd.save(unpadded.path());
    verifyLoadsAs(unpadded.path(), odd, random);
    setFormatVersion(unpadded.path(), 3);
    QCOMPARE(outcomeOf([&] { VectorIndex::load(unpadded.path()); }).thrown, Thrown::IndexMissing);
}

void TestVectorIndex::missingHeaderThrowsIndexMissing()
{
    QTemporaryDir dir;
    QCOMPARE(outcomeOf([&] { VectorIndex::load(dir.path()); }).thrown, Thrown::IndexMissing);
    QCOMPARE(outcomeOf([&] { VectorIndex::load(dir.filePath(QStringLiteral("nowhere"))); }).thrown, Thrown::IndexMissing);
    // Data files alone (crash before the first index.json) are no index either.
    std::mt19937 random(59);
    VectorIndex index(8, QStringLiteral("m"));
    fill(index, 5, random);
    index.save(dir.path());
    QVERIFY(QFile::remove(pathIn(dir.path(), QStringLiteral("index.json"))));
    QCOMPARE(outcomeOf([&] { VectorIndex::load(dir.path()); }).thrown, Thrown::IndexMissing);
}

void TestVectorIndex::olderFormatThrowsIndexMissing()
{
    // Format 1 (hnswlib's own file of float vectors): rebuilt from the catalog.
    QTemporaryDir dir;
    writeFile(pathIn(dir.path(), QStringLiteral("index.json")),
              QByteArray(R"({"format": "weft-hnsw", "format_version": 1, "dim": 8, "method": "m", "data_file": "index-1.hnsw",
                             "data_bytes": 1000, "data_sha256": "00", "live": 5, "M": 16, "ef_construction": 200})"));
    writeFile(pathIn(dir.path(), QStringLiteral("index-1.hnsw")), QByteArray(1000, '\0'));
    const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
    QCOMPARE(outcome.thrown, Thrown::IndexMissing);
    // Saving replaces it, old data file and all.
    std::mt19937 random(61);
    VectorIndex index(8, QStringLiteral("m"));
    fill(index, 5, random);
    index.save(dir.path());
    QCOMPARE(filesIn(dir.path()), generationFiles(2));
    verifyLoadsAs(dir.path(), index, random);
}

void TestVectorIndex::newerFormatRefused()
{
    QTemporaryDir dir;
    std::mt19937 random(61);
    VectorIndex index(8, QStringLiteral("m"));
    fill(index, 5, random);
    index.save(dir.path());
    setFormatVersion(dir.path(), VectorIndex::kFormatVersion + 1);
    const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
    QCOMPARE(outcome.thrown, Thrown::Error);
    QVERIFY2(outcome.message.contains(QStringLiteral("newer version of Weft")), qPrintable(outcome.message));
}

void TestVectorIndex::garbageHeaderRefused_data()
{
    QTest::addColumn<QByteArray>("contents");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not json") << QByteArray("\x00\x01garbage{{", 11);
    QTest::newRow("truncated json") << QByteArray("{\"format\": \"weft-hnsw\", \"format_ver");
    QTest::newRow("array") << QByteArray("[1, 2, 3]");
    QTest::newRow("other format") << QByteArray("{\"format\": \"faiss\", \"format_version\": 2}");
    QTest::newRow("fields missing") << QByteArray("{\"format\": \"weft-hnsw\", \"format_version\": 2}");
    QTest::newRow("version a string") << QByteArray("{\"format\": \"weft-hnsw\", \"format_version\": \"2\"}");
    QTest::newRow("version zero") << QByteArray("{\"format\": \"weft-hnsw\", \"format_version\": 0}");
    // Filled in below from the real header:
    QTest::newRow("file generation a path") << QByteArray("file_generation");
    QTest::newRow("file generation zero") << QByteArray("file_generation");
    QTest::newRow("checkpoint generation negative") << QByteArray("generation");
    QTest::newRow("checkpoint generation a number") << QByteArray("generation");
    QTest::newRow("live above count") << QByteArray("live");
    QTest::newRow("entry point outside") << QByteArray("entry_point");
}

void TestVectorIndex::garbageHeaderRefused()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    std::mt19937 random(67);
    VectorIndex index(8, QStringLiteral("m"));
    fill(index, 5, random);
    index.save(dir.path());
    const QByteArray tag = QTest::currentDataTag();
    if (!contents.isEmpty() && !contents.startsWith('{') && !contents.startsWith('[') && !contents.startsWith('\0')) {
        QJsonObject header = readHeader(dir.path());
        const QString key = QString::fromLatin1(contents);
        if (tag == "file generation a path")
            header[key] = QStringLiteral("../1");
        else if (tag == "file generation zero")
            header[key] = 0;
        else if (tag == "checkpoint generation negative")
            header[key] = QStringLiteral("-1");
        else if (tag == "checkpoint generation a number")
            header[key] = 7;
        else if (tag == "live above count")
            header[key] = 6;
        else
            header[key] = 5;
        contents = QJsonDocument(header).toJson();
    }
    writeFile(pathIn(dir.path(), QStringLiteral("index.json")), contents);
    VERIFY_DAMAGED(outcomeOf([&] { VectorIndex::load(dir.path()); }));
}

void TestVectorIndex::headerNotMatchingDataRefused()
{
    // index.json consistent in itself but describing other data than the files hold.
    QTemporaryDir dir;
    saveDamageFixture(dir.path());
    const QJsonObject good = readHeader(dir.path());
    const QString headerPath = pathIn(dir.path(), QStringLiteral("index.json"));
    const std::map<quint32, quint32> levels = upperLevels(dir.path(), 1, 4);
    QVERIFY(!levels.empty());
    qint64 levelZero = 0;
    while (levels.count(quint32(levelZero)))
        ++levelZero;
    const qint64 count = good.value(QStringLiteral("count")).toInteger();
    const qint64 upper = good.value(QStringLiteral("upper_bytes")).toInteger();
    const qint64 maxLevel = good.value(QStringLiteral("max_level")).toInteger();
    for (const auto& [key, value] : std::vector<std::pair<QString, QJsonValue>>{
             {QStringLiteral("dim"), 32},
             {QStringLiteral("dim"), 8},
             {QStringLiteral("M"), 8},
             {QStringLiteral("M"), 3},
             {QStringLiteral("live"), 200},
             {QStringLiteral("live"), 198},
             {QStringLiteral("count"), count - 1},
             {QStringLiteral("count"), count + 1},
             {QStringLiteral("upper_bytes"), upper - 1},
             {QStringLiteral("upper_bytes"), upper + 1},
             {QStringLiteral("max_level"), maxLevel + 1},
             {QStringLiteral("max_level"), maxLevel - 1},
             {QStringLiteral("entry_point"), levelZero},
             {QStringLiteral("file_generation"), 2}}) {
        QJsonObject header = good;
        header[key] = value;
        writeFile(headerPath, QJsonDocument(header).toJson());
        const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
        QVERIFY2(outcome.thrown == Thrown::Error && outcome.message.contains(QStringLiteral("damaged")),
                 qPrintable(QStringLiteral("%1 = %2: %3").arg(key, value.toVariant().toString(), outcome.message)));
    }
    writeFile(headerPath, QJsonDocument(good).toJson());
    QCOMPARE(VectorIndex::load(dir.path())->size(), std::size_t(199));
}

QTEST_GUILESS_MAIN(TestVectorIndex)
#include "tst_vectorindex.moc"
