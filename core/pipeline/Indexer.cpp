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
    IndexSummary summary;
    QElapsedTimer clock;
    clock.start();
    const QString method = m_library.methodKey();
    runPass(m_library.catalog().imagesNeedingFingerprint(method), Pass::WholeImage, observer, summary);
    // Components cost far more than the whole-image fingerprint, so every image is
    // searchable first and gets its components in this second pass.
    if (!summary.stopped && m_extractor.detector())
        runPass(m_library.catalog().imagesNeedingComponents(method, m_extractor.detector()->id()), Pass::Components, observer, summary);
    summary.seconds = clock.elapsed() / 1000.0;
    return summary;
}

void Indexer::runPass(const QList<qint64>& todo, Pass pass, ProgressObserver* observer, IndexSummary& summary)
{
    Catalog& catalog = m_library.catalog();
    const QString method = m_library.methodKey();

    // Paths are looked up now so the decode of the next image can start early.
    QStringList paths;
    paths.reserve(todo.size());
    for (qint64 id : todo) {
        const auto record = catalog.image(id);
        paths.append(record ? record->path : QString());
    }

    QElapsedTimer clock, batchClock;
    clock.start();
    ProgressReport report;
    report.phase = pass == Pass::WholeImage ? QStringLiteral("indexing") : QStringLiteral("components");
    report.total = todo.size();

    // Catalog writes are grouped in transactions; the index follows them at once
    // (Library::storeFingerprint) and is checkpointed every few minutes, not per batch.
    auto transaction = std::make_unique<Catalog::Transaction>(catalog);
    batchClock.start();
    int inBatch = 0;
    auto commitBatch = [&] {
        transaction->commit();
        transaction.reset();
        m_library.saveIndexIfDue();
        transaction = std::make_unique<Catalog::Transaction>(catalog);
        batchClock.restart();
        inBatch = 0;
    };

    qint64 done = 0, failed = 0;
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
                const QImage& image = decoded.image->image;
                const QSize size = decoded.image->originalSize;
                if (pass == Pass::WholeImage) {
                    m_library.storeFingerprint(todo[i], m_extractor.fingerprint(image), size);
                    ++summary.indexed;
                } else {
                    const Components found = m_extractor.detector()->detect(image);
                    // Nothing found: the whole-image fingerprint stands, and the empty
                    // component list records that this image was looked at.
                    if (!found.isEmpty())
                        m_library.storeFingerprint(todo[i], m_extractor.fingerprint(image, FeatureExtractor::Purpose::Library, found), size);
                    catalog.setComponents(todo[i], scaled(found, double(size.width()) / std::max(1, image.width())),
                                          m_extractor.detector()->id());
                    ++summary.withComponents;
                }
                ++done;
            } catch (const ModelError&) {
                transaction->commit();  // a broken model stops the run; what is done stays done
                transaction.reset();
                m_library.saveIndex();
                throw;
            } catch (const Error& error) {
                failure = error.message();
            }
        }
        if (!failure.isEmpty()) {
            m_library.storeFailure(todo[i], failure);
            ++failed;
            ++summary.failed;
            if (observer)
                observer->fileFailed(paths[i], failure);
        }

        if (observer) {
            const double elapsed = clock.elapsed() / 1000.0;
            report.done = i + 1;
            report.failed = failed;
            report.currentFile = paths[i];
            report.imagesPerSecond = elapsed > 0 ? report.done / elapsed : 0;
            report.secondsLeft = report.imagesPerSecond > 0 ? (report.total - report.done) / report.imagesPerSecond : -1;
            observer->progress(report);
        }
        if (inBatch >= m_batchImages || batchClock.elapsed() > m_batchSeconds * 1000)
            commitBatch();
    }
    transaction->commit();
    transaction.reset();
    m_library.saveIndex();   // the end of a pass is a checkpoint
    summary.remaining += todo.size() - done - failed;
}

}  // namespace weft
