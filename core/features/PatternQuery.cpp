#include "core/features/PatternQuery.h"

#include "core/common/Error.h"
#include "core/features/ColourFeatures.h"

namespace weft {

std::vector<float> patternQuery(const std::vector<float>& stored, const MethodConfig& method)
{
    // The deep feature appears once, or twice with photo views (same channel count).
    const int fixedParts = (method.histogramWeight > 0 ? kHistogramBins : 0) + (method.colourSpotWeight > 0 ? kColourSpotValues : 0);
    const int deepParts = method.photoWeight > 0 ? 2 : 1;
    const int channels = (int(stored.size()) - fixedParts) / deepParts;
    if (channels <= 0 || channels * deepParts + fixedParts != int(stored.size()))
        throw Error(QStringLiteral("A fingerprint of %1 values does not fit the method %2").arg(stored.size()).arg(method.key()));

    struct Part {
        int size;
        float storedShare;
        float queryShare;
    };
    // A part the fingerprint does not hold gives its share back to the deep feature.
    const float likeColour = method.histogramWeight > 0 ? method.likeHistogramWeight : 0.0f;
    const float likePhoto = method.photoWeight > 0 ? method.likePhotoWeight : 0.0f;
    const Part parts[] = {
        {channels, method.deepWeight(), 1.0f - likeColour - likePhoto},
        {method.histogramWeight > 0 ? kHistogramBins : 0, method.histogramWeight, likeColour},
        {method.colourSpotWeight > 0 ? kColourSpotValues : 0, method.colourSpotWeight, 0.0f},
        {method.photoWeight > 0 ? channels : 0, method.photoWeight, likePhoto},
    };
    // A stored part is sqrt(storedShare) · unit; its dot product with another stored
    // part is to come out as queryShare · cosine, so the query part is
    // (queryShare / sqrt(storedShare)) · unit = (queryShare / storedShare) · stored part.
    std::vector<float> query;
    query.reserve(stored.size());
    std::size_t at = 0;
    for (const Part& part : parts) {
        const float factor = part.storedShare > 0 ? part.queryShare / part.storedShare : 0.0f;
        for (int i = 0; i < part.size; ++i)
            query.push_back(stored[at++] * factor);
    }
    return query;
}

}  // namespace weft
