"""Adding a record to the data folder, shared by `log-visit` and `submit`.

Everything happens under the folder's lock: the file is written atomically (temp file,
fsync, link or rename), a new file never over another, then git commits exactly that file.
A failing git leaves the file where it is and comes back as a warning, never as a loss.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from dukcli.oserr import describe
from dukcli.store import critical, gitops, safefs, write
from dukcli.store.lock import LockTimeout
from dukcli.words import folder as W


class RecordError(Exception):
    """The record could not be written; the message is for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Saved:
    path: Path
    rel: str  # relative to the data folder, with /
    committed: bool
    warning: str | None = None


@contextmanager
def locked(root: Path, timeout: float = 60):
    """The folder's write lock, with a Vietnamese message when another duk holds it too long."""
    lock = gitops.lock(root, timeout=timeout)
    try:
        lock.acquire()
    except LockTimeout:
        raise RecordError(W.FOLDER_BUSY) from None
    except OSError as e:  # a read-only folder: nothing can be written
        raise RecordError(W.cannot_lock(describe(e))) from None
    try:
        yield
    finally:
        lock.release()


def _rel(root: Path, path: Path) -> str:
    return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(root))).as_posix()


def _commit(root: Path, path: Path, message: str, commit: bool, repo: bool) -> tuple[bool, str | None]:
    return _commit_all(root, [path], message, commit, repo)


def _prepare(root: Path, folder: Path, commit: bool) -> bool:
    """Before anything is written (the caller holds the lock): the repository is in a state to
    take a commit, the way down to folder passes through no link, and the temporary files of
    killed runs are cleared from it (under the lock no other duk is writing there). Whether
    the folder is in a git repository."""
    try:
        repo = gitops.refuse_unsafe(root, commit)
        safefs.make_dirs(root, folder)  # every step a real folder, never a link
    except gitops.GitBusy as e:
        raise RecordError(str(e)) from None
    except safefs.UnsafePath as e:
        raise RecordError(W.nothing_written(e.message)) from None
    except OSError as e:
        raise RecordError(W.cannot_write_into(_rel(root, folder), describe(e))) from None
    write.clear_leftovers(folder)
    return repo


def _save(root: Path, folder: Path, create: Callable[[], Path], message: str, commit: bool,
          recheck: Callable[[], None] | None = None) -> Saved:
    """Under the lock: prepare, recheck, then create the file and commit it with Ctrl-C held
    back, so that both happen or the cancel message says which did. recheck runs before
    anything is written: what another duk wrote between the caller's judgement and the lock
    can still refuse the record (RecordError)."""
    with locked(root):
        repo = _prepare(root, folder, commit)
        if recheck is not None:
            recheck()
        with critical.shielded():
            path = create()
            critical.record(W.file_written(_rel(root, path)))
            committed, warning = _commit(root, path, message, commit, repo)
    return Saved(path, _rel(root, path), committed, warning)


def add_file(root: Path, folder_rel: str, stem: str, text: str, message: str, commit: bool = True,
             recheck: Callable[[], None] | None = None) -> Saved:
    """A new file folder_rel/stem.yaml (or stem-2.yaml, …), created exclusively, then committed."""
    folder = root / folder_rel

    def create() -> Path:
        try:
            return write.create_unique(folder, stem, text)
        except OSError as e:
            raise RecordError(W.cannot_write_into(folder_rel, describe(e))) from None

    return _save(root, folder, create, message, commit, recheck)


def add_exact(root: Path, rel: str, text: str, message: str, commit: bool = True,
              exists: Callable[[], str] | None = None) -> Saved:
    """A new file at exactly rel, never over another: when rel is there already (checked under
    the lock), RecordError with exists()'s message."""
    path = root / rel

    def create() -> Path:
        try:
            write.create_new(path, text)
        except FileExistsError:
            raise RecordError(exists() if exists else W.file_exists(rel)) from None
        except OSError as e:
            raise RecordError(W.cannot_write_file(rel, describe(e))) from None
        return path

    return _save(root, path.parent, create, message, commit)


@dataclass(frozen=True)
class Change:
    """One file of a change: its text as read when the change was judged (None: it did not
    exist) and its new text (None: removed)."""

    rel: str
    before: str | None
    after: str | None


def change_files(root: Path, changes: list[Change], message: str, commit: bool = True) -> list[Saved]:
    """Write several files as one change and commit exactly them: under the lock, each file is
    first checked to be still what the change was judged on (another duk or a hand edit in
    between refuses it, nothing written), then all are written (atomically, one by one) and
    committed together with Ctrl-C held back."""
    with locked(root):
        repo = False
        for c in changes:
            repo = _prepare(root, (root / c.rel).parent, commit)
        for c in changes:
            _still(root, c)
        with critical.shielded():
            for c in changes:
                _apply(root, c)
            paths = [root / c.rel for c in changes]
            committed, warning = _commit_all(root, paths, message, commit, repo)
    return [Saved(root / c.rel, c.rel, committed, warning) for c in changes]


def _still(root: Path, c: Change) -> None:
    try:
        now = safefs.read_bytes(root / c.rel).decode("utf-8-sig")
    except FileNotFoundError:
        now = None
    except (OSError, UnicodeDecodeError, safefs.NotRegular, safefs.TooLarge) as e:
        raise RecordError(W.cannot_write_file(c.rel, describe(e) if isinstance(e, OSError) else str(e))) from None
    if now != c.before:
        raise RecordError(W.changed_meanwhile(c.rel))


def _apply(root: Path, c: Change) -> None:
    path = root / c.rel
    try:
        if c.after is None:
            os.unlink(path)
        else:
            write.replace(path, c.after)
    except OSError as e:
        raise RecordError(W.cannot_write_file(c.rel, describe(e))) from None
    critical.record(W.file_written(c.rel))


def _commit_all(root: Path, paths: list[Path], message: str, commit: bool, repo: bool) -> tuple[bool, str | None]:
    """Commit paths (the caller holds the lock): (committed, warning). repo: the folder is in a
    git repository (found once, by _prepare)."""
    if commit and gitops.unreachable(root):
        return False, W.no_git_program(", ".join(_rel(root, p) for p in paths))
    if not commit or not repo:
        return False, None
    try:
        gitops.commit(root, paths, message)
    except gitops.GitError as e:
        return False, W.commit_failed(", ".join(_rel(root, p) for p in paths), e, message)
    critical.record(W.SAVED_TO_GIT)
    return True, None
