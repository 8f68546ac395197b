# Item 2: an output location that cannot be written was reported after the whole simulation, and
# `--out out/` (a trailing slash, as tab completion gives it) always failed at the end.
source "$(dirname "$0")/lib.sh"
echo "a file" >"$work/file"
run_within 20 run "$scenario" --out "$work/file/out" --replicates 2
expect_exit 1
expect_output "nothing was simulated or written"
expect_no_output "simulerer"
run run "$scenario" --out "$work/out/" --replicates 2
expect_exit 0
expect_file "$work/out/report.html"
