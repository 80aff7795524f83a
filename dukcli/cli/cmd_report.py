"""duk report: the individual report of Article 6.1, as .docx."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import (DukError, data_template, PeriodArg, PeriodOpt, PersonOpt, QuarterOpt, YearOpt, echo_err,
                               load_for_report, output_path, parse_day, period_from, pick, root,
                               refuse_placeholders, shown, today, usage, write_document)
from dukcli.cli.framework import a_path
from dukcli.words import commands as W

REPORT_TEMPLATE = "report.docx"


def choose_template(folder: Path, option: Path | None) -> Path:
    """--template, else the data folder's templates/report.docx, else the shipped one."""
    if option is not None:
        if not option.is_file():
            raise DukError(f"--template: {W.no_template_file(option)}")
        return option
    return data_template(folder, REPORT_TEMPLATE)


def people_to_report(ds, query: str | None, everyone: bool, period) -> list:
    from dukcli.rules.deadline import owers

    if not everyone:
        pid, _ = pick(ds, query)
        return [ds.people[pid]]
    chosen = [ds.people[i] for i in owers(ds, period) if i in ds.people]
    if not chosen:
        raise DukError(W.nobody_assigned(period.label.lower()))
    return chosen


def targets_for(people: list, period, output: Path | None, out_dir: Path | None, root: Path) -> list[Path]:
    def default(person) -> str:
        return f"bao-cao-{period.slug}-{person.id}.docx"

    if out_dir is not None:  # a folder, made when missing
        return [output_path(out_dir / default(p), default(p), root, "--out-dir") for p in people]
    return [output_path(output, default(p), root) for p in people]


def counted_indexes(ds, visits: list) -> set[int]:
    """Which of the visits count for one of the person's assignments (Article 4)."""
    from dukcli.rules.quota import counts_for

    return {i for i, v in enumerate(visits) if counts_for(ds, v)}


def write_report(ds, person, period, day: dt.date, template: Path, target: Path, force: bool) -> int:
    """Render, read back, and put one report in place; returns the number of visits in it."""
    from dukcli.rules import report

    visits = report.visits_of(ds, person.id, period)
    context = report.build_context(ds, person, period, day, counted_indexes(ds, visits))
    write_document(template, context, target, report.expected_texts(context), force,
                   exists=lambda path: DukError(W.file_exists_kept(path)))
    return len(visits)


def _person_of(query: str) -> str | None:
    """The id --person means, from the lists alone: one person's report then loads that person's
    visits, not the year's. None when the lists cannot tell (the whole load then refuses with
    the lists' errors, or says the name is not found)."""
    from dukcli.store.loader import lists

    try:
        return pick(lists(root()), query)[0]
    except DukError:
        return None


def _nothing_owed(ds, person, period) -> None:
    """A report for someone with no assignment in the period: refused when there is nothing to
    report at all (an empty form is a mistake), said as a warning when there are visits."""
    from dukcli.rules import deadline, report

    if deadline.owes(ds, person.id, period):  # any assignment in force during the period
        return
    if not report.visits_of(ds, person.id, period):
        raise DukError(W.nothing_to_report(person.name, period.label))
    echo_err(W.report_unassigned(person.name, period.label))


def report_cmd(
    person: PersonOpt = None,
    everyone: Annotated[bool, typer.Option("--all", help=W.ALL_HELP)] = False,
    period_arg: PeriodArg = None, period: PeriodOpt = None,
    quarter: QuarterOpt = None,
    year: YearOpt = None,
    date: Annotated[Optional[str], typer.Option("--date", help=W.REPORT_DATE_HELP)] = None,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help=W.REPORT_OUTPUT_HELP, **a_path())] = None,
    out_dir: Annotated[Optional[Path], typer.Option("--out-dir", help=W.OUT_DIR_HELP, **a_path())] = None,
    force: Annotated[bool, typer.Option("--force", help=W.FORCE_HELP)] = False,
    template: Annotated[Optional[Path], typer.Option("--template", help=W.TEMPLATE_HELP, **a_path())] = None,
) -> None:
    """Báo cáo cá nhân kết quả đi công tác cơ sở và dự sinh hoạt chi bộ (Điều 6.1), tệp Word."""
    if bool(person) == everyone:
        raise usage(W.PERSON_OR_ALL)
    if everyone and output is not None and not output.is_dir():
        raise usage(W.ALL_NEEDS_OUT_DIR)
    the_period = period_from(period, quarter, year, None, period_arg)
    day = parse_day(date, "--date") or today()
    years = (the_period.start.year, the_period.end.year)
    folder, ds = load_for_report(years=years, person=None if everyone else _person_of(person))
    refuse_placeholders(ds)
    form = choose_template(folder, template)
    chosen = people_to_report(ds, person, everyone, the_period)
    # The notes of the people reported on only (one report: one person's files, not the quarter's).
    from dukcli.store.loader import with_notes

    ds = with_notes(folder, ds, the_period.start, the_period.end, people={who.id for who in chosen})
    targets = targets_for(chosen, the_period, output, out_dir, folder)
    existing = [t for t in targets if t.exists()]
    if existing and not force:
        names = ", ".join(str(t) for t in existing[:5])
        raise DukError(W.files_exist(names))
    if not everyone:
        _nothing_owed(ds, chosen[0], the_period)
    for who, target in zip(chosen, targets):
        count = write_report(ds, who, the_period, day, form, target, force)
        typer.echo(W.report_written(shown(target), who.name, the_period.label, count))
