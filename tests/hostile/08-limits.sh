# Item 7: --replicates 1000000 was accepted (days of work) though the TOML caps replicates at
# 100,000, and --replicates 0 printed a 300-digit number. One limit, stated in the error.
source "$(dirname "$0")/lib.sh"
run run "$scenario" --out "$work/out" --replicates 1000000
expect_exit 2
expect_output "1000000"
expect_output "100000"
run run "$scenario" --out "$work/out" --replicates 0
expect_exit 2
[ "${#output}" -lt 400 ] || fail "the message is ${#output} characters long"
expect_no_file "$work/out"
# 50 M persons (the largest population the TOML allows) needed more than 6 GB with no warning: the
# run is refused before simulating when its estimated memory exceeds the machine's (about 44 GB
# on 2 threads; a machine with more memory would start it, so the case is skipped there).
patch_scenario population.toml "persons = 5000" "persons = 50000000"
memory_kb=$(awk '/MemTotal/ {print $2}' /proc/meminfo)
if [ "$memory_kb" -lt 40000000 ]; then
  run_within 20 run "$scenario" --out "$work/out" --replicates 2 --threads 2
  expect_exit 2
  expect_output "GB of memory (50000000 persons on 2 threads), more than this machine's"
  expect_output "--ignore-memory-estimate"
  expect_output "nothing was simulated or written"
  expect_no_file "$work/out"
fi
