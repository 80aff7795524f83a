"""duk units; duk unit add|edit|close (SPEC §5, "Keeping the records by command")."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Optional

import typer

from dukcli.cli.cmd_people import (DryRunOpt, IdOpt, NoCommitOpt, YesOpt, carry, clean_text, edit_text, find, given_id,
                                   made_id, read_lists, record_index, refuse_errors)
from dukcli.cli.common import (DukError, ForceOpt, FormatOpt, OutputOpt, TableFormat, parse_day, sheet_file, today,
                               usage)
from dukcli.cli.framework import UsageProblem, ViCommand, ViGroup, one_of, whole_number
from dukcli.words import commands as C
from dukcli.words import framework as F
from dukcli.words import records_cmd as W

UNITS = "units.yaml"
ASSIGNMENTS = "assignments.yaml"


class UnitType(str, Enum):
    chi_bo_co_so = "chi-bo-co-so"
    dang_bo_co_so = "dang-bo-co-so"
    chi_bo_truc_thuoc = "chi-bo-truc-thuoc"


# Shown as <loại> (the choices are in the help text): the three ids would squeeze the help column.
TypeOpt = Annotated[Optional[UnitType], typer.Option("--type", help=W.TYPE_HELP,
                                                     **{**one_of(UnitType), "metavar": W.TYPE_METAVAR})]
ParentOpt = Annotated[Optional[str], typer.Option("--parent", help=W.PARENT_HELP)]
MeetingDayOpt = Annotated[Optional[int], typer.Option("--meeting-day", help=W.MEETING_DAY_HELP, **whole_number(1))]
FromOpt = Annotated[Optional[str], typer.Option("--from", help=W.FROM_HELP)]
NameOpt = Annotated[Optional[str], typer.Option("--name", help=W.UNIT_NAME_HELP)]
RequiredName = Annotated[str, typer.Option("--name", help=W.UNIT_NAME_HELP, show_default=False)]
UnitArg = Annotated[str, typer.Argument(metavar=W.UNIT_ARG, help=W.UNIT_ARG_HELP)]


# --- duk units ----------------------------------------------------------------------------------

def units(on: Annotated[Optional[str], typer.Option("--on", help=W.ON_HELP)] = None,
          format: FormatOpt = TableFormat.table, output_file: OutputOpt = None, force: ForceOpt = False) -> None:
    """Danh sách đơn vị có vào một ngày: mã, tên, loại, trực thuộc, ngày sinh hoạt, từ ngày, đến ngày."""
    from dukcli.render import lists_table, output

    day = parse_day(on, "--on") or today()
    to = sheet_file(format, output_file, force, W.units_xlsx(day))
    found = read_lists()
    refuse_errors(found)
    ds = found.ds
    rows = lists_table.units_on(ds, day)
    output.emit(format, as_json=lambda: {"on": day.isoformat(), "units": [lists_table.unit_json(u) for u in rows]},
                csv=lambda: (W.UNITS_CSV_HEADER, [lists_table.unit_row(ds, u) for u in rows]),
                draw=lambda console: lists_table.print_units(ds, rows, day, console),
                xlsx=lambda: lists_table.units_sheet(ds, rows, day), to=to)


# --- duk unit add|edit|close ----------------------------------------------------------------------

unit_app = typer.Typer(cls=ViGroup, help=W.UNIT_APP_HELP, no_args_is_help=True)


def _meeting_day(value: int | None) -> int | None:
    if value is not None and value > 31:
        raise usage(F.bad_value(["--meeting-day"], W.MEETING_DAY_RANGE))
    return value


def _unit(found, query: str, label: str) -> str:
    from dukcli import match

    return find(match.units(found.ds), query, C.UNIT_WORD, label)


@unit_app.command("add", cls=ViCommand)
def unit_add(ctx: typer.Context, name: RequiredName, type: TypeOpt = None, parent: ParentOpt = None, meeting_day: MeetingDayOpt = None, from_: FromOpt = None, id: IdOpt = None,
             yes: YesOpt = False, dry_run: DryRunOpt = False, no_commit: NoCommitOpt = False) -> None:
    """Thêm một đơn vị vào units.yaml (mã làm từ tên nếu không cho --id; mã không bao giờ đổi)."""
    from dukcli import listtext

    if type is None:  # required, but judged after the command line is read (a wrong --type is not "extra")
        raise UsageProblem(F.missing_option(["--type"]), ctx.command_path)
    full = clean_text(name, "--name", required=True)
    start = parse_day(from_, "--from")
    day = _meeting_day(meeting_day)
    found = read_lists()
    parent_id = _unit(found, parent, "--parent") if parent is not None else None
    taken = {u.id for u in found.ds.unit_list}
    uid = given_id(id, taken, UNITS) or made_id(full, taken)
    fields = {"id": uid, "name": full, "type": type.value, "parent": parent_id, "meeting-day": day, "from": start}
    after = edit_text(listtext.append, UNITS, found.text(UNITS), fields)
    carry(found, {UNITS: after}, W.unit_added(full, uid), yes, dry_run, no_commit)


@unit_app.command("edit", cls=ViCommand)
def unit_edit(unit: UnitArg, name: NameOpt = None, type: TypeOpt = None, parent: ParentOpt = None,
              meeting_day: MeetingDayOpt = None, from_: FromOpt = None,
              yes: YesOpt = False, dry_run: DryRunOpt = False, no_commit: NoCommitOpt = False) -> None:
    """Sửa tên, loại, đơn vị cấp trên, ngày sinh hoạt hoặc ngày thành lập của một đơn vị (mã giữ nguyên)."""
    from dukcli import listtext

    if all(v is None for v in (name, type, parent, meeting_day, from_)):
        raise usage(W.NOTHING_TO_EDIT)
    values: dict = {}
    if name is not None:
        values["name"] = clean_text(name, "--name", required=True)
    if type is not None:
        values["type"] = type.value
    if meeting_day is not None:
        values["meeting-day"] = _meeting_day(meeting_day)
    if from_ is not None:
        values["from"] = parse_day(from_, "--from")
    found = read_lists()
    if parent is not None:
        values["parent"] = _unit(found, parent, "--parent")
    uid = _unit(found, unit, W.UNIT_ARG)
    record = found.ds.units[uid]
    index = record_index(found.text(UNITS), UNITS, record.line)
    after = edit_text(listtext.set_values, UNITS, found.text(UNITS), index, values)
    carry(found, {UNITS: after}, W.edited(values.get("name") or record.name, uid), yes, dry_run, no_commit)


@unit_app.command("close", cls=ViCommand)
def unit_close(unit: UnitArg,
               date: Annotated[str, typer.Option("--date", help=W.CLOSE_DATE_HELP, show_default=False)],
               successor: Annotated[Optional[str], typer.Option("--successor", help=W.SUCCESSOR_HELP)] = None,
               yes: YesOpt = False, dry_run: DryRunOpt = False, no_commit: NoCommitOpt = False) -> None:
    """Đóng một đơn vị: ghi ngày cuối cùng của nó, kết thúc các phân công đơn vị này vào ngày đó;
    với --successor, người theo dõi, phụ trách đơn vị cũ nhận đơn vị kia từ ngày hôm sau (sáp nhập)."""
    from dukcli.rules.records import close_plan

    day = parse_day(date, "--date")
    found = read_lists()
    ds = found.ds
    uid = _unit(found, unit, W.UNIT_ARG)
    record = ds.units[uid]
    if record.end is not None and record.end <= day:
        raise DukError(W.already_closed(record.name, record.end))
    if record.start is not None and record.start > day:
        raise DukError(W.not_yet_open(record.name, record.start))
    next_uid, basis = None, ""
    if successor is not None:
        next_uid = _successor(found, successor, uid, day + dt.timedelta(days=1))
        basis = W.merger_basis(record.name, ds.units[next_uid].name, day)
    plan = close_plan(ds.assignments, uid, day, next_uid, basis)
    after = {UNITS: _closed_units(found, record, day), ASSIGNMENTS: _closed_assignments(found, plan)}
    message = W.unit_closed(record.name, uid, day, ds.units[next_uid].name if next_uid else None)
    carry(found, after, message, yes, dry_run, no_commit)


def _successor(found, query: str, uid: str, first: dt.date) -> str:
    target = _unit(found, query, "--successor")
    unit = found.ds.units[target]
    if target == uid:
        raise usage(W.SUCCESSOR_IS_UNIT)
    if unit.type == "chi-bo-truc-thuoc":
        raise DukError(W.successor_is_cell(unit.name))
    if not unit.exists_on(first):
        raise DukError(W.successor_not_open(unit.name, first))
    return target


def _closed_units(found, record, day: dt.date) -> str:
    from dukcli import listtext

    index = record_index(found.text(UNITS), UNITS, record.line)
    return edit_text(listtext.set_values, UNITS, found.text(UNITS), index, {"to": day})


def _closed_assignments(found, plan) -> str:
    """assignments.yaml with the plan's records changed in place, then its new records appended."""
    from dukcli import listtext

    text = found.text(ASSIGNMENTS)
    # Indexes from the file as read: set_values changes a record's lines, never the records' order.
    indexes = [record_index(text, ASSIGNMENTS, ending.assignment.line) for ending in plan.edits]
    for index, ending in zip(indexes, plan.edits):
        text = edit_text(listtext.set_values, ASSIGNMENTS, text, index, ending.values)
    for fields in plan.added:
        text = edit_text(listtext.append, ASSIGNMENTS, text, fields)
    return text
