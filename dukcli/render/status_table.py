"""The report-submission table of `duk status`, and its CSV rows."""

from __future__ import annotations

from dukcli.rules.deadline import report_word
from dukcli.words import output as W

STATUS_STYLE = {"dung-han": "green", "tre-han": "yellow", "chua-nop": "red"}


def print_status(st, console) -> None:
    from rich.text import Text

    from dukcli.dates import fmt
    from dukcli.render.output import table

    console.print(f"[bold]{W.status_title(st.period.label)}[/bold] — {W.due_on(st.due)} {W.as_of(st.as_of)}")
    if not st.rows:
        console.print(W.NOBODY_IN_QUARTER)
        return
    t = table(*W.STATUS_COLUMNS)
    for i, r in enumerate(st.rows, 1):
        style = "dim" if r.status == "chua-nop" and not r.overdue else STATUS_STYLE[r.status]
        t.add_row(str(i), r.name, fmt(r.received) if r.received else "—", Text(report_word(r), style=style))
    console.print(t)
    console.print(W.status_totals(st.count("dung-han"), st.count("tre-han"), st.count("chua-nop"), len(st.rows)))


CSV_HEADER = W.STATUS_CSV_HEADER


def csv_rows(st) -> list[list]:
    from dukcli.dates import fmt

    return [[r.name, r.person, fmt(r.received) if r.received else None, report_word(r), r.days_late]
            for r in st.rows]
