#!/usr/bin/env bash
# Installs the Debian bookworm packages Weft builds and runs with, if missing.
# --tests adds what the test suite uses beyond that: Debian's torchvision, against
# which the model export is checked, and clang with libFuzzer (scripts/fuzz.sh).
set -euo pipefail

packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite qt6-image-formats-plugins qt6-qpa-plugins libgl-dev
    xdg-utils qt6-translations-l10n fonts-noto-cjk
    libtorch-dev libhnswlib-dev libxxhash-dev libjemalloc-dev libheif-dev libpng-dev libjpeg-dev libtiff-dev libsqlite3-dev
    libopencv-core-dev libopencv-imgproc-dev libopencv-imgcodecs-dev libopencv-dnn-dev
    libopencv-features2d-dev libopencv-calib3d-dev libopenblas-serial-dev
)
if [ "${1:-}" = "--tests" ]; then
    packages+=(python3-torchvision clang libclang-rt-dev)
fi

# One dpkg-query for all of them: run.sh asks at every start.
declare -A installed=()
while read -r package status; do
    [ "$status" = "installed" ] && installed[$package]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for package in "${packages[@]}"; do
    [ -n "${installed[$package]:-}" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
