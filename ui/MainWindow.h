#pragma once

#include "ui/BackendTypes.h"
#include "ui/LibraryBackend.h"
#include "ui/LibraryHost.h"
#include "ui/SearchHistory.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QMainWindow>

class QAction;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListView;
class QNetworkAccessManager;
class QSlider;
class QSplitter;
class QTabWidget;

namespace weft {
namespace ui {

class AppSettings;
class BrowseView;
class CollectionActions;
class CollectionsPanel;
class CompareView;
class ComponentInspector;
class DesktopLauncher;
class ElidedLabel;
class FailedFilesDialog;
class ImageClipboard;
class IndexingStatus;
class LibraryPanel;
class MessageBanner;
class QueryPanel;
class RegionSearch;
class ResultsExporter;
class ResultsModel;
class ThumbnailGrid;
class ThumbnailProvider;

// Weft's window: the library's folders on the left, the swatch and its ranked
// matches in the middle, the chosen match beside the swatch (and the component
// inspector) on the right, indexing in the status bar. All work happens in the
// LibraryBackend's threads; this class only shows and asks.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    struct Options {
        LibraryOptions library;
        bool updateOnOpen = true;          // rescan the folders when the library opens
        QStringList foldersToAdd;          // e.g. from the command line
        QString swatchOnOpen;              // an image to look up as soon as the library is open
        AppSettings* settings = nullptr;   // null: nothing is remembered (tests)
        DesktopLauncher* launcher = nullptr;   // null: the desktop's; the window takes it over
    };

    explicit MainWindow(const Options& options, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Looks a swatch up, as a drop, a paste or File > Open do.
    void searchFor(const QuerySource& source);
    void pasteSwatch();
    void addFolder(const QString& path);
    void inspectImage(const QString& path);

    LibraryBackend& backend() { return *m_backend; }
    ResultsModel* resultsModel() const { return m_results; }
    // Which folder searches are kept to: "All folders" (no data), then each
    // library folder with the folders inside it (data: the folder's path).
    QComboBox* folderFilter() const { return m_folderFilter; }
    QListView* resultsView() const;
    // Matches scoring less are not asked for (0: all are); remembered in the settings.
    QDoubleSpinBox* scoreCutOff() const { return m_scoreCutOff; }
    BrowseView* browseView() const { return m_browse; }
    // The matches or the browsed folder, whichever is on show.
    QTabWidget* centreTabs() const { return m_centreTabs; }
    CompareView* compareView() const { return m_compare; }
    ComponentInspector* inspector() const { return m_inspector; }
    MessageBanner* banner() const { return m_banner; }
    IndexingStatus* indexingStatus() const { return m_indexingStatus; }
    LibraryPanel* libraryPanel() const { return m_libraryPanel; }
    RegionSearch* regionSearch() const { return m_regionSearch; }
    CollectionsPanel* collectionsPanel() const { return m_collectionsPanel; }
    CollectionActions* collectionActions() const { return m_collectionActions; }
    // Shows a collection's patterns in the results, as a search shows its matches.
    void showCollection(qint64 collectionId);
    QString lastSearchError() const { return m_lastSearchError; }
    // The shown matches of a swatch search are still to get their second look.
    bool secondLookPending() const { return m_secondLookPending; }
    SearchHistory* searchHistory() const { return m_history; }

signals:
    void resultsShown(int count);
    void resultsRefined(int count);   // a swatch search's matches after their second look
    void searchFailedShown(const QString& message);
    // Milliseconds from a drop (or paste) to the results being in the model.
    void dropToResults(double milliseconds);
    void compareReady();
    void collectionShown(qint64 collectionId, int count);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    // Asked after a folder is dropped: add it to the library? Virtual so that a
    // test can answer in the user's place.
    virtual bool confirmAddingFolder(const QString& path);

private:
    void buildMenus();
    QWidget* buildCentre();
    QWidget* buildComparePage();
    void restoreLayout();
    void saveLayout();

    void onOpened(const LibraryInfo& info);
    void onSearchFinished(const SearchResult& result);
    void showRefinedMatches(const SearchResult& result);
    void showNextPage(const SearchResult& page);
    void fetchMoreIfAtEnd();
    void showQueryAndFirstMatch(const SearchResult& result, bool checking);
    void showFromHistory(const SearchHistory::Entry& entry);
    void showResultCount(bool checking);
    void onSearchFailed(quint64 requestId, const QString& message);
    void onViewImageLoaded(const ViewImage& image);
    void onFoldersLoaded(const QList<FolderStatus>& folders);
    void onCollectionsLoaded(const QList<ImageCollection>& collections, const QList<qint64>& favourites);
    void onCollectionLoaded(const CollectionContents& contents);
    void showFolderChoices(const QList<FolderStatus>& folders);
    void onIndexingFinished(const IndexSummary& summary);
    void onCurrentResultChanged();
    // With the colourway switch as it is now.
    void startSearch(const QuerySource& requested);
    // The same swatch looked up again in the folder chosen or the library updated.
    void searchAgain(const QuerySource& source);
    void fetchRemote(const QUrl& url);
    // What a drag carries, as far as the window is concerned.
    enum class DragContent { Nothing, Swatch, Folder };
    DragContent dragContent(const QDropEvent* event) const;
    void setThumbnailSize(int pixels);
    void openSwatchFile();
    void chooseFolderToAdd();
    void chooseImageToInspect();
    QString chooseImage(const QString& title);   // empty when the user cancels
    QString dialogFolder() const;   // where the file dialogs open
    void rememberFolder(const QString& folder);
    void openSettings();
    QString selectedPath() const;
    void openInViewer(const QString& path);
    void showInFolder(const QString& path);
    void copyImage(const QString& path);
    void copyPath(const QString& path);
    void connectRegionSearch();
    void connectColourSearch();
    void exportCsv();
    void exportContactSheet();
    // Empty when the user cancels; ends in `suffix` (e.g. "csv").
    QString chooseExportFile(const QString& title, const QString& suffix, const QString& filter);
    void showImageMenu(const QString& path, qint64 imageId, const QPoint& globalPosition);
    void findLike(const QString& path);
    // Searches and browses the folder chosen in the folder filter.
    void onFolderChosen();
    void browse(const QString& folder);

    Options m_options;
    LibraryBackend* m_backend;
    ThumbnailProvider* m_thumbnails;
    ResultsModel* m_results;
    DesktopLauncher* m_launcher;
    ImageClipboard* m_clipboard;
    RegionSearch* m_regionSearch;
    ResultsExporter* m_exporter;
    SearchHistory* m_history;
    QNetworkAccessManager* m_network = nullptr;

    MessageBanner* m_banner = nullptr;
    LibraryPanel* m_libraryPanel = nullptr;
    CollectionsPanel* m_collectionsPanel = nullptr;
    CollectionActions* m_collectionActions = nullptr;
    QSplitter* m_leftSplitter = nullptr;
    QueryPanel* m_queryPanel = nullptr;
    QComboBox* m_folderFilter = nullptr;
    QSlider* m_sizeSlider = nullptr;
    ElidedLabel* m_resultCount = nullptr;
    QLabel* m_checkingNotice = nullptr;
    QDoubleSpinBox* m_scoreCutOff = nullptr;
    ThumbnailGrid* m_resultsView = nullptr;
    BrowseView* m_browse = nullptr;
    QTabWidget* m_centreTabs = nullptr;
    QTabWidget* m_detailTabs = nullptr;
    CompareView* m_compare = nullptr;
    QLabel* m_compareCaption = nullptr;
    QCheckBox* m_overlayToggle = nullptr;
    ComponentInspector* m_inspector = nullptr;
    IndexingStatus* m_indexingStatus = nullptr;
    FailedFilesDialog* m_failedDialog = nullptr;
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_centreSplitter = nullptr;
    QAction* m_showOverlays = nullptr;
    QAction* m_exportCsv = nullptr;
    QAction* m_exportSheet = nullptr;

    quint64 m_pendingSearch = 0;
    bool m_moreToFetch = false;    // the search on show has further matches
    bool m_fetchingMore = false;   // its next page is asked for
    quint64 m_pendingQueryView = 0;
    QList<Component> m_queryComponents;  // of the swatch on show
    quint64 m_pendingMatchView = 0;
    QString m_comparedMatch;   // the match on show beside the swatch
    quint64 m_pendingInspect = 0;
    quint64 m_pendingCollection = 0;
    qint64 m_shownCollection = 0;   // the collection whose patterns are on show; 0: a search's matches
    QString m_shownCollectionName;
    QuerySource m_lastQuery;   // searched again when another folder is chosen
    QString m_shownFolder;     // the matches on show are all under it; empty: anywhere
    QString m_queryName;
    QImage m_queryImage;        // of the matches on show, for the contact sheet
    QDateTime m_searchedAt;
    bool m_queryIsPattern = false;   // the query is a library image ("Find patterns like this")
    QuerySource m_lastSearch;
    QString m_lastSearchError;   // of m_lastSearch; empty unless it failed
    bool m_secondLookPending = false;
    QElapsedTimer m_sinceDrop;
    bool m_dropTimed = false;
    bool m_libraryWritable = false;
    QString m_readOnlyNotice;   // on the banner while the library is read-only
    int m_unwatchedFolders = 0;   // changes in them are found by the periodic rescan only
};

}  // namespace ui
}  // namespace weft
