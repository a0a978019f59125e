#include "core/index/VectorIndex.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>
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

double dot(const Vector& a, const Vector& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += double(a[i]) * double(b[i]);
    return sum;
}

// The test's own model of what the index holds.
using Model = std::map<qint64, Vector>;

Model fill(VectorIndex& index, int count, std::mt19937& random, qint64 firstId = 1)
{
    Model model;
    for (int i = 0; i < count; ++i) {
        const qint64 id = firstId + i;
        model[id] = randomUnitVector(random, index.dim());
        index.add(id, model[id]);
    }
    return model;
}

struct Expected {
    qint64 id;
    double score;
};

std::vector<Expected> bruteForce(const Model& model, const Vector& query, int k)
{
    std::vector<Expected> all;
    for (const auto& [id, v] : model)
        all.push_back({id, dot(v, query)});
    std::sort(all.begin(), all.end(), [](const Expected& a, const Expected& b) { return a.score > b.score; });
    all.resize(std::min<std::size_t>(all.size(), static_cast<std::size_t>(k)));
    return all;
}

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

QJsonObject readHeader(const QString& folder)
{
    QFile file(QDir(folder).filePath(QStringLiteral("index.json")));
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

QStringList dataFiles(const QString& folder)
{
    return QDir(folder).entryList({QStringLiteral("index-*.hnsw")}, QDir::Files, QDir::Name);
}

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
    void wrongDimensionThrows();
    void poorGraphStillGivesKHits();
    void concurrentSearchesAgree();
    void saveLoadRoundTrip();
    void saveReplacesOlderGeneration();
    void reloadKeepsRemoved();
    void emptyIndexRoundTrip();
    void interruptedSaveKeepsOldIndex();
    void truncatedDataFileIsDamaged_data();
    void truncatedDataFileIsDamaged();
    void corruptedDataFileIsDamaged();
    void missingDataFileIsDamaged();
    void missingHeaderThrowsIndexMissing();
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
}

void TestVectorIndex::exactSearchMatchesBruteForce()
{
    std::mt19937 random(11);
    VectorIndex index(37, QStringLiteral("m"));  // 37: not a multiple of the SIMD widths
    const Model model = fill(index, 500, random, 1000);
    for (int q = 0; q < 20; ++q) {
        const Vector query = randomUnitVector(random, 37);
        const std::vector<Expected> expected = bruteForce(model, query, 10);
        const std::vector<SearchHit> hits = index.searchExact(query, 10);
        QCOMPARE(hits.size(), expected.size());
        for (std::size_t i = 0; i < hits.size(); ++i) {
            QCOMPARE(hits[i].id, expected[i].id);
            QVERIFY(std::abs(hits[i].score - expected[i].score) < 1e-5);
        }
    }
    // A query that is not unit length is normalised: same order, cosine scores.
    Vector query = randomUnitVector(random, 37);
    const std::vector<Expected> expected = bruteForce(model, query, 5);
    for (float& x : query)
        x *= 3.0f;
    const std::vector<SearchHit> hits = index.searchExact(query, 5);
    QCOMPARE(hits.size(), std::size_t(5));
    for (std::size_t i = 0; i < hits.size(); ++i) {
        QCOMPARE(hits[i].id, expected[i].id);
        QVERIFY(std::abs(hits[i].score - expected[i].score) < 1e-5);
    }
}

void TestVectorIndex::hnswRecallAtTen()
{
    std::mt19937 random(2024);
    VectorIndex index(64, QStringLiteral("m"));
    const Model model = fill(index, 2000, random);  // more than the initial capacity: grows
    QCOMPARE(index.size(), std::size_t(2000));
    QCOMPARE(index.ids(), idsOf(model));

    int found = 0, total = 0;
    for (int q = 0; q < 200; ++q) {
        const Vector query = randomUnitVector(random, 64);
        const std::vector<Expected> expected = bruteForce(model, query, 10);
        const std::vector<SearchHit> hits = index.search(query, 10);
        QCOMPARE(hits.size(), std::size_t(10));
        QVERIFY(bestFirst(hits));
        std::set<qint64> truth;
        for (const Expected& e : expected)
            truth.insert(e.id);
        for (const SearchHit& hit : hits) {
            QVERIFY(std::abs(hit.score - dot(model.at(hit.id), query)) < 1e-4);
            found += int(truth.count(hit.id));
        }
        total += 10;
    }
    const double recall = double(found) / total;
    qInfo("recall@10 = %.4f", recall);
    QVERIFY2(recall >= 0.95, qPrintable(QString::number(recall)));
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
    std::vector<qint64> expected;
    for (const Expected& e : bruteForce(model, query, 5))
        expected.push_back(e.id);
    QCOMPARE(idsOf(index.search(query, 10)), expected);
}

void TestVectorIndex::addReplacesVector()
{
    std::mt19937 random(5);
    VectorIndex index(32, QStringLiteral("m"));
    Model model = fill(index, 300, random);
    const Vector old = model[7];
    const Vector target = randomUnitVector(random, 32);
    index.add(7, target);
    model[7] = target;
    QCOMPARE(index.size(), std::size_t(300));

    for (const auto& hits : {index.search(target, 3), index.searchExact(target, 3)}) {
        QCOMPARE(hits.front().id, qint64(7));
        QVERIFY(std::abs(hits.front().score - 1.0f) < 1e-5);
    }
    // The old vector is gone: 7 now scores what the new vector scores against it.
    for (const SearchHit& hit : index.searchExact(old, 300)) {
        if (hit.id == 7)
            QVERIFY(std::abs(hit.score - dot(old, target)) < 1e-5);
    }
    std::vector<qint64> expected;
    for (const Expected& e : bruteForce(model, old, 10))
        expected.push_back(e.id);
    QCOMPARE(idsOf(index.searchExact(old, 10)), expected);
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
        // Query with removed items' own vectors and with random ones.
        const Vector query = id % 8 == 1 ? Vector() : randomUnitVector(other, 32);
        if (query.empty())
            continue;
        for (const auto& hits : {index.search(query, 20), index.searchExact(query, 20)}) {
            QCOMPARE(hits.size(), std::size_t(20));
            for (const SearchHit& hit : hits)
                QVERIFY2(!removed.count(hit.id), qPrintable(QString::number(hit.id)));
        }
    }

    // Re-adding a removed id (hnswlib updates the point and clears its mark).
    const Vector fresh = randomUnitVector(random, 32);
    index.add(9, fresh);
    model[9] = fresh;
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
        std::vector<qint64> expected;
        for (const Expected& e : bruteForce(model, query, 1000))
            expected.push_back(e.id);
        QCOMPARE(idsOf(index.search(query, 1000)), expected);
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
        std::vector<qint64> expected;
        for (const Expected& e : bruteForce(model, query, 120))
            expected.push_back(e.id);
        QCOMPARE(idsOf(index.search(query, 120)), expected);  // all live items, true order
    }
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
    QVERIFY(outcomeOf([&] { index.add(100, Vector(15, 0.25f)); }).message.contains(QStringLiteral("16")));
    QCOMPARE(index.size(), std::size_t(10));
    QVERIFY(!index.contains(100));
}

void TestVectorIndex::concurrentSearchesAgree()
{
    std::mt19937 random(19);
    VectorIndex index(32, QStringLiteral("m"));
    fill(index, 1500, random);
    for (qint64 id = 1; id <= 1500; id += 3)
        index.remove(id);
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
    for (std::thread& thread : threads)
        thread.join();
    QCOMPARE(mismatches, std::vector<int>(4, 0));
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
    model[-5] = negative;
    index.save(folder);

    const QJsonObject header = readHeader(folder);
    QCOMPARE(header.value(QStringLiteral("format")).toString(), QStringLiteral("weft-hnsw"));
    QCOMPARE(header.value(QStringLiteral("format_version")).toInt(), 1);
    QCOMPARE(header.value(QStringLiteral("dim")).toInt(), 24);
    QCOMPARE(header.value(QStringLiteral("method")).toString(), QStringLiteral("dinov2-s14/gem"));
    QCOMPARE(header.value(QStringLiteral("data_file")).toString(), QStringLiteral("index-1.hnsw"));
    QCOMPARE(header.value(QStringLiteral("live")).toInt(), 301);
    QCOMPARE(header.value(QStringLiteral("M")).toInt(), 12);
    QCOMPARE(header.value(QStringLiteral("ef_construction")).toInt(), 100);
    QCOMPARE(header.value(QStringLiteral("data_bytes")).toInteger(), QFileInfo(QDir(folder).filePath(QStringLiteral("index-1.hnsw"))).size());
    QCOMPARE(header.value(QStringLiteral("data_sha256")).toString().size(), 64);

    const std::unique_ptr<VectorIndex> loaded = VectorIndex::load(folder);
    QCOMPARE(loaded->dim(), 24);
    QCOMPARE(loaded->method(), QStringLiteral("dinov2-s14/gem"));
    QCOMPARE(loaded->M(), 12);
    QCOMPARE(loaded->efConstruction(), 100);
    QCOMPARE(loaded->size(), std::size_t(301));
    QCOMPARE(loaded->ids(), idsOf(model));
    QVERIFY(loaded->contains(-5));
    QCOMPARE(loaded->search(negative, 1).front().id, qint64(-5));
    for (int q = 0; q < 30; ++q) {
        const Vector query = randomUnitVector(random, 24);
        const std::vector<SearchHit> before = index.search(query, 10);
        const std::vector<SearchHit> after = loaded->search(query, 10);
        QCOMPARE(idsOf(after), idsOf(before));
        for (std::size_t i = 0; i < after.size(); ++i)
            QCOMPARE(after[i].score, before[i].score);
        QCOMPARE(idsOf(loaded->searchExact(query, 10)), idsOf(index.searchExact(query, 10)));
    }
}

void TestVectorIndex::saveReplacesOlderGeneration()
{
    QTemporaryDir dir;
    std::mt19937 random(29);
    VectorIndex index(8, QStringLiteral("m"));
    fill(index, 50, random);
    index.save(dir.path());
    QCOMPARE(dataFiles(dir.path()), QStringList{QStringLiteral("index-1.hnsw")});
    fill(index, 10, random, 100);
    index.save(dir.path());
    QCOMPARE(dataFiles(dir.path()), QStringList{QStringLiteral("index-2.hnsw")});
    QCOMPARE(readHeader(dir.path()).value(QStringLiteral("data_file")).toString(), QStringLiteral("index-2.hnsw"));
    QCOMPARE(VectorIndex::load(dir.path())->size(), std::size_t(60));
    // Only index.json and the current data file remain (no temporary files).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name),
             (QStringList{QStringLiteral("index-2.hnsw"), QStringLiteral("index.json")}));
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
    model[50] = back;
    const Model more = fill(*loaded, 1200, random, 10000);
    model.insert(more.begin(), more.end());
    QCOMPARE(loaded->size(), model.size());
    QCOMPARE(loaded->ids(), idsOf(model));
    QCOMPARE(loaded->search(back, 1).front().id, qint64(50));
    const Vector query = randomUnitVector(random, 16);
    std::vector<qint64> expected;
    for (const Expected& e : bruteForce(model, query, 10))
        expected.push_back(e.id);
    QCOMPARE(idsOf(loaded->searchExact(query, 10)), expected);
}

void TestVectorIndex::emptyIndexRoundTrip()
{
    QTemporaryDir dir;
    VectorIndex(12, QStringLiteral("empty")).save(dir.path());
    std::unique_ptr<VectorIndex> loaded = VectorIndex::load(dir.path());
    QCOMPARE(loaded->size(), std::size_t(0));
    QCOMPARE(loaded->dim(), 12);
    std::mt19937 random(37);
    QVERIFY(loaded->search(randomUnitVector(random, 12), 3).empty());
    const Model model = fill(*loaded, 20, random);
    QCOMPARE(loaded->size(), std::size_t(20));
    QCOMPARE(loaded->search(model.at(4), 1).front().id, qint64(4));
}

void TestVectorIndex::interruptedSaveKeepsOldIndex()
{
    QTemporaryDir dir, elsewhere;
    std::mt19937 random(41);
    VectorIndex index(16, QStringLiteral("m"));
    const Model model = fill(index, 150, random);
    index.save(dir.path());
    const QByteArray committedHeader = readFile(QDir(dir.path()).filePath(QStringLiteral("index.json")));

    // A later save that got as far as writing its complete data file (and a partial
    // temporary header) but never replaced index.json.
    VectorIndex changed(16, QStringLiteral("m"));
    fill(changed, 40, random, 5000);
    changed.save(elsewhere.path());
    QVERIFY(QFile::copy(QDir(elsewhere.path()).filePath(QStringLiteral("index-1.hnsw")), QDir(dir.path()).filePath(QStringLiteral("index-2.hnsw"))));
    writeFile(QDir(dir.path()).filePath(QStringLiteral(".index.json.0123.tmp")), readFile(QDir(elsewhere.path()).filePath(QStringLiteral("index.json"))).left(40));
    // And one that died while hnswlib was writing.
    const QByteArray full = readFile(QDir(elsewhere.path()).filePath(QStringLiteral("index-1.hnsw")));
    writeFile(QDir(dir.path()).filePath(QStringLiteral("index-3.hnsw")), full.left(full.size() / 2));

    QCOMPARE(readFile(QDir(dir.path()).filePath(QStringLiteral("index.json"))), committedHeader);
    std::unique_ptr<VectorIndex> loaded = VectorIndex::load(dir.path());
    QCOMPARE(loaded->size(), std::size_t(150));
    QCOMPARE(loaded->ids(), idsOf(model));
    const Vector query = randomUnitVector(random, 16);
    QCOMPARE(idsOf(loaded->search(query, 10)), idsOf(index.search(query, 10)));

    // The next save never reuses a leftover name and cleans the leftovers up.
    loaded->save(dir.path());
    QCOMPARE(dataFiles(dir.path()), QStringList{QStringLiteral("index-4.hnsw")});
    QCOMPARE(VectorIndex::load(dir.path())->ids(), idsOf(model));
}

void TestVectorIndex::truncatedDataFileIsDamaged_data()
{
    QTest::addColumn<double>("keep");
    QTest::newRow("empty") << 0.0;
    QTest::newRow("header only") << 0.001;
    QTest::newRow("half") << 0.5;
    QTest::newRow("last byte missing") << -1.0;
}

void TestVectorIndex::truncatedDataFileIsDamaged()
{
    QFETCH(double, keep);
    QTemporaryDir dir;
    std::mt19937 random(43);
    VectorIndex index(16, QStringLiteral("m"));
    fill(index, 100, random);
    index.save(dir.path());
    const QString dataPath = QDir(dir.path()).filePath(QStringLiteral("index-1.hnsw"));
    const QByteArray full = readFile(dataPath);
    const qsizetype size = keep < 0 ? full.size() - 1 : qsizetype(full.size() * keep);
    QVERIFY(QFile::resize(dataPath, size));

    const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
    QCOMPARE(outcome.thrown, Thrown::Error);
    QVERIFY2(outcome.message.contains(QStringLiteral("damaged")), qPrintable(outcome.message));
    QVERIFY2(outcome.message.contains(QStringLiteral("index.json")), qPrintable(outcome.message));
}

void TestVectorIndex::corruptedDataFileIsDamaged()
{
    QTemporaryDir dir;
    std::mt19937 random(47);
    VectorIndex index(16, QStringLiteral("m"));
    fill(index, 100, random);
    index.save(dir.path());
    const QString dataPath = QDir(dir.path()).filePath(QStringLiteral("index-1.hnsw"));
    QByteArray bytes = readFile(dataPath);
    for (qsizetype at : {qsizetype(8), bytes.size() / 2}) {  // max_elements_ field; a link or vector
        QByteArray damaged = bytes;
        damaged[at] = char(damaged[at] ^ 0x5a);
        writeFile(dataPath, damaged);
        const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
        QCOMPARE(outcome.thrown, Thrown::Error);
        QVERIFY2(outcome.message.contains(QStringLiteral("damaged")), qPrintable(outcome.message));
    }
    writeFile(dataPath, bytes);
    QCOMPARE(VectorIndex::load(dir.path())->size(), std::size_t(100));
}

void TestVectorIndex::missingDataFileIsDamaged()
{
    QTemporaryDir dir;
    std::mt19937 random(53);
    VectorIndex index(16, QStringLiteral("m"));
    fill(index, 10, random);
    index.save(dir.path());
    QVERIFY(QFile::remove(QDir(dir.path()).filePath(QStringLiteral("index-1.hnsw"))));
    const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
    QCOMPARE(outcome.thrown, Thrown::Error);
    QVERIFY2(outcome.message.contains(QStringLiteral("missing")), qPrintable(outcome.message));
}

void TestVectorIndex::missingHeaderThrowsIndexMissing()
{
    QTemporaryDir dir;
    QCOMPARE(outcomeOf([&] { VectorIndex::load(dir.path()); }).thrown, Thrown::IndexMissing);
    QCOMPARE(outcomeOf([&] { VectorIndex::load(dir.filePath(QStringLiteral("nowhere"))); }).thrown, Thrown::IndexMissing);
    // A data file alone (crash before the first index.json) is no index either.
    std::mt19937 random(59);
    VectorIndex index(8, QStringLiteral("m"));
    fill(index, 5, random);
    index.save(dir.path());
    QVERIFY(QFile::remove(QDir(dir.path()).filePath(QStringLiteral("index.json"))));
    QCOMPARE(outcomeOf([&] { VectorIndex::load(dir.path()); }).thrown, Thrown::IndexMissing);
}

void TestVectorIndex::newerFormatRefused()
{
    QTemporaryDir dir;
    std::mt19937 random(61);
    VectorIndex index(8, QStringLiteral("m"));
    fill(index, 5, random);
    index.save(dir.path());
    QJsonObject header = readHeader(dir.path());
    header[QStringLiteral("format_version")] = VectorIndex::kFormatVersion + 1;
    writeFile(QDir(dir.path()).filePath(QStringLiteral("index.json")), QJsonDocument(header).toJson());
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
    QTest::newRow("other format") << QByteArray("{\"format\": \"faiss\", \"format_version\": 1}");
    QTest::newRow("fields missing") << QByteArray("{\"format\": \"weft-hnsw\", \"format_version\": 1}");
    QTest::newRow("version a string") << QByteArray("{\"format\": \"weft-hnsw\", \"format_version\": \"1\"}");
    QTest::newRow("version zero") << QByteArray("{\"format\": \"weft-hnsw\", \"format_version\": 0}");
    QTest::newRow("data file outside") << QByteArray();  // filled in below from the real header
}

void TestVectorIndex::garbageHeaderRefused()
{
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    std::mt19937 random(67);
    VectorIndex index(8, QStringLiteral("m"));
    fill(index, 5, random);
    index.save(dir.path());
    if (QByteArray(QTest::currentDataTag()) == "data file outside") {
        QJsonObject header = readHeader(dir.path());
        header[QStringLiteral("data_file")] = QStringLiteral("../index-1.hnsw");
        contents = QJsonDocument(header).toJson();
    }
    writeFile(QDir(dir.path()).filePath(QStringLiteral("index.json")), contents);
    const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
    QCOMPARE(outcome.thrown, Thrown::Error);
    QVERIFY2(outcome.message.contains(QStringLiteral("damaged")), qPrintable(outcome.message));
}

void TestVectorIndex::headerNotMatchingDataRefused()
{
    // index.json consistent in itself but describing other vectors than the data file.
    QTemporaryDir dir;
    std::mt19937 random(71);
    VectorIndex index(24, QStringLiteral("m"));
    fill(index, 50, random);
    index.save(dir.path());
    const QJsonObject good = readHeader(dir.path());
    const QString headerPath = QDir(dir.path()).filePath(QStringLiteral("index.json"));
    for (const auto& [key, value] : std::vector<std::pair<QString, QJsonValue>>{
             {QStringLiteral("dim"), 32}, {QStringLiteral("dim"), 8}, {QStringLiteral("M"), 8}, {QStringLiteral("live"), 49}}) {
        QJsonObject header = good;
        header[key] = value;
        writeFile(headerPath, QJsonDocument(header).toJson());
        const Outcome outcome = outcomeOf([&] { VectorIndex::load(dir.path()); });
        QCOMPARE(outcome.thrown, Thrown::Error);
        QVERIFY2(outcome.message.contains(QStringLiteral("damaged")), qPrintable(outcome.message));
    }
    writeFile(headerPath, QJsonDocument(good).toJson());
    QCOMPARE(VectorIndex::load(dir.path())->size(), std::size_t(50));
}

QTEST_GUILESS_MAIN(TestVectorIndex)
#include "tst_vectorindex.moc"
