"""The parse cache in .duk/: per file, keyed by size, mtime, ctime and inode, holding records and errors.

Visits are kept compact (no note texts) so that a warm load of 100,000 visits stays fast; the
commands that print notes re-read those few files (loader.with_notes). Deleting the cache
changes no answer; a cache that cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import io
import os
import pickle
import time
from pathlib import Path

import dukcli
from dukcli.store import safefs
from dukcli.words import folder as W

CACHE_FORMAT = 9  # bump whenever parse.py changes what a file turns into
VERSION = f"{dukcli.__version__}/{CACHE_FORMAT}"
RACY_NS = 2_000_000_000
MAX_CACHE_BYTES = 4 * 1024 * 1024 * 1024


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


def _load_pickle(path: Path):
    """A pickle of duk's own records, read without following a link or waiting on a FIFO."""
    return _RecordsOnly(io.BytesIO(safefs.read_bytes(path, limit=MAX_CACHE_BYTES))).load()


class _RecordsOnly(pickle.Unpickler):
    """A data folder can come from anyone (a zip, a USB stick) and a pickle can name any
    callable: only dates and the record classes of dukcli.model may be rebuilt, so a planted
    .duk/cache.pickle fails to load (and is rebuilt) instead of running code."""

    def find_class(self, module, name):
        if (module, name) == ("datetime", "date"):
            return dt.date
        if module == "dukcli.model":
            from dukcli import model

            found = getattr(model, name, None)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(W.not_allowed_in_cache(module, name))


class Cache:
    def __init__(self, root: Path):
        self.root = root
        self.path = root / ".duk" / "cache.pickle"
        self.entries: dict = {}
        self.fresh: dict = {}  # parsed this run, too recent to keep (see put)
        self.dirty = False
        enabled = gc.isenabled()
        gc.disable()  # unpickling 100,000 small tuples: the collector would only slow it down
        try:
            data = _load_pickle(self.path)
            if isinstance(data, dict) and data.get("version") == VERSION:
                self.entries = data["entries"]
        except Exception:  # a missing, truncated or foreign cache is simply rebuilt
            self.entries = {}
        finally:
            if enabled:
                gc.enable()

    def get(self, rel: str, key: tuple):
        """The cached value for rel when its stat key still matches, else None."""
        entry = self.fresh.get(rel) or self.entries.get(rel)
        if entry is not None and entry[0] == key:
            return entry[1]
        return None

    def put(self, rel: str, key: tuple, value) -> None:
        # A file written in the last seconds could change again within the same mtime tick
        # and keep its size (git's "racily clean" problem): such a file is not cached yet.
        if racy(key, time.time_ns()):
            self.fresh[rel] = (key, value)
            return
        self.entries[rel] = (key, value)
        self.dirty = True

    def keep_only(self, names) -> None:
        if len(self.entries) <= len(names) and all(rel in names for rel in self.entries):
            return
        stale = [rel for rel in self.entries if rel not in names]
        for rel in stale:
            del self.entries[rel]
        self.dirty = self.dirty or bool(stale)

    def save(self) -> None:
        if self.dirty:
            _store(self.root, "cache", {"version": VERSION, "entries": self.entries})


def _store(root: Path, name: str, data: dict) -> None:
    """Pickle data to .duk/<name>.pickle; a read-only folder still answers, only slower next time."""
    _write_private(root, f"{name}.pickle", lambda fh: pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL))


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


def _snapshot_path(root: Path, name: str) -> Path:
    return root / ".duk" / f"{name}.pickle"


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


def load_snapshot(root: Path, name: str, key: str):
    """A whole-folder result saved under key (a fingerprint of every file), or None."""
    if not key:
        return None
    try:
        data = _load_pickle(_snapshot_path(root, name))
    except Exception:
        return None
    if isinstance(data, dict) and data.get("version") == VERSION and data.get("key") == key:
        return data.get("value")
    return None


def save_snapshot(root: Path, name: str, key: str, value) -> None:
    if key:
        _store(root, name, {"version": VERSION, "key": key, "value": value})
