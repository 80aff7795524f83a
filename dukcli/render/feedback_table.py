"""The list of Article 5.2 statements: its terminal table, CSV rows and Excel sheet."""

from __future__ import annotations

from dukcli import model as m
from dukcli.dates import fmt
from dukcli.periods import Period
from dukcli.rules.feedback import KIND_NAMES, RATING_NAMES
from dukcli.words import feedback as W


def _person(ds: m.Dataset, f: m.Feedback) -> str:
    return ds.person_name(f.person) if f.person else W.ABOUT_ASSIGNMENT


def _units(rows: list[m.Feedback]) -> int:
    return len({f.unit for f in rows})


def totals(rows: list[m.Feedback]) -> str:
    return W.totals(len(rows), sum(1 for f in rows if f.kind == "nhan-xet"), _units(rows))


def csv_table(ds: m.Dataset, rows: list[m.Feedback]) -> tuple[list[str], list[list]]:
    return list(W.CSV_HEADER), [
        [fmt(f.date), ds.unit_name(f.unit), f.unit, ds.person_name(f.person) if f.person else "", f.person or "",
         KIND_NAMES[f.kind], RATING_NAMES.get(f.rating, ""), f.by or "", f.text, f.file] for f in rows]


def print_table(ds: m.Dataset, period: Period, rows: list[m.Feedback], console) -> None:
    from rich.markup import escape

    from dukcli.render.output import table

    console.print(f"[bold]{escape(W.title(period.label))}[/bold]")
    if not rows:
        console.print(W.NO_FEEDBACK)
        return
    t = table(*W.COLUMNS)
    for i, f in enumerate(rows, 1):
        t.add_row(str(i), fmt(f.date), escape(ds.unit_name(f.unit)), escape(_person(ds, f)), KIND_NAMES[f.kind],
                  RATING_NAMES.get(f.rating, ""), escape(f.by or ""), escape(f.text), f"[dim]{escape(f.file)}[/dim]")
    console.print(t)
    console.print(totals(rows))


def sheet(ds: m.Dataset, period: Period, rows: list[m.Feedback]):
    from dukcli.render.xlsx import Column, Sheet, numbered

    columns, body = numbered(
        (Column(W.DATE, "date"), Column(W.UNIT), Column(W.PERSON), Column(W.KIND), Column(W.RATING),
         Column(W.BY), Column(W.TEXT), Column(W.FILE)),
        [[f.date, ds.unit_name(f.unit), _person(ds, f), KIND_NAMES[f.kind], RATING_NAMES.get(f.rating),
          f.by, f.text, f.file] for f in rows])
    return Sheet(W.SHEET, W.title(period.label), columns, body, notes=(totals(rows),) if rows else (),
                 empty=W.NO_FEEDBACK)
