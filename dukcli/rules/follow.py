"""The follow-up of proposals as `duk proposals` and `agenda` show it (SPEC §7): each proposal
with its steps as of a day, filtered (period, unit, open, age), and gathered by what it asks
(rules/grouping). Pure: over a Dataset, its proposals and responses."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import NamedTuple

from dukcli import model as m
from dukcli.rules import grouping
from dukcli.rules import proposals as P
from dukcli.rules.entry import Verdict, read_back


class Row(NamedTuple):
    """One proposal as of a day: who carried it up, from which unit, where its follow-up stands.
    A named tuple: agenda may list a quarter of a million."""

    followed: P.Followed
    name: str  # the person's
    unit_name: str
    age: int  # days since it was raised, as of the day

    @property
    def proposal(self) -> m.Proposal:
        return self.followed.proposal

    @property
    def key(self) -> str:
        return self.followed.key

    @property
    def status(self) -> str:
        return self.followed.status

    @property
    def open(self) -> bool:
        return self.followed.open()

    def as_json(self) -> dict:
        p = self.proposal
        return {"id": p.id, "key": self.key, "date": p.date.isoformat(), "unit": p.unit,
                "unit_name": self.unit_name, "person": p.person, "name": self.name, "field": p.field,
                "text": p.text, "status": self.status, "age": self.age,
                "last": step_json(self.followed.last) if self.followed.last else None,
                "steps": [step_json(s) for s in self.followed.steps], "file": p.file, "line": p.line}


def step_json(s: m.Response) -> dict:
    return {"date": s.date.isoformat(), "status": s.status, "by": s.by, "text": s.text, "file": s.file}


def as_of(proposals: list[m.Proposal], responses: list[m.Response], day: dt.date) -> list[P.Followed]:
    """The proposals raised on or before day, oldest first, each with its steps dated on or
    before day: where each stood that day."""
    raised = P.ordered([p for p in proposals if p.date <= day])
    return P.follow(raised, [r for r in responses if r.date <= day])


def in_unit(ds: m.Dataset, proposal: m.Proposal, unit: str | None) -> bool:
    """Raised by the unit, or by a chi bộ trực thuộc of it (a đảng bộ's --unit takes its cells)."""
    return unit is None or unit in (proposal.unit, ds.counted_unit(proposal.unit))


def rows(ds: m.Dataset, followed: list[P.Followed], day: dt.date, *, start: dt.date | None = None,
         end: dt.date | None = None, unit: str | None = None, open_only: bool = False,
         older_than: int | None = None, person: str | None = None) -> list[Row]:
    """The rows that pass every filter given: raised start..end, by the unit (its cells
    included), carried by the person, still open (new or forwarded), older than N days."""
    out = []
    for f in followed:
        p = f.proposal
        if start is not None and p.date < start or end is not None and p.date > end:
            continue
        if not in_unit(ds, p, unit) or person is not None and p.person != person:
            continue
        if open_only and not f.open():
            continue
        age = f.age(day)
        if older_than is not None and age <= older_than:
            continue
        out.append(Row(f, ds.person_name(p.person), ds.unit_name(p.unit), age))
    return out


def left_open(ds: m.Dataset, followed: list[P.Followed], day: dt.date, person: str | None = None) -> list[Row]:
    """agenda: the proposals open for more than OPEN_DAYS days as of day, oldest first."""
    return rows(ds, followed, day, open_only=True, older_than=P.OPEN_DAYS, person=person)


@dataclass(frozen=True)
class Group:
    """Proposals that say the same thing: its most common wording and the units that raised it."""

    wording: str
    rows: tuple[Row, ...]
    units: tuple[tuple[str, str], ...]  # (id, name) of each unit, in the order they first raised it

    def as_json(self) -> dict:
        return {"wording": self.wording, "unit_count": len(self.units), "count": len(self.rows),
                "units": [{"unit": u, "unit_name": name} for u, name in self.units],
                "keys": [r.key for r in self.rows], "ids": [r.proposal.id for r in self.rows]}


def groups(found: list[Row]) -> list[Group]:
    """The rows gathered by rules/grouping, each group once, most-raised first: by the number
    of distinct units, then of proposals, then by the first proposal's place in the list."""
    out = []
    for members in grouping.group(found, text=lambda r: r.proposal.text):
        units: dict[str, str] = {}
        for r in members:
            units.setdefault(r.proposal.unit, r.unit_name)
        out.append(Group(grouping.wording(members, text=lambda r: r.proposal.text), tuple(members),
                         tuple(units.items())))
    place = {id(r): i for i, r in enumerate(found)}
    out.sort(key=lambda g: (-len(g.units), -len(g.rows), place[id(g.rows[0])]))
    return out


# --- a new step (duk respond) -----------------------------------------------------------------

def step_mapping(proposal: m.Proposal, day: dt.date, status: str, text: str, by: str | None = None) -> dict:
    """A response file's keys, in the order SPEC §7 shows them; `by` only when given."""
    out: dict = {"item": proposal.id, "date": day, "status": status}
    if by:
        out["by"] = by
    out["text"] = text
    return out


def judge_step(ds: m.Dataset, proposal: m.Proposal, mapping: dict, rel: str, today: dt.date) -> Verdict:
    """Serialise, read back and check the step exactly as `duk check` would check the file rel
    (schema, then rules/validate.check_response against the proposal it names)."""
    from dukcli import schema
    from dukcli.rules.validate import check_response

    read = read_back(mapping, rel, schema.parse_response)
    if read.record is None:
        return read
    return Verdict(read.text, read.record, read.diags + check_response(ds, read.record, today, {proposal.id: proposal}))
