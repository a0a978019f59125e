#include "core/catalog/ImageOrder.h"

#include <QCollator>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <numeric>
#include <vector>

namespace weft {

void sortImages(QList<ImageRecord>& images, ImageOrder order)
{
    switch (order) {
    case ImageOrder::Name: {
        // The C locale (no language chosen) compares code points; English sorts
        // like most people expect.
        QCollator collator(QLocale().language() == QLocale::C ? QLocale(QLocale::English) : QLocale());
        collator.setNumericMode(true);
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        // Each name's sort key once, rather than comparing strings n log n times (100k images).
        std::vector<QCollatorSortKey> keys;
        keys.reserve(std::size_t(images.size()));
        for (const ImageRecord& image : std::as_const(images))
            keys.push_back(collator.sortKey(QFileInfo(image.path).fileName()));
        std::vector<qsizetype> rows(std::size_t(images.size()));
        std::iota(rows.begin(), rows.end(), 0);
        const QList<ImageRecord>& unsorted = images;
        std::sort(rows.begin(), rows.end(), [&](qsizetype a, qsizetype b) {
            const int byName = keys[std::size_t(a)].compare(keys[std::size_t(b)]);
            return byName != 0 ? byName < 0 : unsorted[a].path < unsorted[b].path;
        });
        QList<ImageRecord> sorted;
        sorted.reserve(images.size());
        for (qsizetype row : rows)
            sorted.append(std::move(images[row]));
        images = std::move(sorted);
        break;
    }
    case ImageOrder::Newest:
        std::sort(images.begin(), images.end(), [](const ImageRecord& a, const ImageRecord& b) {
            return a.mtimeMs != b.mtimeMs ? a.mtimeMs > b.mtimeMs : a.path < b.path;
        });
        break;
    case ImageOrder::Largest:
        std::sort(images.begin(), images.end(), [](const ImageRecord& a, const ImageRecord& b) {
            return a.size != b.size ? a.size > b.size : a.path < b.path;
        });
        break;
    }
}

}  // namespace weft
