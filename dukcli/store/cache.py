"""The parse cache in .duk/: per file, keyed by size, mtime and inode, holding records and errors.

Visits are kept compact (no note texts) so that a warm load of 100,000 visits stays fast; the
commands that print notes re-read those few files (loader.with_notes). Deleting the cache
changes no answer; a cache that cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import os
import pickle
import time
from pathlib import Path

import dukcli

CACHE_FORMAT = 7  # bump whenever parse.py changes what a file turns into
VERSION = f"{dukcli.__version__}/{CACHE_FORMAT}"
RACY_NS = 2_000_000_000


def private_dir(root: Path) -> Path:
    """.duk/ inside the data folder, with a .gitignore of * so git never shows it."""
    folder = root / ".duk"
    folder.mkdir(exist_ok=True)
    ignore = folder / ".gitignore"
    if not ignore.exists():
        try:
            ignore.write_text("*\n", encoding="utf-8")
        except OSError:
            pass
    return folder


def stat_key(st: os.stat_result) -> tuple:
    return st.st_size, st.st_mtime_ns, st.st_ino


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
        raise pickle.UnpicklingError(f"{module}.{name} không được phép trong bộ nhớ đệm")


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
            with open(self.path, "rb") as fh:
                data = _RecordsOnly(fh).load()
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
        if key[1] >= time.time_ns() - RACY_NS:
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
    """Pickle data to .duk/<name>.pickle through a temporary file; a read-only folder still
    answers, only slower next time."""
    try:
        folder = private_dir(root)
        tmp = folder / f"{name}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, _snapshot_path(root, name))
    except OSError:
        pass


def _snapshot_path(root: Path, name: str) -> Path:
    return root / ".duk" / f"{name}.pickle"


def load_snapshot(root: Path, name: str, key: str):
    """A whole-folder result saved under key (a fingerprint of every file), or None."""
    if not key:
        return None
    try:
        with open(_snapshot_path(root, name), "rb") as fh:
            data = _RecordsOnly(fh).load()
    except Exception:
        return None
    if isinstance(data, dict) and data.get("version") == VERSION and data.get("key") == key:
        return data.get("value")
    return None


def save_snapshot(root: Path, name: str, key: str, value) -> None:
    if key:
        _store(root, name, {"version": VERSION, "key": key, "value": value})
