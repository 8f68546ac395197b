# Item 7: --replicates 1000000 was accepted (days of work) though the TOML caps replicates at
# 100,000, and --replicates 0 printed a 300-digit number. One limit, stated in the error.
source "$(dirname "$0")/lib.sh"
run run "$scenario" --out "$work/out" --replicates 1000000
expect_exit 2
expect_output "1000000"
expect_output "100000"
run run "$scenario" --out "$work/out" --replicates 0
expect_exit 2
[ "${#output}" -lt 400 ] || fail "the message is ${#output} characters long"
expect_no_file "$work/out"
