"""The yearly scorecard on a terminal, and its CSV rows."""

from __future__ import annotations

from dukcli import model as m
from dukcli import words
from dukcli.dates import fmt
from dukcli.rules.scorecard import OVERALL_WORDS
from dukcli.rules.quota import STATUS_WORDS


def score_cells(r) -> tuple[str, list[str]]:
    from dukcli.rules.deadline import REPORT_WORDS

    if r.role == "theo-doi":
        art4 = f"{r.met}/{r.required} tháng ({r.visits} lần)"
    else:
        art4 = f"{r.visits}/{r.target} lần"
    return art4, [REPORT_WORDS[state] if state else "—" for state in r.reports.values()]


def csv_table(card) -> tuple[list[str], list[list]]:
    from dukcli.rules.deadline import REPORT_WORDS

    quarters = [f"{card.year}Q{n}" for n in range(1, 5)]
    header = ["Họ và tên", "Mã người", "Vai trò", "Số tháng đạt", words.MONTHS_REQUIRED, "Số lần", "Chỉ tiêu năm",
              "Quý I", "Quý II", "Quý III", "Quý IV", words.ARTICLE4_RESULT, "Đánh giá năm"]
    rows = [[r.name, r.person, m.ROLE_NAMES[r.role], r.met, r.required, r.visits, r.target,
             *(REPORT_WORDS[r.reports[q]] if r.reports[q] else "Không phải nộp" for q in quarters),
             STATUS_WORDS[r.status], OVERALL_WORDS[r.overall]] for r in card.rows]
    return header, rows


def print_scorecard(ds, card, console) -> None:
    from dukcli.render.output import table

    year, day = card.year, card.as_of
    console.print(f"[bold]Đánh giá năm {year}: đi cơ sở (Điều 4) và báo cáo quý (Điều 6.1)[/bold] "
                  f"(tính đến ngày {fmt(day)})")
    if not card.rows:
        console.print("Không có ai được phân công trong năm này.")
        return
    t = table("TT", "Họ và tên", "Vai trò", "Điều 4", words.ARTICLE4_RESULT, "Quý I", "Quý II", "Quý III", "Quý IV",
              "Đánh giá năm")
    for i, r in enumerate(card.rows, 1):
        art4, reports = score_cells(r)
        role = m.ROLE_NAMES[r.role] + (" (đổi vai trò trong năm)" if len(r.roles) > 1 else "")
        t.add_row(str(i), r.name, role, art4, STATUS_WORDS[r.status], *reports, OVERALL_WORDS[r.overall])
    console.print(t)
    console.print("Điều 4: số tháng đạt/số tháng phải đi và số lần (theo dõi) hoặc số lần/chỉ tiêu năm (phụ trách), "
                  "mỗi vai trò chỉ tính chuyến đi của vai trò đó; — : không phải nộp báo cáo quý đó. Đánh giá năm: "
                  "hoàn thành khi năm đã hết, đạt Điều 4 và nộp đủ báo cáo quý đúng hạn.", style="dim")
