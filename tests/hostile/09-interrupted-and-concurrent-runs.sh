# Item 8: a kill in the writing phase left a hidden .out.partial-PID folder that nothing removed,
# and two runs on one --out both reported success while one result disappeared. Leftovers of a
# dead run are removed by the next run; a second run on a locked --out is refused at once.
source "$(dirname "$0")/lib.sh"
mkdir "$work/.out.partial-999999"
echo "left by a killed run" >"$work/.out.partial-999999/report.html"
run run "$scenario" --out "$work/out" --replicates 2
expect_exit 0
expect_no_file "$work/.out.partial-999999"
expect_file "$work/out/report.html"
# Hold the lock as a running run would, then start a second run on the same --out.
exec 9>"$work/.out.lock"
flock 9
run_within 20 run "$scenario" --out "$work/out" --replicates 2
expect_exit 1
expect_output "nothing was simulated or written"
flock -u 9
