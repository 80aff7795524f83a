"""duk import FILE --kind people|units|assignments (issue 13): a sheet's rows appended to a list
file in one change. Every row is judged first (rules/importing); a problem is said as
FILE:ROW and nothing is written; otherwise the change goes through cli/change.carry_out."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.cmd_people import DryRunOpt, NoCommitOpt, YesOpt, carry, edit_text, read_lists
from dukcli.cli.common import DukError, echo_err
from dukcli.cli.framework import UsageProblem, one_of
from dukcli.words import framework as F
from dukcli.words import importing as W


class Kind(str, Enum):
    people = "people"
    units = "units"
    assignments = "assignments"


FILES = {"people": "people.yaml", "units": "units.yaml", "assignments": "assignments.yaml"}

FileArg = Annotated[str, typer.Argument(metavar=W.FILE_ARG, help=W.FILE_HELP, show_default=False)]
KindOpt = Annotated[Optional[Kind], typer.Option("--kind", help=W.KIND_HELP, **one_of(Kind))]
SheetOpt = Annotated[Optional[str], typer.Option("--sheet", help=W.SHEET_HELP)]


def import_cmd(ctx: typer.Context, file: FileArg, kind: KindOpt = None, sheet: SheetOpt = None,
               yes: YesOpt = False, dry_run: DryRunOpt = False, no_commit: NoCommitOpt = False) -> None:
    """Nhập danh sách người, đơn vị hoặc phân công từ tệp Excel (.xlsx) hoặc CSV: mọi dòng được
    kiểm tra trước, có lỗi thì không ghi gì; không lỗi thì ghi tất cả trong một lần."""
    from dukcli import listtext
    from dukcli.rules import importing
    from dukcli.store.sheet_read import SheetError, read_rows

    if kind is None:  # required, but judged after the command line is read
        raise UsageProblem(F.missing_option(["--kind"]), ctx.command_path)
    try:
        rows = read_rows(Path(file), sheet)
    except SheetError as e:
        raise DukError(e.message) from None
    found = read_lists()
    result = importing.map_rows(kind.value, rows, found.ds)
    if result.problems:
        for number, text in result.problems:
            echo_err(W.problem(file, number, text))
        raise DukError(W.row_problems(len({n for n, _ in result.problems})))
    if not result.records:
        raise DukError(W.no_rows(file))
    rel = FILES[kind.value]
    after = found.text(rel)
    for fields in result.records:
        after = edit_text(listtext.append, rel, after, fields)
    carry(found, {rel: after}, W.imported(len(result.records), kind.value, Path(file).name), yes, dry_run, no_commit)
