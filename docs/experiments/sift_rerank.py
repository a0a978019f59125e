#!/usr/bin/python3
"""SIFT + RANSAC re-ranking of a swatch lookup's top 20 (issue 3, part 5), measured
outside the app: does local-feature verification put the swatch's source first
more often than the fingerprint's order does?

usage: /usr/bin/python3 sift_rerank.py SWATCH_SET RANKINGS.jsonl
  SWATCH_SET      the swatch-set/ folder that `weft-cli eval --protocol swatch` wrote
                  (queries/N.jpg cut from library/N.png)
  RANKINGS.jsonl  `weft-cli query --json --top 20 --method verify=0` over its queries

Needs python3-opencv (Debian). Prints top-1, top-5 and MRR (within the top 20)
before and after re-ranking, for several inlier thresholds.
"""
import json
import os
import sys

import cv2
import numpy as np

set_dir, rankings = sys.argv[1], sys.argv[2]
sift = cv2.SIFT_create(nfeatures=1500)
matcher = cv2.BFMatcher(cv2.NORM_L2)
features_of = {}


def features(path):
    if path not in features_of:
        features_of[path] = sift.detectAndCompute(cv2.imread(path, cv2.IMREAD_GRAYSCALE), None)
    return features_of[path]


def inliers(query, candidate):
    """Matches (Lowe's ratio 0.75) consistent with one homography (RANSAC, 5 px)."""
    kq, dq = features(query)
    kc, dc = features(candidate)
    if dq is None or dc is None or len(kq) < 4 or len(kc) < 4:
        return 0
    good = [p[0] for p in matcher.knnMatch(dq, dc, k=2) if len(p) == 2 and p[0].distance < 0.75 * p[1].distance]
    if len(good) < 4:
        return 0
    source = np.float32([kq[m.queryIdx].pt for m in good])
    target = np.float32([kc[m.trainIdx].pt for m in good])
    _, mask = cv2.findHomography(source, target, cv2.RANSAC, 5.0)
    return int(mask.sum()) if mask is not None else 0


def quality(ranks):
    n = len(ranks)
    return (sum(r == 1 for r in ranks) / n, sum(r is not None and r <= 5 for r in ranks) / n,
            sum(1.0 / r for r in ranks if r) / n)


rows = []  # (source image, candidates in fingerprint order, their inlier counts)
for line in open(rankings):
    answer = json.loads(line)
    query = answer["query"]
    source = os.path.join(set_dir, "library", os.path.basename(query).replace(".jpg", ".png"))
    candidates = [r["path"] for r in answer["results"]]
    rows.append((source, candidates, [inliers(query, c) for c in candidates]))

print("queries", len(rows))
for minimum in (12, 25, 40, 60):
    before, after, source_verified, others_verified = [], [], 0, 0
    for source, candidates, counts in rows:
        # Verified candidates first, most inliers first; the rest keep the fingerprint's order.
        order = sorted(range(len(candidates)), key=lambda i: (-(counts[i] if counts[i] >= minimum else 0), i))
        rank = lambda seq: next((k + 1 for k, i in enumerate(seq) if candidates[i] == source), None)
        before.append(rank(range(len(candidates))))
        after.append(rank(order))
        source_verified += sum(c >= minimum and p == source for p, c in zip(candidates, counts))
        others_verified += sum(c >= minimum and p != source for p, c in zip(candidates, counts))
    print("at least %d inliers: fingerprint top-1 %.4f top-5 %.4f MRR %.4f -> re-ranked top-1 %.4f top-5 %.4f MRR %.4f;"
          " source verified %d, other images verified %d" % ((minimum,) + quality(before) + quality(after) + (source_verified, others_verified)))
