"""The words of duk's conversations at a terminal (cli/terminal.py, log-visit's and submit's
questions): questions, the answers understood, and the text editor's messages."""

from __future__ import annotations

import datetime as dt

from dukcli import words
from dukcli.dates import fmt

# --- yes or no --------------------------------------------------------------------------------
YES_NO_HINTS = {None: "(c/k)", True: "(C/k)", False: "(c/K)"}  # by the default answer
YES_ANSWERS = ("y", "yes", "c", "co", "d", "dong y")  # folded: no marks, lower case
NO_ANSWERS = ("n", "no", "k", "khong")
YES_OR_NO = "Hãy gõ c (có) hoặc k (không)."


# --- the text editor --------------------------------------------------------------------------
NO_EDITOR = "không tìm thấy trình soạn thảo: hãy đặt biến EDITOR (ví dụ EDITOR=nano)"
EDITOR_FAILED = "trình soạn thảo báo lỗi khi đóng"
EMPTY_CONTENT = "nội dung trống: đã hủy, không có gì được ghi"
STILL_INVALID = "chuyến đi chưa hợp lệ"
JUST_TYPED = "nội dung vừa soạn"  # where an error is, in place of a file name
EDIT_AGAIN = "Mở lại trình soạn thảo để sửa (nội dung đã gõ được giữ nguyên)?"


def bad_editor(value: str) -> str:
    return f"biến EDITOR='{value}' viết sai (dấu nháy chưa đóng)"


def editor_not_opened(program: str, reason: str) -> str:
    return f"không mở được trình soạn thảo '{program}': {reason}"


def at_line(line: int, message: str) -> str:
    return f"dòng {line}: {message}"


def content_invalid(message: str) -> str:
    return f"Nội dung chưa hợp lệ: {message}"


def typed_kept(why: str, path) -> str:
    return (f"{why}; không có gì được ghi. Nội dung đã gõ được giữ ở: {path}\n"
            f"Sửa xong, ghi lại bằng: duk log-visit --from-file '{path}' --edit")


# --- duk log-visit: who, when, where ----------------------------------------------------------
WHO_WENT = "Người đi cơ sở:"
PICK_PERSON = "Chọn số thứ tự hoặc gõ một phần họ tên"
PICK_ASSIGNED_UNIT = "Chọn số thứ tự, hoặc gõ một phần tên của đơn vị bất kỳ"
PICK_ANY_UNIT = "Đơn vị (gõ mã hoặc một phần tên)"
ASK_DATE = "Ngày đi (DD/MM/YYYY, 'hôm nay', 'hôm qua')"


def no_such_number(number: int, count: int) -> str:
    return f"Không có số {number}; chọn từ 1 đến {count}."


def units_assigned_on(day: dt.date) -> str:
    return f"Đơn vị được phân công ngày {fmt(day)}:"


def no_units_assigned_on(day: dt.date) -> str:
    return f"Ngày {fmt(day)} người này không được phân công đơn vị nào."


def unit_not_existing_on(unit: str, day: dt.date) -> str:
    return f"Đơn vị {unit} không tồn tại vào ngày {fmt(day)}; nhập ngày khác."


def date_in_future(day: dt.date, today: dt.date) -> str:
    return f"Ngày {fmt(day)} còn ở tương lai (hôm nay là {fmt(today)}); nhập lại."


# --- duk log-visit: what was done -------------------------------------------------------------
ASK_PARTS = "Ghi nhận phần nào?  1. Đi công tác cơ sở   2. Dự sinh hoạt chi bộ   3. Cả hai"
PICK_PART = "Chọn 1, 2 hoặc 3"
TYPE_PART = "Hãy gõ 1, 2 hoặc 3."
ASK_RATING = "Xếp loại buổi sinh hoạt: 1. Tốt  2. Khá  3. Trung bình  4. Kém  (Enter để bỏ qua)"
TYPE_RATING = "Hãy gõ 1, 2, 3, 4 hoặc Enter."
SAVE_VISIT = "Lưu chuyến đi này?"
CANCELLED = words.CANCELLED.lstrip("\n")  # said on its own line, after the answer


def items_of(section: str) -> str:
    return f"{section} (Enter để bỏ trống một mục):"


def will_be_written(rel: str) -> str:
    return f"Chuyến đi sẽ được ghi vào {rel}:"


# --- duk submit -------------------------------------------------------------------------------
RECEIVED_DAY = "ngày nhận"  # names the answer in its error message, as an option would be


def ask_received_day(period: str) -> str:
    return f"Ngày nhận báo cáo {period} (DD/MM/YYYY)"
