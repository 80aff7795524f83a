"""Words of `duk proposals`, `duk respond` and agenda's section on proposals left open (SPEC §7).
The status and field names are words/voice's (shared with check, the documents and the web)."""

from __future__ import annotations

import datetime as dt

from dukcli.dates import fmt

# --- duk proposals: options ---------------------------------------------------------------
OPEN_HELP = "Chỉ các đề xuất chưa trả lời, chưa giải quyết (mới hoặc đã chuyển)."
OLDER_THAN_HELP = "Chỉ các đề xuất đã nêu quá số ngày này (tính đến --as-of)."
GROUP_HELP = "Gộp các đề xuất cùng nội dung (so gần đúng, không phân biệt hoa thường, dấu, dấu câu)."
UNIT_HELP = "Đơn vị nêu đề xuất (một đảng bộ gồm cả các chi bộ trực thuộc)."

# --- duk proposals: the list --------------------------------------------------------------
KEY = "Mã"
DATE = "Ngày nêu"
UNIT = "Đơn vị"
PERSON = "Cán bộ ghi nhận"
FIELD = "Mục"
TEXT = "Nội dung"
STATUS = "Trạng thái"
AGE = "Số ngày"
LAST = "Bước xử lý gần nhất"
LAST_DATE = "Ngày xử lý"
LAST_BY = "Nơi xử lý"
LAST_TEXT = "Nội dung xử lý"
ID = "Mã đầy đủ"
LIST_COLUMNS = ("TT", KEY, DATE, UNIT, PERSON, TEXT, STATUS, AGE, LAST)
CSV_HEADER = [KEY, DATE, UNIT, PERSON, FIELD, TEXT, STATUS, AGE, LAST_DATE, LAST_BY, LAST_TEXT, ID]
NO_PROPOSALS = "Không có đề xuất nào."
SHEET = "Đề xuất"

# --- duk proposals --group ------------------------------------------------------------------
WORDING = "Nội dung (cách nêu nhiều nhất)"
UNIT_COUNT = "Số đơn vị"
COUNT = "Số đề xuất"
UNITS = "Các đơn vị nêu"
KEYS = "Các mã"
GROUP_COLUMNS = ("TT", WORDING, UNIT_COUNT, COUNT, UNITS, KEYS)
GROUP_CSV_HEADER = [WORDING, UNIT_COUNT, COUNT, UNITS, KEYS]
GROUP_SHEET = "Đề xuất gộp"


def list_title(period: str, day: dt.date) -> str:
    return f"Đề xuất, kiến nghị của cơ sở — {period} (tính đến ngày {fmt(day)})"


def group_title(period: str, day: dt.date) -> str:
    return f"Đề xuất, kiến nghị của cơ sở gộp theo nội dung — {period} (tính đến ngày {fmt(day)})"


def age_days(days: int) -> str:
    return f"{days} ngày"


def last_step(status: str, day: dt.date, by: str | None) -> str:
    return f"{status} ngày {fmt(day)}" + (f" ({by})" if by else "")


def list_total(count: int, still_open: int) -> str:
    return f"Tổng số: {count} đề xuất, {still_open} chưa trả lời hoặc chưa giải quyết."


def group_total(groups: int, count: int, recurring: int) -> str:
    return f"Tổng số: {count} đề xuất, {groups} nội dung; {recurring} nội dung do từ hai đơn vị trở lên nêu."


# --- duk respond ----------------------------------------------------------------------------
ITEM_METAVAR = "MÃ_ĐỀ_XUẤT"
ITEM_HELP = "Mã ngắn (6 ký tự, như trong duk proposals) hoặc mã đầy đủ NĂM/THÁNG/tệp#trường của đề xuất."
STATUS_HELP = "Bước xử lý: da-chuyen (đã chuyển), da-tra-loi (đã trả lời), da-giai-quyet (đã giải quyết)."
BY_HELP = "Nơi, người xử lý (không bắt buộc)."
TEXT_HELP = "Nội dung bước xử lý (bắt buộc)."
DATE_HELP = "Ngày của bước xử lý (DD/MM/YYYY, YYYY-MM-DD, hôm nay; mặc định: hôm nay)."
NO_COMMIT_HELP = "Không lưu vào git."
NEEDS_STATUS = "Thiếu --status: da-chuyen, da-tra-loi hoặc da-giai-quyet."
NEEDS_TEXT = "Thiếu --text: nội dung của bước xử lý."


def unknown_key(token: str) -> str:
    return f"Không có đề xuất nào mang mã '{token}' (xem các mã bằng: duk proposals)."


def not_an_item(token: str) -> str:
    return (f"'{token}' không phải mã một đề xuất: cần mã ngắn 6 ký tự hoặc mã đầy đủ "
            f"NĂM/THÁNG/tên-tệp-chuyến-đi#trường.")


def ambiguous_key(token: str, ids: list[str]) -> str:
    listed = "\n".join(f"  {i}" for i in ids)
    return f"Mã '{token}' ứng với {len(ids)} đề xuất; hãy dùng mã đầy đủ:\n{listed}"


def step_commit(key: str, status: str, day: dt.date) -> str:
    return f"Ghi bước xử lý đề xuất {key}: {status} ngày {fmt(day)}"


def step_recorded(key: str, status: str, day: dt.date, rel: str) -> str:
    return f"Đã ghi bước xử lý đề xuất {key} ({status}, ngày {fmt(day)}) vào {rel}."


# --- agenda: proposals left open ---------------------------------------------------------------
def open_title(days: int) -> str:
    return f"4. Đề xuất, kiến nghị chưa trả lời, chưa giải quyết quá {days} ngày"


OPEN_COLUMNS = ("TT", KEY, DATE, UNIT, PERSON, AGE, TEXT)


def more_open(count: int, days: int) -> str:
    return (f"… và {count} đề xuất khác (xem đầy đủ: duk agenda --format json, "
            f"hoặc duk proposals --open --older-than {days} cho từng kỳ).")
