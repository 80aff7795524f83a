"""A visit file in the shape duk writes it, read in one pass straight into its record.

A first `check` of a province's folder reads a million visit files; through yamltext's line
reader and schema.parse_visit each cost about 60 µs on the bench folder, against 45 µs here:
no stack of open mappings, no located mapping for every level, no sink. Nearly every visit file
has one shape: top-level "key: value" lines for person, unit and date, and a "work:" or
"meeting:" line followed by its fields indented two spaces, each a one-line scalar or a
literal block. `read` reads that shape only, and only a file with nothing to say about it:
everything else — another shape, a doubtful value, anything parse_visit would warn of — is
declined (None), and the general path reads the file and says what it says.

The values are the line reader's own (yamltext.one_line and literal_block on a text that
yamltext.line_readable accepts), and each check is schema's own (valid_id, day_of,
text_problem), so that a file read here gives exactly parse_visit's record: tests/test_visitfast
holds the two readers to each other on generated and damaged visit texts. One check is left out:
each value's scan for control characters, because line_readable has refused every one of them
in the whole text already and the line reader's escapes make none (a test holds this).
"""

from __future__ import annotations

from dukcli import model as m
from dukcli import schema, yamltext
from dukcli.dates import DateError

_TOP = ("person", "unit", "date")
_SECTIONS = {"work": m.WORK_FIELDS, "meeting": m.MEETING_FIELDS + ("rating",)}


def read(text: str, file: str, plain: bool = False) -> m.Visit | None:
    """The visit of a text in duk's shape that parse_visit would take without a word; None
    for any other text. plain: yamltext.plain_bytes() of its bytes is true."""
    if not yamltext.line_readable(text, plain):
        return None
    try:
        found = _read(text.split("\n"))
        return None if found is None else _visit(*found, file)
    except (yamltext.Decline, DateError):
        return None


def _read(lines: list[str]) -> tuple[dict, dict, dict, int] | None:
    """(top-level values, sections' fields, every key's line, the first key's line) of a text's
    lines, as the line reader reads them; None for a line outside the shape."""
    top: dict = {}
    sections: dict[str, dict] = {}
    where: dict[str, int] = {}  # key ("meeting.rating") -> line: parse_visit's Visit.lines
    section, fields, allowed = "", None, ()  # the section being read, its fields so far, those it may have
    first = 0
    at, count = 0, len(lines)
    while at < count:
        raw = lines[at]
        at += 1
        line = at
        # Positions found rather than the line partitioned: copying every note three times over
        # cost a fifth of this loop.
        if raw[:1] == " ":
            if raw[1:2] != " " or raw[2:3] in (" ", ""):
                if raw.strip(" "):
                    return None  # another indentation: a value over several lines, a nested block
                continue  # a line of spaces, skipped by the line reader too
            colon = raw.find(":", 2)
            if colon < 0 or fields is None:
                return None
            name = raw[2:colon]
            if name in fields or name not in allowed:
                return None
            after = raw[colon + 1:colon + 2]
            if after != " ":
                return None  # "a:b", or a null or a nested block below ("a:"): parse_visit's to judge
            value = raw[colon + 2:].strip(" ")
            if not value:
                return None
            if value[0] == "|":
                fields[name], at = yamltext.literal_block(value, lines, at, 2)
            else:
                fields[name] = yamltext.one_line(value)
            where[section + "." + name] = line
            continue
        if not raw:
            continue
        colon = raw.find(":")
        if colon < 0:
            return None
        name = raw[:colon]
        after = raw[colon + 1:colon + 2]
        if name in where or after not in ("", " "):
            return None
        value = raw[colon + 2:].strip(" ") if after else ""
        if name in _SECTIONS and not value:
            section, fields, allowed = name, {}, _SECTIONS[name]
            sections[name] = fields
        elif name in _TOP and value and value[0] != "|":
            top[name] = yamltext.one_line(value)
            fields = None
        else:
            return None
        where[name] = line
        first = first or line
    return top, sections, where, first


def _visit(top: dict, sections: dict, where: dict, first: int, file: str) -> m.Visit | None:
    person, unit = top.get("person"), top.get("unit")
    if not (schema.valid_id(person) and schema.valid_id(unit)) or "date" not in top or not sections:
        return None
    day = schema.day_of(top["date"])
    parts = {}
    for name, given in sections.items():
        notes = _notes(given, _SECTIONS[name])
        if notes is None:
            return None
        parts[name] = notes
    meeting = parts.get("meeting")
    rating = meeting.pop("rating", None) if meeting is not None else None
    if rating is not None and rating not in m.RATINGS:
        return None
    return m.Visit(person, unit, day, parts.get("work"), meeting, rating, file, first, where)


def _notes(given: dict, fields: tuple[str, ...]) -> dict | None:
    """A section's texts as schema._section keeps them, in its fields' order; None when one
    has a problem."""
    out = {}
    for name in fields:
        value = given.get(name)
        if value is None:
            continue
        if schema.text_problem(name, value, multiline=(name != "rating"), controls=False) is not None:
            return None
        value = str(value).strip()
        if value:
            out[name] = value
    return out
