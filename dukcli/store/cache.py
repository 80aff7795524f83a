"""duk's private folder .duk/ and what decides whether a file kept there still stands: a file's
stat key (size, mtime, inode, ctime), the "racy" window in which it cannot be trusted yet, and
the unpickler that rebuilds only duk's own records. The index itself is store/index.py.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import pickle
from pathlib import Path

from dukcli.store import safefs
from dukcli.words import folder as W

RACY_NS = 2_000_000_000


def private_dir(root: Path) -> Path | None:
    """.duk/ inside the data folder, with a .gitignore of * so git never shows it; None when
    .duk is a link or a file (a folder from elsewhere): duk then keeps nothing there rather
    than write through the link."""
    folder = root / ".duk"
    try:
        os.mkdir(folder)
    except FileExistsError:
        pass
    if not safefs.is_real_dir(folder):
        return None
    try:
        fd = os.open(folder / ".gitignore", os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o666)
    except OSError:  # there already (or unwritable): nothing to do
        return folder
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("*\n")
    return folder


def stat_key(st: os.stat_result) -> tuple:
    """What must be unchanged for a cached parse to stand. ctime too: an edit followed by
    `touch -r` (or a tool restoring mtime) keeps size and mtime, but the system moves ctime."""
    return st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns


def racy(key: tuple, now_ns: int) -> bool:
    """Modified too recently to be told apart from a same-size edit in the same clock tick
    (git's "racily clean" file). An old mtime with a new ctime (touch -r after an edit) needs
    no wait: the ctime in the key already tells the edit apart."""
    return key[1] >= now_ns - RACY_NS


# Where the records and the kept answers (a quota table, a report status, a scorecard) are
# defined: only their dataclasses may be rebuilt.
ANSWER_MODULES = ("dukcli.model", "dukcli.periods", "dukcli.rules.quota", "dukcli.rules.deadline",
                  "dukcli.rules.scorecard")


class RecordsOnly(pickle.Unpickler):
    """A data folder can come from anyone (a zip, a USB stick) and a pickle can name any
    callable: only dates and the dataclasses of ANSWER_MODULES may be rebuilt, so a planted
    value in .duk/index.sqlite fails to load (and is read again from its file) instead of running code."""

    def find_class(self, module, name):
        if (module, name) == ("datetime", "date"):
            return dt.date
        if module in ANSWER_MODULES:
            import importlib

            found = getattr(importlib.import_module(module), name, None)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(W.not_allowed_in_cache(module, name))


def _write_private(root: Path, name: str, fill) -> None:
    """Replace .duk/<name> with what fill(binary file) writes, through a temporary file, never
    through a link; nothing when .duk/ is unusable (an OSError only makes the next run slower)."""
    try:
        folder = private_dir(root)
        if folder is None:
            return
        tmp = folder / f"{name}.{os.getpid()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "wb") as fh:
            fill(fh)
        os.replace(tmp, folder / name)
    except OSError:
        pass


def seen_before(root: Path, name: str, text: str) -> bool:
    """Whether text is what was last noted under name in .duk/ (then True), noting it if not.
    Without a usable .duk/ nothing is remembered: False."""
    import hashlib

    digest = hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest().encode("ascii")
    if private_dir(root) is None:
        return False
    try:
        if safefs.read_bytes(root / ".duk" / f"{name}.seen", limit=64) == digest:
            return True
    except (OSError, safefs.NotRegular, safefs.TooLarge):
        pass
    _write_private(root, f"{name}.seen", lambda fh: fh.write(digest))
    return False


# The list files as read by this command, by stat key (store/loader): an entry command loads
# them up to three times (its month, the judgement under the lock, the Article 4 line) and need
# not unpickle 30,000 records each time. Records are immutable; the lists are handed out as
# copies. Outside sharing() (tests calling the loader, the web server) nothing is kept.
_SHARED: dict | None = None


@contextlib.contextmanager
def sharing():
    """Loads inside share the list files they read (each still compared by its stat key)."""
    global _SHARED
    outer, _SHARED = _SHARED, ({} if _SHARED is None else _SHARED)
    try:
        yield
    finally:
        _SHARED = outer


def shared() -> dict | None:
    return _SHARED
