"""The list of visits: selection (pure) and its renderings."""

from __future__ import annotations

from dataclasses import dataclass

from dukcli import model as m
from dukcli import words
from dukcli.dates import fmt
from dukcli.periods import Period
from dukcli.rules.quota import counts_toward
from dukcli.words import output as W

PART_WORDS = words.PARTS


@dataclass(frozen=True)
class VisitRow:
    visit: m.Visit
    name: str
    unit_name: str
    counts: bool

    def as_json(self) -> dict:
        v = self.visit
        return {"date": v.date.isoformat(), "person": v.person, "name": self.name, "unit": v.unit,
                "unit_name": self.unit_name, "parts": list(v.parts), "rating": v.rating,
                "counts": self.counts, "file": v.file}

    def csv_row(self) -> list:
        v = self.visit
        return [fmt(v.date), self.name, v.person, self.unit_name, v.unit, ", ".join(PART_WORDS[p] for p in v.parts),
                m.RATINGS.get(v.rating, "") if v.rating else "", W.YES if self.counts else W.NO, v.file]


CSV_HEADER = W.VISITS_CSV_HEADER


def select(ds: m.Dataset, period: Period, person: str | None, unit: str | None) -> list[VisitRow]:
    rows = []
    mine: dict[str, list[m.Assignment]] = {}  # each visit looks among its person's assignments only
    for a in ds.assignments:
        mine.setdefault(a.person, []).append(a)
    # A year's 100,000 rows: each person's and unit's name, and each unit's counted unit, once.
    names = {p: ds.person_name(p) for p in ds.people}
    units = {u: (ds.unit_name(u), ds.counted_unit(u)) for u in ds.units}
    for v in ds.visits:
        if not period.start <= v.date <= period.end:
            continue
        if person and v.person != person:
            continue
        unit_name, counted = units.get(v.unit) or (ds.unit_name(v.unit), ds.counted_unit(v.unit))
        if unit and unit not in (v.unit, counted):
            continue
        counts = any(counts_toward(a, counted, v.date) for a in mine.get(v.person, ()))  # counts_for, as a yes/no
        rows.append(VisitRow(v, names.get(v.person) or ds.person_name(v.person), unit_name, counts))
    return rows


def by_month(ds: m.Dataset, period: Period) -> list[tuple[str, list[m.Visit]]]:
    """The period's visits in the order they are listed, as ('YYYY-MM', visits) for each month
    in turn; [] when a month comes back after another (the listing then is made whole)."""
    out: list[tuple[str, list[m.Visit]]] = []
    seen: set[tuple[int, int]] = set()
    start, end = period.start, period.end
    current, add = None, None
    for v in ds.visits:
        day = v.date
        if not start <= day <= end:
            continue
        month = (day.year, day.month)
        if month != current:
            if month in seen:
                return []
            seen.add(month)
            current = month
            out.append((f"{month[0]:04d}-{month[1]:02d}", []))
            add = out[-1][1].append
        add(v)
    return out


_MARK = '"\\u0000"'  # a one-row listing's row, as the JSON text writes it, to cut the text around
_JSON_SEP = ",\n    "  # between two rows of the listing, at their depth (2)


def json_frame(period: Period) -> tuple[str, str, str]:
    """(head, separator, tail): the JSON text of the listing (cmd_visits.as_json, as
    output.write_json writes it) is head, then the rows' texts (json_rows) joined by separator,
    then tail."""
    from dukcli.render.output import json_text

    text = json_text({"period": period.as_json(), "visits": ["\x00"]}) + "\n"
    at = text.index(_MARK)
    return text[:at], _JSON_SEP, text[at + len(_MARK):]


def json_rows(rows: list[VisitRow]) -> str:
    from dukcli.render.output import json_text

    return _JSON_SEP.join(json_text(r.as_json(), 2) for r in rows)


def csv_frame() -> tuple[str, str, str]:
    """(head, separator, tail) of the CSV text, as json_frame."""
    from dukcli.render.output import csv_text

    return csv_text(CSV_HEADER, []), "", ""


def csv_rows(rows: list[VisitRow]) -> str:
    from dukcli.render.output import csv_text

    return csv_text(CSV_HEADER, [r.csv_row() for r in rows])[len(csv_text(CSV_HEADER, [])):]


def print_table(period: Period, rows: list[VisitRow], console) -> None:
    from dukcli.render.output import table

    console.print(f"[bold]{W.visits_title(period.label)}[/bold]")
    if not rows:
        console.print(W.NO_VISITS)
        return
    t = table(*W.VISITS_COLUMNS)
    for r in rows:
        parts = ", ".join(PART_WORDS[p] for p in r.visit.parts)
        t.add_row(fmt(r.visit.date), r.name, r.unit_name, parts,
                  W.YES if r.counts else f"[yellow]{W.NO}[/yellow]", f"[dim]{r.visit.file}[/dim]")
    console.print(t)
    console.print(W.visits_total(len(rows), sum(1 for r in rows if r.counts)))
