"""Load a data folder: find its files, parse each (through the cache), build the Dataset."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from dukcli import model as m
from dukcli.store import parse, yamlio
from dukcli.store.cache import Cache

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


def visit_files(root: Path) -> list[tuple[str, os.stat_result]]:
    """Every visit file under visits/, with its stat, in a stable order."""
    out = []
    stack = [root / "visits"]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                stack.append(Path(entry.path))
            elif entry.name.endswith(VISIT_SUFFIXES) and entry.is_file():
                rel = os.path.relpath(entry.path, root).replace(os.sep, "/")
                out.append((rel, entry.stat()))
    out.sort()
    return out


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
    """The whole folder as a Dataset, with every parse diagnostic (not the cross-checks)."""
    cache = Cache(root)
    diags: list[m.Diagnostic] = []

    def one(rel: str, parser, st=None):
        path = root / rel
        if st is None:
            try:
                st = path.stat()
            except FileNotFoundError:
                return None
        hit = cache.get(rel, st)
        if hit is not None:
            result, file_diags = hit
        else:
            try:
                raw = path.read_bytes()
            except OSError as e:
                diags.append(m.Diagnostic(rel, 1, "error", "yaml-syntax", f"không đọc được tệp: {e.strerror}"))
                return None
            result, file_diags = parse_text(rel, raw, parser)
            cache.put(rel, st, (result, file_diags))
        diags.extend(file_diags)
        return result

    config = one("duk.yaml", parse.parse_config)
    if config is None:
        config = m.Config()
    lists = {name: one(name, parser) or [] for name, parser in LIST_FILES.items()}
    files = visit_files(root)
    progress = _Progress(sum(1 for rel, st in files if not cache.fresh(rel, st)))
    visits = []
    misses = 0
    for rel, st in files:
        fresh = cache.fresh(rel, st)
        visit = one(rel, parse.parse_visit, st)
        if not fresh:
            misses += 1
            progress.advance(misses)
        if visit is not None:
            visits.append(visit)
    progress.close()
    cache.keep_only({"duk.yaml", *LIST_FILES, *(rel for rel, _ in files)})
    cache.save()
    ds = m.Dataset.build(config, lists["units.yaml"], lists["people.yaml"],
                         lists["assignments.yaml"], visits, lists["submissions.yaml"])
    return ds, diags
