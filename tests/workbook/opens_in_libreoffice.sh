#!/usr/bin/env bash
# Opens a run's workbook.xlsx in LibreOffice (headless) and exports every sheet as CSV: the file
# must open, hold every sheet (named in Danish, the default language), and its summary (Oversigt)
# must have one row per proposal and normative set of results.sqlite. Exported to PDF, the
# workbook prints on at most two A4 pages per sheet.   opens_in_libreoffice.sh RUN_DIR
set -euo pipefail
run=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# A private profile, so a test never depends on (or changes) a user's LibreOffice settings.
soffice -env:UserInstallation="file://$out/profile" --headless \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
  --outdir "$out" "$run/workbook.xlsx" >/dev/null 2>&1
for sheet in Oversigt "Hvem betaler" "Perspektiver uenige" Skifteværdier Tornado Forudsætninger \
  Kalibrering Kørslen; do
  [ -s "$out/workbook-$sheet.csv" ] || { echo "LibreOffice exported no sheet '$sheet'"; exit 1; }
done
rows=$(($(wc -l <"$out/workbook-Oversigt.csv") - 1))
expected=$(/usr/bin/python3 -c "import sqlite3, sys
print(sqlite3.connect(sys.argv[1]).execute('SELECT COUNT(*) FROM summary').fetchone()[0])" \
  "$run/results.sqlite")
[ "$rows" -eq "$expected" ] || { echo "Summary: $rows rows in LibreOffice, $expected in results.sqlite"; exit 1; }
soffice -env:UserInstallation="file://$out/profile" --headless --convert-to pdf \
  --outdir "$out" "$run/workbook.xlsx" >/dev/null 2>&1
sheets=$(/usr/bin/python3 -c "import openpyxl, sys
print(len(openpyxl.load_workbook(sys.argv[1], read_only=True).sheetnames))" "$run/workbook.xlsx")
pages=$(grep -a -c -E '/Type ?/Page([^s]|$)' "$out/workbook.pdf" || true)
[ "$pages" -ge "$sheets" ] && [ "$pages" -le $((2 * sheets)) ] ||
  { echo "workbook.pdf: $pages A4 pages for $sheets sheets (expected $sheets to $((2 * sheets)))"; exit 1; }
echo "workbook.xlsx opens in LibreOffice: $sheets sheets, $rows summary rows; $pages A4 pages as PDF"
