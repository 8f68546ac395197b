#!/usr/bin/env bash
# Sets up, builds and runs kommunesim on the bundled default scenario, writing ./out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh release
build/release/runner/kommunesim run --out out "$@"
