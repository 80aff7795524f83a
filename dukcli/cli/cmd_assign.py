"""duk assignments, duk assign, duk unassign: who follows which unit, and changing it (SPEC §5,
"Keeping the records by command"). The plan of a change is rules/handover's; every change goes
through cli/change.carry_out as one change of assignments.yaml."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli import common
from dukcli.cli.common import DukError, FormatOpt, PersonOpt, TableFormat, UnitOpt, usage
from dukcli.cli.framework import one_of
from dukcli.words import assign as W
from dukcli.words import commands as C
from dukcli.words import framework as FW
from dukcli.words import lists as L

LIST_FILES = ("units.yaml", "people.yaml", "assignments.yaml")
TARGET = "assignments.yaml"


class Role(str, Enum):
    theo_doi = "theo-doi"
    phu_trach = "phu-trach"


YesOpt = Annotated[bool, typer.Option("--yes", help=L.YES_HELP)]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help=L.DRY_RUN_HELP)]
NoCommitOpt = Annotated[bool, typer.Option("--no-commit", help=W.NO_COMMIT_HELP)]


class Lists:
    """The list files as text, and the records and config they give (read directly: a change
    of the lists never loads the visits)."""

    def __init__(self):
        from dukcli import model as m
        from dukcli import schema
        from dukcli.rules import lists
        from dukcli.store.loader import read_file

        self.message = ""
        self.root: Path = common.root()
        self.today = common.today()
        config, _ = read_file(self.root, "duk.yaml", schema.parse_config)
        self.config = config or m.Config()
        self.texts = {rel: _read(self.root, rel) for rel in LIST_FILES}
        self.ds, diags = lists.judge({rel: t or "" for rel, t in self.texts.items()}, self.config, self.today)
        errors = [d for d in diags if d.severity == "error"]
        if errors:
            common.show_diags(errors, limit=20)
            raise DukError(W.list_errors(len(errors)))

    def located(self):
        from dukcli import listtext
        from dukcli.rules import handover

        try:
            spans = listtext.spans(self.texts[TARGET] or "")
        except listtext.ListShapeError:
            raise DukError(W.bad_list_file(TARGET, W.LIST_SHAPE)) from None
        return handover.locate(self.ds.assignments, spans)

    def carry_out(self, plan, yes: bool, dry_run: bool, no_commit: bool) -> bool:
        from dukcli import listtext
        from dukcli.cli.change import Plan, carry_out
        from dukcli.cli.terminal import Asker, interactive

        try:
            after = plan.apply(self.texts[TARGET] or "")
        except (listtext.ListShapeError, ValueError) as e:
            raise DukError(W.bad_list_file(TARGET, str(e) or W.LIST_SHAPE)) from None
        change = Plan(dict(self.texts), {TARGET: after}, self.message)
        asker = Asker() if interactive() and not yes else None
        return carry_out(self.root, change, yes=yes, dry_run=dry_run, commit=not no_commit, config=self.config,
                         asker=asker)


def _read(root: Path, rel: str) -> str | None:
    from dukcli.oserr import describe
    from dukcli.store import safefs

    try:
        return safefs.read_bytes(root / rel).decode("utf-8-sig")
    except FileNotFoundError:
        return None
    except OSError as e:
        raise DukError(W.bad_list_file(rel, describe(e))) from None
    except (UnicodeDecodeError, safefs.NotRegular, safefs.TooLarge) as e:
        raise DukError(W.bad_list_file(rel, str(e))) from None


def _role(text: str, ctx) -> Role:
    """--role, parsed here rather than by the option: a required choice that click judged first
    would hide a more basic mistake on the same line (extra arguments)."""
    from dukcli.cli.framework import BadValue, UsageProblem

    try:
        return one_of(Role)["parser"](text)
    except BadValue as e:
        raise UsageProblem(FW.bad_value(["--role"], e.message), ctx.command_path) from None


def _units(ds, text: str) -> list[str]:
    """--units U1,U2: ids, each matched as --unit is (id or part of a name)."""
    from dukcli import match

    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise usage(W.NO_UNITS)
    out = []
    for part in parts:
        try:
            uid = match.find(part, match.units(ds), C.UNIT_WORD).id
        except match.MatchError as e:
            raise DukError(f"--units: {e.message}") from None
        if uid in out:
            raise usage(W.unit_twice(part))
        out.append(uid)
    return out


def _refusal(e, ds) -> DukError:
    """A handover.HandoverError in the clerk's words."""
    d = e.details
    if e.reason == "starts-on-day":
        return DukError(W.starts_on_day(ds.person_name(d["person"]), [ds.unit_name(u) for u in d["units"]], d["start"]))
    if e.reason == "already-ends":
        return DukError(W.already_ends(ds.person_name(d["person"]), ds.unit_name(d["unit"]), d["end"]))
    if e.reason == "to-before-from":
        return usage(W.to_before_from(d["end"], d["start"]))
    return DukError(W.not_covered(ds.person_name(d["person"]), ds.unit_name(d["unit"]), d["day"]))


def assignments(
    on: Annotated[Optional[str], typer.Option("--on", help=W.ON_HELP)] = None,
    person: PersonOpt = None, unit: UnitOpt = None, format: FormatOpt = TableFormat.table,
    output_file: common.OutputOpt = None, force: common.ForceOpt = False,
) -> None:
    """Ai theo dõi, phụ trách đơn vị nào vào một ngày (mặc định hôm nay)."""
    from dukcli.render import assignments_table, output

    to = common.sheet_file(format, output_file, force, W.XLSX)
    day = common.parse_day(on, "--on") or common.today()
    lists = Lists()
    pid, uid = common.pick(lists.ds, person, unit)
    rows = assignments_table.select(lists.ds, day, pid, uid)
    output.emit(format, as_json=lambda: {"on": day.isoformat(), "assignments": [r.as_json() for r in rows]},
                csv=lambda: (W.CSV_HEADER, [r.csv_row() for r in rows]),
                draw=lambda console: assignments_table.print_table(day, rows, console),
                xlsx=lambda: assignments_table.sheet(day, rows), to=to)


def assign(
    ctx: typer.Context,
    person: Annotated[str, typer.Option("--person", help=W.ASSIGN_PERSON_HELP)],
    role: Annotated[str, typer.Option("--role", help=W.ROLE_HELP, metavar=one_of(Role)["metavar"])],
    units: Annotated[str, typer.Option("--units", help=W.UNITS_HELP)],
    start: Annotated[str, typer.Option("--from", help=W.FROM_HELP)],
    end: Annotated[Optional[str], typer.Option("--to", help=W.TO_HELP)] = None,
    basis: Annotated[Optional[str], typer.Option("--basis", help=W.BASIS_HELP)] = None,
    yes: YesOpt = False, dry_run: DryRunOpt = False, no_commit: NoCommitOpt = False,
) -> None:
    """Phân công một người theo dõi, phụ trách các đơn vị; người đang giữ đơn vị đó (cùng vai trò)
    bàn giao từ ngày bắt đầu."""
    from dukcli.rules import handover
    from dukcli.text import nfc

    role = _role(role, ctx)
    first = common.parse_day(start, "--from")
    last = common.parse_day(end, "--to")
    if last is not None and last < first:
        raise usage(W.to_before_from(last, first))
    lists = Lists()
    pid, _ = common.pick(lists.ds, person, None)
    uids = _units(lists.ds, units)
    basis = nfc(basis.strip()) if basis and basis.strip() else None
    try:
        plan = handover.assign(lists.located(), pid, role.value, uids, first, last, basis)
    except handover.HandoverError as e:
        raise _refusal(e, lists.ds) from None
    ds = lists.ds
    for h in plan.handed:
        print(W.handed_over(ds.unit_name(h.unit), ds.person_name(h.old), ds.person_name(h.new), h.day))
    lists.message = W.assigned(ds.person_name(pid), role.value, [ds.unit_name(u) for u in uids], first, last)
    lists.carry_out(plan, yes, dry_run, no_commit)


def unassign(
    person: Annotated[str, typer.Option("--person", help=W.ASSIGN_PERSON_HELP)],
    unit: Annotated[str, typer.Option("--unit", help=W.UNASSIGN_UNIT_HELP)],
    end: Annotated[str, typer.Option("--to", help=W.UNASSIGN_TO_HELP)],
    yes: YesOpt = False, dry_run: DryRunOpt = False, no_commit: NoCommitOpt = False,
) -> None:
    """Kết thúc việc theo dõi, phụ trách một đơn vị của một người (ngày --to là ngày cuối cùng)."""
    from dukcli.rules import handover

    last = common.parse_day(end, "--to")
    lists = Lists()
    pid, uid = common.pick(lists.ds, person, unit)
    try:
        plan, old = handover.unassign(lists.located(), pid, uid, last)
    except handover.HandoverError as e:
        raise _refusal(e, lists.ds) from None
    ds = lists.ds
    lists.message = W.unassigned(ds.person_name(pid), old.role, ds.unit_name(uid), last)
    lists.carry_out(plan, yes, dry_run, no_commit)
