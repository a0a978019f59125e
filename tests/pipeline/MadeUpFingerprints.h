#pragma once

// Fingerprints for pipeline tests that need no model: the right answers follow from
// the vectors themselves.

#include <cmath>
#include <cstddef>
#include <random>
#include <vector>

namespace weft::test {

// A random direction: normal values scaled to unit length.
inline std::vector<float> randomUnitVector(std::mt19937& random, int dimension)
{
    std::normal_distribution<float> normal;
    std::vector<float> vector(static_cast<std::size_t>(dimension));
    double length = 0;
    for (float& value : vector) {
        value = normal(random);
        length += double(value) * value;
    }
    for (float& value : vector)
        value = float(value / std::sqrt(length));
    return vector;
}

}  // namespace weft::test
