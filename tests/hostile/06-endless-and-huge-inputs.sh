# Item 5: a scenario naming /dev/zero died of an uncaught bad_alloc (exit 134), a FIFO hung for
# ever, and a 10 MB unknown name took up to 117 s in the "did you mean" search. Each is refused
# at once with the file named.
source "$(dirname "$0")/lib.sh"
ln -s /dev/zero "$scenario/zero.toml"
patch_scenario scenario.toml 'parameters = ["parameters.toml"' 'parameters = ["zero.toml", "parameters.toml"'
run_within 20 validate "$scenario"
expect_exit 2
expect_output "zero.toml"
rm "$scenario/zero.toml"
mkfifo "$scenario/zero.toml"
run_within 20 validate "$scenario"
expect_exit 2
expect_output "zero.toml"
rm "$scenario/zero.toml"
rm -rf "$scenario" && cp -r "$2" "$scenario"
# A department name of 10 MB: the "did you mean" search skips it.
python3 - "$scenario/proposals/family_therapy.toml" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
open(path, "w").write(text.replace('department = "', 'department = "' + "d" * 10_000_000, 1))
PY
run_within 20 validate "$scenario"
expect_exit 2
expect_output "unknown department"
