"""duk proposals: the proposals of a period with where their follow-up stands (SPEC §7)."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from dukcli.cli.common import (AsOfOpt, FormatOpt, ForceOpt, OutputOpt, PeriodArg, PeriodOpt, PersonOpt, QuarterOpt,
                               TableFormat, YearOpt, load_for_report, parse_day, period_from, pick, sheet_file,
                               today)
from dukcli.cli.framework import whole_number
from dukcli.words import proposals as W


def proposals(
    period_arg: PeriodArg = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
    open_only: Annotated[bool, typer.Option("--open", help=W.OPEN_HELP)] = False,
    unit: Annotated[Optional[str], typer.Option("--unit", help=W.UNIT_HELP)] = None,
    person: PersonOpt = None,
    older_than: Annotated[Optional[int], typer.Option("--older-than", help=W.OLDER_THAN_HELP,
                                                      **whole_number(least=0))] = None,
    group: Annotated[bool, typer.Option("--group", help=W.GROUP_HELP)] = False,
    as_of: AsOfOpt = None, format: FormatOpt = TableFormat.table, output_file: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Đề xuất, kiến nghị của cơ sở trong kỳ: mã, đơn vị, nội dung, trạng thái xử lý, số ngày."""
    from dukcli.render import output
    from dukcli.render import proposals_table as view
    from dukcli.rules import follow

    day = parse_day(as_of, "--as-of") or today()
    p = period_from(period, quarter, year, day, period_arg)
    to = sheet_file(format, output_file, force, f"de-xuat{'-gop' if group else ''}-{p.slug}.xlsx")
    _, ds = load_for_report(years=(p.start.year, p.end.year), with_proposals=True)
    pid, uid = pick(ds, person, unit)
    rows = follow.rows(ds, follow.as_of(ds.proposals, ds.responses, day), day, start=p.start, end=p.end, unit=uid,
                       open_only=open_only, older_than=older_than, person=pid)
    head = {"period": p.as_json(), "as_of": day.isoformat()}
    if group:
        found = follow.groups(rows)
        title = W.group_title(p.label, day)
        output.emit(format, as_json=lambda: {**head, "groups": [g.as_json() for g in found]},
                    csv=lambda: (W.GROUP_CSV_HEADER, [view.group_csv_row(g) for g in found]),
                    draw=lambda console: view.print_groups(title, found, console),
                    xlsx=lambda: view.group_sheet(title, found), to=to)
        return
    title = W.list_title(p.label, day)
    output.emit(format, as_json=lambda: {**head, "proposals": output.Each(rows, lambda r: r.as_json())},
                csv=lambda: (W.CSV_HEADER, [view.csv_row(r) for r in rows]),
                draw=lambda console: view.print_list(title, rows, console),
                xlsx=lambda: view.list_sheet(title, rows), to=to)
