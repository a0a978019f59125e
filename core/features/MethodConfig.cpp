#include "core/features/MethodConfig.h"

#include "core/common/Error.h"
#include "core/components/ComponentDetector.h"
#include "core/models/ModelManifest.h"

#include <QStringList>

namespace weft {

namespace {

QString poolingName(const MethodConfig& config)
{
    switch (config.pooling) {
    case MethodConfig::Pooling::Max: return QStringLiteral("max");
    case MethodConfig::Pooling::Average: return QStringLiteral("avg");
    case MethodConfig::Pooling::GeM: return QStringLiteral("gem%1").arg(double(config.gemPower));
    }
    return {};
}

float parseFraction(const QString& name, const QString& value)
{
    bool ok = false;
    const float number = value.toFloat(&ok);
    if (!ok || number < 0 || number > 1)
        throw Error(QStringLiteral("Method setting %1=%2: expected a number from 0 to 1").arg(name, value));
    return number;
}

int parseInteger(const QString& name, const QString& value, int low, int high)
{
    bool ok = false;
    const int number = value.toInt(&ok);
    if (!ok || number < low || number > high)
        throw Error(QStringLiteral("Method setting %1=%2: expected a whole number from %3 to %4").arg(name, value).arg(low).arg(high));
    return number;
}

}  // namespace

QString MethodConfig::key() const
{
    const QString model = backbone.isEmpty() ? ModelManifest::builtIn().defaultBackbone() : backbone;
    return QStringLiteral("rev=%1;backbone=%2;pool=%3;size=%4;grid=%5;hsv=%6;spot=%7")
        .arg(kAlgorithmRevision)
        .arg(model, poolingName(*this))
        .arg(inputSize)
        .arg(grid)
        .arg(double(histogramWeight))
        .arg(double(colourSpotWeight))
        + (photoWeight > 0 ? QStringLiteral(";photo=%1").arg(double(photoWeight)) : QString())
        + (detector == QLatin1String("none") ? QString() : QStringLiteral(";det=%1;comp=%2").arg(detector).arg(double(componentWeight))
                                                     + (componentFeature == ComponentFeature::Mask ? QStringLiteral(";cfeat=mask") : QString()));
}

QString MethodConfig::queryKey() const
{
    return QStringLiteral("qgrid=%1;qsize=%2;lhsv=%3;lphoto=%4;verify=%5")
        .arg(queryGrid < 0 ? grid : queryGrid)
        .arg(querySize > 0 ? querySize : inputSize)
        .arg(double(likeHistogramWeight))
        .arg(double(likePhotoWeight))
        .arg(verifyDepth);
}

MethodConfig MethodConfig::fromOverrides(const QString& overrides)
{
    MethodConfig config;
    for (const QString& item : overrides.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = item.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = item.section(QLatin1Char('='), 1).trimmed();
        if (name == QLatin1String("pool")) {
            if (value == QLatin1String("max")) {
                config.pooling = Pooling::Max;
            } else if (value == QLatin1String("avg")) {
                config.pooling = Pooling::Average;
            } else if (value.startsWith(QLatin1String("gem"))) {
                config.pooling = Pooling::GeM;
                if (value.size() > 3) {
                    bool ok = false;
                    config.gemPower = value.mid(3).toFloat(&ok);
                    if (!ok || config.gemPower < 1 || config.gemPower > 16)
                        throw Error(QStringLiteral("Method setting pool=%1: GeM power must be from 1 to 16").arg(value));
                }
            } else {
                throw Error(QStringLiteral("Method setting pool=%1: expected max, avg or gem[P]").arg(value));
            }
        } else if (name == QLatin1String("size")) {
            config.inputSize = parseInteger(name, value, 32, 1024);
        } else if (name == QLatin1String("grid")) {
            config.grid = parseInteger(name, value, 0, 4);
        } else if (name == QLatin1String("qgrid")) {
            config.queryGrid = parseInteger(name, value, -1, 4);
        } else if (name == QLatin1String("qsize")) {
            config.querySize = parseInteger(name, value, 32, 1024);
        } else if (name == QLatin1String("verify")) {
            config.verifyDepth = parseInteger(name, value, 0, 200);
        } else if (name == QLatin1String("det")) {
            if (!detectorIds().contains(value))
                throw Error(QStringLiteral("Method setting det=%1: expected one of %2").arg(value, detectorIds().join(QStringLiteral(", "))));
            config.detector = value;
        } else if (name == QLatin1String("comp")) {
            config.componentWeight = parseFraction(name, value);
        } else if (name == QLatin1String("cfeat")) {
            if (value != QLatin1String("crop") && value != QLatin1String("mask"))
                throw Error(QStringLiteral("Method setting cfeat=%1: expected crop or mask").arg(value));
            config.componentFeature = value == QLatin1String("mask") ? ComponentFeature::Mask : ComponentFeature::Crop;
        } else if (name == QLatin1String("hsv")) {
            config.histogramWeight = parseFraction(name, value);
        } else if (name == QLatin1String("spot")) {
            config.colourSpotWeight = parseFraction(name, value);
        } else if (name == QLatin1String("lhsv")) {
            config.likeHistogramWeight = parseFraction(name, value);
        } else if (name == QLatin1String("lphoto")) {
            config.likePhotoWeight = parseFraction(name, value);
        } else if (name == QLatin1String("photo")) {
            config.photoWeight = parseFraction(name, value);
        } else if (name == QLatin1String("backbone")) {
            ModelManifest::builtIn().model(value);  // throws for unknown ids
            config.backbone = value;
        } else {
            throw Error(QStringLiteral("Unknown method setting '%1' (known: pool, size, grid, hsv, spot, photo, backbone, qgrid, qsize, lhsv, lphoto, verify, det, comp, cfeat)").arg(name));
        }
    }
    if (config.likeHistogramWeight + config.likePhotoWeight > 1.0f)
        throw Error(QStringLiteral("Method settings lhsv + lphoto are shares of one pattern query (sum at most 1)"));
    if (config.deepWeight() <= 0.0f)
        throw Error(QStringLiteral("Method settings hsv + spot + photo must leave a share for the deep feature (sum below 1)"));
    return config;
}

}  // namespace weft
