"""duk visits: the list of visits of a period."""

from __future__ import annotations

from dukcli.cli.common import (FormatOpt, ForceOpt, OutputOpt, PeriodArg, PeriodOpt, PersonOpt, QuarterOpt, TableFormat,
                               UnitOpt, YearOpt, kept_text, load_for_report, period_from, pick, sheet_file)


def visits(period_arg: PeriodArg = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
           person: PersonOpt = None, unit: UnitOpt = None, format: FormatOpt = TableFormat.table,
           output_file: OutputOpt = None, force: ForceOpt = False) -> None:
    """Danh sách chuyến đi cơ sở và dự sinh hoạt chi bộ trong kỳ, cũ nhất trước."""
    from dukcli.render import output, sheets, visits_table

    p = period_from(period, quarter, year, None, period_arg)
    to = sheet_file(format, output_file, force, f"chuyen-di-{p.slug}.xlsx")
    kind = getattr(format, "value", format)
    # The whole period as text is kept in the index (common.kept_text): its JSON or CSV, asked
    # again of the same files, costs what writing it out costs.
    name = f"visits {kind} {p.start} {p.end} | " if kind in ("json", "csv") and person is None and unit is None else None
    years = (p.start.year, p.end.year)
    folder, ds = load_for_report(years=years, want=(name,) if name else ())
    pid, uid = pick(ds, person, unit)
    if name is not None:
        def make(ds, write) -> None:
            rows = visits_table.select(ds, p, None, None)
            if kind == "json":
                output.write_json(as_json(p, rows), write)
            else:
                write(output.csv_text(*as_csv(rows)))

        kept_text(folder, ds, name, make, reload=lambda: load_for_report(years=years)[1])
        return
    rows = visits_table.select(ds, p, pid, uid)
    output.emit(format, as_json=lambda: as_json(p, rows), csv=lambda: as_csv(rows),
                draw=lambda console: visits_table.print_table(p, rows, console),
                xlsx=lambda: sheets.visits(p, rows), to=to)


def as_json(p, rows) -> dict:
    from dukcli.render import output, visits_table

    return {"period": p.as_json(), "visits": output.Each(rows, visits_table.VisitRow.as_json)}


def as_csv(rows) -> tuple:
    from dukcli.render import visits_table

    return visits_table.CSV_HEADER, [r.csv_row() for r in rows]
