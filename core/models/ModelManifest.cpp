#include "core/models/ModelManifest.h"

#include "core/common/Error.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

// Resources of a static library are registered only when asked for by name.
static void initialiseModelResources() { Q_INIT_RESOURCE(models); }

namespace weft {

namespace {

std::array<float, 3> readTriple(const QJsonObject& object, const char* key, const QString& id)
{
    const QJsonArray values = object.value(QLatin1String(key)).toArray();
    if (values.size() != 3)
        throw Error(QStringLiteral("Model manifest: model %1 needs three '%2' values").arg(id, QLatin1String(key)));
    return {float(values[0].toDouble()), float(values[1].toDouble()), float(values[2].toDouble())};
}

ModelSpec readModel(const QJsonObject& object)
{
    ModelSpec spec;
    spec.id = object.value(QStringLiteral("id")).toString();
    if (spec.id.isEmpty())
        throw Error(QStringLiteral("Model manifest: a model has no id"));
    spec.role = object.value(QStringLiteral("role")).toString();
    spec.description = object.value(QStringLiteral("description")).toString();
    spec.file = object.value(QStringLiteral("file")).toString();
    spec.sha256 = object.value(QStringLiteral("sha256")).toString().toLower();
    spec.bytes = object.value(QStringLiteral("bytes")).toInteger();
    spec.licence = object.value(QStringLiteral("licence")).toString();
    spec.source = object.value(QStringLiteral("source")).toString();
    spec.setup = object.value(QStringLiteral("setup")).toString();

    for (const QJsonValue& value : object.value(QStringLiteral("extra_files")).toArray()) {
        const QJsonObject extra = value.toObject();
        ModelFile file{extra.value(QStringLiteral("file")).toString(),
                       extra.value(QStringLiteral("sha256")).toString().toLower(), extra.value(QStringLiteral("bytes")).toInteger()};
        if (file.file.isEmpty() || file.sha256.size() != 64)
            throw Error(QStringLiteral("Model manifest: an extra file of model %1 lacks its file or sha256").arg(spec.id));
        spec.extraFiles.append(file);
    }

    const QJsonObject input = object.value(QStringLiteral("input")).toObject();
    spec.mean = readTriple(input, "mean", spec.id);
    spec.std = readTriple(input, "std", spec.id);
    const QString order = input.value(QStringLiteral("colour_order")).toString();
    if (order != QLatin1String("RGB") && order != QLatin1String("BGR"))
        throw Error(QStringLiteral("Model manifest: model %1 has colour_order '%2' (RGB or BGR)").arg(spec.id, order));
    spec.bgr = order == QLatin1String("BGR");
    spec.nativeSize = input.value(QStringLiteral("native_size")).toInt(224);

    const QJsonObject output = object.value(QStringLiteral("output")).toObject();
    spec.outputTupleIndex = output.value(QStringLiteral("tuple_index")).toInt(-1);
    spec.outputChannels = output.value(QStringLiteral("channels")).toInt();
    spec.outputStride = output.value(QStringLiteral("stride")).toInt(32);
    if (spec.file.isEmpty() || spec.outputTupleIndex < 0 || spec.outputChannels <= 0)
        throw Error(QStringLiteral("Model manifest: model %1 lacks its file, output tuple_index or channels").arg(spec.id));
    if (object.contains(QStringLiteral("texture_output"))) {
        const QJsonObject texture = object.value(QStringLiteral("texture_output")).toObject();
        spec.textureTupleIndex = texture.value(QStringLiteral("tuple_index")).toInt(-1);
        spec.textureChannels = texture.value(QStringLiteral("channels")).toInt();
        spec.textureStride = texture.value(QStringLiteral("stride")).toInt(16);
        if (spec.textureTupleIndex < 0 || spec.textureTupleIndex == spec.outputTupleIndex || spec.textureChannels <= 0
            || spec.textureStride <= 0 || spec.outputStride % spec.textureStride != 0)
            throw Error(QStringLiteral("Model manifest: model %1 has a texture_output without its own tuple_index, channels, or a stride "
                                       "that divides the output's")
                            .arg(spec.id));
    }
    for (float s : spec.std)
        if (s <= 0)
            throw Error(QStringLiteral("Model manifest: model %1 has a non-positive std").arg(spec.id));
    return spec;
}

}  // namespace

ModelManifest ModelManifest::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        throw Error(QStringLiteral("Model manifest is not valid JSON: %1").arg(parseError.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format_version")).toInt() != 1)
        throw Error(QStringLiteral("Model manifest has an unknown format_version"));

    ModelManifest manifest;
    for (const QJsonValue& value : root.value(QStringLiteral("models")).toArray())
        manifest.m_models.append(readModel(value.toObject()));
    manifest.m_defaultBackbone = root.value(QStringLiteral("default_backbone")).toString();
    manifest.model(manifest.m_defaultBackbone);  // must exist
    return manifest;
}

const ModelManifest& ModelManifest::builtIn()
{
    static const ModelManifest manifest = [] {
        initialiseModelResources();
        QFile file(QStringLiteral(":/weft/models/manifest.json"));
        if (!file.open(QIODevice::ReadOnly))
            throw Error(QStringLiteral("The model manifest is missing from this build of Weft"));
        return fromJson(file.readAll());
    }();
    return manifest;
}

const ModelSpec& ModelManifest::model(const QString& id) const
{
    for (const ModelSpec& spec : m_models)
        if (spec.id == id)
            return spec;
    QStringList known;
    for (const ModelSpec& spec : m_models)
        known << spec.id;
    throw Error(QStringLiteral("Unknown model '%1'; known models: %2").arg(id, known.join(QStringLiteral(", "))));
}

}  // namespace weft
