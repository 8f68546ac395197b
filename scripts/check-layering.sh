#!/usr/bin/env bash
# Keeps the architecture true: dependencies point one way,
#   runner -> forms -> scenarios, output -> model/appraisal -> model/engine,
# the model never includes a file format's, a writer's or a printing header, and the writers never
# call into the analysis (they format an Appraisal; every table is computed by appraise()).
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
formats='toml\+\+|sqlite3|xlsxwriter|nlohmann|fmt/|CLI/|iostream|cstdio'
check model/engine "$formats|model/appraisal/|scenarios/|output/|runner/" \
  "the engine has no file formats, no printing and no decision analysis"
check model/appraisal "$formats|scenarios/|output/|runner/" \
  "the appraisal depends on the engine only"
check scenarios 'sqlite3|xlsxwriter|model/appraisal/|output/|runner/' \
  "the loader knows TOML and the engine's types only"
check forms 'toml\+\+|sqlite3|model/appraisal/|output/|runner/' \
  "the budget form knows xlsx, the engine's scenario and the loader's proposal draft only"
check output 'toml\+\+|scenarios/|runner/|model/engine/(simulation|run_plan|synthetic_population|step)' \
  "writers format an Appraisal"
# A writer formats; it never computes a table of the appraisal.
calls=$(grep -rnE '\b(appraise|analyse|account_units|ledger|flips|switching_values|valuation_switching_values|tornado|calibrate|citizen_flows|mean_net_value|net_present_value|execute_plan|simulate)\(' \
  output --include='*.cpp' --include='*.hpp' |
  grep -vE '^\S+:[0-9]+:\s*//|CREATE TABLE|Database::Insert' || true)
if [ -n "$calls" ]; then
  echo "layering: output/ must not call the analysis (format the Appraisal instead):"
  echo "$calls"
  status=1
fi
[ $status -eq 0 ] && echo "layering: ok"
exit $status
