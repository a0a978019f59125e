#pragma once

#include <QRect>
#include <QString>
#include <vector>

namespace weft {

// One candidate detection handed to Algorithm 1 of seed paper 000.
struct Candidate {
    QRect box;
    float score = 0;
    QString label;
    std::vector<float> appearance;  // optional (empty: not compared); compared by cosine
};

struct RepeatGroupingOptions {
    double minAreaRatio = 0.7;         // smaller / larger box area for two repeats (0.7: ratio within 0.7..1.43)
    double minAppearanceCosine = 0.8;  // cosine of appearance vectors for two repeats, when both have one
    double duplicateIoU = 0.5;         // boxes overlapping more than this are one detection; the higher score stays
    int fallbackCount = 3;             // top-scoring detections added when fewer than maxGroups repeat groups exist
    int maxGroups = 4;                 // components (groups) kept: 1..maxGroups
    int maxInstances = 12;             // instances returned over all kept groups
};

// A kept instance: candidates[index] is a member of output group `group`.
struct GroupedCandidate {
    int index = 0;
    int group = 0;
};

// Algorithm 1 of seed paper 000 ("Extraction of textile image feature components"),
// steps 9-13, as a pure function:
//  1. duplicates: in descending score order, a candidate whose box overlaps an
//     already kept one with IoU > duplicateIoU (whatever the label) is dropped;
//  2. repeats: in descending score order, a candidate joins the first group whose
//     leader (its highest-scoring member) has the same label, a box area within
//     minAreaRatio and, when both carry one, an appearance cosine >= minAppearanceCosine;
//     otherwise it leads a new group. Comparing with the leader only (not with any
//     member) keeps a chain of slowly growing boxes from merging into one group;
//  3. groups with two or more members (repeated components) come first, larger
//     groups first, then by the leader's score;
//  4. if that gives fewer than maxGroups groups, the fallbackCount highest-scoring
//     candidates not yet in a kept group are added, each with its group, in score order
//     (the paper's "top three targets not in P"), up to maxGroups groups;
//  5. every instance of a kept group is returned (overlays show all repeats, and the
//     fingerprint can use several) but at most maxInstances in all: each kept group's
//     leader first, then the other members in group order.
// The result is ordered by group (0, 1, ...) and by descending score within a group;
// group ids are consecutive from 0. Ties are broken by candidate index, so the result
// is deterministic. No candidates: empty result.
std::vector<GroupedCandidate> groupRepeats(const std::vector<Candidate>& candidates,
                                           const RepeatGroupingOptions& options = {});

double intersectionOverUnion(const QRect& a, const QRect& b);

}  // namespace weft
