"""Changing one record of a list file (units.yaml, people.yaml, assignments.yaml) as text, so
that everything else in the file — comments, order, blank lines, line endings — stays byte for
byte what it was and `git diff` shows one record (SPEC §5, "Keeping the records by command").

Pure: text in, text out. A list file is a YAML block sequence of mappings at the top level
("- id: …" at column 0); a record's lines run from its "- " line to the last line before the
next record that is not a blank line or a comment at column 0 (those introduce the next
record, or close the file). A file in another shape (a flow list, a record in flow style) is
refused with ListShapeError rather than rewritten.
"""

from __future__ import annotations

import datetime as dt
import re

from dukcli import yamltext


class ListShapeError(ValueError):
    """The file is not a block list of block mappings: duk will not rewrite it."""


def newline_of(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _lines(text: str) -> list[str]:
    """The file's lines, each with its own line ending."""
    return text.splitlines(keepends=True)


def spans(text: str) -> list[tuple[int, int]]:
    """(first, last) 0-based line indexes of each record, in file order."""
    doc = yamltext.load(text.replace("\r\n", "\n")) if text.strip() else []
    if doc is None:
        doc = []
    if not isinstance(doc, list):
        raise ListShapeError("not a list")
    lines = _lines(text)
    starts = [n - 1 for n in getattr(doc, "lines", [])]
    for start in starts:
        if not lines[start].startswith("- ") or not isinstance(doc[starts.index(start)], dict):
            raise ListShapeError(f"line {start + 1}")
    out = []
    for i, start in enumerate(starts):
        end = (starts[i + 1] if i + 1 < len(starts) else len(lines)) - 1
        while end > start and _outside(lines[end]):
            end -= 1
        out.append((start, end))
    return out


def _outside(line: str) -> bool:
    """A blank line, or a comment at column 0: between records, not part of one."""
    stripped = line.strip()
    return not stripped or line.startswith("#")


def scalar(value) -> str:
    """A value as it is written in a list file: plain where YAML reads it back the same, quoted
    otherwise; dates as YYYY-MM-DD; lists of ids in flow style ([a, b])."""
    if value is None:
        return "null"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(scalar(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    dumped = yamltext.dump({"k": text})
    if dumped.startswith("k: |") or "\n" in text:
        raise ValueError("a list file keeps one-line values")
    return dumped[3:].rstrip("\n")


def record_text(fields: dict, newline: str = "\n") -> str:
    """A record as list-file lines: "- key: value" then "  key: value", in the order given;
    keys whose value is None are left out."""
    out = []
    for key, value in fields.items():
        if value is None:
            continue
        out.append(("- " if not out else "  ") + f"{key}: {scalar(value)}")
    if not out:
        raise ValueError("an empty record")
    return newline.join(out) + newline


def append(text: str, fields: dict) -> str:
    """The file with a new record at its end, after one blank line (as the files are kept)."""
    nl = newline_of(text)
    body = text
    if body and not body.endswith(("\n", "\r\n")):
        body += nl
    if body.strip() in ("[]", ""):
        body = "" if body.strip() == "[]" else body
    gap = nl if body.strip() else ""
    return body + gap + record_text(fields, nl)


def replace(text: str, index: int, fields: dict) -> str:
    """The file with record `index` (0-based, file order) rewritten from fields."""
    lines = _lines(text)
    start, end = spans(text)[index]
    return "".join(lines[:start]) + record_text(fields, newline_of(text)) + "".join(lines[end + 1:])


def set_values(text: str, index: int, values: dict) -> str:
    """The file with some top-level keys of record `index` set (None: removed). A key's line is
    rewritten in place, keeping an inline comment after the old value (a value written over
    several lines — a block list of units — becomes one line); a new key goes after the
    record's last line. Only those lines change."""
    lines = _lines(text)
    start, end = spans(text)[index]
    nl = newline_of(text)
    keys = _keys(lines, start, end)
    drop: set[int] = set()
    added = []
    for key, value in values.items():
        if key not in keys:
            if value is not None:
                added.append(f"  {key}: {scalar(value)}{nl}")
            continue
        first, last = keys[key]
        if first == start and value is None:
            raise ValueError("the first key of a record cannot be removed")
        drop.update(range(first + 1, last + 1))
        if value is None:
            drop.add(first)
        else:
            lines[first] = _with_value(lines[first], scalar(value))
    body = [line for n, line in enumerate(lines[start:end + 1], start) if n not in drop]
    if added and not body[-1].endswith(("\n", "\r\n")):
        body[-1] += nl
    return "".join(lines[:start] + body + added + lines[end + 1:])


_KEY = re.compile(r"^(- |  )([A-Za-z][A-Za-z0-9_-]*):(?=[ \t]|\r?\n|$)")


def _keys(lines: list[str], start: int, end: int) -> dict[str, tuple[int, int]]:
    """key -> (its line, the last line of its value) for the record's top-level keys."""
    out: dict[str, tuple[int, int]] = {}
    current = None
    for n in range(start, end + 1):
        found = _KEY.match(lines[n])
        if found and (n == start) == (found.group(1) == "- "):
            current = found.group(2)
            out[current] = (n, n)
        elif current is not None and _CONTINUED.match(lines[n]):
            out[current] = (out[current][0], n)
        else:
            current = None  # a comment or a blank line inside the record: not the value's
    return out


# A line that carries on the value of the key above it: deeper than the record's keys, or an
# item of a block list written at the keys' own indentation ("  units:" then "  - a").
_CONTINUED = re.compile(r"^(   |  - )")


def _with_value(line: str, value: str) -> str:
    """The key's line with a new value; an inline comment after the old value is kept."""
    ending = "\r\n" if line.endswith("\r\n") else "\n" if line.endswith("\n") else ""
    body = line[:len(line) - len(ending)]
    head = _KEY.match(body).group(0)
    return f"{head} {value}{_comment(body[len(head):])}{ending}"


def _comment(rest: str) -> str:
    """The inline comment after a value (with the spaces before it), or ""."""
    value = rest.lstrip(" \t")
    if value.startswith(("|", ">")):
        raise ValueError("a block scalar in a list file")
    if value.startswith(("'", '"')):
        after = value[_closing_quote(value) + 1:]
    else:
        found = re.search(r"[ \t]#", value)
        after = value[len(value[:found.start()].rstrip(" \t")):] if found else ""
    return after if re.match(r"[ \t]+#", after) else ""


def _closing_quote(value: str) -> int:
    quote, i = value[0], 1
    while i < len(value):
        if quote == '"' and value[i] == "\\":
            i += 2
            continue
        if value[i] == quote:
            if quote == "'" and value[i + 1:i + 2] == "'":
                i += 2
                continue
            return i
        i += 1
    return len(value)
