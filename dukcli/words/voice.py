"""Words of the grassroots voice (SPEC §7): Article 5.2 statements, proposals and their steps.
The words shared by the commands, the documents, check and the web page."""

from __future__ import annotations

FEEDBACK_KINDS = {"nhan-xet": "Nhận xét, đánh giá", "gop-y-phan-cong": "Góp ý về việc phân công"}
FEEDBACK_RATINGS = {"tot": "Tốt", "kha": "Khá", "trung-binh": "Trung bình", "kem": "Kém"}
# A proposal's status: "moi" until a step is recorded, then the latest step's.
STATUSES = {"moi": "Mới", "da-chuyen": "Đã chuyển", "da-tra-loi": "Đã trả lời", "da-giai-quyet": "Đã giải quyết"}
PROPOSAL_FIELDS = {"work.proposals": "Đề xuất, kiến nghị (I.4)",
                   "meeting.requests": "Đề nghị của chi bộ (II.6)",
                   "meeting.proposals": "Đề xuất, kiến nghị (II.7)"}
RECORD_FEEDBACK = "ý kiến của cấp ủy cơ sở"
RECORD_RESPONSE = "bước xử lý đề xuất"


def person_required_for(kind: str) -> str:
    return f"'person' là bắt buộc khi kind là {kind} (nhận xét, đánh giá một cán bộ)"


def bad_item(item: str) -> str:
    return (f"'item' '{item}' không phải mã một đề xuất: cần dạng NĂM/THÁNG/tên-tệp-chuyến-đi#trường, "
            f"trường là một trong {', '.join(PROPOSAL_FIELDS)}")


def unknown_item(item: str) -> str:
    return f"'item' '{item}' không chỉ tới đề xuất nào: không có chuyến đi này hoặc trường này trống"


def response_before_visit(day, visit_day) -> str:
    return f"ngày {day:%d/%m/%Y} của bước xử lý trước ngày {visit_day:%d/%m/%Y} của chuyến đi nêu đề xuất"
