"""The words of the commands that keep the lists (people, units, assignments) and correct
records: what a change will do, the question before it, what was written."""

from __future__ import annotations

CHANGE_HEADING = "Thay đổi sẽ ghi:"
DRY_RUN = "Chạy thử (--dry-run): không có gì được ghi."
CONFIRM = "Ghi thay đổi này?"
CANCELLED = "Đã hủy: không có gì được ghi."
NO_CHANGE = "Không có gì thay đổi."
YES_HELP = "Không hỏi lại trước khi ghi."
DRY_RUN_HELP = "Chỉ cho xem thay đổi, không ghi."


def change_refused(count: int) -> str:
    return f"thay đổi này làm danh sách có {count} lỗi; không có gì được ghi"


def written(rels: list[str]) -> str:
    return "Đã ghi: " + ", ".join(rels)
