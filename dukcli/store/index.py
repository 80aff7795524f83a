"""The index of a data folder in .duk/index.sqlite: what each file turned into, keyed by its
stat, so that a command reads the records of its period without parsing (or even listing) the
others.

Tables:
- `visit`: one row per entry under visits/ — a parsed visit (without its notes: the commands
  that print notes re-read those few files), a file that failed to parse, or an entry duk does
  not read (a link, a FIFO, a stray file) — with its stat key, its area (the month folder it
  lies in, "" outside month folders), its date and its per-file diagnostics. Indexed by date
  and by area, and by person and date.
- `folder`: the stat key of each folder under visits/ when it was last listed. A folder whose
  key is unchanged holds the same names (adding, removing or renaming a file changes its
  mtime), so it need not be listed again; a file edited in place is seen when its period is
  asked, or by `check`, which verifies everything.
- `record`: the list files and the submission files, whole (small, read by every command).
- `answer`: results computed from many records (the cross-checks of a period, a report's
  table), under a key that changes whenever one of those records does.
- `area`: a digest of each area's (rel, stat key) pairs, rewritten from the rows in the very
  transaction that changes them: a listing whose digest is the same holds exactly the files the
  rows were made from, so that a period whose answer is kept is verified without reading a row.

The index is a cache: deleting it changes no answer. A file that cannot be opened as an index
(corrupt, foreign, from an older duk, a link) is replaced; when .duk/ cannot be written at all
the index lives in memory for the one command. SQLite's own locking makes two processes safe;
a write that cannot get the lock within a few seconds is skipped (the next command redoes it).
The folder can come from anyone: the schema is checked before use, and pickled values load
through cache.RecordsOnly, which rebuilds nothing but duk's own records.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sqlite3
import time
from pathlib import Path

import dukcli
from dukcli import codes
from dukcli import model as m
from dukcli.rules.proposals import item_id, short_key
from dukcli.store import safefs
from dukcli.store.cache import RecordsOnly, private_dir

FORMAT = 8  # bump whenever what a file turns into (schema.py) or these tables change
VERSION = f"{dukcli.__version__}/{FORMAT}"
NAME = "index.sqlite"
BUSY_MS = 5000
BULK_ROWS = 5000  # visit rows written at once from which the page cache is enlarged
BULK_CACHE_KB = 65536

_TABLES = {
    "meta": "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)",
    "visit": ("CREATE TABLE visit(rel TEXT PRIMARY KEY, area TEXT NOT NULL, skey TEXT NOT NULL, "
              "person TEXT, unit TEXT, date TEXT, work INTEGER, meeting INTEGER, rating TEXT, "
              "line INTEGER, lines TEXT, diags TEXT, errors INTEGER NOT NULL DEFAULT 0, "
              "cross INTEGER NOT NULL DEFAULT 0, lists TEXT, props TEXT, key1 TEXT, key2 TEXT, key3 TEXT)"),
    "folder": "CREATE TABLE folder(path TEXT PRIMARY KEY, skey TEXT NOT NULL)",
    "record": "CREATE TABLE record(rel TEXT PRIMARY KEY, skey TEXT NOT NULL, value BLOB)",
    "answer": "CREATE TABLE answer(name TEXT PRIMARY KEY, key TEXT NOT NULL, value BLOB)",
    "area": "CREATE TABLE area(area TEXT PRIMARY KEY, digest TEXT NOT NULL)",
}
_INDEXES = {
    "visit_date": "CREATE INDEX visit_date ON visit(date, area)",
    "visit_person": "CREATE INDEX visit_person ON visit(person, date)",
    "visit_area": "CREATE INDEX visit_area ON visit(area)",
    "visit_diags": "CREATE INDEX visit_diags ON visit(rel) WHERE diags IS NOT NULL",
    "visit_cross": "CREATE INDEX visit_cross ON visit(lists) WHERE cross > 0",
    "visit_props": "CREATE INDEX visit_props ON visit(date) WHERE props IS NOT NULL",
    # The short keys of a visit's proposals, one column per field: a first check inserts a
    # quarter of a million keys per 100,000 visits in hash order, and these small indexes
    # (key and row number) take them four times faster than a table of (key, path) did.
    **{f"visit_key{n}": f"CREATE INDEX visit_key{n} ON visit(key{n}) WHERE key{n} IS NOT NULL" for n in (1, 2, 3)},
}


VISIT_COLUMNS = ("rel", "area", "skey", "person", "unit", "date", "work", "meeting", "rating", "line", "lines",
                 "diags", "errors", "cross", "lists")
_COLUMNS = ", ".join(VISIT_COLUMNS)
(REL, AREA, SKEY, PERSON, UNIT, DATE, WORK, MEETING, RATING, LINE, LINES, DIAGS, ERRORS, CROSS,
 LISTS) = range(len(VISIT_COLUMNS))
# A written row has four more columns: `props`, the visit's proposals as JSON [[field, line, text]…]
# (SPEC §7), read only by the commands about proposals (the others never pay for their texts),
# and key1..key3, the short key of each proposal (model.PROPOSAL_FIELDS, in order), or NULL.
PROPS = len(VISIT_COLUMNS)
_INSERT = f"INSERT OR REPLACE INTO visit VALUES ({','.join('?' * (PROPS + 4))})"


def area_digest(pairs) -> str:
    """The digest of an area's (rel, kept stat key) pairs, in rel order; "" for none."""
    if not pairs:
        return ""
    text = "".join([f"{rel}\t{key}\n" for rel, key in pairs])
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()


# Only the top-level keys' lines are kept: the lines of notes matter only with the notes.
TOP_KEYS = ("person", "unit", "date", "work", "meeting", "meeting.rating")
# (key column, field, whether in work, name in its section) of each field a proposal fills.
_PROPOSAL_PARTS = [(n, field, field.startswith("work."), field.split(".")[1])
                   for n, field in enumerate(m.PROPOSAL_FIELDS)]
assert len(_PROPOSAL_PARTS) == 3, "one key column per proposal field (key1..key3)"


def row(rel: str, area: str, key: str, visit: m.Visit | None, diags) -> tuple:
    """A visit row to write, of a parsed visit or None."""
    return (rel, area, key, *row_tail(rel, visit, diags))


def row_tail(rel: str, visit: m.Visit | None, diags, lists: str | None = None) -> tuple:
    """A visit row after its path, area and stat key: what a parse worker sends back, made
    there (plain strings and numbers cross between processes for less than a date and a list
    of diagnostics do, and the process writing the index has enough to do). What the index
    keeps of a visit: no notes but its proposals (SPEC §7), as JSON [[field, line, text]…], and
    the short key of each (`duk respond KEY` finds the visit by them). lists: a first check's
    lists digest, the visit written as judged against them without error (Index.defer)."""
    if diags:
        errors = sum(1 for d in diags if d.severity == "error")
        text = _DIAGS_JSON(tuple((d.line, d.severity, d.code, d.message) for d in diags))
    else:
        errors, text = 0, None
    if visit is None:
        return (None, None, None, None, None, None, None, None, text, errors, 0, None, None, None, None, None)
    work, meeting, lines, line = visit.work, visit.meeting, visit.lines, visit.line
    props, keys = [], [None, None, None]
    for n, field, in_work, name in _PROPOSAL_PARTS:  # written out: a first check makes a million rows
        notes = work if in_work else meeting
        said = notes.get(name) if notes else None
        if said:
            props.append([field, lines.get(field, line), said])
            keys[n] = short_key(item_id(rel, field))
    return (visit.person, visit.unit, visit.date.isoformat(), int(work is not None), int(meeting is not None),
            visit.rating, line, ",".join([str(lines.get(k, 0)) for k in TOP_KEYS]), text, errors, 0, lists,
            _PROPS_JSON(props) if props else None, *keys)


_DIAGS_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False), made once
_PROPS_JSON = _DIAGS_JSON


def with_cross(r: tuple, cross: int, lists: str | None) -> tuple:
    """The row with the count of its cross-record errors, as judged against the lists whose
    digest is `lists` (None: not judged)."""
    return (*r[:CROSS], cross, lists, *r[LISTS + 1:])


def row_diags(r: tuple) -> list[m.Diagnostic]:
    """A row's diagnostics, made again through the registry (a code it does not know means an
    index from elsewhere: Broken)."""
    if r[DIAGS] is None:
        return []
    try:
        return [codes.diagnostic(r[REL], line, codes.get(code), message)
                for line, _, code, message in json.loads(r[DIAGS])]
    except (ValueError, TypeError, KeyError, codes.UnknownCode) as e:
        raise Broken(str(e)) from None


def skey(key: tuple) -> str:
    """A stat key (or a listing's mark) as the text the index compares."""
    return ",".join(map(str, key))


def _connect(path: str) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=BUSY_MS / 1000, isolation_level=None, check_same_thread=False)
    # A planted index must not run anything: no functions from a schema, no trusted views.
    db.execute("PRAGMA trusted_schema=OFF")
    db.execute("PRAGMA cell_size_check=ON")
    db.execute("PRAGMA synchronous=OFF")  # a cache: a torn index is rebuilt, never trusted
    db.execute(f"PRAGMA busy_timeout={BUSY_MS}")
    return db


_BETWEEN = f"SELECT {_COLUMNS} FROM visit WHERE date BETWEEN ? AND ?"
_MADE = "SELECT value FROM meta WHERE key='made'"  # which index this is (see _create)


def reader(path: str, made: str) -> sqlite3.Connection:
    """A read-only connection to the index file another connection of this command opened and
    checked (a check's workers read their months through it): Broken when the file there now
    is not that index (its 'made' mark is another: removed and made again meanwhile)."""
    from urllib.parse import quote

    db = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True, timeout=BUSY_MS / 1000,
                         isolation_level=None, check_same_thread=False)
    db.execute("PRAGMA trusted_schema=OFF")
    db.execute("PRAGMA cell_size_check=ON")
    row = db.execute(_MADE).fetchone()
    if not made or row is None or row[0] != made:
        db.close()
        raise Broken("another index")
    return db


def rows_between(db: sqlite3.Connection, start: str, end: str) -> list[tuple]:
    """Index.visits_between(start, end), through a reader."""
    return db.execute(_BETWEEN, (start, end)).fetchall()


# The indexes a first check builds once after its rows rather than row by row (defer, build):
# on the million-visit bench folder the rows took 21.4 s with them and 8.9 s without, and
# building them after took 5.6 s. visit_area is kept: the check itself asks by area meanwhile.
DEFERRED = ("visit_date", "visit_person", "visit_diags", "visit_cross", "visit_props",
            "visit_key1", "visit_key2", "visit_key3")


def _missing(db: sqlite3.Connection) -> set[str] | None:
    """The deferred indexes the database lacks (a first check is filling it, or found it too
    busy to build them), when it holds duk's tables and indexes at this version and nothing
    else; None when it does not (another version, a foreign file)."""
    rows = db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    have = {(kind, name): sql for kind, name, sql in rows if not name.startswith("sqlite_autoindex")}
    want = {**{("table", n): s for n, s in _TABLES.items()}, **{("index", n): s for n, s in _INDEXES.items()}}
    missing = {name for kind, name in want.keys() - have.keys() if kind == "index" and name in DEFERRED}
    if {key: sql for key, sql in want.items() if key[1] not in missing} != have:
        return None
    row = db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
    return missing if row is not None and row[0] == VERSION else None


def _build(db: sqlite3.Connection, names) -> None:
    """Create the named indexes where they are missing; left for later when the index is busy
    past the timeout (its rows are read without them meanwhile)."""
    try:
        with db:
            db.execute("BEGIN IMMEDIATE")
            for name in names:
                db.execute(_INDEXES[name].replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
    except sqlite3.OperationalError:
        pass


FILLING = "filling"  # meta: "pid start" of a first check filling the index (Index.defer)
FILLING_HOURS = 6  # a mark older than this is taken as gone, whatever process has its number now


def _filler(db: sqlite3.Connection) -> str | None:
    """'alive' while a first check fills the index (its rows' counts of cross-record errors are
    not yet true, see Index.defer), 'gone' when its process ended before it was done, None when
    no first check is filling it. A mark older than FILLING_HOURS is gone: an index copied in
    from another machine mid-check, or whose process number was since given to another, must
    not keep every command off the index for ever. Where a process cannot be asked after safely
    (os.kill(pid, 0) is no question on Windows), the age alone decides."""
    row = db.execute("SELECT value FROM meta WHERE key=?", (FILLING,)).fetchone()
    if row is None:
        return None
    try:
        pid, started = (int(part) for part in str(row[0]).split())
        if not 0 <= time.time() - started < FILLING_HOURS * 3600:
            return "gone"
        if os.name == "posix":
            os.kill(pid, 0)
    except PermissionError:
        return "alive"  # another user's
    except (ValueError, TypeError, OverflowError, OSError):
        return "gone"
    return "alive"


def _create(db: sqlite3.Connection) -> None:
    with db:
        db.execute("BEGIN IMMEDIATE")
        for kind, name in db.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'").fetchall():
            db.execute(f'DROP {"TABLE" if kind == "table" else kind.upper()} IF EXISTS "{name}"')
        for sql in (*_TABLES.values(), *_INDEXES.values()):
            db.execute(sql)
        db.execute("INSERT INTO meta VALUES ('version', ?)", (VERSION,))
        # Which index this is: a check's workers open the file by its path, and must find the
        # very index this process opened, not one another duk made there since.
        db.execute("INSERT INTO meta VALUES ('made', ?)", (os.urandom(8).hex(),))


def _remove(path: Path) -> None:
    for name in (path.name, path.name + "-journal", path.name + "-wal", path.name + "-shm"):
        try:
            os.unlink(path.with_name(name))
        except FileNotFoundError:
            pass
        except IsADirectoryError:
            import shutil

            shutil.rmtree(path.with_name(name), ignore_errors=True)


def _not_a_file(path: Path) -> bool:
    """Something other than a regular file is there (a link, a FIFO, a folder)."""
    try:
        return safefs.lstat_kind(path) is not None
    except FileNotFoundError:
        return False


def open_db(root: Path, memory: bool = False) -> sqlite3.Connection:
    """The folder's index, checked and ready; a fresh one in memory when .duk/ is unusable
    (or when asked: memory=True)."""
    folder = None if memory else private_dir(root)
    if folder is not None:
        path = folder / NAME
        for _ in range(2):
            try:
                if any(_not_a_file(path.with_name(path.name + s)) for s in ("", "-journal", "-wal", "-shm")):
                    _remove(path)  # a link or a FIFO where the index should be: never opened
                db = _connect(str(path))
                missing = _missing(db)
                filler = _filler(db) if missing is not None else None
                if filler == "alive":  # a first check is filling it: this command reads the files
                    db.close()
                    break
                if missing is None or filler == "gone":  # a stopped first check's rows: not kept
                    _create(db)
                elif missing:
                    _build(db, sorted(missing))
                return db
            except (sqlite3.Error, OSError):
                try:
                    db.close()
                except Exception:
                    pass
                _remove(path)  # corrupt or foreign: start again, once
    db = _connect(":memory:")
    _create(db)
    return db


class Index:
    """The folder's index, open for one command. Reads are plain queries; writes are gathered
    and committed in one transaction by save()."""

    def __init__(self, root: Path, memory: bool = False):
        self.root = root
        self.db = open_db(root, memory)
        self.ahead: _Ahead | None = None
        self.touched: set[str] = set()  # rels written or removed by this command
        self.touched_areas: set[str] = set()
        self._clear()

    # --- visits ------------------------------------------------------------------------------

    def folder_keys(self) -> dict[str, str]:
        return dict(self._rows("SELECT path, skey FROM folder"))

    def keys_in(self, area: str) -> dict[str, str]:
        """rel -> kept stat key of every entry last seen in area."""
        if self.ahead is not None and area and self.ahead.first <= area <= self.ahead.last:
            return self.ahead.keys(area)
        return dict(self._rows("SELECT rel, skey FROM visit WHERE area=?", (area,)))

    def area_digests(self, first: str, last: str) -> dict[str, str]:
        """area -> digest (area_digest) of the areas first..last that hold rows."""
        return dict(self._rows("SELECT area, digest FROM area WHERE area BETWEEN ? AND ?", (first, last)))

    def outside_keys(self, start: str, end: str, first: str, last: str) -> list[tuple[str, str]]:
        """(rel, kept stat key) of the visits dated start..end filed outside the areas first..last."""
        return self._rows("SELECT rel, skey FROM visit WHERE date BETWEEN ? AND ? AND (area < ? OR area > ?) "
                          "ORDER BY rel", (start, end, first, last))

    def read_ahead(self, first: str, last: str) -> None:
        """Read the rows of the month folders first..last (areas, in order) at once: they serve
        both the comparison of those folders' listings (keys_in) and the window's rows
        (window_rows), so that a year's 100,000 rows are read once, not twice."""
        self.ahead = _Ahead(first, last, self._rows(f"SELECT {_COLUMNS} FROM visit WHERE area BETWEEN ? AND ?",
                                                    (first, last)))

    def area_rows(self, area: str, start: str, end: str) -> list[tuple]:
        """The rows of one month folder dated start..end."""
        return self._rows(f"SELECT {_COLUMNS} FROM visit WHERE area=? AND date BETWEEN ? AND ?", (area, start, end))

    def count_in_areas(self, first: str, last: str) -> int:
        """How many entries the index holds in the month folders first..last."""
        return self._rows("SELECT count(*) FROM visit WHERE area BETWEEN ? AND ?", (first, last))[0][0]

    def window_rows(self, start: str, end: str, person: str | None = None) -> list[tuple]:
        """visits_between(start, end, person), from the rows read ahead where they still stand:
        those written since (touched) are read again, and those of other folders asked for."""
        ahead = self.ahead
        if ahead is None:
            return self.visits_between(start, end, person)
        touched, areas = self.touched, self.touched_areas
        out = [r for r in ahead.rows if r[DATE] is not None and start <= r[DATE] <= end
               and (person is None or r[PERSON] == person) and r[REL] not in touched and r[AREA] not in areas]
        outside = (f"SELECT {_COLUMNS} FROM visit WHERE date BETWEEN ? AND ? AND (area < ? OR area > ?)"
                   + (" AND person=?" if person is not None else ""))
        out += self._rows(outside, (start, end, ahead.first, ahead.last, *([person] if person is not None else [])))
        out += [r for r in self._by_rel(sorted(touched)) if ahead.first <= r[AREA] <= ahead.last
                and r[DATE] is not None and start <= r[DATE] <= end and (person is None or r[PERSON] == person)]
        return out

    def _by_rel(self, rels: list[str]) -> list[tuple]:
        return self._rows_of(f"SELECT {_COLUMNS} FROM visit WHERE", rels)

    def keys_of(self, rels) -> list[tuple[str, str]]:
        """(rel, kept stat key) of the named entries that the index holds."""
        return self._rows_of("SELECT rel, skey FROM visit WHERE", rels)

    def _rows_of(self, query: str, rels) -> list[tuple]:
        """`query … rel IN (rels)`'s rows, asked 500 names at a time (SQLite's bound on
        parameters)."""
        names = list(rels)
        out = []
        for i in range(0, len(names), 500):
            part = names[i:i + 500]
            out += self._rows(f"{query} rel IN ({','.join('?' * len(part))})", tuple(part))
        return out

    def forget(self, rels) -> None:
        self.gone.extend(rels)

    def forget_area(self, area: str) -> None:
        self.gone_areas.append(area)

    def listed(self, folder: str, key: str) -> None:
        self.folders[folder] = key

    def visits_between(self, start: str | None, end: str | None, person: str | None = None) -> list[tuple]:
        """Rows (VISIT_COLUMNS) of the parsed visits dated start..end (ISO dates; None: all),
        of one person when given."""
        if start is None:
            return self._rows(f"SELECT {_COLUMNS} FROM visit WHERE date IS NOT NULL")
        if person is not None:
            return self._rows(f"SELECT {_COLUMNS} FROM visit WHERE date BETWEEN ? AND ? AND person=?",
                              (start, end, person))
        return self._rows(_BETWEEN, (start, end))

    def defer(self) -> bool:
        """Drop the DEFERRED indexes when the visit table is empty (a first check, about to
        write every row): build() makes them after. The check then also writes every visit's
        row as judged against its lists with no cross-record error, and updates the few rows
        that have one once it has judged their month (a million updates cost 5 s): until then
        (filled()) its process is named in meta, and another command opening the index reads
        the files instead (open_db). False when there are rows already."""
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                if self.db.execute("SELECT 1 FROM visit LIMIT 1").fetchone() is not None:
                    return False
                for name in DEFERRED:
                    self.db.execute(f"DROP INDEX IF EXISTS {name}")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)",
                                (FILLING, f"{os.getpid()} {int(time.time())}"))
        except sqlite3.Error:
            return False
        return True

    def filled(self) -> None:
        """A first check has judged every month and written its counts: its rows are true."""
        try:
            with self.db:
                self.db.execute("BEGIN IMMEDIATE")
                self.db.execute("DELETE FROM meta WHERE key=?", (FILLING,))
        except sqlite3.Error as e:
            raise Broken(str(e)) from None

    def build(self, names=DEFERRED) -> None:
        """Make the named deferred indexes again (see defer); an index busy past the timeout
        is left as it is (every query is still answered, and the next open builds them)."""
        try:
            missing = _missing(self.db) or set()
        except sqlite3.Error:
            return
        if missing.intersection(names):
            self._execute(f"PRAGMA cache_size=-{BULK_CACHE_KB}")
            _build(self.db, [name for name in names if name in missing])

    def made(self) -> str | None:
        """The mark written when this index was made (meta 'made'), None when there is none."""
        try:
            row = self.db.execute(_MADE).fetchone()
        except sqlite3.Error:
            return None
        return row[0] if row else None

    def file(self) -> str | None:
        """The index's file, None when it lives in memory."""
        try:
            rows = self.db.execute("PRAGMA database_list").fetchall()
        except sqlite3.Error:
            return None
        return next((path for _, name, path in rows if name == "main" and path), None)

    def proposals_between(self, start: str | None, end: str | None, rels=None) -> list[tuple]:
        """(rel, person, unit, date, props JSON) of the visits with proposals dated start..end
        (None: all), or of the visit files named (rels)."""
        columns = "SELECT rel, person, unit, date, props FROM visit WHERE props IS NOT NULL"
        if rels is not None:
            return self._rows_of(f"{columns} AND", rels)
        if start is None:
            return self._rows(columns)
        return self._rows(f"{columns} AND date BETWEEN ? AND ?", (start, end))

    def rels_with_key(self, key: str) -> list[str]:
        """The visit files holding a proposal whose short key is key (rules/proposals.short_key)."""
        return [rel for (rel,) in self._rows("SELECT rel FROM visit WHERE key1=? UNION SELECT rel FROM visit "
                                             "WHERE key2=? UNION SELECT rel FROM visit WHERE key3=?", (key,) * 3)]

    def with_cross(self, lists: str) -> list[tuple]:
        """Rows (VISIT_COLUMNS) with cross-record errors when judged against these lists."""
        return self._rows(f"SELECT {_COLUMNS} FROM visit WHERE cross > 0 AND lists=?", (lists,))

    def judged(self, rows: dict[str, tuple[int, str]]) -> None:
        """rel -> (cross-record errors, lists digest) for rows judged again (see with_cross)."""
        self.rejudged.update(rows)

    def months(self) -> list[str]:
        """'YYYY-MM' of every month with a dated visit, in order."""
        return [m for (m,) in self._rows("SELECT DISTINCT substr(date, 1, 7) FROM visit WHERE date IS NOT NULL "
                                          "ORDER BY 1")]

    def with_diags(self) -> list[tuple]:
        """Rows (VISIT_COLUMNS) of the entries that have diagnostics (few: a partial index)."""
        return self._rows(f"SELECT {_COLUMNS} FROM visit WHERE diags IS NOT NULL")

    # --- whole files and answers -------------------------------------------------------------

    def record(self, rel: str, key: tuple):
        """The value kept for a list or submission file with this stat key, or None."""
        rows = self._rows("SELECT value FROM record WHERE rel=? AND skey=?", (rel, skey(key)))
        return _unpickle(rows[0][0]) if rows else None

    def put_record(self, rel: str, key: tuple, value) -> None:
        self.records[rel] = (skey(key), pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def keep_records(self, rels) -> None:
        """Forget the list and submission files that are gone."""
        keep = set(rels)
        self.gone_records = [rel for (rel,) in self._rows("SELECT rel FROM record") if rel not in keep]

    def has_answer(self, name: str, key: str) -> bool:
        return bool(key) and bool(self._rows("SELECT 1 FROM answer WHERE name=? AND key=?", (name, key)))

    def answer(self, name: str, key: str):
        rows = self._rows("SELECT value FROM answer WHERE name=? AND key=?", (name, key)) if key else []
        return _unpickle(rows[0][0]) if rows else None

    def answer_key(self, name: str) -> str | None:
        """The key an answer is kept under, None when none is."""
        rows = self._rows("SELECT key FROM answer WHERE name=?", (name,))
        return rows[0][0] if rows else None

    def answer_entry(self, name: str) -> tuple[str, object] | None:
        """(key, answer) of the answer kept under name, whatever its key; None when none is."""
        rows = self._rows("SELECT key, value FROM answer WHERE name=?", (name,))
        return (rows[0][0], _unpickle(rows[0][1])) if rows else None

    def put_answer(self, name: str, key: str, value) -> None:
        if key:
            self.answers[name] = (key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    # --- writing -----------------------------------------------------------------------------

    def save(self, strict: bool = False) -> None:
        """Everything gathered, in one transaction; skipped (not an error) when the index is
        busy past the timeout or cannot be written — unless strict (the caller reads the rows
        back and has kept no other copy): Broken then."""
        if self.rejudged:  # fresh rows take their judgement with them; the others are updated
            self.pending_visits = [with_cross(r, *self.rejudged.pop(r[REL])) if r[REL] in self.rejudged else r
                                   for r in self.pending_visits]
        if len(self.pending_visits) > BULK_ROWS:
            # A batch of a first check: a larger page cache keeps the indexes' pages between
            # inserts (a quarter less time); only then, so that a report's RSS is unchanged.
            self._execute(f"PRAGMA cache_size=-{BULK_CACHE_KB}")
        work = [(sql, rows) for sql, rows in self._statements() if rows]
        changed = self._changed_areas()
        if self.ahead is not None:  # what the rows read ahead no longer show (window_rows reads these again)
            self.touched.update(r[REL] for r in self.pending_visits)
            self.touched.update(self.gone)
            self.touched.update(self.rejudged)
            self.touched_areas.update(self.gone_areas)
        if work:
            try:
                with self.db:
                    self.db.execute("BEGIN IMMEDIATE")
                    for sql, rows in work:
                        self.db.executemany(sql, rows)
                    self._digest_areas(changed)
            except (sqlite3.Error, OSError) as e:
                if strict:
                    raise Broken(str(e)) from None
        self._clear()

    def _changed_areas(self) -> set[str]:
        """The areas whose rows this save adds, replaces or removes."""
        from dukcli.store.refresh import area_of

        return {r[AREA] for r in self.pending_visits} | {area_of(rel) for rel in self.gone} | set(self.gone_areas)

    def _digest_areas(self, areas: set[str]) -> None:
        """Each changed area's digest, from its rows as this transaction leaves them."""
        for area in sorted(areas):
            pairs = self.db.execute("SELECT rel, skey FROM visit WHERE area=? ORDER BY rel", (area,)).fetchall()
            if pairs:
                self.db.execute("INSERT OR REPLACE INTO area VALUES (?,?)", (area, area_digest(pairs)))
            else:
                self.db.execute("DELETE FROM area WHERE area=?", (area,))

    def _statements(self) -> list[tuple[str, list]]:
        return [
            ("DELETE FROM visit WHERE rel=?", [(rel,) for rel in self.gone]),
            ("DELETE FROM visit WHERE area=?", [(a,) for a in self.gone_areas]),
            ("DELETE FROM folder WHERE path=?", [(a,) for a in self.gone_areas]),
            (_INSERT, self.pending_visits),
            ("UPDATE visit SET cross=?, lists=? WHERE rel=?",
             [(n, lists, rel) for rel, (n, lists) in self.rejudged.items()]),
            ("INSERT OR REPLACE INTO folder VALUES (?,?)", list(self.folders.items())),
            ("DELETE FROM record WHERE rel=?", [(rel,) for rel in self.gone_records]),
            ("INSERT OR REPLACE INTO record VALUES (?,?,?)", [(rel, k, v) for rel, (k, v) in self.records.items()]),
            # "slot | detail": one kept answer per slot (a command and its period), whatever the
            # detail (--as-of, which changes every day), so that answers do not pile up.
            ("DELETE FROM answer WHERE substr(name, 1, ?) = ? AND name != ?",
             [(len(n.split(" | ")[0]) + 3, n.split(" | ")[0] + " | ", n) for n in self.answers if " | " in n]),
            ("INSERT OR REPLACE INTO answer VALUES (?,?,?)", [(n, k, v) for n, (k, v) in self.answers.items()]),
        ]

    def _execute(self, sql: str) -> None:
        try:
            self.db.execute(sql)
        except sqlite3.Error:
            pass

    def _clear(self) -> None:
        self.pending_visits: list[tuple] = []
        self.gone: list[str] = []
        self.gone_areas: list[str] = []
        self.rejudged: dict[str, tuple[int, str]] = {}
        self.folders: dict[str, str] = {}
        self.records: dict[str, tuple[str, bytes]] = {}
        self.answers: dict[str, tuple[str, bytes]] = {}
        self.gone_records: list[str] = []

    def close(self) -> None:
        try:
            self.db.close()
        except sqlite3.Error:
            pass

    def _rows(self, sql: str, args: tuple = ()) -> list:
        """A query's rows. An index that fails under it (corrupted meanwhile) raises Broken: the
        loader then starts again from the files, never from half an answer."""
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as e:
            raise Broken(str(e)) from None


class _Ahead:
    """Rows read ahead for the month folders first..last (Index.read_ahead)."""

    def __init__(self, first: str, last: str, rows: list[tuple]):
        self.first, self.last, self.rows = first, last, rows
        self._keys: dict[str, dict[str, str]] | None = None

    def keys(self, area: str) -> dict[str, str]:
        """rel -> kept stat key of the rows of one area (a fresh dict: the caller pops from it)."""
        if self._keys is None:
            self._keys = {}
            for r in self.rows:
                self._keys.setdefault(r[AREA], {})[r[REL]] = r[SKEY]
        return dict(self._keys.get(area, ()))


class Broken(Exception):
    """The index failed while being read."""


def discard(root: Path) -> None:
    """Remove the folder's index (it failed while being read): the next open builds a new one."""
    folder = private_dir(root)
    if folder is not None:
        _remove(folder / NAME)


def _unpickle(blob: bytes):
    import io

    try:
        return RecordsOnly(io.BytesIO(blob)).load()
    except Exception:
        return None
