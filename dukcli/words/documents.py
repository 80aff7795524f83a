"""The words of the two Word documents: the individual report of Article 6.1
(rules/report.py) and the compiled report of Articles 6.2/6.3 (rules/summary.py).
"""

from __future__ import annotations

import datetime as dt

from dukcli import words
from dukcli.dates import fmt

# --- said by both documents --------------------------------------------------------------------
NONE = "Không có."

# --- the individual report (Article 6.1) ------------------------------------------------------
NOT_ASSIGNED = "(không thuộc đơn vị được phân công)"

# The form's item titles (end of the regulation), for the shipped template and the tests.
ITEM_TITLES = {
    "I": "I- Kết quả đi công tác cơ sở",
    "I.1": "1- Thời gian, đơn vị đến công tác",
    "I.2": "2- Đánh giá tình hình của cơ sở",
    "I.3": "3- Những khó khăn, vướng mắc của cơ sở",
    "I.4": "4- Những kiến nghị, đề xuất với Ban Thường vụ Đảng ủy Khối",
    "II": "II- Kết quả dự sinh hoạt chi bộ",
    "II.1": "1- Thời gian, chi bộ tới dự sinh hoạt",
    "II.2": "2- Đánh giá khái quát công tác chuẩn bị và nội dung sinh hoạt chi bộ",
    "II.3": "3- Đánh giá việc điều hành sinh hoạt chi bộ và ra nghị quyết của chi bộ",
    "II.4": "4- Tính khả thi của nghị quyết",
    "II.5": "5- Những vấn đề cần quan tâm, rút kinh nghiệm qua dự sinh hoạt chi bộ",
    "II.6": "6- Những nội dung chi bộ đề nghị cấp ủy cấp trên quan tâm lãnh đạo",
    "II.7": "7- Những kiến nghị, đề xuất với Ban Thường vụ Đảng ủy khối",
}


def report_opening(regulation: str, period: str) -> str:
    return (f"Thực hiện {regulation}, tôi báo cáo kết quả đi công tác cơ sở "
            f"và dự sinh hoạt chi bộ {period} như sau:")


def rated(rating: str) -> str:
    return f"(xếp loại: {rating})"


# --- the compiled report (Articles 6.2, 6.3): header, opening, signature ------------------------
SUMMARY_TITLE = "BÁO CÁO"
SUMMARY_SUBTITLE = "Kết quả đi công tác cơ sở và dự sinh hoạt chi bộ"
SIGNER_FOR = "T/M BAN TỔ CHỨC"
SIGNER_TITLE = "TRƯỞNG BAN"
RECIPIENTS = ("- Ban Thường vụ Đảng ủy Khối (để báo cáo),", "- Lưu Ban Tổ chức.")


def document_number(short: str) -> str:
    return f"Số        -BC/{short}" if short else "Số        -BC"


def summary_intro(regulation: str, period: str, as_of: dt.date) -> str:
    return (f"Thực hiện {regulation}, Ban Tổ chức tổng hợp kết quả đi công tác cơ sở và dự sinh hoạt "
            f"chi bộ của các đồng chí Ủy viên Ban Thường vụ (chuyên trách), cán bộ, chuyên viên theo dõi "
            f"{period} (số liệu tính đến ngày {fmt(as_of)}) "
            f"như sau:")


# --- the compiled report, I. figures -----------------------------------------------------------
MONTHS_TOTAL = "Cộng"


def people_assigned(members: int, specialists: int) -> str:
    return (f"Số đồng chí Ủy viên Ban Thường vụ (chuyên trách) được phân công phụ trách: {members}; "
            f"số cán bộ, chuyên viên được phân công theo dõi: {specialists}.")


def units_assigned(units: int) -> str:
    return f"Số tổ chức cơ sở đảng được phân công phụ trách, theo dõi: {units}."


def trips(total: int, work: int, meeting: int, both: int) -> str:
    """both: the trips with the two parts, said only when there are some."""
    return (f"Tổng số chuyến đi cơ sở trong kỳ: {total}, trong đó {work} lượt đi công tác cơ sở "
            f"và {meeting} lượt dự sinh hoạt chi bộ"
            + (f" ({both} chuyến có cả hai phần nên được tính ở cả hai)." if both > 0 else "."))


def meeting_ratings(counts: str) -> str:
    return f"Đánh giá chất lượng các buổi sinh hoạt chi bộ được dự: {counts}."


# --- the compiled report, II. Article 4 --------------------------------------------------------
def months_missed(name: str, unit_name: str, months: str, met: int, required: int) -> str:
    return (f"Đồng chí {name} – {unit_name}: không đi cơ sở tháng {months} "
            f"(đạt {met}/{required} tháng).")


def member_behind(name: str, visits_ytd: int, expected: int, target: int, status: str) -> str:
    return (f"Đồng chí {name} ({words.ROLES['phu-trach']}): {visits_ytd} lần từ đầu năm, "
            f"cần {expected} lần đến hết kỳ, chỉ tiêu năm {target} lần "
            f"({status}).")


# --- the compiled report, III. units not visited -----------------------------------------------
HOLDER_ROLES = {"phu-trach": "phụ trách", "theo-doi": "theo dõi"}
UNASSIGNED = "chưa phân công"


# --- the compiled report, IV. quarterly reports ------------------------------------------------
NOT_DUE_YET = " (chưa đến hạn)"
NO_WHOLE_QUARTER = "Kỳ báo cáo không trọn một quý nên chưa xét việc nộp báo cáo quý."


def quarter_reports(quarter: str, due: dt.date, pending: str, owed: int, on_time: int, late: int,
                    missing: int) -> str:
    """pending: NOT_DUE_YET while the due day has not passed, else empty."""
    return (f"{quarter} (hạn nộp {fmt(due)}{pending}): {owed} đồng chí phải báo cáo; "
            f"đúng hạn {on_time}, trễ hạn {late}, "
            f"chưa nộp {missing}.")


# --- the compiled report, V. grassroots notes --------------------------------------------------
# The grassroots notes the committee is asked to act on (Article 6.2): what the units found
# hard, asked for, and proposed, and the issues raised at their meetings, by (part, field).
GRASSROOTS_NOTES = {
    ("work", "difficulties"): "Khó khăn, vướng mắc của cơ sở",
    ("work", "proposals"): "Kiến nghị, đề xuất với Ban Thường vụ (qua đi công tác cơ sở)",
    ("meeting", "lessons"): "Vấn đề cần quan tâm, rút kinh nghiệm qua dự sinh hoạt chi bộ",
    ("meeting", "requests"): "Nội dung chi bộ đề nghị cấp ủy cấp trên quan tâm lãnh đạo",
    ("meeting", "proposals"): "Kiến nghị, đề xuất với Ban Thường vụ (qua dự sinh hoạt chi bộ)",
}


def note_head(day: dt.date, person_name: str, unit_cell: str, label: str) -> str:
    """unit_cell: ' (chi bộ trực thuộc)' when the note is of one, else empty."""
    return f"Ngày {fmt(day)}, đồng chí {person_name}{unit_cell} – {label}:"


# --- sample contexts, for checking a template a clerk edited (duk template check) --------------
SAMPLE_ORG_PARENT = "ĐẢNG BỘ TỈNH"
SAMPLE_ORG_NAME = "ĐẢNG ỦY KHỐI"
SAMPLE_ORG_SHORT = "ĐUK"
SAMPLE_ORG_PLACE = "Thành phố"
SAMPLE_BRANCH = "Chi bộ mẫu"
SAMPLE_PARTY_COMMITTEE = "Đảng bộ mẫu"
SAMPLE_PERSON = "Nguyễn Văn Mẫu"
SAMPLE_MEMBER = "Trần Thị Mẫu"
SAMPLE_POSITION = "Chuyên viên"
SAMPLE_DEPARTMENT = "Ban Tổ chức"
SAMPLE_SECOND_LINE = "Dòng thứ hai"
SAMPLE_NOTES = {"difficulties": f"Khó khăn mẫu\n{SAMPLE_SECOND_LINE}", "proposals": "Kiến nghị mẫu"}
SAMPLE_MINUTES = {"lessons": "Vấn đề mẫu", "requests": "Đề nghị mẫu"}


def sample_note(field: str) -> str:
    return f"Ghi chú {field}"
