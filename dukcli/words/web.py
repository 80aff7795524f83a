"""The words of `duk serve` (dukcli/web/, dukcli/cli/cmd_serve.py): page titles, headings,
form labels and what the server says. The words shared with the terminal (column headings,
statuses, month marks) come from output.py and words/__init__.py, passed to the templates."""

from __future__ import annotations

APP_TITLE = "Sổ theo dõi đi cơ sở"
LANG = "vi"

# --- navigation -------------------------------------------------------------------------------
BOARD = "Bảng Điều 4"
VISITS = "Chuyến đi"
AGENDA = "Việc cần làm"
CHECK = "Kiểm tra dữ liệu"
DOWNLOADS = "Tải về"
LOG_VISIT = "Ghi chuyến đi"
SUBMIT = "Ghi nhận báo cáo quý"
PEOPLE = "Người"
UNITS = "Đơn vị"
READ_ONLY_NOTE = "Chế độ chỉ xem: trang này không ghi được gì vào dữ liệu."
AS_OF = "Tính đến ngày"

# --- the period picker and filters ------------------------------------------------------------
PERIOD = "Kỳ"
PERIOD_HINT = "Ví dụ: 2019, 2019Q2, 2019H1, 2019H2, 2019-9M, 2019-05"
SHOW = "Xem"
EVERYONE = "Tất cả"
ALL_UNITS = "Tất cả đơn vị"
FILTER = "Lọc"

# --- the board --------------------------------------------------------------------------------
LEGEND = "Chú thích"
MONTH_PREFIX = "T"
LEGEND_VISITS = "Số trong ô: số chuyến đi được tính trong tháng."
CHART_VISITS = "Số chuyến đi mỗi tháng"
CHART_MET = "Tỉ lệ dòng Điều 4 đạt mỗi tháng (cán bộ theo dõi)"
CHART_EMPTY = "Chưa có số liệu để vẽ."
DATA_ERRORS_TITLE = "Dữ liệu đang có lỗi"
SEE_CHECK = "Xem tất cả ở trang Kiểm tra dữ liệu."


def chart_visits_label(month: int, count: int) -> str:
    return f"Tháng {month}: {count} chuyến đi"


def chart_met_label(month: int, met: int, rows: int) -> str:
    return f"Tháng {month}: {met}/{rows} dòng đạt"


def visits_in(period: str) -> str:
    return f"Chuyến đi – {period}"


def board_title(period: str) -> str:
    return f"Bảng thực hiện Điều 4 – {period}"


def errors_elsewhere(count: int) -> str:
    return f"Thư mục dữ liệu có {count} lỗi ở ngoài kỳ này (xem trang Kiểm tra dữ liệu)."


# --- a person, a unit -------------------------------------------------------------------------
POSITION = "Chức vụ"
DEPARTMENT = "Bộ phận công tác"
ASSIGNMENTS = "Phân công"
FROM = "Từ ngày"
TO = "Đến ngày"
BASIS = "Căn cứ"
UNITS_COLUMN = "Đơn vị"
PERSON_COLUMN = "Người"
ONGOING = "đang thực hiện"
SUBMISSIONS = "Báo cáo cá nhân hằng quý đã nhận"
QUARTER = "Quý"
RECEIVED_ON = "Ngày nhận"
NO_ASSIGNMENTS = "Không có phân công nào."
NO_SUBMISSIONS = "Chưa nhận báo cáo nào."
UNIT_TYPE = "Loại"
PARENT = "Trực thuộc"
MEETING_DAY = "Ngày sinh hoạt"
QUOTA_ROWS = "Điều 4 trong kỳ"
LOG_FOR_PERSON = "Ghi chuyến đi của người này"

# --- check ------------------------------------------------------------------------------------


def check_totals(errors: int, warnings: int) -> str:
    return f"{errors} lỗi, {warnings} cảnh báo."


# --- downloads --------------------------------------------------------------------------------
REPORTS = "Báo cáo cá nhân (Điều 6.1), tệp Word"
REPORT_NEEDS_QUARTER = "Báo cáo cá nhân là báo cáo hằng quý: hãy chọn một quý (ví dụ 2019Q2)."
SUMMARY = "Báo cáo tổng hợp (Điều 6.2, 6.3), tệp Word"
TABLES = "Các bảng, tệp Excel"
TABLE_QUOTA = "Bảng Điều 4"
TABLE_VISITS = "Danh sách chuyến đi"
TABLE_AGENDA = "Việc cần làm"
DOWNLOAD_FAILED = "Không tạo được tệp"

# --- the forms --------------------------------------------------------------------------------
CHOOSE = "— chọn —"
PERSON_FIELD = "Người đi"
UNIT_FIELD = "Đơn vị đến"
DATE_FIELD = "Ngày đi"
DATE_HINT = "DD/MM/YYYY, ví dụ 14/05/2019"
PARTS_FIELD = "Nội dung chuyến đi"
PART_WORK = "Đi công tác cơ sở"
PART_MEETING = "Dự sinh hoạt chi bộ"
PARTS_HINT = "Điền một mục ở phần nào bên dưới thì phần đó cũng được chọn."
RATING_FIELD = "Xếp loại buổi sinh hoạt"
NO_RATING = "— chưa xếp loại —"
SAVE_VISIT = "Ghi chuyến đi"
SAVE_SUBMISSION = "Ghi nhận"
FORM_REFUSED = "Chưa ghi: hãy sửa chỗ được đánh dấu bên dưới. Không có gì được ghi, không có gì được lưu vào git."
REQUIRED = "cần điền"
NEEDS_CONTENT = "Hãy chọn ít nhất một nội dung (đi công tác cơ sở hoặc dự sinh hoạt chi bộ) hoặc điền một mục."
QUARTER_FIELD = "Quý của báo cáo"
QUARTER_HINT = "Ví dụ: 2019Q2"
RECEIVED_FIELD = "Ngày nhận báo cáo"
RECEIVED_HINT = "DD/MM/YYYY; để trống: hôm nay"
NOT_A_QUARTER = "Báo cáo cá nhân là báo cáo hằng quý: hãy nhập một quý, ví dụ 2019Q2."
GIT_COMMIT = "Lần lưu git"
CHECK_CODE = "mã kiểm tra"
FILE_WRITTEN = "Tệp đã ghi"


def visit_saved(name: str, unit: str, day: str) -> str:
    return f"Đã ghi chuyến đi của {name} đến {unit} ngày {day}."


def submission_saved(name: str, period: str, day: str) -> str:
    return f"Đã ghi nhận báo cáo {period} của {name}, nhận ngày {day}."


# --- proposals and the respond form (SPEC §7, §8) -----------------------------------------------
PROPOSALS = "Đề xuất, kiến nghị"
OPEN_ONLY = "Chỉ đề xuất chưa trả lời, chưa giải quyết"
OLDER_THAN = "Đã nêu quá số ngày"
GROUPED = "Gộp theo nội dung"
NOT_WHOLE_DAYS = "cần một số nguyên không âm (số ngày), ví dụ 30"
DOWNLOAD_TABLE = "Tải bảng này (tệp Excel)"
PROPOSALS_OF = "Đề xuất, kiến nghị trong kỳ"
RESPOND = "Ghi bước xử lý"
RESPOND_TITLE = "Ghi bước xử lý đề xuất"
STEPS_SO_FAR = "Các bước xử lý đã ghi"
NO_STEPS = "Chưa có bước xử lý nào."
STEP_STATUS_FIELD = "Bước xử lý"
STEP_BY_FIELD = "Nơi, người xử lý"
STEP_BY_HINT = "Không bắt buộc, ví dụ: Ban Tổ chức Đảng ủy Khối"
STEP_TEXT_FIELD = "Nội dung bước xử lý"
STEP_DATE_FIELD = "Ngày xử lý"
STEP_DATE_HINT = "DD/MM/YYYY; để trống: hôm nay"
ALL_PEOPLE = "Tất cả cán bộ"


def proposals_in(period: str) -> str:
    return f"Đề xuất, kiến nghị của cơ sở – {period}"


def step_saved(key: str, status: str, day: str) -> str:
    return f"Đã ghi bước xử lý đề xuất {key}: {status} ngày {day}."


# --- refusals of the server -------------------------------------------------------------------
FORBIDDEN = "Không được phép"
CSRF_REFUSED = ("Biểu mẫu này không còn hợp lệ (thiếu hoặc sai mã bảo vệ CSRF). Hãy mở lại trang, "
                "điền lại và gửi. Không có gì được ghi.")
READ_ONLY_REFUSED = "Máy chủ đang chạy ở chế độ chỉ xem (--read-only): không ghi được gì."
NOT_FOUND = "Không tìm thấy"
NOT_FOUND_TEXT = "Không có trang, người hay đơn vị này."
BACK_HOME = "Về bảng Điều 4"
BAD_REQUEST = "Yêu cầu không hợp lệ"
BAD_REQUEST_TEXT = "Trình duyệt gửi một yêu cầu máy chủ không đọc được (hoặc quá lớn). Không có gì được ghi."
SERVER_ERROR = "Lỗi ở máy chủ"
SERVER_ERROR_TEXT = ("Có lỗi ngoài dự kiến ở máy chủ. Hãy tải lại trang; nếu vẫn lỗi, xem cửa sổ đang chạy "
                     "duk serve và chạy duk check.")
LOGIN_NEEDED = "Cần đăng nhập để xem trang này."
LOGIN_REALM = "duk"

# --- the command ------------------------------------------------------------------------------
HOST_HELP = "Địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này mở được)."
PORT_HELP = "Cổng (mặc định 8000)."
READ_ONLY_HELP = "Chỉ xem: không có biểu mẫu, mọi yêu cầu ghi bị từ chối."
PASSWORD_FILE_HELP = "Tệp chứa mật khẩu đã băm (tạo bằng: duk serve --hash-password); trình duyệt sẽ hỏi mật khẩu."
HASH_PASSWORD_HELP = "Hỏi một mật khẩu, in dòng đã băm của nó để ghi vào tệp --password-file, rồi thoát."
ASK_PASSWORD = "Mật khẩu: "
ASK_PASSWORD_AGAIN = "Nhập lại mật khẩu: "
PASSWORDS_DIFFER = "hai lần nhập mật khẩu không giống nhau; không có gì được in"
EMPTY_PASSWORD = "mật khẩu không được để trống"


def host_needs_protection(host: str) -> str:
    return (f"--host {host}: máy khác trong mạng sẽ mở được trang; hãy thêm --read-only (chỉ xem) "
            f"hoặc --password-file TỆP (cần mật khẩu)")


def bad_password_file(path: str, why: str) -> str:
    return f"--password-file {path}: {why}"


PASSWORD_FILE_FORMAT = "tệp phải có đúng một dòng dạng scrypt$MUỐI$BĂM (tạo bằng: duk serve --hash-password)"


def serving(url: str, folder: str) -> str:
    return f"Đang phục vụ thư mục dữ liệu {folder} tại {url} (Ctrl-C để dừng)."


def port_too_large(port: int) -> str:
    return f"--port {port}: cổng phải từ 1 đến 65535"


def port_busy(port: int, why: str) -> str:
    return f"--port {port}: không mở được cổng ({why})"
