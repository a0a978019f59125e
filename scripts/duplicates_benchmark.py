#!/usr/bin/env python3
"""Measures `weft-cli duplicates` on a library with planted duplicates and colourways.

    scripts/duplicates_benchmark.py make --dataset ../shared/datasets/fashion-texture \
        --originals 400 --planted 40 --seed 1 --out /tmp/dup-set-1
    build/app/weft-cli index --library /tmp/dup-lib-1 /tmp/dup-set-1
    build/app/weft-cli duplicates --library /tmp/dup-lib-1 --json > /tmp/dup-1.json
    scripts/duplicates_benchmark.py score --set /tmp/dup-set-1 --found /tmp/dup-1.json

`make` copies `--originals` images picked at random from the data set (all of them
with --originals 0) and, for `--planted` of those, writes three duplicates (half
size; JPEG quality 60; a 5 % crop) and three colourways (hue turned by 60°, 120°
and 180°) with ImageMagick's `convert`. The planted sources are drawn among the
images in colour (mean HSL saturation at least 0.1): a grey image turned in hue is
the same image. manifest.csv says what each file is.

`score` reads the manifest and the command's JSON and prints pairwise precision and
recall of the duplicates groups and of the colourways groups, counting only pairs
that hold a planted image or its source. A family of planted images (a source, its
three duplicates, its three colourways) should form one duplicates group (the
source and its duplicates) and one colourways group (all seven). Groups made only of
the data set's own images are listed apart: the set's own near-duplicates, to be
looked at, not counted as errors.
"""

import argparse
import csv
import itertools
import json
import os
import random
import shutil
import subprocess
import sys

DUPLICATES = ["half", "jpeg60", "crop5"]
COLOURWAYS = {"hue60": 60, "hue120": 120, "hue180": 180}
MIN_SATURATION = 0.1   # mean HSL saturation of a planted family's source


def convert(arguments):
    subprocess.run(["convert"] + arguments, check=True)


def make(args):
    with open(os.path.join(args.dataset, "labels.csv")) as f:
        paths = [row["path"] for row in csv.DictReader(f)]
    rng = random.Random(args.seed)
    rng.shuffle(paths)
    originals = sorted(paths[: args.originals] if args.originals > 0 else paths)
    # A grey image turned in hue stays the same grey: it could not be planted as a colourway.
    candidates = rng.sample(originals, len(originals))
    sources = []
    for path in candidates:
        if len(sources) == args.planted:
            break
        saturation = subprocess.run(["convert", os.path.join(args.dataset, path), "-colorspace", "HSL", "-format", "%[fx:mean.g]", "info:"],
                                    check=True, capture_output=True, text=True).stdout
        if float(saturation) >= MIN_SATURATION:
            sources.append(path)
    if os.path.exists(args.out):
        sys.exit(f"{args.out} exists: choose a new folder")
    rows = []
    for path in originals:
        target = os.path.join(args.out, "originals", path.replace("/", "-"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copyfile(os.path.join(args.dataset, path), target)
        rows.append((target, path if path in sources else "", "source" if path in sources else "original"))
    for source in sorted(sources):
        stem = os.path.splitext(source.replace("/", "-"))[0]
        src = os.path.join(args.dataset, source)
        folder = os.path.join(args.out, "planted")
        os.makedirs(folder, exist_ok=True)
        out = {name: os.path.join(folder, f"{stem}-{name}.jpg") for name in DUPLICATES + list(COLOURWAYS)}
        convert([src, "-resize", "50%", "-quality", "92", out["half"]])
        convert([src, "-quality", "60", out["jpeg60"]])
        # 5 % of each side cut off, split at random between its two ends.
        left, top = rng.randint(0, 5), rng.randint(0, 5)
        width, height = (int(v) for v in subprocess.run(["identify", "-format", "%w %h", src], check=True,
                                                        capture_output=True, text=True).stdout.split())
        convert([src, "-crop", f"{width * 95 // 100}x{height * 95 // 100}+{width * left // 100}+{height * top // 100}",
                 "+repage", "-quality", "92", out["crop5"]])
        for name, degrees in COLOURWAYS.items():
            convert([src, "-modulate", f"100,100,{100 + degrees * 100 / 180:.2f}", "-quality", "92", out[name]])
        for name, path in out.items():
            rows.append((path, source, "duplicate" if name in DUPLICATES else "colourway"))
    with open(os.path.join(args.out, "manifest.csv"), "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["path", "family", "kind"])
        for path, family, kind in rows:
            writer.writerow([os.path.realpath(path), family, kind])
    print(f"{len(originals)} originals, {len(sources)} planted families, in {args.out}")


def pairs(members):
    return {frozenset(p) for p in itertools.combinations(sorted(members), 2)}


def score(args):
    with open(os.path.join(args.set, "manifest.csv")) as f:
        manifest = {row["path"]: row for row in csv.DictReader(f)}
    with open(args.found) as f:
        found = json.loads(f.read().strip().splitlines()[-1])
    families = {}
    for path, row in manifest.items():
        if row["family"]:
            families.setdefault(row["family"], []).append(path)
    true = {"duplicates": set(), "colourways": set()}
    for members in families.values():
        same = [p for p in members if manifest[p]["kind"] in ("source", "duplicate")]
        true["duplicates"] |= pairs(same)
        true["colourways"] |= pairs(members)
    planted = {p for p, row in manifest.items() if row["family"]}
    own = []
    for kind in ("duplicates", "colourways"):
        groups = [[m["path"] for m in g["members"]] for g in found["groups"] if g["kind"] == kind]
        found_pairs = set()
        for members in groups:
            unknown = [p for p in members if p not in manifest]
            if unknown:
                sys.exit(f"{unknown[0]} is not in the manifest: score the library made from this set")
            if not any(p in planted for p in members):
                own.append((kind, members))
            found_pairs |= {p for p in pairs(members) if p & planted}
        hits = found_pairs & true[kind]
        precision = len(hits) / len(found_pairs) if found_pairs else 1.0
        recall = len(hits) / len(true[kind])
        def expected(members):
            family = manifest[members[0]]["family"]
            return {p for p in families.get(family, []) if kind == "colourways" or manifest[p]["kind"] != "colourway"}
        whole = sum(1 for members in groups if set(members) == expected(members))
        print(f"{kind:10}  groups {len(groups):3}  pairs found {len(found_pairs):4}  right {len(hits):4}  of {len(true[kind]):4}"
              f"  precision {precision:.3f}  recall {recall:.3f}  families found whole {whole}/{len(families)}")
        for pair in sorted(found_pairs - true[kind], key=sorted):
            print("    wrong pair:", *sorted(os.path.basename(p) for p in pair))
    print(f"groups of the data set's own images only: {len(own)}")
    for kind, members in own:
        print(f"  {kind}: " + "  ".join(os.path.basename(p) for p in members))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    m = commands.add_parser("make", help="copy originals and plant duplicates and colourways")
    m.add_argument("--dataset", required=True)
    m.add_argument("--originals", type=int, default=400, help="how many images of the set (0: all)")
    m.add_argument("--planted", type=int, default=40)
    m.add_argument("--seed", type=int, default=1)
    m.add_argument("--out", required=True)
    s = commands.add_parser("score", help="precision and recall of `weft-cli duplicates --json`")
    s.add_argument("--set", required=True)
    s.add_argument("--found", required=True)
    args = parser.parse_args()
    make(args) if args.command == "make" else score(args)


if __name__ == "__main__":
    main()
