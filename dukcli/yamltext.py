"""YAML in and out: a safe composer with line numbers, and a dumper a person can read."""

from __future__ import annotations

import re

import yaml

from dukcli import codes
from dukcli.text import nfc
from dukcli.words import records as W

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


_PROBLEMS = W.YAML_PROBLEMS


def _explain(problem: str) -> str:
    for english, vietnamese in _PROBLEMS:
        if english in problem:
            return vietnamese
    return W.UNREADABLE_STRUCTURE


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
        raise YamlError(1, W.FILE_TOO_LARGE, code=codes.SCHEMA.name)
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
        raise YamlError(1, W.YAML_SYNTAX) from None
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
        raise YamlError(line, W.control_char_at(found.group(), column=col), code=codes.BAD_TEXT.name)


_TOO_DEEP = W.too_deep(MAX_DEPTH)


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
    return line, W.yaml_syntax_at(column=col, problem=_explain(problem))


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
                raise YamlError(line, W.SECOND_DOCUMENT)
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
            what = W.ALIAS_TOO_LARGE if alias else W.TOO_MANY_ITEMS
            raise YamlError(line, W.over_limit(what, MAX_NODES), code=codes.SCHEMA.name)

    def _open(self, event, line: int) -> None:
        is_map = isinstance(event, yaml.MappingStartEvent)
        tag = event.tag
        if tag not in (None, "!", _TAG + ("map" if is_map else "seq")):
            raise YamlError(line, W.tag_not_allowed(tag), code=codes.SCHEMA.name)
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
            raise YamlError(line, W.alias_to_itself(anchor), code=codes.SCHEMA.name)
        if anchor not in self.anchors:
            raise YamlError(line, W.undefined_alias(anchor))
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
            raise YamlError(line, W.KEY_NOT_A_WORD, code=codes.SCHEMA.name)
        if key == "<<":
            raise YamlError(line, W.MERGE_KEY, code=codes.SCHEMA.name)
        key = "" if key is None else str(key)
        if key in self.stack[-1].value:
            raise YamlError(line, W.duplicate_key(key), code=codes.SCHEMA.name)
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
            raise YamlError(line, W.tag_not_allowed(tag), code=codes.SCHEMA.name)
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
