# Item 1: `kommunesim run X --out X` deleted every TOML file of the scenario and exited 0; a folder
# holding the scenario would have gone too. Refused before simulating; the scenario is intact.
source "$(dirname "$0")/lib.sh"
run run "$scenario" --out "$scenario" --replicates 2
expect_exit 2
expect_output "is the scenario folder: a run replaces its output folder, so it may never be the scenario or hold it"
expect_no_output "simulerer"
expect_file "$scenario/scenario.toml"
run run "$scenario" --out "$work" --replicates 2
expect_exit 2
expect_output "contains the scenario folder"
expect_file "$scenario/scenario.toml"
