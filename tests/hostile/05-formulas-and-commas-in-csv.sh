# Item 4: text starting with = + - @ became a formula in Excel or LibreOffice; a comma in an id
# shifted the csv columns. A formula-like cell is led by an apostrophe and quoted; ids are
# restricted at load.
source "$(dirname "$0")/lib.sh"
patch_scenario proposals/family_therapy.toml 'title = "' 'title = "=HYPERLINK(\"http://x\",\"y\") '
run run "$scenario" --out "$work/out" --replicates 2
expect_exit 0
expect_in_file "$work/out/summary.csv" ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\") "
patch_scenario proposals/family_therapy.toml 'id = "family_therapy"' 'id = "family,therapy"'
run validate "$scenario"
expect_exit 2
expect_output "expected an id: a letter, then letters, digits, '_', '.' or '-'"
