"""What `duk agenda` shows on a terminal."""

from __future__ import annotations

from dukcli.words import output as W

OPEN_SHOWN = 20  # proposals left open shown in the table, the oldest


def print_agenda(ag, console) -> None:
    from dukcli.dates import fmt, month_end
    from dukcli.render.proposals_table import open_rows
    from dukcli.rules.agenda import meeting_on
    from dukcli.rules.proposals import OPEN_DAYS
    from dukcli.words import proposals as P

    day = ag.as_of
    console.print(f"[bold]{W.agenda_title(day)}[/bold]")
    left = (month_end(day.year, day.month) - day).days

    def meeting(r) -> str:
        on = meeting_on(r.meeting_day, day.year, day.month)
        return "—" if on is None else fmt(on) + (W.MEETING_PAST if on < day else "")

    _section(console, W.visits_due_title(day.month, day.year), W.days_left_in_month(left), W.VISITS_DUE_COLUMNS,
             [(r.name, r.unit_name, meeting(r), W.days(r.days_left)) for r in ag.visits_due])
    _section(console, W.BEHIND_TITLE, "", W.BEHIND_COLUMNS,
             [(r.name, str(r.visits_ytd), str(r.expected), str(r.target_year)) for r in ag.behind])
    _section(console, W.REPORTS_DUE_TITLE, "", W.REPORTS_DUE_COLUMNS,
             [(r.name, r.period.label, fmt(r.due),
               W.days(r.days_left) if r.days_left >= 0 else W.overdue(-r.days_left))
              for r in ag.reports_due])
    # the oldest few on a terminal: a long backlog is for `duk proposals` or the JSON
    _section(console, P.open_title(OPEN_DAYS), "", P.OPEN_COLUMNS, open_rows(ag.proposals_open[:OPEN_SHOWN]))
    if len(ag.proposals_open) > OPEN_SHOWN:
        console.print(P.more_open(len(ag.proposals_open) - OPEN_SHOWN, OPEN_DAYS))


def _section(console, title: str, note: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
    """A numbered table under its bold title, or "Không có." when there is nothing to do."""
    from dukcli.render.output import table

    console.print(f"\n[bold]{title}[/bold]{note}")
    if not rows:
        console.print(W.NOTHING_TO_DO)
        return
    t = table(*columns)
    for i, row in enumerate(rows, 1):
        t.add_row(str(i), *row)
    console.print(t)
