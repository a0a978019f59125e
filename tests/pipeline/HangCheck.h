#pragma once

// For tests of work that must not hang: it runs on a thread of its own and is waited for
// at most `patience`. Should it hang, the test fails instead of hanging (the thread is
// left behind, so whatever it uses must be shared with it, not borrowed).

#include "core/features/FeatureExtractor.h"
#include "core/pipeline/Indexer.h"
#include "core/pipeline/Library.h"
#include "core/pipeline/Scanner.h"

#include <QString>

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <thread>

namespace weft::pipelinetest {

// Runs `work` on a thread of its own; false if it has not finished within `patience`.
inline bool finishesWithin(std::chrono::seconds patience, std::function<void()> work)
{
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> finished = done->get_future();
    std::thread thread([work = std::move(work), done] {
        work();
        done->set_value();
    });
    if (finished.wait_for(patience) != std::future_status::ready) {
        thread.detach();
        return false;
    }
    thread.join();
    return true;
}

// Adds `images` to the library in `libraryFolder`, scans it and indexes it, as one run of
// `weft-cli index` does, under finishesWithin(). Empty when the run finished, else what
// stopped it or that it hung. `keepAlive` (e.g. the temporary folder) lives as long as the run.
inline QString scanAndIndexWithin(std::chrono::seconds patience, const QString& libraryFolder, const QString& images,
                                  std::shared_ptr<const FeatureExtractor> extractor, std::shared_ptr<void> keepAlive)
{
    auto outcome = std::make_shared<QString>();
    const bool finished = finishesWithin(patience, [=] {
        try {
            Library library(libraryFolder, extractor->config());
            library.catalog().addRoot(images);
            Scanner::scan(library.catalog(), library.catalog().roots());
            library.syncIndex();
            Indexer(library, *extractor).run();
        } catch (const std::exception& error) {
            *outcome = QStringLiteral("the run stopped: ") + QString::fromUtf8(error.what());
        }
        Q_UNUSED(keepAlive)
    });
    if (!finished)
        return QStringLiteral("scanning and indexing %1 did not finish within %2 s").arg(images).arg(patience.count());
    return *outcome;
}

}  // namespace weft::pipelinetest
