#pragma once

#include <QImage>
#include <QList>
#include <QRect>
#include <QString>

namespace weft {

// One detected "feature component" of a pattern (seed paper 000): an instance of a
// repeated motif, or a salient region, with its outline. Several components that
// are repeats of one motif share a group id.
struct Component {
    QRect box;           // in the pixel coordinates of the image as stored on disk (after EXIF orientation)
    QImage mask;         // QImage::Format_Grayscale8 of box.size(): 255 inside the component, 0 outside; null = the whole box
    float score = 0;     // detector confidence, 0..1
    QString label;       // detector class name, or "motif" for the repeated-motif detector
    int group = 0;       // repeat group: components with the same group are repeats of one motif
};

using Components = QList<Component>;

}  // namespace weft
