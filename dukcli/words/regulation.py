"""The words of the regulation's rules (dukcli/rules/): the checks across records, the
report deadlines, and a new visit as log-visit builds and judges it.
"""

from __future__ import annotations

import datetime as dt

from dukcli import words
from dukcli.dates import fmt

# --- checks across records: ids and units (rules/validate.py) ---------------------------------
RECORD_KINDS = {"unit": "đơn vị", "person": "người"}


def duplicate_id(kind: str, record_id: str, file: str, line: int) -> str:
    return f"mã {kind} '{record_id}' đã dùng ở {file}:{line}"


def missing_parent(unit: str) -> str:
    return f"chi bộ trực thuộc '{unit}' cần khóa 'parent' (mã đảng bộ cơ sở cấp trên)"


def parent_not_party_committee(parent: str) -> str:
    return f"'{parent}' không phải đảng bộ cơ sở nên không thể là cấp trên của chi bộ trực thuộc"


def parent_not_allowed(unit: str, type_name: str) -> str:
    return (f"chỉ chi bộ trực thuộc (type: chi-bo-truc-thuoc) mới có 'parent'; "
            f"'{unit}' là {type_name}")


# --- checks across records: assignments -------------------------------------------------------
def assigned_sub_branch(unit: str, parent: str) -> str:
    return (f"'{unit}' là chi bộ trực thuộc; chỉ phân công theo dõi chi bộ cơ sở hoặc đảng bộ cơ sở "
            f"(ở đây là '{parent}')")


def assignment_before_unit(unit: str, start: dt.date) -> str:
    return f"phân công bắt đầu trước khi đơn vị '{unit}' được thành lập ({fmt(start)})"


def assignment_after_unit(unit: str, end: dt.date) -> str:
    return (f"phân công kéo dài sau khi đơn vị '{unit}' kết thúc ({fmt(end)}); "
            "hãy ghi 'to:' cho phân công")


def two_roles(person: str, earlier_role: str, file: str, line: int, later_role: str) -> str:
    return f"'{person}' giữ hai vai trò cùng lúc ({earlier_role} ở {file}:{line} và {later_role})"


def unit_assigned_twice(person: str, unit: str, file: str, line: int) -> str:
    return f"'{person}' được phân công đơn vị '{unit}' hai lần trong cùng thời gian (xem {file}:{line})"


# --- checks across records: visits and submissions --------------------------------------------
def unit_not_existing(unit_name: str, day: dt.date) -> str:
    return f"đơn vị '{unit_name}' không tồn tại vào ngày {fmt(day)}"


def visit_not_assigned(person: str, unit: str, day: dt.date) -> str:
    return (f"chuyến đi không được tính cho phân công nào của '{person}' "
            f"(không được phân công '{unit}' vào ngày {fmt(day)})")


def duplicate_visit(first: str) -> str:
    return f"đã có chuyến đi cùng người, đơn vị và ngày ở {first}; chỉ tính là một chuyến"


def received_before_quarter(day: dt.date, quarter: str, start: dt.date) -> str:
    return (f"ngày nhận {fmt(day)} trước khi {quarter} bắt đầu "
            f"({fmt(start)}): báo cáo của một quý chỉ nộp từ ngày đầu quý")


def duplicate_submission(period: str, person: str, file: str, line: int) -> str:
    return f"báo cáo quý {period} của '{person}' đã ghi ở {file}:{line}"


# --- Article 6.1: how late a report is (rules/deadline.py) -------------------------------------
def late_by(days: int) -> str:
    return f"Trễ hạn ({days} ngày)"


def overdue_by(days: int) -> str:
    return f"Chưa nộp (quá hạn {days} ngày)"


# --- a new visit: the parts and items of the form, as prompts and editor hints (rules/entry.py) -
SECTION_NAMES = {"work": "I. Đi công tác cơ sở", "meeting": "II. Dự sinh hoạt chi bộ"}
LABELS = {
    ("work", "situation"): "I.2 Đánh giá tình hình của cơ sở",
    ("work", "difficulties"): "I.3 Những khó khăn, vướng mắc của cơ sở",
    ("work", "proposals"): "I.4 Những kiến nghị, đề xuất với Ban Thường vụ",
    ("meeting", "preparation"): "II.2 Công tác chuẩn bị và nội dung sinh hoạt",
    ("meeting", "conduct"): "II.3 Điều hành sinh hoạt và ra nghị quyết",
    ("meeting", "feasibility"): "II.4 Tính khả thi của nghị quyết",
    ("meeting", "lessons"): "II.5 Vấn đề cần quan tâm, rút kinh nghiệm",
    ("meeting", "requests"): "II.6 Nội dung chi bộ đề nghị cấp ủy cấp trên quan tâm",
    ("meeting", "proposals"): "II.7 Kiến nghị, đề xuất với Ban Thường vụ",
    ("meeting", "rating"): "Xếp loại buổi sinh hoạt (tot, kha, trung-binh, kem)",
}

# --- a new visit: the file, the editor, the commit ---------------------------------------------
NOT_A_VISIT = "tệp phải là một chuyến đi dạng khóa: giá trị (person, unit, date, work, meeting)"
EDITOR_HEADER = ("# Chuyến đi cơ sở. Sửa rồi lưu tệp và đóng trình soạn thảo.\n"
                 "# work: I. đi công tác cơ sở (situation I.2, difficulties I.3, proposals I.4)\n"
                 "# meeting: II. dự sinh hoạt chi bộ (preparation II.2, conduct II.3, feasibility II.4,\n"
                 "#   lessons II.5, requests II.6, proposals II.7, rating: tot | kha | trung-binh | kem)\n"
                 "# Nội dung nhiều dòng: viết 'situation: |' rồi xuống dòng, thụt vào 4 dấu cách.\n")


def commit_message(person_name: str, unit_name: str, day: dt.date) -> str:
    return f"Ghi nhận: {person_name} – {unit_name} – {fmt(day)}"


def same_day_twin(existing: str) -> str:
    return (f"đã có chuyến đi của người này tới đơn vị này trong cùng ngày ({existing}); mỗi người, mỗi đơn vị, "
            f"mỗi ngày chỉ ghi một chuyến. Muốn bổ sung nội dung, sửa tệp đó: duk edit {existing}")


# --- a new visit: what it does to Article 4 ----------------------------------------------------
def month_mark(month: int, mark: str, visits: int) -> str:
    return f"tháng {month} {mark} ({visits})"


def specialist_progress(name: str, unit_name: str, period: str, months: str, met: int, required: int,
                        status: str) -> str:
    return (f"Điều 4 – {name} theo dõi {unit_name}, {period}: {months}; "
            f"đạt {met}/{required} tháng – {status}.")


def member_progress(name: str, visits_ytd: int, year: int, target: int, period: str, expected: int,
                    status: str) -> str:
    return (f"Điều 4 – {name} ({words.ROLES['phu-trach']}): {visits_ytd} chuyến đi "
            f"từ đầu năm {year} đến nay; chỉ tiêu cả năm {target}, "
            f"đến hết {period} cần {expected} – {status}.")


MONTHS_LEGEND = "(✓ đạt, ✗ thiếu, … chưa đến hạn, – không yêu cầu; trong ngoặc: số chuyến đi được tính)"
NOT_COUNTED = "Điều 4 – chuyến đi này không được tính cho phân công nào."
