"""Reads the roll-up's table as a spreadsheet user would and prints its rows as JSON.

Usage: table_rows.py FILE.csv|FILE.xlsx

A CSV is read with Python's csv module as UTF-8 after its byte-order mark (which the file must
start with); an XLSX with openpyxl. Whole numbers print as numbers, everything else as text.
"""

import csv
import json
import sys


def cell(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return "" if value is None else value


def main(path):
    if path.endswith(".csv"):
        with open(path, "rb") as raw:
            if not raw.read(3) == b"\xef\xbb\xbf":
                sys.exit("no UTF-8 byte-order mark")
        with open(path, newline="", encoding="utf-8-sig") as text:
            rows = list(csv.reader(text))
    else:
        import openpyxl

        sheet = openpyxl.load_workbook(path).active
        rows = [list(row) for row in sheet.iter_rows(values_only=True)]
        rows = [{"title": sheet.title}] + rows
    print(json.dumps([row if isinstance(row, dict) else [cell(v) for v in row] for row in rows], ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
