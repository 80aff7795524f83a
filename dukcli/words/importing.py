"""The words of `duk import`: the column headings it recognises (Vietnamese or English, compared
without marks and case), its help and its complaints about a row of the sheet."""

from __future__ import annotations

KINDS = {"people": "người", "units": "đơn vị", "assignments": "phân công"}

# field -> the headings that name it (folded when compared)
HEADERS = {
    "people": {
        "id": ["Mã", "Mã cán bộ", "id"],
        "name": ["Họ và tên", "Họ tên", "Tên", "name"],
        "position": ["Chức vụ", "position"],
        "department": ["Đơn vị công tác", "Bộ phận", "Bộ phận công tác", "department"],
    },
    "units": {
        "id": ["Mã", "Mã đơn vị", "id"],
        "name": ["Tên", "Tên đơn vị", "name"],
        "type": ["Loại", "Loại hình", "type"],
        "parent": ["Trực thuộc", "parent"],
        "meeting-day": ["Ngày sinh hoạt", "meeting-day", "meeting day"],
        "from": ["Từ ngày", "from"],
    },
    "assignments": {
        "person": ["Người", "Họ và tên", "Họ tên", "person"],
        "role": ["Vai trò", "role"],
        "units": ["Đơn vị", "units", "unit"],
        "from": ["Từ ngày", "from"],
        "to": ["Đến ngày", "to"],
        "basis": ["Căn cứ", "basis"],
    },
}
# columns a sheet may have that import leaves alone (the annex's running number)
IGNORED = ["TT", "STT", "Số TT", "no", "#"]
REQUIRED = {"people": ["name"], "units": ["name", "type"], "assignments": ["person", "role", "units", "from"]}

IMPORT_HELP = "Nhập danh sách người, đơn vị hoặc phân công từ tệp Excel (.xlsx) hoặc CSV."
FILE_ARG = "TỆP"
FILE_HELP = "Tệp .xlsx hoặc .csv (UTF-8; dấu phẩy hoặc chấm phẩy)."
KIND_HELP = "Loại danh sách: people (người), units (đơn vị), assignments (phân công)."
SHEET_HELP = "Tên trang tính trong tệp .xlsx (mặc định: trang đầu)."
PERSON_WORD = "người"
UNIT_WORD = "đơn vị"


def problem(file: str, row: int, text: str) -> str:
    return f"{file}:{row}: {text}"


def no_header(file: str) -> str:
    return f"{file}: không thấy dòng tiêu đề (tệp trống)"


def unknown_column(heading: str) -> str:
    return f"cột '{heading}' không rõ là gì; bỏ cột đó đi hoặc đổi tiêu đề"


def twice_column(heading: str) -> str:
    return f"cột '{heading}' có hai lần"


def missing_column(names: list[str]) -> str:
    return "thiếu cột: " + ", ".join(names)


def missing_value(heading: str) -> str:
    return f"thiếu '{heading}'"


def bad_date(heading: str, value) -> str:
    return f"'{heading}': '{value}' không phải ngày (DD/MM/YYYY hoặc YYYY-MM-DD)"


def bad_type(value, choices: str) -> str:
    return f"loại đơn vị '{value}' không rõ; dùng một trong: {choices}"


def bad_role(value, choices: str) -> str:
    return f"vai trò '{value}' không rõ; dùng một trong: {choices}"


def bad_meeting_day(value) -> str:
    return f"ngày sinh hoạt '{value}' phải là số từ 1 đến 31"


def bad_id(value) -> str:
    return f"mã '{value}' không hợp lệ (chữ thường không dấu, số và '-')"


def id_taken(value) -> str:
    return f"mã '{value}' đã có"


def no_id_from(name: str) -> str:
    return f"không làm được mã từ tên '{name}'; điền cột mã"


def one_line(heading: str) -> str:
    return f"'{heading}' phải nằm trên một dòng"


def no_rows(file: str) -> str:
    return f"{file}: không có dòng dữ liệu nào"


def row_problems(count: int) -> str:
    return f"{count} dòng có vấn đề; không có gì được ghi"


def cannot_read(file: str, why: str) -> str:
    return f"không đọc được {file}: {why}"


def too_large(file: str, limit_mb: int) -> str:
    return f"{file} lớn hơn {limit_mb} MB"


def not_utf8(file: str) -> str:
    return f"{file} không phải văn bản UTF-8"


def not_a_sheet(file: str) -> str:
    return f"{file} không phải tệp .xlsx hoặc .csv"


def no_such_sheet(name: str, sheets: str) -> str:
    return f"--sheet: không có trang tính '{name}' (có: {sheets})"


def imported(count: int, kind: str, file: str) -> str:
    return f"Nhập {count} {KINDS[kind]} từ {file}"
