# Item 10: a proposal with id `baseline` validated but failed at the end on a SQLite uniqueness
# error; terminal escape codes in a title were printed raw; raw HTML passed into assumptions.md;
# outputs carried the machine's absolute paths.
source "$(dirname "$0")/lib.sh"
patch_scenario proposals/family_therapy.toml 'id = "family_therapy"' 'id = "baseline"'
run validate "$scenario"
expect_exit 2
expect_output "'baseline' is the arm without proposals"
rm -rf "$scenario" && cp -r "$2" "$scenario"
patch_scenario proposals/family_therapy.toml 'title = "' 'title = "\u001B[31mred '
patch_scenario parameters.toml 'source = "Danish municipal budget practice' 'source = "<img src=x onerror=alert(1)> Danish municipal budget practice'
run run "$scenario" --out "$work/out" --replicates 2
expect_exit 0
! grep -q $'\x1b' <<<"$output" || fail "the terminal output holds an escape code"
expect_not_in_file "$work/out/assumptions.md" "<img"
expect_in_file "$work/out/assumptions.md" "&lt;img src=x onerror=alert(1)&gt;"
expect_not_in_file "$work/out/manifest.json" "$work"
expect_not_in_file "$work/out/report.html" "$work"
