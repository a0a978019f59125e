#include "core/features/SwatchOrientation.h"

#include "core/common/Error.h"

#include <QTransform>

namespace weft {

namespace {
constexpr int kOrientations = 8;
}

std::vector<SwatchOrientation> swatchOrientations(int count)
{
    if (count < 1 || count > kOrientations)
        throw Error(QStringLiteral("A swatch is described in 1 to %1 orientations, not %2").arg(kOrientations).arg(count));
    std::vector<SwatchOrientation> orientations;
    for (int k = 0; k < count; ++k)
        orientations.push_back({k % 4, k >= 4});
    return orientations;
}

QImage oriented(const QImage& image, SwatchOrientation orientation)
{
    const QImage flipped = orientation.mirrored ? image.mirrored(true, false) : image;
    if (orientation.quarterTurns % 4 == 0)
        return flipped;
    // Qt turns by right angles by moving pixels, without resampling.
    return flipped.transformed(QTransform().rotate(90.0 * (orientation.quarterTurns % 4))).convertToFormat(image.format());
}

}  // namespace weft
