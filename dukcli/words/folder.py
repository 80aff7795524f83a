"""The words of the data folder's shell (store/, resources.py): finding the folder, reading
its files, the write lock, atomic writes and git."""

from __future__ import annotations

from dukcli.words import NOTHING_WRITTEN

# --- finding the data folder ------------------------------------------------------------------
NO_DATA_FOLDER = (
    "không tìm thấy thư mục dữ liệu (thư mục có tệp duk.yaml) ở đây hay ở thư mục cha. "
    "Chỉ rõ bằng --data THƯ_MỤC hoặc biến DUK_DATA, hoặc tạo mới bằng: duk init THƯ_MỤC"
)


def folder_without_marker(path, source: str) -> str:
    return (f"thư mục dữ liệu '{path}' (từ {source}) không có tệp duk.yaml. "
            "Tạo mới bằng: duk init THƯ_MỤC")


# --- what a path is, when it is not a regular file ---------------------------------------------
LINK = "liên kết tượng trưng (symlink)"
DIRECTORY = "thư mục"
FIFO = "ống dẫn (FIFO)"
DEVICE = "tệp thiết bị"
UNREADABLE = "không đọc được"


# --- writing only inside the data folder -------------------------------------------------------
def outside_folder(path) -> str:
    return f"'{path}' nằm ngoài thư mục dữ liệu; không ghi"


def write_through_link(rel: str) -> str:
    return f"'{rel}' là {LINK}; duk không ghi qua liên kết (có thể dẫn ra ngoài thư mục dữ liệu)"


# --- reading the data files --------------------------------------------------------------------
NOT_UTF8 = "tệp không phải mã UTF-8 (hãy lưu lại với mã UTF-8)"
CONFLICT_MARKS = ("tệp còn dấu xung đột của git (<<<<<<<, =======, >>>>>>>) sau một lần gộp "
                  "chưa xong: hãy chọn nội dung đúng, xóa các dòng dấu rồi lưu vào git")
TEMP_LEFTOVER = "tệp tạm do một lệnh duk bị ngắt giữa chừng để lại; duk không đọc nó (lần ghi sau sẽ xóa)"
NOT_YAML_NAME = ("duk không đọc tệp này: chỉ các tệp có đuôi .yaml (chữ thường) được đọc; "
                 "nếu đây là dữ liệu, hãy đổi tên cho đúng đuôi .yaml")
TOO_LARGE = "tệp quá lớn (hơn 2 MB): một tệp dữ liệu không thể dài như vậy"
VISITS_NOT_FOLDER = ("'visits' phải là thư mục chứa các tệp chuyến đi (visits/YYYY/MM/*.yaml), "
                     "không phải một tệp")
LOADING = "Đang đọc dữ liệu…"


def not_regular_data(what: str) -> str:
    return (f"đây là {what}, không phải tệp dữ liệu thông thường; duk không mở và không đi theo nó "
            "(thay bằng tệp thật hoặc xóa đi)")


def cannot_read_file(reason: str) -> str:
    return f"không đọc được tệp: {reason}"


def missing_required(rel: str) -> str:
    return (f"thiếu tệp bắt buộc {rel} trong thư mục dữ liệu (tạo tệp, dù là danh sách "
            f"trống [], hoặc lấy lại từ git)")


def duplicate_submission(label: str, person: str, day: str, file: str, line: int) -> str:
    return (f"đã nhận báo cáo {label} của '{person}' ngày {day} "
            f"({file}:{line}); không ghi lần thứ hai")


# --- the cache ---------------------------------------------------------------------------------
def not_allowed_in_cache(module: str, name: str) -> str:
    return f"{module}.{name} không được phép trong bộ nhớ đệm"


# --- the write lock ----------------------------------------------------------------------------
NO_PRIVATE_DIR = "không dùng được thư mục .duk"
FOLDER_BUSY = "thư mục dữ liệu đang bị một lệnh duk khác giữ quá lâu; hãy thử lại sau"


def cannot_lock(reason: str) -> str:
    return f"không khóa được thư mục dữ liệu để ghi: {reason}; không có gì được ghi"


# --- writing a record --------------------------------------------------------------------------
SAVED_TO_GIT = "đã lưu vào git"


def file_written(rel: str) -> str:
    return f"đã ghi tệp {rel}"


def file_exists(rel: str) -> str:
    return f"tệp {rel} đã có; không ghi đè"


def cannot_write_into(folder: str, reason: str) -> str:
    return f"không ghi được tệp vào {folder}: {reason}"


def changed_meanwhile(rel: str) -> str:
    return (f"{rel} đã thay đổi từ lúc lệnh này đọc nó (một lệnh duk khác hoặc người sửa tay); "
            "không có gì được ghi, hãy chạy lại lệnh")


def cannot_write_file(rel: str, reason: str) -> str:
    return f"không ghi được tệp {rel}: {reason}"


def nothing_written(message: str) -> str:
    return f"{message}. {NOTHING_WRITTEN}"


def no_git_program(rel: str) -> str:
    return (f"đã ghi tệp {rel} nhưng chưa lưu được vào git: thư mục là kho git mà máy "
            f"không tìm thấy chương trình git (PATH). Tệp vẫn còn nguyên; hãy tự lưu vào git sau")


def commit_failed(rel: str, error, message: str) -> str:
    return (f"đã ghi tệp {rel} nhưng chưa lưu được vào git ({error}). "
            f"Tệp vẫn còn nguyên; hãy tự chạy: git add '{rel}' && git commit -m '{message}'")


# --- git ---------------------------------------------------------------------------------------
# A marker in .git: (what is under way, how to finish or leave it).
_FINISH_REBASE = "git rebase --continue hoặc git rebase --abort"
GIT_UNFINISHED = {
    "MERGE_HEAD": ("đang gộp nhánh (merge) dở dang", "git merge --continue hoặc git merge --abort"),
    "rebase-merge": ("đang rebase dở dang", _FINISH_REBASE),
    "rebase-apply": ("đang rebase/áp bản vá (am) dở dang", _FINISH_REBASE),
    "CHERRY_PICK_HEAD": ("đang cherry-pick dở dang", "git cherry-pick --continue hoặc git cherry-pick --abort"),
    "REVERT_HEAD": ("đang revert dở dang", "git revert --continue hoặc git revert --abort"),
}

# What git says (in English, LC_ALL=C) when it fails, in the clerk's words.
GIT_FAILURES = {
    "index.lock": "kho git đang bị khóa (.git/index.lock)",
    "No space left": "ổ đĩa đã đầy",
    "Permission denied": "không có quyền ghi vào kho git",
    "Read-only file system": "ổ đĩa chỉ cho đọc",
    "not a git repository": "không phải kho git",
    "unmerged": "kho git còn tệp gộp dở dang",
    "Please tell me who you are": "git chưa có tên người ghi (git config user.name)",
    "corrupt": "kho git bị hỏng",
}


def git_unfinished(what: str, fix: str) -> str:
    return (f"kho git của thư mục dữ liệu {what}; hãy hoàn tất hoặc hủy trước ({fix}), "
            f"rồi chạy lại lệnh. {NOTHING_WRITTEN}")


def git_index_locked(stale) -> str:
    return (f"kho git đang bị khóa bởi tệp {stale} (do một lệnh git bị ngắt giữa chừng để lại, "
            "hoặc một lệnh git khác đang chạy). Nếu chắc chắn không còn lệnh git nào đang chạy, "
            f"xóa nó bằng: rm '{stale}' rồi chạy lại. {NOTHING_WRITTEN}")


def git_add_failed(why: str) -> str:
    return f"git add không thành công: {why}"


def git_commit_failed(why: str) -> str:
    return f"git commit không thành công: {why}"


def git_error_code(code: int) -> str:
    return f"git báo lỗi (mã {code})"
