#include "ui/LibraryHost.h"

#include "core/models/Backbone.h"
#include "core/pipeline/LibraryRepair.h"
#include "core/models/ModelStore.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>

#include <optional>

namespace weft {
namespace ui {

LibraryHost::LibraryHost(QObject* parent) : QObject(parent), m_writerPoll(new QTimer(this))
{
    m_writerPoll->setInterval(kWriterPollMs);
    connect(m_writerPoll, &QTimer::timeout, this, [this] {
        if (!m_library || !Library::isFreeToWrite(m_library->folder()))
            return;
        m_writerPoll->stop();
        emit writerLeft();
    });
}

LibraryHost::~LibraryHost()
{
    close();
}

void LibraryHost::requestClose()
{
    m_closing = true;
    QMutexLocker locker(&m_workerMutex);
    if (m_worker)
        m_worker->shutDown();
}

void LibraryHost::open(const LibraryOptions& options)
{
    close();
    if (m_closing)
        return;
    Backbone::setThreads(options.threads > 0 ? options.threads : std::max(2, QThread::idealThreadCount()));
    QString modelProblem;
    try {
        const ModelStore store(options.modelDirectory.isEmpty() ? ModelStore::defaultDirectory() : options.modelDirectory);
        m_extractor = FeatureExtractor::load(options.method, store);
    } catch (const std::exception& error) {
        // ModelError and an unknown backbone id alike: browse, but do not index or search.
        modelProblem = QString::fromStdString(error.what());
        m_extractor.reset();
    }
    const MethodConfig method = m_extractor ? m_extractor->config() : options.method;
    m_method = method;
    const bool libraryExists = QFileInfo::exists(QDir(options.folder).filePath(QStringLiteral("catalog.sqlite")));

    LibraryInfo info;
    // Without a model nothing would be written but pending rows, so an existing
    // library is opened read-only; a new one is created so folders can be added.
    bool readOnly = !m_extractor && libraryExists;
    QString readOnlyReason;
    bool heldByAnother = false;
    // Opening a big library can take a while (an index to catch up or rebuild):
    // Quit stops it.
    const ShouldStop closing = [this] { return m_closing.load(); };
    try {
        try {
            m_library = std::make_unique<Library>(options.folder, method, readOnly ? Library::Access::ReadOnly : Library::Access::ReadWrite,
                                                  closing);
        } catch (const LibraryInUse& error) {
            // Held by another Weft: still worth browsing and searching.
            if (!libraryExists)
                throw;
            readOnlyReason = error.message();
            readOnly = true;
            heldByAnother = true;
            m_library = std::make_unique<Library>(options.folder, method, Library::Access::ReadOnly, closing);
        }
        if (m_library->catalog().isReadOnly() && !readOnly) {
            readOnly = true;
            readOnlyReason = tr("The library folder %1 is not writable.").arg(options.folder);
        }
    } catch (const WorkStopped&) {
        m_library.reset();   // closing: nothing to say
        return;
    } catch (const std::exception& error) {
        m_library.reset();
        if (!modelProblem.isEmpty())
            emit modelUnavailable(modelProblem);
        emit openFailed(QString::fromStdString(error.what()));
        if (dynamic_cast<const DamagedCatalogError*>(&error))
            emit damageFound({QString::fromStdString(error.what()), {}, {}});
        return;
    }
    if (!modelProblem.isEmpty())
        emit modelUnavailable(modelProblem);
    if (!readOnlyReason.isEmpty())
        emit readOnlyBecause(readOnlyReason);

    m_readOnly = readOnly;
    {
        QMutexLocker locker(&m_workerMutex);
        m_worker = std::make_unique<IndexingWorker>(*m_library, readOnly ? nullptr : m_extractor);
        if (m_closing)
            m_worker->shutDown();
    }
    info.folder = m_library->folder();
    info.methodKey = m_library->methodKey();
    info.readOnly = readOnly;
    info.canSearch = bool(m_extractor);
    emit opened(info, m_library.get(), m_worker.get(), m_extractor);
    try {
        LibraryDamage damage{{}, m_library->catalog().integrityProblems(IntegrityCheck::Quick, closing), m_library->setAsideEntries()};
        if (!damage.isEmpty())
            emit damageFound(damage);
    } catch (const WorkStopped&) {
        return;   // closing
    }

    if (heldByAnother)
        m_writerPoll->start();
    if (readOnly)
        return;
    m_watcher = std::make_unique<FolderWatcher>();
    connect(m_watcher.get(), &FolderWatcher::foldersChanged, this, [this](const QStringList& folders) {
        if (m_worker && !m_closing)
            m_worker->updateFolders(folders);
    });
    connect(m_watcher.get(), &FolderWatcher::rescanDue, this, &LibraryHost::update);
    connect(m_watcher.get(), &FolderWatcher::watchLimited, this, &LibraryHost::folderWatchLimited);
    watchFolders();
}

void LibraryHost::watchFolders()
{
    if (!m_watcher)
        return;
    QStringList paths;
    for (const LibraryRoot& root : m_library->catalog().roots())
        paths.append(root.path);
    m_watcher->watch(paths);
}

void LibraryHost::addFolder(const QString& path)
{
    if (!m_library)
        return;
    try {
        if (m_readOnly)
            throw Error(tr("The library is open read-only, so no folder can be added now."));
        const QFileInfo info(path);
        if (!info.isDir())
            throw Error(tr("%1 is not a folder.").arg(path));
        const QString canonical = info.canonicalFilePath();
        const qint64 id = m_library->catalog().addRoot(canonical);
        emit foldersChanged();
        watchFolders();
        m_worker->update({{id, canonical}});
    } catch (const std::exception& error) {
        emit folderError(QString::fromStdString(error.what()));
    }
    emit foldersChanged();
}

void LibraryHost::removeFolder(qint64 rootId)
{
    if (!m_library)
        return;
    try {
        if (m_readOnly)
            throw Error(tr("The library is open read-only, so no folder can be removed now."));
        m_library->catalog().removeRoot(rootId);
        watchFolders();
        m_library->syncIndex();
        m_library->saveIndex();
    } catch (const std::exception& error) {
        emit folderError(QString::fromStdString(error.what()));
    }
    emit foldersChanged();
}

void LibraryHost::editCollection(const CollectionEdit& edit)
{
    if (!m_library)
        return;
    try {
        if (m_readOnly)
            throw Error(tr("The library is open read-only, so its collections cannot be changed now."));
        Catalog& catalog = m_library->catalog();
        switch (edit.kind) {
        case CollectionEdit::Kind::Create: {
            Catalog::Transaction transaction(catalog);
            const qint64 id = catalog.createCollection(edit.name);
            if (edit.imageId > 0)
                catalog.addToCollection(id, edit.imageId);
            transaction.commit();
            break;
        }
        case CollectionEdit::Kind::Rename: catalog.renameCollection(edit.collectionId, edit.name); break;
        case CollectionEdit::Kind::Remove: catalog.removeCollection(edit.collectionId); break;
        case CollectionEdit::Kind::AddImage: catalog.addToCollection(edit.collectionId, edit.imageId); break;
        case CollectionEdit::Kind::RemoveImage: catalog.removeFromCollection(edit.collectionId, edit.imageId); break;
        }
    } catch (const std::exception& error) {
        emit collectionError(QString::fromStdString(error.what()));
    }
    emit collectionsChanged();
}

void LibraryHost::update()
{
    if (m_worker && !m_readOnly)
        m_worker->update();
    emit foldersChanged();
}

void LibraryHost::repair(const LibraryOptions& options)
{
    close();
    if (m_closing)
        return;
    // Reports each step as it starts, through a queued signal; Quit stops the repair.
    struct Relay : ProgressObserver {
        LibraryHost* host;
        explicit Relay(LibraryHost* h) : host(h) {}
        void progress(const ProgressReport& report) override { emit host->repairProgress(report); }
        bool shouldStop() override { return host->m_closing; }
    } relay(this);
    std::optional<RepairReport> report;
    QString failure;
    try {
        report = LibraryRepair::repair(options.folder, m_method, &relay);
    } catch (const std::exception& error) {
        failure = QString::fromStdString(error.what());
    }
    if (m_closing)
        return;   // the window is gone; what the repair did by then is kept (RepairReport::stopped)
    // Reopened first, so that what the repair did is the last word on the banner.
    open(options);
    if (report)
        emit repaired(*report);
    else
        emit repairFailed(failure);
}

void LibraryHost::close()
{
    m_writerPoll->stop();
    m_watcher.reset();
    {
        QMutexLocker locker(&m_workerMutex);
        if (m_worker)
            m_worker->shutDown();
        m_worker.reset();
    }
    m_library.reset();   // saves the index
    m_extractor.reset();
}

}  // namespace ui
}  // namespace weft
