"""YAML in and out: a safe composer with line numbers, and a dumper a person can read."""

from __future__ import annotations

import re

import yaml

from dukcli import codes
from dukcli.text import nfc

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000  # guards against alias bombs: aliases are expanded here, not by libyaml
MAX_DEPTH = 40

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


class YamlError(Exception):
    """A file that is not acceptable YAML; line is 1-based."""

    def __init__(self, line: int, message: str, code: str = codes.YAML_SYNTAX.name):
        super().__init__(message)
        self.line = line
        self.message = message
        self.code = code


_PROBLEMS = [
    ("did not find expected key", "thiếu khóa hoặc thụt lề sai"),
    ("did not find expected ','", "thiếu dấu phẩy hoặc dấu đóng ngoặc"),
    ("did not find expected '-'", "thụt lề sai trong danh sách"),
    ("mapping values are not allowed", "dấu hai chấm đặt sai chỗ (viết giá trị có dấu ':' trong ngoặc kép)"),
    ("found character that cannot start any token", "ký tự không được đứng đầu giá trị (thử đặt giá trị trong ngoặc kép)"),
    ("found undefined alias", "bí danh (alias) chưa được định nghĩa"),
    ("found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu đóng ngoặc kép?)"),
    ("could not find expected ':'", "thiếu dấu hai chấm sau khóa"),
    ("found a tab character", "dùng phím Tab để thụt lề (hãy dùng dấu cách)"),
    ("control characters are not allowed", "tệp có ký tự điều khiển không được phép"),
    ("invalid leading UTF-8 octet", "tệp không phải mã UTF-8"),
    ("invalid trailing UTF-8 octet", "tệp không phải mã UTF-8"),
    ("expected <block end>", "thụt lề không khớp"),
    ("expected a single document", "tệp chỉ được chứa một tài liệu YAML"),
]


def _explain(problem: str) -> str:
    for english, vietnamese in _PROBLEMS:
        if english in problem:
            return vietnamese
    return "cấu trúc không đọc được"


class LMap(dict):
    """A mapping that knows its own line and the line of each key."""

    __slots__ = ("line", "lines")


class LList(list):
    """A sequence that knows its own line and the line of each item."""

    __slots__ = ("line", "lines")


def load(text: str):
    """Parse text into LMap/LList/scalars. Scalars stay strings except null/bool/int/float.

    Built from libyaml's event stream with an explicit stack, never by a recursive composer:
    a file nested a million levels deep would otherwise overflow the C stack and kill the
    process. Depth and alias expansion are bounded while reading, so a hostile file stops
    early instead of being read whole.
    """
    if len(text) > MAX_FILE_BYTES:
        raise YamlError(1, "tệp quá lớn (hơn 2 MB)", code=codes.SCHEMA.name)
    _refuse_control_chars(text)
    builder = _Builder()
    try:
        for event in yaml.parse(text, Loader=_Loader):
            builder.feed(event)
    except yaml.MarkedYAMLError as e:
        if _too_deep(e):
            raise YamlError(_line_of(e), _TOO_DEEP, code=codes.SCHEMA.name) from None
        raise YamlError(*_syntax(text, e)) from None
    except yaml.YAMLError:
        raise YamlError(1, "cú pháp YAML sai") from None
    return builder.result


# C0 except tab, newline and carriage return; DEL; C1 except NEL. libyaml refuses them with
# no line number, so they are found here first and reported where they are.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")


def _refuse_control_chars(text: str) -> None:
    found = _CONTROL.search(text)
    if found:
        pos = found.start()
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        raise YamlError(line, f"tệp chứa ký tự điều khiển không được phép (mã U+{ord(found.group()):04X}) "
                              f"ở cột {col}", code=codes.BAD_TEXT.name)


_TOO_DEEP = f"tệp lồng quá sâu (hơn {MAX_DEPTH} cấp); tệp bị từ chối"


def _too_deep(e: yaml.MarkedYAMLError) -> bool:
    """libyaml ≥ 0.2.6 (bundled from PyYAML 6.0.4) refuses nesting past 1,000 levels while
    it scans ahead, before the builder below sees level 41: the same file must get the same
    code whichever libyaml is installed, so its refusal is read as ours."""
    return "nesting depth" in (e.problem or "") or "nesting depth" in (e.context or "")


def _line_of(e: yaml.MarkedYAMLError) -> int:
    mark = e.problem_mark or e.context_mark
    return mark.line + 1 if mark else 1


def _syntax(text: str, e: yaml.MarkedYAMLError) -> tuple[int, str]:
    """(line, message) for a libyaml error, pointing where a person would look."""
    mark = e.problem_mark or e.context_mark
    # A problem found only at the end of the file (an unclosed quote or bracket) is reported
    # where the unclosed thing began.
    if e.context_mark is not None and mark is not None and mark.index >= len(text.rstrip()):
        mark = e.context_mark
    line = mark.line + 1 if mark else 1
    col = mark.column + 1 if mark else 1
    problem = e.problem or ""
    lines = text.splitlines()
    if mark and mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1] \
            and not lines[mark.line][: mark.column].strip(" \t"):
        problem = "found a tab character"
    return line, f"cú pháp YAML sai ở cột {col}: {_explain(problem)}"


class _Frame:
    __slots__ = ("value", "weight", "anchor", "key", "key_line")

    def __init__(self, value, anchor):
        self.value = value
        self.weight = 1
        self.anchor = anchor
        self.key = _NO_KEY
        self.key_line = 0


_NO_KEY = object()
_resolver = yaml.resolver.Resolver()


class _Builder:
    """Turns parse events into LMap/LList/scalars, refusing what a data file never needs."""

    def __init__(self):
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[object, int]] = {}
        self.open_anchors: set[str] = set()
        self.count = 0
        self.documents = 0
        self.result = None

    def feed(self, event) -> None:
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise YamlError(line, "tệp chỉ được chứa một tài liệu YAML (bỏ dòng '---' thứ hai)")
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._open(event, line)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            if frame.anchor is not None:
                self.open_anchors.discard(frame.anchor)
                self.anchors[frame.anchor] = (frame.value, frame.weight)
            self._add(frame.value, frame.weight, frame.value.line)
        elif isinstance(event, yaml.ScalarEvent):
            value = self._scalar(event, line)
            if event.anchor is not None:
                self.anchors[event.anchor] = (value, 1)
            self._add(value, 1, line)
        elif isinstance(event, yaml.AliasEvent):
            self._alias(event.anchor, line)

    def _count(self, weight: int, line: int, alias: bool = False) -> None:
        self.count += weight
        if self.count > MAX_NODES:
            what = "bí danh (alias) mở rộng ra quá nhiều mục" if alias else "tệp có quá nhiều mục"
            raise YamlError(line, f"{what} (hơn {MAX_NODES}); tệp bị từ chối", code=codes.SCHEMA.name)

    def _open(self, event, line: int) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        tag = event.tag
        if tag not in (None, "!", _TAG + ("map" if is_map else "seq")):
            raise YamlError(line, f"thẻ YAML không được phép: {tag}", code=codes.SCHEMA.name)
        if len(self.stack) >= MAX_DEPTH:
            raise YamlError(line, _TOO_DEEP, code=codes.SCHEMA.name)
        self._count(1, line)
        value = LMap() if is_map else LList()
        value.line = line
        value.lines = {} if is_map else []
        if event.anchor is not None:
            self.open_anchors.add(event.anchor)
        self.stack.append(_Frame(value, event.anchor))

    def _alias(self, anchor: str, line: int) -> None:
        if anchor in self.open_anchors:
            raise YamlError(line, f"bí danh '*{anchor}' tự tham chiếu vào chính nó", code=codes.SCHEMA.name)
        if anchor not in self.anchors:
            raise YamlError(line, f"bí danh (alias) '*{anchor}' chưa được định nghĩa")
        value, weight = self.anchors[anchor]
        self._count(weight, line, alias=True)
        self._add(value, weight, line)

    def _add(self, value, weight: int, line: int) -> None:
        if not self.stack:
            self.result = value
            return
        frame = self.stack[-1]
        frame.weight += weight
        target = frame.value
        if isinstance(target, LList):
            target.append(value)
            target.lines.append(line)
        elif frame.key is _NO_KEY:
            frame.key, frame.key_line = self._key(value, line), line
        else:
            target[frame.key] = value
            target.lines[frame.key] = frame.key_line
            frame.key = _NO_KEY

    def _key(self, key, line: int) -> str:
        if isinstance(key, (LMap, LList)):
            raise YamlError(line, "khóa phải là một từ, không phải danh sách hay bảng", code=codes.SCHEMA.name)
        if key == "<<":
            raise YamlError(line, "không dùng khóa gộp '<<' trong tệp dữ liệu", code=codes.SCHEMA.name)
        key = "" if key is None else str(key)
        if key in self.stack[-1].value:
            raise YamlError(line, f"khóa '{key}' bị lặp lại", code=codes.SCHEMA.name)
        return key

    def _scalar(self, event, line: int):
        self._count(1, line)
        value = event.value
        tag = event.tag
        if tag is None or tag == "!":
            tag = _resolver.resolve(yaml.ScalarNode, value, event.implicit)
        if tag == _TAG + "merge":
            return "<<"  # refused as a key by _key with its own message
        if tag not in _SCALAR_TAGS:
            raise YamlError(line, f"thẻ YAML không được phép: {tag}", code=codes.SCHEMA.name)
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return value.lower() in ("true", "yes", "on")
        if tag == _TAG + "int":
            try:
                return int(value.replace("_", ""), 0) if not value.lstrip("+-").isdigit() else int(value)
            except ValueError:
                return nfc(value)
        return nfc(value)  # str, timestamp, and float (no field takes a float; keep the text)


# --- writing -----------------------------------------------------------------------------

class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    pass


def _str_repr(dumper, data: str):
    if "\n" in data:
        return dumper.represent_scalar(_TAG + "str", data, style="|")
    return dumper.represent_scalar(_TAG + "str", data)


_Dumper.add_representer(str, _str_repr)


def dump(data) -> str:
    """Block style, Vietnamese unescaped, multi-line text as |, keys in the given order."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1000)
