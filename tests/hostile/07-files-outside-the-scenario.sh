# Item 6: file lists could name any file ("../x.toml", absolute paths): read, echoed into messages
# and recorded in manifest.json. Only files inside the scenario folder are read.
source "$(dirname "$0")/lib.sh"
echo 'id = "outside"' >"$work/x.toml"
patch_scenario scenario.toml 'parameters = ["parameters.toml"' 'parameters = ["../x.toml", "parameters.toml"'
run run "$scenario" --out "$work/out" --replicates 2
expect_exit 2
expect_output "../x.toml"
expect_no_file "$work/out"
patch_scenario scenario.toml '"../x.toml"' '"/etc/hostname"'
run validate "$scenario"
expect_exit 2
expect_output "/etc/hostname"
