#pragma once

#include "ui/BackendTypes.h"
#include "ui/LibraryHost.h"

#include "core/catalog/ImageOrder.h"
#include "core/pipeline/DuplicateFinder.h"
#include "core/pipeline/IndexingWorker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QThread>

namespace weft {
namespace ui {

class DuplicatesWorker;
class QueryWorker;

// The window's one handle on everything that runs in the background: a library
// thread (LibraryHost: library, model, indexing), a query thread (QueryWorker:
// searches, catalog reads, images for viewing) and one that looks for duplicates
// (DuplicatesWorker). Every call returns at once; the answers come back as
// signals on the GUI thread.
class LibraryBackend : public QObject {
    Q_OBJECT
public:
    enum class IndexingState { Idle, Scanning, Indexing, Paused, Stopping };
    Q_ENUM(IndexingState)

    explicit LibraryBackend(QObject* parent = nullptr);
    ~LibraryBackend() override;   // shutDown()

    // A library opened read-only because another Weft program held it opens again,
    // writable, once that program ends; rescan() opens a read-only one again at once
    // (it then has what the other program indexed meanwhile).
    void open(const LibraryOptions& options);
    bool isOpen() const { return m_open; }
    const LibraryInfo& info() const { return m_info; }

    // Folder changes and rescans stop the run under way first; it resumes with the
    // next run, which continues where it stopped.
    void addFolder(const QString& path);
    void removeFolder(qint64 rootId);
    void rescan();

    // Closes the library, repairs it on the library thread (LibraryRepair) and
    // opens it again: repairProgress, then opened (or openFailed), then repaired or repairFailed.
    void repair();

    void pauseIndexing();
    void resumeIndexing();
    void cancelIndexing();
    IndexingState indexingState() const { return m_state; }
    // Lives on the library thread; null until opened. For tests that must act on
    // the worker's own thread (Qt::DirectConnection to its signals).
    IndexingWorker* indexingWorker() const { return m_indexingWorker; }

    // Returns the request id that searchFinished/searchFailed will carry. With a
    // `folder`, the best `top` of the images under it; matches scoring less than
    // `minScore` are left out (0: none).
    quint64 search(const QuerySource& source, int top = kMatchesShown, const QString& folder = {}, float minScore = 0);
    static constexpr int kMatchesShown = 60;   // at first, and in each further page
    // The next `count` matches of the search `requestId` (with its folder and
    // cut-off) as a searchPageFinished(); nothing if a newer search was asked for.
    void searchMore(quint64 requestId, int count = kMatchesShown);
    void refreshFolders();   // and the collections, which lose the images of a removed folder
    void refreshFailedImages();
    // Like folder changes, a collection change stops the indexing run under way
    // (it holds the catalog's write lock) and the run then goes on.
    void editCollection(const CollectionEdit& edit);
    // Returns the request id that collectionLoaded will carry.
    quint64 loadCollection(qint64 collectionId);
    // For an image decoded elsewhere (the query) pass it as `decoded`.
    quint64 loadViewImage(const QString& path, const QImage& decoded = {});
    // `count` of the indexed images under `folder` (the whole library when empty) in
    // `order`, from the `first`; a `first` of 0 reads the catalog afresh.
    quint64 loadBrowsePage(const QString& folder, ImageOrder order, int first, int count);

    // The groups of duplicates and colourways under `folder` (empty: the whole
    // library), as duplicatesFound(); asking again, or cancelDuplicates(), stops
    // the run under way.
    quint64 findDuplicates(const QString& folder);
    void cancelDuplicates();

    // Stops indexing after committing what is done, closes the library and ends
    // the threads. Blocks until then; called by the destructor at the latest.
    void shutDown();

signals:
    void opened(const weft::ui::LibraryInfo& info);
    void openFailed(const QString& message);
    void modelUnavailable(const QString& message);
    void readOnlyBecause(const QString& message);
    void folderError(const QString& message);
    // Changes in some folders are noticed only by a rescan of the whole library
    // every FolderWatcher::kFallbackRescanMinutes (the system's watch limit).
    void folderWatchLimited(int unwatchedFolders);
    void damageFound(const weft::ui::LibraryDamage& damage);
    void repairProgress(const weft::ProgressReport& report);
    void repaired(const weft::RepairReport& report);
    void repairFailed(const QString& message);

    void indexingStateChanged(weft::ui::LibraryBackend::IndexingState state);
    void indexingProgress(const weft::ProgressReport& report);
    void imageFailed(const QString& path, const QString& reason);
    void scanFinished(const weft::ScanSummary& summary);
    void indexingFinished(const weft::IndexSummary& summary);
    void indexingFailed(const QString& message);

    void foldersLoaded(const QList<weft::ui::FolderStatus>& folders);
    void failedImagesLoaded(const QList<weft::ui::FailedImage>& images);
    void searchFinished(const weft::ui::SearchResult& result);
    void searchPageFinished(const weft::ui::SearchResult& page);
    void searchFailed(quint64 requestId, const QString& message);
    void viewImageLoaded(const weft::ui::ViewImage& image);
    void collectionsLoaded(const QList<weft::ImageCollection>& collections, const QList<qint64>& favourites);
    void collectionLoaded(const weft::ui::CollectionContents& contents);
    void collectionError(const QString& message);
    void browsePageLoaded(const weft::ui::BrowsePage& page);
    void duplicatesProgress(quint64 requestId, const weft::ProgressReport& report);
    void duplicatesFound(quint64 requestId, const weft::PrintGroups& groups);   // also when stopped (groups.stopped)
    void duplicatesFailed(quint64 requestId, const QString& message);

private:
    void onOpened(const LibraryInfo& info, Library* library, IndexingWorker* worker, std::shared_ptr<const FeatureExtractor> extractor);
    void setState(IndexingState state);
    // The other threads let go of the library, so that the host may close it.
    void detachLibrary();
    // Cancels the run under way, if any; says whether there was one.
    bool stopRunBeforeCatalogChange();
    // Stops the search for duplicates under way and lets go of the library.
    void detachDuplicates();

    QThread m_libraryThread;
    QThread m_queryThread;
    QThread m_duplicatesThread;
    LibraryHost* m_host = nullptr;       // lives on m_libraryThread
    QueryWorker* m_queryWorker = nullptr;  // lives on m_queryThread
    DuplicatesWorker* m_duplicatesWorker = nullptr;  // lives on m_duplicatesThread
    IndexingWorker* m_indexingWorker = nullptr;  // owned by m_host
    LibraryOptions m_options;   // of the library open, to open it again
    LibraryInfo m_info;
    bool m_open = false;
    IndexingState m_state = IndexingState::Idle;
    quint64 m_nextRequest = 1;
    QElapsedTimer m_sinceFolderRefresh;
};

}  // namespace ui
}  // namespace weft
