"""Load a data folder: find its files, parse each (through the cache), build the Dataset."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import hashlib
import os
import re
import sys
import time
from pathlib import Path

from dukcli import codes
from dukcli import model as m
from dukcli import words
from dukcli.oserr import describe
from dukcli import schema
from dukcli import yamltext
from dukcli.store import safefs, submissions, write
from dukcli.store.cache import Cache, racy, stat_key
from dukcli.words import folder as W

LIST_FILES = {
    "units.yaml": schema.parse_units,
    "people.yaml": schema.parse_people,
    "assignments.yaml": schema.parse_assignments,
    "submissions.yaml": schema.parse_submissions,
}


# git leaves these at the start of a line where a merge could not be finished.
_CONFLICT = re.compile(r"^(?:<{7}|>{7})(?: |$)|^={7}$", re.M)


def parse_text(rel: str, raw: bytes, parser) -> tuple[object, list[m.Diagnostic]]:
    """Parse one file's bytes with `parser`; never raises on bad input."""
    sink = schema.Sink(rel)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        sink.add(line, codes.YAML_SYNTAX, W.NOT_UTF8)
        return None, sink.diags
    conflict = _CONFLICT.search(text)
    if conflict:
        line = text.count("\n", 0, conflict.start()) + 1
        sink.add(line, codes.MERGE_CONFLICT, W.CONFLICT_MARKS)
        return None, sink.diags
    try:
        doc = yamltext.load(text)
    except yamltext.YamlError as e:
        sink.add(e.line, codes.get(e.code), e.message)
        return None, sink.diags
    return parser(sink, doc), sink.diags


def posix(rel: str) -> str:
    return rel if os.sep == "/" else rel.replace(os.sep, "/")


# Keys of what a listing found besides readable files (a stat key's first field is the size).
NOT_REGULAR = codes.NOT_REGULAR.name
STRAY = "stray"
TEMP_PREFIX = write.TEMP_PREFIX


def tree_files(root: Path, top: str) -> list[tuple[str, tuple]]:
    """Every entry under top/ that matters, in a stable order: a *.yaml file as (relative path,
    stat key); a link, FIFO, device or folder where a file or folder should be as
    (path, (NOT_REGULAR, what)), never followed; a file duk does not read as (path, (STRAY,))."""
    out = []
    cut = len(str(root)) + 1
    base = os.path.join(str(root), top)
    try:
        what = safefs.lstat_kind(base)
    except OSError:
        return out
    if what == safefs.LINK:
        return [(top, (NOT_REGULAR, what))]
    stack = [base]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            if name[0] == "." and not name.startswith(TEMP_PREFIX):
                continue
            # Most entries are data files: test the name first, the type (no syscall) after.
            if name.endswith(".yaml") and entry.is_file(follow_symlinks=False):
                out.append((posix(entry.path[cut:]), stat_key(entry.stat(follow_symlinks=False))))
            elif entry.is_dir(follow_symlinks=False):
                subfolders.append(entry.path)
            elif entry.is_symlink():
                out.append((posix(entry.path[cut:]), (NOT_REGULAR, safefs.LINK)))
            elif name.endswith(".yaml"):
                out.append((posix(entry.path[cut:]), (NOT_REGULAR, _kind(entry))))
            else:
                out.append((posix(entry.path[cut:]), (STRAY,)))
        stack.extend(reversed(subfolders))
    out.sort()
    return out


def _kind(entry: os.DirEntry) -> str:
    try:
        return safefs.kind(entry.stat(follow_symlinks=False)) or words.NOT_REGULAR_FILE
    except OSError:
        return words.NOT_REGULAR_FILE


def visit_files(root: Path) -> list[tuple[str, tuple]]:
    return tree_files(root, "visits")


def listing_diags(entries: list[tuple[str, tuple]]) -> list[m.Diagnostic]:
    """not-regular and stray-file for what a listing found besides data files."""
    out = []
    for rel, key in entries:
        if key[0] == NOT_REGULAR:
            out.append(not_regular(rel, key[1]))
        elif key[0] == STRAY:
            out.append(codes.diagnostic(rel, 0, codes.STRAY_FILE, _stray_message(rel)))
    return out


def _stray_message(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    if name.startswith(TEMP_PREFIX):
        return W.TEMP_LEFTOVER
    return W.NOT_YAML_NAME


def not_regular(rel: str, what: str) -> m.Diagnostic:
    return codes.diagnostic(rel, 0, codes.NOT_REGULAR, W.not_regular_data(what))


def _is_stat(key: tuple) -> bool:
    """A stat key (a readable file), not a listing's NOT_REGULAR or STRAY mark."""
    return key[0] not in (NOT_REGULAR, STRAY)


def data_files(entries: list[tuple[str, tuple]]) -> list[tuple[str, tuple]]:
    return [(rel, key) for rel, key in entries if _is_stat(key)]


# Only the top-level keys' lines are kept: the lines of notes matter only with the notes.
TOP_KEYS = ("person", "unit", "date", "work", "meeting", "meeting.rating")


def compact(v: m.Visit) -> tuple:
    return (v.person, v.unit, v.date, v.work is not None, v.meeting is not None, v.rating,
            v.line, tuple(v.lines.get(k, 0) for k in TOP_KEYS))


def expand(t: tuple, rel: str, _new=m.Visit._make, _keys=TOP_KEYS) -> m.Visit:
    person, unit, day, work, meeting, rating, line, lines = t
    return _new((person, unit, day, {} if work else None, {} if meeting else None, rating, rel, line,
                 {k: n for k, n in zip(_keys, lines) if n}))


def unreadable(rel: str, e: OSError) -> m.Diagnostic:
    return codes.diagnostic(rel, 1, codes.YAML_SYNTAX, W.cannot_read_file(describe(e)))


def too_large(rel: str) -> m.Diagnostic:
    return codes.diagnostic(rel, 1, codes.SCHEMA, W.TOO_LARGE)


def read_file(root: Path, rel: str, parser, size: int | None = None) -> tuple[object, list[m.Diagnostic]]:
    """A data file parsed, or its diagnostics: never through a link, never past 2 MB."""
    if size is not None and size > yamltext.MAX_FILE_BYTES:  # refused before it is opened
        return None, [too_large(rel)]
    try:
        raw = safefs.read_bytes(root / rel, yamltext.MAX_FILE_BYTES)
    except safefs.NotRegular as e:
        return None, [not_regular(rel, e.what)]
    except safefs.TooLarge:
        return None, [too_large(rel)]
    except OSError as e:
        return None, [unreadable(rel, e)]
    return parse_text(rel, raw, parser)


def read_visit(root: Path, rel: str, size: int | None = None) -> tuple[m.Visit | None, list[m.Diagnostic]]:
    """A visit parsed in full, notes included."""
    return read_file(root, rel, schema.parse_visit, size)


def with_notes(root: Path, ds: m.Dataset, start: dt.date, end: dt.date) -> m.Dataset:
    """The dataset with the notes of the visits dated start..end read from their files."""
    visits = []
    for v in ds.visits:
        if start <= v.date <= end:
            full, _ = read_visit(root, v.file)
            v = full if full is not None else v
        visits.append(v)
    return dataclasses.replace(ds, visits=visits)


class _Progress:
    """A rich progress bar that appears only when a load on a terminal passes one second."""

    def __init__(self, total: int):
        self.total = total
        self.started = time.monotonic()
        self.bar = None
        self.task = None
        self.enabled = sys.stderr.isatty() and total > 0

    def advance(self, done: int) -> None:
        if not self.enabled or done % 200:
            return
        if self.bar is None and time.monotonic() - self.started > 1.0:
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task(W.LOADING, total=self.total)
        if self.bar is not None:
            self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def load(root: Path) -> tuple[m.Dataset, list[m.Diagnostic]]:
    """The whole folder as a Dataset (visits without their notes: see with_notes), with every
    parse diagnostic (not the cross-checks)."""
    enabled = gc.isenabled()
    gc.disable()  # 100,000 fresh records and no garbage: the collector would only rescan them
    try:
        result = _load(root)
        gc.freeze()  # what was loaded lives as long as the command: keep later collections off it
    finally:
        if enabled:
            gc.enable()
    return result


def _load(root: Path) -> tuple[m.Dataset, list[m.Diagnostic]]:
    cache = Cache(root)
    diags: list[m.Diagnostic] = []
    config = _list_file(root, cache, "duk.yaml", schema.parse_config, diags) or m.Config()
    lists = {name: _list_file(root, cache, name, parser, diags) or [] for name, parser in LIST_FILES.items()}
    listed = visit_files(root)
    if os.path.isfile(root / "visits") and not os.path.islink(root / "visits"):
        diags.append(codes.diagnostic("visits", 1, codes.SCHEMA, W.VISITS_NOT_FOLDER))
    sub_listed = tree_files(root, submissions.SUBMISSIONS_DIR)
    diags.extend(listing_diags(listed) + listing_diags(sub_listed))
    files, sub_files = data_files(listed), data_files(sub_listed)
    visits = _visits(root, cache, files, diags)
    subs = lists["submissions.yaml"] + [s for rel, _ in sub_files
                                        if (s := _list_file(root, cache, rel, schema.parse_submission, diags))]
    cache.keep_only({"duk.yaml", *LIST_FILES, *(rel for rel, _ in files), *(rel for rel, _ in sub_files)})
    cache.save()
    ds = m.Dataset.build(config, lists["units.yaml"], lists["people.yaml"],
                         lists["assignments.yaml"], visits, subs)
    ds.fingerprint = fingerprint(root, listed + sub_listed)
    return ds, diags


def fingerprint(root: Path, entries: list | None = None) -> str:
    """A digest of every entry's path and stat key: equal digests, equal folders. "" when a
    file is too recent to be told apart by its stat (see cache.put): nothing is keyed then."""
    if entries is None:
        entries = visit_files(root) + tree_files(root, submissions.SUBMISSIONS_DIR)
    listed = []
    for rel in ("duk.yaml", *LIST_FILES):
        try:
            listed.append((rel, stat_key(os.lstat(root / rel))))
        except FileNotFoundError:
            listed.append((rel, None))
    now = time.time_ns()
    if any(key is not None and _is_stat(key) and racy(key, now) for _, key in (*listed, *entries)):
        return ""
    # Text, not pickle or marshal: their bytes depend on object identity, not only on values.
    text = "\n".join(f"{rel}\t{key}" for rel, key in (*listed, *entries))
    digest = hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16)
    return digest.hexdigest()


REQUIRED = ("duk.yaml", "units.yaml", "people.yaml", "assignments.yaml")


def _list_file(root: Path, cache: Cache, rel: str, parser, diags: list):
    """One list (or submission) file through the cache; None when absent or unusable."""
    try:
        st = os.lstat(root / rel)
    except FileNotFoundError:
        if rel in REQUIRED:  # said once here; its echoes (unknown-person…) are left out by ordered()
            diags.append(codes.diagnostic(rel, 0, codes.MISSING_FILE, W.missing_required(rel)))
        return None
    except OSError as e:
        diags.append(unreadable(rel, e))
        return None
    what = safefs.kind(st)
    if what is not None:
        diags.append(not_regular(rel, what))
        return None
    key = stat_key(st)
    hit = cache.get(rel, key)
    if hit is None:
        hit = read_file(root, rel, parser, st.st_size)
        cache.put(rel, key, hit)
    result, file_diags = hit
    diags.extend(file_diags)
    return result


PARALLEL_FROM = 2000  # below this a pool costs more than it saves


def _parse_one(job: tuple[str, str, tuple]) -> tuple[str, tuple, tuple]:
    root, rel, key = job
    visit, file_diags = read_visit(Path(root), rel, key[0])
    return rel, key, (compact(visit) if visit is not None else None, tuple(file_diags))


def _parse_all(root: Path, misses: list):
    """Parse the files the cache does not hold: on every core when there are many (a first
    load of a large folder), in order either way."""
    jobs = [(str(root), rel, key) for rel, key in misses]
    workers = min(os.cpu_count() or 1, 8)
    if len(jobs) < PARALLEL_FROM or workers < 2:
        yield from map(_parse_one, jobs)
        return
    import multiprocessing

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    try:
        pool = multiprocessing.get_context(method).Pool(workers)
    except OSError:  # no processes to be had: parse here
        yield from map(_parse_one, jobs)
        return
    with pool:
        yield from pool.imap(_parse_one, jobs, chunksize=200)


def _visits(root: Path, cache: Cache, files: list, diags: list) -> list[m.Visit]:
    visits = []
    misses = [(rel, key) for rel, key in files if cache.get(rel, key) is None]
    progress = _Progress(len(misses))
    for done, (rel, key, packed) in enumerate(_parse_all(root, misses), 1):
        cache.put(rel, key, packed)
        progress.advance(done)
    progress.close()
    for rel, key in files:
        packed, file_diags = cache.get(rel, key)
        if file_diags:
            diags.extend(file_diags)
        if packed is not None:
            visits.append(expand(packed, rel))
    return visits
