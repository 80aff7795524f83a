"""What `duk agenda` shows on a terminal."""

from __future__ import annotations

def print_agenda(ag, console) -> None:
    from dukcli.dates import fmt, month_end
    from dukcli.render.output import table
    from dukcli.rules.oversight import meeting_on

    day = ag.as_of
    console.print(f"[bold]Việc cần làm tính đến ngày {fmt(day)}[/bold]")
    left = (month_end(day.year, day.month) - day).days
    console.print(f"\n[bold]1. Chưa đi cơ sở trong tháng {day.month}/{day.year}[/bold] (còn {left} ngày)")
    if ag.visits_due:
        t = table("TT", "Họ và tên", "Đơn vị", "Ngày sinh hoạt", "Còn lại")
        for i, r in enumerate(ag.visits_due, 1):
            on = meeting_on(r.meeting_day, day.year, day.month)
            meeting = "—" if on is None else fmt(on) + (" (đã qua)" if on < day else "")
            t.add_row(str(i), r.name, r.unit_name, meeting, f"{r.days_left} ngày")
        console.print(t)
    else:
        console.print("Không có.")
    console.print("\n[bold]2. Ủy viên Ban Thường vụ chậm so với tiến độ của quý[/bold]")
    if ag.behind:
        t = table("TT", "Họ và tên", "Từ đầu năm", "Cần đến hết quý", "Chỉ tiêu năm")
        for i, r in enumerate(ag.behind, 1):
            t.add_row(str(i), r.name, str(r.visits_ytd), str(r.expected), str(r.target_year))
        console.print(t)
    else:
        console.print("Không có.")
    console.print("\n[bold]3. Báo cáo quý sắp đến hạn, chưa nộp[/bold]")
    if ag.reports_due:
        t = table("TT", "Họ và tên", "Kỳ", "Hạn nộp", "Còn lại")
        for i, r in enumerate(ag.reports_due, 1):
            left_word = f"{r.days_left} ngày" if r.days_left >= 0 else f"quá hạn {-r.days_left} ngày"
            t.add_row(str(i), r.name, r.period.label, fmt(r.due), left_word)
        console.print(t)
    else:
        console.print("Không có.")
