# Shared by the hostile-input cases: each case is a bash script run as
#   bash CASE.sh KOMMUNESIM SCENARIO
# with a private copy of SCENARIO (Mini-kommune) in $scenario and a work folder $work, removed
# afterwards. A case attacks the command the way issue 18 reproduced it and asserts the exact
# behaviour: the exit code, what the message says, which files exist afterwards.
set -euo pipefail
KOMMUNESIM=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
scenario="$work/scenario"
cp -r "$2" "$scenario"
output=""
code=0

fail() {
  echo "FAIL ($(basename "$0")): $*"
  echo "--- output of the last command:"
  echo "$output"
  exit 1
}

# Runs kommunesim with the arguments, within a time bound (seconds, default 60); keeps the exit
# code in $code and standard output and error in $output.
run_within() {
  local seconds=$1
  shift
  set +e
  output=$(timeout "$seconds" "$KOMMUNESIM" "$@" 2>&1)
  code=$?
  set -e
  [ "$code" -ne 124 ] || fail "kommunesim $* took more than $seconds s"
}
run() { run_within 60 "$@"; }

expect_exit() { [ "$code" -eq "$1" ] || fail "exit code $code, expected $1"; }
expect_output() { grep -qF -- "$1" <<<"$output" || fail "the output does not say: $1"; }
expect_no_output() { ! grep -qF -- "$1" <<<"$output" || fail "the output says: $1"; }
expect_file() { [ -e "$1" ] || fail "$1 is missing"; }
expect_no_file() { [ ! -e "$1" ] || fail "$1 exists"; }
expect_in_file() { grep -qF -- "$2" "$1" || fail "$1 does not hold: $2"; }
expect_not_in_file() { ! grep -qF -- "$2" "$1" || fail "$1 holds: $2"; }

# Replaces the first occurrence of FIND by REPLACE in a file of the scenario.
patch_scenario() {
  local file="$scenario/$1"
  python3 - "$file" "$2" "$3" <<'PY'
import sys
path, find, replace = sys.argv[1:4]
text = open(path, encoding="utf-8").read()
if find not in text:
    sys.exit(f"{path} does not hold {find!r}")
open(path, "w", encoding="utf-8").write(text.replace(find, replace, 1))
PY
}
