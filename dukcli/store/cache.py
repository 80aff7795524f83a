"""The parse cache in .duk/: per file, keyed by size, mtime and inode, holding records and errors.

Deleting it changes no answer; a cache that cannot be read is ignored and rebuilt.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import dukcli

CACHE_FORMAT = 3
VERSION = f"{dukcli.__version__}/{CACHE_FORMAT}"


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


def _key(st: os.stat_result) -> tuple:
    return st.st_size, st.st_mtime_ns, st.st_ino


class Cache:
    def __init__(self, root: Path):
        self.root = root
        self.path = root / ".duk" / "cache.pickle"
        self.entries: dict = {}
        self.dirty = False
        try:
            with open(self.path, "rb") as fh:
                data = pickle.load(fh)
            if isinstance(data, dict) and data.get("version") == VERSION:
                self.entries = data["entries"]
        except Exception:  # a missing, truncated or foreign cache is simply rebuilt
            self.entries = {}

    def fresh(self, rel: str, st: os.stat_result) -> bool:
        entry = self.entries.get(rel)
        return entry is not None and entry[0] == _key(st)

    def get(self, rel: str, st: os.stat_result):
        entry = self.entries.get(rel)
        if entry is not None and entry[0] == _key(st):
            return entry[1]
        return None

    def put(self, rel: str, st: os.stat_result, value) -> None:
        self.entries[rel] = (_key(st), value)
        self.dirty = True

    def keep_only(self, names) -> None:
        names = set(names)
        stale = [rel for rel in self.entries if rel not in names]
        for rel in stale:
            del self.entries[rel]
        self.dirty = self.dirty or bool(stale)

    def save(self) -> None:
        if not self.dirty:
            return
        try:
            folder = private_dir(self.root)
            tmp = folder / f"cache.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                pickle.dump({"version": VERSION, "entries": self.entries}, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only folder still answers, only slower next time
