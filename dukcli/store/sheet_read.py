"""The rows of a sheet for `duk import`: an .xlsx (its first sheet or the one named) or a .csv
(UTF-8 with or without BOM, comma or semicolon), as (sheet row number, cell values). The file
is opened without following a link and refused past 20 MB; a workbook's links to other files
are not kept and formulas give their saved values."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from dukcli.oserr import describe
from dukcli.store import safefs
from dukcli.words import importing as W

MAX_SHEET = 20 * 1024 * 1024


class SheetError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_rows(path: Path, sheet: str | None = None) -> list[tuple[int, list]]:
    name = path.name
    try:
        data = safefs.read_bytes(path, limit=MAX_SHEET)
    except safefs.TooLarge:
        raise SheetError(W.too_large(name, MAX_SHEET // (1024 * 1024))) from None
    except safefs.NotRegular as e:
        raise SheetError(W.cannot_read(name, e.what)) from None
    except OSError as e:
        raise SheetError(W.cannot_read(name, describe(e))) from None
    if path.suffix.lower() == ".csv":
        return _csv_rows(data, name)
    if path.suffix.lower() in (".xlsx", ".xlsm") or data[:4] == b"PK\x03\x04":
        return _xlsx_rows(data, name, sheet)
    raise SheetError(W.not_a_sheet(name))


def _csv_rows(data: bytes, name: str) -> list[tuple[int, list]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SheetError(W.not_utf8(name)) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, line = [], 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as e:
        raise SheetError(W.cannot_read(name, str(e))) from None
    return rows


def _xlsx_rows(data: bytes, name: str, sheet: str | None) -> list[tuple[int, list]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError) as e:
        raise SheetError(W.cannot_read(name, str(e) or type(e).__name__)) from None
    try:
        if sheet is None:
            ws = book.worksheets[0]
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            raise SheetError(W.no_such_sheet(sheet, ", ".join(book.sheetnames)))
        return [(number, list(cells)) for number, cells in enumerate(ws.iter_rows(min_row=1, values_only=True), 1)]
    finally:
        book.close()
