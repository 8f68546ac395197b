#!/usr/bin/env bash
# Regenerates the golden references (summary, ledger, budget, flips, switching values, tornado of
# Mini-kommune) from the current build. A change to a reference is a reviewed decision: run this
# only on purpose, and explain the change in the commit.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
binary=${1:-$root/build/ci/runner/kommunesim}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$binary" run "$root/scenarios/mini-kommune" --replicates 4 --seed 7 --threads 2 --out "$tmp/out" >/dev/null
for f in summary ledger budget flips switching tornado; do
  cp "$tmp/out/$f.csv" "$here/mini-kommune-$f.csv"
  echo "updated $here/mini-kommune-$f.csv"
done
