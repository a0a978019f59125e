#include "core/features/MethodSettings.h"

#include "core/components/ComponentDetector.h"
#include "core/features/MethodConfig.h"
#include "core/models/ModelManifest.h"

#include <QRegularExpression>

#include <cmath>

namespace weft {

namespace {

using Kind = MethodSetting::Kind;
using Effect = MethodSetting::Effect;

QString shareText(float value) { return QString::number(double(value)); }

// What every declaration has; the helpers below add their kind's own.
MethodSetting declared(const char* name, Kind kind, Effect effect, const char* label, const char* help)
{
    MethodSetting setting;
    setting.name = QLatin1String(name);
    setting.kind = kind;
    setting.effect = effect;
    setting.label = label;
    setting.help = help;
    return setting;
}

MethodSetting share(const char* name, Effect effect, const char* label, const char* help, float MethodConfig::*field)
{
    MethodSetting setting = declared(name, Kind::Share, effect, label, help);
    setting.value = [field](const MethodConfig& config) { return shareText(config.*field); };
    setting.assign = [field](MethodConfig& config, const QString& text) { config.*field = text.toFloat(); };
    return setting;
}

MethodSetting count(const char* name, Effect effect, const char* help, int low, int high, int MethodConfig::*field)
{
    MethodSetting setting = declared(name, Kind::Count, effect, nullptr, help);
    setting.minimum = low;
    setting.maximum = high;
    setting.value = [field](const MethodConfig& config) { return QString::number(config.*field); };
    setting.assign = [field](MethodConfig& config, const QString& text) { config.*field = text.toInt(); };
    return setting;
}

MethodSetting choice(const char* name, const char* label, const char* help, std::function<QStringList()> choices, QString MethodConfig::*field)
{
    MethodSetting setting = declared(name, Kind::Choice, Effect::Stored, label, help);
    setting.choices = std::move(choices);
    setting.value = [field](const MethodConfig& config) { return config.*field; };
    setting.assign = [field](MethodConfig& config, const QString& text) { config.*field = text; };
    return setting;
}

QStringList backboneIds()
{
    QStringList ids;
    for (const ModelSpec& spec : ModelManifest::builtIn().models())
        if (spec.role == QLatin1String("backbone"))
            ids.append(spec.id);
    return ids;
}

// gem3 and the like: the generalised mean's power written after "gem".
const QRegularExpression& gemPattern()
{
    static const QRegularExpression pattern(QStringLiteral("^gem(\\d+(\\.\\d+)?)$"));
    return pattern;
}

std::vector<MethodSetting> declare()
{
    std::vector<MethodSetting> settings;
    MethodSetting backbone = choice("backbone", QT_TRANSLATE_NOOP("MethodSettings", "Model"),
                                    "the network that describes images (an id of models/manifest.json)", backboneIds, &MethodConfig::backbone);
    backbone.value = [](const MethodConfig& config) { return config.backboneId(); };
    settings.push_back(backbone);

    MethodSetting pool;
    pool.name = QStringLiteral("pool");
    pool.kind = Kind::Choice;
    pool.help = "how a feature map becomes a vector: max, avg, or gemP (generalised mean of power P, 1 to 16)";
    pool.choices = [] { return QStringList{QStringLiteral("max"), QStringLiteral("avg"), QStringLiteral("gem3")}; };
    pool.value = [](const MethodConfig& config) {
        switch (config.pooling) {
        case MethodConfig::Pooling::Max: return QStringLiteral("max");
        case MethodConfig::Pooling::Average: return QStringLiteral("avg");
        case MethodConfig::Pooling::GeM: break;
        }
        return QStringLiteral("gem%1").arg(double(config.gemPower));
    };
    pool.assign = [](MethodConfig& config, const QString& text) {
        if (text == QLatin1String("max")) {
            config.pooling = MethodConfig::Pooling::Max;
        } else if (text == QLatin1String("avg")) {
            config.pooling = MethodConfig::Pooling::Average;
        } else {
            config.pooling = MethodConfig::Pooling::GeM;
            config.gemPower = gemPattern().match(text).captured(1).toFloat();
        }
    };
    settings.push_back(pool);

    settings.push_back(count("size", Effect::Stored,
                             "shorter side, in pixels, of the whole image in the network input; its camera views are half that",
                             64, 1024, &MethodConfig::inputSize));
    settings.push_back(count("grid", Effect::Stored, "the whole image is also described by its 2 x 2 quarters (2) or not (0)", 0, 2,
                             &MethodConfig::grid));
    settings.push_back(share("hsv", Effect::Stored, QT_TRANSLATE_NOOP("MethodSettings", "Colour weight"),
                             "share of the colour histogram in the similarity", &MethodConfig::histogramWeight));
    settings.push_back(share("photo", Effect::Stored, nullptr,
                             "share of the camera views (the image's centre as a phone would photograph it)", &MethodConfig::photoWeight));
    settings.push_back(share("tex", Effect::Stored, nullptr,
                             "share of the camera views' texture (how the network's middle-layer channels vary together)",
                             &MethodConfig::textureWeight));
    MethodSetting detector = choice("det", QT_TRANSLATE_NOOP("MethodSettings", "Component detector"),
                                    "the detector of feature components: motif, yolo, maskrcnn or none", detectorIds, &MethodConfig::detector);
    detector.choiceLabel = [](const QString& value) -> const char* {
        if (value == QLatin1String("none"))
            return QT_TRANSLATE_NOOP("MethodSettings", "None (whole image only)");
        if (value == QLatin1String("motif"))
            return QT_TRANSLATE_NOOP("MethodSettings", "Repeated motif (finds the pattern's repeating element)");
        if (value == QLatin1String("yolo"))
            return QT_TRANSLATE_NOOP("MethodSettings", "Objects (YOLO, COCO classes)");
        if (value == QLatin1String("maskrcnn"))
            return QT_TRANSLATE_NOOP("MethodSettings", "Objects and their outlines (Mask R-CNN, COCO classes)");
        return nullptr;
    };
    settings.push_back(detector);
    settings.push_back(share("comp", Effect::Stored, nullptr, "share of the components' feature in the deep feature",
                             &MethodConfig::componentWeight));

    MethodSetting feature;
    feature.name = QStringLiteral("cfeat");
    feature.kind = Kind::Choice;
    feature.help = "a component's feature: the image's feature map pooled under its mask (mask) or its crop run through the network (crop)";
    feature.choices = [] { return QStringList{QStringLiteral("mask"), QStringLiteral("crop")}; };
    feature.value = [](const MethodConfig& config) {
        return config.componentFeature == MethodConfig::ComponentFeature::Mask ? QStringLiteral("mask") : QStringLiteral("crop");
    };
    feature.assign = [](MethodConfig& config, const QString& text) {
        config.componentFeature = text == QLatin1String("crop") ? MethodConfig::ComponentFeature::Crop : MethodConfig::ComponentFeature::Mask;
    };
    settings.push_back(feature);

    settings.push_back(count("qsize", Effect::QueryOnly, "shorter side, in pixels, of a swatch in the network input", 32, 1024,
                             &MethodConfig::querySize));
    settings.push_back(share("lhsv", Effect::QueryOnly, nullptr, "colour share when looking for patterns like an indexed one",
                             &MethodConfig::likeHistogramWeight));
    settings.push_back(share("lphoto", Effect::QueryOnly, nullptr, "camera-view share when looking for patterns like an indexed one",
                             &MethodConfig::likePhotoWeight));
    settings.push_back(share("ltex", Effect::QueryOnly, nullptr, "texture share when looking for patterns like an indexed one",
                             &MethodConfig::likeTextureWeight));
    settings.push_back(count("verify", Effect::QueryOnly, "how many of a swatch's best matches get a second look (0: none)", 0, 200,
                             &MethodConfig::verifyDepth));
    settings.push_back(count("orient", Effect::QueryOnly,
                             "ways up the second look reads a swatch in: 1 as photographed, 4 its right-angle turns, 8 also mirrored", 1, 8,
                             &MethodConfig::swatchOrientations));
    settings.push_back(count("qscales", Effect::QueryOnly,
                             "sizes the second look reads a swatch at: 1 qsize, 2 also about half of it (a close-up of a small piece)", 1, 2,
                             &MethodConfig::queryScales));
    return settings;
}

}  // namespace

QString MethodSetting::check(const QString& text) const
{
    switch (kind) {
    case Kind::Share: {
        bool ok = false;
        const double number = text.toDouble(&ok);
        if (!ok || !std::isfinite(number) || number < minimum || number > maximum)
            return QStringLiteral("expected a number from %1 to %2").arg(minimum).arg(maximum);
        return {};
    }
    case Kind::Count: {
        bool ok = false;
        const int number = text.toInt(&ok);
        if (!ok || number < minimum || number > maximum)
            return QStringLiteral("expected a whole number from %1 to %2").arg(minimum).arg(maximum);
        return {};
    }
    case Kind::Choice:
        if (choices().contains(text))
            return {};
        if (name == QLatin1String("pool")) {
            const auto match = gemPattern().match(text);
            const double power = match.captured(1).toDouble();
            if (match.hasMatch() && power >= 1 && power <= 16)
                return {};
        }
        return QStringLiteral("expected one of %1").arg(choices().join(QStringLiteral(", ")));
    }
    return QStringLiteral("unknown kind of setting");
}

const std::vector<MethodSetting>& methodSettings()
{
    static const std::vector<MethodSetting> settings = declare();
    return settings;
}

const MethodSetting* findMethodSetting(const QString& name)
{
    for (const MethodSetting& setting : methodSettings())
        if (setting.name == name)
            return &setting;
    return nullptr;
}

}  // namespace weft
