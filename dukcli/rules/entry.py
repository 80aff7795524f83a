"""A new visit built from what the clerk gave (options, a file, answers, an editor): pure.

The entry is judged by serialising it exactly as it will be written and reading it back
through the same parser and per-visit checks as `duk check`, so that log-visit can never
write a file that check would refuse.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dukcli import model as m
from dukcli.text import nfc
from dukcli.words import regulation as W

# Command-line option (Python name) -> (section, field) of the visit file.
TEXT_OPTIONS = {
    "situation": ("work", "situation"),
    "difficulties": ("work", "difficulties"),
    "work_proposals": ("work", "proposals"),
    "preparation": ("meeting", "preparation"),
    "conduct": ("meeting", "conduct"),
    "feasibility": ("meeting", "feasibility"),
    "lessons": ("meeting", "lessons"),
    "requests": ("meeting", "requests"),
    "meeting_proposals": ("meeting", "proposals"),
    "rating": ("meeting", "rating"),
}

SECTIONS = ("work", "meeting")
SECTION_FIELDS = {"work": m.WORK_FIELDS, "meeting": m.MEETING_FIELDS + ("rating",)}
SECTION_NAMES = W.SECTION_NAMES

# The items of the report form (regulation, attached form), as prompts and editor hints.
LABELS = W.LABELS


class EntryError(ValueError):
    """Input that cannot become a visit at all; the message is for the user."""


@dataclass
class Draft:
    """A visit being put together; person, unit and date are still what was typed."""

    person: str | None = None
    unit: str | None = None
    date: str | None = None
    sections: dict = field(default_factory=dict)  # "work"/"meeting" -> {field: value} (or a bad raw value)
    extra: dict = field(default_factory=dict)  # unknown keys of a file, kept so the check names them


def from_document(doc) -> Draft:
    """A draft from a visit in the SPEC format (as read by yamltext.load); keys may be missing."""
    if doc is None:
        return Draft()
    if not isinstance(doc, dict):
        raise EntryError(W.NOT_A_VISIT)
    draft = Draft()
    for key, value in doc.items():
        if key in ("person", "unit", "date"):
            setattr(draft, key, None if value is None or value == "" else str(value))
        elif key in SECTIONS:
            if value is None or value == "":
                draft.sections[key] = {}
            elif isinstance(value, dict):
                draft.sections[key] = dict(value)
            else:
                draft.sections[key] = value  # kept as is: the check says why it is wrong
        else:
            draft.extra[key] = value
    return draft


def with_options(draft: Draft, person: str | None = None, unit: str | None = None, date: str | None = None,
                 parts: tuple[str, ...] = (), texts: dict | None = None) -> Draft:
    """The draft with command-line options laid over it: options win, a text implies its section."""
    sections = {k: (dict(v) if isinstance(v, dict) else v) for k, v in draft.sections.items()}
    for part in parts:
        sections.setdefault(part, {})
    for option, value in (texts or {}).items():
        if value is None:
            continue
        section, name = TEXT_OPTIONS[option]
        current = sections.get(section)
        if not isinstance(current, dict):
            current = {}
        if value != "":
            current[name] = value
        sections[section] = current
    return Draft(person if person is not None else draft.person,
                 unit if unit is not None else draft.unit,
                 date if date is not None else draft.date,
                 sections, dict(draft.extra))


def _clean(value):
    """NFC text without the blank lines and spaces an editor or a shell leaves around it."""
    return nfc(value).strip() if isinstance(value, str) else value


def _section(values, fields: tuple[str, ...], blanks: bool):
    if not isinstance(values, dict):
        return _clean(values)
    out = {}
    for name in fields:
        value = _clean(values.get(name))
        if value is not None and value != "":
            out[name] = value
        elif blanks:
            out[name] = None
    for name, value in values.items():  # unknown fields, kept so that the check names them
        if name not in fields:
            out[_clean(str(name))] = _clean(value)
    return out


def to_mapping(person: str, unit: str, day: dt.date, sections: dict, extra: dict | None = None,
               blanks: bool = False) -> dict:
    """The visit file's mapping in SPEC key order; with blanks, empty items of a section as None
    (the editor's template shows every item of the chosen parts)."""
    out: dict = {"person": person, "unit": unit, "date": day}
    for name in SECTIONS:
        if name in sections:
            out[name] = _section(sections[name], SECTION_FIELDS[name], blanks)
    for key, value in (extra or {}).items():
        out[_clean(str(key))] = _clean(value)
    return out


def editor_text(mapping: dict) -> str:
    """The YAML a clerk edits: the entry, with empty items left blank after their key."""
    from dukcli import yamltext

    lines = []
    for line in yamltext.dump(mapping).splitlines():
        # Only section items sit at an indent of exactly two spaces; text lines sit deeper.
        if line.startswith("  ") and not line.startswith("   ") and line.endswith(": null"):
            line = line[: -len(" null")]
        lines.append(line)
    return W.EDITOR_HEADER + "\n".join(lines) + "\n"


def stem(day: dt.date, person: str, unit: str) -> str:
    """2019-05-14-nguyen-thi-lan-cb-so-tai-chinh"""
    return f"{day.isoformat()}-{person}-{unit}"


def folder(day: dt.date) -> str:
    """visits/2019/05"""
    return f"visits/{day.year:04d}/{day.month:02d}"


commit_message = W.commit_message


@dataclass(frozen=True)
class Verdict:
    """What `duk check` would say of a record before it is written: a visit, an Article 5.2
    statement or a step of a proposal's follow-up."""

    text: str  # exactly what will be written
    record: object | None  # the record as check reads it back from text; None when it cannot
    diags: list

    @property
    def errors(self) -> list:
        return [d for d in self.diags if d.severity == "error"]

    @property
    def warnings(self) -> list:
        return [d for d in self.diags if d.severity == "warning"]


def read_back(mapping: dict, rel: str, parse) -> Verdict:
    """mapping written as duk writes a file, read back and parsed (schema.parse_…) as `check`
    reads the file rel: the verdict on the file alone; the cross-record checks are the caller's."""
    from dukcli import codes, schema, yamltext

    text = yamltext.dump(mapping)
    sink = schema.Sink(rel)
    try:
        doc = yamltext.load(text)
    except yamltext.YamlError as e:
        sink.add(e.line, codes.get(e.code), e.message)
        return Verdict(text, None, sink.diags)
    return Verdict(text, parse(sink, doc), list(sink.diags))


def judge(ds: m.Dataset, mapping: dict, rel: str, today: dt.date) -> Verdict:
    """Serialise, read back and check the entry exactly as `duk check` would check the file rel."""
    from dukcli.rules.validate import VisitIndex, check_visit
    from dukcli import codes, schema

    read = read_back(mapping, rel, schema.parse_visit)
    visit = read.record
    if visit is None:
        return read
    index = VisitIndex(ds)
    diags = read.diags + [d for d in check_visit(ds, visit, today, index) if d.code != codes.DUPLICATE_VISIT.name]
    twins = index.twins(ds, visit)
    if twins:  # a warning in `check` (on the later file), a refusal for a new entry (SPEC §5)
        line = visit.lines.get("date", visit.line)
        diags.append(codes.diagnostic(rel, line, codes.DUPLICATE_VISIT, twin_message(twins[0].file),
                                      refusal=True))
    return Verdict(read.text, visit, diags)


twin_message = W.same_day_twin


def article4_lines(ds: m.Dataset, visit: m.Visit, as_of: dt.date) -> list[str]:
    """What the visit (already in ds) does to Article 4: for a specialist the months of the
    visit's quarter for that unit, for a Standing Committee member the year so far."""
    from dukcli.periods import quarter_of
    from dukcli.rules import quota

    period = quarter_of(visit.date)
    result = quota.compute(ds, period, as_of)
    unit = ds.counted_unit(visit.unit)
    out = []
    months_shown = False
    for row in result.rows:
        if row.person != visit.person:
            continue
        status = quota.STATUS_WORDS[row.status]
        if row.role == "theo-doi" and row.unit == unit:
            months = ", ".join(W.month_mark(int(s.month[5:]), quota.STATE_MARKS[s.state], s.visits)
                               for s in row.months)
            out.append(W.specialist_progress(row.name, row.unit_name, period.label, months, row.met,
                                             row.required, status))
            months_shown = True
        elif row.role == "phu-trach":
            out.append(W.member_progress(row.name, row.visits_ytd, period.year, row.target_year, period.label,
                                         row.expected, status))
    if months_shown:
        out.append(W.MONTHS_LEGEND)
    if not out:
        out.append(W.NOT_COUNTED)
    return out
