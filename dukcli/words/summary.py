"""Words of the compiled report's analysis of the grassroots voice (part V, its annex, the base
committees' feedback), of the Inspection Committee's report (`summary --by ubkt`, Article 6.3)
and the default names of the two bodies of duk.yaml `bodies:`."""

from __future__ import annotations

import datetime as dt

from dukcli.dates import fmt
from dukcli.words import documents as DW

# --- duk.yaml bodies: the Đảng ủy Khối's own names, the defaults ----------------------------------
ORGANISATION_NAME = "BAN TỔ CHỨC"
ORGANISATION_SHORT = "BTC"
ORGANISATION_FOR = "T/M BAN TỔ CHỨC"
ORGANISATION_TITLE = "TRƯỞNG BAN"
INSPECTION_NAME = "ỦY BAN KIỂM TRA"
INSPECTION_SHORT = "UBKT"
INSPECTION_FOR = "T/M ỦY BAN KIỂM TRA"
INSPECTION_TITLE = "CHỦ NHIỆM"

# --- summary part V: the grassroots' issues as analysis -------------------------------------------


def proposals_count(total: int, answered: int, still_open: int, overdue: int, days: int) -> str:
    return (f"Trong kỳ, các đồng chí đi cơ sở ghi nhận {total} kiến nghị, đề xuất của cơ sở; "
            f"đến cuối kỳ đã trả lời, giải quyết {answered}/{total}, còn {still_open} chưa trả lời "
            f"(trong đó {overdue} kiến nghị quá {days} ngày).")


def recurring_head(number: int, wording: str) -> str:
    return f"{number}. {wording}"


def raised_by(times: int, count: int, units: str) -> str:
    return f"{times} lượt, {count} đơn vị cùng nêu: {units}."


def unit_on(unit: str, day: dt.date) -> str:
    return f"{unit} ({fmt(day)})"


def answered_item(text: str, units: list[str]) -> str:
    """text: a proposal's wording; units: who raised it, with the day (unit_on)."""
    return f"{text} – {', '.join(units)}."


def answer_line(status: str, day: dt.date, by: str | None, text: str) -> str:
    """status: the step's word (Đã trả lời, Đã giải quyết)."""
    who = f", {by}" if by else ""
    said = f": {text}" if text else "."
    return f"{status} ngày {fmt(day)}{who}{said}"

def annex_note(subtitle: str) -> str:
    """subtitle: the report's, with its period ("Kết quả … quý II năm 2019")."""
    return f"(Kèm theo Báo cáo {subtitle[:1].lower()}{subtitle[1:]}; ghi nguyên văn theo báo cáo của các đồng chí đi cơ sở)"


# --- the base committees' feedback (Article 5.2) -------------------------------------------------


def feedback_head(person: str, count: int, ratings: str) -> str:
    rated = f"; xếp loại: {ratings}" if ratings else ""
    return f"Đồng chí {person}: {count} ý kiến nhận xét{rated}."


def feedback_line(day: dt.date, who: str, rating: str | None) -> str:
    """who: the unit and its signer, as rules/summary.signed_by says them."""
    graded = f" (xếp loại {rating})" if rating else ""
    return f"{who}, ngày {fmt(day)}{graded}:"


def assignment_comment(day: dt.date, who: str, person: str | None) -> str:
    """person: the cadre the comment names, when it names one."""
    about = f" (về đồng chí {person})" if person else ""
    return f"{who}, ngày {fmt(day)}{about}:"


# --- summary --by ubkt (Article 6.3) ---------------------------------------------------------------
def ubkt_subtitle(period: str) -> str:
    return f"Kết quả kiểm tra, giám sát việc thực hiện quy định đi công tác cơ sở và dự sinh hoạt chi bộ {period}"


def ubkt_intro(regulation: str, period: str, as_of: dt.date) -> str:
    return (f"Thực hiện Điều 6 {regulation}, Ủy ban Kiểm tra Đảng ủy Khối chủ trì, phối hợp với Ban Tổ chức "
            f"Đảng ủy Khối đôn đốc, kiểm tra, giám sát việc thực hiện Quy định trong {period} "
            f"(số liệu tính đến ngày {fmt(as_of)}) và báo cáo như sau:")


def ubkt_overview(people: int, short_quota: int, short_reports: int, open_count: int, days: int) -> str:
    return (f"Trong kỳ có {people} đồng chí được phân công phụ trách, theo dõi cơ sở; {short_quota} đồng chí "
            f"chưa thực hiện đủ định kỳ đi cơ sở, dự sinh hoạt chi bộ theo Điều 4; {short_reports} đồng chí "
            f"chưa thực hiện đúng chế độ báo cáo theo Điều 6.1; {open_count} kiến nghị của cơ sở quá "
            f"{days} ngày chưa được trả lời.")


def report_late(name: str, quarter: str, received: dt.date, days: int) -> str:
    return f"Đồng chí {name}: báo cáo {quarter} nộp ngày {fmt(received)}, trễ hạn {days} ngày."


def report_missing(name: str, quarter: str, due: dt.date, days: int) -> str:
    return f"Đồng chí {name}: chưa nộp báo cáo {quarter} (hạn {fmt(due)}, quá hạn {days} ngày)."


def open_by_person(name: str, count: int, oldest: int) -> str:
    return f"Đồng chí {name}: {count} kiến nghị do đồng chí ghi nhận chưa được trả lời (lâu nhất {oldest} ngày)."


UBKT_PROPOSAL = ("Đề nghị Ban Thường vụ Đảng ủy Khối nhắc nhở các đồng chí chưa thực hiện đủ định kỳ đi cơ sở, "
                 "dự sinh hoạt chi bộ và chế độ báo cáo; yêu cầu các đồng chí có tên trên rút kinh nghiệm, "
                 "khắc phục trong kỳ tới; chỉ đạo các cơ quan tham mưu, giúp việc trả lời dứt điểm các kiến nghị "
                 "của cơ sở còn tồn đọng.")
UBKT_ALL_MET = "Các đồng chí được phân công đều thực hiện đủ định kỳ và chế độ báo cáo trong kỳ."
UBKT_RECIPIENTS = (DW.RECIPIENTS[0], "- Ban Tổ chức Đảng ủy Khối,", "- Lưu Ủy ban Kiểm tra.")
UBKT_PERIODS = "6 tháng, 9 tháng hoặc cả năm"


def ubkt_not_quarter(label: str) -> str:
    return (f"--by ubkt: báo cáo của Ủy ban Kiểm tra làm theo kỳ {UBKT_PERIODS} (Điều 6.3), "
            f"không làm cho {label}; dùng ví dụ -p 2019H1, -p 2019-9M hoặc -p 2019.")


def ubkt_written(label: str, path: str) -> str:
    return f"Đã ghi báo cáo của Ủy ban Kiểm tra {label}: {path}"


BY_HELP = "Báo cáo của ai: btc (Ban Tổ chức, mặc định, Điều 6.2) hoặc ubkt (Ủy ban Kiểm tra, Điều 6.3)."

# --- sample contexts (duk template check) ----------------------------------------------------------
SAMPLE_PROPOSAL = "Đề nghị hướng dẫn mẫu"
SAMPLE_ANSWER = "Đã trả lời mẫu"
SAMPLE_FEEDBACK = "Nhận xét mẫu"
SAMPLE_COMMENT = "Góp ý phân công mẫu"


def more_open(count: int, days: int) -> str:
    return (f"… và {count} kiến nghị khác quá {days} ngày chưa được trả lời (danh sách đầy đủ: "
            f"duk proposals --open --older-than {days})")
