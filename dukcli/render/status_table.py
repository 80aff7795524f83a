"""The report-submission table of `duk status`, and its CSV rows."""

from __future__ import annotations

from dukcli.rules.deadline import report_word

STATUS_STYLE = {"dung-han": "green", "tre-han": "yellow", "chua-nop": "red"}


def print_status(st, console) -> None:
    from rich.text import Text

    from dukcli.dates import fmt
    from dukcli.render.output import table

    console.print(f"[bold]Báo cáo cá nhân {st.period.label}[/bold] — hạn nộp {fmt(st.due)} "
                  f"(tính đến ngày {fmt(st.as_of)})")
    if not st.rows:
        console.print("Không có ai được phân công trong quý này.")
        return
    t = table(("TT", "right"), "Họ và tên", "Ngày nhận", "Tình trạng")
    for i, r in enumerate(st.rows, 1):
        style = "dim" if r.status == "chua-nop" and not r.overdue else STATUS_STYLE[r.status]
        t.add_row(str(i), r.name, fmt(r.received) if r.received else "—", Text(report_word(r), style=style))
    console.print(t)
    console.print(f"Đúng hạn: {st.count('dung-han')}, trễ hạn: {st.count('tre-han')}, "
                  f"chưa nộp: {st.count('chua-nop')} (tổng {len(st.rows)} người phải báo cáo).")


CSV_HEADER = ["Họ và tên", "Mã người", "Ngày nhận", "Tình trạng", "Số ngày trễ"]


def csv_rows(st) -> list[list]:
    from dukcli.dates import fmt

    return [[r.name, r.person, fmt(r.received) if r.received else None, report_word(r), r.days_late]
            for r in st.rows]
