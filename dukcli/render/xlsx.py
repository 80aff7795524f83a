"""Excel sheets of the table commands (`--format xlsx -o FILE.xlsx`), printable as they are.

A command describes its table once as `Sheet`s: a title (the command's title with its
period), optional lines under it, the columns (`Column`: a heading and a kind) and the rows
(plain values: text, whole numbers, dates, None; a value to colour is a `Tone`). This module
lays them out: a bold title row, a bold frozen header row, real dates (DD/MM/YYYY), numbers as
numbers, fitted column widths, Article 4 results and report states coloured, A4 landscape
fitted to the page width with the header row repeated on every printed page. The workbook is
written to a temporary file beside the target and then linked into place (never over
another file) or, when asked, renamed over it. openpyxl is imported inside the functions.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from dukcli.words import sheets as S

# tone -> (fill, font colour): Excel's own "Good", "Bad", "Neutral" cell styles, and a grey.
TONES = {
    "good": ("C6EFCE", "006100"),
    "bad": ("FFC7CE", "9C0006"),
    "pending": ("FFEB9C", "9C5700"),
    "muted": ("EDEDED", "595959"),
}
DATE_FORMAT = "DD/MM/YYYY"
HEADER_FILL = "D9E1F2"
FONT = "Calibri"  # openpyxl's default for the cells without a style
MAX_WIDTH = 60  # characters; longer text wraps
SHEET_NAME_MAX = 31  # Excel's limit
_SHEET_NAME_BAD = str.maketrans({c: " " for c in "[]:*?/\\"})

# The Article 4 results, month states and report states of the rules, as tones.
STATUS_TONES = {"dat": "good", "dung-tien-do": "good", "chua-dat": "bad", "cham-tien-do": "bad",
                "dang-thuc-hien": "pending", "khong-ap-dung": "muted"}
STATE_TONES = {"met": "good", "missed": "bad", "pending": "pending", "not-required": "muted"}
REPORT_TONES = {"dung-han": "good", "tre-han": "pending", "chua-nop": "bad", "chua-den-han": "muted"}
OVERALL_TONES = {"hoan-thanh": "good", "chua-hoan-thanh": "bad", "dang-thuc-hien": "pending"}


@dataclass(frozen=True)
class Tone:
    """A value shown on a coloured cell: tone is a key of TONES (None: no colour)."""
    value: object
    tone: str | None


@dataclass(frozen=True)
class Column:
    """A column: its heading, and its kind: "text", "number" (right-aligned whole numbers),
    "date" or "no" (the row number, TT)."""
    heading: str
    kind: str = "text"


@dataclass(frozen=True)
class Sheet:
    name: str  # the tab's name
    title: str  # the command's title with its period, the first row
    columns: tuple[Column, ...]
    rows: list[list] = field(default_factory=list)
    lines: tuple[str, ...] = ()  # under the title, above the header (a section's name)
    notes: tuple[str, ...] = ()  # under the table (totals, legend)
    empty: str = ""  # said in the first row when there are no rows


def numbered(columns, rows) -> tuple[tuple[Column, ...], list[list]]:
    """A TT column in front and the rows numbered from 1."""
    return (Column(S.NO, "no"), *columns), [[i, *row] for i, row in enumerate(rows, 1)]


def plain(value) -> object:
    """A cell's value without its tone."""
    return value.value if isinstance(value, Tone) else value


def shown(value) -> str:
    """A value as text: what CSV would write, and what the width of a column is measured by."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def csv_of(sheet: Sheet) -> tuple[list[str], list[list]]:
    """The same sheet as CSV (header, rows): for a listing command that describes its table
    once (dates DD/MM/YYYY, tones dropped)."""
    return [c.heading for c in sheet.columns], [[shown(v) for v in row] for row in sheet.rows]


def sheet_name(name: str, taken: set[str]) -> str:
    """A tab name Excel accepts, unique in the workbook (compared without case, as Excel does)."""
    base = name.translate(_SHEET_NAME_BAD).strip().strip("'")[:SHEET_NAME_MAX] or "Sheet"
    out, n = base, 2
    while out.lower() in taken:
        suffix = f" ({n})"
        out, n = base[:SHEET_NAME_MAX - len(suffix)] + suffix, n + 1
    taken.add(out.lower())
    return out


def _font(**style):
    """A font of the workbook's face (an openpyxl Font without a name is drawn in another)."""
    from openpyxl.styles import Font

    return Font(name=FONT, **{"size": 11, **style})


def _text(value: str) -> str:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", value)


def _put(ws, row: int, col: int, value, column: Column | None = None):
    """One cell: text stays text (a name starting with '=' is not a formula), a date is a real
    date shown DD/MM/YYYY, a number a number; a Tone coloured."""
    from openpyxl.styles import Alignment, PatternFill

    raw = plain(value)
    cell = ws.cell(row=row, column=col)
    if isinstance(raw, str):
        cell.value = _text(raw)
        cell.data_type = "s"
    elif isinstance(raw, dt.datetime):
        cell.value = raw.date()
    else:
        cell.value = raw
    if column is not None and column.kind == "no":
        cell.alignment = Alignment(horizontal="center", vertical="top")
    elif isinstance(raw, dt.date):
        cell.number_format = DATE_FORMAT
        cell.alignment = Alignment(horizontal="center", vertical="top")
    elif isinstance(raw, (int, float)) and not isinstance(raw, bool):
        cell.alignment = Alignment(horizontal="right", vertical="top")
    else:
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    if isinstance(value, Tone) and value.tone in TONES:
        fill, font = TONES[value.tone]
        cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
        cell.font = _font(color=font, bold=value.tone in ("good", "bad"))
    return cell


def _width(sheet: Sheet, index: int) -> float:
    texts = [sheet.columns[index].heading] + [shown(row[index]) for row in sheet.rows if index < len(row)]
    longest = max((max((len(part) for part in t.split("\n")), default=0) for t in texts), default=0)
    return min(max(longest, 4), MAX_WIDTH) + 2


def _layout(ws, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Border, PatternFill, Side
    from openpyxl.utils import get_column_letter

    ncols = max(len(sheet.columns), 1)
    widths = [_width(sheet, i) for i in range(len(sheet.columns))] or [10.0]
    _across(ws, 1, sheet.title, widths, _font(bold=True, size=13))
    row = 2
    for line in sheet.lines:
        _across(ws, row, line, widths, _font(bold=True, italic=True))
        row += 1
    header = row
    thin = Side(style="thin", color="808080")
    for col, column in enumerate(sheet.columns, 1):
        cell = ws.cell(row=header, column=col, value=_text(column.heading))
        cell.font = _font(bold=True)
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    row = header + 1
    if not sheet.rows and sheet.empty:
        ws.cell(row=row, column=1, value=_text(sheet.empty)).font = _font(italic=True)
        row += 1
    for values in sheet.rows:
        for col, value in enumerate(values, 1):
            column = sheet.columns[col - 1] if col <= len(sheet.columns) else None
            _put(ws, row, col, value, column).border = Border(bottom=Side(style="hair", color="BFBFBF"))
        row += 1
    row += 1 if sheet.notes else 0
    for note in sheet.notes:
        _across(ws, row, note, widths, _font(italic=True, color="595959"))
        row += 1
    for col, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    _print_setup(ws, header, ncols)


def _across(ws, row: int, text: str, widths: list[float], font) -> None:
    """A line of text over the whole width of the table (merged, wrapped, tall enough), so that
    a long legend is printed whole rather than cut at the last column."""
    import math

    from openpyxl.styles import Alignment

    cell = ws.cell(row=row, column=1, value=_text(text))
    cell.font = font
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if len(widths) > 1:
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(widths))
    lines = max(1, math.ceil(len(text) * 1.1 / max(sum(widths), 1)))
    if lines > 1:
        ws.row_dimensions[row].height = 15 * lines * (font.size or 11) / 11


def _print_setup(ws, header: int, ncols: int) -> None:
    from openpyxl.utils import get_column_letter

    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.print_title_rows = f"{header}:{header}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.oddFooter.center.text = S.PAGE_FOOTER
    ws.print_area = f"A1:{get_column_letter(ncols)}{max(ws.max_row, header)}"


def workbook_bytes(sheets: list[Sheet]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for sheet in sheets:
        _layout(wb.create_sheet(sheet_name(sheet.name, taken)), sheet)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def write(target: Path, sheets: list[Sheet] | Sheet, overwrite: bool = False) -> None:
    """The workbook into a temporary file beside target, synced, then given its name: linked
    (never over another file; FileExistsError when target exists) or, with overwrite, renamed
    over it. Nothing is left behind on failure (OSError: the disk)."""
    from dukcli.store.write import make_folder, plain_mode

    data = workbook_bytes([sheets] if isinstance(sheets, Sheet) else list(sheets))
    folder = target.parent
    make_folder(folder)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".duk-", suffix=".xlsx")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, plain_mode())
        if overwrite:
            os.replace(tmp, target)
        else:
            _link(tmp, target, data)
    finally:
        try:
            tmp.unlink()
        except OSError:  # renamed into place
            pass


def _link(tmp: Path, target: Path, data: bytes) -> None:
    try:
        os.link(tmp, target)  # atomic and exclusive
    except FileExistsError:
        raise
    except OSError:  # no hard links (FAT/exFAT sticks, some shares): still exclusive
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
