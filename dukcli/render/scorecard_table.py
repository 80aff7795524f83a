"""The yearly scorecard on a terminal, and its CSV rows."""

from __future__ import annotations

from dukcli import model as m
from dukcli.rules.scorecard import OVERALL_WORDS
from dukcli.rules.quota import STATUS_WORDS
from dukcli.words import feedback as FW
from dukcli.words import output as W


def score_cells(r) -> tuple[str, list[str]]:
    from dukcli.rules.deadline import REPORT_WORDS

    if r.role == "theo-doi":
        art4 = W.months_met(r.met, r.required, r.visits)
    else:
        art4 = W.visits_of_target(r.visits, r.target)
    return art4, [REPORT_WORDS[state] if state else "—" for state in r.reports.values()]


def csv_table(card) -> tuple[list[str], list[list]]:
    from dukcli.rules.deadline import REPORT_WORDS

    quarters = [f"{card.year}Q{n}" for n in range(1, 5)]
    rows = [[r.name, r.person, m.ROLE_NAMES[r.role], r.met, r.required, r.visits, r.target,
             *(REPORT_WORDS[r.reports[q]] if r.reports[q] else W.NOT_DUE for q in quarters),
             STATUS_WORDS[r.status], OVERALL_WORDS[r.overall], r.said] for r in card.rows]
    return [*W.SCORECARD_CSV_HEADER, FW.SCORECARD_COLUMN], rows


def print_scorecard(ds, card, console) -> None:
    from dukcli.render.output import table

    year, day = card.year, card.as_of
    console.print(f"[bold]{W.scorecard_title(year)}[/bold] {W.as_of(day)}")
    if not card.rows:
        console.print(W.NOBODY_IN_YEAR)
        return
    t = table(*W.SCORECARD_COLUMNS, FW.SCORECARD_COLUMN)
    for i, r in enumerate(card.rows, 1):
        art4, reports = score_cells(r)
        role = m.ROLE_NAMES[r.role] + (W.ROLE_CHANGED if len(r.roles) > 1 else "")
        t.add_row(str(i), r.name, role, art4, STATUS_WORDS[r.status], *reports, OVERALL_WORDS[r.overall], r.said)
    console.print(t)
    console.print(W.SCORECARD_LEGEND, style="dim")
