#pragma once

#include "core/catalog/Catalog.h"
#include "core/catalog/CatalogSalvage.h"
#include "core/features/MethodConfig.h"
#include "core/pipeline/Progress.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace weft {

// What LibraryRepair::repair() found and did.
struct RepairReport {
    QString folder;
    QString method;   // the key of the method whose fingerprints the index was rebuilt from
    // What SQLite found wrong with the catalog file before (empty: it was sound).
    QStringList catalogProblems;
    // When it was not sound: the rows saved into a new catalog.
    std::optional<CatalogSalvage> salvage;
    // The entries set aside: made Pending, their fingerprint and components
    // dropped, so that the next indexing describes those images anew.
    std::vector<DamagedEntry> setAside;
    qint64 indexed = 0;   // the fingerprints the rebuilt index holds
    // What SQLite still finds wrong after the repair (empty: the library is sound).
    QStringList remainingProblems;
    // The observer asked to stop. What was done by then is kept, what was half
    // done is put back: a salvage not finished leaves the damaged catalog in place,
    // an index not finished is not saved (the next opening or repair catches up).
    bool stopped = false;

    // Neither can be said of a repair that was stopped.
    bool foundNothing() const { return !stopped && catalogProblems.isEmpty() && setAside.empty(); }
    bool healthy() const { return !stopped && remainingProblems.isEmpty(); }
};

// Checks a library and repairs what it can, keeping the folder list, the
// collections and every entry that can be read:
//   1. the catalog file (SQLite's integrity_check); when it fails, every row that
//      can still be read is saved into a new catalog (salvageCatalog());
//   2. every entry: an unknown status, a fingerprint that is no vector or of
//      another length, a component mask that cannot be read is set aside;
//   3. the search index is rebuilt from the readable fingerprints and saved.
// The library must not be open for writing elsewhere (the lock is taken). Each step
// asks the observer's shouldStop() often enough to stop within a second or so.
class LibraryRepair {
public:
    // The steps reported to the observer (ProgressPhase::Repairing, done of kSteps).
    enum class Step { CheckingCatalog = 0, SavingReadableRows, CheckingEntries, CheckingResult };
    static constexpr int kSteps = 4;

    // Throws weft::Error when the library cannot be repaired: it is in use,
    // read-only, has no catalog, or nothing in its catalog can be read.
    static RepairReport repair(const QString& folder, const MethodConfig& method, ProgressObserver* observer = nullptr);
    // The same for the method the library was indexed with, for a caller that does not
    // know it (weft-cli repair): the one most of its fingerprints were made with
    // (Catalog::prevailingMethod()); the default method when it has none.
    static RepairReport repairForItsOwnMethod(const QString& folder, ProgressObserver* observer = nullptr);
};

}  // namespace weft
