#pragma once

#include "ui/BackendTypes.h"
#include "ui/LibraryHost.h"

#include "core/catalog/ImageOrder.h"
#include "core/pipeline/IndexingWorker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

namespace weft {
namespace ui {

class QueryWorker;

// The window's one handle on everything that runs in the background: a library
// thread (LibraryHost: library, model, indexing) and a query thread (QueryWorker:
// searches, catalog reads, images for viewing). Every call returns at once; the
// answers come back as signals on the GUI thread.
class LibraryBackend : public QObject {
    Q_OBJECT
public:
    enum class IndexingState { Idle, Scanning, Indexing, Paused, Stopping };
    Q_ENUM(IndexingState)

    explicit LibraryBackend(QObject* parent = nullptr);
    ~LibraryBackend() override;   // shutDown()

    void open(const LibraryOptions& options);
    bool isOpen() const { return m_open; }
    const LibraryInfo& info() const { return m_info; }

    // Folder changes and rescans stop the run under way first; it resumes with the
    // next run, which continues where it stopped.
    void addFolder(const QString& path);
    void removeFolder(qint64 rootId);
    void rescan();

    void pauseIndexing();
    void resumeIndexing();
    void cancelIndexing();
    IndexingState indexingState() const { return m_state; }
    // Lives on the library thread; null until opened. For tests that must act on
    // the worker's own thread (Qt::DirectConnection to its signals).
    IndexingWorker* indexingWorker() const { return m_indexingWorker; }

    // Returns the request id that searchFinished/searchFailed will carry. With a
    // `folder`, the best `top` of the images under it.
    quint64 search(const QuerySource& source, int top = kMatchesShown, const QString& folder = {});
    static constexpr int kMatchesShown = 60;
    void refreshFolders();
    void refreshFailedImages();
    // For an image decoded elsewhere (the query) pass it as `decoded`.
    quint64 loadViewImage(const QString& path, const QImage& decoded = {});
    // `count` of the indexed images under `folder` (the whole library when empty) in
    // `order`, from the `first`; a `first` of 0 reads the catalog afresh.
    quint64 loadBrowsePage(const QString& folder, ImageOrder order, int first, int count);

    // Stops indexing after committing what is done, closes the library and ends
    // both threads. Blocks until then; called by the destructor at the latest.
    void shutDown();

signals:
    void opened(const weft::ui::LibraryInfo& info);
    void openFailed(const QString& message);
    void modelUnavailable(const QString& message);
    void readOnlyBecause(const QString& message);
    void folderError(const QString& message);

    void indexingStateChanged(weft::ui::LibraryBackend::IndexingState state);
    void indexingProgress(const weft::ProgressReport& report);
    void imageFailed(const QString& path, const QString& reason);
    void scanFinished(const weft::ScanSummary& summary);
    void indexingFinished(const weft::IndexSummary& summary);
    void indexingFailed(const QString& message);

    void foldersLoaded(const QList<weft::ui::FolderStatus>& folders);
    void failedImagesLoaded(const QList<weft::ui::FailedImage>& images);
    void searchFinished(const weft::ui::SearchResult& result);
    void searchFailed(quint64 requestId, const QString& message);
    void viewImageLoaded(const weft::ui::ViewImage& image);
    void browsePageLoaded(const weft::ui::BrowsePage& page);

private:
    void onOpened(const LibraryInfo& info, Library* library, IndexingWorker* worker, std::shared_ptr<const FeatureExtractor> extractor);
    void setState(IndexingState state);
    // Cancels the run under way, if any; says whether there was one.
    bool stopRunBeforeFolderChange();

    QThread m_libraryThread;
    QThread m_queryThread;
    LibraryHost* m_host = nullptr;       // lives on m_libraryThread
    QueryWorker* m_queryWorker = nullptr;  // lives on m_queryThread
    IndexingWorker* m_indexingWorker = nullptr;  // owned by m_host
    LibraryInfo m_info;
    bool m_open = false;
    IndexingState m_state = IndexingState::Idle;
    quint64 m_nextRequest = 1;
    QElapsedTimer m_sinceFolderRefresh;
};

}  // namespace ui
}  // namespace weft
