#include "core/pipeline/Indexer.h"

#include "core/common/Error.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>

namespace weft {

namespace {

// A decoded image or the reason it could not be decoded.
struct DecodeOutcome {
    std::optional<DecodedImage> image;
    QString error;
};

DecodeOutcome decodeFile(const QString& path, const DecodeOptions& options)
{
    DecodeOutcome outcome;
    try {
        outcome.image = ImageDecoder::decode(path, options);
    } catch (const std::exception& error) {
        outcome.error = QString::fromStdString(error.what());
    }
    return outcome;
}

}  // namespace

Indexer::Indexer(Library& library, const FeatureExtractor& extractor, DecodeOptions decodeOptions)
    : m_library(library), m_extractor(extractor), m_decodeOptions(decodeOptions)
{
}

void Indexer::setBatchLimits(int images, int seconds)
{
    m_batchImages = std::max(1, images);
    m_batchSeconds = std::max(1, seconds);
}

IndexSummary Indexer::run(ProgressObserver* observer)
{
    Catalog& catalog = m_library.catalog();
    const QString method = m_library.methodKey();
    const QList<qint64> todo = catalog.imagesNeedingFingerprint(method);

    // Paths are looked up now so the decode of the next image can start early.
    QStringList paths;
    paths.reserve(todo.size());
    for (qint64 id : todo) {
        const auto record = catalog.image(id);
        paths.append(record ? record->path : QString());
    }

    IndexSummary summary;
    QElapsedTimer clock, batchClock;
    clock.start();
    ProgressReport report;
    report.phase = QStringLiteral("indexing");
    report.total = todo.size();

    auto transaction = std::make_unique<Catalog::Transaction>(catalog);
    batchClock.start();
    int inBatch = 0;
    bool batchHasFingerprints = false;
    auto commitBatch = [&] {
        transaction->commit();
        m_library.saveIndex();
        transaction = std::make_unique<Catalog::Transaction>(catalog);
        batchClock.restart();
        inBatch = 0;
        batchHasFingerprints = false;
    };

    QFuture<DecodeOutcome> next;
    if (!todo.isEmpty())
        next = QtConcurrent::run(decodeFile, paths[0], m_decodeOptions);
    for (int i = 0; i < todo.size(); ++i) {
        if (observer && observer->shouldStop()) {
            summary.stopped = true;
            next.waitForFinished();
            break;
        }
        const DecodeOutcome decoded = next.result();
        if (i + 1 < todo.size())
            next = QtConcurrent::run(decodeFile, paths[i + 1], m_decodeOptions);

        ++inBatch;
        QString failure = decoded.error;
        if (decoded.image) {
            try {
                const std::vector<float> fingerprint = m_extractor.fingerprint(decoded.image->image);
                const QSize size = decoded.image->originalSize;
                // Only a batch that writes fingerprints puts the index out of sync; one
                // of failures alone saves no index, so nothing would set the flag back.
                if (!batchHasFingerprints) {
                    catalog.setMeta(QLatin1String(Library::kIndexInSyncKey), QStringLiteral("0"));
                    batchHasFingerprints = true;
                }
                catalog.setFingerprint(todo[i], method, fingerprint, size.width(), size.height());
                QWriteLocker locker(&m_library.indexLock());
                m_library.ensureIndex(int(fingerprint.size())).add(todo[i], fingerprint);
                m_library.markIndexChanged();
                ++summary.indexed;
            } catch (const ModelError&) {
                commitBatch();  // a broken model stops the run; what is done stays done
                throw;
            } catch (const Error& error) {
                failure = error.message();
            }
        }
        if (!failure.isEmpty()) {
            catalog.setFailed(todo[i], failure);
            ++summary.failed;
            if (observer)
                observer->fileFailed(paths[i], failure);
        }

        if (observer) {
            const double elapsed = clock.elapsed() / 1000.0;
            report.done = i + 1;
            report.failed = summary.failed;
            report.currentFile = paths[i];
            report.imagesPerSecond = elapsed > 0 ? report.done / elapsed : 0;
            report.secondsLeft = report.imagesPerSecond > 0 ? (report.total - report.done) / report.imagesPerSecond : -1;
            observer->progress(report);
        }
        if (inBatch >= m_batchImages || batchClock.elapsed() > m_batchSeconds * 1000)
            commitBatch();
    }
    commitBatch();
    summary.remaining = todo.size() - summary.indexed - summary.failed;
    summary.seconds = clock.elapsed() / 1000.0;
    return summary;
}

}  // namespace weft
