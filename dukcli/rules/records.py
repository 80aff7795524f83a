"""Keeping the lists by command (SPEC §5, "Keeping the records by command"): an id made from a
name, and what closing a unit does to the assignments, as data. Pure: records in, plans out;
the shell (cli/cmd_people.py, cli/cmd_units.py) turns a plan into text with listtext and hands
it to cli/change.carry_out.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field

from dukcli import model as m
from dukcli.words import records as RW

MAX_ID = 64


def slug(name: str) -> str:
    """A name as an id: NFD, marks dropped, đ as d, lower case, every run of other characters
    one '-' ("Nguyễn Thị Lan" -> "nguyen-thi-lan"); at most 64 characters, "" when nothing is
    left."""
    text = unicodedata.normalize("NFD", name.lower().replace(RW.D_STROKE, "d"))
    bare = "".join(c for c in text if not unicodedata.combining(c))
    out = re.sub(r"[^a-z0-9]+", "-", bare).strip("-")
    return out[:MAX_ID].rstrip("-")


def new_id(name: str, taken) -> str:
    """The id of a new record named `name`: its slug, or slug-2, slug-3… when taken (the id is
    never changed afterwards, so it is made once, here). "" when the name has no letter or digit."""
    base = slug(name)
    if not base or base not in taken:
        return base
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = base[:MAX_ID - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
        n += 1


# --- closing a unit ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Ending:
    """An assignment to change in place: `values` are the keys to set on its record."""

    assignment: m.Assignment
    values: dict


@dataclass(frozen=True)
class ClosePlan:
    """What `duk unit close U --date D [--successor U2]` does to assignments.yaml: records to
    change in place (`edits`) and records to append (`added`, fields in file order)."""

    unit: str
    day: dt.date
    edits: list[Ending] = field(default_factory=list)
    added: list[dict] = field(default_factory=list)


def assignment_fields(person: str, role: str, units, start: dt.date | None, end: dt.date | None,
                      basis: str | None) -> dict:
    """A new assignment record's keys in the order the files keep them."""
    return {"person": person, "role": role, "units": list(units), "from": start, "to": end, "basis": basis or None}


def close_plan(assignments: list[m.Assignment], unit: str, day: dt.date, successor: str | None = None,
               basis: str = "") -> ClosePlan:
    """The assignments after unit `unit` closes at the end of `day` (its last day).

    Every assignment that covers `unit`, is in force on `day` and would go on after it stops
    covering it on `day`:
    - one that covers `unit` alone gets `to: day` (one key line changed);
    - one that covers other units too is SPLIT: its record keeps everything but drops `unit`
      from `units` (the other units' coverage is unchanged: same from, same to, same basis), and
      a new record carries `unit` alone, with the old from and basis, ending on `day`.
    Why split rather than end the whole record and add one for the other units: the old record
    keeps meaning what it meant for the units that are not closing, its `from` and `basis`
    stay true, and the diff is one changed line plus one new record; the closed unit's history
    (from the old `from` to `day`) stays in force for Article 4 exactly as before.

    With `successor`: each person whose coverage of `unit` was so ended covers `successor` from
    day + 1, in the same role, until the old record's own end (open when it had none), with
    `basis` — unless the same person already covers `successor` in that role on day + 1 (a
    second record would cover the pair twice)."""
    plan = ClosePlan(unit, day)
    next_day = day + dt.timedelta(days=1)
    for a in assignments:
        if unit not in a.units or not a.in_force(day) or (a.end is not None and a.end <= day):
            continue
        if len(a.units) == 1:
            plan.edits.append(Ending(a, {"to": day}))
        else:
            plan.edits.append(Ending(a, {"units": [u for u in a.units if u != unit]}))
            plan.added.append(assignment_fields(a.person, a.role, [unit], a.start, day, a.basis))
        if successor is None:
            continue
        already = any(b.person == a.person and b.role == a.role and successor in b.units and b.in_force(next_day)
                      for b in assignments)
        if not already:
            plan.added.append(assignment_fields(a.person, a.role, [successor], next_day, a.end, basis))
    return plan
