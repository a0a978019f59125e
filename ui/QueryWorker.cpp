#include "ui/QueryWorker.h"

#include "core/imaging/ImageDecoder.h"

#include <QFileInfo>

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

void QueryWorker::search(quint64 requestId, const QuerySource& source, int top, const QString& folder)
{
    if (requestId < m_latestSearch)
        return;
    try {
        if (!m_engine)
            throw Error(tr("Searching needs the model, which is not loaded (see the message at the top of the window)."));
        const DecodedImage decoded = source.encoded.isEmpty() ? ImageDecoder::decode(source.path)
                                                              : ImageDecoder::decode(source.encoded, {}, source.name);
        SearchResult result;
        // A swatch's second look checks the same candidates whatever `top` is.
        std::vector<Match> matches = source.indexedPattern ? m_engine->searchLike(source.path, top, folder)
                                                           : m_engine->search(decoded.image, m_engine->candidatesFor(top), folder);
        result.requestId = requestId;
        result.folder = folder;
        result.queryName = source.name;
        result.queryImage = decoded.image;
        result.queryOriginalSize = decoded.originalSize;
        const auto shown = [&] { return QList<Match>(matches.begin(), matches.begin() + std::min<qsizetype>(top, qsizetype(matches.size()))); };
        result.matches = shown();
        const bool recheck = m_extractor->config().verifyDepth > 1 && matches.size() > 1;
        result.refinementFollows = !source.indexedPattern && !matches.empty() && (recheck || m_extractor->detector());
        emit searchFinished(result);
        // The second look (about a second) and the swatch's components for its
        // overlay come after the first answer; a newer search makes them moot.
        const auto superseded = [&] { return requestId < m_latestSearch; };
        if (result.refinementFollows && !superseded()) {
            result.queryComponents = m_engine->swatchComponents(decoded.image);
            if (recheck)
                m_engine->refine(decoded.image, matches, top, superseded);
            if (superseded())
                return;   // the newer search answers instead
            result.matches = shown();
            result.refinementFollows = false;
            result.refined = true;
            emit searchFinished(result);
        }
    } catch (const std::exception& error) {
        emit searchFailed(requestId, QString::fromStdString(error.what()));
    }
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
