#pragma once

#include <QList>
#include <QString>
#include <array>

namespace weft {

// A further file a model needs besides its main one (a Darknet .cfg, a class-name list).
struct ModelFile {
    QString file;    // relative to the model folder
    QString sha256;  // required: extra files are always pinned
    qint64 bytes = 0;
};

// What the application knows about one model: where its file lives inside a model
// folder, how to check it, how to feed it and which output to read. The manifest
// (models/manifest.json) is compiled into the binary so a moved or edited model
// folder cannot change what the application expects.
struct ModelSpec {
    QString id;                 // e.g. "mobilenetv2-imagenet"
    QString role;               // "backbone"
    QString description;
    QString file;               // relative to the model folder, e.g. "mobilenetv2-imagenet/features.pt"
    QString sha256;             // empty: the export script wrote "<file>.sha256" beside the file
    qint64 bytes = 0;           // 0 when unknown
    std::array<float, 3> mean{};  // per RGB channel, on 0..255 pixel values
    std::array<float, 3> std{};
    bool bgr = false;           // the network wants BGR channel order
    int nativeSize = 224;
    int outputTupleIndex = 0;   // forward() returns a tuple; this element is the feature map
    int outputChannels = 0;
    int outputStride = 32;
    // "texture_output", optional: a middle layer whose channels' covariance describes
    // a print's texture (FingerprintPart::Texture). -1: the network names none.
    int textureTupleIndex = -1;
    int textureChannels = 0;
    int textureStride = 16;
    QString licence;
    QString source;
    QString setup;              // how a user gets the file
    QList<ModelFile> extraFiles;  // "extra_files": further pinned files, e.g. a detector's .cfg
};

class ModelManifest {
public:
    // The manifest compiled into the application.
    static const ModelManifest& builtIn();
    // Parses a manifest; throws weft::Error on malformed content.
    static ModelManifest fromJson(const QByteArray& json);

    const QList<ModelSpec>& models() const { return m_models; }
    QString defaultBackbone() const { return m_defaultBackbone; }
    // Throws weft::Error listing the known ids when `id` is unknown.
    const ModelSpec& model(const QString& id) const;

private:
    QList<ModelSpec> m_models;
    QString m_defaultBackbone;
};

}  // namespace weft
