"""The list of assignments in force on a day (`duk assignments`): selection and its renderings,
one row per (assignment, unit)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dukcli import model as m
from dukcli import words
from dukcli.dates import fmt
from dukcli.text import name_key, sort_key
from dukcli.words import assign as W


@dataclass(frozen=True)
class Row:
    assignment: m.Assignment
    unit: str
    name: str
    unit_name: str

    def as_json(self) -> dict:
        a = self.assignment
        return {"person": a.person, "name": self.name, "role": a.role, "role_name": words.ROLES[a.role],
                "unit": self.unit, "unit_name": self.unit_name,
                "from": a.start.isoformat() if a.start else None, "to": a.end.isoformat() if a.end else None,
                "basis": a.basis or None, "file": a.file, "line": a.line}

    def csv_row(self) -> list:
        a = self.assignment
        return [self.name, a.person, words.ROLES[a.role], self.unit_name, self.unit,
                fmt(a.start) if a.start else "", fmt(a.end) if a.end else "", a.basis]


def sheet(day: dt.date, rows: list[Row]):
    """The xlsx sheet: the CSV's columns, dates as dates."""
    from dukcli.render.xlsx import Column, Sheet, numbered

    kinds = {W.FROM: "date", W.TO: "date"}
    columns = tuple(Column(h, kinds.get(h, "text")) for h in W.CSV_HEADER)
    cells = [[*r.csv_row()[:5], r.assignment.start, r.assignment.end, r.assignment.basis] for r in rows]
    columns, cells = numbered(columns, cells)
    return Sheet(W.SHEET, W.title(day), columns, cells, empty=W.nobody(day))


def select(ds: m.Dataset, day: dt.date, person: str | None = None, unit: str | None = None) -> list[Row]:
    """Rows in force on day, people in Vietnamese order (by given name), then role and unit name.
    A chi bộ trực thuộc asked for shows the assignments of its parent (what its visits count for)."""
    wanted = ds.counted_unit(unit) if unit else None
    rows = []
    for a in ds.assignments:
        if not a.in_force(day) or (person and a.person != person):
            continue
        for uid in a.units:
            if wanted and uid != wanted:
                continue
            rows.append(Row(a, uid, ds.person_name(a.person), ds.unit_name(uid)))
    rows.sort(key=lambda r: (name_key(r.name), r.assignment.person, r.assignment.role, sort_key(r.unit_name)))
    return rows


def print_table(day: dt.date, rows: list[Row], console) -> None:
    from dukcli.render.output import table

    console.print(f"[bold]{W.title(day)}[/bold]")
    if not rows:
        console.print(W.nobody(day))
        return
    t = table(*W.COLUMNS)
    for n, r in enumerate(rows, 1):
        a = r.assignment
        t.add_row(str(n), r.name, words.ROLES[a.role], r.unit_name, fmt(a.start) if a.start else W.OPEN_END,
                  fmt(a.end) if a.end else W.OPEN_END, a.basis)
    console.print(t)
    console.print(W.total(len(rows)))
