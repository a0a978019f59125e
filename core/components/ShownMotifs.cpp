#include "core/components/ShownMotifs.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <map>
#include <vector>

namespace weft {

namespace {

// What the detector also returns on a photo of a garment, and how it is told from a
// motif (measured on 40 fashion-texture photos, docs/BENCHMARKS.md, "Readable
// components"):
// - No motif a designer would name covered more than 7 % of its picture; the wearer's
//   body or head, a shaded half of a garment and the backdrop covered 18-57 %. A
//   quarter keeps a large placement motif and drops those.
constexpr double kMaxShareOfPicture = 0.25;
// - The wearer's head, arms and legs, a hem and the backdrop are cut by the photo's
//   frame, and lie on it along 5-50 % of its side (only wisps of hair less); no motif
//   of a photo did. A motif cut by the edge of a flat pattern may, but there most of
//   its repeats lie inside the picture, and they vouch for it.
constexpr double kMaxFrameContact = 0.05;
constexpr double kFrameBand = 0.005;  // pixels this close to the edge (of the side) are on the frame
// - Folds, seams and the edges of sleeves and collars are long and thin (the box over
//   4 times as long as wide) and, being curved or slanted, fill little of their box
//   (0.33-0.58); a stripe is as long but straight, and fills 0.6-0.9 of it.
constexpr double kMaxElongation = 4.0;
constexpr double kMinStripeFill = 0.6;

constexpr int kMaskThreshold = 128;

// The share of its box a component's mask covers (1 without a mask).
double maskFill(const Component& component)
{
    if (component.mask.isNull() || component.mask.size() != component.box.size())
        return 1.0;
    const QImage mask = component.mask.convertToFormat(QImage::Format_Grayscale8);
    qint64 inside = 0;
    for (int y = 0; y < mask.height(); ++y)
        inside += std::count_if(mask.constScanLine(y), mask.constScanLine(y) + mask.width(), [](uchar v) { return v >= kMaskThreshold; });
    return double(inside) / (qint64(mask.width()) * mask.height());
}

// The longest stretch, as a share of that side, along which the component lies on one
// edge of the picture: the rows (left and right edges) or columns (top and bottom) in
// which its outline comes within the frame band.
double frameContact(const Component& component, QSize imageSize)
{
    const QRect box = component.box;
    const int bandX = std::max(1, int(imageSize.width() * kFrameBand));
    const int bandY = std::max(1, int(imageSize.height() * kFrameBand));
    const bool nearLeft = box.left() < bandX, nearRight = box.right() >= imageSize.width() - bandX;
    const bool nearTop = box.top() < bandY, nearBottom = box.bottom() >= imageSize.height() - bandY;
    if (!nearLeft && !nearRight && !nearTop && !nearBottom)
        return 0;
    const bool masked = !component.mask.isNull() && component.mask.size() == box.size();
    if (!masked) {  // the whole box is the component
        const double across = std::max(nearLeft || nearRight ? double(box.height()) / imageSize.height() : 0.0,
                                       nearTop || nearBottom ? double(box.width()) / imageSize.width() : 0.0);
        return across;
    }
    const QImage mask = component.mask.convertToFormat(QImage::Format_Grayscale8);
    std::vector<char> left(std::size_t(box.height()), 0), right(left), top(std::size_t(box.width()), 0), bottom(top);
    for (int y = 0; y < mask.height(); ++y) {
        const uchar* row = mask.constScanLine(y);
        const int imageY = box.top() + y;
        for (int x = 0; x < mask.width(); ++x) {
            if (row[x] < kMaskThreshold)
                continue;
            const int imageX = box.left() + x;
            left[std::size_t(y)] |= imageX < bandX;
            right[std::size_t(y)] |= imageX >= imageSize.width() - bandX;
            top[std::size_t(x)] |= imageY < bandY;
            bottom[std::size_t(x)] |= imageY >= imageSize.height() - bandY;
        }
    }
    const auto count = [](const std::vector<char>& along) { return double(std::count(along.begin(), along.end(), 1)); };
    return std::max({count(left) / imageSize.height(), count(right) / imageSize.height(), count(top) / imageSize.width(),
                     count(bottom) / imageSize.width()});
}

QString motifName(int repeatIndex)
{
    const QString letter = repeatIndex < 26 ? QString(QChar(u'A' + repeatIndex)) : QString::number(repeatIndex + 1);
    return QCoreApplication::translate("weft::ShownMotifs", "Motif %1").arg(letter);
}

// Why `component`, looked at alone, is not a motif.
ShownMotifs::Hidden reasonToHide(const Component& component, QSize imageSize)
{
    using Hidden = ShownMotifs::Hidden;
    if (component.box.isEmpty() || imageSize.isEmpty())
        return Hidden::TooLarge;  // nothing to show it on
    if (ShownMotifs::shareOfPicture(component, imageSize) > kMaxShareOfPicture)
        return Hidden::TooLarge;
    if (frameContact(component, imageSize) > kMaxFrameContact)
        return Hidden::CutByFrame;
    const double longSide = std::max(component.box.width(), component.box.height());
    const double shortSide = std::min(component.box.width(), component.box.height());
    if (longSide > kMaxElongation * shortSide && maskFill(component) < kMinStripeFill)
        return Hidden::FoldOrEdge;
    return Hidden::No;
}

}  // namespace

ShownMotifs::ShownMotifs(const Components& components, QSize imageSize)
{
    std::vector<Hidden> reasons;
    std::map<int, int> groupSize, clearOfFrame;
    for (const Component& component : components) {
        reasons.push_back(reasonToHide(component, imageSize));
        ++groupSize[component.group];
        clearOfFrame[component.group] += reasons.back() == Hidden::No;
    }
    // The shown instances of each detector group, groups in the order they come.
    std::vector<int> groupOrder;
    std::map<int, Components> byGroup;
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        const Component& component = components[qsizetype(i)];
        const bool vouchedFor = 2 * clearOfFrame[component.group] > groupSize[component.group];
        if (reasons[i] != Hidden::No && !(reasons[i] == Hidden::CutByFrame && vouchedFor)) {
            m_hidden.append({component, reasons[i]});
            continue;
        }
        if (byGroup.find(component.group) == byGroup.end())
            groupOrder.push_back(component.group);
        byGroup[component.group].append(component);
    }
    std::vector<Components> groups;
    for (int group : groupOrder)
        groups.push_back(byGroup[group]);
    // Hiding can leave a repeat with fewer instances, or with one: more repeats first
    // (which puts the motifs found once last).
    std::stable_sort(groups.begin(), groups.end(), [](const Components& a, const Components& b) { return a.size() > b.size(); });
    int repeats = 0;
    for (Components& instances : groups) {
        std::stable_sort(instances.begin(), instances.end(), [](const Component& a, const Component& b) { return a.score > b.score; });
        for (Component& instance : instances)
            instance.group = int(m_motifs.size());
        Motif motif;
        motif.name = instances.size() > 1 ? motifName(repeats++) : QCoreApplication::translate("weft::ShownMotifs", "Motif");
        motif.instances = instances;
        m_motifs.append(motif);
    }
}

Components ShownMotifs::instances() const
{
    Components all;
    for (const Motif& motif : m_motifs)
        all += motif.instances;
    return all;
}

int ShownMotifs::instanceCount() const
{
    int count = 0;
    for (const Motif& motif : m_motifs)
        count += int(motif.instances.size());
    return count;
}

QString ShownMotifs::repeatText(int instances)
{
    return instances > 1 ? QCoreApplication::translate("weft::ShownMotifs", "repeat of %1").arg(instances)
                         : QCoreApplication::translate("weft::ShownMotifs", "found once");
}

QString ShownMotifs::legendText(const Motif& motif)
{
    return QCoreApplication::translate("weft::ShownMotifs", "%1 — %2").arg(motif.name, repeatText(int(motif.instances.size())));
}

double ShownMotifs::shareOfPicture(const Component& component, QSize imageSize)
{
    if (imageSize.isEmpty())
        return 0;
    return double(component.box.width()) * component.box.height() / (double(imageSize.width()) * imageSize.height());
}

QString ShownMotifs::sizeText(double shareOfPicture)
{
    const double percent = 100 * shareOfPicture;
    // Two figures: "0.4 %", "3.2 %", "12 %".
    return QCoreApplication::translate("weft::ShownMotifs", "%1 %").arg(QLocale().toString(percent, 'f', percent < 9.95 ? 1 : 0));
}

QString ShownMotifs::confidenceText(float score)
{
    if (score >= 0.6f)
        return QCoreApplication::translate("weft::ShownMotifs", "high");
    if (score >= 0.3f)
        return QCoreApplication::translate("weft::ShownMotifs", "medium");
    return QCoreApplication::translate("weft::ShownMotifs", "low");
}

}  // namespace weft
