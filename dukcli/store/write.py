"""Writing files so that nothing is ever lost: temp file in the same folder, fsync, then
an atomic link (never over another file) or rename (for a file replaced under a lock)."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


TEMP_PREFIX = ".duk-"  # a file of this name outside a write in progress was left by a killed run


def plain_mode() -> int:
    """The mode an ordinary new file gets (0666 less the umask): mkstemp's 0600 would hide a
    visit or a report from colleagues on a shared folder."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _write_synced(fd: int, path: str | Path, data: bytes) -> None:
    """Write data through fd and fsync it; on any failure the half-written path is removed."""
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        os.unlink(path)
        raise


def _temp_with(folder: Path, data: bytes, mode: int | None = None) -> str:
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=TEMP_PREFIX, suffix=".tmp")
    try:
        os.chmod(tmp, plain_mode() if mode is None else mode)
    except BaseException:
        os.close(fd)
        os.unlink(tmp)
        raise
    _write_synced(fd, tmp, data)
    return tmp


def _sync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def make_folder(folder: Path) -> None:
    """mkdir -p; a file where a folder should be is NotADirectoryError, never FileExistsError
    (which callers read as "the target exists" and would answer with the next free name)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder)) from None


def create_new(path: Path, text: str) -> None:
    """Write text to path, which must not exist; FileExistsError if it does (even in a race)."""
    make_folder(path.parent)
    data = text.encode("utf-8")
    tmp = _temp_with(path.parent, data)
    try:
        os.link(tmp, path)  # atomic and exclusive: fails when path exists
    except FileExistsError:
        raise
    except OSError:
        # FAT/exFAT USB sticks and some network shares have no hard links: still exclusive
        # (O_EXCL), only no longer all-or-nothing if the machine dies mid-write.
        _create_exclusive(path, data)
    finally:
        os.unlink(tmp)
    _sync_dir(path.parent)


def _create_exclusive(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    _write_synced(fd, path, data)


def numbered(stem: str, n: int, suffix: str = ".yaml") -> str:
    """The n-th name create_unique tries: stem.yaml, stem-2.yaml, stem-3.yaml…"""
    return f"{stem}{suffix}" if n == 1 else f"{stem}-{n}{suffix}"


def create_unique(folder: Path, stem: str, text: str, suffix: str = ".yaml") -> Path:
    """stem.yaml, or stem-2.yaml, stem-3.yaml… whichever is free first."""
    n = 1
    while True:
        path = folder / numbered(stem, n, suffix)
        try:
            create_new(path, text)
            return path
        except FileExistsError:
            n += 1


def replace(path: Path, text: str) -> None:
    """Atomically replace path's content (callers hold the folder's lock)."""
    make_folder(path.parent)
    try:
        mode = os.stat(path).st_mode & 0o7777  # a replaced file keeps its mode
    except FileNotFoundError:
        mode = None
    tmp = _temp_with(path.parent, text.encode("utf-8"), mode)
    os.replace(tmp, path)
    _sync_dir(path.parent)


def clear_leftovers(folder: Path) -> None:
    """Remove the temporary files a killed run left in folder. Only under the folder's write
    lock, where no other duk can be writing one."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(TEMP_PREFIX) and entry.name.endswith(".tmp") and entry.is_file(follow_symlinks=False):
            try:
                os.unlink(entry.path)
            except OSError:
                pass
