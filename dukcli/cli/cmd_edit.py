"""duk edit, duk rm: correct or remove one visit file (SPEC §5).

The visit is a file's path or --person/--unit/--date. `edit` opens the editor on a copy and
judges what comes back exactly as `duk check` judges a visit file (the same parser, the same
per-visit checks, against the lists and the visits of the month); an invalid text is said
why and reopened with the text kept, like visudo. Both write through record.change_files: one
change, one commit. Only the lists and the visit's month are loaded, never the history.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli import common, terminal
from dukcli.cli.common import DukError, PersonOpt, UnitOpt, usage
from dukcli.words import commands as C
from dukcli.words import corrections as W
from dukcli.words import lists as L
from dukcli.words import prompts as P

VisitArg = Annotated[Optional[str], typer.Argument(metavar=W.VISIT_METAVAR, help=W.VISIT_ARG_HELP,
                                                   show_default=False)]
DateOpt = Annotated[Optional[str], typer.Option("--date", help=W.FIND_DATE_HELP)]
NoCommitOpt = Annotated[bool, typer.Option("--no-commit", help=W.NO_COMMIT_HELP)]


def edit(visit: VisitArg = None, person: PersonOpt = None, unit: UnitOpt = None, date: DateOpt = None,
         no_commit: NoCommitOpt = False) -> int:
    """Sửa một chuyến đi đã ghi: mở tệp trong trình soạn thảo, kiểm tra như duk check khi lưu."""
    from dukcli.cli.terminal import Asker, run_editor

    target = _find(visit, person, unit, date, load=True)
    ctx = target.ctx
    text = target.text
    asker = None
    while True:
        text, ok = run_editor(text)
        if not ok:
            _rescue(ctx, text, P.EDITOR_FAILED)
        if text == target.text:
            print(L.NO_CHANGE)
            return 0
        if terminal.blank(text):
            raise DukError(P.EMPTY_CONTENT)
        verdict = _judge(ctx, text)
        if not verdict.errors:
            break
        common.echo_err(P.content_invalid(W.EDIT_INVALID))
        for d in verdict.errors:
            common.echo_err(W.error_at(d.line, d.code, d.message))
        asker = asker or Asker()
        try:
            again = asker.yes(P.EDIT_AGAIN, True)
        except EOFError:
            again = False
        if not again:
            _rescue(ctx, text, W.EDIT_INVALID)
    for d in verdict.warnings:
        common.echo_err(W.warning_at(d.line, d.code, d.message))
    new_rel = _new_rel(ctx, verdict.record)
    if new_rel == ctx.rel:
        changes = [(ctx.rel, target.text, text)]
        message, said = W.edit_message(ctx.rel), W.edited(ctx.rel)
    else:
        changes = [(ctx.rel, target.text, None), (new_rel, None, text)]
        message, said = W.moved_message(ctx.rel, new_rel), W.moved(ctx.rel, new_rel)
    _write(ctx.root, changes, message, not no_commit, said)
    return 0


def rm(visit: VisitArg = None, person: PersonOpt = None, unit: UnitOpt = None, date: DateOpt = None,
       yes: Annotated[bool, typer.Option("--yes", help=W.REMOVE_YES_HELP)] = False,
       dry_run: Annotated[bool, typer.Option("--dry-run", help=W.REMOVE_DRY_RUN_HELP)] = False,
       no_commit: NoCommitOpt = False) -> int:
    """Xóa một chuyến đi đã ghi (cho xem tệp và hỏi trước khi xóa)."""
    from dukcli.cli.terminal import Asker, interactive

    target = _find(visit, person, unit, date, load=visit is None)
    rel = target.ctx.rel
    print(W.will_remove(rel))
    print(target.text.rstrip("\n"))
    if dry_run:
        print(L.DRY_RUN)
        return 0
    if not yes and interactive() and not Asker().yes(W.CONFIRM_REMOVE):
        print(L.CANCELLED)
        return 1
    from dukcli.store import gitops

    # A file git never knew leaves nothing to commit when it goes.
    commit = not no_commit and not gitops.untracked(target.ctx.root, rel)
    _write(target.ctx.root, [(rel, target.text, None)], W.remove_message(rel), commit, W.removed(rel))
    return 0


# --- which visit --------------------------------------------------------------------------

@dataclass
class Context:
    """The visit being corrected and what it is judged against: the lists and the visits of
    one month, loaded again when an edit moves the visit to another month."""

    root: Path
    rel: str  # the visit file, relative to the data folder, with /
    old: object  # the visit as the file says now (None when it does not parse)
    today: dt.date
    ds: object = None
    month: tuple[int, int] | None = None

    def load_month(self, day: dt.date) -> None:
        if self.month != (day.year, day.month):
            _, self.ds, _ = common.load_checked(self.today, dates=_month(day))
            self.month = (day.year, day.month)


@dataclass
class Target:
    ctx: Context
    text: str  # the file's text now


def _month(day: dt.date):
    from dukcli.dates import month_end
    from dukcli.store.refresh import Window

    return Window.of(day.replace(day=1), month_end(day.year, day.month))


def _find(visit: str | None, person: str | None, unit: str | None, date: str | None, load: bool) -> Target:
    by_options = [o for o, v in (("--person", person), ("--unit", unit), ("--date", date)) if v is not None]
    if visit is not None and by_options:
        raise usage(W.PATH_OR_OPTIONS)
    if visit is None and not by_options:
        raise usage(W.WHICH_VISIT)
    root = common.root()
    today = common.today()
    if visit is not None:
        rel = _rel_of(root, visit)
        text, old = _read(root, rel)
        ctx = Context(root, rel, old, today)
        if load:
            ctx.load_month(_folder_day(rel) or (old.date if old is not None else today))
        return Target(ctx, text)
    missing = [o for o in ("--person", "--unit", "--date") if o not in by_options]
    if missing:
        raise usage(W.missing_find_options(missing))
    day = common.parse_day(date, "--date")
    ctx = Context(root, "", None, today)
    ctx.load_month(day)
    pid, uid = common.pick(ctx.ds, person, unit)
    ds = ctx.ds
    found = sorted(v.file for v in ds.visits
                   if v.person == pid and v.date == day and uid in (v.unit, ds.counted_unit(v.unit)))
    if not found:
        raise DukError(W.no_visit_found(ds.person_name(pid), ds.unit_name(uid), day))
    if len(found) > 1:
        raise DukError(W.several_visits(ds.person_name(pid), ds.unit_name(uid), day, found))
    ctx.rel = found[0]
    text, ctx.old = _read(root, ctx.rel)
    return Target(ctx, text)


def _rel_of(root: Path, typed: str) -> str:
    """The visit file's path relative to the data folder: as typed from here when it names a
    file there, else relative to the data folder."""
    here = Path(typed)
    if here.is_absolute() or os.path.lexists(here):
        rel = os.path.relpath(os.path.abspath(here), os.path.abspath(root))
    else:
        rel = os.path.normpath(typed)
    rel = Path(rel).as_posix()
    if rel == ".." or rel.startswith("../"):
        raise DukError(W.outside_folder(typed))
    if not rel.startswith("visits/") or not rel.endswith(".yaml"):
        raise DukError(W.not_a_visit_path(rel))
    return rel


def _read(root: Path, rel: str) -> tuple[str, object]:
    """The file's text (as record.change_files will compare it) and the visit it holds."""
    from dukcli import schema
    from dukcli.oserr import describe
    from dukcli.store import safefs
    from dukcli.store.loader import parse_text

    try:
        raw = safefs.read_bytes(root / rel)
    except FileNotFoundError:
        raise DukError(W.no_such_file(rel)) from None
    except (safefs.NotRegular, safefs.TooLarge) as e:
        raise DukError(W.unreadable(rel, str(e))) from None
    except OSError as e:
        raise DukError(W.unreadable(rel, describe(e))) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DukError(C.not_utf8(rel)) from None
    visit, _ = parse_text(rel, raw, schema.parse_visit)
    return text, visit


def _folder_day(rel: str) -> dt.date | None:
    """The first day of the month folder the file is in (visits/YYYY/MM/…), None elsewhere."""
    from dukcli.store.refresh import month_folder

    folder = month_folder(rel.rsplit("/", 1)[0])
    if folder is None:
        return None
    _, year, month = folder.split("/")
    try:
        return dt.date(int(year), int(month), 1)
    except ValueError:
        return None


# --- judging an edit ----------------------------------------------------------------------

def _judge(ctx: Context, text: str):
    """The text judged exactly as `duk check` judges the visit file (parse, then the per-visit
    checks against the lists and the visits of its month, this file's old version left out).
    A visit that the edit makes a second one of the same person, unit and day is refused, as
    log-visit refuses it."""
    from dukcli import codes, schema
    from dukcli.rules import entry
    from dukcli.rules.quota import same_day_key
    from dukcli.rules.validate import VisitIndex, check_visit
    from dukcli.store.loader import parse_text

    visit, diags = parse_text(ctx.rel, text.encode("utf-8"), schema.parse_visit)
    diags = list(diags)
    if visit is not None:
        ctx.load_month(visit.date)
        ds = dataclasses.replace(ctx.ds, visits=[v for v in ctx.ds.visits if v.file != ctx.rel])
        index = VisitIndex(ds)
        found = check_visit(ds, visit, ctx.today, index)
        twins = index.twins(ds, visit)
        moved = ctx.old is None or same_day_key(ds, ctx.old) != same_day_key(ds, visit)
        if twins and moved:
            found = [d for d in found if d.code != codes.DUPLICATE_VISIT.name]
            found.append(codes.diagnostic(ctx.rel, visit.lines.get("date", visit.line), codes.DUPLICATE_VISIT,
                                          entry.twin_message(twins[0].file), refusal=True))
        diags.extend(found)
    return entry.Verdict(text, visit, diags)


def _new_rel(ctx: Context, visit) -> str:
    """Where the edited visit goes: its date's month folder when it was in a month folder and
    the month changed; a file named after its date, person and unit (2019-05-14-lan-cb-x.yaml)
    is renamed when they change. Otherwise it stays where it is."""
    import re

    from dukcli.rules import entry
    from dukcli.store.write import numbered

    folder, name = ctx.rel.rsplit("/", 1)
    old = ctx.old
    canonical = old is not None and re.fullmatch(
        re.escape(entry.stem(old.date, old.person, old.unit)) + r"(-\d+)?\.yaml", name) is not None
    stem = entry.stem(visit.date, visit.person, visit.unit)
    to_folder = entry.folder(visit.date) if _folder_day(ctx.rel) is not None else folder
    renamed = canonical and stem != entry.stem(old.date, old.person, old.unit)
    if to_folder == folder and not renamed:
        return ctx.rel
    if not renamed and not canonical:
        stem = name[: -len(".yaml")]
    n = 1
    while True:
        rel = f"{to_folder}/{numbered(stem, n)}"
        if rel == ctx.rel or not os.path.lexists(ctx.root / rel):
            return rel
        n += 1


def _rescue(ctx: Context, text: str, why: str) -> None:
    """Keep what was typed in .duk/ and stop: the file stays as it was, nothing typed is lost."""
    raise DukError(W.edit_kept(why, terminal.keep_typed(ctx.root, "chuyen-di-dang-sua", text), ctx.rel))


# --- writing ------------------------------------------------------------------------------

def _write(root: Path, changes: list[tuple[str, str | None, str | None]], message: str, commit: bool,
           said: str) -> None:
    from dukcli.store import record

    try:
        saved = record.change_files(root, [record.Change(*c) for c in changes], message, commit=commit)
    except record.RecordError as e:
        raise DukError(e.message) from None
    print(said)
    if saved and saved[0].committed:
        print(C.saved_to_git(message))
    if saved and saved[0].warning:
        common.echo_err(C.warning(saved[0].warning))
