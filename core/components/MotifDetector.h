#pragma once

#include "core/components/ComponentDetector.h"
#include "core/components/RepeatGrouping.h"

#include <memory>

namespace weft {

// Finds the repeated elements of a pattern with no detector weights: colour pieces that
// recur on a common ground, told apart by colour and by the backbone's own descriptor
// (algorithm and reasons at the top of MotifDetector.cpp). Label
// "motif"; group = one kind of repeated element.
class MotifDetector : public ComponentDetector {
public:
    struct Options {
        int inputSize = 224;         // shorter side of the network input (appearance only: the fingerprint's size)
        int clusters = 4;            // colour clusters: the ground + up to 3 motif colours
        int workSide = 320;          // long side of the image the colours are segmented on
        double minColourDistance = 12.0;     // Lab distance below which a cluster counts as ground too ...
        double minSubtleColourDistance = 2.5;  // ... lowered to 0.4 x the image's largest, but not below this
        double minInstanceFraction = 0.001;  // smaller pieces (of the image area) are speckle
        double maxInstanceFraction = 0.15;   // larger pieces are ground, the wearer or touching motifs
        RepeatGroupingOptions grouping{0.5, 0.75, 0.5, 3, 4, 12};
    };

    explicit MotifDetector(std::shared_ptr<const Backbone> backbone);
    MotifDetector(std::shared_ptr<const Backbone> backbone, Options options);

    QString id() const override { return QStringLiteral("motif"); }
    Components detect(const QImage& rgb888) const override;
    Components detect(const QImage& rgb888, const FeatureMap& map, const QRectF& region) const override;

    // Candidates before Algorithm 1 grouping, in the coordinates of the image passed in
    // (for tests and tuning).
    std::vector<Candidate> candidates(const QImage& rgb888) const;

private:
    struct Found;
    // `map` (null: run the backbone) describes `region` of rgb888.
    Found find(const QImage& rgb888, const FeatureMap* map, const QRectF& region) const;
    Components grouped(const Found& found) const;

    std::shared_ptr<const Backbone> m_backbone;
    Options m_options;
};

}  // namespace weft
