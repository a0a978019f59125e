#pragma once

#include "ui/BackendTypes.h"

#include <QObject>

namespace weft {
namespace ui {

class LibraryBackend;
class MessageBanner;

// When opening the library finds damage, the banner says what is damaged and
// offers Repair, which runs LibraryRepair on the library thread (LibraryBackend::
// repair()); the banner follows its steps and then says what it found and did.
class RepairOffer : public QObject {
    Q_OBJECT
public:
    RepairOffer(LibraryBackend* backend, MessageBanner* banner, QObject* parent = nullptr);

    static QString damageText(const LibraryDamage& damage);
    static QString progressText(const ProgressReport& report);
    // `before`: what opening the library had found (and already set aside).
    static QString reportText(const RepairReport& report, const LibraryDamage& before);

private:
    LibraryBackend* m_backend;
    MessageBanner* m_banner;
    bool m_offered = false;   // the banner's button is ours
    LibraryDamage m_damage;   // what was offered to repair
};

}  // namespace ui
}  // namespace weft
