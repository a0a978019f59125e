#include "core/pipeline/IndexingWorker.h"

#include "core/common/Error.h"

#include <QMutexLocker>

namespace weft {

namespace {

// What the scan reports to: the worker, but its stop check only asks for a
// cancel. A pause holds the indexing that follows the scan, before any image
// is read, so that the catalog is up to date while the work waits.
class ScanObserver : public ProgressObserver {
public:
    ScanObserver(ProgressObserver& worker, const std::atomic<bool>& cancelled) : m_worker(worker), m_cancelled(cancelled) {}
    void progress(const ProgressReport& report) override { m_worker.progress(report); }
    void fileFailed(const QString& path, const QString& reason) override { m_worker.fileFailed(path, reason); }
    bool shouldStop() override { return m_cancelled; }

private:
    ProgressObserver& m_worker;
    const std::atomic<bool>& m_cancelled;
};

}  // namespace

IndexingWorker::IndexingWorker(Library& library, std::shared_ptr<const FeatureExtractor> extractor, QObject* parent)
    : QObject(parent), m_library(library), m_extractor(std::move(extractor))
{
    qRegisterMetaType<weft::LibraryRoot>();
    qRegisterMetaType<QList<weft::LibraryRoot>>();
    qRegisterMetaType<weft::ProgressReport>();
    qRegisterMetaType<weft::ScanSummary>();
    qRegisterMetaType<weft::IndexSummary>();
}

IndexingWorker::~IndexingWorker() = default;

void IndexingWorker::pause()
{
    m_paused = true;
}

void IndexingWorker::resume()
{
    QMutexLocker locker(&m_mutex);
    m_paused = false;
    m_resumed.wakeAll();
}

void IndexingWorker::cancel()
{
    QMutexLocker locker(&m_mutex);
    if (!m_running)
        return;   // a late cancel must not stop the next run
    m_cancelled = true;
    m_paused = false;   // the next run starts unpaused
    m_resumed.wakeAll();   // a paused run must wake up to stop
}

void IndexingWorker::shutDown()
{
    QMutexLocker locker(&m_mutex);
    m_shutDown = true;
    m_cancelled = true;
    m_resumed.wakeAll();
}

void IndexingWorker::update(const QList<LibraryRoot>& roots)
{
    run([&](ProgressObserver* observer) {
        return Scanner::scan(m_library.catalog(), roots.isEmpty() ? m_library.catalog().roots() : roots, observer);
    });
}

void IndexingWorker::updateFolders(const QStringList& folders)
{
    run([&](ProgressObserver* observer) { return Scanner::scanFolders(m_library.catalog(), m_library.catalog().roots(), folders, observer); });
}

void IndexingWorker::run(const std::function<ScanSummary(ProgressObserver*)>& scanFiles)
{
    {
        QMutexLocker locker(&m_mutex);
        if (m_shutDown)
            return;
        m_running = true;
        m_cancelled = false;
    }
    emit started();
    try {
        ScanObserver scanObserver(*this, m_cancelled);
        const ScanSummary scan = scanFiles(&scanObserver);
        emit scanned(scan);
        m_library.syncIndex();
        IndexSummary summary;
        if (m_extractor && !m_cancelled) {
            Indexer indexer(m_library, *m_extractor);
            summary = indexer.run(this);
        } else {
            summary.stopped = m_cancelled;
            summary.remaining = m_library.catalog().imagesNeedingFingerprint(m_library.methodKey()).size();
        }
        m_running = false;
        emit finished(summary);
    } catch (const DamagedCatalogError& error) {
        m_running = false;
        emit catalogDamaged(error.message());
    } catch (const std::exception& error) {
        m_running = false;
        emit failed(QString::fromStdString(error.what()));
    }
}

void IndexingWorker::progress(const ProgressReport& report)
{
    emit progressed(report);
}

void IndexingWorker::fileFailed(const QString& path, const QString& reason)
{
    emit imageFailed(path, reason);
}

bool IndexingWorker::shouldStop()
{
    if (m_paused && !m_cancelled) {
        emit pausedChanged(true);
        QMutexLocker locker(&m_mutex);
        while (m_paused && !m_cancelled)
            m_resumed.wait(&m_mutex);
        locker.unlock();
        emit pausedChanged(false);
    }
    return m_cancelled;
}

}  // namespace weft
