#include "core/features/PatternQuery.h"

namespace weft {

std::vector<float> patternQuery(const std::vector<float>& stored, const MethodConfig& method, const FingerprintLayout& layout)
{
    std::vector<float> shares;
    float others = 0;
    for (const FingerprintLayout::Slice& slice : layout.slices()) {
        const float share = slice.part == FingerprintPart::Colour ? method.likeHistogramWeight
                            : slice.part == FingerprintPart::Camera  ? method.likePhotoWeight
                            : slice.part == FingerprintPart::Texture ? method.likeTextureWeight
                                                                     : 0.0f;
        shares.push_back(share);
        others += share;
    }
    for (std::size_t p = 0; p < shares.size(); ++p)
        if (layout.slices()[p].part == FingerprintPart::Deep)
            shares[p] = 1.0f - others;
    return layout.reweighted(stored, shares);
}

}  // namespace weft
