"""`duk people` and `duk units`: the lists as a table, CSV or JSON."""

from __future__ import annotations

import datetime as dt

from dukcli import model as m
from dukcli import words
from dukcli.dates import fmt
from dukcli.words import records_cmd as W


def _day(day: dt.date | None) -> str:
    return fmt(day) if day else ""


# --- people ---------------------------------------------------------------------------------------

def person_json(p: m.Person) -> dict:
    return {"id": p.id, "name": p.name, "position": p.position, "department": p.department}


def person_row(p: m.Person) -> list:
    return [p.id, p.name, p.position, p.department]


def print_people(people: list[m.Person], console) -> None:
    from rich.markup import escape

    from dukcli.render.output import table

    console.print(f"[bold]{W.PEOPLE_TITLE}[/bold]")
    if not people:
        console.print(W.NO_PEOPLE)
        return
    t = table(*W.PEOPLE_COLUMNS)
    for p in people:
        t.add_row(*(escape(str(v)) for v in person_row(p)))
    console.print(t)
    console.print(W.people_total(len(people)))


def people_sheet(people: list[m.Person]):
    from dukcli.render.xlsx import Column, Sheet, numbered

    columns, rows = numbered(tuple(Column(h) for h in W.PEOPLE_COLUMNS), [person_row(p) for p in people])
    notes = (W.people_total(len(people)),) if people else ()
    return Sheet(W.PEOPLE_SHEET, W.PEOPLE_TITLE, columns, rows, notes=notes, empty=W.NO_PEOPLE)


# --- units ----------------------------------------------------------------------------------------

def units_on(ds: m.Dataset, day: dt.date) -> list[m.Unit]:
    """The units that exist on a day, in file order."""
    return [u for u in ds.units.values() if u.exists_on(day)]


def unit_json(u: m.Unit) -> dict:
    return {"id": u.id, "name": u.name, "type": u.type, "parent": u.parent, "meeting_day": u.meeting_day,
            "from": u.start.isoformat() if u.start else None, "to": u.end.isoformat() if u.end else None}


def unit_row(ds: m.Dataset, u: m.Unit) -> list:
    return [u.id, u.name, words.UNIT_TYPES.get(u.type, u.type), ds.unit_name(u.parent) or "",
            "" if u.meeting_day is None else u.meeting_day, _day(u.start), _day(u.end)]


def print_units(ds: m.Dataset, units: list[m.Unit], day: dt.date, console) -> None:
    from rich.markup import escape

    from dukcli.render.output import table

    console.print(f"[bold]{escape(W.units_title(day))}[/bold]")
    if not units:
        console.print(W.no_units(day))
        return
    t = table(*W.UNITS_COLUMNS)
    for u in units:
        t.add_row(*(escape(str(v)) for v in unit_row(ds, u)))
    console.print(t)
    console.print(W.units_total(len(units)))


def units_sheet(ds: m.Dataset, units: list[m.Unit], day: dt.date):
    """The same columns as the table, with the days as real dates and the meeting day a number."""
    from dukcli.render.xlsx import Column, Sheet, numbered

    kinds = ("text", "text", "text", "text", "number", "date", "date")
    columns = tuple(Column(h, k) for h, k in zip(W.UNITS_COLUMNS, kinds))
    rows = [[*unit_row(ds, u)[:4], u.meeting_day, u.start, u.end] for u in units]
    columns, rows = numbered(columns, rows)
    notes = (W.units_total(len(units)),) if units else ()
    return Sheet(W.UNITS_SHEET, W.units_title(day), columns, rows, notes=notes, empty=W.no_units(day))
