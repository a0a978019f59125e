#pragma once

#include "core/catalog/Catalog.h"

#include <QList>

namespace weft {

// How the images of a folder are laid out when browsing it.
enum class ImageOrder {
    Name,      // by file name as a person reads it: letter case aside, numbers by value ("2" before "10")
    Newest,    // last modified first
    Largest,   // largest file first
};

// Images that tie (same name in two folders, same size) go by path, so an order
// is always the same one.
void sortImages(QList<ImageRecord>& images, ImageOrder order);

}  // namespace weft
