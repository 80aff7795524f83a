"""What `duk agenda` shows on a terminal."""

from __future__ import annotations


def print_agenda(ag, console) -> None:
    from dukcli.dates import fmt, month_end
    from dukcli.rules.agenda import meeting_on

    day = ag.as_of
    console.print(f"[bold]Việc cần làm tính đến ngày {fmt(day)}[/bold]")
    left = (month_end(day.year, day.month) - day).days

    def meeting(r) -> str:
        on = meeting_on(r.meeting_day, day.year, day.month)
        return "—" if on is None else fmt(on) + (" (đã qua)" if on < day else "")

    _section(console, f"1. Chưa đi cơ sở trong tháng {day.month}/{day.year}", f" (còn {left} ngày)",
             ("TT", "Họ và tên", "Đơn vị", "Ngày sinh hoạt", "Còn lại"),
             [(r.name, r.unit_name, meeting(r), f"{r.days_left} ngày") for r in ag.visits_due])
    _section(console, "2. Ủy viên Ban Thường vụ chậm so với tiến độ của quý", "",
             ("TT", "Họ và tên", "Từ đầu năm", "Cần đến hết quý", "Chỉ tiêu năm"),
             [(r.name, str(r.visits_ytd), str(r.expected), str(r.target_year)) for r in ag.behind])
    _section(console, "3. Báo cáo quý sắp đến hạn, chưa nộp", "",
             ("TT", "Họ và tên", "Kỳ", "Hạn nộp", "Còn lại"),
             [(r.name, r.period.label, fmt(r.due),
               f"{r.days_left} ngày" if r.days_left >= 0 else f"quá hạn {-r.days_left} ngày")
              for r in ag.reports_due])


def _section(console, title: str, note: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """A numbered table under its bold title, or "Không có." when there is nothing to do."""
    from dukcli.render.output import table

    console.print(f"\n[bold]{title}[/bold]{note}")
    if not rows:
        console.print("Không có.")
        return
    t = table(*columns)
    for i, row in enumerate(rows, 1):
        t.add_row(str(i), *row)
    console.print(t)
