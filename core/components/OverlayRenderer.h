#pragma once

#include "core/components/Component.h"

#include <QColor>
#include <QImage>

namespace weft {

// Draws components over their image: each group in its own colour, masks filled
// semi-transparently, boxes outlined and labelled "<label> g<group> <score>".
// QtGui only (QPainter on a QImage), so the CLI and the GUI draw the same thing.
class OverlayRenderer {
public:
    struct Options {
        int maskAlpha = 110;  // 0..255
        int lineWidth = 0;    // 0: from the image size
        bool labels = true;   // drawn only in a QGuiApplication (text needs the font database)
    };

    // A copy of `image` (any format; the result is ARGB32_Premultiplied) with the
    // components drawn on it; boxes are in `image`'s coordinates.
    static QImage render(const QImage& image, const Components& components, const Options& options);
    static QImage render(const QImage& image, const Components& components) { return render(image, components, Options()); }

    // The colour of a group (distinct for the first dozen groups, then repeating).
    static QColor groupColour(int group);
};

}  // namespace weft
