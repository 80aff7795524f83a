"""The words of the commands that correct the records: `duk edit`, `duk rm`, `duk undo` and
`duk commit` (SPEC §5, "Keeping the records by command")."""

from __future__ import annotations

from dukcli.dates import fmt

# --- edit, rm: which visit -----------------------------------------------------------------

VISIT_METAVAR = "TỆP_CHUYẾN_ĐI"
VISIT_ARG_HELP = ("Tệp chuyến đi, đường dẫn trong thư mục dữ liệu (ví dụ "
                  "visits/2019/05/2019-05-14-nguyen-thi-lan-cb-so-tai-chinh.yaml) hoặc như gõ từ thư mục "
                  "hiện tại; hoặc thay bằng --person, --unit, --date.")
FIND_DATE_HELP = "Ngày của chuyến đi cần tìm (cùng với --person và --unit)."
NO_COMMIT_HELP = "Ghi thay đổi nhưng không lưu vào git."
REMOVE_YES_HELP = "Không hỏi lại trước khi xóa."
REMOVE_DRY_RUN_HELP = "Chỉ cho xem tệp sẽ bị xóa, không xóa."
WHICH_VISIT = ("cần chỉ ra chuyến đi: đường dẫn tệp (ví dụ visits/2019/05/…yaml) hoặc đủ ba tùy chọn "
               "--person, --unit, --date")
PATH_OR_OPTIONS = "chỉ ra chuyến đi bằng đường dẫn tệp hoặc bằng --person/--unit/--date, không dùng cả hai"


def missing_find_options(options: list[str]) -> str:
    return f"thiếu {', '.join(options)}: tìm chuyến đi cần đủ --person, --unit và --date"


def outside_folder(typed: str) -> str:
    return f"'{typed}' nằm ngoài thư mục dữ liệu"


def not_a_visit_path(rel: str) -> str:
    return f"'{rel}' không phải tệp chuyến đi (tệp .yaml trong thư mục visits/)"


def no_such_file(rel: str) -> str:
    return f"không có tệp {rel}"


def unreadable(rel: str, reason: str) -> str:
    return f"không đọc được tệp {rel}: {reason}"


def no_visit_found(person: str, unit: str, day) -> str:
    return f"không có chuyến đi nào của {person} tới {unit} ngày {fmt(day)}"


def several_visits(person: str, unit: str, day, rels: list[str]) -> str:
    listed = "\n".join(f"  {rel}" for rel in rels)
    return (f"có {len(rels)} tệp chuyến đi của {person} tới {unit} ngày {fmt(day)}; chỉ ra một tệp bằng "
            f"đường dẫn của nó:\n{listed}")


# --- edit ----------------------------------------------------------------------------------

def error_at(line: int, code: str, message: str) -> str:
    return f"  dòng {line}: lỗi [{code}]: {message}"


def warning_at(line: int, code: str, message: str) -> str:
    return f"  dòng {line}: cảnh báo [{code}]: {message}"


EDIT_INVALID = "tệp sau khi sửa chưa hợp lệ"


def edit_kept(why: str, path, rel: str) -> str:
    return (f"{why}; không có gì được ghi, tệp {rel} vẫn như cũ. Nội dung đã sửa được giữ ở: {path}\n"
            f"Muốn sửa tiếp: duk edit {rel} (chép lại nội dung từ tệp trên)")


def edit_message(rel: str) -> str:
    return f"Sửa: {rel}"


def moved_message(old: str, new: str) -> str:
    return f"Sửa: {old} → {new}"


def edited(rel: str) -> str:
    return f"Đã sửa tệp: {rel}"


def moved(old: str, new: str) -> str:
    return f"Đã sửa và chuyển tệp: {old} → {new}"


# --- rm ------------------------------------------------------------------------------------

def will_remove(rel: str) -> str:
    return f"Sẽ xóa tệp {rel}:"


CONFIRM_REMOVE = "Xóa tệp này?"


def remove_message(rel: str) -> str:
    return f"Xóa: {rel}"


def removed(rel: str) -> str:
    return f"Đã xóa tệp: {rel}"


# --- undo ----------------------------------------------------------------------------------

NOT_A_REPOSITORY = "thư mục dữ liệu không nằm trong một kho git: không có gì để hoàn tác hay lưu"
NO_GIT_PROGRAM = ("thư mục dữ liệu là kho git mà máy không tìm thấy chương trình git (PATH). "
                  "Không có gì thay đổi.")
NO_COMMIT_YET = "kho git chưa có lần ghi nào: không có gì để hoàn tác"
NO_DUK_COMMIT = ("kho git chưa có lần ghi nào do duk thực hiện: không có gì để hoàn tác (duk chỉ hoàn tác "
                 "lần ghi của chính nó)")


def short(sha: str) -> str:
    return sha[:7]


def last_is_undo(subject: str, sha: str) -> str:
    return (f"lần ghi cuối cùng của kho ({short(sha)} \"{subject}\") đã là một lần hoàn tác; duk không hoàn "
            "tác tiếp. Không có gì thay đổi.")


def not_last_commit(subject: str, sha: str, after: int, last_subject: str) -> str:
    return (f"lần ghi gần nhất của duk ({short(sha)} \"{subject}\") không phải lần ghi cuối cùng của kho: "
            f"sau nó còn {after} lần ghi khác (lần cuối: \"{last_subject}\"), nên không hoàn tác được. "
            "Không có gì thay đổi.")


def uncommitted(paths: list[str]) -> str:
    shown = ", ".join(paths[:5]) + (", …" if len(paths) > 5 else "")
    return (f"có {len(paths)} tệp đã sửa mà chưa lưu vào git ({shown}); lưu (duk commit) hoặc bỏ các thay đổi "
            "đó trước rồi chạy lại. Không có gì thay đổi.")


def undo_message(subject: str) -> str:
    return f"Hoàn tác: {subject}"


def undo_failed(why) -> str:
    return f"git không hoàn tác được ({why}). Không có gì thay đổi."


def undone(subject: str, sha: str) -> str:
    return f"Đã hoàn tác lần ghi {short(sha)}: {subject}"


FILE_STATES = {"A": "thêm", "M": "sửa", "D": "xóa", "T": "sửa"}
UNDO_STATES = {"A": "bỏ tệp đã thêm", "M": "trả lại nội dung cũ", "D": "khôi phục tệp đã xóa",
               "T": "trả lại nội dung cũ"}


def undo_line(status: str, path: str) -> str:
    return f"  {UNDO_STATES.get(status, UNDO_STATES['M'])}: {path}"


# --- commit --------------------------------------------------------------------------------

MESSAGE_HELP = "Lời ghi cho lần lưu (mặc định: \"Sửa tay: <số> tệp (…)\")."
EMPTY_MESSAGE = "-m: lời ghi trống"


def commit_refused(errors: int) -> str:
    return (f"duk check tìm thấy {errors} lỗi; sửa xong rồi chạy lại duk commit. "
            "Không có gì được lưu vào git.")


def hand_message(rels: list[str]) -> str:
    shown = ", ".join(rels[:3]) + (", …" if len(rels) > 3 else "")
    return f"Sửa tay: {len(rels)} tệp ({shown})"


def change_line(status: str, rel: str) -> str:
    return f"{FILE_STATES.get(status, FILE_STATES['M'])}: {rel}"


def committed_files(count: int) -> str:
    return f"Đã lưu {count} tệp vào git:"
