"""The words of duk's commands (dukcli/cli/, dukcli/entry.py): the help of commands and options
and what a command says when it succeeds or refuses. Log-visit's questions are in prompts.py."""

from __future__ import annotations

import datetime as dt

from dukcli import words
from dukcli.dates import fmt

# --- shared options ---------------------------------------------------------------------------
PERIOD_HELP = "Kỳ: 2019Q2, 2019-Q2, Q2, 2019H1, 2019H2, 2019-9M, 2019, 2019-05 (mặc định: quý của --as-of, hoặc quý hiện tại)."
PERIOD_METAVAR = "KỲ"
PERIOD_ARG_HELP = "Kỳ, thay cho --period: 2019Q2, 2019H1, 2019H2, 2019-9M, 2019, 2019-05."
QUARTER_HELP = "Quý: Q1, Q2, Q3, Q4 (dùng với --year)."
YEAR_HELP = "Năm của kỳ (mặc định: năm nay)."
AS_OF_HELP = "Tính đến ngày (DD/MM/YYYY hoặc YYYY-MM-DD; mặc định: hôm nay)."
PERSON_HELP = "Người: mã hoặc một phần họ tên, không cần dấu (ví dụ: lan)."
UNIT_HELP = "Đơn vị: mã hoặc một phần tên, không cần dấu (ví dụ: tai chinh)."
FORMAT_HELP = "Định dạng: table (bảng), csv hoặc json."
FORMAT_TEXT_HELP = "Định dạng: text hoặc json."
FORMAT_AGENDA_HELP = "Định dạng: table hoặc json."
FORCE_HELP = "Cho phép ghi đè tệp đã có."
FOLDER_METAVAR = "THƯ_MỤC"
FILE_METAVAR = "TỆP"

# What a typed name is matched against, in "không có người 'x'" and the like.
PERSON_WORD = "người"
UNIT_WORD = "đơn vị"


# --- the data folder and its checks -----------------------------------------------------------
NO_DATA_FOLDER_GIVEN = "--data: chưa nhập thư mục dữ liệu"


def bad_today(value: str) -> str:
    return f"biến DUK_TODAY='{value}' không phải ngày YYYY-MM-DD"


def more_lines(count: int) -> str:
    return f"… và {count} dòng khác (xem đầy đủ: duk check)"


def warnings_seen_before(count: int) -> str:
    return f"{count} cảnh báo (đã báo ở lần chạy trước); xem đầy đủ: duk check"


def data_has_errors(count: int) -> str:
    return f"dữ liệu có {count} lỗi; hãy sửa rồi chạy lại (kiểm tra bằng: duk check)"


def template_not_regular(name: str, what: str) -> str:
    return (f"mẫu templates/{name} của thư mục dữ liệu là {what}, {words.NOT_REGULAR_FILE}; "
            "duk không mở nó (thay bằng tệp .docx thật hoặc xóa đi)")


def placeholders_left(fields) -> str:
    return (f"duk.yaml còn '...' chưa điền ở {', '.join(fields)}: văn bản không thể in "
            "tiêu đề như vậy. Hãy sửa duk.yaml rồi chạy lại (xem: duk check)")


def period_given_twice(period: str) -> str:
    return f"kỳ '{period}' đã ghi ở đầu lệnh; không ghi thêm --period hay --quarter"


def quarter_only(command: str, label: str) -> str:
    return (f"duk {command} cần một quý (ví dụ --period 2019Q2 hoặc -q Q2 -y 2019), "
            f"không nhận '{label}'")


def warning(text: str) -> str:
    return f"Cảnh báo: {text}"


def saved_to_git(message: str) -> str:
    return f"Đã lưu vào git: {message}"


# --- where a document goes --------------------------------------------------------------------
def wrong_suffix(option: str, suffix: str, name: str) -> str:
    return f"{option}: tệp ghi ra phải có đuôi {suffix} (đang là '{name}')"


def not_in_record_folder(option: str, name: str, folder: str) -> str:
    return (f"{option}: không ghi '{name}' vào thư mục {folder}/ của dữ liệu (nơi đó chỉ chứa bản ghi); "
            f"chọn nơi khác bằng {option} ĐƯỜNG_DẪN")


def file_exists(path) -> str:
    return f"tệp '{path}' đã có; dùng --force để ghi đè"


def file_exists_kept(path) -> str:
    return f"tệp '{path}' đã có; không ghi đè (dùng --force để ghi đè)"


def not_written(path, reason: str) -> str:
    return f"không ghi được tệp '{path}': {reason}"


def output_incomplete(reason: str) -> str:
    return f"Lỗi: không ghi được hết kết quả: {reason}"


def is_a_file(path) -> str:
    return f"'{path}' là một tệp, không phải thư mục"


# --- duk check --------------------------------------------------------------------------------
EXPLAIN_METAVAR = "MÃ"
EXPLAIN_HELP = ("Giải thích một mã lỗi hoặc cảnh báo (ví dụ: duk check --explain schema) và cách sửa; "
                "không kiểm tra dữ liệu.")
DATA_VALID = "Dữ liệu hợp lệ: không có lỗi, không có cảnh báo."
HOW_TO_FIX = "Cách sửa:"


def check_totals(errors: int, warnings: int) -> str:
    return f"Có {errors} lỗi, {warnings} cảnh báo."


def did_you_mean(code: str) -> str:
    return f" Có phải là '{code}'?"


def unknown_code(name: str, hint: str, codes) -> str:
    return f"--explain: không có mã '{name}'.{hint} Các mã: {', '.join(codes)}"


# --- duk init ---------------------------------------------------------------------------------
INIT_FOLDER_HELP = "Thư mục dữ liệu mới (tạo nếu chưa có)."
INIT_NAME_HELP = "Tên cơ quan ban hành, dòng thứ hai của tiêu đề văn bản (ví dụ: ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH)."
INIT_PARENT_HELP = "Cơ quan cấp trên, dòng thứ nhất của tiêu đề văn bản (ví dụ: ĐẢNG BỘ TỈNH HÒA BÌNH)."
INIT_PLACE_HELP = "Địa danh ghi ở dòng ngày tháng (ví dụ: Hòa Bình)."
INIT_COMMIT = "Khởi tạo thư mục dữ liệu duk"
GIT_CREATED = "Kho git đã được tạo với lần ghi đầu tiên."
GIT_NOT_CREATED = "Không tạo kho git (máy chưa có git hoặc git báo lỗi)."
INIT_NEXT = "Bước tiếp theo: sửa duk.yaml, units.yaml, people.yaml, assignments.yaml, rồi chạy: duk check"


def already_data_folder(folder) -> str:
    return f"'{folder}' đã là thư mục dữ liệu (có duk.yaml); không ghi đè"


def data_folder_not_made(folder, reason: str) -> str:
    return f"không tạo được thư mục dữ liệu '{folder}': {reason}"


def data_folder_made(folder) -> str:
    return f"Đã tạo thư mục dữ liệu: {folder}"


# --- duk agenda -------------------------------------------------------------------------------
DAYS_HELP = "Báo cáo đến hạn trong bao nhiêu ngày tới."
ICS_HELP = ("Ghi lịch dự sinh hoạt chi bộ 3 tháng tới ra tệp iCalendar (.ics); một thư mục: "
            "tệp lich-sinh-hoat-<ngày>.ics trong đó.")
FORCE_ICS_HELP = "Cho phép ghi đè tệp .ics đã có."


def meetings_written(count: int, start: dt.date, path: str) -> str:
    return f"Đã ghi {count} buổi sinh hoạt (từ {fmt(start)}, 3 tháng) vào {path}."


# --- duk quota --------------------------------------------------------------------------------
def as_of_before_period(day: dt.date, period: str, start: dt.date) -> str:
    return (f"Cảnh báo: ngày tính {fmt(day)} trước khi {period} bắt đầu ({fmt(start)}): "
            "chưa tháng nào đến hạn, mọi ô đều là 'chưa đến hạn'.")


# --- duk scorecard ----------------------------------------------------------------------------
SCORECARD_YEAR_HELP = "Năm đánh giá."


def bad_year(year: int) -> str:
    return f"--year: năm '{year}' không hợp lệ"


# --- duk summary ------------------------------------------------------------------------------
SUMMARY_OUTPUT_HELP = "Tệp .docx ghi ra (mặc định: tong-hop-<kỳ>.docx)."
SUMMARY_DATE_HELP = "Ngày ghi trên văn bản (mặc định: ngày --as-of nếu có, nếu không: hôm nay)."


def summary_written(period: str, path: str) -> str:
    return f"Đã ghi báo cáo tổng hợp {period}: {path}"


# --- duk report -------------------------------------------------------------------------------
ALL_HELP = "Làm báo cáo cho mọi người có phân công trong kỳ (mỗi người một tệp)."
REPORT_DATE_HELP = "Ngày ghi ở dòng địa danh, ngày tháng (mặc định: hôm nay)."
REPORT_OUTPUT_HELP = "Tệp .docx sẽ ghi (mặc định: bao-cao-<kỳ>-<người>.docx)."
OUT_DIR_HELP = "Thư mục ghi các tệp báo cáo (mặc định: thư mục hiện tại)."
TEMPLATE_HELP = ("Mẫu Word khác (mặc định: templates/report.docx của thư mục dữ liệu, "
                 "nếu có, hoặc mẫu kèm theo duk).")
PERSON_OR_ALL = "cần đúng một trong hai: --person NGƯỜI hoặc --all"
ALL_NEEDS_OUT_DIR = "--all ghi nhiều tệp: dùng --out-dir THƯ_MỤC thay cho -o"


def no_template_file(path) -> str:
    return f"không có tệp mẫu '{path}'"


def nobody_assigned(period: str) -> str:
    return f"không có ai được phân công trong {period}; không có tệp nào được ghi"


def files_exist(names: str) -> str:
    return f"đã có tệp: {names}; không ghi đè (dùng --force để ghi đè)"


def nothing_to_report(name: str, period: str) -> str:
    return (f"{name} không có phân công nào và không có chuyến đi nào trong {period}: "
            "không có gì để báo cáo, không ghi tệp (kiểm tra lại --person và kỳ)")


def report_unassigned(name: str, period: str) -> str:
    return (f"Cảnh báo: {name} không có phân công nào trong {period}; "
            "báo cáo chỉ liệt kê các chuyến đi đã ghi.")


def report_written(path: str, name: str, period: str, count: int) -> str:
    return f"Đã ghi {path} ({name}, {period}, {count} lượt đi cơ sở)"


# --- duk submit -------------------------------------------------------------------------------
SUBMIT_DATE_HELP = ("Ngày nhận báo cáo (DD/MM/YYYY, YYYY-MM-DD, hôm nay). Bỏ trống: hôm nay, "
                    "chỉ khi là quý này hoặc quý trước.")
SUBMIT_NO_COMMIT_HELP = "Không lưu vào git."
SUBMIT_NEEDS_PERSON = "thiếu --person (người nộp báo cáo)"
ON_TIME = "đúng hạn"


def errors_elsewhere(count: int) -> str:
    return f"Cảnh báo: thư mục dữ liệu đang có {count} lỗi ở chỗ khác (xem: duk check)."


def no_assignment_in(name: str, period: str) -> str:
    return f"Cảnh báo: {name} không có phân công nào trong {period}."


def submission_commit(name: str, period: str, day: dt.date) -> str:
    return f"Nhận báo cáo: {name} – {period} – {fmt(day)}"


def already_received(period: str, person: str, rel: str) -> str:
    return f"đã nhận báo cáo {period} của '{person}' ({rel}); không ghi lần thứ hai"


def late_by(days: int) -> str:
    return f"trễ hạn {days} ngày"


def submission_recorded(period: str, name: str, day: dt.date, timeliness: str, due: dt.date) -> str:
    return (f"Đã ghi nhận báo cáo {period} của {name}, nhận ngày {fmt(day)} "
            f"({timeliness}; hạn nộp {fmt(due)}).")


def received_today(day: dt.date) -> str:
    return f"Ngày nhận: hôm nay, {fmt(day)} (muốn ngày khác, dùng --date)."


def past_quarter_needs_date(period: str, year: int) -> str:
    return f"--date: {period} đã qua; hãy ghi rõ ngày nhận báo cáo (ví dụ --date 28/06/{year})"


# --- duk template -----------------------------------------------------------------------------
TEMPLATE_APP_HELP = "Mẫu Word của báo cáo: chép ra để sửa, kiểm tra mẫu đã sửa."
EXPORT_FOLDER_HELP = "Thư mục sẽ nhận bản sao các mẫu (tạo nếu chưa có)."
CHECK_FILE_HELP = "Tệp mẫu .docx cần kiểm tra."
KIND_HELP = ("Loại mẫu: report (báo cáo cá nhân) hoặc summary (báo cáo tổng hợp); "
             "mặc định đoán theo tên tệp.")
TEMPLATE_EDIT_HINT = ("Sửa mẫu trong Word, giữ nguyên các thẻ {{ … }} và {%p … %}; kiểm tra bằng: "
                      "duk template check TỆP; dùng bằng cách đặt vào thư mục templates/ của thư mục dữ liệu "
                      "hoặc: duk report --template TỆP")


def folder_not_made(folder, reason: str) -> str:
    return f"không tạo được thư mục '{folder}': {reason}"


def skipped_existing(target) -> str:
    return f"Bỏ qua {target}: tệp đã có, không ghi đè."


def copy_not_written(target, reason: str) -> str:
    return f"không ghi được '{target}': {reason}"


def none_copied(folder) -> str:
    return f"không chép được mẫu nào vào '{folder}'"


def copied(target) -> str:
    return f"Đã chép {target}"


def unknown_kind(kind: str, kinds) -> str:
    return f"--kind: không biết loại mẫu '{kind}' (chỉ nhận: {', '.join(kinds)})"


def template_valid(file) -> str:
    return f"Mẫu hợp lệ: {file}"


def in_paragraph(number: int, text: str) -> str:
    return f"đoạn {number} «{text}»: "


def template_has_errors(file, count: int) -> str:
    return f"mẫu '{file}' có {count} lỗi; hãy sửa trong Word rồi kiểm tra lại"


# --- duk log-visit ----------------------------------------------------------------------------
VISIT_DATE_HELP = "Ngày đi: DD/MM/YYYY, YYYY-MM-DD, 'hôm nay' hoặc 'hôm qua'."
WORK_HELP = "Có phần I: đi công tác cơ sở."
MEETING_HELP = "Có phần II: dự sinh hoạt chi bộ."
RATING_HELP = "Xếp loại buổi sinh hoạt: tot, kha, trung-binh, kem."
FROM_FILE_HELP = "Lấy chuyến đi từ tệp YAML (đúng mẫu tệp chuyến đi); tùy chọn trên dòng lệnh được ưu tiên."
EDIT_HELP = "Mở trình soạn thảo ($EDITOR) để viết nội dung."
VISIT_NO_COMMIT_HELP = "Ghi tệp nhưng không lưu vào git."
NEEDS_CONTENT = "cần --work hoặc --meeting hoặc một nội dung (ví dụ --situation \"…\")"
VISIT_INVALID = "chuyến đi không hợp lệ nên không được ghi (không có gì được ghi, không có gì được lưu vào git)"


def unreadable_file(path, reason: str) -> str:
    return f"--from-file: không đọc được tệp '{path}': {reason}"


def not_utf8(path) -> str:
    return f"{path}: tệp không phải mã UTF-8 (hãy lưu lại với mã UTF-8)"


def missing_options(options) -> str:
    return (f"thiếu {', '.join(options)} (không chạy trên cửa sổ dòng lệnh nên không hỏi được; "
            "hãy ghi đủ trên dòng lệnh)")


def value_in_file(key: str, source: str) -> str:
    return f"'{key}' trong {source}"


def error_line(code: str, message: str) -> str:
    return f"  lỗi [{code}]: {message}"


def warning_line(code: str, message: str) -> str:
    return f"Cảnh báo [{code}]: {message}"


def twin_refused(message: str) -> str:
    return f"{message}. {words.NOTHING_WRITTEN}"


def errors_in_other_files(count: int) -> str:
    return (f"Cảnh báo: thư mục dữ liệu đang có {count} lỗi ở các tệp khác (xem: duk check); "
            "chuyến đi này hợp lệ nên vẫn được ghi.")


def visit_written(rel: str) -> str:
    return f"Đã ghi chuyến đi vào: {rel}"
