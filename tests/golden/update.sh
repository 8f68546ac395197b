#!/usr/bin/env bash
# Regenerates the golden summary from the current build. A change to the reference is a reviewed
# decision: run this only on purpose, and explain the change in the commit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-$root/build/ci/runner/kommunesim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$binary" run "$root/scenarios/mini-kommune" --replicates 4 --seed 7 --threads 2 --out "$tmp/out" >/dev/null
cp "$tmp/out/summary.csv" "$here/mini-kommune-summary.csv"
echo "updated $here/mini-kommune-summary.csv"
