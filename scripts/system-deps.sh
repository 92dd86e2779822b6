#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Poise needs, only those missing, so a
# second run costs nothing. "build" is what compiling Fyne's C parts needs;
# "test" adds what the test suite drives: a virtual display, screenshots and
# the standard age command that must open journal entries.
set -euo pipefail

build_pkgs=(gcc libc6-dev pkg-config libgl-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev)
test_pkgs=(xvfb xauth imagemagick xdotool libgl1-mesa-dri age)

want=("${build_pkgs[@]}")
[ "${1:-build}" = "test" ] && want+=("${test_pkgs[@]}")

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "Not a Debian/Ubuntu system: install the equivalents of ${want[*]} yourself (see README.md)." >&2
  exit 0
fi

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
