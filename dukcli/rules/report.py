"""The individual report of Article 6.1: what goes into each line of the form (pure).

The context is plain dicts, lists and strings, so a Word template a clerk edits can use it
without Python. Items are flat lists of paragraphs: a template loops over them with one
`{%p for para in ... %}` and never needs to know how a note was split.
"""

from __future__ import annotations

import datetime as dt

from dukcli import model as m
from dukcli.dates import fmt, long_vn
from dukcli.periods import Period
from dukcli.words import documents as W

NONE = W.NONE
NOT_ASSIGNED = W.NOT_ASSIGNED

# Item numbers of the form and the visit section and field that fill them.
WORK_ITEMS = {"situation": "I.2", "difficulties": "I.3", "proposals": "I.4"}
MEETING_ITEMS = {"preparation": "II.2", "conduct": "II.3", "feasibility": "II.4",
                 "lessons": "II.5", "requests": "II.6", "proposals": "II.7"}

# The form's item titles (end of the regulation), for the shipped template and the tests.
TITLES = W.ITEM_TITLES


def one_line(text: str | None) -> str:
    """A header value on one line: runs of whitespace (newlines too) become one space."""
    return " ".join((text or "").split())


def note_lines(text: str | None) -> list[str]:
    """The non-blank lines of a note, each stripped: each becomes its own paragraph."""
    return [" ".join(line.split()) for line in (text or "").splitlines() if line.strip()]


def period_phrase(period: Period) -> str:
    """The label as it reads inside a sentence: 'quý II năm 2019', '6 tháng đầu năm 2019'."""
    label = period.label
    return label[:1].lower() + label[1:]


def place_date(config: m.Config, day: dt.date) -> str:
    """'Hòa Bình, ngày 28 tháng 6 năm 2019'; without a place, 'Ngày 28 tháng 6 năm 2019'."""
    place = one_line(config.org_place)
    return f"{place}, {long_vn(day)}" if place else long_vn(day).capitalize()


def opening(config: m.Config, period: Period) -> str:
    return W.report_opening(one_line(config.regulation), period_phrase(period))


def visits_of(ds: m.Dataset, person: str, period: Period) -> list[m.Visit]:
    """The person's visits dated within the period, oldest first."""
    return [v for v in ds.visits if v.person == person and period.start <= v.date <= period.end]


def _place(ds: m.Dataset, v: m.Visit) -> str:
    return f"{fmt(v.date)}, {one_line(ds.unit_name(v.unit))}"


def visit_entry(ds: m.Dataset, v: m.Visit, counted: bool, with_rating: bool) -> str:
    """Item I.1 / II.1: '14/05/2019, Chi bộ Sở Tài chính (xếp loại: Tốt)'."""
    text = _place(ds, v)
    if with_rating and v.rating in m.RATINGS:
        text += f" {W.rated(m.RATINGS[v.rating])}"
    if not counted:
        text += f" {NOT_ASSIGNED}"
    return text


def note_entry(ds: m.Dataset, v: m.Visit, note: str | None) -> list[str]:
    """'DD/MM/YYYY, unit: first line', then every further line as its own paragraph."""
    lines = note_lines(note)
    if not lines:
        return []
    return [f"{_place(ds, v)}: {lines[0]}", *lines[1:]]


def _or_none(paragraphs: list[str]) -> list[str]:
    return paragraphs or [NONE]


def build_items(ds: m.Dataset, visits: list[m.Visit], counted: set[int]) -> dict[str, list[str]]:
    """Every item of parts I and II as its list of paragraphs ('Không có.' when empty).
    `counted` holds the indexes (in visits) of the visits that count for an assignment."""
    work = [(i, v) for i, v in enumerate(visits) if v.work is not None]
    meeting = [(i, v) for i, v in enumerate(visits) if v.meeting is not None]
    items = {"I.1": _or_none([visit_entry(ds, v, i in counted, False) for i, v in work]),
             "II.1": _or_none([visit_entry(ds, v, i in counted, True) for i, v in meeting])}
    for field, key in WORK_ITEMS.items():
        items[key] = _or_none([p for _, v in work for p in note_entry(ds, v, v.work.get(field))])
    for field, key in MEETING_ITEMS.items():
        items[key] = _or_none([p for _, v in meeting for p in note_entry(ds, v, v.meeting.get(field))])
    return items


def build_context(ds: m.Dataset, person: m.Person, period: Period, day: dt.date,
                  counted: set[int] | None = None) -> dict:
    """Everything the report template uses. `counted`: indexes of visits_of() that count for
    an assignment (None: all of them); the caller computes it with the quota engine."""
    visits = visits_of(ds, person.id, period)
    items = build_items(ds, visits, set(range(len(visits))) if counted is None else counted)
    cfg = ds.config
    return {
        "org": {"parent": one_line(cfg.org_parent), "name": one_line(cfg.org_name),
                "short": one_line(cfg.org_short), "place": one_line(cfg.org_place)},
        "place_date": place_date(cfg, day),
        "date": fmt(day),
        "regulation": one_line(cfg.regulation),
        "period": {"code": period.code, "label": period.label, "phrase": period_phrase(period)},
        "person": {"id": person.id, "name": one_line(person.name),
                   "position": one_line(person.position), "department": one_line(person.department)},
        "opening": opening(cfg, period),
        "work": {"visits": items["I.1"], **{f: items[k] for f, k in WORK_ITEMS.items()}},
        "meeting": {"visits": items["II.1"], **{f: items[k] for f, k in MEETING_ITEMS.items()}},
        "items": items,
        "visit_count": len(visits),
    }


def expected_texts(context: dict) -> list[str]:
    """The data strings the written file must contain: every entry and the person's name."""
    texts = [context["person"]["name"]]
    for paragraphs in context["items"].values():
        texts.extend(p for p in paragraphs if p != NONE)
    return [t for t in texts if t]


def sample_context() -> dict:
    """A realistic context, for checking a template a clerk edited (duk template check)."""
    config = m.Config(org_parent=W.SAMPLE_ORG_PARENT, org_name=W.SAMPLE_ORG_NAME, org_short=W.SAMPLE_ORG_SHORT,
                      org_place=W.SAMPLE_ORG_PLACE)
    unit = m.Unit("cb-mau", W.SAMPLE_BRANCH, "chi-bo-co-so")
    person = m.Person("nguoi-mau", W.SAMPLE_PERSON, W.SAMPLE_POSITION, W.SAMPLE_DEPARTMENT)
    notes = {f: f"{W.sample_note(f)}\n{W.SAMPLE_SECOND_LINE}" for f in m.WORK_FIELDS}
    minutes = {f: W.sample_note(f) for f in m.MEETING_FIELDS}
    visits = [m.Visit(person.id, unit.id, dt.date(2019, 5, 14), notes, minutes, "tot")]
    ds = m.Dataset.build(config, [unit], [person], [], visits, [])
    return build_context(ds, person, Period("Q", 2019, 2), dt.date(2019, 6, 28))
