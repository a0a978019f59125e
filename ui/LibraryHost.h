#pragma once

#include "ui/BackendTypes.h"

#include "core/features/FeatureExtractor.h"
#include "core/features/MethodConfig.h"
#include "core/pipeline/FolderWatcher.h"
#include "core/pipeline/IndexingWorker.h"
#include "core/pipeline/Library.h"

#include <QMutex>
#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>

namespace weft {
namespace ui {

struct LibraryOptions {
    QString folder;
    MethodConfig method;
    QString modelDirectory;   // empty: ModelStore::defaultDirectory()
    int threads = 0;          // inference threads, 0 = automatic
};

// Lives on the library thread and owns what must stay there: the Library (its
// lock file and writing catalog connection), the loaded model, the indexing
// worker and the watcher of the library's folders, whose changes it has scanned
// and indexed. Folder and collection changes are catalog writes, so they run here too.
class LibraryHost : public QObject {
    Q_OBJECT
public:
    explicit LibraryHost(QObject* parent = nullptr);
    ~LibraryHost() override;

    // Thread-safe: from now on no run starts and the run under way stops, so a
    // close() queued behind other work comes soon.
    void requestClose();

public slots:
    void open(const weft::ui::LibraryOptions& options);
    void addFolder(const QString& path);
    void removeFolder(qint64 rootId);
    void editCollection(const weft::ui::CollectionEdit& edit);
    void update();
    void close();
    // Closes the library, repairs it (LibraryRepair), opens it again and then
    // says what the repair did.
    void repair(const weft::ui::LibraryOptions& options);

signals:
    // `library` and `worker` stay valid until close(); the worker's pause/resume/
    // cancel may be called from any thread.
    void opened(const weft::ui::LibraryInfo& info, weft::Library* library, weft::IndexingWorker* worker,
                std::shared_ptr<const weft::FeatureExtractor> extractor);
    void openFailed(const QString& message);
    void modelUnavailable(const QString& message);
    void readOnlyBecause(const QString& message);
    // The other Weft program that held the library, making it read-only here, has
    // ended: opened again, the library is writable and has what that program indexed.
    void writerLeft();
    void foldersChanged();
    void folderError(const QString& message);
    void collectionsChanged();
    void collectionError(const QString& message);
    // Some folders cannot be watched; the whole library is rescanned every
    // FolderWatcher::kFallbackRescanMinutes instead.
    void folderWatchLimited(int unwatchedFolders);
    // Opening found damage that a repair mends (after opened(), or after openFailed()
    // when the catalog itself is damaged).
    void damageFound(const weft::ui::LibraryDamage& damage);
    void repairProgress(const weft::ProgressReport& report);
    void repaired(const weft::RepairReport& report);
    void repairFailed(const QString& message);

private:
    void watchFolders();

    std::shared_ptr<const FeatureExtractor> m_extractor;
    MethodConfig m_method;   // the library's, as last opened
    std::unique_ptr<Library> m_library;
    std::unique_ptr<IndexingWorker> m_worker;
    std::unique_ptr<FolderWatcher> m_watcher;   // none while read-only
    bool m_readOnly = false;
    // While another Weft program holds the library: looks every kWriterPollMs
    // whether it has let go.
    QTimer* m_writerPoll = nullptr;
    static constexpr int kWriterPollMs = 2000;
    std::atomic<bool> m_closing{false};
    QMutex m_workerMutex;   // requestClose() reaches m_worker from another thread
};

}  // namespace ui
}  // namespace weft

Q_DECLARE_METATYPE(weft::ui::LibraryOptions)
