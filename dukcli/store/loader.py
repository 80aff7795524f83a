"""Load a data folder: find its files, parse each (through the cache), build the Dataset."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
import hashlib
import itertools
import json
import os
import re
import sys
import time
from pathlib import Path
from types import MappingProxyType

from dukcli import codes, dates
from dukcli import model as m
from dukcli import words
from dukcli.oserr import describe
from dukcli import schema
from dukcli import yamltext
from dukcli import visitfast
from dukcli.store import index as index_mod
from dukcli.store import refresh, safefs, submissions, write
from dukcli.store import cache
from dukcli.store.cache import racy, stat_key
from dukcli.store.index import Index
from dukcli.words import folder as W

LIST_FILES = {
    "units.yaml": schema.parse_units,
    "people.yaml": schema.parse_people,
    "assignments.yaml": schema.parse_assignments,
    "submissions.yaml": schema.parse_submissions,
}


# git leaves these at the start of a line where a merge could not be finished.
_CONFLICT = re.compile(r"^(?:<{7}|>{7})(?: |$)|^={7}$", re.M)


def parse_text(rel: str, raw: bytes, parser, quick=None) -> tuple[object, list[m.Diagnostic]]:
    """Parse one file's bytes with `parser`; never raises on bad input. quick(text, rel, plain):
    the record of a text in the common shape with nothing to say of it, None for any other text
    (visitfast.read), tried first; plain is yamltext.plain_bytes(raw)."""
    sink = schema.Sink(rel)
    if raw[:3] == b"\xef\xbb\xbf":  # utf-8-sig's one step, without its codec's Python wrapper
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        sink.add(line, codes.YAML_SYNTAX, W.NOT_UTF8)
        return None, sink.diags
    # The markers' own characters first (a substring test is a tenth of the pattern's scan),
    # and those only when the bytes hold a "<", ">" or "=" at all.
    plain = yamltext.plain_bytes(raw)
    marked = not plain and ("<<<<<<<" in text or ">>>>>>>" in text or "=======" in text)
    conflict = _CONFLICT.search(text) if marked else None
    if conflict:
        line = text.count("\n", 0, conflict.start()) + 1
        sink.add(line, codes.MERGE_CONFLICT, W.CONFLICT_MARKS)
        return None, sink.diags
    found = quick(text, rel, plain) if quick is not None else None
    if found is not None:
        return found, sink.diags
    try:
        doc = yamltext.load(text)
    except yamltext.YamlError as e:
        sink.add(e.line, codes.get(e.code), e.message)
        return None, sink.diags
    return parser(sink, doc), sink.diags


# Keys of what a listing found besides readable files (a stat key's first field is the size).
NOT_REGULAR = refresh.NOT_REGULAR
STRAY = refresh.STRAY
TEMP_PREFIX = write.TEMP_PREFIX
assert NOT_REGULAR == codes.NOT_REGULAR.name


def tree_files(root: Path, top: str) -> list[tuple[str, tuple]]:
    """Every entry under top/ that matters, in a stable order: a *.yaml file as (relative path,
    stat key); a link, FIFO, device or folder where a file or folder should be as
    (path, (NOT_REGULAR, what)), never followed; a file duk does not read as (path, (STRAY,))."""
    return refresh.tree(root, top, _kind)


def _kind(st: os.stat_result) -> str:
    """What a non-regular file found by a listing is (its lstat), in Vietnamese."""
    return safefs.kind(st) or words.NOT_REGULAR_FILE


def listing_diags(entries: list[tuple[str, tuple]]) -> list[m.Diagnostic]:
    """not-regular and stray-file for what a listing found besides data files."""
    return [listing_diag(rel, key) for rel, key in entries if not refresh.is_stat(key)]


def listing_diag(rel: str, key: tuple) -> m.Diagnostic:
    if key[0] == NOT_REGULAR:
        return not_regular(rel, key[1])
    return codes.diagnostic(rel, 0, codes.STRAY_FILE, _stray_message(rel))


def _stray_message(rel: str) -> str:
    name = rel.rsplit("/", 1)[-1]
    if name.startswith(TEMP_PREFIX):
        return W.TEMP_LEFTOVER
    return W.NOT_YAML_NAME


def not_regular(rel: str, what: str) -> m.Diagnostic:
    return codes.diagnostic(rel, 0, codes.NOT_REGULAR, W.not_regular_data(what))


def data_files(entries: list[tuple[str, tuple]]) -> list[tuple[str, tuple]]:
    return [(rel, key) for rel, key in entries if refresh.is_stat(key)]


def proposals(rows) -> list[m.Proposal]:
    """The proposals of index rows (Index.proposals_between), by date then file."""
    from dukcli.rules.proposals import item_id

    out = []
    for rel, person, unit, day, props in rows:
        when = dt.date.fromisoformat(day)
        try:
            found = json.loads(props)
            out.extend(m.Proposal(item_id(rel, field), field, str(text), person, unit, when, rel, int(line))
                       for field, line, text in found if field in m.PROPOSAL_FIELDS)
        except (ValueError, TypeError):
            raise index_mod.Broken(rel) from None
    out.sort(key=lambda p: (p.date, p.file, m.PROPOSAL_FIELDS.index(p.field)))
    return out


_NO_NOTES = MappingProxyType({})  # a section present, its notes not read (see with_notes)
_LINES: dict[str, MappingProxyType] = {}  # most files share a layout: one read-only mapping each


def expand(r: tuple, _new=m.Visit._make, _day=dt.date.fromisoformat) -> m.Visit:
    """A visit (without its notes) from its row in the index."""
    rel, _, _, person, unit, day, work, meeting, rating, line, lines = r[:11]
    shared = _LINES.get(lines)
    if shared is None:
        shared = _LINES[lines] = MappingProxyType({k: int(n) for k, n in zip(index_mod.TOP_KEYS, lines.split(","))
                                                   if n != "0"})
    return _new((person, unit, _day(day), _NO_NOTES if work else None, _NO_NOTES if meeting else None, rating,
                 rel, line, shared))


def unreadable(rel: str, e: OSError) -> m.Diagnostic:
    return codes.diagnostic(rel, 1, codes.YAML_SYNTAX, W.cannot_read_file(describe(e)))


def too_large(rel: str) -> m.Diagnostic:
    return codes.diagnostic(rel, 1, codes.SCHEMA, W.TOO_LARGE)


def read_file(root: Path | str, rel: str, parser, size: int | None = None, quick=None,
              folder: int | None = None) -> tuple[object, list[m.Diagnostic]]:
    """A data file parsed, or its diagnostics: never through a link, never past 2 MB. folder: a
    descriptor of the folder rel lies in (safefs.open_folder), the file then opened by its name."""
    if size is not None and size > yamltext.MAX_FILE_BYTES:  # refused before it is opened
        return None, [too_large(rel)]
    try:
        if folder is not None:
            raw = safefs.read_bytes(rel.rpartition("/")[2], yamltext.MAX_FILE_BYTES, dir_fd=folder)
        else:
            raw = safefs.read_bytes(os.path.join(root, rel), yamltext.MAX_FILE_BYTES)  # no Path: 100,000s of files
    except safefs.NotRegular as e:
        return None, [not_regular(rel, e.what)]
    except safefs.TooLarge:
        return None, [too_large(rel)]
    except OSError as e:
        return None, [unreadable(rel, e)]
    return parse_text(rel, raw, parser, quick)


def read_visit(root: Path | str, rel: str, size: int | None = None,
               folder: int | None = None) -> tuple[m.Visit | None, list[m.Diagnostic]]:
    """A visit parsed in full, notes included."""
    return read_file(root, rel, schema.parse_visit, size, visitfast.read, folder)


def with_notes(root: Path, ds: m.Dataset, start: dt.date, end: dt.date, people=None) -> m.Dataset:
    """The dataset with the notes of the visits dated start..end read from their files (only
    those of `people` when given: one person's report reads one person's files)."""
    visits = []
    for v in ds.visits:
        if start <= v.date <= end and (people is None or v.person in people):
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


def load(root: Path, window: refresh.Window | None = None, day: dt.date | None = None,
         with_proposals: bool = False) -> tuple[m.Dataset, list[m.Diagnostic]]:
    """The folder's records as a Dataset — visits without their notes (see with_notes), and only
    those of the window when one is given (the lists always whole) — with the parse diagnostics
    of what was loaded (not the cross-checks). ds.elsewhere counts the files outside the window
    known to have errors. with_proposals: ds.proposals filled with the window's proposals."""
    window = window or refresh.Window()
    return _session(root, lambda index: _load_with(root, index, window, day or dt.date.today(), with_proposals))


def checked(root: Path, day: dt.date, window: refresh.Window | None = None,
            with_proposals: bool = False, want: tuple = (), mergeable: bool = False) -> tuple[m.Dataset, list[m.Diagnostic]]:
    """load() and the cross-checks of what was loaded, on that day: every diagnostic, ordered.
    The cross-checks depend only on the files and the day: unchanged, they are kept in the index.

    want: names of answers the caller computed from such a load and kept (keep()); ds.kept holds
    those found for the files as they are now, and when all of them are there the window's
    visits are not even read (ds.visits is NOT_READ: the answers are all the caller needs).
    mergeable: the caller can bring each answer wanted up to date person by person
    (store/partial): when they are kept for earlier files, ds.partial says whose rows to compute
    again, and ds.visits holds those people's visits only."""
    window = window or refresh.Window()
    return _session(root, lambda index: _checked_with(root, index, window, day, with_proposals, want, mergeable))


def maker(ds: m.Dataset, name: str, compute, merge=None):
    """What makes the answer `name` for the files ds was loaded from, when ds holds none kept:
    merge(kept, persons), bringing the answer kept for earlier files up to date from the visits
    of those people alone, when the load found it so (ds.partial, store/partial); else compute.
    (common.answer and the web's Site.kept then keep what it made.)"""
    brought = ds.partial
    if brought is None:
        return compute
    return lambda: merge(brought.base[name], brought.persons)


def keep(root: Path, ds: m.Dataset, day: dt.date, name: str, value) -> None:
    """Keep an answer computed from ds (a checked() load of that day) under name, for the next
    checked(want=(name,)) of the same files (the load kept its people note, store/partial, with
    the window's checks, under the same key); nothing when ds has no fingerprint."""
    if ds.fingerprint:
        _session(root, lambda index: index.put_answer(name, f"{ds.fingerprint}/{day.isoformat()}", value))


def kept_pieces(root: Path, wanted: dict[str, str]) -> dict:
    """name -> the answer kept under name with exactly the key wanted[name] (those found): the
    pieces of a text kept under keys of their own (a month of a year's listing)."""
    return _session(root, lambda index: {name: value for name, key in wanted.items()
                                         if key and (value := index.answer(name, key)) is not None})


def keep_pieces(root: Path, pieces: dict) -> None:
    """Keep each value under its name and key: name -> (key, value)."""
    if pieces:
        _session(root, lambda index: [index.put_answer(name, key, value) for name, (key, value) in pieces.items()])


def lists(root: Path) -> m.Dataset:
    """The list files alone, as a Dataset without visits or submissions: what a command needs to
    tell whom a name means before it loads that person's visits."""

    def work(index: Index) -> m.Dataset:
        return _lists(root, index, [], [])[2]

    return _session(root, work)


def check_all(root: Path, day: dt.date) -> list[m.Diagnostic]:
    """Everything `duk check` reports. Every file is listed and compared with the index; when
    none changed since the last check of the day, the answer is the one kept then, without
    building a single record. Otherwise the files are parsed in batches written to the index
    and the visits judged a month at a time: memory holds a batch or a month, not the folder."""
    return _session(root, lambda index: _check_all_with(root, index, day))


def _check_all_with(root: Path, index: Index, day: dt.date) -> list[m.Diagnostic]:
    first = index.defer()  # a first check: the rows' secondary indexes are built once, after them
    try:
        diags = _checked_all(root, index, day, first)
    except BaseException:
        if first:  # rows written as judged that were not: never to be read (see Index.defer)
            on_disk = index.file() is not None  # not another process's, when this one is in memory
            index.close()
            if on_disk:
                index_mod.discard(root)
        raise
    if first:
        index.filled()
    return diags


def _checked_all(root: Path, index: Index, day: dt.date, first: bool) -> list[m.Diagnostic]:
    from dukcli.rules import validate as V

    window = refresh.Window()
    diags: list[m.Diagnostic] = []
    keys: list[str] = []
    config, lists, only_lists = _lists(root, index, diags, keys)
    hasher = hashlib.blake2b(digest_size=16)
    provisional = only_lists.lists_digest if first else None
    with _Parser(root, only_lists, (index.file(), index.made()), provisional) as parse:
        # Not judged as they are written (as a report's load does): every visit is judged below,
        # a month at a time, and its count of errors kept then.
        found = refresh.update(index, root, window, parse, _kind, listing_diag, hasher=hasher,
                               flush=lambda changes: _flush(index, changes))
        index.build(("visit_date", "visit_diags"))  # the others while the months are judged
        found_records = _records(root, index, window, diags, keys)
        subs = lists["submissions.yaml"] + found_records.submissions
        named = _named(index, found_records.responses, keys)
        hasher.update("\n".join([*keys, str(found.top), day.isoformat()]).encode("utf-8", "surrogateescape"))
        key = "" if found.unsettled or any(refresh.RACY in k for k in keys) else hasher.hexdigest()
        kept = index.answer("check", key)
        if kept is not None:
            index.build()  # left by a check stopped before it built them
            return list(kept)
        diags += _visits_folder(found) + [d for r in index.with_diags() for d in index_mod.row_diags(r)]
        base = m.Dataset.build(config, lists["units.yaml"], lists["people.yaml"], lists["assignments.yaml"], [], subs)
        base.feedback, base.responses, base.named = found_records.feedback, found_records.responses, named
        cross = V.validate(base, day)  # the lists and the submissions; the visits below, a month at a time
        cross += _month_checks(index, parse, only_lists, day)
    diags = V.ordered(diags + cross)
    index.put_answer("check", key, diags)
    return diags


def _month_checks(index: Index, parse: "_Parser", lists: m.Dataset, day: dt.date) -> list[m.Diagnostic]:
    """The visits' checks, a month at a time, each month's counts of errors kept with its rows.
    The workers that parsed the files judge the months when there are (each reads its month
    from the index itself), this process writing the counts meanwhile; else this process."""
    months = index.months()
    judged = parse.judge(months, day)
    index.build()  # the indexes a first check deferred, meanwhile
    if judged is not None:
        try:
            return _counts_kept(index, judged)
        except Exception:  # a worker failed (its index busy past the timeout…): judged here instead
            index.save()
    return _counts_kept(index, (_judge_rows(lists, index.visits_between(*_month_span(month)), day)
                                for month in months))


def _counts_kept(index: Index, judged) -> list[m.Diagnostic]:
    """The diagnostics of each month judged ((diagnostics, changed counts), in turn), each
    month's counts written as it comes."""
    out: list[m.Diagnostic] = []
    for found, counts in judged:
        out += found
        index.judged(counts)
        index.save()
    return out


def _month_span(month: str) -> tuple[str, str]:
    """The first and last ISO dates of a month 'YYYY-MM'."""
    start = dt.date.fromisoformat(month + "-01")
    return start.isoformat(), dates.month_end(start.year, start.month).isoformat()


def _judge_rows(lists: m.Dataset, rows: list, day: dt.date) -> tuple[list[m.Diagnostic], dict]:
    """The checks of the visits of rows (index rows: a month's, or the changed people's) against
    the lists of `lists` (a dataset; its visits are not looked at), and the rows whose kept count
    of cross-record errors this changes (rel -> (count, lists digest); none without a digest)."""
    from dukcli.rules import validate as V

    found = V.visits(dataclasses.replace(lists, visits=[expand(r) for r in rows]), day)
    return found, _changed_counts(found, lists.lists_digest, rows)


def _flush(index: Index, changes: dict) -> None:
    """A batch of parsed files into the index, for good: the rows are read back from it."""
    refresh.apply(index, changes)
    index.save(strict=True)


def _session(root: Path, work):
    """work(index) with the folder's index open, saved after; an index that breaks while being
    read is discarded and the work done again from the files, with an index in memory (the
    folder's own may be breaking again: .duk/ deleted in a loop, a full disk)."""
    enabled = gc.isenabled()
    gc.disable()  # 100,000 fresh records and no garbage: the collector would only rescan them
    try:
        for attempt in (1, 2):
            index = Index(root, memory=attempt == 2)
            try:
                result = work(index)
                index.save()
                gc.freeze()  # what was loaded lives as long as the command: keep collections off it
                return result
            except index_mod.Broken:
                if attempt == 2:
                    raise
                index_mod.discard(root)  # corrupted under us: the files are the truth, start again
            finally:
                index.close()
    finally:
        if enabled:
            gc.enable()


def _checked_with(root: Path, index: Index, window: refresh.Window, day: dt.date, with_proposals: bool = False,
                  want: tuple = (), mergeable: bool = False):
    from dukcli.rules.validate import ordered
    from dukcli.store import partial

    if window.person is not None and window.verify and not window.everything:
        return _one_person(root, index, window, day, with_proposals, want)
    ds, diags, rows = _loaded(root, index, window, day, with_proposals, want, mergeable=mergeable)
    key = f"{ds.fingerprint}/{day.isoformat()}" if ds.fingerprint else ""
    name = _checks_name(window)
    cross = ds.kept.pop(name, None) if rows is None else index.answer(name, key)
    if cross is None and ds.partial is not None:
        cross = _partial_checks(index, ds, day, ds.partial, name)
        index.put_answer(name, key, cross)
    elif cross is None:
        cross = _cross_checks(index, ds, day, rows)
        index.put_answer(name, key, cross)
        _rejudged(index, ds, cross, rows)
    if ds.note is not None:  # with the checks, for the next load to bring them up to date
        index.put_answer(partial.note_name(window), key, ds.note)
    return ds, ordered(diags + list(cross))


def _partial_checks(index: Index, ds: m.Dataset, day: dt.date, partial, name: str) -> list[m.Diagnostic]:
    """The window's checks kept before (partial.base[name]), with those of the changed people's
    visits in the months whose folders changed made again (store/partial): the others stand,
    and those of the files gone go."""
    from dukcli.store.refresh import area_of

    rows = partial.rechecked()
    again = {r[index_mod.REL] for r in rows}
    out = [d for d in partial.base[name] if d.file not in again
           and (d.file in partial.standing or area_of(d.file) not in partial.areas)]
    fresh, counts = _judge_rows(ds, rows, day)
    index.judged(counts)
    return out + fresh


def _one_person(root: Path, index: Index, window: refresh.Window, day: dt.date, with_proposals: bool, want: tuple):
    """One person's visits of a window, with every diagnostic of the whole window: a report on
    one person refuses on the period's errors as the year's table does (a misspelt person or a
    file that does not parse may be that person's). The whole window's checks are taken as
    kept for its files as they are; when they are not, the whole window is loaded (and its
    checks kept for the next one)."""
    from dukcli.rules.validate import ordered

    whole = dataclasses.replace(window, person=None)
    scope_key: list[str] = []
    try:
        ds, diags, _ = _loaded(root, index, window, day, with_proposals, want, scope=whole, scope_key=scope_key)
    except _WholeWindow:
        return _whole_for(root, index, window, whole, day, with_proposals, want)
    checks = index.answer(_checks_name(whole), f"{scope_key[0]}/{day.isoformat()}") if scope_key[0] else None
    if checks is None:  # a file changed between the guess and the listing
        return _whole_for(root, index, window, whole, day, with_proposals, want)
    return ds, ordered(diags + list(checks))


def _whole_for(root: Path, index: Index, window: refresh.Window, whole: refresh.Window, day: dt.date,
               with_proposals: bool, want: tuple):
    """_one_person when the whole window's checks are not kept for its files as they are: they
    are brought up to date by person when they can be (store/partial; after one new visit),
    then only the person's visits are read; else the whole window is loaded, as before."""
    mergeable = not want and not with_proposals
    ds, diags = _checked_with(root, index, whole, day, with_proposals, want, mergeable=mergeable)
    if not mergeable or (ds.partial is None and ds.visits is not NOT_READ):
        return ds, diags
    ds = dataclasses.replace(ds, visits=[expand(r) for r in refresh.rows_for(index, window)])
    ds.partial = None
    return ds, diags


class _WholeWindow(Exception):
    """Raised by _loaded before listing: the whole window's checks are not kept (see _one_person)."""


def _cross_checks(index: Index, ds: m.Dataset, day: dt.date, rows: list) -> list[m.Diagnostic]:
    """validate(ds, day), with the visits' checks kept a month at a time: they look at one
    visit and the other files of its person, unit and day, so a month's answer stands while its
    files and the lists do. After one new visit only its month is judged again, not the year."""
    from dukcli.rules import validate as V

    # The checks of the lists, submissions and feedback look at no visit: kept under those files'
    # keys (judging a province's 11,000 submissions again after each new visit cost 0.05 s).
    name, key = f"record checks {ds.span}", f"{ds.records_digest}/{day.isoformat()}" if ds.records_digest else ""
    fixed = index.answer(name, key)
    if fixed is None:
        fixed = [d for check in V.VALIDATORS if check not in (V.visits, V.responses) for d in check(ds, day)]
        index.put_answer(name, key, fixed)
    out = [*fixed, *V.responses(ds, day)]
    keys = {r[index_mod.REL]: r[index_mod.SKEY] for r in rows}
    for month, visits in itertools.groupby(ds.visits, key=lambda v: v.date.isoformat()[:7]):
        visits = list(visits)
        stamps = [f"{v.file}\t{keys.get(v.file, refresh.RACY)}" for v in visits]
        key = "" if not ds.lists_digest or any(refresh.RACY in k for k in stamps) else _digest(
            [ds.lists_digest, day.isoformat(), *stamps], refresh.Window())
        found = index.answer(f"visit checks {month}", key)
        if found is None:
            found = V.visits(dataclasses.replace(ds, visits=visits), day)
            index.put_answer(f"visit checks {month}", key, found)
        out.extend(found)
    return out


def _rejudged(index: Index, ds: m.Dataset, cross: list[m.Diagnostic], rows: list | None = None) -> None:
    """Keep with each visit loaded its count of cross-record errors against today's lists, so
    that a later command can count the errors outside its own window without judging them.
    rows: the visits' rows as the index holds them; only those whose count changed are written."""
    if not ds.lists_digest:
        return
    if rows is not None:
        index.judged(_changed_counts(cross, ds.lists_digest, rows))
        return
    errors = _errors_by_file(cross)
    index.judged({v.file: (errors.get(v.file, 0), ds.lists_digest) for v in ds.visits})


def _errors_by_file(cross: list[m.Diagnostic]) -> dict[str, int]:
    errors: dict[str, int] = {}
    for d in cross:
        if d.severity == "error" and d.file.startswith(refresh.VISITS + "/"):
            errors[d.file] = errors.get(d.file, 0) + 1
    return errors


def _changed_counts(cross: list[m.Diagnostic], digest: str, rows: list) -> dict[str, tuple[int, str]]:
    """rel -> (cross-record errors, digest) of the rows whose kept count is not that already."""
    if not digest:
        return {}
    errors = _errors_by_file(cross)
    return {r[index_mod.REL]: (errors.get(r[index_mod.REL], 0), digest) for r in rows
            if (r[index_mod.CROSS], r[index_mod.LISTS]) != (errors.get(r[index_mod.REL], 0), digest)}


def _load_with(root: Path, index: Index, window: refresh.Window, day: dt.date,
               with_proposals: bool = False) -> tuple[m.Dataset, list[m.Diagnostic]]:
    ds, diags, _ = _loaded(root, index, window, day, with_proposals)
    return ds, diags


def _loaded(root: Path, index: Index, window: refresh.Window, day: dt.date,
            with_proposals: bool = False, want: tuple = (), scope: refresh.Window | None = None,
            scope_key: list | None = None, mergeable: bool = False) -> tuple[m.Dataset, list[m.Diagnostic], list | None]:
    """_load_with, and the window's rows as the index holds them. want: names of answers the
    caller keeps in the index (see checked); when every one of them and the window's checks are
    kept for the files as they are, the window's visits are not read at all (rows None,
    ds.visits NOT_READ) and ds.kept holds the answers. scope: the window whose files'
    diagnostics and errors elsewhere are reported (one person's visits of a year, the year's
    diagnostics); its fingerprint is appended to scope_key. mergeable: see checked."""
    from dukcli.store import partial
    scope = scope or window
    diags: list[m.Diagnostic] = []
    keys: list[str] = []  # every stat key the answer rests on, for the fingerprint
    config, lists, only_lists = _lists(root, index, diags, keys)
    record_diags: list[m.Diagnostic] = []
    found_records = _records(root, index, window, record_diags, keys)
    base = list(keys)  # what the window's fingerprint rests on besides its visits
    windowed = not window.everything and window.verify
    names = (*want, _checks_name(window)) if (want or mergeable) and windowed and not with_proposals else ()
    if scope is not window and not _likely_kept(index, root, scope, (_checks_name(scope),), base,
                                                found_records.responses, day):
        raise _WholeWindow  # the scope's checks are not kept: _one_person loads the scope whole
    mergeable = mergeable and bool(names)
    kept_before = (_likely_kept(index, root, window, names, base, found_records.responses, day)
                   or (mergeable and partial.likely(index, window, names, day.isoformat())))
    # What changed goes into the index a batch at a time (a first run on a million files holds
    # one batch, not the folder); then everything is read back from it.
    with _Parser(root) as parse:
        found = refresh.update(index, root, window, parse, _kind, listing_diag, ahead=not kept_before,
                               flush=lambda batch: _flush(index, _judged(only_lists, batch, day)))
    diags.extend(_visits_folder(found))
    flagged = index.with_diags()
    elsewhere = _errors_elsewhere(index, scope, flagged, only_lists.lists_digest)
    for r in flagged:
        if scope.holds(r[index_mod.DATE], r[index_mod.AREA]):
            diags.extend(index_mod.row_diags(r))
            keys.append(f"{r[index_mod.REL]}\t{r[index_mod.SKEY]}")
    # A file too recent to be trusted in one of the window's month folders leaves it without a
    # fingerprint (elsewhere, only a visit of its dates would: outside_keys carries its mark).
    settled = windowed and not found.unsettled_areas & window.months
    parts: list[str] = []  # what the fingerprint rests on besides the month folders' digests
    digests: dict[str, str] = {}
    if settled or mergeable:
        parts = _window_parts(index, window, base, found_records.responses)
        digests = index.area_digests(min(window.months), max(window.months))
    fingerprint = _key_of(window, parts, digests) if settled else ""
    if scope_key is not None:
        scope_key.append(_window_key(index, scope, base, found_records.responses)
                         if settled else "")
    kept = _kept(index, names, fingerprint, day) if names else None
    rows, brought, note = None, None, None
    if kept is None and mergeable:
        brought = partial.by_person(index, window, names, day.isoformat(), _digest(parts, window), digests)
        if brought is not None:
            rows, note = brought.rows, brought.note
    if kept is None and brought is None:
        rows = refresh.rows_for(index, window)
        if not windowed:
            keys.extend(f"{r[index_mod.REL]}\t{r[index_mod.SKEY]}" for r in rows)
        if mergeable and fingerprint:
            note = partial.note(_digest(parts, window), digests, rows)
    diags.extend(record_diags)
    subs = lists["submissions.yaml"] + found_records.submissions
    ds = m.Dataset.build(config, lists["units.yaml"], lists["people.yaml"], lists["assignments.yaml"],
                         [expand(r) for r in rows] if rows is not None else [], subs)
    if rows is None:
        ds.visits = NOT_READ
    ds.kept = kept or {}
    ds.partial, ds.note = brought, note
    ds.feedback, ds.responses = found_records.feedback, found_records.responses
    ds.named = _named(index, found_records.responses, keys)
    ds.span = None if window.everything else (window.start, window.end)
    if with_proposals:
        ds.proposals = _window_proposals(index, window)
    ds.fingerprint = fingerprint if windowed else _digest(keys, window)
    ds.elsewhere = elsewhere
    ds.lists_digest = only_lists.lists_digest
    ds.records_digest = _digest(base, refresh.Window())
    return ds, diags, rows


class _NotRead:
    """ds.visits when the answers asked for were kept (store/loader._loaded): the window's
    visits were never read, and any use of them is a mistake that must fail loudly."""

    def _refuse(self, *args):
        raise RuntimeError("the window's visits were not read: its answers were kept")

    __iter__ = __len__ = __getitem__ = __bool__ = __contains__ = _refuse


NOT_READ = _NotRead()


def _checks_name(window: refresh.Window) -> str:
    """Where a window's cross-checks are kept (a person's window takes the whole window's)."""
    return "checked" if window.everything else f"checked {window.start} {window.end}"


def _kept(index: Index, names: tuple, fingerprint: str, day: dt.date) -> dict | None:
    """name -> answer for every name kept under this fingerprint and day; None if one is not."""
    if not fingerprint:
        return None
    key = f"{fingerprint}/{day.isoformat()}"
    found = {}
    for name in names:
        found[name] = index.answer(name, key)
        if found[name] is None:
            return None
    return found


def _likely_kept(index: Index, root: Path, window: refresh.Window, names: tuple, base: list, responses: list,
                 day: dt.date) -> bool:
    """A guess, before listing, that the answers named are kept for the window's files as they
    are: no month folder of it changed since it was last listed, and each answer is kept under
    the fingerprint the index gives now. Then the rows are not read while the folders are
    listed (the listing still decides)."""
    return (bool(names) and refresh.folders_as_listed(index, root, window)
            and _all_kept(index, names, _window_key(index, window, base, responses), day))


def _all_kept(index: Index, names: tuple, fingerprint: str, day: dt.date) -> bool:
    key = f"{fingerprint}/{day.isoformat()}"
    return bool(fingerprint) and all(index.has_answer(name, key) for name in names)


def _window_key(index: Index, window: refresh.Window, keys: list[str], responses: list) -> str:
    """The fingerprint of a window's load without reading its rows: _window_parts, and the
    digest of every month folder of the window (index.area_digest: its files, as the rows were
    made from them)."""
    return _key_of(window, _window_parts(index, window, keys, responses),
                   index.area_digests(min(window.months), max(window.months)))


def _key_of(window: refresh.Window, parts: list[str], digests: dict[str, str]) -> str:
    """_window_key from its parts and the index's area digests."""
    return _digest([*parts, *(f"{area}\t{digests.get(area, '')}" for area in sorted(window.months))], window)


def _window_parts(index: Index, window: refresh.Window, keys: list[str], responses: list) -> list[str]:
    """What a window's load rests on besides its month folders: the list and record files'
    keys, the files of the proposals its responses name, and the visits of its dates filed
    elsewhere."""
    named: list[str] = []
    _named(index, responses, named)
    outside = index.outside_keys(window.start.isoformat(), window.end.isoformat(), min(window.months),
                                 max(window.months))
    return [*keys, *named, f"person\t{window.person or ''}", *(f"{rel}\t{key}" for rel, key in outside)]


def _window_proposals(index: Index, window: refresh.Window) -> list[m.Proposal]:
    if window.everything:
        return proposals(index.proposals_between(None, None))
    found = proposals(index.proposals_between(window.start.isoformat(), window.end.isoformat()))
    return [p for p in found if window.person is None or p.person == window.person]


def _lists(root: Path, index: Index, diags: list, keys: list) -> tuple[m.Config, dict, m.Dataset]:
    """duk.yaml and the list files (through the index), and a Dataset of the lists alone
    carrying their digest (what the errors kept per visit are judged against)."""
    config = _list_file(root, index, "duk.yaml", schema.parse_config, diags, keys) or m.Config()
    lists = {name: _list_file(root, index, name, parser, diags, keys) or [] for name, parser in LIST_FILES.items()}
    only_lists = m.Dataset.build(config, lists["units.yaml"], lists["people.yaml"], lists["assignments.yaml"], [], [])
    only_lists.lists_digest = "" if any(refresh.RACY in k for k in keys[:4]) else _digest(keys[:4], refresh.Window())
    return config, lists, only_lists


def _judged(only_lists: m.Dataset, changes: dict, day: dt.date) -> dict:
    """The changed rows with their cross-record errors against the lists (the checks of one
    visit that need nothing but the lists: unknown person or unit, not assigned, a date ahead)."""
    from dukcli.rules.validate import VisitIndex, check_visit

    digest = only_lists.lists_digest
    if not digest:
        return changes
    lookup = VisitIndex(only_lists)
    out = {}
    for rel, r in changes.items():
        if r is not None and r[index_mod.DATE] is not None:
            errors = sum(1 for d in check_visit(only_lists, expand(r), day, lookup) if d.severity == "error")
            r = index_mod.with_cross(r, errors, digest)
        out[rel] = r
    return out


def _errors_elsewhere(index: Index, window: refresh.Window, flagged: list, digest: str) -> int:
    """Errors known in the visit files outside the window: those of parsing (flagged: the rows
    with diagnostics), and those found against the current lists (a file not yet judged against
    them is not counted)."""
    if window.everything:
        return 0
    rows = {r[index_mod.REL]: r for r in flagged}
    if digest:
        rows.update((r[index_mod.REL], r) for r in index.with_cross(digest))
    count = 0
    for r in rows.values():
        if window.holds(r[index_mod.DATE], r[index_mod.AREA]):
            continue
        count += r[index_mod.ERRORS] + (r[index_mod.CROSS] if r[index_mod.LISTS] == digest and digest else 0)
    return count


def _visits_folder(found: refresh.Scan) -> list[m.Diagnostic]:
    """What is wrong with visits/ itself."""
    if found.top is None:
        return []
    if found.top[0] == refresh.FILE:
        return [codes.diagnostic("visits", 1, codes.SCHEMA, W.VISITS_NOT_FOLDER)]
    return [not_regular("visits", found.top[1])]


FEEDBACK_DIR = "feedback"
RESPONSES_DIR = "responses"


@dataclasses.dataclass
class Records:
    """The one-file-each records of a window: submissions, Article 5.2 feedback, responses."""

    submissions: list
    feedback: list
    responses: list


def _records(root: Path, index: Index, window: refresh.Window, diags: list, keys: list) -> Records:
    """The submission and feedback files of the years the window touches, the responses from its
    first year on (a proposal's latest step may come years later); all of them for check."""
    first = None if window.everything else window.start.year
    last = None if window.everything else window.end.year
    seen: list[str] = []
    subs = _year_files(root, index, submissions.SUBMISSIONS_DIR, schema.parse_submission, _quarter_year,
                       (first, last), diags, keys, seen)
    said = _year_files(root, index, FEEDBACK_DIR, schema.parse_feedback, _plain_year, (first, last),
                       diags, keys, seen)
    steps = _year_files(root, index, RESPONSES_DIR, schema.parse_response, _plain_year, (first, None),
                        diags, keys, seen)
    if window.everything:
        index.keep_records({"duk.yaml", *LIST_FILES, *seen})
    return Records(subs, said, steps)


def _year_files(root: Path, index: Index, top: str, parser, year_of, years: tuple, diags: list,
                keys: list, seen: list) -> list:
    """The records of top/<year…>/*.yaml whose year lies in years (None bounds: open); a file
    whose year cannot be told is always read."""
    listed = tree_files(root, top)
    lo, hi = years
    if lo is not None or hi is not None:
        def wanted(rel):
            year = year_of(rel)
            return year is None or ((lo is None or int(year) >= lo) and (hi is None or int(year) <= hi))
        listed = [(rel, key) for rel, key in listed if wanted(rel)]
    diags.extend(listing_diags(listed))
    rels = [rel for rel, _ in data_files(listed)]
    seen.extend(rels)
    return [r for rel in rels if (r := _list_file(root, index, rel, parser, diags, keys))]


def responses_of_years(root: Path, first: int, last: int) -> list[m.Response]:
    """The responses filed under responses/<first..last>/, through the index (a file with errors
    is left out: `check` names it). Files outside year folders are not among them: every load
    reads those already."""
    if first > last:
        return []
    return _session(root, lambda index: _year_files(
        root, index, RESPONSES_DIR, schema.parse_response, lambda rel: _plain_year(rel) or "0",
        (first, last), [], [], []))


def _plain_year(rel: str) -> str | None:
    """The year of feedback/YYYY/… or responses/YYYY/…, None for anything else there."""
    parts = rel.split("/")
    code = parts[1] if len(parts) > 2 else ""
    return code if len(code) == 4 and code.isdigit() else None


def _quarter_year(rel: str) -> str | None:
    """The year of submissions/YYYYQn/…, None for anything else under submissions/."""
    parts = rel.split("/")
    code = parts[1] if len(parts) > 2 else ""
    return code[:4] if len(code) == 6 and code[4] == "Q" and code[:4].isdigit() else None


def _named(index: Index, responses: list, keys: list) -> dict:
    """The proposals the responses name, from the index, and the stat keys they rest on."""
    from dukcli.rules.proposals import visit_file

    files = sorted({visit_file(r.item) for r in responses})
    if not files:
        return {}
    kept = dict(index.keys_of(files))
    keys.extend(f"{rel}\t{kept.get(rel, '-')}" for rel in files)
    return {p.id: p for p in proposals(index.proposals_between(None, None, rels=files))}


def _digest(keys: list[str], window: refresh.Window) -> str:
    """Equal digests, equal answers: every stat key the load rests on, and the window. "" when
    a file is too recent to be told apart by its stat (see refresh.RACY): nothing is keyed then."""
    if any(refresh.RACY in k for k in keys):
        return ""
    text = "\n".join([f"{window.start}/{window.end}", *keys])
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


REQUIRED = ("duk.yaml", "units.yaml", "people.yaml", "assignments.yaml")


def _list_file(root: Path, index: Index, rel: str, parser, diags: list, keys: list):
    """One list (or submission) file through the index; None when absent or unusable."""
    try:
        st = os.lstat(root / rel)
    except FileNotFoundError:
        if rel in REQUIRED:  # said once here; its echoes (unknown-person…) are left out by ordered()
            diags.append(codes.diagnostic(rel, 0, codes.MISSING_FILE, W.missing_required(rel)))
        keys.append(f"{rel}\t-")
        return None
    except OSError as e:
        diags.append(unreadable(rel, e))
        keys.append(f"{rel}\t?")
        return None
    what = safefs.kind(st)
    if what is not None:
        diags.append(not_regular(rel, what))
        keys.append(f"{rel}\t{what}")
        return None
    key = stat_key(st)
    unsettled = racy(key, time.time_ns())
    keys.append(f"{rel}\t{refresh.RACY if unsettled else ''}{index_mod.skey(key)}")
    memo = (str(root), rel)
    shared = cache.shared()  # the list files already read by this command (see cache.sharing)
    seen_key, hit = shared.get(memo, (None, None)) if shared is not None else (None, None)
    if unsettled or seen_key != key:
        hit = None
    if hit is None:
        hit = None if unsettled else index.record(rel, key)
        if hit is None:
            hit = read_file(root, rel, parser, st.st_size)
            if not unsettled:  # a file written in the last seconds could change again unseen
                index.put_record(rel, key, hit)
        if not unsettled and shared is not None:
            shared[memo] = (key, hit)
    result, file_diags = hit
    diags.extend(file_diags)
    return list(result) if isinstance(result, list) else result



PARALLEL_FROM = 2000  # below this a pool costs more than it saves


def _parse_chunk(root: str, lists: str | None, jobs: list[tuple[str, int]]) -> list[tuple]:
    """The index row of each file after its path, area and stat key (index.row_tail): a job
    names the file and its size only, and the answer is the parse alone (the caller knows which
    files it asked for, in order), so that a million of them cross between processes in as few
    bytes as they can. Each file is opened by its name in its folder, the folder opened once
    for the chunk's files in it (the kernel then walks one name per file, not seven: 3–5 µs of
    a visit file's 100); opened after the listing that named them, closed with the chunk.
    lists: index.row_tail's."""
    out, folder, folder_fd, failed = [], None, None, None
    try:
        for rel, size in jobs:
            here = rel.rpartition("/")[0]
            if here != folder:
                if folder_fd is not None:
                    os.close(folder_fd)
                folder, folder_fd, failed = here, None, None
                try:
                    folder_fd = safefs.open_folder(os.path.join(root, here))
                except OSError as e:  # gone, or a link put there since the listing: not followed
                    failed = e
            if failed is not None:
                out.append(index_mod.row_tail(rel, None, [unreadable(rel, failed)]))
                continue
            visit, file_diags = read_visit(root, rel, size, folder_fd)  # root a str: joined with os.path
            out.append(index_mod.row_tail(rel, visit, file_diags, lists))
    finally:
        if folder_fd is not None:
            os.close(folder_fd)
    return out


CHUNK = 200  # files a worker is given at once


# In a worker of a check's pool: the lists the months are judged against and the index's file
# and mark, given when the pool starts, and the worker's own read-only connection, opened at its
# first month.
_JUDGE: dict = {}


def _worker_start(lists: m.Dataset | None, index: tuple[str | None, str | None]) -> None:
    _JUDGE.update(lists=lists, index=index, db=None)


def _judge_month(job: tuple[str, dt.date]) -> tuple[list[m.Diagnostic], dict]:
    """_judge_rows for one month, in a worker, its rows read from the index's file."""
    month, day = job
    if _JUDGE["db"] is None:
        _JUDGE["db"] = index_mod.reader(*_JUDGE["index"])
    return _judge_rows(_JUDGE["lists"], index_mod.rows_between(_JUDGE["db"], *_month_span(month)), day)


def _reported(results, total: int):
    progress = _Progress(total)
    for done, result in enumerate(results, 1):
        progress.advance(done)
        yield result
    progress.close()


class _Parser:
    """parse_many for refresh.update: the files given, parsed on every core when there are many
    (a first load of a large folder; one pool for all the batches of a command), in order
    either way, with a progress bar on a terminal. lists and index (check: the index's file and
    its 'made' mark): the same workers then judge the visits a month at a time (judge)."""

    def __init__(self, root: Path, lists: m.Dataset | None = None, index: tuple = (None, None),
                 provisional: str | None = None):
        self.root = str(root)
        self.pool = None
        self.lists, self.index = lists, index
        self.provisional = provisional  # a first check's lists digest, written in every visit's row

    def __enter__(self) -> "_Parser":
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()

    def __call__(self, misses: list):
        """The results, in order, as an iterator; with a pool, every job is queued at once, so
        the workers parse while the caller does something else (refresh.update writes the
        previous batch meanwhile)."""
        jobs = [(rel, key[0]) for rel, key in misses]
        return _reported(self._results(jobs), len(jobs))

    def judge(self, months: list[str], day: dt.date):
        """(diagnostics, changed counts) of each month, in order, from the pool's workers; None
        when there is no pool (few files were parsed) or no index file for them to read."""
        if self.pool is None or self.lists is None or not all(self.index):
            return None
        return self.pool.imap(_judge_month, [(month, day) for month in months], chunksize=1)

    def _results(self, jobs: list):
        workers = min(os.cpu_count() or 1, 8)
        parse = functools.partial(_parse_chunk, self.root, self.provisional)
        chunks = [jobs[i:i + CHUNK] for i in range(0, len(jobs), CHUNK)]
        if len(jobs) < PARALLEL_FROM or workers < 2:
            return itertools.chain.from_iterable(map(parse, chunks))
        if self.pool is None:
            import multiprocessing

            method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
            try:
                self.pool = multiprocessing.get_context(method).Pool(
                    workers, initializer=_worker_start, initargs=(self.lists, self.index))
            except OSError:  # no processes to be had: parse here
                return itertools.chain.from_iterable(map(parse, chunks))
        return itertools.chain.from_iterable(self.pool.imap(parse, chunks))
