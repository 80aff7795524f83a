"""duk quota: the Article 4 table."""

from __future__ import annotations

from dukcli.cli.common import (AsOfOpt, FormatOpt, ForceOpt, OutputOpt, PeriodArg, PeriodOpt, PersonOpt, QuarterOpt,
                               TableFormat, UnitOpt, YearOpt, answer, echo_err, load_for_report, parse_day, period_from, pick,
                               sheet_file, today)
from dukcli.words import commands as W


def filter_rows(ds, result, period, pid: str | None, uid: str | None):
    from dataclasses import replace

    from dukcli.rules.quota import TheoDoiRow, in_force_during

    if uid is not None:  # a chi bộ trực thuộc is followed through its đảng bộ (SPEC §4)
        uid = ds.counted_unit(uid)

    def keep(row) -> bool:
        if pid and row.person != pid:
            return False
        if uid is None:
            return True
        if isinstance(row, TheoDoiRow):
            return row.unit == uid
        return any(a.person == row.person and a.role == "phu-trach" and uid in a.units
                   and in_force_during(a, period.start, period.end) for a in ds.assignments)

    return replace(result, rows=tuple(r for r in result.rows if keep(r)))


def kept_name(period, as_of) -> str:
    """Where the Article 4 table of a period is kept in the index (common.answer): `duk quota`
    and the web board share it."""
    return f"quota {period.start} {period.end} | {as_of}"


def quota(period_arg: PeriodArg = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
          person: PersonOpt = None, unit: UnitOpt = None, as_of: AsOfOpt = None,
          format: FormatOpt = TableFormat.table, output_file: OutputOpt = None, force: ForceOpt = False) -> None:
    """Bảng thực hiện Điều 4: ai đạt, ai chưa đạt định kỳ đi cơ sở, từng tháng."""
    from dukcli.render import output, quota_table, sheets
    from dukcli.rules.quota import compute, merged

    day = parse_day(as_of, "--as-of") or today()
    p = period_from(period, quarter, year, day, period_arg)
    to = sheet_file(format, output_file, force, f"dieu-4-{p.slug}.xlsx")
    if day < p.start:
        echo_err(W.as_of_before_period(day, p.label, p.start))
    name = kept_name(p, day)
    folder, ds = load_for_report(years=(p.start.year, p.end.year), want=(name,), mergeable=True)
    pid, uid = pick(ds, person, unit)
    table = answer(folder, ds, name, lambda: compute(ds, p, day),
                   merge=lambda kept, persons: merged(kept, compute(ds, p, day, persons=persons), persons))
    result = filter_rows(ds, table, p, pid, uid)
    output.emit(format, as_json=result.as_json, csv=lambda: quota_table.csv_rows(result),
                draw=lambda console: quota_table.print_table(result, console),
                xlsx=lambda: sheets.quota(result), to=to)
