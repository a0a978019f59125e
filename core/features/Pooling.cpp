#include "core/features/Pooling.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace weft {

namespace {

// x^p for the generalised mean; the cube (the default power) without std::pow,
// which is most of the pooling time otherwise.
inline double powered(float value, float power)
{
    const double x = double(std::max(value, 1e-6f));   // negative activations are clamped, as in the GeM paper
    return power == 3.0f ? x * x * x : std::pow(x, double(power));
}

// Pools the cells of `map` in `cells`, each weighted by weightAt(x, y) (0 = left out).
template <typename Weight>
std::vector<float> pooled(const FeatureMap& map, const QRect& cells, MethodConfig::Pooling pooling, float gemPower, Weight weightAt)
{
    double total = 0;
    for (int y = cells.top(); y <= cells.bottom(); ++y)
        for (int x = cells.left(); x <= cells.right(); ++x)
            total += std::max(0.0f, weightAt(x, y));
    if (total <= 0)
        return {};
    std::vector<float> result(std::size_t(map.channels), 0.0f);
    for (int c = 0; c < map.channels; ++c) {
        const float* values = map.channel(c);
        double sum = 0;
        float best = std::numeric_limits<float>::lowest();
        for (int y = cells.top(); y <= cells.bottom(); ++y) {
            for (int x = cells.left(); x <= cells.right(); ++x) {
                const float weight = weightAt(x, y);
                if (weight <= 0)
                    continue;
                const float value = values[y * map.width + x];
                switch (pooling) {
                case MethodConfig::Pooling::Max: best = std::max(best, value); break;
                case MethodConfig::Pooling::Average: sum += double(weight) * value; break;
                case MethodConfig::Pooling::GeM: sum += double(weight) * powered(value, gemPower); break;
                }
            }
        }
        switch (pooling) {
        case MethodConfig::Pooling::Max: result[std::size_t(c)] = best; break;
        case MethodConfig::Pooling::Average: result[std::size_t(c)] = float(sum / total); break;
        case MethodConfig::Pooling::GeM: result[std::size_t(c)] = float(std::pow(sum / total, 1.0 / double(gemPower))); break;
        }
    }
    return result;
}

}  // namespace

std::vector<float> poolFeatureMap(const FeatureMap& map, MethodConfig::Pooling pooling, float gemPower)
{
    return poolCells(map, QRect(0, 0, map.width, map.height), pooling, gemPower);
}

std::vector<float> poolFeatureMapUnder(const FeatureMap& map, const std::vector<float>& weights, MethodConfig::Pooling pooling,
                                       float gemPower)
{
    if (int(weights.size()) != map.height * map.width)
        return {};
    return pooled(map, QRect(0, 0, map.width, map.height), pooling, gemPower,
                  [&](int x, int y) { return weights[std::size_t(y * map.width + x)]; });
}

std::vector<float> poolCells(const FeatureMap& map, const QRect& cells, MethodConfig::Pooling pooling, float gemPower)
{
    const QRect inside = cells.intersected(QRect(0, 0, map.width, map.height));
    if (inside.isEmpty())
        return {};
    return pooled(map, inside, pooling, gemPower, [](int, int) { return 1.0f; });
}

std::vector<float> covariancePooled(const FeatureMap& map, const QRect& cells)
{
    const QRect inside = cells.intersected(QRect(0, 0, map.width, map.height));
    const int count = inside.width() * inside.height();
    if (count < 2)
        return {};
    const int channels = map.channels;
    // The cells as rows of channels, each channel's mean taken off.
    std::vector<double> centred(std::size_t(count) * channels);
    for (int c = 0; c < channels; ++c) {
        const float* values = map.channel(c);
        double mean = 0;
        for (int y = inside.top(); y <= inside.bottom(); ++y)
            for (int x = inside.left(); x <= inside.right(); ++x)
                mean += values[y * map.width + x];
        mean /= count;
        int cell = 0;
        for (int y = inside.top(); y <= inside.bottom(); ++y)
            for (int x = inside.left(); x <= inside.right(); ++x)
                centred[std::size_t(cell++) * channels + c] = values[y * map.width + x] - mean;
    }
    std::vector<float> described;
    described.reserve(std::size_t(covariancePooledSize(channels)));
    for (int i = 0; i < channels; ++i) {
        for (int j = i; j < channels; ++j) {
            double sum = 0;
            for (int cell = 0; cell < count; ++cell)
                sum += centred[std::size_t(cell) * channels + i] * centred[std::size_t(cell) * channels + j];
            const double entry = sum / count * (i == j ? 1.0 : std::sqrt(2.0));
            described.push_back(float(entry < 0 ? -std::sqrt(-entry) : std::sqrt(entry)));
        }
    }
    normaliseL2(described);
    return described;
}

int covariancePooledSize(int channels)
{
    return channels * (channels + 1) / 2;
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
