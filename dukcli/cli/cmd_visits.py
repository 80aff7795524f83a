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
            months = visits_table.by_month(ds, p)
            if months:
                by_months(folder, ds, p, kind, months, write)
                return
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


def by_months(folder, ds, p, kind: str, months: list, write) -> None:
    """The listing's text made a month at a time, each month's piece kept in the index under a
    key of what it shows (its visits and the lists): after one new or changed file only its
    month is made again, the others are taken as they were kept, compressed and all."""
    import dataclasses
    import zlib

    from dukcli.cli.common import is_packed, unpack
    from dukcli.render import visits_table
    from dukcli.render.output import utf8
    from dukcli.store.loader import keep_pieces, kept_pieces

    head, sep, tail = visits_table.json_frame(p) if kind == "json" else visits_table.csv_frame()
    wanted = {f"visits {kind} piece {month}": (piece_key(ds, kind, visits), visits) for month, visits in months}
    kept = kept_pieces(folder, {name: key for name, (key, _) in wanted.items()})
    fresh = {}
    write(head)
    for i, (name, (key, visits)) in enumerate(wanted.items()):
        if i and sep:
            write(sep)
        piece = kept.get(name)
        if is_packed(piece):
            write(b"".join(unpack(piece[1])), piece[1])
            continue
        rows = visits_table.select(dataclasses.replace(ds, visits=visits), p, None, None)
        data = utf8(visits_table.json_rows(rows) if kind == "json" else visits_table.csv_rows(rows))
        packed = zlib.compress(data, 6)
        write(data, packed)
        if key:
            fresh[name] = (key, (zlib.crc32(packed), packed))
    write(tail)
    keep_pieces(folder, fresh)


def piece_key(ds, kind: str, visits: list) -> str:
    """What a month's piece shows: each visit's fields in the listing, and the lists (names,
    units, assignments); "" when the lists are too recent to be trusted (nothing kept)."""
    import hashlib

    if not ds.lists_digest:
        return ""
    text = "".join(f"{v.file}\t{v.date}\t{v.person}\t{v.unit}\t{v.parts}\t{v.rating}\n" for v in visits)
    return hashlib.blake2b(f"{kind}\n{ds.lists_digest}\n{text}".encode("utf-8", "surrogateescape"),
                           digest_size=16).hexdigest()
