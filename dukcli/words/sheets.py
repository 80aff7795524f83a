"""The words of the Excel sheets (`--format xlsx -o FILE.xlsx`, render/xlsx.py): the option's
help and usage errors, the tab names, the headings only a sheet has, the page footer."""

from __future__ import annotations

# --- the options -------------------------------------------------------------------------------
FORMAT_HELP = "Định dạng: table (bảng), csv, json hoặc xlsx (tệp Excel, cần -o TỆP.xlsx)."
FORMAT_AGENDA_HELP = "Định dạng: table, json hoặc xlsx (tệp Excel, cần -o TỆP.xlsx)."
OUTPUT_HELP = "Tệp Excel (.xlsx) sẽ ghi khi dùng --format xlsx."
FORCE_HELP = "Cho phép ghi đè tệp .xlsx đã có."
FORCE_AGENDA_HELP = "Cho phép ghi đè tệp .ics hoặc .xlsx đã có."
NEEDS_OUTPUT = "--format xlsx cần -o TỆP.xlsx: bảng Excel được ghi vào tệp, không in ra màn hình."
OUTPUT_NEEDS_XLSX = "-o chỉ dùng với --format xlsx (bảng, csv và json được in ra màn hình)."


def written(path: str, sheets: int) -> str:
    return f"Đã ghi {path}" + (f" ({sheets} trang tính)." if sheets > 1 else ".")


# --- the sheets ---------------------------------------------------------------------------------
NO = "TT"
PAGE_FOOTER = "Trang &P/&N"
VISITS_SHEET = "Chuyến đi"
PHU_TRACH_SHEET = "Phụ trách"
THEO_DOI_SHEET = "Theo dõi"
STATUS_SHEET = "Báo cáo quý"
SCORECARD_SHEET = "Đánh giá năm"
VISITS_DUE_SHEET = "Chưa đi cơ sở"
BEHIND_SHEET = "Chậm tiến độ"
REPORTS_DUE_SHEET = "Báo cáo đến hạn"
OPEN_PROPOSALS_SHEET = "Đề xuất quá hạn"
RATING = "Xếp loại sinh hoạt"
DAYS_LATE = "Số ngày trễ"
VISITS_IN_PERIOD = "Số lần trong kỳ"
VISITS_COUNT = "Số lần"
DAYS_LEFT = "Còn lại (ngày)"
QUOTA_LEGEND = "Ký hiệu mỗi tháng: ✓ đạt, ✗ thiếu, … chưa hết tháng, – không yêu cầu; số là số lần đi trong tháng."
PAST_MEETING = "Ngày sinh hoạt tô xám: buổi sinh hoạt của tháng này đã qua."
