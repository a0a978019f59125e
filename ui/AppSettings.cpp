#include "ui/AppSettings.h"

#include "core/common/Error.h"
#include "core/features/MethodSettings.h"
#include "core/pipeline/Library.h"

#include <algorithm>
#include <cmath>

namespace weft {
namespace ui {

AppSettings::AppSettings() = default;

QString AppSettings::libraryFolder() const
{
    const QString chosen = m_settings.value(QStringLiteral("library/folder")).toString();
    return chosen.isEmpty() ? Library::defaultLocation() : chosen;
}

void AppSettings::setLibraryFolder(const QString& folder)
{
    m_settings.setValue(QStringLiteral("library/folder"), folder == Library::defaultLocation() ? QString() : folder);
}

QString AppSettings::methodValue(const QString& name) const
{
    const MethodSetting* setting = findMethodSetting(name);
    const QString fallback = setting ? setting->value(MethodConfig()) : QString();
    const QString value = m_settings.value(QStringLiteral("method/") + name).toString();
    return value.isEmpty() || !setting || !setting->check(value).isEmpty() ? fallback : value;
}

void AppSettings::setMethodValue(const QString& name, const QString& value)
{
    const MethodSetting* setting = findMethodSetting(name);
    // The default is not written down, so that a later version's better default applies.
    if (setting && value == setting->value(MethodConfig()))
        m_settings.remove(QStringLiteral("method/") + name);
    else
        m_settings.setValue(QStringLiteral("method/") + name, value);
}

MethodConfig AppSettings::method() const
{
    QStringList overrides;
    for (const MethodSetting& setting : methodSettings())
        if (m_settings.contains(QStringLiteral("method/") + setting.name))
            overrides.append(setting.name + QLatin1Char('=') + methodValue(setting.name));
    try {
        return MethodConfig::fromOverrides(overrides.join(QLatin1Char(',')));
    } catch (const Error&) {
        return MethodConfig();   // choices that no longer fit together: the defaults
    }
}

int AppSettings::threads() const { return std::max(0, m_settings.value(QStringLiteral("performance/threads"), 0).toInt()); }
void AppSettings::setThreads(int threads) { m_settings.setValue(QStringLiteral("performance/threads"), threads); }

// A hand-edited or damaged value that is no number gets the default; a number out
// of range the nearest allowed one.
int AppSettings::thumbnailSize() const
{
    bool ok = false;
    const int pixels = m_settings.value(QStringLiteral("view/thumbnailSize"), kDefaultThumbnailSize).toInt(&ok);
    return ok ? std::clamp(pixels, kMinThumbnailSize, kMaxThumbnailSize) : kDefaultThumbnailSize;
}

void AppSettings::setThumbnailSize(int pixels) { m_settings.setValue(QStringLiteral("view/thumbnailSize"), pixels); }

double AppSettings::minimumScore() const
{
    const double score = m_settings.value(QStringLiteral("search/minimumScore"), 0.0).toDouble();
    return std::isfinite(score) ? std::clamp(score, 0.0, 1.0) : 0.0;
}

void AppSettings::setMinimumScore(double score) { m_settings.setValue(QStringLiteral("search/minimumScore"), score); }

Colourway AppSettings::colourway() const
{
    return m_settings.value(QStringLiteral("search/anyColourway"), false).toBool() ? Colourway::Any : Colourway::AsPhotographed;
}

void AppSettings::setColourway(Colourway colourway)
{
    m_settings.setValue(QStringLiteral("search/anyColourway"), colourway == Colourway::Any);
}
QString AppSettings::language() const { return m_settings.value(QStringLiteral("view/language")).toString(); }
void AppSettings::setLanguage(const QString& language) { m_settings.setValue(QStringLiteral("view/language"), language); }
QString AppSettings::lastFolder() const { return m_settings.value(QStringLiteral("dialogs/lastFolder")).toString(); }
void AppSettings::setLastFolder(const QString& folder) { m_settings.setValue(QStringLiteral("dialogs/lastFolder"), folder); }
QByteArray AppSettings::windowGeometry() const { return m_settings.value(QStringLiteral("window/geometry")).toByteArray(); }
void AppSettings::setWindowGeometry(const QByteArray& geometry) { m_settings.setValue(QStringLiteral("window/geometry"), geometry); }
QByteArray AppSettings::windowState() const { return m_settings.value(QStringLiteral("window/state")).toByteArray(); }
void AppSettings::setWindowState(const QByteArray& state) { m_settings.setValue(QStringLiteral("window/state"), state); }

QByteArray AppSettings::splitterState(const QString& name) const
{
    return m_settings.value(QStringLiteral("window/splitter-") + name).toByteArray();
}

void AppSettings::setSplitterState(const QString& name, const QByteArray& state)
{
    m_settings.setValue(QStringLiteral("window/splitter-") + name, state);
}

}  // namespace ui
}  // namespace weft
