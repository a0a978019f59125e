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

class SwatchSource {
public:
    // Prefers a local file, then image data, then an http(s) address.
    static SwatchOffer fromMimeData(const QMimeData* mime);
    static bool canAccept(const QMimeData* mime);
};

}  // namespace ui
}  // namespace weft
