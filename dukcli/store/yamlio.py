"""YAML in and out: a safe composer with line numbers, and a dumper a person can read."""

from __future__ import annotations

import yaml

from dukcli.text import nfc

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_NODES = 200_000  # guards against alias bombs: aliases are expanded here, not by libyaml
MAX_DEPTH = 40

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


class YamlError(Exception):
    """A file that is not acceptable YAML; line is 1-based."""

    def __init__(self, line: int, message: str, code: str = "yaml-syntax"):
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
    """Parse text into LMap/LList/scalars. Scalars stay strings except null/bool/int/float."""
    if len(text) > MAX_FILE_BYTES:
        raise YamlError(1, "tệp quá lớn (hơn 2 MB)", code="schema")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark else 1
        col = mark.column + 1 if mark else 1
        raise YamlError(line, f"cú pháp YAML sai ở cột {col}: {_explain(e.problem or '')}") from None
    except yaml.YAMLError as e:
        raise YamlError(1, "cú pháp YAML sai") from None
    if node is None:
        return None
    return _Builder().build(node, 0)


class _Builder:
    def __init__(self):
        self.count = 0

    def build(self, node, depth):
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_NODES or depth > MAX_DEPTH:
            raise YamlError(line, "tệp lồng quá sâu hoặc có quá nhiều bí danh (alias)", code="schema")
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, depth, line)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _TAG + "seq":
                raise YamlError(line, f"thẻ YAML không được phép: {node.tag}", code="schema")
            out = LList(self.build(item, depth + 1) for item in node.value)
            out.line = line
            out.lines = [item.start_mark.line + 1 for item in node.value]
            return out
        return self._scalar(node, line)

    def _mapping(self, node, depth, line):
        if node.tag != _TAG + "map":
            raise YamlError(line, f"thẻ YAML không được phép: {node.tag}", code="schema")
        out = LMap()
        out.line = line
        out.lines = {}
        for key_node, value_node in node.value:
            key = self.build(key_node, depth + 1)
            key_line = key_node.start_mark.line + 1
            if key == "<<" or key_node.tag == _TAG + "merge":
                raise YamlError(key_line, "không dùng khóa gộp '<<' trong tệp dữ liệu", code="schema")
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                raise YamlError(key_line, f"khóa '{key}' bị lặp lại", code="schema")
            out[key] = self.build(value_node, depth + 1)
            out.lines[key] = key_line
        return out

    @staticmethod
    def _scalar(node, line):
        tag = node.tag
        value = node.value
        if tag not in _SCALAR_TAGS:
            if tag == "!" or tag is None:
                return nfc(value)
            raise YamlError(line, f"thẻ YAML không được phép: {tag}", code="schema")
        if tag == _TAG + "null":
            return None
        if tag == _TAG + "bool":
            return value.lower() in ("true", "yes", "on")
        if tag == _TAG + "int":
            try:
                return int(value.replace("_", ""), 0) if not value.lstrip("+-").isdigit() else int(value)
            except ValueError:
                return nfc(value)
        if tag == _TAG + "float":
            return nfc(value)  # no field takes a float; keep the text for the message
        return nfc(value)


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
