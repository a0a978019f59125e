#pragma once

#include "ui/BackendTypes.h"

#include <QUrl>

class QMimeData;

namespace weft {
namespace ui {

// What a drop or a paste offers as a swatch: a local file, image data (from a
// browser or a screenshot tool), or only a web address to fetch.
struct SwatchOffer {
    QuerySource source;   // ready to search
    QUrl remote;          // to download first (source is empty then)

    bool isEmpty() const { return source.isEmpty() && remote.isEmpty(); }
};

// Only what can be a swatch counts: image files and image data in a format the
// decoder reads, and web addresses of such files. A text file, a PDF or a web
// page is no swatch, so a drag of one is refused before it is dropped.
class SwatchSource {
public:
    // Prefers a local file, then image data, then an http(s) address.
    static SwatchOffer fromMimeData(const QMimeData* mime);
    // Whether fromMimeData() finds a swatch, without reading the data itself
    // (a drag asks this on every move).
    static bool canAccept(const QMimeData* mime);
    // A local folder among the dragged or pasted items, else empty: a folder is
    // no swatch, but can be added to the library.
    static QString folderIn(const QMimeData* mime);
};

}  // namespace ui
}  // namespace weft
