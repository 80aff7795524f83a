"""git, under a lock, for the one file a command has just written."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from filelock import FileLock

from dukcli.store.cache import private_dir


class GitError(Exception):
    """git failed; the message is for the user."""


def lock(root: Path, timeout: float = 60) -> FileLock:
    """The folder's write lock: every read-modify-write and every git call goes under it."""
    return FileLock(str(private_dir(root) / "write.lock"), timeout=timeout)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                          encoding="utf-8", errors="replace")


def is_repo(root: Path) -> bool:
    if shutil.which("git") is None:
        return False
    return _git(root, "rev-parse", "--is-inside-work-tree").stdout.strip() == "true"


def unreachable(root: Path) -> bool:
    """The folder is in a git repository (a .git here or above) but there is no git to run."""
    if shutil.which("git") is not None:
        return False
    here = root.resolve()
    return any((d / ".git").exists() for d in (here, *here.parents))


def _identity(root: Path) -> list[str]:
    """git refuses to commit without a name; lend one only when none is configured."""
    if _git(root, "config", "user.email").stdout.strip():
        return []
    return ["-c", "user.name=duk", "-c", "user.email=duk@localhost"]


def commit(root: Path, paths: list[Path], message: str) -> None:
    """git add and commit exactly these paths (other staged changes are left alone).

    The caller holds lock(root)."""
    rels = [str(p.resolve().relative_to(root.resolve())) for p in paths]
    added = _git(root, "add", "--", *rels)
    if added.returncode != 0:
        raise GitError(f"git add không thành công: {added.stderr.strip()}")
    done = _git(root, *_identity(root), "commit", "-q", "-m", message, "--", *rels)
    if done.returncode != 0:
        raise GitError(f"git commit không thành công: {(done.stderr or done.stdout).strip()}")


def init(root: Path, paths: list[str], message: str) -> bool:
    """git init and a first commit; False when git is not there."""
    if shutil.which("git") is None:
        return False
    if _git(root, "init", "-q").returncode != 0:
        return False
    _git(root, "add", "--", *paths)
    return _git(root, *_identity(root), "commit", "-q", "-m", message).returncode == 0
