"""Cross-record checks of SPEC §5, as a flat list of validators that return diagnostics.

The checks of a single file (syntax, schema, ids, dates, text) live in store/parse.py; here
is what needs the whole folder. log-visit and submit call the same per-record functions.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import defaultdict

from dukcli import codes
from dukcli import model as m
from dukcli import words
from dukcli.words import regulation as W
from dukcli.dates import overlaps
from dukcli.periods import parse_period
from dukcli.rules import quota


def _diag(rec, key: str | None, code: codes.Code, message: str) -> m.Diagnostic:
    """A diagnostic at the line of rec's key (rec's own line without one); its severity is the code's."""
    line = rec.lines.get(key, rec.line) if key else rec.line
    return codes.diagnostic(rec.file, line, code, message)


def duplicate_ids(ds: m.Dataset, today: dt.date) -> list[m.Diagnostic]:
    out = []
    for records, what in ((ds.unit_list, W.RECORD_KINDS["unit"]), (ds.person_list, W.RECORD_KINDS["person"])):
        first: dict[str, object] = {}
        for rec in records:
            if rec.id in first:
                other = first[rec.id]
                out.append(_diag(rec, "id", codes.DUPLICATE_ID,
                                W.duplicate_id(what, rec.id, other.file, other.line)))
            else:
                first[rec.id] = rec
    return out


def unit_parents(ds: m.Dataset, today: dt.date) -> list[m.Diagnostic]:
    out = []
    for unit in ds.unit_list:
        if unit.type == "chi-bo-truc-thuoc":
            if not unit.parent:
                out.append(_diag(unit, "type", codes.BAD_PARENT,
                                 W.missing_parent(unit.id)))
            elif unit.parent not in ds.units:
                out.append(_diag(unit, "parent", codes.UNKNOWN_UNIT, words.unknown_unit(unit.parent)))
            elif ds.units[unit.parent].type != "dang-bo-co-so":
                out.append(_diag(unit, "parent", codes.BAD_PARENT,
                                 W.parent_not_party_committee(unit.parent)))
        elif unit.parent:
            out.append(_diag(unit, "parent", codes.BAD_PARENT,
                             W.parent_not_allowed(unit.id, m.TYPE_NAMES[unit.type])))
    return out


def _unit_key(a: m.Assignment, uid: str) -> str:
    """The line of one unit of an assignment (its own line in a block list)."""
    return f"units.{uid}" if f"units.{uid}" in a.lines else "units"


def assignment_refs(ds: m.Dataset, today: dt.date) -> list[m.Diagnostic]:
    out = []
    for a in ds.assignments:
        if a.person not in ds.people:
            out.append(_diag(a, "person", codes.UNKNOWN_PERSON, words.unknown_person(a.person)))
        for uid in a.units:
            unit = ds.units.get(uid)
            if unit is None:
                out.append(_diag(a, _unit_key(a, uid), codes.UNKNOWN_UNIT, words.unknown_unit(uid)))
            elif unit.type == "chi-bo-truc-thuoc":
                out.append(_diag(a, _unit_key(a, uid), codes.SCHEMA,
                                 W.assigned_sub_branch(uid, unit.parent)))
            else:
                out.extend(_assignment_in_unit_life(a, unit))
    return out


def _assignment_in_unit_life(a: m.Assignment, unit: m.Unit) -> list[m.Diagnostic]:
    out = []
    if unit.start and (a.start is None or a.start < unit.start):
        out.append(_diag(a, "from", codes.UNIT_INACTIVE,
                         W.assignment_before_unit(unit.id, unit.start)))
    if unit.end and (a.end is None or a.end > unit.end):
        out.append(_diag(a, "to" if a.end else _unit_key(a, unit.id), codes.UNIT_INACTIVE,
                         W.assignment_after_unit(unit.id, unit.end)))
    return out


def assignment_overlaps(ds: m.Dataset, today: dt.date) -> list[m.Diagnostic]:
    out = []
    by_person: dict[str, list[m.Assignment]] = defaultdict(list)
    for a in ds.assignments:
        by_person[a.person].append(a)
    for items in by_person.values():
        for i, later in enumerate(items):
            for earlier in items[:i]:
                if not overlaps(earlier.start, earlier.end, later.start, later.end):
                    continue
                if earlier.role != later.role:
                    out.append(_diag(later, "role", codes.ASSIGNMENT_OVERLAP,
                                     W.two_roles(later.person, earlier.role, earlier.file, earlier.line,
                                                 later.role)))
                for uid in sorted(set(earlier.units) & set(later.units)):
                    out.append(_diag(later, _unit_key(later, uid), codes.ASSIGNMENT_OVERLAP,
                                     W.unit_assigned_twice(later.person, uid, earlier.file, earlier.line)))
    return out


class VisitIndex:
    """What the per-visit checks look up: assignments by person, visits by person–unit–day."""

    def __init__(self, ds: m.Dataset):
        self.assignments: dict[str, list[m.Assignment]] = defaultdict(list)
        for a in ds.assignments:
            self.assignments[a.person].append(a)
        self.seen: dict[tuple, list[m.Visit]] = defaultdict(list)
        for v in ds.visits:
            self.seen[quota.same_day_key(ds, v)].append(v)

    def on_day(self, ds: m.Dataset, person: str, unit: str, day: dt.date) -> list[m.Visit]:
        """The files of that person, unit (after roll-up) and day (SPEC §4: one visit)."""
        return self.seen.get(quota.day_key(ds, person, unit, day), [])

    def twins(self, ds: m.Dataset, v: m.Visit) -> list[m.Visit]:
        """The other files of the same person, unit (after roll-up) and day."""
        return [w for w in self.on_day(ds, v.person, v.unit, v.date) if w.file != v.file]

    def counts_for(self, ds: m.Dataset, v: m.Visit) -> list[m.Assignment]:
        return quota.counts_for(ds, v, self.assignments.get(v.person, ()))


def check_visit(ds: m.Dataset, v: m.Visit, today: dt.date, index: VisitIndex) -> list[m.Diagnostic]:
    """Every cross-check of one visit; used by `check` and, for a new visit, by `log-visit`."""
    out = []
    if v.person not in ds.people:
        out.append(_diag(v, "person", codes.UNKNOWN_PERSON, words.unknown_person(v.person)))
    unit = ds.units.get(v.unit)
    if unit is None:
        out.append(_diag(v, "unit", codes.UNKNOWN_UNIT, words.unknown_unit(v.unit)))
    elif not unit.exists_on(v.date):
        out.append(_diag(v, "date", codes.UNIT_INACTIVE,
                         W.unit_not_existing(unit.name, v.date)))
    if v.date > today:
        out.append(_diag(v, "date", codes.FUTURE_DATE, words.future_date(v.date, today)))
    if v.person in ds.people and unit is not None and not index.counts_for(ds, v):
        out.append(_diag(v, "unit", codes.NOT_ASSIGNED,
                         W.visit_not_assigned(v.person, ds.counted_unit(v.unit), v.date)))
    # Said once per extra file, on the later ones: the first file (by path) is the visit that counts.
    first = min(index.twins(ds, v), key=lambda w: w.file, default=None)
    if first is not None and first.file < v.file:
        out.append(_diag(v, "date", codes.DUPLICATE_VISIT,
                         W.duplicate_visit(first.file)))
    return out


def visits(ds: m.Dataset, today: dt.date) -> list[m.Diagnostic]:
    index = VisitIndex(ds)
    out = []
    for v in ds.visits:
        out.extend(check_visit(ds, v, today, index))
    return out


@functools.lru_cache(maxsize=4096)
def _period_of(code: str):
    return parse_period(code)


def _quarter(code: str):
    """parse_period of a submission's quarter; the same few codes recur thousands of times. A
    code without its year (read against today) is not remembered."""
    return _period_of(code) if code[:1].isdigit() else parse_period(code)


def check_submission(ds: m.Dataset, s: m.Submission, today: dt.date) -> list[m.Diagnostic]:
    out = []
    if s.person not in ds.people:
        out.append(_diag(s, "person", codes.UNKNOWN_PERSON, words.unknown_person(s.person)))
    if s.date > today:
        out.append(_diag(s, "date", codes.FUTURE_DATE, words.future_date(s.date, today)))
    quarter = _quarter(s.period)
    if s.date < quarter.start:
        out.append(_diag(s, "date", codes.BAD_DATE, W.received_before_quarter(s.date, quarter.label, quarter.start)))
    return out


def submissions(ds: m.Dataset, today: dt.date) -> list[m.Diagnostic]:
    out = []
    first: dict[tuple[str, str], m.Submission] = {}
    for s in ds.submissions:
        out.extend(check_submission(ds, s, today))
        other = first.setdefault((s.person, s.period), s)
        if other is not s:
            out.append(_diag(s, "period", codes.DUPLICATE_ID,
                             W.duplicate_submission(s.period, s.person, other.file, other.line)))
    return out


def check_feedback(ds: m.Dataset, f: m.Feedback, today: dt.date) -> list[m.Diagnostic]:
    """An Article 5.2 statement: its unit and person known, not dated ahead."""
    out = []
    if f.unit not in ds.units:
        out.append(_diag(f, "unit", codes.UNKNOWN_UNIT, words.unknown_unit(f.unit)))
    if f.person is not None and f.person not in ds.people:
        out.append(_diag(f, "person", codes.UNKNOWN_PERSON, words.unknown_person(f.person)))
    if f.date > today:
        out.append(_diag(f, "date", codes.FUTURE_DATE, words.future_date(f.date, today)))
    return out


def feedback(ds: m.Dataset, today: dt.date) -> list[m.Diagnostic]:
    return [d for f in ds.feedback for d in check_feedback(ds, f, today)]


def check_response(ds: m.Dataset, r: m.Response, today: dt.date,
                   known: dict[str, m.Proposal] | None = None) -> list[m.Diagnostic]:
    """A step of a proposal's follow-up: the proposal exists (judged when its visit's month was
    loaded), the step is not dated ahead nor before the proposal."""
    from dukcli.words import voice

    known = ds.named if known is None else known
    out = []
    proposal = known.get(r.item)
    if proposal is None and _month_loaded(ds, r.item):
        out.append(_diag(r, "item", codes.UNKNOWN_ITEM, voice.unknown_item(r.item)))
    if proposal is not None and r.date < proposal.date:
        out.append(_diag(r, "date", codes.BAD_DATE, voice.response_before_visit(r.date, proposal.date)))
    if r.date > today:
        out.append(_diag(r, "date", codes.FUTURE_DATE, words.future_date(r.date, today)))
    return out


def _month_loaded(ds: m.Dataset, item: str) -> bool:
    """Whether the visits of the item's month folder were all loaded (always, for check)."""
    if ds.span is None:
        return True
    year, month = int(item[:4]), int(item[5:7])
    first = dt.date(year, month, 1)
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return ds.span[0] <= first and last <= ds.span[1]


def responses(ds: m.Dataset, today: dt.date) -> list[m.Diagnostic]:
    known = {**ds.named, **{p.id: p for p in ds.proposals}}
    return [d for r in ds.responses for d in check_response(ds, r, today, known)]


VALIDATORS = (duplicate_ids, unit_parents, assignment_refs, assignment_overlaps, visits, submissions,
              feedback, responses)


def validate(ds: m.Dataset, today: dt.date) -> list[m.Diagnostic]:
    out: list[m.Diagnostic] = []
    for validator in VALIDATORS:
        out.extend(validator(ds, today))
    return out


# When a list file cannot be read at all, every reference into it fails too; those echoes
# are left out so that the one error that matters is not buried under thousands.
_ECHOES = {"people.yaml": {codes.UNKNOWN_PERSON.name, codes.NOT_ASSIGNED.name},
           "units.yaml": {codes.UNKNOWN_UNIT.name, codes.NOT_ASSIGNED.name},
           "assignments.yaml": {codes.NOT_ASSIGNED.name}}


_UNREADABLE = {c.name for c in (codes.YAML_SYNTAX, codes.NOT_REGULAR, codes.MERGE_CONFLICT, codes.MISSING_FILE)}


def ordered(diags: list[m.Diagnostic]) -> list[m.Diagnostic]:
    """Files in a fixed order (duk.yaml and the lists first, visits by path), then by line;
    without the echoes of a list file that could not be parsed."""
    unreadable = {d.file for d in diags if d.code in _UNREADABLE and d.file in _ECHOES}
    echoes = set().union(*(_ECHOES[f] for f in unreadable))
    kept = {d for d in diags if d.code not in echoes or d.file in unreadable}
    rank = {"duk.yaml": 0, "units.yaml": 1, "people.yaml": 2, "assignments.yaml": 3, "submissions.yaml": 4}
    return sorted(kept, key=lambda d: (rank.get(d.file, 9), d.file, d.line, d.code, d.message))
