#include "ui/LibraryBackend.h"

#include "ui/DuplicatesWorker.h"
#include "ui/QueryWorker.h"

#include <QCoreApplication>

namespace weft {
namespace ui {

namespace {

void registerTypes()
{
    qRegisterMetaType<weft::ui::LibraryOptions>();
    qRegisterMetaType<weft::ui::LibraryInfo>();
    qRegisterMetaType<weft::ui::FolderStatus>();
    qRegisterMetaType<QList<weft::ui::FolderStatus>>();
    qRegisterMetaType<weft::ui::FailedImage>();
    qRegisterMetaType<QList<weft::ui::FailedImage>>();
    qRegisterMetaType<weft::ui::QuerySource>();
    qRegisterMetaType<weft::ui::SearchResult>();
    qRegisterMetaType<weft::ui::ViewImage>();
    qRegisterMetaType<weft::ImageCollection>();
    qRegisterMetaType<QList<weft::ImageCollection>>();
    qRegisterMetaType<QList<qint64>>();
    qRegisterMetaType<weft::ui::CollectionEdit>();
    qRegisterMetaType<weft::ui::CollectionContents>();
    qRegisterMetaType<weft::ui::BrowsePage>();
    qRegisterMetaType<weft::ProgressReport>();
    qRegisterMetaType<weft::ScanSummary>();
    qRegisterMetaType<weft::IndexSummary>();
    qRegisterMetaType<weft::Library*>();
    qRegisterMetaType<weft::IndexingWorker*>();
    qRegisterMetaType<std::shared_ptr<const weft::FeatureExtractor>>();
    qRegisterMetaType<weft::ui::LibraryDamage>();
    qRegisterMetaType<weft::RepairReport>();
}

}  // namespace

LibraryBackend::LibraryBackend(QObject* parent) : QObject(parent)
{
    registerTypes();
    m_libraryThread.setObjectName(QStringLiteral("weft-library"));
    m_queryThread.setObjectName(QStringLiteral("weft-query"));
    m_host = new LibraryHost;
    m_host->moveToThread(&m_libraryThread);
    m_queryWorker = new QueryWorker;
    m_queryWorker->moveToThread(&m_queryThread);
    connect(&m_libraryThread, &QThread::finished, m_host, &QObject::deleteLater);
    connect(&m_queryThread, &QThread::finished, m_queryWorker, &QObject::deleteLater);
    m_duplicatesThread.setObjectName(QStringLiteral("weft-duplicates"));
    m_duplicatesWorker = new DuplicatesWorker;
    m_duplicatesWorker->moveToThread(&m_duplicatesThread);
    connect(&m_duplicatesThread, &QThread::finished, m_duplicatesWorker, &QObject::deleteLater);
    connect(m_duplicatesWorker, &DuplicatesWorker::progressed, this, &LibraryBackend::duplicatesProgress);
    connect(m_duplicatesWorker, &DuplicatesWorker::found, this, &LibraryBackend::duplicatesFound);
    connect(m_duplicatesWorker, &DuplicatesWorker::failed, this, &LibraryBackend::duplicatesFailed);

    connect(m_host, &LibraryHost::opened, this, &LibraryBackend::onOpened);
    connect(m_host, &LibraryHost::openFailed, this, [this](const QString& message) {
        m_open = false;
        emit openFailed(message);
    });
    connect(m_host, &LibraryHost::modelUnavailable, this, &LibraryBackend::modelUnavailable);
    connect(m_host, &LibraryHost::readOnlyBecause, this, &LibraryBackend::readOnlyBecause);
    connect(m_host, &LibraryHost::writerLeft, this, [this] {
        if (m_open && m_info.readOnly)
            open(m_options);
    });
    connect(m_host, &LibraryHost::folderError, this, &LibraryBackend::folderError);
    connect(m_host, &LibraryHost::folderWatchLimited, this, &LibraryBackend::folderWatchLimited);
    connect(m_host, &LibraryHost::damageFound, this, &LibraryBackend::damageFound);
    connect(m_host, &LibraryHost::repairProgress, this, &LibraryBackend::repairProgress);
    connect(m_host, &LibraryHost::repaired, this, &LibraryBackend::repaired);
    connect(m_host, &LibraryHost::repairFailed, this, &LibraryBackend::repairFailed);
    connect(m_host, &LibraryHost::foldersChanged, this, &LibraryBackend::refreshFolders);
    connect(m_host, &LibraryHost::collectionError, this, &LibraryBackend::collectionError);
    connect(m_host, &LibraryHost::collectionsChanged, this, [this] {
        QMetaObject::invokeMethod(m_queryWorker, &QueryWorker::loadCollections, Qt::QueuedConnection);
    });

    connect(m_queryWorker, &QueryWorker::searchFinished, this, &LibraryBackend::searchFinished);
    connect(m_queryWorker, &QueryWorker::searchPageFinished, this, &LibraryBackend::searchPageFinished);
    connect(m_queryWorker, &QueryWorker::searchFailed, this, &LibraryBackend::searchFailed);
    connect(m_queryWorker, &QueryWorker::foldersLoaded, this, &LibraryBackend::foldersLoaded);
    connect(m_queryWorker, &QueryWorker::failedImagesLoaded, this, &LibraryBackend::failedImagesLoaded);
    connect(m_queryWorker, &QueryWorker::viewImageLoaded, this, &LibraryBackend::viewImageLoaded);
    connect(m_queryWorker, &QueryWorker::collectionsLoaded, this, &LibraryBackend::collectionsLoaded);
    connect(m_queryWorker, &QueryWorker::collectionLoaded, this, &LibraryBackend::collectionLoaded);
    connect(m_queryWorker, &QueryWorker::collectionFailed, this, &LibraryBackend::collectionError);
    connect(m_queryWorker, &QueryWorker::browsePageLoaded, this, &LibraryBackend::browsePageLoaded);

    m_libraryThread.start();
    m_queryThread.start();
    m_duplicatesThread.start();
    m_sinceFolderRefresh.start();
}

LibraryBackend::~LibraryBackend()
{
    shutDown();
}

void LibraryBackend::open(const LibraryOptions& options)
{
    detachLibrary();
    m_options = options;
    QMetaObject::invokeMethod(m_host, [host = m_host, options] { host->open(options); }, Qt::QueuedConnection);
}

void LibraryBackend::repair()
{
    detachLibrary();
    QMetaObject::invokeMethod(m_host, [host = m_host, options = m_options] { host->repair(options); }, Qt::QueuedConnection);
}

void LibraryBackend::detachLibrary()
{
    if (!m_open)
        return;
    if (m_indexingWorker)
        m_indexingWorker->shutDown();
    // The query threads let go of the old library before the host closes it.
    QMetaObject::invokeMethod(m_queryWorker, &QueryWorker::detach, Qt::BlockingQueuedConnection);
    detachDuplicates();
    m_indexingWorker = nullptr;
    m_open = false;
}

void LibraryBackend::onOpened(const LibraryInfo& info, Library* library, IndexingWorker* worker, std::shared_ptr<const FeatureExtractor> extractor)
{
    m_info = info;
    m_indexingWorker = worker;
    m_open = true;
    connect(worker, &IndexingWorker::started, this, [this] { setState(IndexingState::Scanning); });
    connect(worker, &IndexingWorker::progressed, this, [this](const ProgressReport& report) {
        if (m_state != IndexingState::Paused && m_state != IndexingState::Stopping)
            setState(report.phase == ProgressPhase::Indexing ? IndexingState::Indexing : IndexingState::Scanning);
        emit indexingProgress(report);
        if (m_sinceFolderRefresh.elapsed() > 1000) {
            m_sinceFolderRefresh.restart();
            QMetaObject::invokeMethod(m_queryWorker, &QueryWorker::loadFolderCounts, Qt::QueuedConnection);
        }
    });
    connect(worker, &IndexingWorker::pausedChanged, this, [this](bool paused) {
        if (m_state != IndexingState::Stopping)
            setState(paused ? IndexingState::Paused : IndexingState::Indexing);
    });
    connect(worker, &IndexingWorker::imageFailed, this, &LibraryBackend::imageFailed);
    connect(worker, &IndexingWorker::scanned, this, [this](const ScanSummary& summary) {
        refreshFolders();   // the scan may have brought new sub-folders
        emit scanFinished(summary);
    });
    connect(worker, &IndexingWorker::finished, this, [this](const IndexSummary& summary) {
        setState(IndexingState::Idle);
        refreshFolders();
        emit indexingFinished(summary);
    });
    connect(worker, &IndexingWorker::failed, this, [this](const QString& message) {
        setState(IndexingState::Idle);
        refreshFolders();
        emit indexingFailed(message);
    });
    // Offered as damage (RepairOffer's banner with its Repair button), not as a
    // failed run, whose banner took the button's place.
    connect(worker, &IndexingWorker::catalogDamaged, this, [this](const QString& message) {
        setState(IndexingState::Idle);
        emit damageFound(LibraryDamage{message, {}, {}});
    });
    QMetaObject::invokeMethod(
        m_queryWorker, [queryWorker = m_queryWorker, library, extractor] { queryWorker->attach(library, extractor); }, Qt::QueuedConnection);
    QMetaObject::invokeMethod(
        m_duplicatesWorker, [worker = m_duplicatesWorker, library, extractor] { worker->attach(library, extractor); }, Qt::QueuedConnection);
    emit opened(info);
    refreshFolders();
}

void LibraryBackend::setState(IndexingState state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit indexingStateChanged(state);
}

bool LibraryBackend::stopRunBeforeCatalogChange()
{
    if (!m_indexingWorker || m_state == IndexingState::Idle)
        return false;
    m_indexingWorker->cancel();
    return true;
}

void LibraryBackend::addFolder(const QString& path)
{
    const bool interrupted = stopRunBeforeCatalogChange();
    QMetaObject::invokeMethod(m_host, [host = m_host, path] { host->addFolder(path); }, Qt::QueuedConnection);
    // A run cut short for the new folder picks up again after it; with nothing
    // interrupted there is nothing to pick up, and a user's cancel stays a cancel.
    if (interrupted)
        QMetaObject::invokeMethod(m_host, &LibraryHost::update, Qt::QueuedConnection);
}

void LibraryBackend::removeFolder(qint64 rootId)
{
    const bool interrupted = stopRunBeforeCatalogChange();
    QMetaObject::invokeMethod(m_host, [host = m_host, rootId] { host->removeFolder(rootId); }, Qt::QueuedConnection);
    if (interrupted)
        QMetaObject::invokeMethod(m_host, &LibraryHost::update, Qt::QueuedConnection);
}

void LibraryBackend::editCollection(const CollectionEdit& edit)
{
    const bool wasPaused = m_state == IndexingState::Paused;
    const bool interrupted = stopRunBeforeCatalogChange();
    QMetaObject::invokeMethod(m_host, [host = m_host, edit] { host->editCollection(edit); }, Qt::QueuedConnection);
    if (interrupted) {
        QMetaObject::invokeMethod(m_host, &LibraryHost::update, Qt::QueuedConnection);
        if (wasPaused)
            m_indexingWorker->pause();   // the run goes on as the user left it
    }
}

quint64 LibraryBackend::loadCollection(qint64 collectionId)
{
    const quint64 id = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_queryWorker, [worker = m_queryWorker, id, collectionId] { worker->loadCollection(id, collectionId); }, Qt::QueuedConnection);
    return id;
}

void LibraryBackend::rescan()
{
    // Read-only, it cannot scan: it reads what the library's writer has done since.
    if (m_open && m_info.readOnly) {
        open(m_options);
        return;
    }
    stopRunBeforeCatalogChange();
    QMetaObject::invokeMethod(m_host, &LibraryHost::update, Qt::QueuedConnection);
}

void LibraryBackend::pauseIndexing()
{
    if (m_indexingWorker)
        m_indexingWorker->pause();
}

void LibraryBackend::resumeIndexing()
{
    if (m_indexingWorker)
        m_indexingWorker->resume();
}

void LibraryBackend::cancelIndexing()
{
    if (!m_indexingWorker || m_state == IndexingState::Idle)
        return;
    setState(IndexingState::Stopping);
    m_indexingWorker->cancel();
}

quint64 LibraryBackend::search(const QuerySource& source, int top, const QString& folder, float minScore)
{
    const quint64 id = m_nextRequest++;
    m_queryWorker->setLatestSearch(id);
    QMetaObject::invokeMethod(
        m_queryWorker, [worker = m_queryWorker, id, source, top, folder, minScore] { worker->search(id, source, top, folder, minScore); },
        Qt::QueuedConnection);
    return id;
}

void LibraryBackend::searchMore(quint64 requestId, int count)
{
    QMetaObject::invokeMethod(
        m_queryWorker, [worker = m_queryWorker, requestId, count] { worker->searchMore(requestId, count); }, Qt::QueuedConnection);
}

void LibraryBackend::refreshFolders()
{
    m_sinceFolderRefresh.restart();
    QMetaObject::invokeMethod(m_queryWorker, &QueryWorker::loadFolders, Qt::QueuedConnection);
    QMetaObject::invokeMethod(m_queryWorker, &QueryWorker::loadCollections, Qt::QueuedConnection);
}

void LibraryBackend::refreshFailedImages()
{
    QMetaObject::invokeMethod(m_queryWorker, &QueryWorker::loadFailedImages, Qt::QueuedConnection);
}

quint64 LibraryBackend::loadViewImage(const QString& path, const QImage& decoded)
{
    const quint64 id = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_queryWorker, [worker = m_queryWorker, id, path, decoded] { worker->loadViewImage(id, path, decoded); }, Qt::QueuedConnection);
    return id;
}

quint64 LibraryBackend::loadBrowsePage(const QString& folder, ImageOrder order, int first, int count)
{
    const quint64 id = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_queryWorker, [worker = m_queryWorker, id, folder, order, first, count] { worker->loadBrowsePage(id, folder, order, first, count); },
        Qt::QueuedConnection);
    return id;
}

quint64 LibraryBackend::findDuplicates(const QString& folder)
{
    const quint64 id = m_nextRequest++;
    m_duplicatesWorker->setWanted(id);
    QMetaObject::invokeMethod(
        m_duplicatesWorker, [worker = m_duplicatesWorker, id, folder] { worker->find(id, folder); }, Qt::QueuedConnection);
    return id;
}

void LibraryBackend::cancelDuplicates()
{
    m_duplicatesWorker->cancel();
}

void LibraryBackend::detachDuplicates()
{
    m_duplicatesWorker->cancel();
    QMetaObject::invokeMethod(m_duplicatesWorker, &DuplicatesWorker::detach, Qt::BlockingQueuedConnection);
}

void LibraryBackend::shutDown()
{
    if (!m_libraryThread.isRunning() && !m_queryThread.isRunning())
        return;
    m_host->requestClose();   // the run under way commits its batch and returns
    // The query side lets go of the library first, then the host closes it on its
    // own thread (the index is saved there); queued work before these runs first.
    QMetaObject::invokeMethod(m_queryWorker, &QueryWorker::detach, Qt::BlockingQueuedConnection);
    detachDuplicates();
    QMetaObject::invokeMethod(m_host, &LibraryHost::close, Qt::BlockingQueuedConnection);
    m_indexingWorker = nullptr;
    m_open = false;
    m_queryThread.quit();
    m_duplicatesThread.quit();
    m_libraryThread.quit();
    m_queryThread.wait();
    m_duplicatesThread.wait();
    m_libraryThread.wait();
    // What the workers said before they stopped (a scan's progress, the run's end)
    // is still queued here; its handlers reach for the query worker, gone now.
    QCoreApplication::removePostedEvents(this, QEvent::MetaCall);
    setState(IndexingState::Idle);
}

}  // namespace ui
}  // namespace weft
