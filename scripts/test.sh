#!/usr/bin/env bash
# README command 2: installs what is missing, builds, runs every test; then the
# unit tests of core/ again under AddressSanitizer and UBSan (build-sanitize/), and
# each fuzz target for a minute (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
scripts/build.sh
# LibTorch's OpenMP threads busy-wait by default, which is very slow on a shared machine.
export OMP_WAIT_POLICY=PASSIVE

# Runs ctest in build directory $1 (further arguments go to ctest), then says how
# many test programs and test functions ran, from the Qt Test totals in ctest's
# log. Fails when ctest does, when a test function was skipped or blacklisted
# (neither is allowed here: a test that cannot run fails and says why) or when a
# program ended without its totals.
run_tests() {
    local dir=$1 status=0
    shift
    (cd "$dir" && ctest --output-on-failure --timeout 900 -j 1 "$@") || status=$?
    awk -v dir="$dir" '
        /^[0-9]+\/[0-9]+ Test: / { programs++; name = $3; open[name] = 1 }
        /^Totals: / { passed += $2; failed += $4; skipped += $6; blacklisted += $8; delete open[name] }
        END {
            printf "%s: %d test programs ran, %d test functions: %d passed, %d failed, %d skipped, %d blacklisted\n",
                   dir, programs, passed + failed + skipped + blacklisted, passed, failed, skipped, blacklisted
            for (n in open) { printf "%s: %s printed no totals (it did not run to its end)\n", dir, n; bad = 1 }
            if (skipped + blacklisted > 0) { printf "%s: tests were skipped; a test that cannot run must fail and say why\n", dir; bad = 1 }
            exit bad
        }' "$dir/Testing/Temporary/LastTest.log" || status=1
    return $status
}

run_tests build

# ccache, where there is one, keeps the sanitizer build's objects from run to run.
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S . -B build-sanitize -G Ninja -DCMAKE_BUILD_TYPE=Release -DWEFT_SANITIZE=ON "${launcher[@]}" >/dev/null
cmake --build build-sanitize -j "$(nproc)" --target core_tests
# Not tst_instancesegmenter and tst_retrieval: their minutes under the sanitizers
# go to running networks in LibTorch (and exporting one in Python), which they do
# not see. tst_torchvisionops covers our operators the first runs, tst_indexer and
# tst_damagedlibrary the indexing and search the second runs. Nor the tests that run
# weft-cli as a program (cli/, tst_repaircommand): they check its exit codes and
# output, which a leak report in a library we do not build would change; the core
# code they reach runs in the other tests.
run_tests build-sanitize -L core -E '^(models/tst_instancesegmenter|pipeline/tst_retrieval|cli/tst_cli|pipeline/tst_repaircommand)$'

scripts/fuzz.sh 60
