#include "ui/QueryWorker.h"

#include "core/colour/Palette.h"
#include "core/imaging/ImageDecoder.h"

#include <QFileInfo>
#include <QPainter>

namespace weft {
namespace ui {

QueryWorker::QueryWorker(QObject* parent) : QObject(parent) {}

QueryWorker::~QueryWorker() = default;

void QueryWorker::attach(Library* library, std::shared_ptr<const FeatureExtractor> extractor)
{
    detach();
    m_library = library;
    m_extractor = std::move(extractor);
    try {
        m_catalog = std::make_unique<Catalog>(library->catalog().path());
        m_components = std::make_unique<CatalogComponentSource>(*m_catalog);
        if (m_extractor)
            m_engine = std::make_unique<QueryEngine>(*library, *m_extractor);
    } catch (const std::exception& error) {
        qWarning("Cannot read the catalog for queries: %s", error.what());
        detach();
    }
}

void QueryWorker::detach()
{
    m_engine.reset();
    m_components.reset();
    m_catalog.reset();
    m_extractor.reset();
    m_library = nullptr;
    m_subfolders.clear();
    m_browsing.reset();
}

void QueryWorker::search(quint64 requestId, const QuerySource& source, int top, const QString& folder, float minScore)
{
    if (requestId < m_latestSearch)
        return;
    try {
        const QueryEngine& engine = this->engine();
        DecodedImage decoded;
        if (!source.hasImage()) {
            decoded.image = colourPicture(source.colours);
            decoded.originalSize = decoded.image.size();
        } else {
            decoded = source.encoded.isEmpty() ? ImageDecoder::decode(source.path) : ImageDecoder::decode(source.encoded, {}, source.name);
        }
        m_latestSource = source;
        m_latestFolder = folder;
        m_latestColours = ColourFilter(source.colours);
        m_latestSwatch = QueryEngine::SwatchQuery();
        if (!source.indexedPattern && source.hasImage()) {
            m_latestSwatch = engine.describeSwatch(decoded.image);
            if (source.colourway == Colourway::Any)
                m_latestSwatch = engine.inAnyColourway(m_latestSwatch);
        }
        const bool swatch = source.hasImage() && !source.indexedPattern;
        // A swatch's second look checks the same candidates whatever `top` is.
        std::vector<Match> matches = latestMatches(swatch ? engine.candidatesFor(top) : top);
        SearchResult result;
        result.requestId = requestId;
        result.folder = folder;
        result.queryName = source.name;
        result.queryImage = decoded.image;
        result.queryOriginalSize = decoded.originalSize;
        if (source.hasImage()) {
            const std::vector<PaletteColour> palette = Palette::of(decoded.image);
            result.palette = QList<PaletteColour>(palette.begin(), palette.end());
        }
        // A search by colour scores by the share of the colour, which a cut-off for likeness does not fit.
        const float cutOff = source.searchesByColour() ? 0.0f : minScore;
        result.matches = m_pages.start(requestId, matches, top, cutOff);
        result.complete = m_pages.complete();
        const bool recheck = m_extractor->config().verifyDepth > 1 && matches.size() > 1;
        result.refinementFollows = swatch && !matches.empty() && (recheck || m_extractor->detector());
        emit searchFinished(result);
        // The second look (about a second) and the swatch's components for its
        // overlay come after the first answer; a newer search makes them moot.
        const auto superseded = [&] { return requestId < m_latestSearch; };
        if (result.refinementFollows && !superseded()) {
            result.queryComponents = engine.swatchComponents(decoded.image);
            if (recheck)
                engine.refine(decoded.image, m_latestSwatch, matches, top, folder, m_latestColours, superseded);
            if (superseded())
                return;   // the newer search answers instead
            result.matches = m_pages.start(requestId, matches, top, cutOff);
            result.complete = m_pages.complete();
            result.refinementFollows = false;
            result.refined = true;
            emit searchFinished(result);
        }
    } catch (const std::exception& error) {
        emit searchFailed(requestId, QString::fromStdString(error.what()));
    }
}

void QueryWorker::searchMore(quint64 requestId, int count)
{
    if (requestId != m_pages.requestId() || requestId < m_latestSearch)
        return;   // the window shows another search by now
    SearchResult page;
    page.requestId = requestId;
    page.folder = m_latestFolder;
    page.queryName = m_latestSource.name;
    page.offset = m_pages.shownCount();
    try {
        if (!m_pages.complete())
            page.matches = m_pages.next(latestMatches(m_pages.shownCount() + count), count);
    } catch (const std::exception& error) {
        emit searchFailed(requestId, QString::fromStdString(error.what()));
        return;
    }
    page.complete = m_pages.complete();
    emit searchPageFinished(page);
}

const QueryEngine& QueryWorker::engine() const
{
    if (!m_engine)
        throw Error(tr("Searching needs the model, which is not loaded (see the message at the top of the window)."));
    return *m_engine;
}

std::vector<Match> QueryWorker::latestMatches(int count) const
{
    if (m_latestSource.searchesByColour())
        return engine().searchColours(m_latestColours, count, m_latestFolder);
    return m_latestSource.indexedPattern ? engine().searchLike(m_latestSource.path, count, m_latestFolder, m_latestColours)
                                         : engine().searchSwatch(m_latestSwatch, count, m_latestFolder, m_latestColours);
}

QImage QueryWorker::colourPicture(const QList<QColor>& colours)
{
    // Side by side, as a strip of fabric dyed in each.
    constexpr int kSide = 256;
    QImage picture(kSide, kSide, QImage::Format_RGB888);
    QPainter painter(&picture);
    for (int i = 0; i < colours.size(); ++i) {
        const int left = i * kSide / int(colours.size()), right = (i + 1) * kSide / int(colours.size());
        painter.fillRect(left, 0, right - left, kSide, colours[i]);
    }
    return picture;
}

void QueryWorker::loadFolders()
{
    emitFolders(true);
}

void QueryWorker::loadFolderCounts()
{
    emitFolders(false);
}

void QueryWorker::emitFolders(bool readSubfolders)
{
    if (!m_catalog)
        return;
    QList<FolderStatus> folders;
    try {
        for (const LibraryRoot& root : m_catalog->roots()) {
            const CatalogCounts counts = m_catalog->counts(m_library->methodKey(), root.id);
            if (readSubfolders || !m_subfolders.contains(root.id))
                m_subfolders.insert(root.id, m_catalog->subfolders(root.id));
            folders.append({root.id, root.path, counts.indexed, counts.failed, counts.pending + counts.stale, !QFileInfo(root.path).isDir(),
                            m_subfolders.value(root.id)});
        }
    } catch (const std::exception& error) {
        qWarning("%s", error.what());
        return;
    }
    emit foldersLoaded(folders);
}

void QueryWorker::loadFailedImages()
{
    if (!m_catalog)
        return;
    QList<FailedImage> failed;
    try {
        for (const ImageRecord& record : m_catalog->images(ImageStatus::Failed))
            failed.append({record.path, record.error});
    } catch (const std::exception& error) {
        qWarning("%s", error.what());
        return;
    }
    emit failedImagesLoaded(failed);
}

void QueryWorker::loadViewImage(quint64 requestId, const QString& path, const QImage& alreadyDecoded)
{
    ViewImage view;
    view.requestId = requestId;
    view.path = path;
    try {
        if (!alreadyDecoded.isNull()) {
            view.image = alreadyDecoded;
            view.originalSize = alreadyDecoded.size();
        } else {
            const DecodedImage decoded = ImageDecoder::decode(path, {ViewImage::kViewSide});
            view.image = decoded.image;
            view.originalSize = decoded.originalSize;
        }
        if (m_catalog && !path.isEmpty()) {
            if (const auto record = m_catalog->imageByPath(path)) {
                view.imageId = record->id;
                view.components = m_components->components(record->id);
            }
        }
    } catch (const std::exception& error) {
        view.error = QString::fromStdString(error.what());
    }
    emit viewImageLoaded(view);
}

void QueryWorker::loadCollections()
{
    if (!m_catalog)
        return;
    QList<qint64> favourites;
    QList<ImageCollection> collections;
    try {
        collections = m_catalog->collections();
        for (const ImageRecord& record : m_catalog->collectionImages(Catalog::kFavourites))
            favourites.append(record.id);
    } catch (const std::exception& error) {
        emit collectionFailed(QString::fromStdString(error.what()));
        return;
    }
    emit collectionsLoaded(collections, favourites);
}

void QueryWorker::loadCollection(quint64 requestId, qint64 collectionId)
{
    if (!m_catalog)
        return;
    CollectionContents contents;
    contents.requestId = requestId;
    contents.collectionId = collectionId;
    try {
        for (const ImageRecord& record : m_catalog->collectionImages(collectionId)) {
            Match pattern;   // no score: a collection is in the order its patterns were added
            pattern.imageId = record.id;
            pattern.path = record.path;
            pattern.rank = int(contents.patterns.size()) + 1;
            contents.patterns.append(pattern);
        }
    } catch (const std::exception& error) {
        emit collectionFailed(QString::fromStdString(error.what()));
        return;
    }
    emit collectionLoaded(contents);
}

void QueryWorker::loadBrowsePage(quint64 requestId, const QString& folder, ImageOrder order, int first, int count)
{
    BrowsePage page;
    page.requestId = requestId;
    page.first = first;
    try {
        if (!m_catalog)
            throw Error(tr("No library is open."));
        if (first == 0 || !m_browsing || m_browsing->folder != folder || m_browsing->order != order) {
            m_browsing = BrowseListing{folder, order, m_catalog->indexedImages(folder)};
            sortImages(m_browsing->images, order);
        }
        page.total = int(m_browsing->images.size());
        page.images = m_browsing->images.mid(first, count);
    } catch (const std::exception& error) {
        m_browsing.reset();
        page.error = QString::fromStdString(error.what());
    }
    emit browsePageLoaded(page);
}

}  // namespace ui
}  // namespace weft
