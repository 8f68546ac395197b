#!/usr/bin/env bash
# Installs what kommunesim needs on a fresh Debian 12 machine (as root), then configures and
# builds with the given CMake preset (default: release).
set -euo pipefail
preset=${1:-release}
cd "$(dirname "$0")/.."

packages=(
  cmake ninja-build g++ git clang-format
  libboost-graph-dev libeigen3-dev libtbb-dev libtomlplusplus-dev libcli11-dev libfmt-dev
  librandom123-dev libsqlite3-dev libssl-dev nlohmann-json3-dev libgtest-dev libgmock-dev
  pkg-config libxlsxwriter-dev libzip-dev libpugixml-dev
)
# The tests also drive the report in Debian's Chromium, read the workbook back with openpyxl,
# open it in LibreOffice, and fill in the budget form in LibreOffice through its Python API.
# The ci preset builds with Open MPI too (KOMMUNESIM_MPI), whose launcher needs an ssh client even
# on one machine.
if [ "$preset" = ci ]; then
  packages+=(chromium python3-openpyxl libreoffice-calc-nogui python3-uno)
  packages+=(libopenmpi-dev openmpi-bin openssh-client)
fi
# Node.js and npm fetch the report's chart libraries; the machine's own are used when present.
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# The report's chart libraries (and the browser-test driver), pinned by package-lock.json;
# installed again only when the lock file changed.
report=output/report
if ! cmp -s "$report/package-lock.json" "$report/node_modules/.installed-lock.json"; then
  npm ci --prefix "$report" --no-audit --no-fund --loglevel=error
  cp "$report/package-lock.json" "$report/node_modules/.installed-lock.json"
fi

cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j 2
