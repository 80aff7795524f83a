"""duk undo, duk commit: the history of the data folder (SPEC §5).

`undo` reverts duk's own last commit with a new commit (history kept), only when it is the
repository's last commit and nothing tracked is uncommitted. `commit` saves the hand edits of
the data files once `check` finds no error in them. Both hold the folder's lock, refuse a
repository mid-merge, and run git with hooks off (store/gitops).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli import common
from dukcli.cli.common import DukError, usage
from dukcli.words import commands as C
from dukcli.words import corrections as W
from dukcli.words import lists as L


def undo() -> int:
    """Hoàn tác lần ghi cuối cùng của duk bằng một lần ghi mới (lịch sử được giữ nguyên)."""
    from dukcli.store import critical, gitops, record

    root = common.root()
    try:
        with record.locked(root):
            _repository(root)
            last = gitops.head(root)
            if last is None:
                raise DukError(W.NO_COMMIT_YET)
            _refuse_other(root, last)
            dirty = gitops.uncommitted(root)
            if dirty:
                raise DukError(W.uncommitted(dirty))
            files = gitops.changed_files(root, last.sha)
            with critical.shielded():
                try:
                    gitops.revert_head(root, W.undo_message(last.subject))
                except gitops.GitError as e:
                    raise DukError(W.undo_failed(e)) from None
                critical.record(W.undone(last.subject, last.sha))
    except record.RecordError as e:
        raise DukError(e.message) from None
    except gitops.GitError as e:
        raise DukError(str(e)) from None
    print(W.undone(last.subject, last.sha))
    for status, path in files:
        print(W.undo_line(status, path))
    return 0


def _repository(root: Path) -> None:
    """The folder is in a repository git can work on now (else DukError, nothing changed)."""
    from dukcli.store import gitops

    if gitops.unreachable(root):
        raise DukError(W.NO_GIT_PROGRAM)
    try:
        repo = gitops.refuse_unsafe(root, committing=True)
    except gitops.GitBusy as e:
        raise DukError(str(e)) from None
    if not repo:
        raise DukError(W.NOT_A_REPOSITORY)


def _refuse_other(root: Path, last) -> None:
    """Only duk's own commit, and only when it is the last one, is undone."""
    from dukcli.store import gitops

    if last.mark == "undo":
        raise DukError(W.last_is_undo(last.subject, last.sha))
    if last.mark == "yes":
        return
    found = gitops.last_duk_commit(root)
    if found is None:
        raise DukError(W.NO_DUK_COMMIT)
    mine, after = found
    raise DukError(W.not_last_commit(mine.subject, mine.sha, after, last.subject))


# The data files `duk commit` saves: the lists and the one-file records (never .duk/ or
# anything else of the folder).
DATA_PATHS = ["duk.yaml", "units.yaml", "people.yaml", "assignments.yaml", "submissions.yaml",
              ":(glob)visits/**/*.yaml", ":(glob)submissions/**/*.yaml"]


def commit(message: Annotated[Optional[str], typer.Option("--message", "-m", help=W.MESSAGE_HELP)] = None) -> int:
    """Lưu vào git các tệp dữ liệu đã sửa tay, khi duk check không thấy lỗi nào."""
    from dukcli.store import critical, gitops, record

    if message is not None and not message.strip():
        raise usage(W.EMPTY_MESSAGE)
    root = common.root()
    errors = [d for d in common.diagnostics() if d.severity == "error"]
    if errors:
        common.show_diags(errors, limit=20)
        raise DukError(W.commit_refused(len(errors)))
    try:
        with record.locked(root):
            _repository(root)
            changes = gitops.data_changes(root, DATA_PATHS)
            if not changes:
                print(L.NO_CHANGE)
                return 0
            rels = [rel for _, rel in changes]
            subject = message.strip() if message is not None else W.hand_message(rels)
            body = "\n".join(W.change_line(status, rel) for status, rel in changes)
            with critical.shielded():
                gitops.commit(root, [root / rel for rel in rels], f"{subject}\n\n{body}")
                critical.record(C.saved_to_git(subject))
    except record.RecordError as e:
        raise DukError(e.message) from None
    except gitops.GitError as e:
        raise DukError(str(e)) from None
    print(W.committed_files(len(changes)))
    for status, rel in changes:
        print(f"  {W.change_line(status, rel)}")
    print(C.saved_to_git(subject))
    return 0
