"""The Article 4 table for a terminal, and its CSV rows."""

from __future__ import annotations

from dukcli import words
from dukcli.rules.quota import STATE_MARKS, STATUS_WORDS, PhuTrachRow, QuotaResult, TheoDoiRow
from dukcli.words import output as W

STATUS_STYLE = {"dat": "bold green", "dung-tien-do": "green", "chua-dat": "bold red", "cham-tien-do": "red",
                "dang-thuc-hien": "yellow", "khong-ap-dung": "dim"}
STATE_STYLE = {"met": "green", "missed": "red", "pending": "yellow", "not-required": "dim"}


def status_text(code: str):
    from rich.text import Text

    return Text(STATUS_WORDS[code], style=STATUS_STYLE.get(code, ""))


def month_cell(state: str, visits: int):
    from rich.text import Text

    mark = STATE_MARKS[state]
    return Text(f"{mark} {visits}" if state != "not-required" or visits else mark, style=STATE_STYLE[state])


# A month as "✓ 1" takes five columns: past a quarter, the months would push the result off an
# 80-column terminal. Narrower than this, long periods show one mark a month in one column.
WIDE_ENOUGH = 130


def month_marks(row: TheoDoiRow):
    from rich.text import Text

    text = Text()
    for s in row.months:
        text.append(STATE_MARKS[s.state], style=STATE_STYLE[s.state])
    return text


def tables(result: QuotaResult, width: int = 200) -> list:
    from rich import box
    from rich.table import Table

    pt = [r for r in result.rows if isinstance(r, PhuTrachRow)]
    td = [r for r in result.rows if isinstance(r, TheoDoiRow)]
    out = []
    if pt:
        t = Table(title=W.PHU_TRACH_TITLE, box=box.SIMPLE_HEAVY,
                  title_justify="left", title_style="bold")
        for col, justify in (("TT", "right"), (W.NAME, "left"), (W.IN_PERIOD, "right"),
                             (W.YEAR_TO_DATE, "right"), (words.EXPECTED_BY_END, "right"), (W.YEAR_TARGET, "right")):
            t.add_column(col, justify=justify)
        t.add_column(W.RESULT, no_wrap=True)
        for i, r in enumerate(pt, 1):
            t.add_row(str(i), r.name, str(r.visits), str(r.visits_ytd), str(r.expected), str(r.target_year),
                      status_text(r.status))
        out.append(t)
    if td:
        t = Table(title=W.THEO_DOI_TITLE, box=box.SIMPLE_HEAVY,
                  title_justify="left", title_style="bold")
        months = result.period.months()
        compact = len(months) > 3 and width < WIDE_ENOUGH
        t.add_column("TT", justify="right")
        t.add_column(W.NAME, no_wrap=not compact)
        t.add_column(W.UNIT, ratio=1, min_width=12)
        if compact:
            t.add_column(f"T{months[0][1]}→T{months[-1][1]}", no_wrap=True)
        else:
            for year, month in months:
                t.add_column(f"T{month}", justify="center")
        t.add_column(W.MET_OF_NEEDED, justify="right", no_wrap=True)
        t.add_column(W.RESULT, no_wrap=True)
        previous = None
        for i, r in enumerate(td, 1):
            name = r.name if r.person != previous else ""
            previous = r.person
            cells = [month_marks(r)] if compact else [month_cell(s.state, s.visits) for s in r.months]
            t.add_row(str(i), name, r.unit_name, *cells, f"{r.met}/{r.required}", status_text(r.status))
        out.append(t)
    return out


def totals_line(result: QuotaResult) -> str:
    statuses = [r.status for r in result.rows]
    good = sum(statuses.count(s) for s in ("dat", "dung-tien-do"))
    short = sum(statuses.count(s) for s in ("chua-dat", "cham-tien-do"))
    ongoing = statuses.count("dang-thuc-hien")
    na = statuses.count("khong-ap-dung")
    return W.quota_totals(len(statuses), good, short, ongoing, na)


def print_table(result: QuotaResult, console) -> None:
    console.print(f"[bold]{W.quota_title(result.period.label)}[/bold] {W.as_of(result.as_of)}")
    if not result.rows:
        console.print(W.NOBODY_IN_PERIOD)
        return
    for table in tables(result, console.width):
        console.print(table)
    console.print(W.QUOTA_LEGEND, style="dim")
    console.print(totals_line(result))


# CSV is read by a clerk in Excel: Vietnamese headers and words, as the table (JSON keeps the
# machine keys).
CSV_HEADER = W.QUOTA_CSV_HEADER
STATE_WORDS = words.MONTH_STATES


def csv_rows(result: QuotaResult) -> tuple[list[str], list[list]]:
    from dukcli.model import ROLE_NAMES

    months = [words.month_label(y, mo) for y, mo in result.period.months()]
    rows = []
    for r in result.rows:
        if isinstance(r, TheoDoiRow):
            base = [r.name, r.person, ROLE_NAMES[r.role], r.unit_name, r.unit, r.visits, r.required, r.met,
                    None, None, None]
            cells = [f"{STATE_WORDS[s.state]} ({s.visits})" for s in r.months]
        else:
            base = [r.name, r.person, ROLE_NAMES[r.role], None, None, r.visits, None, None, r.visits_ytd,
                    r.target_year, r.expected]
            cells = [None] * len(months)
        rows.append(base + [STATUS_WORDS[r.status]] + cells)
    return CSV_HEADER + months, rows
