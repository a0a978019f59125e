// weft-cli bench: what a designer waits for, measured from inside the program.
//   bench IMAGE         one swatch lookup, stage by stage, on a library
//   bench --index DIR   indexing speed on a folder, beside one network input per image
//   bench --scale N     a library of N synthetic fingerprints through the real catalog
//                       and index: add, save, reopen (in a fresh process), search
// Numbers go to docs/BENCHMARKS.md with the command that made them.

#include "CommandSupport.h"

#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"
#include "core/features/FingerprintProjection.h"
#include "core/imaging/ImageDecoder.h"
#include "core/models/ModelStore.h"
#include "core/pipeline/QueryEngine.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <cmath>
#include <random>

using namespace weft;

namespace {

constexpr int kShownMatches = 20;   // what a lookup is timed for

void printJson(const QJsonObject& object)
{
    print(QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)));
}

// The largest resident set of this process so far, in MiB (VmHWM).
double peakResidentMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return -1;
}

qint64 bytesOfFiles(const QString& folder, const QStringList& patterns)
{
    qint64 total = 0;
    for (const QFileInfo& file : QDir(folder).entryInfoList(patterns, QDir::Files))
        total += file.size();
    return total;
}

double percentile(std::vector<double> values, double fraction)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, std::size_t(fraction * double(values.size())))];
}

// ---- bench IMAGE -------------------------------------------------------------

int swatchBench(const QCommandLineParser& parser, const CommonOptions& common, int runs)
{
    if (parser.positionalArguments().size() != 1)
        throw UsageError(QStringLiteral("bench takes one image (or --index DIR, or --scale N)"));
    const QString path = parser.positionalArguments().front();
    QElapsedTimer clock;
    clock.start();
    const auto extractor = common.extractor(parser);
    Library library(common.libraryFolder(parser), extractor->config(), Library::Access::ReadOnly);
    const QueryEngine engine(library, *extractor);
    const double startupMs = clock.nsecsElapsed() / 1e6;

    // The stages in the order the app runs them (QueryWorker::search).
    std::vector<double> decodeMs, fingerprintMs, searchMs, firstResultsMs, componentsMs, refineMs, totalMs;
    for (int run = 0; run <= runs; ++run) {
        clock.restart();
        const DecodedImage image = ImageDecoder::decode(path);
        const double decoded = clock.nsecsElapsed() / 1e6;
        const QueryEngine::SwatchQuery query = engine.describeSwatch(image.image);
        const double fingerprinted = clock.nsecsElapsed() / 1e6;
        std::vector<Match> matches = engine.searchSwatch(query, engine.candidatesFor(kShownMatches));
        const double searched = clock.nsecsElapsed() / 1e6;
        engine.swatchComponents(image.image);
        const double detected = clock.nsecsElapsed() / 1e6;
        engine.refine(image.image, query, matches, kShownMatches);
        const double refined = clock.nsecsElapsed() / 1e6;
        if (run == 0)
            continue;  // warm-up: first-run allocations and lazy initialisation
        decodeMs.push_back(decoded);
        fingerprintMs.push_back(fingerprinted - decoded);
        searchMs.push_back(searched - fingerprinted);
        firstResultsMs.push_back(searched);
        componentsMs.push_back(detected - searched);
        refineMs.push_back(refined - detected);
        totalMs.push_back(refined);
    }
    const std::size_t size = library.index() ? library.index()->size() : 0;
    print(QStringLiteral("library %1 (%2 images), method %3").arg(library.folder()).arg(size).arg(library.methodKey()));
    print(QStringLiteral("start-up (model load, library open)  %1 ms").arg(startupMs, 0, 'f', 1));
    print(QStringLiteral("median of %1 runs: decode %2 ms, query fingerprint %3 ms, search top-20 %4 ms, first results %5 ms; "
                         "swatch components %6 ms, second look at the top %7 %8 ms, total %9 ms (best %10 ms)")
              .arg(runs)
              .arg(median(decodeMs), 0, 'f', 1)
              .arg(median(fingerprintMs), 0, 'f', 1)
              .arg(median(searchMs), 0, 'f', 2)
              .arg(median(firstResultsMs), 0, 'f', 1)
              .arg(median(componentsMs), 0, 'f', 1)
              .arg(extractor->config().verifyDepth)
              .arg(median(refineMs), 0, 'f', 1)
              .arg(median(totalMs), 0, 'f', 1)
              .arg(*std::min_element(totalMs.begin(), totalMs.end()), 0, 'f', 1));
    return 0;
}

// ---- bench --index DIR ---------------------------------------------------------

QStringList imagesUnder(const QString& folder)
{
    QStringList filters;
    for (const QString& suffix : ImageDecoder::supportedSuffixes())
        filters << QStringLiteral("*.") + suffix << QStringLiteral("*.") + suffix.toUpper();
    QStringList paths;
    QDirIterator it(folder, filters, QDir::Files, QDirIterator::Subdirectories | QDirIterator::FollowSymlinks);
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    return paths;
}

// The ceiling the issue measures against: every image decoded (on the pool) and
// run through the backbone as one 224 × 224 input, five per forward pass.
double oneInputImagesPerSecond(const QStringList& paths, const Backbone& backbone)
{
    constexpr int kInputSide = 224, kBatch = 5;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
    QElapsedTimer clock;
    clock.start();
    for (qsizetype start = 0; start < paths.size(); start += 4 * kBatch) {
        const QStringList chunk = paths.mid(start, 4 * kBatch);
        const QList<QImage> inputs = QtConcurrent::blockingMapped(&pool, chunk, [](const QString& path) {
            try {
                return ImageDecoder::decode(path).image.scaled(kInputSide, kInputSide, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                    .convertToFormat(QImage::Format_RGB888);
            } catch (const std::exception&) {
                return QImage();
            }
        });
        std::vector<QImage> batch;
        for (const QImage& input : inputs) {
            if (input.isNull())
                continue;
            batch.push_back(input);
            if (int(batch.size()) == kBatch) {
                backbone.run(batch);
                batch.clear();
            }
        }
        if (!batch.empty())
            backbone.run(batch);
    }
    return paths.size() / std::max(1e-9, clock.elapsed() / 1000.0);
}

int indexBench(const QCommandLineParser& parser, const CommonOptions& common, const QString& folder)
{
    const QStringList paths = imagesUnder(folder);
    if (paths.isEmpty())
        throw Error(QStringLiteral("%1 holds no images to index").arg(folder));
    const auto extractor = common.extractor(parser);
    // The ceiling first: it also warms the page cache for the real run.
    const ModelManifest& manifest = ModelManifest::builtIn();
    const auto backbone = Backbone::load(manifest.model(extractor->config().backboneId()), ModelStore());
    const double ceiling = oneInputImagesPerSecond(paths, *backbone);

    QTemporaryDir scratch;
    if (!scratch.isValid())
        throw Error(QStringLiteral("Cannot make a temporary library folder"));
    Library library(scratch.filePath(QStringLiteral("library")), extractor->config());
    const QString root = QFileInfo(folder).canonicalFilePath();
    const qint64 rootId = library.catalog().addRoot(root);
    QElapsedTimer clock;
    clock.start();
    ScanSummary scan;
    const IndexSummary summary = updateLibrary(library, *extractor, {{rootId, root}}, scan);
    const double seconds = clock.elapsed() / 1000.0;
    const double rate = (summary.indexed + summary.failed) / std::max(1e-9, seconds);
    // One pass does it all (the components are found in the same run), so the
    // first pass is the whole of it.
    const QJsonObject result{{QStringLiteral("images"), paths.size()},
                             {QStringLiteral("indexed"), summary.indexed},
                             {QStringLiteral("failed"), summary.failed},
                             {QStringLiteral("images_per_s_pass1"), rate},
                             {QStringLiteral("images_per_s_all"), rate},
                             {QStringLiteral("one_input_images_per_s"), ceiling},
                             {QStringLiteral("share_of_one_input"), rate / ceiling},
                             {QStringLiteral("method"), library.methodKey()}};
    if (parser.isSet(common.json)) {
        printJson(result);
    } else {
        print(QStringLiteral("%1 images in %2 s: %3 images/s (scan, decode, network, components, catalog and index); "
                             "one 224-px network input per image: %4 images/s; ratio %5")
                  .arg(paths.size())
                  .arg(seconds, 0, 'f', 1)
                  .arg(rate, 0, 'f', 2)
                  .arg(ceiling, 0, 'f', 2)
                  .arg(rate / ceiling, 0, 'f', 3));
    }
    return 0;
}

// ---- bench --scale N -------------------------------------------------------------

// Vectors around kClusters centres, as a library's fingerprints gather around its
// kinds of pattern; the cosine of a vector to its centre is about 0.9.
class SyntheticFingerprints {
public:
    static constexpr int kClusters = 2000;
    SyntheticFingerprints(int dim, unsigned seed) : m_dim(dim), m_random(seed)
    {
        std::normal_distribution<float> normal;
        m_centres.resize(std::size_t(kClusters) * dim);
        for (float& x : m_centres)
            x = normal(m_random);
    }
    std::vector<float> next()
    {
        std::normal_distribution<float> normal;
        const std::size_t cluster = std::size_t(m_random() % kClusters);
        std::vector<float> v(static_cast<std::size_t>(m_dim));
        for (int i = 0; i < m_dim; ++i)
            v[std::size_t(i)] = m_centres[cluster * std::size_t(m_dim) + std::size_t(i)] + 0.5f * normal(m_random);
        return v;
    }
    // A query near a stored vector: the vector with as much noise again.
    std::vector<float> near(const std::vector<float>& stored)
    {
        std::normal_distribution<float> normal(0.0f, 0.5f);
        std::vector<float> v = stored;
        for (float& x : v)
            x += normal(m_random) * 0.05f;
        return v;
    }

private:
    int m_dim;
    std::mt19937 m_random;
    std::vector<float> m_centres;
};

// Opens the library as a restart would and searches it; run in a child process so
// that what it pays and holds is a fresh process's.
QJsonObject openAndSearch(const QString& folder, const MethodConfig& method, int queries, int dim)
{
    QElapsedTimer clock;
    clock.start();
    Library library(folder, method, Library::Access::ReadOnly);
    const double openSeconds = clock.nsecsElapsed() / 1e9;
    const QueryEngine engine(library);
    SyntheticFingerprints synthetic(dim, 1);   // the build's centres: queries near stored fingerprints
    std::vector<double> milliseconds;
    double recall = 0;
    int recallQueries = 0;
    for (int q = 0; q < queries; ++q) {
        const std::vector<float> query = synthetic.near(synthetic.next());
        clock.restart();
        const std::vector<Match> matches = engine.searchFingerprint(query, 20);
        milliseconds.push_back(clock.nsecsElapsed() / 1e6);
        if (q % 10 == 0) {   // HNSW's top ten against the exact top ten, on every tenth query
            QReadLocker locker(&library.indexLock());
            const auto exact = library.index()->searchExact(query, 10);
            const auto approximate = library.index()->search(query, 10);
            int found = 0;
            for (const SearchHit& e : exact)
                found += std::any_of(approximate.begin(), approximate.end(), [&](const SearchHit& a) { return a.id == e.id; });
            recall += double(found) / std::max<std::size_t>(1, exact.size());
            ++recallQueries;
        }
    }
    return QJsonObject{{QStringLiteral("open_s"), openSeconds},
                       {QStringLiteral("search_ms_p50"), percentile(milliseconds, 0.5)},
                       {QStringLiteral("search_ms_p99"), percentile(milliseconds, 0.99)},
                       {QStringLiteral("recall_at_10"), recallQueries > 0 ? recall / recallQueries : 0.0},
                       {QStringLiteral("rss_mb"), peakResidentMiB()}};
}

int scaleBench(const QCommandLineParser& parser, const CommonOptions& common, qint64 count, int dim, int saveEvery,
               const QString& openOnly)
{
    const MethodConfig method = common.methodConfig(parser);
    constexpr int kQueries = 1000;
    if (!openOnly.isEmpty()) {   // the child process of a --scale run
        printJson(openAndSearch(openOnly, method, kQueries, dim));
        return 0;
    }
    QTemporaryDir scratch;
    const QString folder = parser.isSet(common.library) ? common.libraryFolder(parser) : scratch.filePath(QStringLiteral("library"));
    if (QFileInfo::exists(QDir(folder).filePath(QStringLiteral("catalog.sqlite"))))
        throw Error(QStringLiteral("%1 already holds a library; bench --scale makes its own").arg(folder));
    const int threads = std::max(2, QThread::idealThreadCount());

    // The bound: no save writes more than twice the data added since the
    // last one, counted as the growth of the index files on disk.
    double addSeconds = 0, lastSaveSeconds = 0, worstSaveRatio = 0;
    qint64 indexBytesAtSave = 0;
    qint64 saves = 0, fullSaves = 0;
    {
        Library library(folder, method);
        const qint64 root = library.catalog().addRoot(QStringLiteral("/bench"));
        SyntheticFingerprints synthetic(dim, 1);
        constexpr int kChunk = 10000;
        QElapsedTimer clock;
        qint64 sinceSave = 0;
        for (qint64 done = 0; done < count;) {
            const int chunk = int(std::min<qint64>(kChunk, count - done));
            std::vector<qint64> ids;
            std::vector<std::vector<float>> vectors;
            clock.start();
            {
                Catalog::Transaction transaction(library.catalog());
                for (int i = 0; i < chunk; ++i) {
                    ImageRecord record;
                    record.rootId = root;
                    record.path = QStringLiteral("/bench/%1/%2.jpg").arg((done + i) / 1000, 4, 10, QLatin1Char('0')).arg(done + i);
                    record.size = 100000;
                    record.status = ImageStatus::Pending;
                    ids.push_back(library.catalog().upsertImage(record));
                    vectors.push_back(synthetic.next());
                }
                transaction.commit();
            }
            library.storeFingerprints(ids, vectors, QSize(640, 480), threads);
            addSeconds += clock.nsecsElapsed() / 1e9;
            done += chunk;
            sinceSave += chunk;
            if (sinceSave >= saveEvery || done == count) {
                clock.restart();
                library.saveIndex();
                lastSaveSeconds = clock.nsecsElapsed() / 1e9;
                sinceSave = 0;
                ++saves;
                QReadLocker locker(&library.indexLock());
                const VectorIndex::SaveStats stats = library.index()->lastSave();
                if (stats.full)
                    ++fullSaves;
                const qint64 indexBytes = bytesOfFiles(folder, {QStringLiteral("index*")});
                if (saves > 1 && indexBytes > indexBytesAtSave)
                    worstSaveRatio = std::max(worstSaveRatio, double(stats.bytesWritten) / double(indexBytes - indexBytesAtSave));
                indexBytesAtSave = indexBytes;
            }
            std::fprintf(stderr, "\rbench: %lld of %lld fingerprints", qlonglong(done), qlonglong(count));
        }
        std::fprintf(stderr, "\n");
    }

    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList arguments{QStringLiteral("bench"), QStringLiteral("--scale"), QString::number(count), QStringLiteral("--dim"),
                          QString::number(dim), QStringLiteral("--open-only"), folder};
    if (parser.isSet(common.method))
        arguments << QStringLiteral("--method") << parser.value(common.method);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        throw Error(QStringLiteral("The benchmark's reopening process failed"));
    QJsonObject result = QJsonDocument::fromJson(child.readAllStandardOutput().trimmed()).object();
    result.insert(QStringLiteral("n"), count);
    result.insert(QStringLiteral("dim"), dim);
    result.insert(QStringLiteral("add_per_s"), double(count) / std::max(1e-9, addSeconds));
    result.insert(QStringLiteral("save_s"), lastSaveSeconds);
    result.insert(QStringLiteral("saves"), saves);
    result.insert(QStringLiteral("full_saves"), fullSaves);
    result.insert(QStringLiteral("max_save_bytes_per_added_byte"), worstSaveRatio);
    result.insert(QStringLiteral("index_bytes"), bytesOfFiles(folder, {QStringLiteral("index*")}));
    result.insert(QStringLiteral("catalog_bytes"), bytesOfFiles(folder, {QStringLiteral("catalog.sqlite*")}));
    result.insert(QStringLiteral("build_rss_mb"), peakResidentMiB());
    if (parser.isSet(common.json)) {
        printJson(result);
    } else {
        for (auto it = result.begin(); it != result.end(); ++it)
            print(QStringLiteral("%1  %2").arg(it.key(), -34).arg(it.value().toVariant().toString()));
    }
    return 0;
}

}  // namespace

int benchCommand(const QStringList& arguments)
{
    QCommandLineParser parser;
    CommonOptions common;
    common.addTo(parser, true);
    const QCommandLineOption repeat(QStringLiteral("repeat"), QStringLiteral("Timed runs after one warm-up (default 10)."), QStringLiteral("N"),
                                    QStringLiteral("10"));
    const QCommandLineOption index(QStringLiteral("index"), QStringLiteral("Index the images under DIR into a temporary library."),
                                   QStringLiteral("DIR"));
    const QCommandLineOption scale(QStringLiteral("scale"), QStringLiteral("Build a library of N synthetic fingerprints."), QStringLiteral("N"));
    // The default method's fingerprint, once its library has learnt its projection.
    const int projectedDim = FingerprintProjection::kDeep.components + FingerprintProjection::kCamera.components
                             + FingerprintProjection::kTexture.components + kHistogramBins;
    const QCommandLineOption dim(QStringLiteral("dim"),
                                 QStringLiteral("--scale: values per fingerprint (default %1, the default method's).").arg(projectedDim),
                                 QStringLiteral("D"), QString::number(projectedDim));
    const QCommandLineOption saveEvery(QStringLiteral("save-every"),
                                       QStringLiteral("--scale: fingerprints between two saves (default 50000, about forty minutes of indexing)."),
                                       QStringLiteral("N"), QStringLiteral("50000"));
    QCommandLineOption openOnly(QStringLiteral("open-only"), QStringLiteral("(internal) reopen and search a --scale library."),
                                QStringLiteral("DIR"));
    openOnly.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({repeat, index, scale, dim, saveEvery, openOnly});
    parser.addPositionalArgument(QStringLiteral("IMAGE"), QStringLiteral("The swatch to look up."));
    parseOrExit(parser, arguments);

    const auto positive = [&](const QCommandLineOption& option) {
        bool ok = false;
        const qint64 value = parser.value(option).toLongLong(&ok);
        if (!ok || value < 1)
            throw UsageError(QStringLiteral("--%1 needs a positive whole number").arg(option.names().front()));
        return value;
    };
    if (parser.isSet(scale))
        return scaleBench(parser, common, positive(scale), int(positive(dim)), int(positive(saveEvery)), parser.value(openOnly));
    if (parser.isSet(index))
        return indexBench(parser, common, parser.value(index));
    return swatchBench(parser, common, int(positive(repeat)));
}
