#include "core/features/FingerprintLayout.h"

#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"
#include "core/features/Pooling.h"

#include <cmath>

namespace weft {

FingerprintLayout::FingerprintLayout(const MethodConfig& method, int channels, int textureChannels)
{
    // A network without a texture layer leaves the texture's share to the camera
    // views it would have described, so that the shares still add up to one.
    const bool texture = textureChannels > 0;
    const Slice all[] = {
        {FingerprintPart::Deep, 0, channels, method.deepWeight()},
        {FingerprintPart::Colour, 0, kHistogramBins, method.histogramWeight},
        {FingerprintPart::Camera, 0, channels, method.photoWeight + (texture ? 0.0f : method.textureWeight)},
        {FingerprintPart::Texture, 0, covariancePooledSize(textureChannels), texture ? method.textureWeight : 0.0f},
    };
    for (Slice slice : all) {
        if (slice.share <= 0)
            continue;
        slice.offset = m_dimension;
        m_dimension += slice.size;
        m_slices.push_back(slice);
    }
}

FingerprintLayout::FingerprintLayout(const std::vector<Slice>& slices)
{
    for (Slice slice : slices) {
        slice.offset = m_dimension;
        m_dimension += slice.size;
        m_slices.push_back(slice);
    }
}

const FingerprintLayout::Slice* FingerprintLayout::find(FingerprintPart part) const
{
    for (const Slice& slice : m_slices)
        if (slice.part == part)
            return &slice;
    return nullptr;
}

std::vector<float> FingerprintLayout::fuse(const std::vector<std::vector<float>>& parts) const
{
    if (parts.size() != m_slices.size())
        throw Error(QStringLiteral("A fingerprint has %1 parts, not %2").arg(m_slices.size()).arg(parts.size()));
    std::vector<float> fused;
    fused.reserve(std::size_t(m_dimension));
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const std::vector<float>& part = parts[p];
        if (int(part.size()) != m_slices[p].size)
            throw Error(QStringLiteral("A fingerprint part has %1 values, not %2").arg(part.size()).arg(m_slices[p].size));
        double squares = 0;
        for (float v : part)
            squares += double(v) * v;
        const float scale = squares > 0 ? float(std::sqrt(m_slices[p].share / squares)) : 0.0f;
        for (float v : part)
            fused.push_back(v * scale);
    }
    return fused;
}

std::vector<float> FingerprintLayout::reweighted(const std::vector<float>& stored, const std::vector<float>& shares) const
{
    if (int(stored.size()) != m_dimension || shares.size() != m_slices.size())
        throw Error(QStringLiteral("A fingerprint of %1 values does not fit a layout of %2").arg(stored.size()).arg(m_dimension));
    // A stored part is sqrt(storedShare) · unit; against another stored part it is to
    // give queryShare · cosine, so it is scaled by queryShare / storedShare.
    std::vector<float> query(stored.size());
    for (std::size_t p = 0; p < m_slices.size(); ++p) {
        const Slice& slice = m_slices[p];
        const float factor = shares[p] / slice.share;
        for (int i = slice.offset; i < slice.offset + slice.size; ++i)
            query[std::size_t(i)] = stored[std::size_t(i)] * factor;
    }
    return query;
}

std::vector<float> FingerprintLayout::part(const std::vector<float>& stored, FingerprintPart part) const
{
    const Slice* slice = find(part);
    if (!slice || int(stored.size()) != m_dimension)
        return {};
    std::vector<float> values(stored.begin() + slice->offset, stored.begin() + slice->offset + slice->size);
    double squares = 0;
    for (float v : values)
        squares += double(v) * v;
    if (squares > 0)
        for (float& v : values)
            v = float(v / std::sqrt(squares));
    return values;
}

}  // namespace weft
