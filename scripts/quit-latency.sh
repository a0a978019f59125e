#!/usr/bin/env bash
# How fast the app quits while it opens a library (docs/BENCHMARKS.md, "Quit and
# Ctrl+C during a repair or an index rebuild"). Run under Xvfb:
#   xvfb-run -a -s '-screen 0 1600x1000x24' scripts/quit-latency.sh WEFT LIBRARY SECONDS
# Starts WEFT on LIBRARY, presses Ctrl+Q after SECONDS (xdotool) and prints the time
# from the key to the process's end. Delete LIBRARY/index.json first to time a quit
# during the index rebuild that opening then does.
set -euo pipefail
app=$1 library=$2 wait=$3
"$app" --library "$library" >/dev/null 2>&1 &
pid=$!
sleep "$wait"
window=$(xdotool search --pid "$pid" --name "Weft —" | head -n 1)
xdotool windowfocus "$window"
start=$(date +%s.%N)
xdotool key ctrl+q
while kill -0 "$pid" 2>/dev/null; do sleep 0.02; done
echo "quit after $(echo "$(date +%s.%N) - $start" | bc) s"
