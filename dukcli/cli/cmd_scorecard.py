"""duk scorecard: Article 6.1's yearly criterion for each person."""

from __future__ import annotations

from typing import Annotated

import typer

from dukcli.cli.common import (AsOfOpt, FormatOpt, ForceOpt, OutputOpt, TableFormat, answer, load_for_report, parse_day,
                               sheet_file, today, usage)
from dukcli.cli.framework import whole_number
from dukcli.words import commands as W


def scorecard(
    year: Annotated[int, typer.Option("--year", "-y", help=W.SCORECARD_YEAR_HELP, **whole_number())],
    as_of: AsOfOpt = None, format: FormatOpt = TableFormat.table, output_file: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Tiêu chí đánh giá hằng năm (Điều 6.1): kết quả Điều 4 và bốn báo cáo quý của từng người."""
    from dukcli.render import output, scorecard_table, sheets
    from dukcli.rules import scorecard as yearly

    if not 1900 <= year <= 2999:
        raise usage(W.bad_year(year))
    day = parse_day(as_of, "--as-of") or today()
    to = sheet_file(format, output_file, force, f"danh-gia-{year}.xlsx")
    name = f"scorecard {year} | {day}"
    folder, ds = load_for_report(years=(year, year), want=(name,), mergeable=True)
    card = answer(folder, ds, name, lambda: yearly.scorecard(ds, year, day),
                  merge=lambda kept, persons: yearly.merged(ds, kept, yearly.scorecard(ds, year, day, persons), persons))
    output.emit(format, as_json=card.as_json, csv=lambda: scorecard_table.csv_table(card),
                draw=lambda console: scorecard_table.print_scorecard(ds, card, console),
                xlsx=lambda: sheets.scorecard(card), to=to)
