"""The catalogue of the words a user reads. This package is the one place they are written;
its modules are named for the part of duk that says them. The shared ones stay here:
the words a user reads that more than one place says: status words, role and rating
names, table headings and the messages repeated across modules — one definition each, so
that the terminal, CSV, JSON-adjacent text and the Word documents cannot drift apart.

Check codes have their own registry, codes.py. tests/test_catalogue.py fails on a Vietnamese
literal anywhere else in dukcli/.
"""

from __future__ import annotations

import datetime as dt

# --- Article 4 --------------------------------------------------------------------------------
STATUS = {
    "dat": "Đạt",
    "chua-dat": "Chưa đạt",
    "dang-thuc-hien": "Đang thực hiện",
    "dung-tien-do": "Đúng tiến độ",
    "cham-tien-do": "Chậm tiến độ",
    "khong-ap-dung": "Không áp dụng",
}
MONTH_MARKS = {"met": "✓", "missed": "✗", "pending": "…", "not-required": "–"}
MONTH_STATES = {"met": "Đạt", "missed": "Thiếu", "pending": "Chưa hết tháng", "not-required": "Không yêu cầu"}

# --- Article 6.1 -----------------------------------------------------------------------------
REPORTS = {"dung-han": "Đúng hạn", "tre-han": "Trễ hạn", "chua-nop": "Chưa nộp", "chua-den-han": "Chưa đến hạn"}
OVERALL = {"hoan-thanh": "Hoàn thành", "chua-hoan-thanh": "Chưa hoàn thành", "dang-thuc-hien": STATUS["dang-thuc-hien"]}

# --- records ---------------------------------------------------------------------------------
ROLES = {"phu-trach": "Ủy viên Ban Thường vụ phụ trách", "theo-doi": "Cán bộ, chuyên viên theo dõi"}
RATINGS = {"tot": "Tốt", "kha": "Khá", "trung-binh": "Trung bình", "kem": "Kém"}
UNIT_TYPES = {"chi-bo-co-so": "chi bộ cơ sở", "dang-bo-co-so": "đảng bộ cơ sở", "chi-bo-truc-thuoc": "chi bộ trực thuộc"}
PARTS = {"work": "công tác", "meeting": "sinh hoạt"}

# --- table headings said by more than one table ------------------------------------------------
MONTHS_REQUIRED = "Số tháng phải đi"
EXPECTED_BY_END = "Cần đến hết kỳ"
ARTICLE4_RESULT = "Kết quả Điều 4"

# --- messages ---------------------------------------------------------------------------------
CANCELLED = "\nĐã hủy; không có gì được ghi."
NOTHING_WRITTEN = "Không có gì được ghi"
NOT_REGULAR_FILE = "không phải tệp thông thường"


def month_label(year: int, month: int) -> str:
    return f"Tháng {month}/{year}"


def unknown_person(person: str) -> str:
    return f"không có người '{person}' trong people.yaml"


def unknown_unit(unit: str) -> str:
    return f"không có đơn vị '{unit}' trong units.yaml"


def future_date(day: dt.date, today: dt.date) -> str:
    from dukcli.dates import fmt  # here, not at the top: dates itself reads the catalogue

    return f"ngày {fmt(day)} còn ở tương lai (hôm nay là {fmt(today)})"
