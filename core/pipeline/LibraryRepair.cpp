#include "core/pipeline/LibraryRepair.h"

#include "core/common/Error.h"
#include "core/pipeline/Library.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLockFile>

#include <algorithm>

namespace weft {

namespace {

void report(ProgressObserver* observer, LibraryRepair::Step step)
{
    if (!observer)
        return;
    ProgressReport progress;
    progress.phase = ProgressPhase::Repairing;
    progress.done = int(step);
    progress.total = LibraryRepair::kSteps;
    observer->progress(progress);
}

// What SQLite finds wrong with the catalog file; a file it cannot open as a
// catalog because it is malformed is one problem.
QStringList catalogProblems(const QString& path, const ShouldStop& shouldStop)
{
    try {
        const Catalog catalog(path);
        return catalog.integrityProblems(IntegrityCheck::Full, shouldStop);
    } catch (const DamagedCatalogError& error) {
        return {error.message()};
    }
}

// The method the library was indexed with, read from its catalog once it is sound.
QString ownMethod(const QString& catalogPath)
{
    const Catalog catalog(catalogPath);
    return catalog.prevailingMethod().value_or(MethodConfig().key());
}

// The steps of a repair; throws WorkStopped when the observer asks to stop.
void repairSteps(const QString& catalogPath, const std::optional<QString>& methodKey, ProgressObserver* observer, RepairReport& result)
{
    using Step = LibraryRepair::Step;
    const ShouldStop shouldStop = [observer] { return observer && observer->shouldStop(); };
    auto stopHere = [&] {
        if (shouldStop())
            throw WorkStopped();
    };
    {
        const std::unique_ptr<QLockFile> lock = Library::lockForWriting(result.folder);
        report(observer, Step::CheckingCatalog);
        result.catalogProblems = catalogProblems(catalogPath, shouldStop);
        if (!result.catalogProblems.isEmpty()) {
            stopHere();
            report(observer, Step::SavingReadableRows);
            result.salvage = salvageCatalog(catalogPath, shouldStop);
        }
        result.method = methodKey ? *methodKey : ownMethod(catalogPath);
    }   // the library takes the lock itself
    stopHere();
    report(observer, Step::CheckingEntries);
    Library library(result.folder, result.method, Library::Access::ReadWrite, shouldStop);
    if (library.catalog().isReadOnly())
        throw Error(QCoreApplication::translate("weft::LibraryRepair", "The library %1 is read-only, so it cannot be repaired: make its folder "
                                                                       "and catalog.sqlite writable and run the repair again.")
                        .arg(result.folder));
    library.rebuildFromCatalog(shouldStop);
    result.setAside = library.setAsideEntries();
    // An entry can be found twice (as the library opened, and again): once is enough.
    std::sort(result.setAside.begin(), result.setAside.end(), [](const DamagedEntry& a, const DamagedEntry& b) { return a.imageId < b.imageId; });
    result.setAside.erase(std::unique(result.setAside.begin(), result.setAside.end(),
                                      [](const DamagedEntry& a, const DamagedEntry& b) { return a.imageId == b.imageId; }),
                          result.setAside.end());
    {
        QReadLocker locker(&library.indexLock());
        result.indexed = library.index() ? qint64(library.index()->size()) : 0;
    }
    stopHere();
    report(observer, Step::CheckingResult);
    result.remainingProblems = library.catalog().integrityProblems(IntegrityCheck::Full, shouldStop);
    if (observer) {
        ProgressReport done;
        done.phase = ProgressPhase::Repairing;
        done.done = done.total = LibraryRepair::kSteps;
        observer->progress(done);
    }
}

// For the method of `methodKey`, or the library's own when there is none.
RepairReport repairFor(const QString& folder, const std::optional<QString>& methodKey, ProgressObserver* observer)
{
    RepairReport result;
    result.folder = QDir(folder).absolutePath();
    const QString catalogPath = QDir(result.folder).filePath(QStringLiteral("catalog.sqlite"));
    if (!QFileInfo(catalogPath).isFile())
        throw Error(QCoreApplication::translate("weft::LibraryRepair", "There is no Weft library in %1 to repair: it has no catalog.sqlite").arg(result.folder));
    try {
        repairSteps(catalogPath, methodKey, observer, result);
    } catch (const WorkStopped&) {
        result.stopped = true;
    }
    return result;
}


}  // namespace

RepairReport LibraryRepair::repair(const QString& folder, const MethodConfig& method, ProgressObserver* observer)
{
    return repairFor(folder, method.key(), observer);
}

RepairReport LibraryRepair::repairForItsOwnMethod(const QString& folder, ProgressObserver* observer)
{
    return repairFor(folder, std::nullopt, observer);
}

}  // namespace weft
