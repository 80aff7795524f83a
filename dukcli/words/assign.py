"""The words of `duk assignments`, `duk assign` and `duk unassign`: help, the hand-over lines,
the commit messages, the refusals, and the headings of the listing."""

from __future__ import annotations

import datetime as dt

from dukcli import words
from dukcli.dates import fmt
from dukcli.words import output as O

# --- help -------------------------------------------------------------------------------------
ON_HELP = "Ngày cần xem (mặc định hôm nay)."
ROLE_HELP = "Vai trò: theo-doi (cán bộ, chuyên viên theo dõi) hoặc phu-trach (Ủy viên Ban Thường vụ phụ trách)."
UNITS_HELP = "Các đơn vị, cách nhau bằng dấu phẩy (mã hoặc một phần tên)."
FROM_HELP = "Ngày bắt đầu phân công."
TO_HELP = "Ngày cuối cùng của phân công (bỏ trống: chưa kết thúc)."
BASIS_HELP = "Căn cứ phân công (số và ngày của thông báo, quyết định)."
UNASSIGN_TO_HELP = "Ngày cuối cùng người này theo dõi, phụ trách đơn vị."
ASSIGN_PERSON_HELP = "Người được phân công (mã hoặc một phần họ tên)."
UNASSIGN_UNIT_HELP = "Đơn vị thôi theo dõi, phụ trách (mã hoặc một phần tên)."
NO_COMMIT_HELP = "Ghi assignments.yaml nhưng không lưu vào git."

# --- the listing ------------------------------------------------------------------------------
FROM = "Từ ngày"
TO = "Đến ngày"
BASIS = "Căn cứ"
COLUMNS = ("TT", O.NAME, O.ROLE, O.UNIT, FROM, TO, BASIS)
CSV_HEADER = [O.NAME, O.PERSON_CODE, O.ROLE, O.UNIT, O.UNIT_CODE, FROM, TO, BASIS]
OPEN_END = "—"
SHEET = "Phân công"
XLSX = "phan-cong.xlsx"


def title(day: dt.date) -> str:
    return f"Phân công theo dõi, phụ trách cơ sở ngày {fmt(day)}"


def nobody(day: dt.date) -> str:
    return f"Không có phân công nào còn hiệu lực ngày {fmt(day)}."


def total(rows: int) -> str:
    return f"{rows} dòng phân công."


# --- assign and unassign ----------------------------------------------------------------------
def handed_over(unit: str, old: str, new: str, day: dt.date) -> str:
    return f"Bàn giao: {unit} từ {old} sang {new} từ ngày {fmt(day)}"


def assigned(name: str, role: str, units: list[str], start: dt.date, end: dt.date | None) -> str:
    until = f" đến {fmt(end)}" if end else ""
    return f"Phân công: {name} {words.ROLES[role]} {', '.join(units)} từ {fmt(start)}{until}"


def unassigned(name: str, role: str, unit: str, last_day: dt.date) -> str:
    return f"Kết thúc phân công: {name} {words.ROLES[role]} {unit} đến hết ngày {fmt(last_day)}"


NO_UNITS = "--units: chưa có đơn vị nào"


def unit_twice(unit: str) -> str:
    return f"--units: đơn vị '{unit}' được ghi hai lần"


def to_before_from(end: dt.date, start: dt.date) -> str:
    return f"--to: ngày {fmt(end)} trước ngày bắt đầu {fmt(start)}"


def starts_on_day(name: str, units: list[str], start: dt.date) -> str:
    return (f"{name} bắt đầu theo dõi, phụ trách {', '.join(units)} đúng ngày {fmt(start)}: không có gì để bàn giao; "
            "hãy sửa phân công đó trong assignments.yaml rồi chạy duk commit")


def already_ends(name: str, unit: str, day: dt.date) -> str:
    return f"phân công {name} ở {unit} đã kết thúc ngày {fmt(day)}; không có gì thay đổi"


def not_covered(name: str, unit: str, day: dt.date) -> str:
    return f"{name} không được phân công ở {unit} vào ngày {fmt(day)}"


def list_errors(count: int) -> str:
    return f"danh sách có {count} lỗi; chạy duk check để xem và sửa"


def bad_list_file(rel: str, reason: str) -> str:
    return f"không sửa được {rel}: {reason}"


LIST_SHAPE = "tệp không phải danh sách khối (mỗi bản ghi bắt đầu bằng '- ' ở đầu dòng)"
