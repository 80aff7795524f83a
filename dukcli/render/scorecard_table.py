"""The yearly scorecard on a terminal, and its CSV rows."""

from __future__ import annotations

from dukcli import model as m
from dukcli.dates import fmt
from dukcli.rules.quota import STATUS_WORDS

def score_cells(ds, r, as_of) -> tuple[str, list[str]]:
    from dukcli.periods import parse_period
    from dukcli.rules.oversight import REPORT_WORDS, due_date

    parts = []
    if r.required is not None:
        parts.append(f"{r.met}/{r.required} tháng")
    if r.target is not None:
        parts.append(f"{r.visits}/{r.target} lần" if r.required is None else f"chỉ tiêu {r.target} lần")
    reports = []
    for code, state in r.reports.items():
        if state is None:
            reports.append("—")
        elif state == "chua-nop" and as_of <= due_date(ds.config, parse_period(code)):
            reports.append("Chưa đến hạn")
        else:
            reports.append(REPORT_WORDS[state])
    return "; ".join(parts), reports


def csv_table(card) -> tuple[list[str], list[list]]:
    quarters = [f"{card.year}Q{n}" for n in range(1, 5)]
    header = ["person", "name", "role", "met", "required", "visits", "target", *quarters, "status", "status_text"]
    rows = [[r.person, r.name, r.role, r.met, r.required, r.visits, r.target,
             *(r.reports[q] for q in quarters), r.status, STATUS_WORDS[r.status]] for r in card.rows]
    return header, rows


def print_scorecard(ds, card, console) -> None:
    from dukcli.render.output import table

    year, day = card.year, card.as_of
    console.print(f"[bold]Đánh giá năm {year}: đi cơ sở (Điều 4) và báo cáo quý (Điều 6.1)[/bold] "
                  f"(tính đến ngày {fmt(day)})")
    if not card.rows:
        console.print("Không có ai được phân công trong năm này.")
        return
    t = table("TT", "Họ và tên", "Vai trò", "Điều 4", "Quý I", "Quý II", "Quý III", "Quý IV", "Kết quả")
    for i, r in enumerate(card.rows, 1):
        art4, reports = score_cells(ds, r, day)
        role = m.ROLE_NAMES[r.role] if len(r.roles) < 2 else "Cả hai (đổi vai trò trong năm)"
        t.add_row(str(i), r.name, role, art4, *reports, STATUS_WORDS[r.status])
    console.print(t)
    console.print("Điều 4: số tháng đạt/số tháng phải đi (theo dõi) hoặc số lần/chỉ tiêu năm (phụ trách); "
                  "— : không phải nộp báo cáo quý đó.", style="dim")
