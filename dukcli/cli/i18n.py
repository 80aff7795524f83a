"""Vietnamese for the words click and typer print (help headings, usage errors).

click looks its messages up through gettext's module-level `_`/`ngettext` at call time, so
replacing those names in its modules is enough; typer keeps a few headings as constants.
"""

from __future__ import annotations

import importlib

VI = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Arguments": "Đối số",
    "Error": "Lỗi",
    "Aborted!": "Đã hủy.",
    "Aborted.": "Đã hủy.",
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Hiện phiên bản rồi thoát.",
    "Error: {message}": "Lỗi: {message}",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Missing argument": "Thiếu đối số",
    "Missing command.": "Thiếu lệnh (xem duk --help).",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing {param_type}": "Thiếu {param_type}",
    "argument": "đối số",
    "option": "tùy chọn",
    "parameter": "tham số",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args})",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Có phải ý bạn là một trong: {possibilities}?)",
    "Try '{command} {option}' for help.": "Xem '{command} {option}' để biết cách dùng.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc các giá trị {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải {number_type} hợp lệ.",
    "integer": "số nguyên",
    "float": "số thực",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải giá trị đúng/sai. Các giá trị nhận: {states}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "File": "Tệp",
    "Directory": "Thư mục",
    "Path": "Đường dẫn",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: invalid input": "Lỗi: giá trị không hợp lệ",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không khớp.",
    "Do you want to continue?": "Tiếp tục?",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
    "default: {default}": "mặc định: {default}",
    "[default: {}]": "[mặc định: {}]",
    "env var: {var}": "biến môi trường: {var}",
    "[env var: {}]": "[biến môi trường: {}]",
    "[required]": "[bắt buộc]",
    "required": "bắt buộc",
    "(deprecated) ": "(đã bỏ) ",
    "deprecated": "đã bỏ",
    "unknown error": "lỗi không rõ",
}


def gettext(message: str) -> str:
    return VI.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return gettext(singular if n == 1 else plural)


# typer ≥ 0.20 carries its own copy of click as typer._click; patch both.
_MODULES = tuple(f"{pkg}.{mod}" for pkg in ("click", "typer._click")
                 for mod in ("core", "exceptions", "formatting", "parser", "types", "decorators", "termui")
                 ) + ("typer.core", "typer.rich_utils", "typer.main", "typer._param_types", "typer.params")
_TYPER_CONSTANTS = ("ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE",
                    "ERRORS_PANEL_TITLE", "ABORTED_TEXT", "DEFAULT_STRING", "ENVVAR_STRING",
                    "REQUIRED_LONG_STRING", "DEPRECATED_STRING")


HELP_TEXT = "Hiện hướng dẫn này rồi thoát."

# Messages that typer's own click copy builds from literals: translated after the fact.
_PATTERNS = [
    (r"Invalid value for (.+?): (?:Value error, )?", r"Giá trị không hợp lệ cho \1: "),
    (r"'([^']*)' is not one of (.+)\.", r"'\1' không thuộc các giá trị \2."),
    # typer ≥ 0.2x converts values with pydantic-core, whose messages carry no value.
    (r"Input should be a valid integer.*", r"phải là một số nguyên."),
    (r"Input should be a valid (?:number|float).*", r"phải là một số."),
    (r"Input should be a valid boolean.*", r"phải là giá trị đúng/sai."),
    (r"Input should be (?:greater|less) than.*", r"nằm ngoài khoảng cho phép."),
    (r"Value '([^']*)' is not a valid (\w+)\.", r"'\1' không hợp lệ."),
    (r"'([^']*)' is not a valid (integer|float)( range)?\.", r"'\1' không phải là số hợp lệ."),
    (r"'([^']*)' is not a valid boolean.*", r"'\1' không phải giá trị đúng/sai."),
    (r"No such command '([^']*)'\.", r"Không có lệnh '\1'."),
    (r"No such option: (\S+)", r"Không có tùy chọn: \1"),
    (r"No such option '([^']*)'\.?", r"Không có tùy chọn '\1'."),
    (r"Did you mean (.+)\?", r"Có phải ý bạn là \1?"),
    (r"\(Possible options: (.+)\)", r"(Các tùy chọn gần giống: \1)"),
    (r"Missing option ('[^']*'(?: / '[^']*')*)\.?", r"Thiếu tùy chọn \1."),
    (r"Missing argument '([^']*)'\.?", r"Thiếu đối số '\1'."),
    (r"Missing command\.", r"Thiếu lệnh."),
    (r"Got unexpected extra arguments?(?:\(s\))? \((.*)\)", r"Thừa đối số (\1)"),
    (r"Option '([^']*)' requires an argument\.", r"Tùy chọn '\1' cần một giá trị."),
    (r"Option '([^']*)' requires (\d+) arguments\.", r"Tùy chọn '\1' cần \2 giá trị."),
    (r"Option '([^']*)' does not take a value\.", r"Tùy chọn '\1' không nhận giá trị."),
    (r"(\S+) is not in the range (.+)\.", r"\1 nằm ngoài khoảng \2."),
    (r"(File|Path|Directory) '([^']*)' does not exist\.", r"Đường dẫn '\2' không tồn tại."),
    (r"(File|Path|Directory) '([^']*)' is a directory\.", r"'\2' là một thư mục."),
    (r"(File|Path|Directory) '([^']*)' is a file\.", r"'\2' là một tệp."),
]


def translate(message: str) -> str:
    """Vietnamese for a usage error message from click or typer."""
    import re

    for pattern, replacement in _PATTERNS:
        message = re.sub(pattern, replacement, message)
    return message


def _patch_help_and_usage(core, formatting) -> None:
    command = core.Command
    if getattr(command, "_duk_patched", False):
        return
    original = command.get_help_option

    def get_help_option(self, ctx):
        option = original(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    command.get_help_option = get_help_option
    command._duk_patched = True
    write_usage = formatting.HelpFormatter.write_usage

    def vi_write_usage(self, prog, args="", prefix=None):
        return write_usage(self, prog, args, "Cách dùng: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = vi_write_usage


USAGE_WORDS = {"[OPTIONS]": "[TÙY CHỌN]", "COMMAND [ARGS]...": "LỆNH [ĐỐI SỐ]..."}
TYPE_WORDS = {"<str>": "<chữ>", "<text>": "<chữ>", "<int>": "<số>", "<integer>": "<số>", "<path>": "<đường dẫn>",
              "<file>": "<tệp>", "<float>": "<số>",
              "<int range>": "<số>", "<integer range>": "<số>", "<float range>": "<số>"}


def _patch_usage_pieces(cls) -> None:
    if "_duk_usage" in cls.__dict__ or "collect_usage_pieces" not in cls.__dict__:
        return
    original = cls.collect_usage_pieces

    def collect_usage_pieces(self, ctx):
        return [USAGE_WORDS.get(piece, piece) for piece in original(self, ctx)]

    cls.collect_usage_pieces = collect_usage_pieces
    cls._duk_usage = True


def _patch_type_display(cls) -> None:
    """Vietnamese type hints in the help table; none at all for a flag such as --help."""
    if "_duk_types" in cls.__dict__ or "display_type_rich" not in cls.__dict__:
        return
    original = cls.display_type_rich

    def display_type_rich(self, ctx):
        if getattr(self, "is_flag", False):
            return None
        shown = original(self, ctx)
        return TYPE_WORDS.get(shown, shown) if isinstance(shown, str) else shown

    cls.display_type_rich = display_type_rich
    cls._duk_types = True


def install() -> None:
    for name in _MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    for pkg in ("click", "typer._click"):
        try:
            _patch_help_and_usage(importlib.import_module(f"{pkg}.core"),
                                  importlib.import_module(f"{pkg}.formatting"))
        except ImportError:
            continue
    for pkg in ("click", "typer._click"):
        try:
            _patch_usage_pieces(importlib.import_module(f"{pkg}.core").Command)
        except ImportError:
            continue
    try:
        typer_core = importlib.import_module("typer.core")
        for name in ("TyperGroup", "TyperCommand"):
            if hasattr(typer_core, name):
                _patch_usage_pieces(getattr(typer_core, name))
        for name in ("TyperOption", "TyperArgument"):
            for cls in getattr(typer_core, name).__mro__:
                _patch_type_display(cls)
    except ImportError:
        pass
    try:
        rich_utils = importlib.import_module("typer.rich_utils")
    except ImportError:
        return
    for name in _TYPER_CONSTANTS:
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, gettext(getattr(rich_utils, name)))
