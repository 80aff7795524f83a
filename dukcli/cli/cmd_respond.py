"""duk respond: record a step in the follow-up of a proposal (responses/YYYY/DATE-KEY.yaml)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Optional

import typer

from dukcli import model as m
from dukcli.cli.common import DukError, echo_err, load_checked, parse_day, today, usage
from dukcli.cli.framework import one_of
from dukcli.words import commands as C
from dukcli.words import proposals as W
from dukcli.words import voice

Status = Enum("Status", {s: s for s in m.RESPONSE_STATUSES}, type=str)


def respond(
    item: Annotated[str, typer.Argument(metavar=W.ITEM_METAVAR, help=W.ITEM_HELP, show_default=False)],
    status: Annotated[Optional[Status], typer.Option("--status", "-s", help=W.STATUS_HELP, **one_of(Status))] = None,
    by: Annotated[Optional[str], typer.Option("--by", help=W.BY_HELP)] = None,
    text: Annotated[Optional[str], typer.Option("--text", "-t", help=W.TEXT_HELP)] = None,
    date: Annotated[Optional[str], typer.Option("--date", "-d", help=W.DATE_HELP)] = None,
    no_commit: Annotated[bool, typer.Option("--no-commit", help=C.SUBMIT_NO_COMMIT_HELP)] = False,
) -> None:
    """Ghi một bước xử lý đề xuất của cơ sở: đã chuyển, đã trả lời hoặc đã giải quyết."""
    from dukcli.cli import entries
    from dukcli.rules.proposals import short_key
    from dukcli.store.record import RecordError
    from dukcli.store.refresh import Window

    if status is None:
        raise usage(W.NEEDS_STATUS)
    if text is None or not text.strip():
        raise usage(W.NEEDS_TEXT)
    day = parse_day(date, "--date") or today()
    first = day.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    folder, ds, diags = load_checked(dates=Window.of(first, last))  # the lists, one month: never the history
    proposal = entries.find_proposal(folder, item)
    key = short_key(proposal.id)
    verdict = entries.judge_step(ds, proposal, day, status.value, text, by, today())
    if verdict.errors:
        raise DukError("; ".join(d.message for d in verdict.errors))
    errors = [d for d in diags if d.severity == "error"]
    if errors or ds.elsewhere:
        echo_err(C.errors_elsewhere(len(errors) + ds.elsewhere))
    word = voice.STATUSES[status.value]
    try:
        saved, message = entries.save_step(folder, proposal, day, status.value, verdict, commit=not no_commit)
    except RecordError as e:
        raise DukError(e.message) from None
    if saved.warning:
        echo_err(C.warning(saved.warning))
    print(W.step_recorded(key, word, day, saved.rel))
    if saved.committed:
        print(C.saved_to_git(message))
