"""git, under the folder's lock, for the files a command has just written.

The data folder may come from anyone, and so may its .git/config: hooks and the file-system
monitor are switched off for every call, so a repository cannot make duk run its code.
Each git runs in its own session: a Ctrl-C at the terminal reaches duk (which finishes the
commit first, see critical.py), never a half-done git that would leave .git/index.lock.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from dukcli.store.lock import FolderLock
from dukcli.words import folder as W

_SAFE = ["-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false"]


class GitError(Exception):
    """git failed; the message is for the user."""


class GitBusy(Exception):
    """The repository is in a state where duk must not write; the message says which."""


def lock(root: Path, timeout: float = 60) -> FolderLock:
    """The folder's write lock: every read-modify-write and every git call goes under it."""
    return FolderLock(root, timeout=timeout)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_PAGER": "cat", "LC_ALL": "C"}
    return subprocess.run(["git", *_SAFE, "-C", str(root), *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace", env=env, stdin=subprocess.DEVNULL,
                          start_new_session=True)


def git_dir(root: Path) -> Path | None:
    """The repository's .git folder, or None when root is not in a repository (or no git)."""
    if shutil.which("git") is None:
        return None
    done = _git(root, "rev-parse", "--absolute-git-dir")
    return Path(done.stdout.strip()) if done.returncode == 0 and done.stdout.strip() else None


def unreachable(root: Path) -> bool:
    """The folder is in a git repository (a .git here or above) but there is no git to run."""
    if shutil.which("git") is not None:
        return False
    here = root.resolve()
    return any((d / ".git").exists() for d in (here, *here.parents))


def refuse_unsafe(root: Path, committing: bool) -> bool:
    """GitBusy when writing now would mix duk's file into an unfinished merge or rebase, or
    when a stale .git/index.lock (a killed git) would make the commit fail. Whether root is in
    a repository at all (so the caller need not ask git again)."""
    where = git_dir(root)
    if where is None:
        return False
    for marker, (what, fix) in W.GIT_UNFINISHED.items():
        if (where / marker).exists():
            raise GitBusy(W.git_unfinished(what, fix))
    stale = where / "index.lock"
    if committing and stale.exists():
        raise GitBusy(W.git_index_locked(stale))
    return True


def _identity(root: Path) -> list[str]:
    """git refuses to commit without a name; lend one only when none is configured."""
    if _git(root, "config", "user.email").stdout.strip():
        return []
    return ["-c", "user.name=duk", "-c", "user.email=duk@localhost"]


def commit(root: Path, paths: list[Path], message: str) -> None:
    """git add and commit exactly these paths: other staged or unstaged changes, the user's,
    are left as they are. The caller holds lock(root)."""
    rels = [os.path.relpath(os.path.abspath(p), os.path.abspath(root)) for p in paths]
    added = _git(root, "add", "--", *rels)
    if added.returncode != 0:
        raise GitError(W.git_add_failed(_why(added)))
    done = _git(root, *_identity(root), "commit", "-q", "--no-verify", "--only", "-m", message, "--", *rels)
    if done.returncode != 0:
        raise GitError(W.git_commit_failed(_why(done)))


def _why(done: subprocess.CompletedProcess) -> str:
    """git's failure in Vietnamese; its own English words only with DUK_DEBUG=1."""
    said = (done.stderr or done.stdout or "").strip()
    word = next((vi for en, vi in W.GIT_FAILURES.items() if en in said), W.git_error_code(done.returncode))
    if os.environ.get("DUK_DEBUG") and said:
        return f"{word} [{said}]"
    return word


def init(root: Path, paths: list[str], message: str) -> bool:
    """git init and a first commit; False when git is not there."""
    if shutil.which("git") is None:
        return False
    if _git(root, "init", "-q").returncode != 0:
        return False
    _git(root, "add", "--", *paths)
    return _git(root, *_identity(root), "commit", "-q", "--no-verify", "-m", message).returncode == 0
