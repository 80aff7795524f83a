"""Bring the index of visits/ up to date for a window of dates, listing no more than needed.

visits/ is laid out by month (visits/YYYY/MM/*.yaml). For a window (the years a command
reports on) every month folder of the window is listed and each of its files stat'ed; a month
folder outside the window is listed only when its own stat key changed (a file added, removed
or renamed in it). Anything else under visits/ (its top, the year folders, a folder that is not
a month) is small and always listed. `check` (window None) lists everything.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from stat import S_ISDIR, S_ISLNK, S_ISREG
import time
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path

from dukcli.store import safefs
from dukcli.store.cache import RACY_NS, racy, stat_key
from dukcli.store.index import DATE, REL, Index, area_digest, row, skey

VISITS = "visits"
_MONTH = re.compile(r"^visits/(\d{4})/(\d{2})$")
# Keys of what a listing finds besides readable files (a stat key's first field is the size).
NOT_REGULAR = "not-regular"
STRAY = "stray"
FILE = "file"
RACY = "racy,"  # prefix of a kept stat key that must be checked again next time


def is_stat(key: tuple) -> bool:
    """A stat key (a readable file), not a listing's NOT_REGULAR or STRAY mark."""
    return key[0] not in (NOT_REGULAR, STRAY)


def month_folder(folder: str) -> str | None:
    """'visits/YYYY/MM' for a folder at or under a month folder, else None."""
    head = "/".join(folder.split("/", 3)[:3])
    return head if _MONTH.match(head) else None


def months_between(start: dt.date, end: dt.date) -> set[str]:
    out = set()
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        out.add(f"{VISITS}/{year:04d}/{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass
class Window:
    """The dates a command reports on; None bounds mean everything (check). person: only that
    person's visits. verify=False: nothing is listed, the index is taken as the last command
    left it — for the progress line right after an entry (its month was verified a moment
    before), never for a report."""

    start: dt.date | None = None
    end: dt.date | None = None
    months: set[str] | None = field(default=None)
    person: str | None = None
    verify: bool = True

    @classmethod
    def of(cls, start: dt.date | None, end: dt.date | None, person: str | None = None,
           verify: bool = True) -> "Window":
        return cls(start, end, months_between(start, end) if start and end else None, person, verify)

    @property
    def everything(self) -> bool:
        return self.months is None

    def holds(self, date: str | None, folder: str) -> bool:
        """Whether a row (its ISO date, or None for a file that did not parse) is the window's."""
        if self.everything:
            return True
        if date is not None:
            return self.start.isoformat() <= date <= self.end.isoformat()
        month = month_folder(folder)
        return month is None or month in self.months


_BY_FD = os.lstat in os.supports_dir_fd and os.listdir in os.supports_fd


def entries(root: Path, folder: str, kind_of) -> tuple[list[tuple[str, tuple]], list[tuple[str, os.stat_result]]]:
    """One folder's entries, unordered: (rel, stat key or mark) of what matters in it, and its
    subfolders as (rel, lstat), sorted. Hidden names are skipped, except duk's own leftovers
    (TEMP_PREFIX), which are reported as stray. kind_of(lstat) names a non-regular file. rel is
    always "/"-separated (folder is)."""
    found, subfolders = [], []
    path = os.path.join(str(root), folder)
    try:
        # Never through a link: the folder was lstat'ed as one, and may have been swapped since.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)) \
            if _BY_FD else None
    except OSError:
        return found, subfolders
    try:
        _entries(path, fd, folder, kind_of, found, subfolders)
    except OSError:
        pass
    finally:
        if fd is not None:
            os.close(fd)
    subfolders.sort(key=lambda pair: pair[0])
    return found, subfolders


def _entries(path: str, fd: int | None, folder: str, kind_of, found: list, subfolders: list) -> None:
    # A year's 100,000 files pass here on every report: one lstat each, relative to the open
    # folder (the kernel walks one name, not the whole path), and its mode tells the rest.
    from dukcli.store.write import TEMP_PREFIX

    add = found.append
    names = os.listdir(fd if fd is not None else path)
    prefix = path + os.sep
    for name in names:
        if name[0] == "." and not name.startswith(TEMP_PREFIX):
            continue
        try:
            st = os.lstat(name, dir_fd=fd) if fd is not None else os.lstat(prefix + name)
        except OSError:  # gone since the listing
            continue
        mode = st.st_mode
        if S_ISREG(mode) and name.endswith(".yaml"):
            add((f"{folder}/{name}", (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)))
        elif S_ISDIR(mode):
            subfolders.append((f"{folder}/{name}", st))
        elif S_ISLNK(mode):
            add((f"{folder}/{name}", (NOT_REGULAR, safefs.LINK)))
        elif name.endswith(".yaml"):
            add((f"{folder}/{name}", (NOT_REGULAR, kind_of(st))))
        else:
            add((f"{folder}/{name}", (STRAY,)))


def tree(root: Path, folder: str, kind_of) -> list[tuple[str, tuple]]:
    """Every entry under folder/ that matters, sorted (see entries); the folder itself as
    (folder, (NOT_REGULAR, link)) when it is a link, nothing when it is absent."""
    try:
        what = safefs.lstat_kind(os.path.join(str(root), folder))
    except OSError:
        return []
    if what == safefs.LINK:
        return [(folder, (NOT_REGULAR, what))]
    out, stack = [], [folder]
    while stack:
        found, subfolders = entries(root, stack.pop(), kind_of)
        out.extend(found)
        stack.extend(rel for rel, _ in reversed(subfolders))
    out.sort()
    return out


def names(root: Path, folder: str) -> list[str]:
    """The *.yaml files under folder/ by name, no stat taken (the type from the listing itself;
    a reader refuses a link or a FIFO anyway): what appeared in a folder just verified."""
    out, stack = [], [folder]
    while stack:
        here = stack.pop()
        try:
            listing = os.scandir(os.path.join(str(root), here))
        except OSError:
            continue
        with listing:
            for entry in listing:
                if entry.name[0] == ".":
                    continue
                if entry.is_dir(follow_symlinks=False):
                    stack.append(f"{here}/{entry.name}")
                elif entry.name.endswith(".yaml"):
                    out.append(f"{here}/{entry.name}")
    return sorted(out)


@dataclass
class Scan:
    """What listing visits/ found besides the entries themselves (those are compared and let go
    area by area, so that listing a million files holds one month of them at a time)."""

    months: dict[str, str] = field(default_factory=dict)  # every month folder on disk -> kept key
    listed: set[str] = field(default_factory=set)  # the areas listed ("" outside month folders)
    top: tuple | None = None  # visits/ itself when not a folder: (FILE,) or (NOT_REGULAR, what)
    unsettled_areas: set[str] = field(default_factory=set)  # where a file too recent to be trusted was seen

    @property
    def unsettled(self) -> bool:
        return bool(self.unsettled_areas)


def areas(root: Path, window: Window, known: dict[str, str], kind_of, found: Scan, ready=None):
    """List visits/ as the window needs (see the module's docstring): yields (area, entries) for
    each month folder to list, then ("", everything outside month folders). ready: month
    folders listed already (by store/prelist), by rel."""
    try:
        st = os.lstat(os.path.join(str(root), VISITS))
    except OSError:
        return
    if not stat.S_ISDIR(st.st_mode):
        found.top = (FILE,) if stat.S_ISREG(st.st_mode) else (NOT_REGULAR, safefs.kind(st))
        return
    outside: list[tuple[str, tuple]] = []
    now = time.time_ns()
    stack = [VISITS]
    while stack:
        listed, subfolders = entries(root, stack.pop(), kind_of)
        outside.extend(listed)
        deeper = []
        for rel, st in subfolders:
            if not _MONTH.match(rel):
                deeper.append(rel)
                continue
            key = stat_key(st)
            kept = (RACY if racy(key, now) else "") + skey(key)
            found.months[rel] = kept
            if window.everything or rel in window.months or known.get(rel) != kept:
                found.listed.add(rel)
                yield rel, ready.pop(rel) if ready and rel in ready else tree(root, rel, kind_of)
        stack.extend(reversed(deeper))
    found.listed.add("")
    yield "", sorted(outside)


def area_of(rel: str) -> str:
    """The month folder a path lies in, "" outside month folders."""
    return month_folder(rel.rsplit("/", 1)[0]) or ""


BATCH = 20_000  # files parsed between two writes of the index when streaming (check)


def update(index: Index, root: Path, window: Window, parse_many, kind_of, listing_diag, *, flush,
           hasher=None, ahead: bool = True) -> Scan:
    """List visits/ for the window and hand what changed to flush(changes) — rel -> new row
    (None: gone) — every BATCH parsed files and at the end, so memory holds one batch; flush
    writes them to the index, from which everything is then read. parse_many parses (rel, key)
    pairs into their rows after the path, area and key (index.row_tail), in order;
    listing_diag(rel, mark) is the diagnostic of an entry that is not a data file. hasher:
    updated with every entry's path and kept key, in order (what `check` keys its answer on).
    ahead=False: the window's rows are not read while the folders are listed (its answer is
    kept: a month whose listing has its area's digest needs none of them). Returns the scan."""
    found = Scan()
    if not window.verify:
        return found
    known = index.folder_keys()
    child = _prelist(index, root, window, kind_of)
    try:
        if ahead and not window.everything and window.person is None:
            index.read_ahead(min(window.months), max(window.months))
        listed = child.result() if child is not None else None
    finally:
        if child is not None:
            child.result()  # reaped whatever happened
    made = {rel: digest for rel, (_, digest) in listed.items()} if listed else {}
    listed = {rel: items for rel, (items, _) in listed.items()} if listed else None
    return _update(index, root, window, parse_many, kind_of, listing_diag, flush, hasher, found, known, listed,
                   made)


def _prelist(index: Index, root: Path, window: Window, kind_of):
    """A child listing the window's month folders while this process reads their rows, when
    the window is large (store/prelist.py); None otherwise."""
    from dukcli.store import prelist

    if window.everything or not prelist.possible():
        return None
    first, last = min(window.months), max(window.months)
    if index.count_in_areas(first, last) < prelist.PRELIST_FROM:
        return None
    months = sorted(window.months)
    half = len(months) // 2
    return prelist.Together([prelist.Prelisted(root, part, lambda where, rel: _listed(where, rel, kind_of))
                             for part in (months[:half], months[half:])])


def _listed(root: Path, folder: str, kind_of) -> tuple[list, str | None]:
    """A month folder's entries and their area digest (_as_kept), as a prelist child sends them:
    the digest is made there, beside the other child's, not in this process afterwards."""
    items = tree(root, folder, kind_of)
    return items, _as_kept(items, time.time_ns())


def _update(index: Index, root: Path, window: Window, parse_many, kind_of, listing_diag, flush, hasher,
            found: Scan, known: dict, listed, made: dict) -> Scan:
    now = time.time_ns()
    changes: dict[str, tuple | None] = {}
    to_parse: list[tuple[str, tuple, str, str]] = []  # (rel, stat key, kept key, area)
    folders: list[tuple[str, str]] = []  # the month folders listed for this batch, with their keys
    inflight = None  # the batch the workers are parsing while this one is listed and the last written
    digests = {} if window.everything else index.area_digests(min(window.months), max(window.months))
    for area, items in areas(root, window, known, kind_of, found, listed):
        if hasher is None and area in digests and (made.get(area) or _as_kept(items, now)) == digests[area]:
            unsettled = False  # the files the rows were made from, none of them too recent
        else:
            unsettled = _compare(index.keys_in(area), area, items, now, listing_diag, changes, to_parse, hasher)
        if unsettled:
            found.unsettled_areas.add(area)
        if area:
            key = found.months[area]
            folders.append((area, key if not unsettled or key.startswith(RACY) else RACY + key))
        if len(to_parse) >= BATCH:
            started = _Batch(changes, folders, to_parse, parse_many)
            if inflight is not None:
                inflight.land(index, flush)
            inflight, changes, to_parse, folders = started, {}, [], []
    started = _Batch(changes, folders, to_parse, parse_many)
    if inflight is not None:
        inflight.land(index, flush)
    for month in known:
        if month not in found.months:  # the month folder (or its year) is gone
            index.forget_area(month)
    if "" not in found.listed:  # visits/ is gone, or is not a folder
        changes.update((rel, None) for rel in index.keys_in(""))
    started.land(index, flush)
    return found


class _Batch:
    """Files handed to parse_many (a pool starts on them at once) with the changes and the month
    folders listed alongside: landed (rows built, folders recorded, flushed) while the workers
    already parse the next batch. A folder's key is written with its files' rows, never before:
    a run killed in between must not leave a folder trusted whose files were never indexed."""

    def __init__(self, changes: dict, folders: list, to_parse: list, parse_many):
        self.changes, self.folders = changes, folders
        self.files = [(rel, text, area) for rel, _, text, area in to_parse]
        self.results = parse_many([(rel, key) for rel, key, _, _ in to_parse])

    def land(self, index: Index, flush) -> None:
        for (rel, text, area), tail in zip(self.files, self.results, strict=True):
            self.changes[rel] = (rel, area, text, *tail)
        for area, key in self.folders:
            index.listed(area, key)
        flush(self.changes)


def _compare(kept: dict[str, str], area: str, items: list, now: int, listing_diag, changes: dict,
             to_parse: list, hasher=None) -> bool:
    """One area's listing against its rows: what is gone and what is not a data file go into
    changes, new or changed files into to_parse. True when a file is too recent to be trusted
    (the area must then be listed again next time)."""
    unsettled = False
    recent = now - RACY_NS
    pop = kept.pop
    # "rel\tkept key\n" of each entry, given to the hasher at once (the same bytes); none made
    # without a hasher (a report's year passes here too)
    hashed = [] if hasher is not None else None
    for rel, key in items:
        if key[0] in (NOT_REGULAR, STRAY):
            text = skey(key)
            if hashed is not None:
                hashed.append(f"{rel}\t{text}\n")
            if pop(rel, None) != text:
                changes[rel] = row(rel, area, text, None, (listing_diag(rel, key),))
            continue
        # skey(key), written out: this runs for every file of the period
        text = f"{key[0]},{key[1]},{key[2]},{key[3]}"
        if key[1] >= recent:  # cache.racy
            text, unsettled = RACY + text, True
        if hashed is not None:
            hashed.append(f"{rel}\t{text}\n")
        if pop(rel, None) != text:
            to_parse.append((rel, key, text, area))
    if hashed is not None:
        hasher.update("".join(hashed).encode("utf-8", "surrogateescape"))
    changes.update((rel, None) for rel in kept)  # what is left was not found again
    return unsettled


def folders_as_listed(index: Index, root: Path, window: Window) -> bool:
    """Whether each month folder of the window has the stat key it had when last listed (no
    file added, removed or renamed since): a guess, made before listing, that the window's
    kept answers will stand — then its rows are not read ahead (see update)."""
    known = index.folder_keys()
    for rel in window.months:
        try:
            st = os.lstat(os.path.join(str(root), rel))
        except OSError:
            if rel in known:
                return False
            continue
        if known.get(rel) != skey(stat_key(st)):
            return False
    return True


def _as_kept(items: list, now: int) -> str | None:
    """The area digest of a listing, as _compare would write its keys; None when a file is too
    recent to be trusted (compared one by one then)."""
    recent = now - RACY_NS
    pairs = []
    for rel, key in items:
        if key[0] in (NOT_REGULAR, STRAY):
            pairs.append((rel, skey(key)))
        elif key[1] >= recent:
            return None
        else:
            pairs.append((rel, f"{key[0]},{key[1]},{key[2]},{key[3]}"))
    pairs.sort()
    return area_digest(pairs)


def apply(index: Index, changes: dict[str, tuple | None]) -> None:
    """Record the changes in the index (written by index.save)."""
    for rel, new in changes.items():
        if new is None:
            index.forget((rel,))
        else:
            index.pending_visits.append(new)


def rows_for(index: Index, window: Window) -> list[tuple]:
    """The window's visit rows as the index holds them (every change written already), in date
    and path order."""
    start = None if window.everything else window.start.isoformat()
    end = None if window.everything else window.end.isoformat()
    if window.everything:
        return sorted(index.visits_between(None, None), key=itemgetter(DATE, REL))
    return sorted(index.window_rows(start, end, window.person), key=itemgetter(DATE, REL))
