#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (ASan, UBSan) in build-fuzz/
# and runs each for SECONDS (default 60) from seeds made afresh, plus what earlier
# runs in this build tree found (build-fuzz/corpus/). A finding stops the run with
# the fuzzer's report; the input that caused it is kept as build-fuzz/crash-*.
# Usage: scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=Release -DWEFT_FUZZ=ON -DWEFT_BUILD_TESTS=OFF \
      -DCMAKE_CXX_COMPILER=clang++ "${launcher[@]}" >/dev/null
cmake --build build-fuzz -j "$(nproc)" --target fuzz_targets

bin=build-fuzz/tests/fuzz
# The catalog and index targets write a library folder per input; on a RAM disk
# their fsyncs cost nothing.
if [ -d /dev/shm ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi
rm -rf build-fuzz/seeds
"$bin/make_fuzz_seeds" build-fuzz/seeds
for target in decoder catalog index; do
    corpus=build-fuzz/corpus/$target
    log=build-fuzz/fuzz-$target.log
    mkdir -p "$corpus"
    # An input that takes a minute is a hang (one takes well under a second).
    if ! "$bin/fuzz_$target" -max_total_time="$seconds" -timeout=60 -rss_limit_mb=2048 -print_funcs=0 \
            -artifact_prefix="build-fuzz/crash-$target-" "$corpus" "build-fuzz/seeds/$target" >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz_$target found a problem (full log: $log)" >&2
        exit 1
    fi
    echo "fuzz_$target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" | tail -n 1), corpus $(ls "$corpus" | wc -l) inputs"
done
