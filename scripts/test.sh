#!/usr/bin/env bash
# Sets up, builds with warnings as errors, checks formatting and layering, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh ci
bash scripts/check-format.sh
bash scripts/check-layering.sh
ctest --preset ci -j 2
