"""The words of the data files, dates and periods: what yamltext, schema, dates, periods, match
and oserr say of what a clerk wrote or typed, and the Vietnamese letters text sorts by."""

from __future__ import annotations

import errno

# --- the Vietnamese alphabet (text.py) ---------------------------------------------------------
# Tone marks in collation order: none, huyền, hỏi, ngã, sắc, nặng.
TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Rank of a letter among those sharing its base: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư.
SHAPE_RANK = {"ă": 1, "â": 2, "đ": 1, "ê": 1, "ô": 1, "ơ": 2, "ư": 1}
D_STROKE = "đ"  # the one letter with no decomposition: folded to d by hand

# --- dates (dates.py) --------------------------------------------------------------------------


def not_a_date(raw):
    return f"'{raw}' không phải là ngày (viết DD/MM/YYYY hoặc YYYY-MM-DD)"


def no_such_day(raw):
    return f"ngày '{raw}' không có thật"


def long_date(day, month, year):
    return f"ngày {day} tháng {month} năm {year}"


# --- periods (periods.py) ----------------------------------------------------------------------
PERIOD_FORMS = "2019Q2, 2019-Q2, Q2 (kèm --year), 2019H1, 2019H2, 2019-9M, 2019, 2019-05"
PERIOD_OR_QUARTER = "chỉ dùng một trong hai: --period hoặc --quarter"


def quarter_label(roman, year):
    return f"Quý {roman} năm {year}"


def first_half_label(year):
    return f"6 tháng đầu năm {year}"


def second_half_label(year):
    return f"6 tháng cuối năm {year}"


def nine_months_label(year):
    return f"9 tháng đầu năm {year}"


def year_label(year):
    return f"Năm {year}"


def month_of_year_label(month, year):
    return f"Tháng {month} năm {year}"


def bad_period(text):
    return f"kỳ '{text}' không hợp lệ; các dạng được nhận: {PERIOD_FORMS}"


def bad_year(year):
    return f"--year: năm '{year}' không hợp lệ (từ 1900 đến 2999)"


def period_in_other_year(period, period_year, year):
    return f"kỳ '{period}' thuộc năm {period_year}, khác --year {year}; chỉ ghi năm một lần"


def bad_quarter(quarter):
    return f"quý '{quarter}' không hợp lệ (Q1, Q2, Q3 hoặc Q4)"


# --- matching a typed name (match.py) ----------------------------------------------------------


def nothing_typed(what):
    return f"chưa nhập {what}"


def several_match(query, what, listing):
    return f"'{query}' khớp với nhiều {what}: {listing}. Hãy gõ cụ thể hơn hoặc dùng mã."


def did_you_mean(names):
    return f" Có phải: {', '.join(names)}?"


def not_found(what, query, suggestion):
    return f"không tìm thấy {what} '{query}'.{suggestion}"


# --- the operating system (oserr.py) -----------------------------------------------------------
OS_ERRORS = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.ENOTDIR: "một phần của đường dẫn là tệp chứ không phải thư mục",
    errno.EISDIR: "đây là thư mục chứ không phải tệp",
    errno.EEXIST: "đã có tệp hoặc thư mục cùng tên",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.ELOOP: "liên kết tượng trưng (symlink) vòng quanh",
    errno.EIO: "lỗi đọc ghi của ổ đĩa",
    errno.EBUSY: "tệp hoặc thư mục đang bận",
    errno.EMFILE: "đang mở quá nhiều tệp",
    errno.ENFILE: "đang mở quá nhiều tệp",
    errno.EINVAL: "tên hoặc giá trị không hợp lệ",
    errno.ENOEXEC: "không phải chương trình chạy được",
}
for _name, _word in (("EDQUOT", "vượt hạn mức dung lượng"), ("ETXTBSY", "tệp đang được dùng"),
                     ("EFBIG", "tệp vượt quá kích thước cho phép")):
    if hasattr(errno, _name):
        OS_ERRORS[getattr(errno, _name)] = _word
OS_ERROR = "lỗi của hệ điều hành"


def os_error(symbol):
    return f"lỗi của hệ điều hành ({symbol})"


# --- YAML (yamltext.py) ------------------------------------------------------------------------
# libyaml's problem (English, a part of it) and what a clerk reads instead.
YAML_PROBLEMS = [
    ("did not find expected key", "thiếu khóa hoặc thụt lề sai"),
    ("did not find expected ','", "thiếu dấu phẩy hoặc dấu đóng ngoặc"),
    ("did not find expected '-'", "thụt lề sai trong danh sách"),
    ("mapping values are not allowed", "dấu hai chấm đặt sai chỗ (viết giá trị có dấu ':' trong ngoặc kép)"),
    ("found character that cannot start any token", "ký tự không được đứng đầu giá trị (thử đặt giá trị trong ngoặc kép)"),
    ("found undefined alias", "bí danh (alias) chưa được định nghĩa"),
    ("found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu đóng ngoặc kép?)"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau khóa"),
    ("found a tab character", "dùng phím Tab để thụt lề (hãy dùng dấu cách)"),
    ("control characters are not allowed", "tệp có ký tự điều khiển không được phép"),
    ("invalid leading UTF-8 octet", "tệp không phải mã UTF-8"),
    ("invalid trailing UTF-8 octet", "tệp không phải mã UTF-8"),
    ("expected <block end>", "thụt lề không khớp"),
    ("expected a single document", "tệp chỉ được chứa một tài liệu YAML"),
]
UNREADABLE_STRUCTURE = "cấu trúc không đọc được"
YAML_SYNTAX = "cú pháp YAML sai"
FILE_TOO_LARGE = "tệp quá lớn (hơn 2 MB)"
SECOND_DOCUMENT = "tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thứ hai)"
ALIAS_TOO_LARGE = "bí danh (alias) mở rộng ra quá nhiều mục"
TOO_MANY_ITEMS = "tệp có quá nhiều mục"
KEY_NOT_A_WORD = "khóa phải là một từ, không phải danh sách hay bảng"
MERGE_KEY = "không dùng khóa gộp '<<' trong tệp dữ liệu"


def yaml_syntax_at(column, problem):
    return f"cú pháp YAML sai ở cột {column}: {problem}"


def control_char_at(char, column):
    return f"tệp chứa ký tự điều khiển không được phép (mã U+{ord(char):04X}) ở cột {column}"


def too_deep(depth):
    return f"tệp lồng quá sâu (hơn {depth} cấp); tệp bị từ chối"


def over_limit(what, limit):
    return f"{what} (hơn {limit}); tệp bị từ chối"


def tag_not_allowed(tag):
    return f"thẻ YAML không được phép: {tag}"


def alias_to_itself(anchor):
    return f"bí danh '*{anchor}' tự tham chiếu vào chính nó"


def undefined_alias(anchor):
    return f"bí danh (alias) '*{anchor}' chưa được định nghĩa"


def duplicate_key(key):
    return f"khóa '{key}' bị lặp lại"


# --- the schema of the data files (schema.py) --------------------------------------------------
# What an item of each file is called in a message.
RECORD_NAMES = {
    "unit": "đơn vị",
    "person": "người",
    "assignment": "phân công",
    "visit": "chuyến đi",
    "submission": "báo cáo đã nộp",
}
SECTION_NAMES = {"work": "work (đi công tác cơ sở)", "meeting": "meeting (dự sinh hoạt chi bộ)"}
EMPTY_CONFIG = "duk.yaml trống: cần ít nhất organization.name"
EMPTY_VISIT = "tệp chuyến đi trống"
NO_PART = f"chuyến đi phải có ít nhất một phần: {SECTION_NAMES['work']} hoặc {SECTION_NAMES['meeting']}"
UNITS_NOT_A_LIST = "'units' phải là danh sách mã đơn vị, ví dụ [db-so-y-te]"


def not_a_mapping(what):
    return f"{what} phải là một bảng khóa: giá trị"


def unknown_key(key, what, allowed):
    return f"khóa lạ '{key}' trong {what} (các khóa được dùng: {', '.join(allowed)})"


def missing_key(what, key):
    return f"{what} thiếu khóa bắt buộc '{key}'"


def empty_required_key(what, key):
    return f"{what}: khóa bắt buộc '{key}' chưa có giá trị"


def not_text(key):
    return f"'{key}' phải là một đoạn chữ"


def control_char_in(key, char):
    return f"'{key}' chứa ký tự điều khiển không được phép (mã U+{ord(char):04X})"


def text_too_long(key, limit):
    return f"'{key}' dài quá {limit} ký tự"


def not_one_line(key):
    return f"'{key}' phải nằm trên một dòng"


def bad_id(value):
    return (f"mã '{value}' không hợp lệ: chỉ chữ thường không dấu, số và "
            "dấu gạch nối (ví dụ nguyen-thi-lan), tối đa 64 ký tự")


def bad_unit_id(unit):
    return f"mã đơn vị '{unit}' không hợp lệ"


def value_not_allowed(key, value, allowed):
    return f"'{key}' không nhận giá trị '{value}' (chỉ nhận: {', '.join(allowed)})"


def not_integer_between(key, lo, hi):
    return f"'{key}' phải là số nguyên từ {lo} đến {hi}"


def start_after_end(start, end):
    return f"ngày bắt đầu {start:%d/%m/%Y} sau ngày kết thúc {end:%d/%m/%Y}"


def file_not_a_list(what):
    return f"tệp {what} phải là một danh sách (mỗi mục bắt đầu bằng '- ')"


def placeholder_left(field):
    return (f"'{field}' vẫn còn '...' do duk init ghi sẵn: hãy điền nội dung thật "
            f"(báo cáo và tổng hợp không in tiêu đề còn '...')")


def period_not_a_quarter(raw):
    return f"'period' phải là một quý, ví dụ 2019Q2 (đang là '{raw}')"


# --- duk.yaml's defaults (model.py) ------------------------------------------------------------
DEFAULT_REGULATION = "Quy định số 08-QĐ/ĐUK ngày 25/4/2019 của Ban Thường vụ Đảng ủy Khối"
