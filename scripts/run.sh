#!/usr/bin/env bash
# README command 1: installs what is missing, puts the models in place, builds, and
# starts the Weft desktop app on the default library (~/.local/share/weft/default).
# A folder given as argument is added to the library and indexed.
#
# The models and the build are prepared again only when what they come from has
# changed since the last start (the package list, the model manifest, the sources:
# a hash of them is kept in build/.run-inputs), so a second start goes straight to
# the window. The build's output is shown only when it fails.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
stamp="$repo/build/.run-inputs"

# What the models and the build depend on. Outside a git checkout: something new
# each time, so everything is prepared.
inputs() {
    cd "$repo"
    if ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        date +%s%N
        return
    fi
    sha256sum scripts/install-deps.sh scripts/build.sh models/manifest.json models/setup_models.sh
    git ls-files --stage
    git diff
    git -c core.quotePath=false ls-files --others --exclude-standard | git hash-object --stdin-paths
}

"$repo/scripts/install-deps.sh"
current="$(inputs | sha256sum | cut -d' ' -f1)"
if [ ! -x "$repo/build/app/weft" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$current" ]; then
    echo "run.sh: first start or changed sources: setting up the models and building Weft (a few minutes)..." >&2
    # Without a model source the app still starts and explains how to get the model.
    "$repo/models/setup_models.sh" >/dev/null || echo "run.sh: models not set up; Weft will say what to do" >&2
    mkdir -p "$repo/build"
    log="$repo/build/run-build.log"
    if ! "$repo/scripts/build.sh" >"$log" 2>&1; then
        cat "$log" >&2
        echo "run.sh: the build failed (output above, also in $log)" >&2
        exit 1
    fi
    echo "$current" >"$stamp"
fi
export OMP_WAIT_POLICY=PASSIVE
exec "$repo/build/app/weft" "$@"
