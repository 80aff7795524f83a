"""duk respond: record a step in the follow-up of a proposal (responses/YYYY/DATE-KEY.yaml)."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli import model as m
from dukcli.cli.common import DukError, echo_err, load_checked, parse_day, today, usage
from dukcli.cli.framework import one_of
from dukcli.words import commands as C
from dukcli.words import proposals as W
from dukcli.words import voice

Status = Enum("Status", {s: s for s in m.RESPONSE_STATUSES}, type=str)


def find_proposal(folder: Path, token: str) -> m.Proposal:
    """The proposal a full id (read from its one visit file) or a short key (looked up in the
    index, every year) names; DukError when none or several do."""
    from dukcli import schema
    from dukcli.rules import proposals as P
    from dukcli.store import loader
    from dukcli.store import proposals as kept

    token = token.strip()
    if "#" in token:
        if not schema.ITEM_RE.match(token):
            raise DukError(W.not_an_item(token))
        visit, _ = loader.read_visit(folder, P.visit_file(token))
        found = P.of_visit(visit) if visit is not None else []
    else:
        found = kept.with_key(folder, token)
    try:
        return P.resolve(token, found)
    except P.NotFound:
        raise DukError(W.unknown_key(token)) from None
    except P.Ambiguous as e:
        raise DukError(W.ambiguous_key(token, e.ids)) from None


def respond(
    item: Annotated[str, typer.Argument(metavar=W.ITEM_METAVAR, help=W.ITEM_HELP, show_default=False)],
    status: Annotated[Optional[Status], typer.Option("--status", "-s", help=W.STATUS_HELP, **one_of(Status))] = None,
    by: Annotated[Optional[str], typer.Option("--by", help=W.BY_HELP)] = None,
    text: Annotated[Optional[str], typer.Option("--text", "-t", help=W.TEXT_HELP)] = None,
    date: Annotated[Optional[str], typer.Option("--date", "-d", help=W.DATE_HELP)] = None,
    no_commit: Annotated[bool, typer.Option("--no-commit", help=C.SUBMIT_NO_COMMIT_HELP)] = False,
) -> None:
    """Ghi một bước xử lý đề xuất của cơ sở: đã chuyển, đã trả lời hoặc đã giải quyết."""
    from dukcli.rules import follow
    from dukcli.rules.proposals import short_key
    from dukcli.store.record import RecordError, add_file
    from dukcli.store.refresh import Window

    if status is None:
        raise usage(W.NEEDS_STATUS)
    if text is None or not text.strip():
        raise usage(W.NEEDS_TEXT)
    day = parse_day(date, "--date") or today()
    first = day.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    folder, ds, diags = load_checked(dates=Window.of(first, last))  # the lists, one month: never the history
    proposal = find_proposal(folder, item)
    key = short_key(proposal.id)
    folder_rel = f"responses/{day.year:04d}"
    stem = f"{day.isoformat()}-{key}"
    verdict = follow.judge_step(ds, proposal, follow.step_mapping(proposal, day, status.value, text.strip(),
                                                                  by.strip() if by and by.strip() else None),
                                f"{folder_rel}/{stem}.yaml", today())
    if verdict.errors:
        raise DukError("; ".join(d.message for d in verdict.errors))
    errors = [d for d in diags if d.severity == "error"]
    if errors or ds.elsewhere:
        echo_err(C.errors_elsewhere(len(errors) + ds.elsewhere))
    word = voice.STATUSES[status.value]
    message = W.step_commit(key, word, day)
    try:
        saved = add_file(folder, folder_rel, stem, verdict.text, message, commit=not no_commit)
    except RecordError as e:
        raise DukError(e.message) from None
    if saved.warning:
        echo_err(C.warning(saved.warning))
    print(W.step_recorded(key, word, day, saved.rel))
    if saved.committed:
        print(C.saved_to_git(message))
