#!/usr/bin/env bash
# README command 1: installs what is missing, fetches the models, builds, and starts
# Weft on the default library (~/.local/share/weft/default). Until the desktop app
# lands this runs the command-line front end on a demo: it indexes a folder of
# patterns (first argument; default: the shared Subtle Patterns set) and looks up
# one of them.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
scripts/install-deps.sh
models/setup_models.sh
scripts/build.sh

patterns="${1:-$repo/../shared/datasets/subtle-patterns/images}"
if [ ! -d "$patterns" ]; then
    echo "Give a folder of pattern images: scripts/run.sh ~/Patterns" >&2
    exit 2
fi
export OMP_WAIT_POLICY=PASSIVE
build/app/weft-cli index "$patterns"
build/app/weft-cli status
swatch="$(find "$patterns" -type f \( -iname '*.png' -o -iname '*.jpg' -o -iname '*.jpeg' \) | sort | head -n 1)"
echo "Looking up $swatch:"
build/app/weft-cli query --top 5 "$swatch"
