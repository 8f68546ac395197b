#!/usr/bin/env bash
# The scale benchmark of runs spread over processes (issue 17): a batch of COPIES municipalities
# (copies of the bundled Glostrup-like scenario, each with its own seed) run by `kommunesim batch`
# in one process and under `mpirun -n 1, 2 and 4` (4 oversubscribes a 2-core machine), with wall
# time, CPU time and the largest process's peak memory, and a projection to Denmark from the
# measured cost per effective person-month.
#
#   scripts/bench-scale.sh [COPIES] [REPLICATES] [BINARY]
#
# BINARY must be built with -DKOMMUNESIM_MPI=ON (the ci preset: build/ci/runner/kommunesim).
set -euo pipefail
copies=${1:-3}
replicates=${2:-2}
binary=$(realpath "${3:-build/ci/runner/kommunesim}")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1

for i in $(seq 1 "$copies"); do
  package="$work/in/kommune-$(printf '%02d' "$i")"
  mkdir -p "$work/in"
  cp -r scenarios/glostrup-like "$package"
  sed -i "s/^seed = .*/seed = $((1000 + i))/" "$package/scenario.toml"
done
persons=$(awk -F'= ' '/^persons =/ {gsub(/_/, "", $2); print $2; exit}' scenarios/glostrup-like/population.toml)
cores=$(nproc)

# Effective person-months of a batch's output: per scenario, every simulation of the main run and
# the sensitivity for its months, times the initial population (a shared-baseline arm counts as a
# simulation, as `bench --appraisal` counts it).
person_months() {
  local total=0
  for manifest in "$1"/*/manifest.json; do
    local sims sens months
    sims=$(awk -F': ' '/"simulations"/ {gsub(/,/, "", $2); print $2}' "$manifest")
    sens=$(awk -F': ' '/"sensitivity_simulations"/ {gsub(/,/, "", $2); print $2}' "$manifest")
    months=$(awk -F': ' '/"months"/ {gsub(/,/, "", $2); print $2}' "$manifest")
    total=$(awk -v t="$total" -v a="$sims" -v b="$sens" -v m="$months" -v p="$persons" \
      'BEGIN {printf "%.0f", t + (a + b) * m * p}')
  done
  echo "$total"
}

echo "batch of $copies municipalities x $persons persons, $replicates replicates, $cores cores"
printf '%-22s %9s %9s %12s %18s\n' "processes" "wall s" "CPU s" "peak RSS MB" "pm per CPU-second"
best_rate=0
for ranks in 0 1 2 4; do
  threads=$(( cores / (ranks > 0 ? ranks : 1) )); [ "$threads" -ge 1 ] || threads=1
  out="$work/out-$ranks"
  if [ "$ranks" = 0 ]; then
    launcher=(); label="1 (no mpirun), $threads thr"
  else
    launcher=(mpirun -n "$ranks" --oversubscribe --bind-to none); label="$ranks (mpirun), $threads thr"
  fi
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    "${launcher[@]}" "$binary" batch "$work/in" --out "$out" --replicates "$replicates" \
    --threads "$threads" --lang en > "$work/log" 2>&1
  read -r wall user system rss < "$work/time"
  cpu=$(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.1f", u + s}')
  pm=$(person_months "$out")
  rate=$(awk -v p="$pm" -v c="$cpu" 'BEGIN {printf "%.0f", p / c}')
  printf '%-22s %9s %9s %12s %18s\n' "$label" "$wall" "$cpu" "$((rss / 1024))" "$rate"
  if [ "$rate" -gt "$best_rate" ]; then best_rate=$rate; fi
done

# Denmark: issue 17's study (98 municipalities, 5.9 M persons, 1,000 replicates, 10 proposals,
# 20 years), about 3 x 10^13 effective person-months, at the best measured rate per core.
awk -v r="$best_rate" 'BEGIN {
  pm = 3e13
  printf "projection at %.2f M person-months per CPU-second and core (the best above), if every\n", r / 1e6
  printf "core stays busy: so for the main run'"'"'s 1,000 replicates, not for rounds of one simulation\n"
  printf "(the default scenario'"'"'s sensitivity), which the rows with more processes above measure:\n"
  for (n = 2; n <= 2560; n *= 4)
    printf "  %5d cores: %8.1f hours\n", n, pm / r / n / 3600
}'
