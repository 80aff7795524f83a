"""duk people; duk person add|edit (SPEC §5, "Keeping the records by command"). Also what
cmd_units shares with it: reading the list files as text, finding a record's place in its file,
and handing a change to cli/change.carry_out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli import model as m
from dukcli.cli.common import (DukError, ForceOpt, FormatOpt, OutputOpt, TableFormat, sheet_file, show_diags, today,
                               usage)
from dukcli.cli.framework import ViCommand, ViGroup
from dukcli.words import commands as C
from dukcli.words import lists as L
from dukcli.words import records_cmd as W

LIST_FILES = ("units.yaml", "people.yaml", "assignments.yaml")

YesOpt = Annotated[bool, typer.Option("--yes", help=L.YES_HELP)]
DryRunOpt = Annotated[bool, typer.Option("--dry-run", help=L.DRY_RUN_HELP)]
NoCommitOpt = Annotated[bool, typer.Option("--no-commit", help=W.NO_COMMIT_HELP)]
NameOpt = Annotated[Optional[str], typer.Option("--name", help=W.NAME_HELP)]
RequiredName = Annotated[str, typer.Option("--name", help=W.NAME_HELP, show_default=False)]
IdOpt = Annotated[Optional[str], typer.Option("--id", help=W.ID_HELP)]


# --- shared with cmd_units ---------------------------------------------------------------------

@dataclass
class Lists:
    """The list files as read (None: absent) and the records they hold."""

    root: Path
    config: m.Config
    texts: dict[str, str | None]
    ds: m.Dataset
    diags: list[m.Diagnostic]

    def text(self, rel: str) -> str:
        return self.texts[rel] or ""


def read_lists() -> Lists:
    """duk.yaml and the three list files, read directly (an entry never loads the history)."""
    from dukcli import schema
    from dukcli.cli.common import root
    from dukcli.oserr import describe
    from dukcli.rules import lists
    from dukcli.store import loader, safefs

    folder = root()
    config, _ = loader.read_file(folder, "duk.yaml", schema.parse_config)
    config = config or m.Config()
    texts: dict[str, str | None] = {}
    for rel in LIST_FILES:
        try:
            texts[rel] = safefs.read_bytes(folder / rel).decode("utf-8-sig")
        except FileNotFoundError:
            texts[rel] = None
        except (OSError, UnicodeDecodeError, safefs.NotRegular, safefs.TooLarge) as e:
            raise DukError(W.cannot_read(rel, describe(e) if isinstance(e, OSError) else str(e))) from None
    ds, diags = lists.judge({rel: t or "" for rel, t in texts.items()}, config, today())
    return Lists(folder, config, texts, ds, diags)


def refuse_errors(found: Lists) -> None:
    """A listing shows nothing while the lists have errors (as the reporting commands)."""
    errors = [d for d in found.diags if d.severity == "error"]
    if errors:
        show_diags(errors, limit=20)
        raise DukError(C.data_has_errors(len(errors)))


def record_index(text: str, rel: str, line: int) -> int:
    """The file-order index (for listtext) of the record whose "- " line is `line` (1-based)."""
    from dukcli import listtext

    try:
        starts = [start for start, _ in listtext.spans(text)]
    except listtext.ListShapeError:
        raise DukError(W.not_a_list(rel)) from None
    if line - 1 not in starts:
        raise DukError(W.not_a_list(rel))
    return starts.index(line - 1)


def edit_text(fn, rel: str, *args):
    """listtext's fn(text, *args), its refusals said in Vietnamese."""
    from dukcli import listtext

    try:
        return fn(*args)
    except (listtext.ListShapeError, ValueError):
        raise DukError(W.not_a_list(rel)) from None


def carry(found: Lists, after: dict[str, str], message: str, yes: bool, dry_run: bool, no_commit: bool) -> bool:
    """The change through carry_out: shown, judged, asked on a terminal, written, committed."""
    from dukcli.cli import terminal
    from dukcli.cli.change import Plan, carry_out

    # Every list as read, not only the changed ones: carry_out judges the lists as a whole.
    plan = Plan(dict(found.texts), after, message)
    asker = terminal.Asker() if terminal.interactive() else None
    return carry_out(found.root, plan, yes=yes, dry_run=dry_run, commit=not no_commit, config=found.config,
                     asker=asker)


def clean_text(value: str | None, option: str, required: bool = False) -> str | None:
    """An option's one-line text, NFC and trimmed; "" is None (the key removed) unless required."""
    from dukcli.text import nfc

    if value is None:
        return None
    text = nfc(value).strip()
    if "\n" in text or "\r" in text:
        raise usage(W.one_line(option))
    if not text and required:
        raise usage(W.empty_name(option))
    return text or None


def given_id(value: str | None, taken, rel: str) -> str | None:
    from dukcli.schema import valid_id

    if value is None:
        return None
    rid = value.strip()
    if not valid_id(rid):
        raise usage(W.bad_id("--id", value))
    if rid in taken:
        raise DukError(W.id_taken(rel, rid))
    return rid


def made_id(name: str, taken) -> str:
    from dukcli.rules.records import new_id

    rid = new_id(name, taken)
    if not rid:
        raise usage(W.no_id_from(name))
    return rid


def find(candidates, query: str, what: str, label: str) -> str:
    """An id from what the clerk typed, matched as every command matches (common.pick)."""
    from dukcli import match

    try:
        return match.find(query, candidates, what).id
    except match.MatchError as e:
        raise DukError(f"{label}: {e.message}") from None


# --- duk people ----------------------------------------------------------------------------------

def people(format: FormatOpt = TableFormat.table, output_file: OutputOpt = None, force: ForceOpt = False) -> None:
    """Danh sách người trong people.yaml: mã, họ và tên, chức vụ, bộ phận công tác."""
    from dukcli.render import lists_table, output

    to = sheet_file(format, output_file, force, W.PEOPLE_XLSX)
    found = read_lists()
    refuse_errors(found)
    rows = list(found.ds.people.values())
    output.emit(format, as_json=lambda: {"people": [lists_table.person_json(p) for p in rows]},
                csv=lambda: (W.PEOPLE_CSV_HEADER, [lists_table.person_row(p) for p in rows]),
                draw=lambda console: lists_table.print_people(rows, console),
                xlsx=lambda: lists_table.people_sheet(rows), to=to)


# --- duk person add|edit ---------------------------------------------------------------------------

person_app = typer.Typer(cls=ViGroup, help=W.PERSON_APP_HELP, no_args_is_help=True)

PositionOpt = Annotated[Optional[str], typer.Option("--position", help=W.POSITION_HELP)]
DepartmentOpt = Annotated[Optional[str], typer.Option("--department", help=W.DEPARTMENT_HELP)]


@person_app.command("add", cls=ViCommand)
def person_add(name: RequiredName, id: IdOpt = None, position: PositionOpt = None,
               department: DepartmentOpt = None, yes: YesOpt = False, dry_run: DryRunOpt = False,
               no_commit: NoCommitOpt = False) -> None:
    """Thêm một người vào people.yaml (mã làm từ tên nếu không cho --id; mã không bao giờ đổi)."""
    from dukcli import listtext

    full = clean_text(name, "--name", required=True)
    position, department = clean_text(position, "--position"), clean_text(department, "--department")
    found = read_lists()
    taken = {p.id for p in found.ds.person_list}
    pid = given_id(id, taken, "people.yaml") or made_id(full, taken)
    fields = {"id": pid, "name": full, "position": position, "department": department}
    rel = "people.yaml"
    after = edit_text(listtext.append, rel, found.text(rel), fields)
    carry(found, {rel: after}, W.person_added(full, pid), yes, dry_run, no_commit)


@person_app.command("edit", cls=ViCommand)
def person_edit(person: Annotated[str, typer.Argument(metavar=W.PERSON_ARG, help=W.PERSON_ARG_HELP)],
                name: NameOpt = None, position: PositionOpt = None, department: DepartmentOpt = None,
                yes: YesOpt = False, dry_run: DryRunOpt = False, no_commit: NoCommitOpt = False) -> None:
    """Sửa họ tên, chức vụ hoặc bộ phận công tác của một người (mã giữ nguyên)."""
    from dukcli import listtext, match

    if name is None and position is None and department is None:
        raise usage(W.NOTHING_TO_EDIT)
    values = {}
    if name is not None:
        values["name"] = clean_text(name, "--name", required=True)
    if position is not None:
        values["position"] = clean_text(position, "--position")
    if department is not None:
        values["department"] = clean_text(department, "--department")
    found = read_lists()
    pid = find(match.people(found.ds), person, C.PERSON_WORD, W.PERSON_ARG)
    record = found.ds.people[pid]
    rel = "people.yaml"
    index = record_index(found.text(rel), rel, record.line)
    after = edit_text(listtext.set_values, rel, found.text(rel), index, values)
    carry(found, {rel: after}, W.edited(values.get("name") or record.name, pid), yes, dry_run, no_commit)
