"""Words of `duk feedback` (Article 5.2): adding a statement, the listing, the request form
("Phiếu xin ý kiến nhận xét") and the scorecard's column. The kind and rating names are the
shared ones of words/voice."""

from __future__ import annotations

# --- the command's help ---------------------------------------------------------------------
APP_HELP = ("Ý kiến nhận xét, đánh giá của cấp ủy cơ sở về cán bộ được phân công và góp ý về việc "
            "phân công (Điều 5.2): liệt kê, ghi thêm, in phiếu xin ý kiến.")
ADD_UNIT_HELP = "Cấp ủy cơ sở cho ý kiến: mã hoặc một phần tên đơn vị, không cần dấu (ví dụ: tai chinh)."
ADD_PERSON_HELP = ("Cán bộ được nhận xét: mã hoặc một phần họ tên (bắt buộc với --kind nhan-xet; "
                   "bỏ trống khi góp ý về việc phân công).")
ADD_DATE_HELP = "Ngày của ý kiến (DD/MM/YYYY, YYYY-MM-DD, hôm nay)."
KIND_HELP = "Loại ý kiến: nhan-xet (nhận xét, đánh giá cán bộ) hoặc gop-y-phan-cong (góp ý về việc phân công)."
RATING_HELP = "Xếp loại (không bắt buộc): tot, kha, trung-binh, kem."
BY_HELP = "Người ký ý kiến (không bắt buộc), ví dụ: Bí thư Đảng ủy Sở Y tế."
TEXT_HELP = "Nội dung ý kiến."
NO_COMMIT_HELP = "Không lưu vào git."
FORM_UNIT_HELP = "Đơn vị (cấp ủy cơ sở) được gửi phiếu: mã hoặc một phần tên, không cần dấu."
FORM_OUTPUT_HELP = "Tệp .docx sẽ ghi (mặc định: phieu-xin-y-kien-<đơn vị>-<kỳ>.docx)."
FORM_DATE_HELP = "Ngày ghi trên phiếu (DD/MM/YYYY, YYYY-MM-DD; mặc định: hôm nay)."

# --- duk feedback add -----------------------------------------------------------------------
RECORD_WORD = "ý kiến"


def person_needed(kind: str) -> str:
    return (f"--person: ý kiến loại {kind} (nhận xét, đánh giá) phải nói về một cán bộ; "
            f"cho --person, hoặc dùng --kind gop-y-phan-cong để góp ý về việc phân công")


def refused(count: int) -> str:
    return f"không ghi ý kiến: {count} lỗi, chưa ghi gì vào thư mục dữ liệu"


def commit_message(unit_name: str, day, about: str | None) -> str:
    from dukcli.dates import fmt

    subject = f"về {about}" if about else "về việc phân công"
    return f"Ý kiến của {unit_name} ngày {fmt(day)} {subject}"


def recorded(rel: str, unit_name: str, kind_name: str, about: str | None, day) -> str:
    from dukcli.dates import fmt

    who = f" — {about}" if about else ""
    return f"Đã ghi ý kiến của {unit_name} ({kind_name}{who}, ngày {fmt(day)}) vào {rel}"


# --- duk feedback (the listing) -------------------------------------------------------------
DATE = "Ngày"
UNIT = "Đơn vị"
UNIT_CODE = "Mã đơn vị"
PERSON = "Cán bộ"
PERSON_CODE = "Mã người"
KIND = "Loại ý kiến"
RATING = "Xếp loại"
BY = "Người ký"
TEXT = "Nội dung"
FILE = "Tệp"
COLUMNS = ("TT", DATE, UNIT, PERSON, KIND, RATING, BY, TEXT, FILE)
CSV_HEADER = [DATE, UNIT, UNIT_CODE, PERSON, PERSON_CODE, KIND, RATING, BY, TEXT, FILE]
ABOUT_ASSIGNMENT = "(việc phân công)"
SHEET = "Ý kiến cơ sở"
NO_FEEDBACK = "Không có ý kiến nào của cấp ủy cơ sở trong kỳ."


def title(period_label: str) -> str:
    return f"Ý kiến nhận xét của cấp ủy cơ sở — {period_label}"


def totals(count: int, assessed: int, units: int) -> str:
    return f"Tổng: {count} ý kiến của {units} cấp ủy cơ sở, {assessed} ý kiến nhận xét, đánh giá cán bộ."


# --- the scorecard's column -----------------------------------------------------------------
SCORECARD_COLUMN = "Ý kiến cơ sở"


def received(count: int, ratings: list[tuple[str, int]]) -> str:
    """'2 (Tốt 1, Khá 1)'; '1' when none of them carries a rating."""
    if not ratings:
        return str(count)
    return f"{count} ({', '.join(f'{word} {n}' for word, n in ratings)})"


# --- duk feedback form ----------------------------------------------------------------------
FORM_TITLE = "PHIẾU XIN Ý KIẾN NHẬN XÉT"
FORM_SUBTITLE = "Về cán bộ được phân công đi công tác cơ sở và dự sinh hoạt chi bộ"
PART_CADRES = "I. NHẬN XÉT, ĐÁNH GIÁ CÁN BỘ ĐƯỢC PHÂN CÔNG"
PART_ASSIGNMENT = "II. GÓP Ý VỀ VIỆC PHÂN CÔNG CÁN BỘ ĐI CƠ SỞ"
ASSIGNMENT_PROMPT = ("Ý kiến của cấp ủy về việc phân công cán bộ đi công tác cơ sở, dự sinh hoạt chi bộ "
                     "(số lượng, thành phần, tần suất, đề xuất thay đổi):")
VISITS_HEADING = "Các lần đến đơn vị trong kỳ:"
ASSESSMENT_PROMPT = "Nhận xét, đánh giá của cấp ủy:"
RATING_PROMPT = "Xếp loại (đánh dấu X vào một ô):"
BOX = "□"
NO_VISITS = "Chưa có lần nào đến đơn vị trong kỳ."
NO_CADRES = "Trong kỳ không có cán bộ nào được phân công theo dõi, phụ trách đơn vị."
WORK = "đi công tác cơ sở"
MEETING = "dự sinh hoạt chi bộ"
BOTH = "đi công tác cơ sở và dự sinh hoạt chi bộ"
REPLY_FOR_BRANCH = "T/M CHI ỦY"
REPLY_FOR_COMMITTEE = "T/M ĐẢNG ỦY"
REPLY_TITLE = "BÍ THƯ"
SIGN_NOTE = "(Ký, ghi rõ họ và tên)"
RETURN_NOTE = ("Đề nghị cấp ủy cho ý kiến vào phiếu, ký tên, đóng dấu và gửi lại về cơ quan "
               "đã gửi phiếu trước ngày ……/……/………")


def addressee(unit_name: str) -> str:
    return f"Kính gửi: Cấp ủy {unit_name}"


def opening(regulation: str, period_phrase: str) -> str:
    return (f"Thực hiện khoản 2 Điều 5 {regulation}, đề nghị cấp ủy cho ý kiến nhận xét, đánh giá "
            f"các đồng chí được phân công đi công tác cơ sở và dự sinh hoạt chi bộ tại đơn vị "
            f"trong {period_phrase}, và góp ý về việc phân công, cụ thể như sau:")


def cadre_heading(no: int, name: str) -> str:
    return f"{no}. Đồng chí {name}"


def position(text: str) -> str:
    return f"Chức vụ: {text}"


def role_line(roles: str) -> str:
    return f"Nhiệm vụ được phân công: {roles}"


def since(day) -> str:
    from dukcli.dates import fmt

    return f"từ\u00a0{fmt(day)}"


def until(day) -> str:
    from dukcli.dates import fmt

    return f"đến\u00a0{fmt(day)}"


def at_unit(unit_name: str) -> str:
    return f"tại {unit_name}"


def form_written(path: str, unit_name: str, period_label: str, cadres: int, visits: int) -> str:
    return f"Đã ghi {path} ({unit_name}, {period_label}: {cadres} cán bộ, {visits} lượt đến đơn vị)"


def no_one_assigned(unit_name: str, period_label: str) -> str:
    return (f"Cảnh báo: {period_label} không có cán bộ nào được phân công theo dõi, phụ trách "
            f"{unit_name}; phiếu chỉ có phần góp ý về việc phân công")


def subtitle_period(period_label: str) -> str:
    return f"({period_label})"


# The sample form of `duk template check` (a realistic request to one unit).
SAMPLE_UNIT = "Chi bộ Sở Mẫu"
SAMPLE_PERSON = "Nguyễn Văn Mẫu"
SAMPLE_POSITION = "Chuyên viên Ban Tổ chức"
