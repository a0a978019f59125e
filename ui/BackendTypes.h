#pragma once

#include "core/catalog/Catalog.h"
#include "core/colour/Palette.h"
#include "core/components/Component.h"
#include "core/pipeline/LibraryRepair.h"
#include "core/pipeline/QueryEngine.h"

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QMetaType>
#include <QSize>
#include <QString>
#include <QStringList>

namespace weft {
namespace ui {

// What the background threads hand to the window, by value through queued signals.

struct LibraryInfo {
    QString folder;
    QString methodKey;
    bool readOnly = false;    // another Weft holds the library, or the model is missing
    bool canSearch = false;   // a model is loaded
};

struct FolderStatus {
    qint64 rootId = 0;
    QString path;
    qint64 indexed = 0;
    qint64 failed = 0;
    qint64 pending = 0;
    bool missing = false;     // the folder is not there (unplugged drive, deleted)
    QStringList subfolders;   // the folders inside it that hold images, each before those inside it (Catalog::subfolders)
};

struct FailedImage {
    QString path;
    QString reason;
};

// How a swatch's colours count in its search.
enum class Colourway {
    AsPhotographed,   // the print in the swatch's own colours
    Any,              // the print in any colourway: colours left out (QueryEngine::inAnyColourway)
};

// A swatch to look up: a file, or encoded bytes (pasted, dropped from a browser);
// or, with neither, colours to search the library by.
struct QuerySource {
    QString path;
    QByteArray encoded;
    QString name;             // for messages and the window: file name or "pasted image"
    bool indexedPattern = false;   // `path` is a library image: find patterns like it ("more like this")
    Colourway colourway = Colourway::AsPhotographed;   // of a swatch
    // Only the matches holding each of these colours (ColourFilter); without an
    // image, the library's images holding the most of them.
    QList<QColor> colours = {};

    bool hasImage() const { return !path.isEmpty() || !encoded.isEmpty(); }
    bool searchesByColour() const { return !hasImage() && !colours.isEmpty(); }
    bool isEmpty() const { return !hasImage() && colours.isEmpty(); }
};

struct SearchResult {
    quint64 requestId = 0;
    QString queryName;
    QImage queryImage;        // as decoded for the search (long side ≤ 1024); a search by colour: the colours
    QList<PaletteColour> palette;   // the query image's dominant colours (Palette.h); none for a search by colour
    QSize queryOriginalSize;
    QList<Component> queryComponents;  // in queryImage's coordinates; with the second answer
    QString folder;           // the matches are all under it; empty: the whole library
    QList<Match> matches;     // best first
    // A swatch search answers twice: at once by fingerprint (refined = false,
    // refinementFollows = true), then with its best matches checked and re-ordered
    // (QueryEngine::refine) and the swatch's components found (refined = true),
    // under the same requestId.
    bool refinementFollows = false;
    bool refined = false;
    // No more matches (at or above the cut-off) follow these: asking for the next
    // page would bring none.
    bool complete = false;
    // Of a next page (LibraryBackend::searchMore): the row of its first match.
    int offset = 0;
};

// A change to the collections, made on the library thread (LibraryHost).
struct CollectionEdit {
    enum class Kind { Create, Rename, Remove, AddImage, RemoveImage };
    Kind kind = Kind::AddImage;
    qint64 collectionId = 0;
    QString name;             // Create, Rename
    qint64 imageId = 0;       // AddImage, RemoveImage; with Create: added to the new collection
};

// The patterns of one collection, to show as results.
struct CollectionContents {
    quint64 requestId = 0;
    qint64 collectionId = 0;
    QList<Match> patterns;    // by path; rank counts from 1, score 0
};

// An image prepared for the compare view or the inspector.
struct ViewImage {
    quint64 requestId = 0;
    qint64 imageId = 0;       // 0 = not in the library (the query)
    QString path;
    QImage image;             // long side ≤ kViewSide
    QSize originalSize;       // component coordinates refer to this size
    QList<Component> components;
    QString error;

    static constexpr int kViewSide = 2048;
};

// Some of the indexed images under a folder, in the order asked for, for the
// browse grid: images[i] is the (first + i)th of `total`.
struct BrowsePage {
    quint64 requestId = 0;
    int first = 0;
    int total = 0;
    QList<ImageRecord> images;
    QString error;   // the catalog could not be read; nothing else is set
};

// What opening the library found damaged (LibraryHost), to offer the repair.
struct LibraryDamage {
    QString catalogError;          // the catalog could not be opened: SQLite finds it damaged
    QStringList catalogProblems;   // what SQLite's quick check of the file finds
    std::vector<DamagedEntry> entries;   // entries left out of the index as it opened

    bool isEmpty() const { return catalogError.isEmpty() && catalogProblems.isEmpty() && entries.empty(); }
};

}  // namespace ui
}  // namespace weft

Q_DECLARE_METATYPE(weft::Match)
Q_DECLARE_METATYPE(weft::ui::LibraryDamage)
Q_DECLARE_METATYPE(weft::RepairReport)
Q_DECLARE_METATYPE(weft::ui::LibraryInfo)
Q_DECLARE_METATYPE(weft::ui::FolderStatus)
Q_DECLARE_METATYPE(weft::ui::FailedImage)
Q_DECLARE_METATYPE(weft::ui::Colourway)
Q_DECLARE_METATYPE(weft::ui::QuerySource)
Q_DECLARE_METATYPE(weft::ui::SearchResult)
Q_DECLARE_METATYPE(weft::ui::ViewImage)
Q_DECLARE_METATYPE(weft::ImageCollection)
Q_DECLARE_METATYPE(weft::ui::CollectionEdit)
Q_DECLARE_METATYPE(weft::ui::CollectionContents)
Q_DECLARE_METATYPE(weft::ui::BrowsePage)
