#include "core/pipeline/Indexer.h"

#include "core/common/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <deque>
#include <optional>

namespace weft {

namespace {

// Images decoded and prepared ahead of the network, so that it never waits.
constexpr int kPreparedAhead = 3 * Indexer::kBatch;

// One image on its way through the pipeline, or the reason it fell out.
struct Work {
    int position = 0;                    // in the run's list
    QString path;
    QSize originalSize;                  // as stored in the file
    int decodedWidth = 0;                // of the image the description's components are in
    std::optional<FeatureExtractor::Prepared> prepared;
    FeatureExtractor::Description description;
    QString failure;
};

// Why one image could not be indexed when a library (OpenCV, LibTorch) threw: its
// message speaks of matrices and tensors, so the image is named with it.
QString failureNaming(const QString& path, const std::exception& error)
{
    return QCoreApplication::translate("weft::Indexer", "Cannot index %1: %2")
        .arg(QDir::toNativeSeparators(path), QString::fromUtf8(error.what()));
}

Work prepareFile(int position, const QString& path, const FeatureExtractor& extractor, const DecodeOptions& options)
{
    Work work;
    work.position = position;
    work.path = path;
    try {
        const DecodedImage decoded = ImageDecoder::decode(path, options);
        work.originalSize = decoded.originalSize;
        work.decodedWidth = decoded.image.width();
        work.prepared = extractor.prepare(decoded.image, FeatureExtractor::Purpose::Library);
    } catch (const DecodeError& error) {
        work.failure = error.message();   // names the file already
    } catch (const std::exception& error) {
        work.failure = failureNaming(path, error);
    }
    return work;
}

Work describeWork(Work work, const FeatureMap& map, const FeatureExtractor& extractor)
{
    try {
        work.description = extractor.describe(*work.prepared, map);
    } catch (const ModelError&) {
        throw;
    } catch (const std::exception& error) {
        work.failure = failureNaming(work.path, error);
    }
    work.prepared.reset();   // its pictures are not needed any more
    return work;
}

}  // namespace

Indexer::Indexer(Library& library, const FeatureExtractor& extractor, DecodeOptions decodeOptions)
    : m_library(library), m_extractor(extractor), m_decodeOptions(decodeOptions)
{
}

void Indexer::setBatchLimits(int images, int seconds)
{
    m_transactionImages = std::max(1, images);
    m_transactionSeconds = std::max(1, seconds);
}

IndexSummary Indexer::run(ProgressObserver* observer)
{
    IndexSummary summary;
    QElapsedTimer clock;
    clock.start();
    Catalog& catalog = m_library.catalog();
    const QList<qint64> todo = catalog.imagesNeedingFingerprint(m_library.methodKey());
    QStringList paths;
    paths.reserve(todo.size());
    for (qint64 id : todo) {
        const auto record = catalog.image(id);
        paths.append(record ? record->path : QString());
    }

    // A pool of our own: Qt's global one is the GUI's, and must never wait on us.
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(2, QThread::idealThreadCount()));

    ProgressReport report;
    report.phase = ProgressPhase::Indexing;
    report.total = todo.size();
    if (observer && report.total > 0)
        observer->progress(report);
    auto transaction = std::make_unique<Catalog::Transaction>(catalog);
    QElapsedTimer transactionClock;
    transactionClock.start();
    int inTransaction = 0;

    // Asked between two images, as the observer expects; what is in flight after a
    // stop is dropped, to be done by the next run.
    bool stopping = false;
    auto store = [&](const Work& work) {
        if (!stopping && observer && observer->shouldStop())
            stopping = true;
        if (stopping)
            return;
        const qint64 id = todo[work.position];
        QString failure = work.failure;
        if (failure.isEmpty()) {
            try {
                m_library.storeFingerprint(id, work.description.fingerprint, work.originalSize);
                if (m_extractor.detector()) {
                    const double toOriginal = double(work.originalSize.width()) / std::max(1, work.decodedWidth);
                    catalog.setComponents(id, scaled(work.description.components, toOriginal), m_extractor.detector()->id());
                    ++summary.withComponents;
                }
                ++summary.indexed;
            } catch (const ModelError&) {
                throw;
            } catch (const Error& error) {
                failure = error.message();
            }
        }
        if (!failure.isEmpty()) {
            m_library.storeFailure(id, failure);
            ++summary.failed;
            ++report.failed;
            if (observer)
                observer->fileFailed(paths[work.position], failure);
        }
        ++report.done;
        if (observer) {
            const double elapsed = clock.elapsed() / 1000.0;
            report.currentFile = paths[work.position];
            report.imagesPerSecond = elapsed > 0 ? report.done / elapsed : 0;
            report.secondsLeft = report.imagesPerSecond > 0 ? (report.total - report.done) / report.imagesPerSecond : -1;
            observer->progress(report);
        }
        if (++inTransaction >= m_transactionImages || transactionClock.elapsed() > m_transactionSeconds * 1000) {
            transaction->commit();
            transaction.reset();
            m_library.learnProjectionIfDue(m_extractor.layout());
            m_library.saveIndexIfDue();
            transaction = std::make_unique<Catalog::Transaction>(catalog);
            transactionClock.restart();
            inTransaction = 0;
        }
    };

    std::deque<QFuture<Work>> preparing;
    std::vector<QFuture<Work>> describing;
    int submitted = 0;
    auto submitAhead = [&] {
        while (submitted < todo.size() && int(preparing.size()) < kPreparedAhead) {
            preparing.push_back(QtConcurrent::run(&pool, prepareFile, submitted, paths[submitted], std::cref(m_extractor), m_decodeOptions));
            ++submitted;
        }
    };
    auto storeDescribed = [&] {
        for (QFuture<Work>& future : describing)
            store(future.result());
        describing.clear();
    };

    try {
        // A pause holds here, before anything more is read.
        stopping = observer && observer->shouldStop();
        if (!stopping)
            submitAhead();
        while (!preparing.empty() && !stopping) {
            if (observer && observer->shouldStop()) {
                stopping = true;
                break;
            }
            // The next batch, in order; images that could not be read are stored as failures.
            std::vector<Work> batch;
            while (!preparing.empty() && int(batch.size()) < kBatch) {
                Work work = preparing.front().result();
                preparing.pop_front();
                if (!stopping)
                    submitAhead();
                if (work.prepared)
                    batch.push_back(std::move(work));
                else
                    store(work);
            }
            if (batch.empty())
                continue;
            std::vector<const FeatureExtractor::Prepared*> inputs;
            for (const Work& work : batch)
                inputs.push_back(&*work.prepared);
            const std::vector<FeatureMap> maps = m_extractor.run(inputs);
            // The previous batch was described while this one ran; store it, then
            // describe this one while the next runs.
            storeDescribed();
            for (std::size_t i = 0; i < batch.size(); ++i)
                describing.push_back(QtConcurrent::run(&pool, describeWork, std::move(batch[i]), maps[i], std::cref(m_extractor)));
        }
        storeDescribed();
        summary.stopped = stopping;
    } catch (const ModelError&) {
        // A broken model stops the run; what is done stays done.
        for (QFuture<Work>& future : preparing)
            future.waitForFinished();
        for (QFuture<Work>& future : describing)
            future.waitForFinished();
        transaction->commit();
        transaction.reset();
        m_library.saveIndex();
        throw;
    }
    for (QFuture<Work>& future : preparing)
        future.waitForFinished();
    transaction->commit();
    transaction.reset();
    m_library.learnProjectionIfDue(m_extractor.layout());
    m_library.saveIndex();   // the end of a pass is a checkpoint
    summary.remaining = todo.size() - summary.indexed - summary.failed;
    summary.seconds = clock.elapsed() / 1000.0;
    return summary;
}

}  // namespace weft
