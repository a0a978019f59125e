// libFuzzer target: the input is a library's search index (IndexBundle.h), its
// checksums made to match. Loading it, searching it, changing it and saving it
// back must work or throw weft::Error; anything else (a crash, another exception,
// a sanitizer report) is a finding.

#include "FuzzSupport.h"
#include "IndexBundle.h"

#include "core/index/VectorIndex.h"

#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>

using namespace weft;

namespace {

void loadUseAndSave(const QString& folder)
{
    std::unique_ptr<VectorIndex> index = VectorIndex::load(folder);
    const std::vector<float> query(std::size_t(index->dim()), 1.0f);
    index->search(query, 5);
    index->searchExact(query, 5);
    const std::vector<qint64> ids = index->ids();
    index->searchAmong(query, 3, ids);
    if (!ids.empty())
        index->remove(ids.front());
    index->add(42, query);   // a new item, or a new vector for item 42
    index->save(folder);
    VectorIndex::load(folder);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QTemporaryDir library;
    fuzz::writeBundle(fuzz::bytesOf(data, size), library.path());
    fuzz::refusalsAllowed([&] { loadUseAndSave(library.path()); });
    return 0;
}
