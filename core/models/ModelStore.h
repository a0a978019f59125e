#pragma once

#include "core/common/Error.h"
#include "core/models/ModelManifest.h"

namespace weft {

// A model file that is missing, damaged or not what the manifest describes. The
// message names the file and says how to get a good one.
class ModelError : public Error {
public:
    using Error::Error;
};

// The folder holding model files, laid out as in the manifest ("<id>/<file>").
class ModelStore {
public:
    // $WEFT_MODEL_DIR when set, otherwise <user data>/weft/models, where
    // models/setup_models.sh puts them.
    static QString defaultDirectory();

    explicit ModelStore(QString directory = defaultDirectory());
    QString directory() const { return m_directory; }

    // The absolute path of the model's file after checking that it exists and that
    // its SHA-256 is the manifest's (or, for exported models, the one the export
    // script recorded in "<file>.sha256"). Throws ModelError otherwise.
    QString verifiedPath(const ModelSpec& spec) const;
    // The same for one of the model's extra files (spec.extraFiles).
    QString verifiedPath(const ModelSpec& spec, const ModelFile& extraFile) const;

    static QByteArray sha256Hex(const QString& path);

private:
    QString checkedPath(const ModelSpec& spec, const QString& file, QString expectedSha256, qint64 bytes) const;

    QString m_directory;
};

}  // namespace weft
