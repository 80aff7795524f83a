"""duk visits: the list of visits of a period."""

from __future__ import annotations

from dukcli.cli.common import (FormatOpt, ForceOpt, OutputOpt, PeriodArg, PeriodOpt, PersonOpt, QuarterOpt, TableFormat,
                               UnitOpt, YearOpt, load_for_report, period_from, pick, sheet_file)


def visits(period_arg: PeriodArg = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
           person: PersonOpt = None, unit: UnitOpt = None, format: FormatOpt = TableFormat.table,
           output_file: OutputOpt = None, force: ForceOpt = False) -> None:
    """Danh sách chuyến đi cơ sở và dự sinh hoạt chi bộ trong kỳ, cũ nhất trước."""
    from dukcli.render import output, sheets, visits_table

    p = period_from(period, quarter, year, None, period_arg)
    to = sheet_file(format, output_file, force, f"chuyen-di-{p.slug}.xlsx")
    _, ds = load_for_report(years=(p.start.year, p.end.year))
    pid, uid = pick(ds, person, unit)
    rows = visits_table.select(ds, p, pid, uid)
    output.emit(format, as_json=lambda: {"period": p.as_json(), "visits": output.Each(rows, visits_table.VisitRow.as_json)},
                csv=lambda: (visits_table.CSV_HEADER, [r.csv_row() for r in rows]),
                draw=lambda console: visits_table.print_table(p, rows, console),
                xlsx=lambda: sheets.visits(p, rows), to=to)
