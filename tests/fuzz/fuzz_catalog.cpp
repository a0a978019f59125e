// libFuzzer target: the input is a library's catalog.sqlite. Opening it and reading
// everything a library reads must work or throw weft::Error; anything else (a
// crash, another exception, a sanitizer report) is a finding.

#include "FuzzLibrary.h"
#include "FuzzSupport.h"

#include "core/catalog/Catalog.h"

#include <cstddef>
#include <cstdint>

using namespace weft;

namespace {

// What Library does on opening (Library.cpp), then every read the app and the CLI make.
void openAndReadEverything(const QString& path)
{
    Catalog catalog(path);
    if (!catalog.isReadOnly()) {
        catalog.foldNestedRoots();
        catalog.setAside(catalog.entriesOfUnknownStatus());
    }
    catalog.projection(fuzz::kMethod);
    catalog.catalogId();
    catalog.fingerprints(fuzz::kMethod);
    catalog.fingerprintChangesSince(fuzz::kMethod, 0);
    catalog.fingerprintIds(fuzz::kMethod);
    catalog.fingerprintCount(fuzz::kMethod);
    catalog.counts(fuzz::kMethod);
    for (const LibraryRoot& root : catalog.roots()) {
        catalog.images(root.id);
        catalog.subfolders(root.id);
        catalog.counts(fuzz::kMethod, root.id);
        catalog.imagesIn(root.path, Catalog::Depth::Everything);
    }
    for (const ImageStatus status : {ImageStatus::Pending, ImageStatus::Indexed, ImageStatus::Failed}) {
        for (const ImageRecord& record : catalog.images(status)) {
            catalog.imageByPath(record.path);
            catalog.components(record.id);
            try {
                catalog.fingerprint(record.id);
            } catch (const DamagedEntryError&) {   // a damaged entry is reported and the rest read on
            }
        }
    }
    catalog.indexedImages({});
    catalog.imagesNeedingFingerprint(fuzz::kMethod);
    catalog.imagesNeedingComponents(fuzz::kMethod, fuzz::kDetector);
    for (const ImageCollection& collection : catalog.collections())
        catalog.collectionImages(collection.id);
    catalog.meta(QStringLiteral("method"));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QTemporaryDir library;
    const QString path = library.filePath(QStringLiteral("catalog.sqlite"));
    fuzz::writeFile(path, fuzz::bytesOf(data, size));
    fuzz::refusalsAllowed([&] { openAndReadEverything(path); });
    return 0;
}
