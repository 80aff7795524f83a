"""The one path of every command that changes the lists (person, unit, assign, import…) and,
later, of the web forms: show the change, judge it as check would, ask, write, commit."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from dukcli.cli.common import DukError, diag_line, echo_err, today
from dukcli.words import commands as C
from dukcli.words import lists as W


@dataclass
class Plan:
    """A change to make: rel -> (text now, text after; None: removed), and its commit message."""

    before: dict[str, str | None]
    after: dict[str, str | None]
    message: str


def diff(plan: Plan) -> list[str]:
    """The change as a unified diff, file by file (what `git diff` will show)."""
    out = []
    for rel, new in plan.after.items():
        old = plan.before.get(rel)
        out += difflib.unified_diff((old or "").splitlines(), (new or "").splitlines(), f"a/{rel}", f"b/{rel}",
                                    lineterm="")
    return out


def _read(root: Path, rel: str) -> str:
    """A list file the change leaves alone, as it is now (to judge the lists whole)."""
    from dukcli.store import safefs

    try:
        return safefs.read_bytes(root / rel).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, safefs.NotRegular, safefs.TooLarge):
        return ""


def carry_out(root: Path, plan: Plan, *, yes: bool, dry_run: bool, commit: bool, config, asker=None) -> bool:
    """Show the change, refuse it when check would find an error in the lists, then (unless a
    dry run, or the clerk says no) write and commit it. Whether it was written."""
    if all(plan.before.get(rel) == new for rel, new in plan.after.items()):
        print(W.NO_CHANGE)
        return False
    print(W.CHANGE_HEADING)
    for line in diff(plan):
        print(line)
    _refuse_errors(root, plan, config)
    if dry_run:
        print(W.DRY_RUN)
        return False
    if asker is not None and not yes and not asker.yes(W.CONFIRM):
        print(W.CANCELLED)
        return False
    _write(root, plan, commit)
    return True


def _refuse_errors(root: Path, plan: Plan, config) -> None:
    """The lists as they would be, judged as check judges them; the diagnostics to stderr and
    DukError when one is an error."""
    from dukcli.rules import lists

    texts = {}
    for rel in lists.PARSERS:
        if rel in plan.after:
            texts[rel] = plan.after[rel]
        else:
            texts[rel] = plan.before[rel] if rel in plan.before else _read(root, rel)
    _, diags = lists.judge(texts, config, today())
    for d in diags:
        echo_err(diag_line(d))
    errors = sum(1 for d in diags if d.severity == "error")
    if errors:
        raise DukError(W.change_refused(errors))


def _write(root: Path, plan: Plan, commit: bool) -> None:
    from dukcli.store.record import Change, RecordError, change_files

    changes = [Change(rel, plan.before.get(rel), new) for rel, new in plan.after.items()]
    try:
        saved = change_files(root, changes, plan.message, commit=commit)
    except RecordError as e:
        raise DukError(e.message) from None
    print(W.written([s.rel for s in saved]))
    if saved and saved[0].committed:
        print(C.saved_to_git(plan.message))
    if saved and saved[0].warning:
        echo_err(C.warning(saved[0].warning))
