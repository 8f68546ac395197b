# Item 1: --out deleted a folder of the user's own files, or a plain file, without asking.
# Refused before simulating; the user's files are intact. A folder a run wrote is replaced.
source "$(dirname "$0")/lib.sh"
mkdir "$work/mine"
echo "my notes" >"$work/mine/notes.txt"
run run "$scenario" --out "$work/mine" --replicates 2
expect_exit 2
expect_output "is a folder that kommunesim did not write"
expect_in_file "$work/mine/notes.txt" "my notes"
echo "a plain file" >"$work/plain"
run run "$scenario" --out "$work/plain" --replicates 2
expect_exit 2
expect_output "exists and is not a folder"
expect_in_file "$work/plain" "a plain file"
run run "$scenario" --out "$work/out" --replicates 2
expect_exit 0
run run "$scenario" --out "$work/out" --replicates 2
expect_exit 0
expect_file "$work/out/manifest.json"
