"""The Article 4 table for a terminal, and its CSV rows."""

from __future__ import annotations

from dukcli import words
from dukcli.dates import fmt
from dukcli.rules.quota import STATE_MARKS, STATUS_WORDS, PhuTrachRow, QuotaResult, TheoDoiRow

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
        t = Table(title="Ủy viên Ban Thường vụ phụ trách (tối thiểu theo năm)", box=box.SIMPLE_HEAVY,
                  title_justify="left", title_style="bold")
        for col, justify in (("TT", "right"), ("Họ và tên", "left"), ("Trong kỳ", "right"),
                             ("Lũy kế năm", "right"), (words.EXPECTED_BY_END, "right"), ("Chỉ tiêu năm", "right")):
            t.add_column(col, justify=justify)
        t.add_column("Kết quả", no_wrap=True)
        for i, r in enumerate(pt, 1):
            t.add_row(str(i), r.name, str(r.visits), str(r.visits_ytd), str(r.expected), str(r.target_year),
                      status_text(r.status))
        out.append(t)
    if td:
        t = Table(title="Cán bộ, chuyên viên theo dõi (tối thiểu mỗi tháng, mỗi đơn vị)", box=box.SIMPLE_HEAVY,
                  title_justify="left", title_style="bold")
        months = result.period.months()
        compact = len(months) > 3 and width < WIDE_ENOUGH
        t.add_column("TT", justify="right")
        t.add_column("Họ và tên", no_wrap=not compact)
        t.add_column("Đơn vị", ratio=1, min_width=12)
        if compact:
            t.add_column(f"T{months[0][1]}→T{months[-1][1]}", no_wrap=True)
        else:
            for year, month in months:
                t.add_column(f"T{month}", justify="center")
        t.add_column("Đạt/Cần", justify="right", no_wrap=True)
        t.add_column("Kết quả", no_wrap=True)
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
    line = f"Tổng cộng {len(statuses)} dòng: {good} đạt/đúng tiến độ, {short} chưa đạt/chậm tiến độ, {ongoing} đang thực hiện"
    return line + (f", {na} không áp dụng." if na else ".")


def print_table(result: QuotaResult, console) -> None:
    console.print(f"[bold]Kết quả thực hiện Điều 4 — {result.period.label}[/bold] "
                  f"(tính đến ngày {fmt(result.as_of)})")
    if not result.rows:
        console.print("Không có ai được phân công trong kỳ này.")
        return
    for table in tables(result, console.width):
        console.print(table)
    console.print("Ký hiệu: ✓ đạt, ✗ thiếu, … chưa hết tháng, – không yêu cầu; số là số lần trong tháng "
                  "(bảng hẹp: mỗi tháng một dấu, xem số lần bằng --format csv).", style="dim")
    console.print(totals_line(result))


# CSV is read by a clerk in Excel: Vietnamese headers and words, as the table (JSON keeps the
# machine keys).
CSV_HEADER = ["Họ và tên", "Mã người", "Vai trò", "Đơn vị", "Mã đơn vị", "Số lần trong kỳ", words.MONTHS_REQUIRED,
              "Số tháng đạt", "Lũy kế năm", "Chỉ tiêu năm", words.EXPECTED_BY_END, "Kết quả"]
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
