"""Fills in a kommunesim budget form in LibreOffice (headless, through its UNO API) as a user
would in Calc, and saves it as .xlsx.

    fill_in_libreoffice.py FORM.xlsx FILLED.xlsx ENTRIES.json

ENTRIES.json: a list of [row label, column letter, value]; the row is the form's row whose
column A holds the label. A number is entered as a number, a text as text (as typed into a cell).
LibreOffice runs with a private profile and pipe, so tests can run side by side."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def main(source, destination, entries_file):
    with open(entries_file, encoding="utf-8") as f:
        entries = json.load(f)
    profile = tempfile.mkdtemp(prefix="kommunesim-lo-")
    pipe = f"kommunesim_form_{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--invisible",
         "--norestore", "--nologo", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(600):
            try:
                context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        else:
            sys.exit("LibreOffice did not start within 60 s")
        desktop = context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", context)
        document = desktop.loadComponentFromURL(
            uno.systemPathToFileUrl(os.path.abspath(source)), "_blank", 0, (prop("Hidden", True),))
        sheet = document.Sheets.getByIndex(0)
        rows = {}
        for row in range(200):
            label = sheet.getCellByPosition(0, row).getString()
            if label:
                rows[label] = row
        for label, column, value in entries:
            if label not in rows:
                sys.exit(f"the form has no row labelled '{label}'")
            cell = sheet.getCellRangeByName(f"{column}{rows[label] + 1}")
            if isinstance(value, (int, float)):
                cell.setValue(value)
            else:
                cell.setString(value)
        document.storeToURL(uno.systemPathToFileUrl(os.path.abspath(destination)),
                            (prop("FilterName", "Calc MS Excel 2007 XML"),))
        document.close(True)
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge closes as LibreOffice exits
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(*sys.argv[1:4])
