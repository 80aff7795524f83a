"""The words of `duk people`, `duk person add|edit`, `duk units`, `duk unit add|edit|close`:
help, table headings, commit messages and refusals."""

from __future__ import annotations

import datetime as dt

from dukcli.words import output as O

# --- groups and options ----------------------------------------------------------------------
PERSON_APP_HELP = "Thêm hoặc sửa một người trong people.yaml."
UNIT_APP_HELP = "Thêm, sửa hoặc đóng một đơn vị trong units.yaml."
NO_COMMIT_HELP = "Ghi tệp nhưng không tạo commit git."
NAME_HELP = "Họ và tên."
UNIT_NAME_HELP = "Tên đơn vị (ví dụ: Chi bộ Sở Tài chính)."
ID_HELP = "Mã (chữ thường không dấu, nối bằng '-'); mặc định làm từ tên."
POSITION_HELP = "Chức vụ (in ở đầu báo cáo); để trống \"\" để xóa."
DEPARTMENT_HELP = "Bộ phận công tác (in ở đầu báo cáo); để trống \"\" để xóa."
PERSON_ARG = "NGƯỜI"
PERSON_ARG_HELP = "Người cần sửa: mã hoặc một phần tên, không cần dấu."
UNIT_ARG = "ĐƠN_VỊ"
UNIT_ARG_HELP = "Đơn vị: mã hoặc một phần tên, không cần dấu."
TYPE_HELP = "Loại: chi-bo-co-so (chi bộ cơ sở), dang-bo-co-so (đảng bộ cơ sở), chi-bo-truc-thuoc (chi bộ trực thuộc)."
TYPE_METAVAR = "<loại>"
PARENT_HELP = "Đảng bộ cơ sở cấp trên (bắt buộc với chi bộ trực thuộc)."
MEETING_DAY_HELP = "Ngày sinh hoạt chi bộ hằng tháng (1-31)."
MEETING_DAY_RANGE = "phải là một số nguyên từ 1 đến 31."
FROM_HELP = "Ngày thành lập (đơn vị có từ ngày này)."
ON_HELP = "Chỉ các đơn vị có vào ngày này (mặc định: hôm nay)."
CLOSE_DATE_HELP = "Ngày cuối cùng đơn vị còn tồn tại."
SUCCESSOR_HELP = "Đơn vị nhận sáp nhập: người theo dõi, phụ trách đơn vị cũ nhận đơn vị này từ ngày hôm sau."

# --- tables ----------------------------------------------------------------------------------
POSITION = "Chức vụ"
DEPARTMENT = "Bộ phận công tác"
TYPE = "Loại"
PARENT = "Trực thuộc"
MEETING_DAY = "Ngày sinh hoạt"
FROM = "Từ ngày"
TO = "Đến ngày"
PEOPLE_TITLE = "Danh sách người"
PEOPLE_COLUMNS = (O.PERSON_CODE, O.NAME, POSITION, DEPARTMENT)
PEOPLE_CSV_HEADER = list(PEOPLE_COLUMNS)
UNITS_COLUMNS = (O.UNIT_CODE, O.UNIT, TYPE, PARENT, MEETING_DAY, FROM, TO)
UNITS_CSV_HEADER = list(UNITS_COLUMNS)
NO_PEOPLE = "Chưa có ai trong people.yaml."
PEOPLE_SHEET = "Người"
UNITS_SHEET = "Đơn vị"
PEOPLE_XLSX = "danh-sach-nguoi.xlsx"


def units_xlsx(day: dt.date) -> str:
    return f"danh-sach-don-vi-{day.isoformat()}.xlsx"


def units_title(day: dt.date) -> str:
    from dukcli.dates import fmt

    return f"Danh sách đơn vị có vào ngày {fmt(day)}"


def no_units(day: dt.date) -> str:
    from dukcli.dates import fmt

    return f"Không có đơn vị nào vào ngày {fmt(day)}."


def people_total(count: int) -> str:
    return f"Tổng cộng: {count} người."


def units_total(count: int) -> str:
    return f"Tổng cộng: {count} đơn vị."


# --- commit messages -------------------------------------------------------------------------
def person_added(name: str, pid: str) -> str:
    return f"Thêm người: {name} ({pid})"


def edited(name: str, rid: str) -> str:
    return f"Sửa: {name} ({rid})"


def unit_added(name: str, uid: str) -> str:
    return f"Thêm đơn vị: {name} ({uid})"


def unit_closed(name: str, uid: str, day: dt.date, successor: str | None) -> str:
    from dukcli.dates import fmt

    into = f", sáp nhập vào {successor}" if successor else ""
    return f"Đóng đơn vị: {name} ({uid}) ngày {fmt(day)}{into}"


def merger_basis(unit: str, successor: str, day: dt.date) -> str:
    from dukcli.dates import fmt

    return f"Sáp nhập {unit} vào {successor} ngày {fmt(day)}"


# --- refusals --------------------------------------------------------------------------------
NOTHING_TO_EDIT = "không có gì để sửa: cho ít nhất một tùy chọn (xem --help)"


def empty_name(option: str) -> str:
    return f"{option}: tên không được để trống"


def one_line(option: str) -> str:
    return f"{option}: chỉ được viết trên một dòng"


def bad_id(option: str, value: str) -> str:
    return (f"{option}: '{value}' không phải mã hợp lệ (chữ thường không dấu và số, nối bằng '-', "
            "tối đa 64 ký tự; ví dụ nguyen-thi-lan)")


def no_id_from(name: str) -> str:
    return f"--name: không làm được mã từ tên '{name}'; hãy cho mã bằng --id"


def id_taken(rel: str, rid: str) -> str:
    return f"--id: mã '{rid}' đã có trong {rel}; mỗi mã chỉ dùng một lần"


def not_a_list(rel: str) -> str:
    return f"{rel} không phải danh sách dạng khối (\"- id: …\" mỗi bản ghi); duk không tự sửa tệp này"


def cannot_read(rel: str, reason: str) -> str:
    return f"không đọc được {rel}: {reason}"


def already_closed(name: str, day: dt.date) -> str:
    from dukcli.dates import fmt

    return f"đơn vị {name} đã đóng ngày {fmt(day)}"


def not_yet_open(name: str, day: dt.date) -> str:
    from dukcli.dates import fmt

    return f"--date: đơn vị {name} chỉ có từ ngày {fmt(day)}"


SUCCESSOR_IS_UNIT = "--successor: đơn vị nhận sáp nhập phải khác đơn vị bị đóng"


def successor_not_open(name: str, day: dt.date) -> str:
    from dukcli.dates import fmt

    return f"--successor: đơn vị {name} không tồn tại vào ngày {fmt(day)}"


def successor_is_cell(name: str) -> str:
    return f"--successor: {name} là chi bộ trực thuộc; chỉ phân công được chi bộ cơ sở hoặc đảng bộ cơ sở"
