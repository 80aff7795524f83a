"""Hand-overs and ends of coverage in assignments.yaml (SPEC §5, `duk assign`, `duk unassign`),
planned as edits of single records of the file. Pure: parsed assignments in, record edits out.

A coverage is ended by editing the record that holds it:
- the record covers only the units being ended: its `to` is set (one line changed);
- it covers other units too: it is SPLIT. The record keeps the other units (its `units` line
  rewritten, its dates unchanged) and a new record, appended at the end of the file, carries
  the ended unit(s) with the old `from`, the new `to` and the old `basis`. Appending rather than
  inserting next to the old record is the minimal text change listtext offers: the old record
  changes one line, the rest of the file stays byte for byte, and the order of records in
  assignments.yaml means nothing to duk.

A coverage that would end before it starts (the old holder's assignment begins on the very
day of the hand-over) is not rewritten into a record with `to` before `from`: when the record
covers other units they simply lose the unit; when it covers nothing else the plan is refused
(HandoverError), since removing a whole record is a decision for the clerk.

Only coverage in force on the hand-over day is handed over: a record of another person that
starts later is left as it is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from dukcli import listtext
from dukcli import model as m


class HandoverError(ValueError):
    """The plan cannot be made; `reason` and `args` say why (the shell words the message)."""

    def __init__(self, reason: str, **details):
        super().__init__(reason)
        self.reason = reason
        self.details = details


@dataclass(frozen=True)
class Located:
    """A parsed assignment and the index of its record in the file (listtext's numbering)."""

    index: int
    assignment: m.Assignment


@dataclass(frozen=True)
class SetValues:
    """listtext.set_values(text, index, values)."""

    index: int
    values: dict


@dataclass(frozen=True)
class Append:
    """listtext.append(text, fields)."""

    fields: dict


@dataclass(frozen=True)
class HandedOver:
    """One unit passing from one person to another on `day` (the new holder's first day)."""

    unit: str
    old: str
    new: str
    day: dt.date


@dataclass(frozen=True)
class Plan:
    edits: tuple = ()
    handed: tuple[HandedOver, ...] = field(default=())

    def apply(self, text: str) -> str:
        """The file's text with every edit made: set_values first (indexes are the file's as
        it was; appends only add records after them), then appends in order."""
        for e in self.edits:
            if isinstance(e, SetValues):
                text = listtext.set_values(text, e.index, e.values)
        for e in self.edits:
            if isinstance(e, Append):
                text = listtext.append(text, e.fields)
        return text


def locate(assignments: list[m.Assignment], spans: list[tuple[int, int]]) -> list[Located]:
    """Each parsed assignment with the index of its record: matched by line (a record that did
    not parse is skipped by the parser, so the order alone cannot be trusted)."""
    by_line = {start + 1: i for i, (start, _) in enumerate(spans)}
    return [Located(by_line[a.line], a) for a in assignments if a.line in by_line]


def fields(person: str, role: str, units, start: dt.date | None, end: dt.date | None,
           basis: str | None) -> dict:
    """A record as it is written (listtext.record_text leaves out the None values)."""
    return {"person": person, "role": role, "units": list(units), "from": start, "to": end, "basis": basis or None}


def end_coverage(rec: Located, units: set[str], last_day: dt.date) -> list:
    """The edits that end rec's coverage of `units` (a subset of its units) on last_day."""
    a = rec.assignment
    ended = [u for u in a.units if u in units]
    kept = [u for u in a.units if u not in units]
    if a.start is not None and last_day < a.start:
        if not kept:
            raise HandoverError("starts-on-day", person=a.person, units=tuple(ended), start=a.start)
        return [SetValues(rec.index, {"units": kept})]
    if not kept:
        return [SetValues(rec.index, {"to": last_day})]
    return [SetValues(rec.index, {"units": kept}),
            Append(fields(a.person, a.role, ended, a.start, last_day, a.basis))]


def assign(records: list[Located], person: str, role: str, units: list[str], start: dt.date,
           end: dt.date | None = None, basis: str | None = None) -> Plan:
    """A new assignment, with the hand-overs it makes: whoever else covers one of `units` in
    the same role on `start` stops the day before."""
    if end is not None and end < start:
        raise HandoverError("to-before-from", start=start, end=end)
    edits: list = []
    handed: list[HandedOver] = []
    for rec in records:
        a = rec.assignment
        if a.person == person or a.role != role or not a.in_force(start):
            continue
        taken = [u for u in a.units if u in units]
        if not taken:
            continue
        edits += end_coverage(rec, set(taken), start - dt.timedelta(days=1))
        handed += [HandedOver(u, a.person, person, start) for u in sorted(taken, key=units.index)]
    handed.sort(key=lambda h: units.index(h.unit))
    edits.append(Append(fields(person, role, units, start, end, basis)))
    return Plan(tuple(edits), tuple(handed))


def unassign(records: list[Located], person: str, unit: str, last_day: dt.date) -> tuple[Plan, m.Assignment]:
    """End person's coverage of unit on last_day (the assignment in force that day); the plan and
    the assignment it ends."""
    for rec in records:
        a = rec.assignment
        if a.person == person and unit in a.units and a.in_force(last_day):
            if a.end == last_day:
                raise HandoverError("already-ends", person=person, unit=unit, end=last_day)
            return Plan(tuple(end_coverage(rec, {unit}, last_day))), a
    raise HandoverError("not-covered", person=person, unit=unit, day=last_day)
