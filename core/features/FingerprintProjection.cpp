#include "core/features/FingerprintProjection.h"

#include "core/common/Error.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QIODevice>

#include <opencv2/core.hpp>

#include <cmath>
#include <optional>

namespace weft {

namespace {

constexpr quint32 kMagic = 0x4A504657;   // "WFPJ"
constexpr quint32 kFormatVersion = 1;

// Parts without a recipe (colour) are kept as they are.
std::optional<FingerprintProjection::Recipe> recipeFor(FingerprintPart part)
{
    switch (part) {
    case FingerprintPart::Deep: return FingerprintProjection::kDeep;
    case FingerprintPart::Camera: return FingerprintProjection::kCamera;
    case FingerprintPart::Texture: return FingerprintProjection::kTexture;
    case FingerprintPart::Colour: return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

FingerprintProjection::FingerprintProjection(FingerprintLayout raw, std::vector<Part> parts)
    : m_rawLayout(std::move(raw)), m_parts(std::move(parts)), m_projectedLayout(std::vector<FingerprintLayout::Slice>{})
{
    std::vector<FingerprintLayout::Slice> slices;
    for (std::size_t p = 0; p < m_parts.size(); ++p) {
        FingerprintLayout::Slice slice = m_rawLayout.slices()[p];
        if (m_parts[p].components > 0)
            slice.size = m_parts[p].components;
        slices.push_back(slice);
    }
    m_projectedLayout = FingerprintLayout(slices);
}

FingerprintProjection FingerprintProjection::learn(const std::vector<std::vector<float>>& raw, const FingerprintLayout& layout)
{
    if (int(raw.size()) <= kMostComponents)
        throw Error(QStringLiteral("A projection needs more than %1 fingerprints, not %2").arg(kMostComponents).arg(raw.size()));
    std::vector<Part> parts;
    for (const FingerprintLayout::Slice& slice : layout.slices()) {
        Part part;
        part.part = slice.part;
        part.inputSize = slice.size;
        const std::optional<Recipe> recipe = recipeFor(slice.part);
        if (recipe && slice.size > recipe->components) {
            cv::Mat data(int(raw.size()), slice.size, CV_32F);
            for (std::size_t r = 0; r < raw.size(); ++r) {
                const std::vector<float> unit = layout.part(raw[r], slice.part);
                if (int(unit.size()) != slice.size)
                    throw Error(QStringLiteral("A fingerprint of %1 values does not fit the layout of %2").arg(raw[r].size()).arg(layout.dimension()));
                std::copy(unit.begin(), unit.end(), data.ptr<float>(int(r)));
            }
            const cv::PCA pca(data, cv::noArray(), cv::PCA::DATA_AS_ROW, recipe->components);
            part.components = pca.eigenvectors.rows;
            part.mean.assign(pca.mean.ptr<float>(0), pca.mean.ptr<float>(0) + slice.size);
            cv::Mat basis;
            pca.eigenvectors.convertTo(basis, CV_32F);
            part.basis.assign(basis.ptr<float>(0), basis.ptr<float>(0) + std::size_t(part.components) * slice.size);
        }
        parts.push_back(std::move(part));
    }
    return FingerprintProjection(layout, std::move(parts));
}

std::vector<float> FingerprintProjection::apply(const std::vector<float>& raw, Subject subject) const
{
    if (int(raw.size()) != m_rawLayout.dimension())
        throw Error(QStringLiteral("A fingerprint of %1 values does not fit this library's projection (made for %2)")
                        .arg(raw.size())
                        .arg(m_rawLayout.dimension()));
    std::vector<std::vector<float>> projected;
    for (const Part& part : m_parts) {
        const std::vector<float> unit = m_rawLayout.part(raw, part.part);
        if (part.components == 0) {
            projected.push_back(unit);
            continue;
        }
        const std::optional<Recipe> recipe = recipeFor(part.part);
        const bool centred = subject == Subject::LibraryImage || !recipe || recipe->swatchCentred;
        std::vector<float> out(std::size_t(part.components), 0.0f);
        for (int k = 0; k < part.components; ++k) {
            const float* row = part.basis.data() + std::size_t(k) * part.inputSize;
            double sum = 0;
            for (int i = 0; i < part.inputSize; ++i)
                sum += double(row[i]) * (unit[std::size_t(i)] - (centred ? part.mean[std::size_t(i)] : 0.0f));
            out[std::size_t(k)] = float(sum);
        }
        projected.push_back(std::move(out));
    }
    return m_projectedLayout.fuse(projected);   // each part back to unit length, at its share
}

QByteArray FingerprintProjection::toBytes() const
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setByteOrder(QDataStream::LittleEndian);
    out.setFloatingPointPrecision(QDataStream::SinglePrecision);
    out << kMagic << kFormatVersion << quint32(m_parts.size());
    for (std::size_t p = 0; p < m_parts.size(); ++p) {
        const Part& part = m_parts[p];
        out << qint32(part.part) << qint32(part.inputSize) << float(m_rawLayout.slices()[p].share) << qint32(part.components);
        for (float v : part.mean)
            out << v;
        for (float v : part.basis)
            out << v;
    }
    return bytes;
}

FingerprintProjection FingerprintProjection::fromBytes(const QByteArray& bytes)
{
    const auto damaged = [] { return Error(QStringLiteral("The library's fingerprint projection is damaged; re-index the library")); };
    QDataStream in(bytes);
    in.setByteOrder(QDataStream::LittleEndian);
    in.setFloatingPointPrecision(QDataStream::SinglePrecision);
    quint32 magic = 0, version = 0, count = 0;
    in >> magic >> version >> count;
    if (magic != kMagic || count == 0 || count > 8)
        throw damaged();
    if (version > kFormatVersion)
        throw Error(QStringLiteral("The library's fingerprint projection was made by a newer version of Weft"));
    std::vector<FingerprintLayout::Slice> slices;
    std::vector<Part> parts;
    for (quint32 p = 0; p < count; ++p) {
        qint32 kind = 0, size = 0, components = 0;
        float share = 0;
        in >> kind >> size >> share >> components;
        if (in.status() != QDataStream::Ok || kind < 0 || kind > int(FingerprintPart::Texture) || size <= 0 || size > (1 << 16)
            || components < 0 || components > size || !(share > 0 && share <= 1))
            throw damaged();
        Part part;
        part.part = FingerprintPart(kind);
        part.inputSize = size;
        part.components = components;
        if (components > 0) {
            part.mean.resize(std::size_t(size));
            part.basis.resize(std::size_t(components) * size);
            for (float& v : part.mean)
                in >> v;
            for (float& v : part.basis)
                in >> v;
        }
        slices.push_back({part.part, 0, size, share});
        parts.push_back(std::move(part));
    }
    if (in.status() != QDataStream::Ok || !in.atEnd())
        throw damaged();
    for (const Part& part : parts)
        for (float v : part.basis)
            if (!std::isfinite(v))
                throw damaged();
    return FingerprintProjection(FingerprintLayout(slices), std::move(parts));
}

QString FingerprintProjection::tag() const
{
    return QString::fromLatin1(QCryptographicHash::hash(toBytes(), QCryptographicHash::Sha1).toHex().left(12));
}

}  // namespace weft
