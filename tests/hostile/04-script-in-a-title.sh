# Item 3: `<!--<script>` in a title made report.html show nothing (the embedded JSON escaped only
# "</"). Every "<" of the run's data is written \u003c.
source "$(dirname "$0")/lib.sh"
patch_scenario proposals/family_therapy.toml 'title = "' 'title = "<!--<script>alert(1)</script> '
run run "$scenario" --out "$work/out" --replicates 2
expect_exit 0
expect_not_in_file "$work/out/report.html" "<!--<script>alert(1)"
expect_in_file "$work/out/report.html" '\u003c!--\u003cscript>alert(1)\u003c/script>'
