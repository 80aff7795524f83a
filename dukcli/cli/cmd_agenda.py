"""duk agenda: what needs doing now (Articles 2 and 3), and the meeting calendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import (AgendaFormat, AsOfOpt, OutputOpt, PersonOpt, echo_err, file_exists, kept_text,
                               load_for_report, not_written, output_path, parse_day, pick, root, sheet_file, shown, today)
from dukcli.cli.framework import a_path, one_of, whole_number
from dukcli.words import commands as W
from dukcli.words import sheets as SW


def write_ics(text: str, path: Path, force: bool) -> None:
    """Never over an existing file unless --force; atomically either way."""
    from dukcli.store import write

    try:
        if force:
            write.replace(path, text)
        else:
            write.create_new(path, text)
    except FileExistsError:
        raise file_exists(path) from None
    except OSError as e:
        raise not_written(path, e) from None


def kept_name(day: dt.date, days: int, window: tuple) -> str | None:
    """Where the agenda's JSON of a day is kept: the question holds the index's state of the
    records before the loaded year (store/proposals.earlier_key); None when it has none."""
    from dukcli.store.proposals import earlier_key

    earlier = earlier_key(root(), window[0], dt.date(day.year, 1, 1) - dt.timedelta(days=1))
    return f"agenda json | {day} {days} {earlier}" if earlier else None


def agenda(
    as_of: AsOfOpt = None, person: PersonOpt = None,
    days: Annotated[int, typer.Option("--days", help=W.DAYS_HELP, **whole_number(least=0))] = 14,
    ics: Annotated[Optional[Path], typer.Option("--ics", help=W.ICS_HELP, **a_path())] = None,
    force: Annotated[bool, typer.Option("--force", help=SW.FORCE_AGENDA_HELP)] = False,
    format: Annotated[AgendaFormat, typer.Option(
        "--format", "-f", help=SW.FORMAT_AGENDA_HELP, **one_of(AgendaFormat))]
    = AgendaFormat.table,
    output_file: OutputOpt = None,
) -> None:
    """Việc cần làm: đơn vị chưa đi trong tháng, ai chậm tiến độ, báo cáo sắp đến hạn."""
    from dukcli.render import output, sheets
    from dukcli.render.agenda_view import print_agenda
    from dukcli.render.ics import calendar_text
    from dukcli.rules import agenda as todo
    from dukcli.store.proposals import raised_between

    day = parse_day(as_of, "--as-of") or today()
    target = output_path(ics, f"lich-sinh-hoat-{day.isoformat()}.ics", root(), "--ics") if ics is not None else None
    to = sheet_file(format, output_file, force, f"viec-can-lam-{day.isoformat()}.xlsx")
    window = todo.proposals_window(day)  # the proposals that may be open over 30 days
    # The JSON is kept whole as its text (common.kept_text): a province's agenda may list a
    # quarter of a million open proposals.
    keeps = getattr(format, "value", format) == "json" and person is None and target is None
    name = kept_name(day, days, window) if keeps else None
    folder, ds = load_for_report(years=(day.year, day.year), want=(name,) if name else ())
    if name is not None and name not in ds.kept:  # a first load may have brought last year into the index
        name = kept_name(day, days, window)
    if name is not None:
        kept_text(folder, ds, name, lambda ds, write: output.write_json(
            todo.agenda(raised_between(folder, ds, *window), day, days).as_json(each=output.Each), write),
            reload=lambda: load_for_report(years=(day.year, day.year))[1])
        return
    ds = raised_between(folder, ds, *window)
    pid, _ = pick(ds, person)
    ag = todo.agenda(ds, day, days, pid)
    if target is not None:
        meetings = todo.meetings(ds, day, 3, pid)
        write_ics(calendar_text(meetings, day), target, force)
        echo_err(W.meetings_written(len(meetings), day, shown(target)))
    output.emit(format, as_json=lambda: ag.as_json(each=output.Each), draw=lambda console: print_agenda(ag, console),
                xlsx=lambda: sheets.agenda(ag), to=to)
