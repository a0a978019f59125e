#!/usr/bin/env bash
# Puts the models that models/manifest.json pins by SHA-256 into Weft's model folder.
#
#   models/setup_models.sh [DEST]
#
# Source: $WEFT_MODEL_DIR if set, else <repo>/../shared/models.
# DEST:   default ${XDG_DATA_HOME:-$HOME/.local/share}/weft/models (where the app looks
#         unless WEFT_MODEL_DIR says otherwise).
# Every file is checked against the manifest's SHA-256 (and size) before it is copied
# and again after; copies go to a temporary name and are renamed into place. Files
# already present with the right checksum are left alone, so running it again is cheap.
# Models without a pinned checksum (torchvision exports) are made with
# models/export_torchvision.py instead; this script only reports on them.
set -euo pipefail

script_dir=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
repo=$(dirname -- "$script_dir")
manifest="$script_dir/manifest.json"
source_dir=${WEFT_MODEL_DIR:-"$repo/../shared/models"}
dest_dir=${1:-"${XDG_DATA_HOME:-${HOME:?HOME is not set}/.local/share}/weft/models"}
# Files copied alongside each model for provenance and licence, when present.
provenance_files=(model.json LICENSE-NOTE.md LICENSE-Apache-2.0.txt)

die() { printf 'setup_models.sh: error: %s\n' "$*" >&2; exit 1; }

command -v python3 >/dev/null || die "python3 is needed to read $manifest"
command -v sha256sum >/dev/null || die "sha256sum (coreutils) is needed"
[[ -f "$manifest" ]] || die "no manifest at $manifest"

export_advice() {
    cat >&2 <<EOF

To get models without the shared folder, export torchvision ones (needs the
python3-torchvision package and internet access once, for the weights):
    python3 $repo/models/export_torchvision.py resnet50 --out "$dest_dir"
    python3 $repo/models/export_torchvision.py resnet101 --out "$dest_dir"
    python3 $repo/models/export_torchvision.py vgg16 --out "$dest_dir"
then choose that backbone in the app. Or point WEFT_MODEL_DIR at a folder holding
the shared models (laid out as <model id>/features.pt) and run this script again.
EOF
}

if [[ ! -d "$source_dir" ]]; then
    printf 'setup_models.sh: error: no model source folder: %s does not exist.\n' "$source_dir" >&2
    if [[ -n "${WEFT_MODEL_DIR:-}" ]]; then
        printf '(It comes from WEFT_MODEL_DIR; unset it to use %s.)\n' "$repo/../shared/models" >&2
    fi
    export_advice
    exit 1
fi
source_dir=$(cd -- "$source_dir" && pwd)

# One line per model file (main file, then any extra_files): pinned(0/1), file, sha256, bytes, id, setup; separated by the
# ASCII unit separator (a tab would be whitespace to `read`, merging empty fields).
entries=$(python3 - "$manifest" <<'EOF'
import json, sys
with open(sys.argv[1], encoding="utf-8") as stream:
    manifest = json.load(stream)
for model in manifest["models"]:
    fields = [model["id"], model["file"], model.get("sha256", ""), str(model.get("bytes", 0)), model.get("setup", "")]
    if any("\x1f" in f or "\n" in f for f in fields):
        sys.exit("manifest entry %s has a control character in a field" % model["id"])
    print("\x1f".join(["1" if fields[2] else "0", fields[1], fields[2].lower(), fields[3], fields[0], fields[4]]))
    # Further pinned files of the model (a detector's .cfg, class names), copied the same way.
    for extra in model.get("extra_files", []):
        extra_fields = [extra["file"], extra["sha256"].lower(), str(extra.get("bytes", 0))]
        if any("\x1f" in f or "\n" in f for f in extra_fields):
            sys.exit("manifest entry %s has a control character in an extra file" % model["id"])
        print("\x1f".join(["1", extra_fields[0], extra_fields[1], extra_fields[2], model["id"], fields[4]]))
EOF
) || die "cannot read $manifest"

sha256_of() { sha256sum < "$1" | cut -d' ' -f1; }
size_of() { stat -c %s -- "$1"; }

# Checks a file against a checksum and size (0: unknown); prints why it does not match.
matches() {
    local file=$1 sha=$2 bytes=$3 actual
    if [[ "$bytes" != 0 && "$(size_of "$file")" != "$bytes" ]]; then
        echo "it has $(size_of "$file") bytes, the manifest says $bytes"
        return 1
    fi
    actual=$(sha256_of "$file")
    if [[ "$actual" != "$sha" ]]; then
        echo "its SHA-256 is $actual, the manifest says $sha"
        return 1
    fi
}

tmp_file=""
cleanup() { if [[ -n "$tmp_file" ]]; then rm -f -- "$tmp_file"; fi; }
trap cleanup EXIT

# Copies $1 to $2 through a temporary file in $2's folder; with a checksum, verifies
# the copy before renaming it into place.
copy_atomically() {
    local from=$1 to=$2 sha=${3:-} bytes=${4:-0} why
    tmp_file=$(mktemp -- "$(dirname -- "$to")/.tmp-setup-XXXXXX")
    cp -- "$from" "$tmp_file"
    chmod 0644 -- "$tmp_file"
    if [[ -n "$sha" ]] && ! why=$(matches "$tmp_file" "$sha" "$bytes"); then
        die "copying $from to $to went wrong: the copy is not the file the manifest describes ($why). Is $dest_dir full?"
    fi
    mv -f -- "$tmp_file" "$to"
    tmp_file=""
}

echo "Model source: $source_dir"
echo "Model folder: $dest_dir"
mkdir -p -- "$dest_dir"

copied=0 present=0
while IFS=$'\x1f' read -r pinned file sha bytes id setup; do
    [[ -n "$pinned" ]] || continue
    target="$dest_dir/$file"
    if [[ "$pinned" != 1 ]]; then
        if [[ -f "$target" && -f "$target.sha256" ]]; then
            echo "  $id: exported model present ($target)"
        else
            echo "  $id: not set up (optional; to get it: ${setup:-see models/manifest.json})"
        fi
        continue
    fi

    src="$source_dir/$file"
    mkdir -p -- "$(dirname -- "$target")"
    if [[ -f "$target" ]] && matches "$target" "$sha" "$bytes" >/dev/null; then
        echo "  $id: up to date ($target)"
        present=$((present + 1))
    else
        if [[ ! -f "$src" ]]; then
            printf 'setup_models.sh: error: model %s is missing from the source folder: %s does not exist.\n' \
                "$id" "$src" >&2
            export_advice
            exit 1
        fi
        if ! why=$(matches "$src" "$sha" "$bytes"); then
            die "$src is damaged or a different version: $why. Get a good copy of the shared models (or set WEFT_MODEL_DIR to one) and run this script again."
        fi
        if [[ -f "$target" ]]; then
            echo "  $id: replacing $target (it does not match the manifest)"
        fi
        copy_atomically "$src" "$target" "$sha" "$bytes"
        echo "  $id: copied to $target (SHA-256 verified)"
        copied=$((copied + 1))
    fi

    for name in "${provenance_files[@]}"; do
        from="$(dirname -- "$src")/$name"
        to="$(dirname -- "$target")/$name"
        if [[ -f "$from" ]] && ! cmp -s -- "$from" "$to"; then
            copy_atomically "$from" "$to"
        fi
    done
done <<< "$entries"

echo "Done: $copied copied, $present already up to date, in $dest_dir"
if [[ "$dest_dir" != "${XDG_DATA_HOME:-$HOME/.local/share}/weft/models" ]]; then
    echo "The app reads models from there when started with WEFT_MODEL_DIR=\"$dest_dir\"."
fi
