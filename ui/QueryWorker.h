#pragma once

#include "ui/BackendTypes.h"
#include "ui/ComponentSource.h"
#include "ui/MatchPages.h"

#include "core/catalog/ImageOrder.h"
#include "core/features/FeatureExtractor.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/QueryEngine.h"

#include <QHash>
#include <QObject>
#include <atomic>
#include <memory>
#include <optional>

namespace weft {
namespace ui {

// Lives on the query thread: looks swatches up, reads the catalog for the window
// (folder counts, failed files, collections) and prepares images for viewing, so none of that
// runs on the GUI thread. It has its own catalog connection and QueryEngine, so it
// answers while the indexing thread writes.
class QueryWorker : public QObject {
    Q_OBJECT
public:
    explicit QueryWorker(QObject* parent = nullptr);
    ~QueryWorker() override;

    // Searches asked for before the latest one are skipped (the user dropped again).
    void setLatestSearch(quint64 requestId) { m_latestSearch = requestId; }

public slots:
    void attach(weft::Library* library, std::shared_ptr<const weft::FeatureExtractor> extractor);
    void detach();
    // Only images under `folder` are looked at when it is not empty; matches scoring
    // less than `minScore` are left out (0: none; a search by colour has no cut-off).
    void search(quint64 requestId, const weft::ui::QuerySource& source, int top, const QString& folder, float minScore);
    // The next `count` matches of the search `requestId`, if it is still the latest,
    // as a searchPageFinished(). The second look is not taken again: it re-orders
    // only the first matches, which are on show already.
    void searchMore(quint64 requestId, int count);
    // The library's folders with their counts and sub-folders. The sub-folders are
    // read from every image path, so loadFolderCounts() (for the refreshes during
    // indexing, which moves no image) gives the ones read last.
    void loadFolders();
    void loadFolderCounts();
    void loadFailedImages();
    void loadViewImage(quint64 requestId, const QString& path, const QImage& alreadyDecoded);
    // The collections with their sizes, and which images are favourites.
    void loadCollections();
    void loadCollection(quint64 requestId, qint64 collectionId);
    // `count` of the indexed images under `folder` (the whole library when empty) in
    // `order`, from the `first`. The list is read and sorted for the first page and
    // kept for the pages after it, so paging through 100k images reads the catalog once.
    void loadBrowsePage(quint64 requestId, const QString& folder, weft::ImageOrder order, int first, int count);

signals:
    void searchFinished(const weft::ui::SearchResult& result);
    void searchPageFinished(const weft::ui::SearchResult& page);
    void searchFailed(quint64 requestId, const QString& message);
    void foldersLoaded(const QList<weft::ui::FolderStatus>& folders);
    void failedImagesLoaded(const QList<weft::ui::FailedImage>& images);
    void viewImageLoaded(const weft::ui::ViewImage& image);
    void collectionsLoaded(const QList<weft::ImageCollection>& collections, const QList<qint64>& favourites);
    void collectionLoaded(const weft::ui::CollectionContents& contents);
    void collectionFailed(const QString& message);
    void browsePageLoaded(const weft::ui::BrowsePage& page);

private:
    void emitFolders(bool readSubfolders);
    const QueryEngine& engine() const;   // throws when the model is not loaded
    // The best `count` matches of the latest search's query, under its folder.
    std::vector<Match> latestMatches(int count) const;
    // What the window shows for a search by colour in place of a swatch.
    static QImage colourPicture(const QList<QColor>& colours);

    Library* m_library = nullptr;
    std::shared_ptr<const FeatureExtractor> m_extractor;
    std::unique_ptr<Catalog> m_catalog;
    std::unique_ptr<QueryEngine> m_engine;
    std::unique_ptr<ComponentSource> m_components;
    std::atomic<quint64> m_latestSearch{0};
    // The latest search, for its further pages: the swatch as described for it
    // (a library pattern is looked up by its path), the folder, what is on show.
    QuerySource m_latestSource;
    QueryEngine::SwatchQuery m_latestSwatch;
    QString m_latestFolder;
    ColourFilter m_latestColours;
    MatchPages m_pages;
    QHash<qint64, QStringList> m_subfolders;   // by root id
    struct BrowseListing {
        QString folder;
        ImageOrder order = ImageOrder::Name;
        QList<ImageRecord> images;
    };
    std::optional<BrowseListing> m_browsing;   // of the latest loadBrowsePage()
};

}  // namespace ui
}  // namespace weft
