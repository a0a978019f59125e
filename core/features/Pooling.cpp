#include "core/features/Pooling.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace weft {

std::vector<float> poolFeatureMap(const FeatureMap& map, MethodConfig::Pooling pooling, float gemPower)
{
    return poolFeatureMapUnder(map, std::vector<float>(std::size_t(map.height) * map.width, 1.0f), pooling, gemPower);
}

std::vector<float> poolFeatureMapUnder(const FeatureMap& map, const std::vector<float>& weights, MethodConfig::Pooling pooling,
                                       float gemPower)
{
    const int area = map.height * map.width;
    const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
    if (int(weights.size()) != area || total <= 0)
        return {};
    std::vector<float> pooled(map.channels, 0.0f);
    for (int c = 0; c < map.channels; ++c) {
        const float* values = map.channel(c);
        double sum = 0;
        float best = std::numeric_limits<float>::lowest();
        for (int i = 0; i < area; ++i) {
            if (weights[i] <= 0)
                continue;
            switch (pooling) {
            case MethodConfig::Pooling::Max:
                best = std::max(best, values[i]);
                break;
            case MethodConfig::Pooling::Average:
                sum += double(weights[i]) * values[i];
                break;
            case MethodConfig::Pooling::GeM:
                // Negative activations (maps without a final ReLU) are clamped, as in the GeM paper.
                sum += double(weights[i]) * std::pow(double(std::max(values[i], 1e-6f)), double(gemPower));
                break;
            }
        }
        switch (pooling) {
        case MethodConfig::Pooling::Max:
            pooled[c] = best;
            break;
        case MethodConfig::Pooling::Average:
            pooled[c] = float(sum / total);
            break;
        case MethodConfig::Pooling::GeM:
            pooled[c] = float(std::pow(sum / total, 1.0 / double(gemPower)));
            break;
        }
    }
    return pooled;
}

void normaliseL2(std::vector<float>& vector)
{
    double sum = 0;
    for (float v : vector)
        sum += double(v) * v;
    if (sum <= 0)
        return;
    const float scale = float(1.0 / std::sqrt(sum));
    for (float& v : vector)
        v *= scale;
}

void addNormalised(std::vector<float>& sum, std::vector<float> part)
{
    normaliseL2(part);
    if (sum.empty())
        sum.assign(part.size(), 0.0f);
    for (std::size_t c = 0; c < std::min(sum.size(), part.size()); ++c)
        sum[c] += part[c];
}

float dot(const std::vector<float>& a, const std::vector<float>& b)
{
    double sum = 0;
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i)
        sum += double(a[i]) * b[i];
    return float(sum);
}

}  // namespace weft
