#include "core/eval/SwatchSet.h"

#include "core/common/Error.h"
#include "core/imaging/ImageDecoder.h"
#include "core/imaging/MatView.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

namespace weft {

namespace {

// Protocol bounds (shared/datasets/README.md).
constexpr double kCropMin = 0.40, kCropMax = 0.70;
constexpr double kScaleMin = 0.7, kScaleMax = 1.4;
constexpr double kAngleMax = 10.0;
constexpr double kLightMin = 0.85, kLightMax = 1.15;
constexpr double kBlurMin = 0.5, kBlurMax = 1.0;

// std::uniform_real_distribution is implementation-defined (libstdc++ and libc++ give
// different numbers); mt19937's own output is not, so the set is the same everywhere.
double uniform(std::mt19937& rng, double low, double high)
{
    return low + (high - low) * (double(rng()) / 4294967296.0);
}

std::string localPath(const QString& path)
{
    return QFile::encodeName(path).toStdString();
}

cv::Mat toMat(const QImage& rgb)
{
    // QImage lines may be padded; clone so the Mat owns tightly packed pixels.
    return matView(rgb).clone();
}

void writeImage(const QString& path, const cv::Mat& rgb, const std::vector<int>& parameters)
{
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    bool written = false;
    try {
        written = cv::imwrite(localPath(path), bgr, parameters);
    } catch (const cv::Exception& error) {
        throw Error(QStringLiteral("Cannot write %1: %2").arg(path, QString::fromStdString(error.what())));
    }
    if (!written)
        throw Error(QStringLiteral("Cannot write %1").arg(path));
}

// The library image: the source itself, or for tileSize > 0 a tileSize × tileSize image
// whose pixel (x, y) is the source's (x mod w, y mod h).
cv::Mat libraryImage(const cv::Mat& source, int tileSize)
{
    if (tileSize <= 0)
        return source;
    cv::Mat repeated;
    cv::repeat(source, (tileSize + source.rows - 1) / source.rows, (tileSize + source.cols - 1) / source.cols, repeated);
    return repeated(cv::Rect(0, 0, tileSize, tileSize)).clone();
}

// A simulated phone photo of a piece of the library image.
cv::Mat makeQuery(const cv::Mat& library, const SwatchQueryParameters& p)
{
    // Crop, rotation and rescaling are one resampling step: output pixel o comes from
    // centre + R(angle) · (o − outputCentre) / scale in the library image. The rotated
    // window keeps the crop's size, so its corners can reach past the library image's
    // edge (a crop near the border): those pixels are filled by reflection
    // (BORDER_REFLECT_101), never black. Reflection keeps the piece's own texture and
    // does not shrink the crop below the protocol's 40 %, which cropping the rotated
    // result to its largest inner rectangle would do.
    const double cropWidth = p.cropFraction * library.cols;
    const double cropHeight = p.cropFraction * library.rows;
    const double centreX = p.cropX + (cropWidth - 1) / 2;
    const double centreY = p.cropY + (cropHeight - 1) / 2;
    const double outCentreX = (p.width - 1) / 2.0;
    const double outCentreY = (p.height - 1) / 2.0;
    const double radians = p.angleDegrees * CV_PI / 180.0;
    const double c = std::cos(radians) / p.scale;
    const double s = std::sin(radians) / p.scale;
    const cv::Matx23d toSource(c, -s, centreX - (c * outCentreX - s * outCentreY),  //
                               s, c, centreY - (s * outCentreX + c * outCentreY));
    cv::Mat query;
    cv::warpAffine(library, query, toSource, cv::Size(p.width, p.height), cv::INTER_LINEAR | cv::WARP_INVERSE_MAP,
                   cv::BORDER_REFLECT_101);
    // Contrast around mid grey, then brightness as a gain on the light level.
    query.convertTo(query, -1, p.contrast * p.brightness, 128.0 * (1.0 - p.contrast) * p.brightness);
    cv::GaussianBlur(query, query, cv::Size(0, 0), p.blurSigma, p.blurSigma, cv::BORDER_REFLECT_101);
    return query;
}

QJsonObject sourceEntry(const QString& path)
{
    const QFileInfo info(path);
    return {{QStringLiteral("path"), path},
            {QStringLiteral("size"), info.exists() ? info.size() : qint64(-1)},
            {QStringLiteral("modified"), info.exists() ? info.lastModified().toMSecsSinceEpoch() : qint64(-1)}};
}

QJsonObject parametersToJson(const SwatchQueryParameters& p)
{
    return {{QStringLiteral("crop_fraction"), p.cropFraction}, {QStringLiteral("crop_x"), p.cropX},
            {QStringLiteral("crop_y"), p.cropY},               {QStringLiteral("scale"), p.scale},
            {QStringLiteral("angle"), p.angleDegrees},         {QStringLiteral("brightness"), p.brightness},
            {QStringLiteral("contrast"), p.contrast},          {QStringLiteral("blur_sigma"), p.blurSigma},
            {QStringLiteral("width"), p.width},                {QStringLiteral("height"), p.height}};
}

struct ParametersToJson {
    QJsonObject operator()(const SwatchQueryParameters& p) const { return parametersToJson(p); }
    QJsonObject operator()(const WildPhotoParameters& p) const { return p.toJson(); }
};

SwatchQueryParameters parametersFromJson(const QJsonObject& o)
{
    SwatchQueryParameters p;
    p.cropFraction = o.value(QStringLiteral("crop_fraction")).toDouble();
    p.cropX = o.value(QStringLiteral("crop_x")).toDouble();
    p.cropY = o.value(QStringLiteral("crop_y")).toDouble();
    p.scale = o.value(QStringLiteral("scale")).toDouble();
    p.angleDegrees = o.value(QStringLiteral("angle")).toDouble();
    p.brightness = o.value(QStringLiteral("brightness")).toDouble();
    p.contrast = o.value(QStringLiteral("contrast")).toDouble();
    p.blurSigma = o.value(QStringLiteral("blur_sigma")).toDouble();
    p.width = o.value(QStringLiteral("width")).toInt();
    p.height = o.value(QStringLiteral("height")).toInt();
    return p;
}

struct Outcome {
    SwatchItem item;
    QString skipped;    // the source could not be read
    QString failure;    // a file could not be written: the whole build fails
};

}  // namespace

PhotoConditions SwatchItem::conditions() const
{
    if (const auto* wild = std::get_if<WildPhotoParameters>(&parameters))
        return {wild->turnFromUpright(), wild->mirrored, wild->zoom};
    const auto& plain = std::get<SwatchQueryParameters>(parameters);
    return {std::abs(plain.angleDegrees), false, plain.scale};
}

SwatchQueryParameters SwatchSet::queryParameters(quint32 seed, int index, int libraryWidth, int libraryHeight)
{
    std::seed_seq sequence{std::uint32_t(seed), std::uint32_t(index)};
    std::mt19937 rng(sequence);
    SwatchQueryParameters p;
    p.cropFraction = uniform(rng, kCropMin, kCropMax);
    const double cropWidth = p.cropFraction * libraryWidth;
    const double cropHeight = p.cropFraction * libraryHeight;
    p.cropX = uniform(rng, 0, libraryWidth - cropWidth);
    p.cropY = uniform(rng, 0, libraryHeight - cropHeight);
    p.scale = uniform(rng, kScaleMin, kScaleMax);
    p.angleDegrees = uniform(rng, -kAngleMax, kAngleMax);
    p.brightness = uniform(rng, kLightMin, kLightMax);
    p.contrast = uniform(rng, kLightMin, kLightMax);
    p.blurSigma = uniform(rng, kBlurMin, kBlurMax);
    p.width = std::max(1, int(std::lround(cropWidth * p.scale)));
    p.height = std::max(1, int(std::lround(cropHeight * p.scale)));
    return p;
}

SwatchSet SwatchSet::build(const QList<LabelledImage>& labels, const QString& outputFolder, int tileSize, quint32 seed,
                           SwatchPhotos photos)
{
    const bool wild = photos == SwatchPhotos::Wild;
    if (tileSize < 0)
        throw Error(QStringLiteral("The tile size must be 0 (no tiling) or a positive number of pixels"));
    SwatchSet set;
    set.m_folder = QDir::cleanPath(QDir(outputFolder).absolutePath());
    set.m_tileSize = tileSize;
    set.m_seed = seed;
    set.m_photos = photos;
    const QDir dir(set.m_folder);
    const QString libraryDir = dir.filePath(QStringLiteral("library"));
    const QString queryDir = dir.filePath(QStringLiteral("queries"));
    const QString manifestPath = dir.filePath(QStringLiteral("set.json"));

    QJsonArray sources;
    for (const LabelledImage& label : labels)
        sources.append(sourceEntry(label.path));
    QJsonObject inputs{{QStringLiteral("protocol"), QStringLiteral("swatch")},
                       {QStringLiteral("protocol_version"), kProtocolVersion},
                       {QStringLiteral("seed"), qint64(seed)},
                       {QStringLiteral("tile"), tileSize},
                       {QStringLiteral("count"), int(labels.size())},
                       {QStringLiteral("sources"), sources}};
    // A plain set's inputs stay as they were before wild photos, so made sets are reused.
    if (wild) {
        inputs.insert(QStringLiteral("photos"), QStringLiteral("wild"));
        inputs.insert(QStringLiteral("wild_photos_revision"), kWildPhotosRevision);
    } else {
        inputs.insert(QStringLiteral("jpeg_quality"), kJpegQuality);
    }

    // An identical complete set is reused as it is.
    QFile manifestFile(manifestPath);
    if (manifestFile.open(QIODevice::ReadOnly)) {
        const QJsonObject manifest = QJsonDocument::fromJson(manifestFile.readAll()).object();
        manifestFile.close();
        if (manifest.value(QStringLiteral("inputs")).toObject() == inputs) {
            QList<SwatchItem> items;
            bool complete = true;
            for (const QJsonValue& value : manifest.value(QStringLiteral("items")).toArray()) {
                const QJsonObject o = value.toObject();
                SwatchItem item;
                item.index = o.value(QStringLiteral("index")).toInt(-1);
                if (item.index < 0 || item.index >= labels.size()) {
                    complete = false;
                    break;
                }
                item.source = labels[item.index].path;
                item.libraryImage = dir.filePath(QStringLiteral("library/%1.png").arg(item.index));
                item.query = dir.filePath(QStringLiteral("queries/%1.jpg").arg(item.index));
                const QJsonObject parameters = o.value(QStringLiteral("parameters")).toObject();
                if (wild)
                    item.parameters = WildPhotoParameters::fromJson(parameters);
                else
                    item.parameters = parametersFromJson(parameters);
                if (!QFileInfo::exists(item.libraryImage) || !QFileInfo::exists(item.query)) {
                    complete = false;
                    break;
                }
                items.append(item);
            }
            if (complete) {
                set.m_items = items;
                for (const QJsonValue& value : manifest.value(QStringLiteral("skipped")).toArray())
                    set.m_skipped.append(value.toString());
                set.m_reused = true;
                return set;
            }
        }
    }

    // Make it anew: the manifest goes first, so an interrupted build is never taken as complete.
    if (QFileInfo::exists(manifestPath) && !QFile::remove(manifestPath))
        throw Error(QStringLiteral("Cannot replace %1").arg(manifestPath));
    QDir(libraryDir).removeRecursively();
    QDir(queryDir).removeRecursively();
    if (!QDir().mkpath(libraryDir) || !QDir().mkpath(queryDir))
        throw Error(QStringLiteral("Cannot create the folder %1").arg(set.m_folder));

    std::vector<Outcome> outcomes(std::size_t(labels.size()));
    for (int i = 0; i < labels.size(); ++i) {
        outcomes[std::size_t(i)].item.index = i;
        outcomes[std::size_t(i)].item.source = labels[i].path;
    }
    // Each image depends only on (seed, its index), so the order the pool runs them in
    // does not change a byte. Exceptions must not leave the worker threads.
    QtConcurrent::blockingMap(outcomes, [&](Outcome& outcome) {
        SwatchItem& item = outcome.item;
        cv::Mat source;
        try {
            DecodeOptions full;
            full.maxSide = 0;
            source = toMat(ImageDecoder::decode(item.source, full).image);
        } catch (const std::exception& error) {
            outcome.skipped = QStringLiteral("%1: %2").arg(item.source, QString::fromUtf8(error.what()));
            return;
        }
        try {
            const cv::Mat library = libraryImage(source, tileSize);
            item.libraryImage = dir.filePath(QStringLiteral("library/%1.png").arg(item.index));
            item.query = dir.filePath(QStringLiteral("queries/%1.jpg").arg(item.index));
            writeImage(item.libraryImage, library, {cv::IMWRITE_PNG_COMPRESSION, 6});
            if (wild) {
                const WildPhoto photo = wildPhotoOf(imageCopy(library), seed, item.index);
                item.parameters = photo.parameters;
                writeImage(item.query, toMat(photo.rgb), {cv::IMWRITE_JPEG_QUALITY, photo.parameters.jpegQuality});
            } else {
                const SwatchQueryParameters parameters = queryParameters(seed, item.index, library.cols, library.rows);
                item.parameters = parameters;
                writeImage(item.query, makeQuery(library, parameters), {cv::IMWRITE_JPEG_QUALITY, kJpegQuality});
            }
        } catch (const std::exception& error) {
            outcome.failure = QString::fromUtf8(error.what());
        }
    });

    QJsonArray itemsJson;
    QJsonArray skippedJson;
    for (const Outcome& outcome : outcomes) {
        if (!outcome.failure.isEmpty())
            throw Error(outcome.failure);
        if (!outcome.skipped.isEmpty()) {
            set.m_skipped.append(outcome.skipped);
            skippedJson.append(outcome.skipped);
            continue;
        }
        set.m_items.append(outcome.item);
        itemsJson.append(QJsonObject{{QStringLiteral("index"), outcome.item.index},
                                     {QStringLiteral("source"), outcome.item.source},
                                     {QStringLiteral("parameters"), std::visit(ParametersToJson(), outcome.item.parameters)}});
    }
    QSaveFile manifest(manifestPath);
    if (!manifest.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("Cannot write %1: %2").arg(manifestPath, manifest.errorString()));
    manifest.write(QJsonDocument(QJsonObject{{QStringLiteral("inputs"), inputs},
                                             {QStringLiteral("items"), itemsJson},
                                             {QStringLiteral("skipped"), skippedJson}})
                       .toJson(QJsonDocument::Indented));
    if (!manifest.commit())
        throw Error(QStringLiteral("Cannot write %1: %2").arg(manifestPath, manifest.errorString()));
    return set;
}

}  // namespace weft
