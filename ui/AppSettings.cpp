#include "ui/AppSettings.h"

#include "core/pipeline/Library.h"

#include <algorithm>

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

QString AppSettings::backbone() const { return m_settings.value(QStringLiteral("method/backbone")).toString(); }
void AppSettings::setBackbone(const QString& id) { m_settings.setValue(QStringLiteral("method/backbone"), id); }
QString AppSettings::detector() const { return m_settings.value(QStringLiteral("method/detector"), MethodConfig().detector).toString(); }
void AppSettings::setDetector(const QString& id) { m_settings.setValue(QStringLiteral("method/detector"), id); }

double AppSettings::colourWeight() const
{
    return std::clamp(m_settings.value(QStringLiteral("method/colourWeight"), double(MethodConfig().histogramWeight)).toDouble(), 0.0,
                      maxColourWeight());
}

double AppSettings::maxColourWeight()
{
    // The photo views keep their share; the deep feature keeps at least a tenth.
    return 0.9 - double(MethodConfig().photoWeight);
}

void AppSettings::setColourWeight(double weight) { m_settings.setValue(QStringLiteral("method/colourWeight"), weight); }
int AppSettings::threads() const { return std::max(0, m_settings.value(QStringLiteral("performance/threads"), 0).toInt()); }
void AppSettings::setThreads(int threads) { m_settings.setValue(QStringLiteral("performance/threads"), threads); }

int AppSettings::thumbnailSize() const
{
    return std::clamp(m_settings.value(QStringLiteral("view/thumbnailSize"), 160).toInt(), kMinThumbnailSize, kMaxThumbnailSize);
}

void AppSettings::setThumbnailSize(int pixels) { m_settings.setValue(QStringLiteral("view/thumbnailSize"), pixels); }
QString AppSettings::language() const { return m_settings.value(QStringLiteral("view/language")).toString(); }
void AppSettings::setLanguage(const QString& language) { m_settings.setValue(QStringLiteral("view/language"), language); }
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

MethodConfig AppSettings::method() const
{
    MethodConfig method;
    method.backbone = backbone();
    method.histogramWeight = float(colourWeight());
    method.detector = detector();
    return method;
}

}  // namespace ui
}  // namespace weft
