#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace weft {

struct MethodConfig;

// One setting of the retrieval method, declared once: its name (in `--method`, in
// the method key stored with every fingerprint, and in the user's settings), what
// kind of value it takes and within which bounds, what it does, and whether it
// changes what a fingerprint is (Stored: a new value re-indexes the library) or
// only how a query is made. MethodConfig's parsing and keys, `weft-cli --help`
// and the Settings dialog all read methodSettings(); nothing else spells a
// setting out.
struct MethodSetting {
    enum class Kind { Share, Count, Choice };
    enum class Effect { Stored, QueryOnly };

    QString name;
    Kind kind = Kind::Share;
    Effect effect = Effect::Stored;
    // The Settings dialog offers the setting under this label (translated there);
    // empty: only `--method` sets it.
    const char* label = nullptr;
    const char* help = "";
    double minimum = 0;   // Share and Count
    double maximum = 1;
    std::function<QStringList()> choices;                         // Choice: the allowed values
    // Choice: how the Settings dialog words a value (translated there); empty: the value itself.
    std::function<const char*(const QString& value)> choiceLabel;
    std::function<QString(const MethodConfig&)> value;            // canonical text of the current value
    std::function<void(MethodConfig&, const QString&)> assign;    // a value that check() accepted

    // Empty when `text` is an acceptable value, otherwise a sentence saying why not.
    QString check(const QString& text) const;
};

// Every setting, in the order of the stored method key.
const std::vector<MethodSetting>& methodSettings();
// The setting of that name, or null.
const MethodSetting* findMethodSetting(const QString& name);

}  // namespace weft
