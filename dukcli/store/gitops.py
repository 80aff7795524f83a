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
from dataclasses import dataclass
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


# The trailer that marks a commit as duk's own (what `duk undo` may revert), and the one that
# marks duk's revert of it.
DUK_TRAILER = "Duk: yes"
UNDO_TRAILER = "Duk: undo"


def commit(root: Path, paths: list[Path], message: str) -> None:
    """git add and commit exactly these paths: other staged or unstaged changes, the user's,
    are left as they are. The caller holds lock(root). The commit is marked as duk's."""
    rels = [os.path.relpath(os.path.abspath(p), os.path.abspath(root)) for p in paths]
    present = [r for r in rels if os.path.lexists(os.path.join(root, r))]  # a removal needs no add
    gone = [r for r in rels if r not in present]
    if gone:  # a removed file git never knew is no part of the commit
        known = set(_git(root, "ls-files", "-z", "--", *gone).stdout.split("\0"))
        rels = [r for r in rels if r in present or Path(r).as_posix() in known]
        if not rels:
            return
    added = _git(root, "add", "--", *present) if present else None
    if added is not None and added.returncode != 0:
        raise GitError(W.git_add_failed(_why(added)))
    done = _git(root, *_identity(root), "commit", "-q", "--no-verify", "--only", "-m",
                f"{message}\n\n{DUK_TRAILER}", "--", *rels)
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


# --- what `duk undo` and `duk commit` ask of git ---------------------------------------------

@dataclass(frozen=True)
class Commit:
    sha: str
    subject: str
    mark: str | None  # the value of the commit's Duk: trailer ("yes", "undo"), None: not duk's


def _mark(body: str) -> str | None:
    """The Duk: trailer in the last paragraph of a commit message."""
    last = body.strip().split("\n\n")[-1]
    for line in last.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Duk" and value.strip():
            return value.strip()
    return None


def _commit_of(root: Path, *args: str) -> Commit | None:
    done = _git(root, "log", "-1", "--format=%H%x00%s%x00%B", *args)
    if done.returncode != 0 or not done.stdout.strip():
        return None
    sha, subject, body = done.stdout.split("\0", 2)
    return Commit(sha.strip(), subject, _mark(body))


def head(root: Path) -> Commit | None:
    """The repository's last commit (None: no commit yet)."""
    return _commit_of(root, "HEAD")


def last_duk_commit(root: Path) -> tuple[Commit, int] | None:
    """duk's most recent commit (a record's or an undo) and how many commits came after it."""
    found = _commit_of(root, "-E", "--grep", "^Duk: (yes|undo)$", "HEAD")
    if found is None:
        return None
    count = _git(root, "rev-list", "--count", f"{found.sha}..HEAD")
    return found, int(count.stdout.strip() or 0)


def changed_files(root: Path, commit_sha: str) -> list[tuple[str, str]]:
    """(status letter A/M/D…, path) of each file a commit changed, paths as git shows them."""
    done = _git(root, "diff-tree", "--no-commit-id", "--no-renames", "--name-status", "-r", "-z", "--root",
                commit_sha)
    parts = done.stdout.split("\0")
    return [(parts[i][:1], parts[i + 1]) for i in range(0, len(parts) - 1, 2) if parts[i]]


def untracked(root: Path, rel: str) -> bool:
    """Whether rel (relative to root) is a file git does not know, in a repository."""
    if git_dir(root) is None:
        return False
    return _git(root, "ls-files", "--error-unmatch", "--", rel).returncode != 0


def uncommitted(root: Path) -> list[str]:
    """The tracked files of the repository with changes not committed (staged or not)."""
    done = _git(root, "status", "--porcelain", "-z", "--untracked-files=no")
    if done.returncode != 0:
        raise GitError(W.git_error_code(done.returncode))
    out = []
    entries = iter(done.stdout.split("\0"))
    for entry in entries:
        if not entry:
            continue
        out.append(entry[3:])
        if entry[:1] in ("R", "C"):  # a rename's second path follows
            next(entries, None)
    return out


def revert_head(root: Path, message: str) -> None:
    """A new commit undoing HEAD, with message, marked as duk's undo; nothing changed when it
    fails. The caller holds lock(root) and has made sure nothing is uncommitted."""
    done = _git(root, "revert", "--no-commit", "HEAD")
    if done.returncode == 0:
        done = _git(root, *_identity(root), "commit", "-q", "--no-verify", "-m", f"{message}\n\n{UNDO_TRAILER}")
        if done.returncode == 0:
            return
    _git(root, "revert", "--abort")
    raise GitError(_why(done))  # the caller says what failed


def data_changes(root: Path, pathspecs: list[str]) -> list[tuple[str, str]]:
    """(A new | M changed | D removed, path relative to root) of the files under pathspecs
    that differ from the last commit (staged or not), and of the new files git does not ignore."""
    done = _git(root, "diff", "HEAD", "--name-status", "--no-renames", "--relative", "-z", "--", *pathspecs)
    if done.returncode != 0:
        raise GitError(W.git_error_code(done.returncode))
    parts = done.stdout.split("\0")
    out = {parts[i + 1]: parts[i][:1] for i in range(0, len(parts) - 1, 2) if parts[i]}
    new = _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", *pathspecs)
    for rel in new.stdout.split("\0"):
        if rel:
            out[rel] = "A"
    return [(out[rel], rel) for rel in sorted(out)]
