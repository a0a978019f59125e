#!/usr/bin/env bash
# README command 1: installs what is missing, puts the models in place, builds, and
# starts the Weft desktop app on the default library (~/.local/share/weft/default).
# A folder given as argument is added to the library and indexed.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
scripts/install-deps.sh
# Without a model source the app still starts and explains how to get the model.
models/setup_models.sh || echo "run.sh: models not set up; Weft will say what to do" >&2
scripts/build.sh
export OMP_WAIT_POLICY=PASSIVE
exec build/app/weft "$@"
