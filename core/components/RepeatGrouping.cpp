#include "core/components/RepeatGrouping.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace weft {

double intersectionOverUnion(const QRect& a, const QRect& b)
{
    const QRect overlap = a.intersected(b);
    const double inter = overlap.isEmpty() ? 0.0 : double(overlap.width()) * overlap.height();
    const double unite = double(a.width()) * a.height() + double(b.width()) * b.height() - inter;
    return unite > 0 ? inter / unite : 0.0;
}

namespace {

double area(const QRect& box) { return std::max(0.0, double(box.width()) * box.height()); }

double cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    double ab = 0, aa = 0, bb = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ab += double(a[i]) * b[i];
        aa += double(a[i]) * a[i];
        bb += double(b[i]) * b[i];
    }
    return aa > 0 && bb > 0 ? ab / std::sqrt(aa * bb) : 0.0;
}

bool areRepeats(const Candidate& a, const Candidate& b, const RepeatGroupingOptions& options)
{
    if (a.label != b.label)
        return false;
    const double areaA = area(a.box), areaB = area(b.box);
    if (areaA <= 0 || areaB <= 0 || std::min(areaA, areaB) < options.minAreaRatio * std::max(areaA, areaB))
        return false;
    if (!a.appearance.empty() && a.appearance.size() == b.appearance.size())
        return cosine(a.appearance, b.appearance) >= options.minAppearanceCosine;
    return true;
}

}  // namespace

std::vector<GroupedCandidate> groupRepeats(const std::vector<Candidate>& candidates, const RepeatGroupingOptions& options)
{
    std::vector<int> order(candidates.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return candidates[a].score > candidates[b].score; });

    // 1. Duplicates.
    std::vector<int> kept;
    for (int i : order) {
        if (candidates[i].box.isEmpty())
            continue;
        const bool duplicate = std::any_of(kept.begin(), kept.end(), [&](int k) {
            return intersectionOverUnion(candidates[i].box, candidates[k].box) > options.duplicateIoU;
        });
        if (!duplicate)
            kept.push_back(i);
    }

    // 2. Repeats, against each group's leader; kept is in score order so members are too.
    std::vector<std::vector<int>> groups;
    for (int i : kept) {
        auto group = std::find_if(groups.begin(), groups.end(),
                                  [&](const std::vector<int>& g) { return areRepeats(candidates[g.front()], candidates[i], options); });
        if (group == groups.end())
            groups.push_back({i});
        else
            group->push_back(i);
    }

    // 3. Repeated groups first: larger first, then by leader score (groups are already in
    //    leader-score order, so a stable sort by size is enough).
    std::vector<int> groupOrder;
    for (int g = 0; g < int(groups.size()); ++g)
        if (groups[g].size() >= 2)
            groupOrder.push_back(g);
    std::stable_sort(groupOrder.begin(), groupOrder.end(), [&](int a, int b) { return groups[a].size() > groups[b].size(); });
    if (int(groupOrder.size()) > options.maxGroups)
        groupOrder.resize(std::max(0, options.maxGroups));

    // 4. Fallback: the top-scoring detections not yet in a kept group.
    if (int(groupOrder.size()) < options.maxGroups) {
        const int topCount = std::min<int>(options.fallbackCount, int(kept.size()));
        for (int t = 0; t < topCount && int(groupOrder.size()) < options.maxGroups; ++t) {
            const int candidate = kept[t];
            const int g = int(std::find_if(groups.begin(), groups.end(), [&](const std::vector<int>& members) {
                              return std::find(members.begin(), members.end(), candidate) != members.end();
                          }) - groups.begin());
            if (std::find(groupOrder.begin(), groupOrder.end(), g) == groupOrder.end())
                groupOrder.push_back(g);
        }
    }

    // 5. Instances: leaders first so every kept group is represented, then the rest.
    std::vector<std::vector<int>> chosen(groupOrder.size());
    int total = 0;
    for (std::size_t rank = 0; rank < groupOrder.size() && total < options.maxInstances; ++rank) {
        chosen[rank].push_back(groups[groupOrder[rank]].front());
        ++total;
    }
    for (std::size_t rank = 0; rank < groupOrder.size(); ++rank) {
        const std::vector<int>& members = groups[groupOrder[rank]];
        for (std::size_t m = 1; m < members.size() && total < options.maxInstances; ++m) {
            chosen[rank].push_back(members[m]);
            ++total;
        }
    }
    std::vector<GroupedCandidate> result;
    int group = 0;
    for (const std::vector<int>& members : chosen) {
        if (members.empty())
            continue;  // only when maxInstances < maxGroups
        for (int index : members)
            result.push_back({index, group});
        ++group;
    }
    return result;
}

}  // namespace weft
