"""The words of duk's command-line framework (dukcli/cli/framework.py, dukcli/cli/main.py): the
help pages' headings, the usage errors, and how a run ends in an error."""

from __future__ import annotations

# --- the program ------------------------------------------------------------------------------
ABOUT = "duk: sổ theo dõi đi công tác cơ sở và dự sinh hoạt chi bộ (Quy định 08-QĐ/ĐUK)."
DATA_HELP = ("Thư mục dữ liệu, ghi trước hoặc sau tên lệnh (mặc định: biến DUK_DATA, hoặc thư mục "
             "có duk.yaml gần nhất).")
VERSION_HELP = "In phiên bản của duk rồi thoát."

# --- help pages -------------------------------------------------------------------------------
USAGE = "Cách dùng:"
OPTIONS_METAVAR = "[TÙY CHỌN]"
COMMAND_METAVAR = "LỆNH [ĐỐI SỐ]..."
ARGUMENTS = "Đối số"
OPTIONS = "Tùy chọn"
COMMANDS = "Lệnh"
HELP_OPTION = "Hiện hướng dẫn này rồi thoát."
REQUIRED = "[bắt buộc]"
# What an option's value is, in the help (an option may name its own, e.g. <table|csv|json>).
TEXT = "<chữ>"
NUMBER = "<số>"
PATH = "<đường dẫn>"


def default_is(value) -> str:
    return f"[mặc định: {value}]"


# --- usage errors -------------------------------------------------------------------------------
def usage_error(message: str, command_path: str) -> str:
    return f"Lỗi cách dùng: {message}\nXem: {command_path} --help"


def no_such_option(name: str, close: list[str]) -> str:
    near = f" (Các tùy chọn gần giống: {', '.join(close)})" if close else ""
    return f"Không có tùy chọn: {name}{near}"


def needs_value(option: str) -> str:
    return f"Tùy chọn '{option}' cần một giá trị."


def takes_no_value(option: str) -> str:
    return f"Tùy chọn '{option}' không nhận giá trị."


def missing_option(names: list[str]) -> str:
    return f"Thiếu tùy chọn {' / '.join(repr(n) for n in names)}."


def missing_argument(name: str) -> str:
    return f"Thiếu đối số '{name}'."


def bad_value(names: list[str], why: str = "") -> str:
    hint = " / ".join(repr(n) for n in names)
    return f"Giá trị không hợp lệ cho {hint}: {why}" if why else f"Giá trị không hợp lệ cho {hint}."


NOT_A_WHOLE_NUMBER = "phải là một số nguyên."


def below_least(least: int) -> str:
    return f"phải là một số nguyên từ {least} trở lên."


def not_one_of(value: str, choices: list[str]) -> str:
    return f"'{value}' không thuộc các giá trị {', '.join(repr(c) for c in choices)}."


def extra_arguments(args: list[str]) -> str:
    return f"Thừa đối số ({' '.join(args)})"


def no_such_command(name: str, close: list[str]) -> str:
    near = f" Có phải ý bạn là {', '.join(repr(c) for c in close)}?" if close else ""
    return f"Không có lệnh '{name}'.{near}"


MISSING_COMMAND = "Thiếu lệnh."
BAD_COMMAND_LINE = "dòng lệnh viết chưa đúng."


# --- how a run ends -----------------------------------------------------------------------------
def error(message: str) -> str:
    return f"Lỗi: {message}"


def framework_failed(kind: str) -> str:
    return f"Lỗi: thư viện dòng lệnh không chạy được lệnh này ({kind})."


def cancelled_after(done: list[str]) -> str:
    return f"\nĐã hủy sau khi {', '.join(done)}."


def internal_error(kind: str, detail: str) -> str:
    return (f"Lỗi nội bộ của duk ({kind}: {detail}). Dữ liệu không bị thay đổi. "
            "Đặt DUK_DEBUG=1 để xem chi tiết và báo cho người bảo trì.")
