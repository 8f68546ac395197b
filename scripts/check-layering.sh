#!/usr/bin/env bash
# Keeps the architecture true: dependencies point runner -> scenarios, output -> model, and the
# model never includes a file format's, a writer's or a printing header.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
check() {  # folder, forbidden include pattern, reason
  local hits
  hits=$(grep -rnE "#include [<\"]($2)" "$1" --include='*.cpp' --include='*.hpp' || true)
  if [ -n "$hits" ]; then
    echo "layering: $1 must not include $2 ($3):"
    echo "$hits"
    status=1
  fi
}
check model 'toml\+\+|sqlite3|xlsxwriter|nlohmann|fmt/|CLI/|iostream|cstdio|scenarios/|output/|runner/' "the model has no file formats and no printing"
check scenarios 'sqlite3|xlsxwriter|output/|runner/' "the loader knows TOML only"
check output 'toml\+\+|scenarios/|runner/' "writers depend on the model only"
[ $status -eq 0 ] && echo "layering: ok"
exit $status
