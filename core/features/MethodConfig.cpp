#include "core/features/MethodConfig.h"

#include "core/common/Error.h"
#include "core/features/MethodSettings.h"
#include "core/models/ModelManifest.h"

#include <QStringList>

namespace weft {

namespace {

QString joined(const MethodConfig& config, MethodSetting::Effect effect)
{
    QStringList items;
    for (const MethodSetting& setting : methodSettings())
        if (setting.effect == effect)
            items.append(setting.name + QLatin1Char('=') + setting.value(config));
    return items.join(QLatin1Char(';'));
}

}  // namespace

QString MethodConfig::backboneId() const
{
    return backbone.isEmpty() ? ModelManifest::builtIn().defaultBackbone() : backbone;
}

QString MethodConfig::key() const
{
    return QStringLiteral("rev=%1;").arg(kAlgorithmRevision) + joined(*this, MethodSetting::Effect::Stored);
}

QString MethodConfig::queryKey() const
{
    return joined(*this, MethodSetting::Effect::QueryOnly);
}

MethodConfig MethodConfig::fromOverrides(const QString& overrides)
{
    MethodConfig config;
    for (const QString& item : overrides.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = item.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = item.section(QLatin1Char('='), 1).trimmed();
        const MethodSetting* setting = findMethodSetting(name);
        if (!setting) {
            QStringList names;
            for (const MethodSetting& known : methodSettings())
                names.append(known.name);
            throw Error(QStringLiteral("Unknown method setting '%1' (known: %2)").arg(name, names.join(QStringLiteral(", "))));
        }
        const QString problem = setting->check(value);
        if (!problem.isEmpty())
            throw Error(QStringLiteral("Method setting %1=%2: %3").arg(name, value, problem));
        setting->assign(config, value);
    }
    config.validate();
    return config;
}

void MethodConfig::validate() const
{
    if (likeHistogramWeight + likePhotoWeight + likeTextureWeight > 1.0f)
        throw Error(QStringLiteral("Method settings lhsv + lphoto + ltex are shares of one pattern query (sum at most 1)"));
    if (deepWeight() <= 0.0f)
        throw Error(QStringLiteral("Method settings hsv + photo + tex must leave a share for the deep feature (sum below 1)"));
}

}  // namespace weft
