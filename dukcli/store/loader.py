"""Load a data folder: find its files, parse each (through the cache), build the Dataset."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import hashlib
import os
import sys
import time
from pathlib import Path

from dukcli import model as m
from dukcli.oserr import describe
from dukcli.store import parse, yamlio
from dukcli.store.cache import RACY_NS, Cache, stat_key

LIST_FILES = {
    "units.yaml": parse.parse_units,
    "people.yaml": parse.parse_people,
    "assignments.yaml": parse.parse_assignments,
    "submissions.yaml": parse.parse_submissions,
}
VISIT_SUFFIXES = (".yaml", ".yml")


def parse_text(rel: str, raw: bytes, parser) -> tuple[object, list[m.Diagnostic]]:
    """Parse one file's bytes with `parser`; never raises on bad input."""
    sink = parse.Sink(rel)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        sink.error(line, "yaml-syntax", "tệp không phải mã UTF-8 (hãy lưu lại với mã UTF-8)")
        return None, sink.diags
    try:
        doc = yamlio.load(text)
    except yamlio.YamlError as e:
        sink.error(e.line, e.code, e.message)
        return None, sink.diags
    return parser(sink, doc), sink.diags


def posix(rel: str) -> str:
    return rel if os.sep == "/" else rel.replace(os.sep, "/")


def visit_files(root: Path) -> list[tuple[str, tuple]]:
    """Every visit file under visits/ as (relative path, stat key), in a stable order."""
    out = []
    cut = len(str(root)) + 1
    stack = [os.path.join(str(root), "visits")]
    while stack:
        folder = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except (FileNotFoundError, NotADirectoryError):
            continue
        subfolders = []
        for entry in entries:
            name = entry.name
            if name[0] == ".":
                continue
            # Most entries are visit files: test the name first, the type (no syscall) after.
            if name.endswith(VISIT_SUFFIXES) and entry.is_file():
                out.append((posix(entry.path[cut:]), stat_key(entry.stat())))
            elif entry.is_dir(follow_symlinks=False):
                subfolders.append(entry.path)
            elif name.endswith(VISIT_SUFFIXES) and not entry.is_dir():
                # A dangling link or a special file named like a visit: listed, so that reading
                # it fails with a message instead of the visit silently going missing.
                out.append((posix(entry.path[cut:]), (-1, 0, 0)))
        stack.extend(reversed(subfolders))
    out.sort()
    return out


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
    return m.Diagnostic(rel, 1, "error", "yaml-syntax", f"không đọc được tệp: {describe(e)}")


def read_visit(root: Path, rel: str, size: int | None = None) -> tuple[m.Visit | None, list[m.Diagnostic]]:
    """A visit parsed in full, notes included."""
    if size is not None and size > yamlio.MAX_FILE_BYTES:  # refused before it is read
        return None, [m.Diagnostic(rel, 1, "error", "schema", "tệp quá lớn (hơn 2 MB): một chuyến đi không thể dài như vậy")]
    try:
        raw = (root / rel).read_bytes()
    except OSError as e:
        return None, [unreadable(rel, e)]
    return parse_text(rel, raw, parse.parse_visit)


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
            self.task = self.bar.add_task("Đang đọc dữ liệu…", total=self.total)
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
    config = _list_file(root, cache, "duk.yaml", parse.parse_config, diags) or m.Config()
    lists = {name: _list_file(root, cache, name, parser, diags) or [] for name, parser in LIST_FILES.items()}
    files = visit_files(root)
    if (root / "visits").exists() and not (root / "visits").is_dir():
        diags.append(m.Diagnostic("visits", 1, "error", "schema",
                                  "'visits' phải là thư mục chứa các tệp chuyến đi (visits/YYYY/MM/*.yaml), không phải một tệp"))
    visits = _visits(root, cache, files, diags)
    cache.keep_only({"duk.yaml", *LIST_FILES, *(rel for rel, _ in files)})
    cache.save()
    ds = m.Dataset.build(config, lists["units.yaml"], lists["people.yaml"],
                         lists["assignments.yaml"], visits, lists["submissions.yaml"])
    ds.fingerprint = fingerprint(root, files)
    return ds, diags


def fingerprint(root: Path, files: list | None = None) -> str:
    """A digest of every file's path and stat key: equal digests, equal folders. "" when a
    file is too recent to be told apart by its stat (see cache.put): nothing is keyed then."""
    if files is None:
        files = visit_files(root)
    listed = []
    for rel in ("duk.yaml", *LIST_FILES):
        try:
            listed.append((rel, stat_key((root / rel).stat())))
        except FileNotFoundError:
            listed.append((rel, None))
    recent = time.time_ns() - RACY_NS
    if any(key is not None and key[1] >= recent for _, key in listed) or any(key[1] >= recent for _, key in files):
        return ""
    # Text, not pickle or marshal: their bytes depend on object identity, not only on values.
    text = "\n".join(f"{rel}\t{key}" for rel, key in (*listed, *files))
    digest = hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16)
    return digest.hexdigest()


def _list_file(root: Path, cache: Cache, rel: str, parser, diags: list):
    try:
        key = stat_key((root / rel).stat())
    except FileNotFoundError:
        return None
    hit = cache.get(rel, key)
    if hit is None:
        try:
            raw = (root / rel).read_bytes()
        except OSError as e:
            diags.append(unreadable(rel, e))
            return None
        hit = parse_text(rel, raw, parser)
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
