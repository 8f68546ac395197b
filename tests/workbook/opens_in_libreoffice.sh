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
# Each sheet alone (openpyxl keeps its print settings), all converted by one LibreOffice call.
mkdir "$out/sheets"
/usr/bin/python3 - "$run/workbook.xlsx" "$out/sheets" <<'PY'
import sys, openpyxl
names = openpyxl.load_workbook(sys.argv[1], read_only=True).sheetnames
for i, name in enumerate(names):
    book = openpyxl.load_workbook(sys.argv[1])
    for other in names:
        if other != name:
            del book[other]
    book.save(f"{sys.argv[2]}/{i:02}.xlsx")
    with open(f"{sys.argv[2]}/{i:02}.name", "w", encoding="utf-8") as f:
        f.write(name)
PY
soffice -env:UserInstallation="file://$out/profile" --headless --convert-to pdf \
  --outdir "$out/sheets" "$out"/sheets/*.xlsx >/dev/null 2>&1
sheets=0
pages=0
for pdf in "$out"/sheets/*.pdf; do
  count=$(grep -a -c -E '/Type ?/Page([^s]|$)' "$pdf" || true)
  name=$(cat "${pdf%.pdf}.name")
  [ "$count" -ge 1 ] && [ "$count" -le 2 ] ||
    { echo "sheet '$name' prints on $count A4 pages (expected 1 or 2)"; exit 1; }
  sheets=$((sheets + 1))
  pages=$((pages + count))
done
[ "$sheets" -ge 8 ] || { echo "LibreOffice converted $sheets sheets to PDF"; exit 1; }
echo "workbook.xlsx opens in LibreOffice: $sheets sheets, $rows summary rows; each sheet on 1-2 A4 pages ($pages in all)"
