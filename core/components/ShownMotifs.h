#pragma once

#include "core/components/Component.h"

#include <QList>
#include <QSize>
#include <QString>

namespace weft {

// What a designer is shown of the components found in a picture: its motifs, in the
// words a designer uses ("Motif A, a repeat of 6"), without the instances that are the
// garment or the wearer rather than the print (whyHidden). The overlays, their legend,
// the inspector and `weft-cli components --as-shown` all read a picture through it, so
// a motif has one name and one colour everywhere. Only what is shown changes: the
// fingerprint still uses every component.
class ShownMotifs {
public:
    // Why an instance is not shown as a motif.
    enum class Hidden {
        No,
        TooLarge,    // covers more of the picture than a motif of a print does
        CutByFrame,  // runs along the picture's edge: the wearer's head or legs, a hem, the backdrop
        FoldOrEdge,  // long, thin and curved or slanted: a fold, a seam, a sleeve's or garment's edge
    };

    struct HiddenInstance {
        Component component;   // as found
        Hidden reason;
    };

    struct Motif {
        QString name;          // "Motif A", "Motif B"… for a repeat; "Motif" for one found once
        Components instances;  // best first; group = this motif's index in motifs()
        bool isRepeat() const { return instances.size() > 1; }
    };

    ShownMotifs() = default;
    // `imageSize`: the size the components' boxes are in (the stored file's).
    ShownMotifs(const Components& components, QSize imageSize);

    // Repeats first, more repeats first; then the motifs found once. Empty when
    // nothing is shown.
    const QList<Motif>& motifs() const { return m_motifs; }
    // Every shown instance, its group the index of its motif (so a motif's colour
    // follows its place in the legend).
    Components instances() const;
    int instanceCount() const;
    // The detector's instances that are not shown, in the order found.
    const QList<HiddenInstance>& hidden() const { return m_hidden; }
    int hiddenCount() const { return int(m_hidden.size()); }

    // "repeat of 6", or "found once".
    static QString repeatText(int instances);
    // "Motif A — repeat of 6": a legend's line.
    static QString legendText(const Motif& motif);
    // The share of the picture an instance's box covers, 0..1.
    static double shareOfPicture(const Component& component, QSize imageSize);
    // A share of the picture as "0.4 %" or "12 %".
    static QString sizeText(double shareOfPicture);
    // The detector's confidence in words: "high", "medium" or "low".
    static QString confidenceText(float score);

private:
    QList<Motif> m_motifs;
    QList<HiddenInstance> m_hidden;
};

}  // namespace weft
