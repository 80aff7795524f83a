"""duk status: who sent the quarter's individual report on time, late, or not yet."""

from __future__ import annotations

from dukcli.cli.common import (AsOfOpt, FormatOpt, ForceOpt, OutputOpt, PeriodArg, PeriodOpt, QuarterOpt, TableFormat,
                               YearOpt, answer, load_for_report, parse_day, period_from, quarter_only, sheet_file, today)


def status(period_arg: PeriodArg = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
           as_of: AsOfOpt = None, format: FormatOpt = TableFormat.table, output_file: OutputOpt = None,
           force: ForceOpt = False) -> None:
    """Tình hình nộp báo cáo cá nhân của một quý: đúng hạn, trễ hạn, chưa nộp."""
    from dukcli.render import output, sheets, status_table
    from dukcli.rules import deadline

    day = parse_day(as_of, "--as-of") or today()
    q = quarter_only(period_from(period, quarter, year, day, period_arg), "status")
    to = sheet_file(format, output_file, force, f"bao-cao-quy-{q.slug}.xlsx")
    name = f"status {q.code} | {day}"
    folder, ds = load_for_report(years=(q.start.year, q.end.year), want=(name,), mergeable=True)
    # The reports owed and received look at no visit: a changed visit leaves the kept answer as it is.
    st = answer(folder, ds, name, lambda: deadline.report_status(ds, q, day), merge=lambda kept, persons: kept)
    output.emit(format, as_json=st.as_json, csv=lambda: (status_table.CSV_HEADER, status_table.csv_rows(st)),
                draw=lambda console: status_table.print_status(st, console),
                xlsx=lambda: sheets.status(st), to=to)
