#pragma once

// The colours the tests of core/colour paint their prints in.

#include <QColor>

namespace weft::test {

inline const QColor kRed(200, 16, 46);
inline const QColor kNavy(31, 42, 92);
inline const QColor kCream(243, 233, 210);
inline const QColor kGreen(30, 160, 60);

}  // namespace weft::test
