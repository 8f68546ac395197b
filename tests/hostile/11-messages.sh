# Item 9: messages that left an analyst guessing. A value outside its register range names the
# value and the range (with a hint when a share is written as a percentage), numbers are written
# as in the file, a missing source is reported once, and a set declared twice says where the
# first one is.
source "$(dirname "$0")/lib.sh"
python3 - "$scenario/parameters/jobcentre.toml" <<'PY'
import re, sys
path = sys.argv[1]
text = open(path).read()
# The first register share of the file written as a percentage.
match = re.search(r'unit = "share"\nvalue = ([0-9.]+)', text)
text = text[:match.start(1)] + "15" + text[match.end(1):]
open(path, "w").write(text)
PY
run validate "$scenario"
expect_exit 2
expect_output "found 15 outside ["
expect_output "a share"
cp -r "$2/parameters" "$scenario/" && cp "$2/norms/sceptic.toml" "$scenario/norms/sceptic.toml"
patch_scenario norms/sceptic.toml 'id = "sceptic"' 'id = "public_sector_5y"'
run validate "$scenario"
expect_exit 2
expect_output "is declared twice; it is first declared in norms/public_sector_5y.toml"
expect_no_output "000000"
# A proposal file in the folder that scenario.toml does not list was never named: a note says so.
rm -rf "$scenario" && cp -r "$2" "$scenario"
cp "$scenario/proposals/family_therapy.toml" "$scenario/proposals/draft.toml"
run validate "$scenario"
expect_exit 0
expect_output "note: $scenario/proposals/draft.toml is not named in any list of scenario.toml"
