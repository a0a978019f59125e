#!/usr/bin/env bash
# Colour: any colourway and palette filter (docs/BENCHMARKS.md).
#
#   scripts/colourway-bench.sh LIBRARY [SEED...]
#
# LIBRARY is a library made by `weft-cli eval --protocol swatch` on fashion-texture:
# its swatch-set/library/ holds the 1,712 library images, swatch-set/queries/ the plain
# protocol's photos of seed 20240611. The script
#   1. takes 100 colourful library images (mean HSL saturation >= 0.3, evenly spread
#      over the 274 that are) and makes each in two other colourways, the hue turned
#      by 120 and 240 degrees (ImageMagick -modulate), in LIBRARY/colourways/;
#   2. indexes them into the library (weft-cli index);
#   3. looks each original up by its photo (seed 20240611: the set's own; any other
#      SEED: a photo made here the protocol's way with ImageMagick) with and without
#      --any-colourway, and counts how many of its two other colourways come in the
#      top 10, and where the original comes;
#   4. takes each photo's main colour and its most colourful one (weft-cli palette)
#      and lists the library's images holding it (weft-cli query --colour): whether
#      the original is among them (the filter keeps it) and how many images are.
# Needs ImageMagick (convert) and python3. WEFT_CLI: the weft-cli to run
# (default build/app/weft-cli).
set -euo pipefail
cli=${WEFT_CLI:-build/app/weft-cli}
library=$(realpath "$1")
shift
seeds=("${@:-20240611}")
set_folder=$library/swatch-set
variants=$library/colourways
work=$library/colourway-bench
mkdir -p "$variants" "$work"

# 1. The colourful originals.
if [ ! -s "$work/colourful.txt" ]; then
    for image in "$set_folder"/library/*.png; do
        n=$(basename "$image" .png)
        echo "$n $(convert "$image" -colorspace HSL -channel G -separate +channel -format '%[fx:mean]' info:)"
    done | sort -n | awk '$2 >= 0.3 { print $1 }' > "$work/colourful.txt"
fi
mapfile -t colourful < "$work/colourful.txt"
originals=()
for ((i = 0; i < 100; i++)); do
    originals+=("${colourful[$((i * ${#colourful[@]} / 100))]}")
done
for n in "${originals[@]}"; do
    for turn in 120 240; do
        out=$variants/$n-hue$turn.png
        [ -s "$out" ] || convert "$set_folder/library/$n.png" -modulate "100,100,$(echo "100 + $turn * 100 / 180" | bc -l)" "$out"
    done
done

# 2. Index them.
"$cli" index --library "$library" "$variants" >&2

# 3-4. Look them up.
for seed in "${seeds[@]}"; do
    queries=$work/queries-$seed
    mkdir -p "$queries"
    RANDOM=$seed
    for n in "${originals[@]}"; do
        photo=$queries/$n.jpg
        if [ "$seed" = 20240611 ]; then
            cp -p "$set_folder/queries/$n.jpg" "$photo"
            continue
        fi
        # As the plain protocol: a crop of 40-70 % of the side, turned by up to 10 degrees
        # (its middle 80 % kept: a corner shows on tall crops), scaled by 0.7-1.4, brightness
        # and contrast within 15 %, a slight blur, JPEG 70.
        read -r width height < <(identify -format '%w %h\n' "$set_folder/library/$n.png")
        fraction=$((40 + RANDOM % 31))
        side_w=$((width * fraction / 100)); side_h=$((height * fraction / 100))
        x=$((RANDOM % (width - side_w + 1))); y=$((RANDOM % (height - side_h + 1)))
        angle=$((RANDOM % 21 - 10)); scale=$((70 + RANDOM % 71))
        brightness=$((RANDOM % 31 - 15)); contrast=$((RANDOM % 31 - 15))
        [ -s "$photo" ] || convert "$set_folder/library/$n.png" -crop "${side_w}x${side_h}+$x+$y" +repage -rotate "$angle" -gravity center \
            -crop "$((side_w * 8 / 10))x$((side_h * 8 / 10))+0+0" +repage -resize "$scale%" -brightness-contrast "${brightness}x${contrast}" \
            -blur 0x0.7 -quality 70 "$photo"
    done
    photos=()
    for n in "${originals[@]}"; do photos+=("$queries/$n.jpg"); done
    # What is there already is kept (delete LIBRARY/colourway-bench to start again).
    [ -s "$work/plain-$seed.json" ] || "$cli" query --library "$library" --top 10 --json "${photos[@]}" > "$work/plain-$seed.json"
    [ -s "$work/any-$seed.json" ] || "$cli" query --library "$library" --top 10 --json --any-colourway "${photos[@]}" > "$work/any-$seed.json"
    [ -s "$work/palette-$seed.json" ] || "$cli" palette --json "${photos[@]}" > "$work/palette-$seed.json"
    # Each photo's main colour (often the ground) and its most colourful one (what a
    # designer would click), and the images holding each.
    for pick in main vivid; do
        [ -s "$work/holding-$pick-$seed.json" ] && continue
        while read -r colour; do
            "$cli" query --library "$library" --top 100000 --json --colour "$colour" >> "$work/holding-$pick-$seed.json.part"
        done < <(python3 - "$work/palette-$seed.json" "$pick" <<'PY'
import json, sys
def chroma(hex):   # C*ab of an sRGB colour
    def linear(c):
        c = int(hex[c:c + 2], 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = linear(1), linear(3), linear(5)
    x, y, z = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.9505, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.089
    f = lambda t: t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116
    return (500 * (f(x) - f(y))) ** 2 + (200 * (f(y) - f(z))) ** 2
for line in open(sys.argv[1]):
    palette = json.loads(line)["palette"]
    print(palette[0]["colour"] if sys.argv[2] == "main" else max(palette, key=lambda c: chroma(c["colour"]))["colour"])
PY
)
        mv "$work/holding-$pick-$seed.json.part" "$work/holding-$pick-$seed.json"
    done

    python3 - "$work" "$seed" "$library" <<'PY'
import json, os, sys
work, seed, library = sys.argv[1], sys.argv[2], sys.argv[3]
def load(name):
    return [json.loads(line) for line in open(os.path.join(work, f"{name}-{seed}.json"))]
def number(path):
    return os.path.basename(path).split(".")[0].split("-")[0]
def report(name):
    found = soon = top1 = 0
    rows = load(name)
    for row in rows:
        n = number(row["query"])
        names = [os.path.basename(r["path"]) for r in row["results"]]
        found += sum(f"{n}-hue{t}.png" in names for t in (120, 240))
        soon += sum(f"{n}-hue{t}.png" in names[:3] for t in (120, 240))
        top1 += names[:1] == [f"{n}.png"]
    colourways = 2 * len(rows)
    print(f"seed {seed} {name:5s}: other colourways in the top 10: {found}/{colourways} ({found / colourways:.3f}), "
          f"in the top 3: {soon}/{colourways} ({soon / colourways:.3f}); original first: {top1}/{len(rows)}")
report("plain")
report("any")
# The filter keeps a swatch's own print when the print holds the colour; among
# the images holding it, the print ranks no lower than among all.
images = int(os.popen(f"sqlite3 {library}/catalog.sqlite 'select count(*) from images where status = 1'").read() or 0)
for pick in ("main", "vivid"):
    holds = kept = 0
    holding = []
    for photo, plain, listing in zip(load("palette"), load("plain"), load(f"holding-{pick}")):
        n = number(photo["image"])
        names = {os.path.basename(r["path"]) for r in listing["results"]}
        holding.append(len(names))
        if f"{n}.png" in names:
            holds += 1
            kept += any(os.path.basename(r["path"]) == f"{n}.png" for r in plain["results"])
    rows = len(holding)
    print(f"seed {seed} photo's {pick} colour as a filter: the print holds it {holds}/{rows}, and is in the filtered top 10 (at least) {kept}/{rows}; "
          f"images holding it: median {sorted(holding)[rows // 2]}, mean {sum(holding) / rows:.0f} of {images}")
PY
done
