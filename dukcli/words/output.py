"""The words of duk's output (dukcli/render/): table titles and headings, CSV headers, legends,
totals, the meeting calendar, and the messages about Word templates and documents.
"""

from __future__ import annotations

import datetime as dt

from dukcli import words
from dukcli.dates import fmt

# --- the alphabet duk must be able to print ---------------------------------------------------
# Not words a user reads: every Vietnamese letter (precomposed, as duk keeps text in NFC) and
# the symbols of duk's tables. A stream whose code page cannot write all of them cannot show a
# name truthfully (render/output.py tests a stream's encoding with it).
VIETNAMESE_ALPHABET = ("ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư"
                       + "".join(map(chr, range(0x1EA0, 0x1EFA))) + "✓✗…–—")

# --- headings said by more than one table -----------------------------------------------------
NAME = "Họ và tên"
PERSON_CODE = "Mã người"
ROLE = "Vai trò"
UNIT = "Đơn vị"
UNIT_CODE = "Mã đơn vị"
RESULT = "Kết quả"
MONTHS_MET = "Số tháng đạt"
YEAR_TO_DATE = "Lũy kế năm"
YEAR_TARGET = "Chỉ tiêu năm"
QUARTERS = ("Quý I", "Quý II", "Quý III", "Quý IV")
DAYS_LEFT = "Còn lại"


def as_of(day: dt.date) -> str:
    return f"(tính đến ngày {fmt(day)})"


def days(count: int) -> str:
    return f"{count} ngày"


# --- duk quota (render/quota_table.py) --------------------------------------------------------
PHU_TRACH_TITLE = f"{words.ROLES['phu-trach']} (tối thiểu theo năm)"
THEO_DOI_TITLE = f"{words.ROLES['theo-doi']} (tối thiểu mỗi tháng, mỗi đơn vị)"
IN_PERIOD = "Trong kỳ"
MET_OF_NEEDED = "Đạt/Cần"
NOBODY_IN_PERIOD = "Không có ai được phân công trong kỳ này."
QUOTA_LEGEND = ("Ký hiệu: ✓ đạt, ✗ thiếu, … chưa hết tháng, – không yêu cầu; số là số lần trong tháng "
                "(bảng hẹp: mỗi tháng một dấu, xem số lần bằng --format csv).")
# CSV is read by a clerk in Excel: Vietnamese headers and words, as the table (JSON keeps the
# machine keys).
QUOTA_CSV_HEADER = [NAME, PERSON_CODE, ROLE, UNIT, UNIT_CODE, "Số lần trong kỳ", words.MONTHS_REQUIRED,
                    MONTHS_MET, YEAR_TO_DATE, YEAR_TARGET, words.EXPECTED_BY_END, RESULT]


def quota_title(period: str) -> str:
    return f"Kết quả thực hiện Điều 4 — {period}"


def quota_totals(rows: int, good: int, short: int, ongoing: int, not_applicable: int) -> str:
    line = (f"Tổng cộng {rows} dòng: {good} đạt/đúng tiến độ, {short} chưa đạt/chậm tiến độ, "
            f"{ongoing} đang thực hiện")
    return line + (f", {not_applicable} không áp dụng." if not_applicable else ".")


# --- duk scorecard (render/scorecard_table.py) ------------------------------------------------
ARTICLE4 = "Điều 4"
YEAR_RATING = "Đánh giá năm"
NOT_DUE = "Không phải nộp"
ROLE_CHANGED = " (đổi vai trò trong năm)"
NOBODY_IN_YEAR = "Không có ai được phân công trong năm này."
SCORECARD_COLUMNS = ("TT", NAME, ROLE, ARTICLE4, words.ARTICLE4_RESULT, *QUARTERS, YEAR_RATING)
SCORECARD_CSV_HEADER = [NAME, PERSON_CODE, ROLE, MONTHS_MET, words.MONTHS_REQUIRED, "Số lần", YEAR_TARGET,
                        *QUARTERS, words.ARTICLE4_RESULT, YEAR_RATING]
SCORECARD_LEGEND = ("Điều 4: số tháng đạt/số tháng phải đi và số lần (theo dõi) hoặc số lần/chỉ tiêu năm "
                    "(phụ trách), mỗi vai trò chỉ tính chuyến đi của vai trò đó; — : không phải nộp báo cáo "
                    "quý đó. Đánh giá năm: hoàn thành khi năm đã hết, đạt Điều 4 và nộp đủ báo cáo quý đúng hạn.")


def scorecard_title(year: int) -> str:
    return f"Đánh giá năm {year}: đi cơ sở (Điều 4) và báo cáo quý (Điều 6.1)"


def months_met(met: int, required: int, visits: int) -> str:
    return f"{met}/{required} tháng ({visits} lần)"


def visits_of_target(visits: int, target: int) -> str:
    return f"{visits}/{target} lần"


# --- duk agenda (render/agenda_view.py) -------------------------------------------------------
MEETING_PAST = " (đã qua)"
BEHIND_TITLE = "2. Ủy viên Ban Thường vụ chậm so với tiến độ của quý"
REPORTS_DUE_TITLE = "3. Báo cáo quý sắp đến hạn, chưa nộp"
VISITS_DUE_COLUMNS = ("TT", NAME, UNIT, "Ngày sinh hoạt", DAYS_LEFT)
BEHIND_COLUMNS = ("TT", NAME, "Từ đầu năm", "Cần đến hết quý", YEAR_TARGET)
REPORTS_DUE_COLUMNS = ("TT", NAME, "Kỳ", "Hạn nộp", DAYS_LEFT)
NOTHING_TO_DO = "Không có."


def agenda_title(day: dt.date) -> str:
    return f"Việc cần làm tính đến ngày {fmt(day)}"


def visits_due_title(month: int, year: int) -> str:
    return f"1. Chưa đi cơ sở trong tháng {month}/{year}"


def days_left_in_month(left: int) -> str:
    return f" (còn {left} ngày)"


def overdue(days_late: int) -> str:
    return f"quá hạn {days_late} ngày"


# --- duk visits (render/visits_table.py) ------------------------------------------------------
DATE = "Ngày"
VISITOR = "Người đi"
CONTENTS = "Nội dung"
COUNTS = "Tính Điều 4"
FILE = "Tệp"
YES = "có"
NO = "không"
NO_VISITS = "Không có chuyến đi nào trong kỳ."
VISITS_COLUMNS = (DATE, VISITOR, UNIT, CONTENTS, COUNTS, FILE)
VISITS_CSV_HEADER = [DATE, VISITOR, PERSON_CODE, UNIT, UNIT_CODE, CONTENTS, "Xếp loại sinh hoạt", COUNTS, FILE]


def visits_title(period: str) -> str:
    return f"Các chuyến đi cơ sở — {period}"


def visits_total(visits: int, counted: int) -> str:
    return f"{visits} chuyến đi; {counted} được tính theo Điều 4."


# --- duk status (render/status_table.py) ------------------------------------------------------
RECEIVED = "Ngày nhận"
REPORT_STATE = "Tình trạng"
NOBODY_IN_QUARTER = "Không có ai được phân công trong quý này."
STATUS_COLUMNS = (("TT", "right"), NAME, RECEIVED, REPORT_STATE)
STATUS_CSV_HEADER = [NAME, PERSON_CODE, RECEIVED, REPORT_STATE, "Số ngày trễ"]


def status_title(period: str) -> str:
    return f"Báo cáo cá nhân {period}"


def due_on(day: dt.date) -> str:
    return f"hạn nộp {fmt(day)}"


def status_totals(on_time: int, late: int, missing: int, total: int) -> str:
    return f"Đúng hạn: {on_time}, trễ hạn: {late}, chưa nộp: {missing} (tổng {total} người phải báo cáo)."


# --- the meeting calendar (render/ics.py) -----------------------------------------------------
CALENDAR_NAME = "Lịch dự sinh hoạt chi bộ"


def meeting_summary(unit_name: str) -> str:
    return f"Dự sinh hoạt chi bộ: {unit_name}"


def meeting_description(name: str, role: str, unit_name: str) -> str:
    return f"Người dự: {name} ({role}).\nSinh hoạt chi bộ định kỳ hằng tháng của {unit_name}."


# --- Word templates: what a tag or an error means (render/word.py) ----------------------------
NO_VALUE = "giá trị không có"
UNCLOSED_TAG = "thẻ mở chưa được đóng, ví dụ thiếu {% endfor %} hoặc {% endif %}"
BAD_TAG = "thẻ viết sai (kiểm tra dấu ngoặc, dấu nháy và tên trong thẻ)"
NOT_RUN = "; duk không chạy mẫu này"


def unsafe_internals(listed: str) -> str:
    return f"thẻ không an toàn (truy cập vào bên trong Python{': ' + listed if listed else ''})"


def unsafe_operation(listed: str) -> str:
    return f"thẻ không an toàn (thao tác {listed} không được phép trong mẫu)"


def unknown_variable(name: str) -> str:
    return f"biến không biết '{name}'"


def no_field(name: str) -> str:
    return f"không có trường '{name}'"


def unknown_tag(tag: str) -> str:
    return f"thẻ '{tag}' không hợp lệ hoặc không có thẻ mở tương ứng"


def template_unusable(reason: str) -> str:
    return f"mẫu không dùng được ({reason})"


def misplaced_tag(mark: str) -> str:
    return (f"thẻ {mark}… %}} đặt sai chỗ ({{%tr và {{%tc chỉ dùng trong bảng; "
            f"{{%p phải đứng một mình trong đoạn)")


# --- Word files: why one cannot be used (render/word.py) --------------------------------------
NOT_DOCX = "không phải tệp Word .docx, hoặc tệp đã hỏng"


def unreadable_part(kind: str) -> str:
    return f"tệp Word có phần không đọc được: {kind}"


def cannot_open_word(reason: str) -> str:
    return f"không mở được tệp Word ({reason})"


def temp_write_failed(reason: str) -> str:
    return f"không ghi được tệp tạm để thử mẫu ({reason})"


# --- Word rendering: what went wrong, and where (render/word.py) ------------------------------
OUTSIDE_PARAGRAPHS = " ngoài các đoạn văn (trong hộp văn bản, chú thích hoặc thuộc tính của tệp)"


def unsafe_template(template, what: str, where: str) -> str:
    return (f"mẫu '{template}' dùng {what}{where}; "
            f"không có gì được ghi. Kiểm tra mẫu bằng: duk template check {template}")


def template_error(template, what: str) -> str:
    return f"mẫu '{template}': {what}. Kiểm tra mẫu bằng: duk template check {template}"


def template_not_usable(template, reason: str) -> str:
    return f"không dùng được mẫu '{template}' ({reason})"


def in_paragraph(number: int, text: str) -> str:
    return f" ở đoạn {number} «{text}»"


# --- Word rendering: reading the written file back (render/word.py) ---------------------------
def reread_failed(reason: str) -> str:
    return f"tệp vừa ghi không mở lại được ({reason})"


def missing_text(text: str) -> str:
    return f"thiếu nội dung: «{text}»"


def tag_left(text: str) -> str:
    return f"còn sót thẻ mẫu trong đoạn: «{text}»"


def failed_reread(file_name: str, problems: str) -> str:
    return f"tệp '{file_name}' không đạt khi đọc lại: {problems}"


def after_filling(problem: str) -> str:
    return f"sau khi điền mẫu: {problem}"
