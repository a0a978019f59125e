#include "ui/RepairOffer.h"

#include "ui/LibraryBackend.h"
#include "ui/MessageBanner.h"

#include <QDir>
#include <QPushButton>

#include <algorithm>

namespace weft {
namespace ui {

namespace {

constexpr int kNamesShown = 5;

// One line per damaged entry, the first few of them.
QStringList entryLines(const std::vector<DamagedEntry>& entries)
{
    QStringList lines;
    for (std::size_t i = 0; i < entries.size() && i < std::size_t(kNamesShown); ++i)
        lines.append(QStringLiteral("• %1: %2").arg(QDir::toNativeSeparators(entries[i].path), entries[i].reason));
    if (entries.size() > std::size_t(kNamesShown))
        lines.append(RepairOffer::tr("• and %n more", nullptr, int(entries.size()) - kNamesShown));
    return lines;
}

}  // namespace

RepairOffer::RepairOffer(LibraryBackend* backend, MessageBanner* banner, QObject* parent)
    : QObject(parent), m_backend(backend), m_banner(banner)
{
    connect(backend, &LibraryBackend::damageFound, this, [this](const LibraryDamage& damage) {
        m_banner->showMessage(MessageBanner::Kind::Error, damageText(damage), tr("Repair"));
        m_offered = true;
        m_damage = damage;
    });
    connect(banner, &MessageBanner::actionTriggered, this, [this] {
        if (!m_offered)
            return;
        m_offered = false;
        m_banner->showMessage(MessageBanner::Kind::Warning, tr("Repairing the library…"));
        m_backend->repair();
    });
    connect(backend, &LibraryBackend::repairProgress, this,
            [this](const ProgressReport& report) { m_banner->showMessage(MessageBanner::Kind::Warning, progressText(report)); });
    connect(backend, &LibraryBackend::repaired, this, [this](const RepairReport& report) {
        m_banner->showMessage(report.healthy() ? MessageBanner::Kind::Warning : MessageBanner::Kind::Error, reportText(report, m_damage));
        m_damage = {};
    });
    connect(backend, &LibraryBackend::repairFailed, this, [this](const QString& message) {
        m_banner->showMessage(MessageBanner::Kind::Error, tr("The library could not be repaired.\n%1").arg(message));
    });
}

QString RepairOffer::damageText(const LibraryDamage& damage)
{
    QStringList lines{tr("Weft found damage in the library's catalog:")};
    if (!damage.catalogError.isEmpty())
        lines.append(QStringLiteral("• %1").arg(damage.catalogError));
    for (const QString& problem : damage.catalogProblems.mid(0, kNamesShown))
        lines.append(tr("• the catalog file: %1").arg(problem));
    lines += entryLines(damage.entries);
    if (!damage.entries.empty())
        lines.append(tr("These patterns are left out of searches until they are indexed again."));
    lines.append(tr("Repair checks the whole catalog, saves what can still be read, sets damaged entries aside to be indexed again and "
                    "rebuilds the search index; folders and collections are kept (weft-cli repair does the same)."));
    return lines.join(QLatin1Char('\n'));
}

QString RepairOffer::progressText(const ProgressReport& report)
{
    QString step;
    switch (LibraryRepair::Step(report.done)) {
    case LibraryRepair::Step::CheckingCatalog: step = tr("checking the catalog file"); break;
    case LibraryRepair::Step::SavingReadableRows: step = tr("saving what can be read into a new catalog"); break;
    case LibraryRepair::Step::CheckingEntries: step = tr("checking every entry and rebuilding the search index"); break;
    case LibraryRepair::Step::CheckingResult: step = tr("checking the result"); break;
    }
    if (report.done >= report.total)
        step = tr("opening the library again");
    return tr("Repairing the library, step %1 of %2: %3…").arg(std::min(report.done + 1, report.total)).arg(report.total).arg(step);
}

QString RepairOffer::reportText(const RepairReport& report, const LibraryDamage& before)
{
    std::vector<DamagedEntry> setAside = before.entries;
    for (const DamagedEntry& entry : report.setAside)
        if (std::none_of(setAside.begin(), setAside.end(), [&](const DamagedEntry& known) { return known.imageId == entry.imageId; }))
            setAside.push_back(entry);
    if (!report.healthy())
        return tr("The repair could not make the catalog sound: %1\nRestore catalog.sqlite in %2 from a backup, or move it aside and add the "
                  "library's folders again.")
            .arg(report.remainingProblems.join(QStringLiteral("; ")), QDir::toNativeSeparators(report.folder));
    if (report.foundNothing() && setAside.empty())
        return tr("Repair finished: nothing in the library is damaged. The search index was rebuilt from %n patterns.", nullptr, int(report.indexed));
    QStringList lines{tr("Repair finished.")};
    if (report.salvage) {
        lines.append(tr("The catalog file was damaged: what could be read was saved into a new catalog, and the damaged file is kept as %1.")
                         .arg(QDir::toNativeSeparators(report.salvage->damagedCopy)));
        if (report.salvage->lostRows())
            lines.append(tr("Some entries could not be read and are lost; a rescan finds those patterns again."));
    }
    if (!setAside.empty()) {
        lines.append(tr("%n damaged entries were set aside and are indexed again:", nullptr, int(setAside.size())));
        lines += entryLines(setAside);
    }
    lines.append(tr("The search index was rebuilt from %n patterns; folders and collections are kept.", nullptr, int(report.indexed)));
    return lines.join(QLatin1Char('\n'));
}

}  // namespace ui
}  // namespace weft
