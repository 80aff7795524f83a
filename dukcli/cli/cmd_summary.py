"""duk summary: the compiled report of Article 6.2 (Ban Tổ chức) or, with --by ubkt, the
Inspection Committee's report of Article 6.3, as a Word document."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import (AsOfOpt, data_template, PeriodArg, PeriodOpt, QuarterOpt, YearOpt, file_exists,
                               load_for_report, output_path, parse_day, period_from, refuse_placeholders,
                               root, shown, today, usage, write_document)
from dukcli.cli.framework import a_path, one_of
from dukcli.words import commands as W
from dukcli.words import summary as SW

SUMMARY_TEMPLATE = "summary.docx"
UBKT_TEMPLATE = "summary_ubkt.docx"


class By(str, Enum):
    btc = "btc"
    ubkt = "ubkt"


def summary(
    period_arg: PeriodArg = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None, as_of: AsOfOpt = None,
    output_file: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help=W.SUMMARY_OUTPUT_HELP, **a_path())] = None,
    force: Annotated[bool, typer.Option("--force", help=W.FORCE_HELP)] = False,
    date: Annotated[Optional[str], typer.Option("--date", "-d", help=W.SUMMARY_DATE_HELP)] = None,
    by: Annotated[By, typer.Option("--by", help=SW.BY_HELP, **one_of(By))] = By.btc,
) -> None:
    """Báo cáo tổng hợp kết quả đi cơ sở và dự sinh hoạt chi bộ (Điều 6.2, 6.3) dạng Word."""
    from dukcli.rules import summary as rules
    from dukcli.rules import ubkt

    day = parse_day(as_of, "--as-of") or today()
    p = period_from(period, quarter, year, day, period_arg)
    inspection = getattr(by, "value", by) == "ubkt"
    if inspection and not ubkt.allowed(p):
        raise usage(SW.ubkt_not_quarter(p.label))
    on = parse_day(date, "--date") or (day if as_of else today())  # SPEC §5: --date, else --as-of, else today
    name = f"ubkt-{p.slug}.docx" if inspection else f"tong-hop-{p.slug}.docx"
    path = output_path(output_file, name, root())
    if path.exists() and not force:
        raise file_exists(path)
    if inspection:  # no notes: the figures, the proposals from the index, the feedback
        folder, ds = load_for_report(years=(p.start.year, p.end.year), with_proposals=True)
    else:
        folder, ds = load_for_report(notes=(p.start, p.end), years=(p.start.year, p.end.year), with_proposals=True)
    refuse_placeholders(ds)
    build = ubkt if inspection else rules
    ctx = build.context(ds, p, day, on)
    form = data_template(folder, UBKT_TEMPLATE if inspection else SUMMARY_TEMPLATE)
    write_document(form, ctx, path, build.expected_texts(ctx), force)
    print(SW.ubkt_written(p.label, shown(path)) if inspection else W.summary_written(p.label, shown(path)))
