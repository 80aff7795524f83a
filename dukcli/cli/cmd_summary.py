"""duk summary: the compiled report of Article 6.2/6.3 as a Word document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import (AsOfOpt, DukError, data_template, PeriodArg, PeriodOpt, QuarterOpt, YearOpt, file_exists,
                               load_for_report, not_written, output_path, parse_day, period_from, refuse_placeholders,
                               root, shown, today)
from dukcli.cli.framework import a_path
from dukcli.words import commands as W

SUMMARY_TEMPLATE = "summary.docx"


def summary(
    period_arg: PeriodArg = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None, as_of: AsOfOpt = None,
    output_file: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help=W.SUMMARY_OUTPUT_HELP, **a_path())] = None,
    force: Annotated[bool, typer.Option("--force", help=W.FORCE_HELP)] = False,
    date: Annotated[Optional[str], typer.Option("--date", "-d", help=W.SUMMARY_DATE_HELP)] = None,
) -> None:
    """Báo cáo tổng hợp kết quả đi cơ sở và dự sinh hoạt chi bộ (Điều 6.2, 6.3) dạng Word."""
    from dukcli.render import word
    from dukcli.rules import summary as rules

    day = parse_day(as_of, "--as-of") or today()
    p = period_from(period, quarter, year, day, period_arg)
    on = parse_day(date, "--date") or (day if as_of else today())  # SPEC §5: --date, else --as-of, else today
    path = output_path(output_file, f"tong-hop-{p.slug}.docx", root())
    if path.exists() and not force:
        raise file_exists(path)
    folder, ds = load_for_report(notes=(p.start, p.end), years=(p.start.year, p.end.year))
    refuse_placeholders(ds)
    ctx = rules.context(ds, p, day, on)
    form = data_template(folder, SUMMARY_TEMPLATE)
    try:
        word.write_checked(form, ctx, path, rules.expected_texts(ctx), overwrite=force)
    except FileExistsError:
        raise file_exists(path) from None
    except word.WordError as e:
        raise DukError(str(e)) from None
    except OSError as e:
        raise not_written(path, e) from None
    print(W.summary_written(p.label, shown(path)))
