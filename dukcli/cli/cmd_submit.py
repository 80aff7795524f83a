"""duk submit: record that a quarterly individual report (Article 6.1) was received."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

from dukcli.cli.common import (DukError, PeriodArg, PeriodOpt, PersonOpt, QuarterOpt,
                               YearOpt, echo_err, load_checked, parse_day, period_from, pick,
                               quarter_only, today, usage)
from dukcli.words import commands as W
from dukcli.words import prompts as P


def submit(
    person: PersonOpt = None, period_arg: PeriodArg = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
    date: Annotated[Optional[str], typer.Option("--date", "-d", help=W.SUBMIT_DATE_HELP)] = None,
    no_commit: Annotated[bool, typer.Option("--no-commit", help=W.SUBMIT_NO_COMMIT_HELP)] = False,
) -> None:
    """Ghi nhận đã nhận báo cáo cá nhân hằng quý của một người (vào submissions/QUÝ/NGƯỜI.yaml)."""
    from dukcli.cli import entries
    from dukcli.rules import deadline
    from dukcli.store.record import RecordError

    if not person:
        raise usage(W.SUBMIT_NEEDS_PERSON)
    q = quarter_only(period_from(period, quarter, year, None, period_arg), "submit")
    day = parse_day(date, "--date") or _received_today(q)
    folder, ds, diags = load_checked(years=(q.start.year, q.end.year))
    pid, _ = pick(ds, person)
    refusal = entries.submission_refusal(ds, pid, q, day, today())
    if refusal is not None:
        raise DukError(refusal)
    errors = [d for d in diags if d.severity == "error"]
    if errors or ds.elsewhere:
        echo_err(W.errors_elsewhere(len(errors) + ds.elsewhere))
    if not deadline.owes(ds, pid, q):
        echo_err(W.no_assignment_in(ds.person_name(pid), q.label))
    try:
        saved, message = entries.save_submission(folder, ds, pid, q, day, commit=not no_commit)
    except RecordError as e:
        raise DukError(e.message) from None
    if saved.warning:
        echo_err(W.warning(saved.warning))
    due = deadline.due_date(ds.config, q)
    word = W.ON_TIME if day <= due else W.late_by((day - due).days)
    print(W.submission_recorded(q.label, ds.person_name(pid), day, word, due))
    if saved.committed:
        print(W.saved_to_git(message))


def _received_today(q):
    """Without --date: today, said aloud, for this quarter's or the last one's report; for an
    older quarter today is most likely wrong, so the date is asked (a usage error elsewhere)."""
    from dukcli.cli.terminal import Asker, interactive
    from dukcli.periods import quarter_of

    day = today()
    current = quarter_of(day)
    previous = quarter_of(current.start - dt.timedelta(days=1))
    if q.code in (current.code, previous.code):
        echo_err(W.received_today(day))
        return day
    if not interactive():
        raise usage(W.past_quarter_needs_date(q.label, q.year))
    asker = Asker()
    while True:
        answer = asker.ask(P.ask_received_day(q.label))
        try:
            return parse_day(answer, P.RECEIVED_DAY)
        except DukError as e:
            asker.say(e.message)
