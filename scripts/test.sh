#!/usr/bin/env bash
# README command 2: installs what is missing, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --tests
scripts/build.sh
# LibTorch's OpenMP threads busy-wait by default, which is very slow on a shared machine.
export OMP_WAIT_POLICY=PASSIVE
cd build
ctest --output-on-failure --timeout 900 -j 1
