"""YAML in and out: a safe composer with line numbers (and a fast path for plain files), and a dumper a person can read."""

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

    A plain file (what duk and a clerk write) takes the fast path below; anything else, and
    every file with a problem, is read by `load_events`, whose answer the fast path repeats
    exactly for the files it accepts."""
    try:
        return _fast(text)
    except Decline:
        return load_events(text)


def load_events(text: str):
    """Built from libyaml's event stream with an explicit stack, never by a recursive composer:
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


# --- the fast path ------------------------------------------------------------------------
#
# libyaml's own composer (C) builds the node tree of a plain file in about half the time the
# event builder above takes, and a walk over the nodes gives the same LMap/LList/scalars with
# the same lines: the same libyaml reads the text, the same resolver gives each scalar its
# tag, the same conversions follow. The composer recurses and expands aliases, so only texts
# that cannot nest deeply or alias reach it, and the walk declines everything on which the
# event builder would stop or say something: `load_events` then reads the file and gives
# its answer (or its error) as it always did.

FAST_MAX_CHARS = 100_000
"""Larger texts take the event builder. Below this a text cannot hold MAX_NODES nodes (without
flow collections and compact nesting, two nodes take at least two characters: "a:", "-\n")
nor nest past a few hundred levels of block indentation (each level indents further), so the
composer's recursion stays shallow and nothing needs counting."""

_CHAIN = re.compile(r"-[ \t]+-(?=[ \t\r\n]|$)", re.M)  # compact nesting on one line: "- - a"


def _unusual(text: str) -> bool:
    """Anchors, aliases, tags, flow collections, explicit keys (and every "?": a few texts too
    many, read by the event builder), compact nesting. Substring tests: a regular expression
    of alternatives costs as much as the parse saved."""
    return ("&" in text or "*" in text or "!" in text or "[" in text or "{" in text or "?" in text
            or _CHAIN.search(text) is not None)


class Decline(Exception):
    """The fast path does not answer for this text: the event builder reads it."""


_ScalarNode = yaml.nodes.ScalarNode
_MappingNode = yaml.nodes.MappingNode
_SequenceNode = yaml.nodes.SequenceNode
_STR, _NULL, _BOOL, _INT = _TAG + "str", _TAG + "null", _TAG + "bool", _TAG + "int"
_AS_TEXT = {_TAG + "float", _TAG + "timestamp"}
_MAP, _SEQ = _TAG + "map", _TAG + "seq"


_RESOLVED: dict[str, str] = {}  # plain scalar -> its tag: ids, dates, keys, ratings repeat


class _FastLoader(_Loader):
    """The composer with the resolver's answers remembered: a plain scalar's tag depends on its
    text alone (duk adds no resolver), any other scalar is a str. No path resolvers either."""

    def resolve(self, kind, value, implicit):
        if kind is _ScalarNode:
            return _tag_of(value) if implicit[0] else _STR
        return _resolver.resolve(kind, value, implicit)

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


def _composable(text: str) -> bool:
    """Whether the composer may read text (see FAST_MAX_CHARS and _unusual)."""
    return len(text) <= FAST_MAX_CHARS and not _unusual(text) and _CONTROL.search(text) is None


def _fast(text: str):
    if not _composable(text):
        raise Decline
    try:
        return _lines(text)
    except Decline:
        pass
    try:
        loader = _FastLoader(text)
        try:
            node = loader.get_single_node()
        finally:
            loader.dispose()
    except Exception:  # a syntax error, a second document…: the event builder says what
        raise Decline from None
    return None if node is None else _walk(node, 0)


def _walk(node, depth: int):
    """The value of a node, as _Builder would build it; Decline where it would not."""
    kind = node.__class__
    if kind is _ScalarNode:
        return _value(node)
    if depth >= MAX_DEPTH:
        raise Decline
    if kind is _MappingNode and node.tag == _MAP:
        out = LMap()
        out.line = node.start_mark.line + 1
        lines = out.lines = {}
        for key_node, value_node in node.value:
            if key_node.__class__ is not _ScalarNode:
                raise Decline
            key = nfc(key_node.value) if key_node.tag == _STR else _value(key_node)
            if key.__class__ is not str:
                key = "" if key is None else str(key)
            if key in lines or key == "<<":
                raise Decline
            lines[key] = key_node.start_mark.line + 1
            out[key] = _walk(value_node, depth + 1)
        return out
    if kind is _SequenceNode and node.tag == _SEQ:
        out = LList()
        out.line = node.start_mark.line + 1
        lines = out.lines = []
        for item in node.value:
            lines.append(item.start_mark.line + 1)
            out.append(_walk(item, depth + 1))
        return out
    raise Decline


def _value(node):
    """A scalar as _Builder._scalar reads it."""
    return _converted(node.tag, node.value)


def _converted(tag: str, value: str):
    """A scalar's text under its tag, as _Builder._scalar reads it."""
    if tag == _STR or tag in _AS_TEXT:
        return nfc(value)
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() in ("true", "yes", "on")
    if tag == _INT:
        try:
            return int(value.replace("_", ""), 0) if not value.lstrip("+-").isdigit() else int(value)
        except ValueError:
            return nfc(value)
    raise Decline  # merge, value or any other tag: _Builder refuses or treats it on its own


# --- the line reader ------------------------------------------------------------------------
#
# Most files are what duk itself writes: block mappings of "key: value" lines, quoted or plain
# one-line values, sequences of one-line scalars. For those, reading the lines in Python costs a
# third of building libyaml's node tree (a first `check` of a million files spends most of its
# time here). Every scalar still gets its tag from the same resolver and the same conversions
# (_converted), so the values are those of the composer; anything outside that shape — a
# comment, a block scalar, a value over two lines, a tab, an odd indentation — is declined, and
# the composer reads the text as before. tests/test_yamlfast.py holds both to the event builder.

# Line breaks the split below would miss, tabs, a byte-order mark, and comments ("#" after a
# space or at a line's start; "a#b" is a plain scalar's text).
_LINE_BREAKS = ("\r", "\t", " #", "\n#", "\x85", "\u2028", "\u2029", "\ufeff")
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,63}\Z")
_PLAIN_START = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_ESCAPE = re.compile(r"\\(.)", re.S)
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "n": "\n", "t": "\t", " ": " "}


def _lines(text: str):
    """The value of a text in the shape above, as the composer's walk gives it; Decline else."""
    if not _line_shaped(text):
        raise Decline
    root = None
    stack: list[list] = []  # [indent, container] of the open mappings and sequences
    pending = None  # (indent, mapping, key) of a "key:" whose value is on the lines below
    lines = text.split("\n")
    at, count = 0, len(lines)
    while at < count:
        raw = lines[at]
        at += 1
        body = raw.lstrip(" ")
        if not body:
            continue
        indent = len(raw) - len(body)
        if indent == 0 and (body.startswith("---") or body.startswith("...")):
            raise Decline
        if body[0] == "-" and (len(body) == 1 or body[1] == " "):
            pending = _item(stack, pending, indent, body[2:], at)
            continue
        key, colon, rest = body.partition(":")
        if not colon or (rest and rest[0] != " ") or not _plain_key(key):
            raise Decline
        if pending is not None:
            if indent > pending[0]:  # the pending key's value is this mapping
                if len(stack) >= MAX_DEPTH - 1:
                    raise Decline  # the event builder says how deep is too deep
                nested = LMap()
                nested.line, nested.lines = at, {}
                pending[1][pending[2]] = nested
                stack.append([indent, nested])
            pending = None  # else: "key:" and nothing below, a null (already set)
        while stack and (stack[-1][0] > indent or (stack[-1][0] == indent and stack[-1][1].__class__ is LList)):
            stack.pop()
        if not stack:
            if root is not None or indent:
                raise Decline
            root = LMap()
            root.line, root.lines = at, {}
            stack.append([0, root])
        top = stack[-1]
        if top[0] != indent or top[1].__class__ is not LMap or key in top[1]:
            raise Decline
        mapping = top[1]
        mapping.lines[key] = at
        value = rest.strip(" ")
        if not value:
            mapping[key] = None
            pending = (indent, mapping, key)
        elif value[0] == "|":
            mapping[key], at = literal_block(value, lines, at, indent)
        else:
            mapping[key] = one_line(value)
    if root is None:
        raise Decline
    return root


def _line_shaped(text: str) -> bool:
    if text.startswith("#"):
        return False
    for mark in _LINE_BREAKS:
        if mark in text:
            return False
    return True


def line_readable(text: str, plain: bool = False) -> bool:
    """Whether the line reader may read text at all: what `_fast` and `_lines` ask of the whole
    text before its lines. visitfast reads only such texts, with one_line and
    literal_block, so that its values are the line reader's. plain: plain_bytes() is true of
    the text's UTF-8 bytes, so that of all those tests only the length and _CHAIN can fail."""
    if plain:
        return len(text) <= FAST_MAX_CHARS and _CHAIN.search(text) is None
    return _composable(text) and _line_shaped(text)


# Every byte with which the UTF-8 of a character that _unusual, _CONTROL, _line_shaped or a
# conflict marker looks for begins: C0 controls but the newline, DEL, "<>=&*![{?#", 0xC2 (C1
# controls, NEL), 0xED (surrogates, never decoded), 0xEF (the byte-order mark). 0xE2 leads
# U+2028 and U+2029, but also the en dash of a fifth of all notes: those two are looked for whole.
_NOTABLE = bytes(range(0x0A)) + bytes(range(0x0B, 0x20)) + b"\x7f<>=&*![{?#\xc2\xed\xef"


def plain_bytes(raw: bytes) -> bool:
    """Whether a text's UTF-8 bytes hold none of the characters the whole-text tests look for
    (line_readable's, the loader's conflict markers): one pass in C where those tests make
    seventeen substring searches and two regular expressions (8 µs of a visit file's 100)."""
    return (len(raw.translate(None, _NOTABLE)) == len(raw)
            and b"\xe2\x80\xa8" not in raw and b"\xe2\x80\xa9" not in raw)


_KEYS: dict[str, bool] = {}  # key -> whether it is a plain word the resolver leaves a str: keys repeat


def _plain_key(key: str) -> bool:
    good = _KEYS.get(key)
    if good is None:
        good = bool(_KEY.match(key)) and _tag_of(key) == _STR
        if len(_KEYS) < 4096:
            _KEYS[key] = good
    return good


def literal_block(head: str, lines: list[str], at: int, parent: int) -> tuple[str, int]:
    """A literal block scalar ("|" or "|-") whose lines start at lines[at]: its text, and the
    index of the first line after it. Only the plain case: no indentation indicator, no "+",
    no blank line before the first, every line indented alike or deeper."""
    if head not in ("|", "|-") or at >= len(lines):
        raise Decline
    first = lines[at]
    body = first.lstrip(" ")
    indent = len(first) - len(body)
    if not body or indent <= parent:
        raise Decline
    pad = " " * indent
    out = []
    end = at
    while end < len(lines):
        line = lines[end]
        if line.startswith(pad):
            if line[indent:] and not line[indent:].strip(" "):
                raise Decline  # spaces past the indentation on an empty line: libyaml's call
            out.append(line[indent:])
        elif line.strip(" "):
            break  # less indented and not blank: the block is over
        elif len(line) > indent:
            raise Decline
        else:
            out.append("")
        end += 1
    while out and not out[-1]:  # trailing blank lines belong to no one (clip and strip)
        out.pop()
        end -= 1
    text = "\n".join(out)
    if head == "|" and end < len(lines):
        text += "\n"
    elif head == "|":
        raise Decline  # the file's last line: whether a line break follows is libyaml's to say
    return nfc(text), end


def _item(stack: list, pending, indent: int, rest: str, number: int):
    """A "- value" line: the first of a sequence under the pending key, or the next of one."""
    if pending is not None and indent >= pending[0]:
        if len(stack) >= MAX_DEPTH - 1:
            raise Decline
        sequence = LList()
        sequence.line, sequence.lines = number, []
        pending[1][pending[2]] = sequence
        stack.append([indent, sequence])
    else:
        while stack and stack[-1][0] > indent:
            stack.pop()
        if not stack or stack[-1][0] != indent or stack[-1][1].__class__ is not LList:
            raise Decline
        sequence = stack[-1][1]
    value = rest.strip(" ")
    if not value or ": " in value or value.endswith(":"):
        raise Decline  # a nested block or a mapping in the sequence: the composer's
    sequence.append(one_line(value))
    sequence.lines.append(number)
    return None


def one_line(value: str):
    """A scalar written whole on its line (stripped of spaces around it)."""
    first = value[0]
    if first == '"':
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != '"':
            raise Decline
        if "\\" in inner:
            bare = _ESCAPE.sub("", inner)
            if '"' in bare or "\\" in bare:
                raise Decline
            try:
                inner = _ESCAPE.sub(lambda m: _ESCAPES[m.group(1)], inner)
            except KeyError:
                raise Decline from None
        elif '"' in inner:
            raise Decline
        return nfc(inner)
    if first == "'":
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != "'" or "'" in inner.replace("''", ""):
            raise Decline
        return nfc(inner.replace("''", "'"))
    if first in _PLAIN_START or ": " in value or value[-1] == ":":
        raise Decline
    return _converted(_tag_of(value), value)


def _tag_of(value: str) -> str:
    """The tag the resolver gives a plain scalar, remembered (_FastLoader and the line reader).
    implicit[1] plays no part for a scalar: the implicit resolvers are asked when implicit[0]."""
    tag = _RESOLVED.get(value)
    if tag is None:
        tag = _resolver.resolve(_ScalarNode, value, (True, False))
        if len(value) <= 64 and len(_RESOLVED) < 8192:
            _RESOLVED[value] = tag
    return tag


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
