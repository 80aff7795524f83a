"""The schema of the data files (SPEC §2): located YAML (yamltext) turned into records, collecting diagnostics instead of raising.

A record is kept whenever its identity could be read, so that one bad optional field does
not hide the record from the cross-checks (and flood the output with unknown-person errors).
"""

from __future__ import annotations

import datetime as dt
import re

from dukcli import codes
from dukcli import model as m
from dukcli.dates import DateError, parse_date
from dukcli.yamltext import LList, LMap
from dukcli.text import bad_char
from dukcli.words import records as W

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_TEXT = 100_000


class Sink:
    """Collects the diagnostics of one file."""

    def __init__(self, file: str):
        self.file = file
        self.diags: list[m.Diagnostic] = []

    def add(self, line: int, code: codes.Code, message: str) -> None:
        """One diagnostic; an error or a warning as the registry says of code."""
        self.diags.append(codes.diagnostic(self.file, line, code, message))


# --- fields ------------------------------------------------------------------------------

def _line(mapping: LMap, key: str) -> int:
    return mapping.lines.get(key, mapping.line)


def keys(sink: Sink, mapping, allowed: tuple[str, ...], required: tuple[str, ...], what: str,
         line: int | None = None) -> bool:
    """Unknown keys and missing keys; False when the value is not a mapping at all.

    line: where the value is, for a plain scalar (which carries no line of its own)."""
    if not isinstance(mapping, LMap):
        sink.add(getattr(mapping, "line", None) or line or 1, codes.SCHEMA, W.not_a_mapping(what))
        return False
    for key in mapping:
        if key not in allowed:
            sink.add(_line(mapping, key), codes.SCHEMA, W.unknown_key(key=key, what=what, allowed=allowed))
    for key in required:
        if key not in mapping:
            sink.add(mapping.line, codes.SCHEMA, W.missing_key(what=what, key=key))
        elif mapping[key] is None or mapping[key] == "":
            sink.add(_line(mapping, key), codes.SCHEMA, W.empty_required_key(what=what, key=key))
    return True


def text(sink: Sink, mapping: LMap, key: str, multiline: bool = True) -> str | None:
    value = mapping.get(key)
    if value is None:
        return None
    problem = text_problem(key, value, multiline)
    if problem is not None:
        sink.add(_line(mapping, key), *problem)
        return None
    return str(value).strip() or None


def text_problem(key: str, value, multiline: bool = True, controls: bool = True) -> tuple[codes.Code, str] | None:
    """(code, message) of a text field's value that cannot be taken, None for a good one (which
    `text` then keeps stripped; visitfast declines a file with any problem). controls=False:
    the caller knows the value holds no control character (see visitfast)."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        return codes.SCHEMA, W.not_text(key)
    value = str(value)
    bad = bad_char(value) if controls else None
    if bad is not None:
        return codes.BAD_TEXT, W.control_char_in(key, bad)
    if len(value) > MAX_TEXT:
        return codes.SCHEMA, W.text_too_long(key, MAX_TEXT)
    if not multiline and "\n" in value.strip():
        return codes.SCHEMA, W.not_one_line(key)
    return None


def valid_id(value) -> bool:
    return isinstance(value, str) and bool(ID_RE.match(value)) and len(value) <= 64


def ident(sink: Sink, mapping: LMap, key: str) -> str | None:
    value = mapping.get(key)
    if value is None:
        return None
    line = _line(mapping, key)
    if not valid_id(value):
        sink.add(line, codes.BAD_ID, W.bad_id(value))
        return None
    return value


_DAYS: dict[str, dt.date] = {}  # a date's text -> the day: a year's 100,000 visits name 365 days


def date(sink: Sink, mapping: LMap, key: str) -> tuple[bool, dt.date | None]:
    """(ok, value): ok is False when a value was there but could not be read."""
    value = mapping.get(key)
    if value is None:
        return True, None
    try:
        return True, day_of(value)
    except DateError as e:
        sink.add(_line(mapping, key), codes.BAD_DATE, f"'{key}': {e}")
        return False, None


def day_of(value) -> dt.date:
    """The day a date field's value names (DateError if none), remembered by its text."""
    day = _DAYS.get(value) if value.__class__ is str else None
    if day is not None:
        return day
    day = parse_date(str(value))
    if value.__class__ is str and len(_DAYS) < 8192:
        _DAYS[value] = day
    return day


def choice(sink: Sink, mapping: LMap, key: str, allowed) -> str | None:
    value = mapping.get(key)
    if value is None:
        return None
    if value not in allowed:
        sink.add(_line(mapping, key), codes.SCHEMA, W.value_not_allowed(key=key, value=value, allowed=allowed))
        return None
    return value


def integer(sink: Sink, mapping: LMap, key: str, lo: int, hi: int) -> int | None:
    value = mapping.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        sink.add(_line(mapping, key), codes.SCHEMA, W.not_integer_between(key, lo=lo, hi=hi))
        return None
    return value


def date_range(sink: Sink, mapping: LMap) -> tuple[dt.date | None, dt.date | None]:
    _, start = date(sink, mapping, "from")
    _, end = date(sink, mapping, "to")
    if start and end and start > end:
        sink.add(_line(mapping, "from"), codes.BAD_RANGE, W.start_after_end(start=start, end=end))
    return start, end


def items(sink: Sink, doc, what: str) -> list[tuple[int, LMap]]:
    """The items of a list file (an empty file is an empty list)."""
    if doc is None:
        return []
    if not isinstance(doc, LList):
        sink.add(getattr(doc, "line", 1), codes.SCHEMA, W.file_not_a_list(what))
        return []
    return [(line, item) for line, item in zip(doc.lines, doc)]


def _lines(mapping: LMap, prefix: str = "") -> dict:
    return {prefix + k: v for k, v in mapping.lines.items()}


# --- files -------------------------------------------------------------------------------

CONFIG_KEYS = ("organization", "regulation", "quota", "report", "bodies")


PLACEHOLDER = re.compile(r"\.\.\.|…")


def _placeholders(sink: Sink, doc: LMap, org, values: dict) -> tuple[str, ...]:
    """The header fields where duk init's "..." still stands: warned here, refused in a document."""
    found = []
    for key, value in values.items():
        if not isinstance(value, str) or not PLACEHOLDER.search(value):
            continue
        name = key[4:] if key.startswith("org_") else key
        where = org if key.startswith("org_") else doc
        full = f"organization.{name}" if key.startswith("org_") else name
        sink.add(_line(where, name), codes.PLACEHOLDER, W.placeholder_left(full))
        found.append(full)
    return tuple(found)


def parse_config(sink: Sink, doc) -> m.Config:
    if doc is None:
        sink.add(1, codes.SCHEMA, W.EMPTY_CONFIG)
        return m.Config()
    if not keys(sink, doc, CONFIG_KEYS, ("organization",), "duk.yaml", line=1):
        return m.Config()
    org = doc.get("organization")
    values: dict = _organization(sink, doc, org)
    reg = text(sink, doc, "regulation", multiline=False)
    if reg:
        values["regulation"] = reg
    values["placeholders"] = _placeholders(sink, doc, org, values)
    values.update(_quota(sink, doc))
    report = doc.get("report")
    if report is not None and keys(sink, report, ("due-day",), (), "report", line=_line(doc, "report")):
        values["due_day"] = integer(sink, report, "due-day", 1, 31)
    values.update(_bodies(sink, doc))
    return m.Config(**{k: v for k, v in values.items() if v is not None})


# duk.yaml `bodies:`: the two bodies that sign the compiled reports, each key given replacing
# the Đảng ủy Khối's default (model.ORGANISATION, model.INSPECTION).
BODIES = {"ban-to-chuc": ("organisation", m.ORGANISATION), "uy-ban-kiem-tra": ("inspection", m.INSPECTION)}
BODY_KEYS = {"name": "name", "short": "short", "sign-for": "sign_for", "sign-title": "sign_title"}


def _bodies(sink: Sink, doc: LMap) -> dict:
    bodies = doc.get("bodies")
    if bodies is None or not keys(sink, bodies, tuple(BODIES), (), "bodies", line=_line(doc, "bodies")):
        return {}
    out = {}
    for key, (field_name, default) in BODIES.items():
        body = bodies.get(key)
        if body is None or not keys(sink, body, tuple(BODY_KEYS), (), f"bodies.{key}", line=_line(bodies, key)):
            continue
        given = {attr: text(sink, body, yaml_key, multiline=False) for yaml_key, attr in BODY_KEYS.items()}
        out[field_name] = m.Body(**{attr: value or getattr(default, attr) for attr, value in given.items()})
    return out


def _organization(sink: Sink, doc: LMap, org) -> dict:
    """organization.parent/name/short/place as Config's org_* fields."""
    if isinstance(org, LMap) and keys(sink, org, ("parent", "name", "short", "place"), ("name",), "organization"):
        return {"org_" + key: text(sink, org, key, multiline=False) or "" for key in ("parent", "name", "short", "place")}
    if org is not None and not isinstance(org, LMap):
        keys(sink, org, (), (), "organization", line=_line(doc, "organization"))
    return {}


def _quota(sink: Sink, doc: LMap) -> dict:
    """Article 4's minimums: quota.phu-trach.per-year and quota.theo-doi.per-month."""
    quota = doc.get("quota")
    if quota is None or not keys(sink, quota, ("phu-trach", "theo-doi"), (), "quota", line=_line(doc, "quota")):
        return {}
    out = {}
    pt = quota.get("phu-trach")
    if pt is not None and keys(sink, pt, ("per-year",), (), "quota.phu-trach", line=_line(quota, "phu-trach")):
        out["per_year"] = integer(sink, pt, "per-year", 1, 366)
    td = quota.get("theo-doi")
    if td is not None and keys(sink, td, ("per-month",), (), "quota.theo-doi", line=_line(quota, "theo-doi")):
        out["per_month"] = integer(sink, td, "per-month", 1, 31)
    return out


UNIT_KEYS = ("id", "name", "type", "parent", "meeting-day", "from", "to")


def parse_units(sink: Sink, doc) -> list[m.Unit]:
    read = []
    for line, item in items(sink, doc, "units.yaml"):
        if not keys(sink, item, UNIT_KEYS, ("id", "name", "type"), W.RECORD_NAMES["unit"], line=line):
            continue
        uid = ident(sink, item, "id")
        name = text(sink, item, "name", multiline=False)
        utype = choice(sink, item, "type", m.UNIT_TYPES)
        parent = ident(sink, item, "parent")
        day = integer(sink, item, "meeting-day", 1, 31)
        start, end = date_range(sink, item)
        if uid:
            read.append((item, uid, name, utype, parent, day, start, end))
    # A unit whose name or type is wrong is kept (the error is already reported) so that
    # every visit and assignment naming it does not also become an unknown-unit error.
    parents = {r[4] for r in read if r[4]}
    out = []
    for item, uid, name, utype, parent, day, start, end in read:
        if utype is None:
            utype = "chi-bo-truc-thuoc" if parent else "dang-bo-co-so" if uid in parents else "chi-bo-co-so"
        out.append(m.Unit(uid, name or uid, utype, parent, day, start, end, sink.file, item.line, _lines(item)))
    return out


PERSON_KEYS = ("id", "name", "position", "department")


def parse_people(sink: Sink, doc) -> list[m.Person]:
    out = []
    for line, item in items(sink, doc, "people.yaml"):
        if not keys(sink, item, PERSON_KEYS, ("id", "name"), W.RECORD_NAMES["person"], line=line):
            continue
        pid = ident(sink, item, "id")
        name = text(sink, item, "name", multiline=False)
        position = text(sink, item, "position", multiline=False) or ""
        department = text(sink, item, "department", multiline=False) or ""
        if pid:  # kept even with a bad name, so that its visits are not unknown-person errors
            out.append(m.Person(pid, name or pid, position, department, sink.file, item.line, _lines(item)))
    return out


ASSIGNMENT_KEYS = ("person", "role", "units", "from", "to", "basis")


def parse_assignments(sink: Sink, doc) -> list[m.Assignment]:
    out = []
    for line, item in items(sink, doc, "assignments.yaml"):
        if not keys(sink, item, ASSIGNMENT_KEYS, ("person", "role", "units"), W.RECORD_NAMES["assignment"], line=line):
            continue
        person = ident(sink, item, "person")
        role = choice(sink, item, "role", m.ROLES)
        lines = _lines(item)
        units = _unit_list(sink, item, lines)
        start, end = date_range(sink, item)
        basis = text(sink, item, "basis", multiline=False) or ""
        if person and role and units:
            out.append(m.Assignment(person, role, units, start, end, basis, sink.file, item.line, lines))
    return out


def _unit_list(sink: Sink, item: LMap, lines: dict) -> tuple[str, ...]:
    """The unit ids; the line of each goes into lines as 'units.<id>' (a block list has one per line)."""
    value = item.get("units")
    if isinstance(value, str):
        value = LList([value])
        value.line, value.lines = _line(item, "units"), [_line(item, "units")]
    if not isinstance(value, LList) or not value:
        if value is not None:
            sink.add(_line(item, "units"), codes.SCHEMA, W.UNITS_NOT_A_LIST)
        return ()
    ids = []
    for line, uid in zip(value.lines, value):
        if not valid_id(uid):
            sink.add(line, codes.BAD_ID, W.bad_unit_id(uid))
        else:
            ids.append(uid)
            lines.setdefault(f"units.{uid}", line)
    return tuple(ids)


VISIT_KEYS = ("person", "unit", "date", "work", "meeting")


def parse_visit(sink: Sink, doc) -> m.Visit | None:
    if doc is None:
        sink.add(1, codes.EMPTY_VISIT, W.EMPTY_VISIT)
        return None
    if not keys(sink, doc, VISIT_KEYS, ("person", "unit", "date"), W.RECORD_NAMES["visit"], line=1):
        return None
    person = ident(sink, doc, "person")
    unit = ident(sink, doc, "unit")
    ok, day = date(sink, doc, "date")
    lines = _lines(doc)
    work = _section(sink, doc, "work", m.WORK_FIELDS, lines)
    meeting = _section(sink, doc, "meeting", m.MEETING_FIELDS + ("rating",), lines)
    rating = None
    if meeting is not None:
        rating = meeting.pop("rating", None)
        if rating is not None and rating not in m.RATINGS:
            sink.add(lines.get("meeting.rating", doc.line), codes.SCHEMA,
                     W.value_not_allowed(key="rating", value=rating, allowed=m.RATINGS))
            rating = None
    if "work" not in doc and "meeting" not in doc:
        sink.add(doc.line, codes.EMPTY_VISIT, W.NO_PART)
    if person and unit and day and ok:
        return m.Visit(person, unit, day, work, meeting, rating, sink.file, doc.line, lines)
    return None


def _section(sink: Sink, doc: LMap, key: str, fields: tuple[str, ...], lines: dict) -> dict | None:
    if key not in doc:
        return None
    value = doc[key]
    if value is None or value == "":
        return {}
    if not keys(sink, value, fields, (), W.SECTION_NAMES[key], line=_line(doc, key)):
        return {}
    lines.update(_lines(value, key + "."))
    out = {}
    for field in fields:
        got = text(sink, value, field, multiline=(field != "rating"))
        if got is not None:
            out[field] = got
    return out


SUBMISSION_KEYS = ("person", "period", "date", "note")


def parse_submissions(sink: Sink, doc) -> list[m.Submission]:
    """The old single list, submissions.yaml (still read; new entries go one file each)."""
    found = (_submission(sink, item, line) for line, item in items(sink, doc, "submissions.yaml"))
    return [s for s in found if s is not None]


def parse_submission(sink: Sink, doc) -> m.Submission | None:
    """One submissions/YYYYQn/<person>.yaml: a single mapping."""
    return _submission(sink, doc, getattr(doc, "line", 1))


def _submission(sink: Sink, item, line: int) -> m.Submission | None:
    from dukcli.periods import PeriodError, parse_period

    if not keys(sink, item, SUBMISSION_KEYS, ("person", "period", "date"), W.RECORD_NAMES["submission"], line=line):
        return None
    person = ident(sink, item, "person")
    code = None
    raw = item.get("period")
    if raw is not None:
        try:
            # A file carries its year: a bare "Q2" would mean another quarter each year.
            if not re.match(r"^\s*\d{4}", str(raw)):
                raise PeriodError("")
            period = parse_period(str(raw))
            if period.kind != "Q":
                raise PeriodError("")
            code = period.code
        except PeriodError:
            sink.add(_line(item, "period"), codes.SCHEMA, W.period_not_a_quarter(raw))
    ok, day = date(sink, item, "date")
    text(sink, item, "note")
    if person and code and day:
        return m.Submission(person, code, day, sink.file, item.line, _lines(item))
    return None


# --- the grassroots voice (SPEC §7) ------------------------------------------------------

FEEDBACK_KEYS = ("unit", "person", "date", "kind", "rating", "by", "text")


def parse_feedback(sink: Sink, doc) -> m.Feedback | None:
    """One feedback/YYYY/<name>.yaml: a base committee's statement (Article 5.2)."""
    from dukcli.words import voice

    if not keys(sink, doc, FEEDBACK_KEYS, ("unit", "date", "kind", "text"), voice.RECORD_FEEDBACK, line=1):
        return None
    unit = ident(sink, doc, "unit")
    person = ident(sink, doc, "person")
    ok, day = date(sink, doc, "date")
    kind = choice(sink, doc, "kind", m.FEEDBACK_KINDS)
    rating = choice(sink, doc, "rating", m.FEEDBACK_RATINGS)
    by = text(sink, doc, "by", multiline=False)
    said = text(sink, doc, "text")
    if kind == "nhan-xet" and "person" in doc and doc.get("person") is None:
        sink.add(_line(doc, "person"), codes.SCHEMA, voice.person_required_for(kind))
    elif kind == "nhan-xet" and "person" not in doc:
        sink.add(doc.line, codes.SCHEMA, voice.person_required_for(kind))
    if unit and day and ok and kind and said and not (kind == "nhan-xet" and person is None):
        return m.Feedback(unit, person, day, kind, said, rating, by, sink.file, doc.line, _lines(doc))
    return None


RESPONSE_KEYS = ("item", "date", "status", "by", "text")
ITEM_RE = re.compile(r"^(\d{4}/\d{2}/[^#/]+)#(" + "|".join(re.escape(f) for f in m.PROPOSAL_FIELDS) + r")$")


def parse_response(sink: Sink, doc) -> m.Response | None:
    """One responses/YYYY/<name>.yaml: a step in the follow-up of a proposal."""
    from dukcli.words import voice

    if not keys(sink, doc, RESPONSE_KEYS, ("item", "date", "status"), voice.RECORD_RESPONSE, line=1):
        return None
    item = text(sink, doc, "item", multiline=False)
    if item is not None and not ITEM_RE.match(item):
        sink.add(_line(doc, "item"), codes.UNKNOWN_ITEM, voice.bad_item(item))
        item = None
    ok, day = date(sink, doc, "date")
    status = choice(sink, doc, "status", m.RESPONSE_STATUSES)
    by = text(sink, doc, "by", multiline=False)
    said = text(sink, doc, "text")
    if item and day and ok and status:
        return m.Response(item, day, status, said, by, sink.file, doc.line, _lines(doc))
    return None
