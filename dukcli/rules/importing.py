"""`duk import` (issue 13): rows of a sheet -> list records, every row judged before any is
taken. Pure: the shell reads the .xlsx or .csv into rows of values (str, int, float, date,
datetime or None) and hands them here with the lists as they are; records (fields in file
order) and problems (sheet row number, Vietnamese text) come back.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dukcli import match
from dukcli import model as m
from dukcli.rules.records import new_id
from dukcli.schema import valid_id
from dukcli.text import fold, nfc
from dukcli.words import ROLES, UNIT_TYPES
from dukcli.words import importing as W

KINDS = tuple(W.HEADERS)


@dataclass
class Result:
    records: list[dict] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)


def _text(value) -> str:
    """A cell as trimmed NFC text ("" for empty; 5.0 as "5")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, (dt.datetime, dt.date)):
        value = _day_of(value).isoformat()
    return nfc(str(value)).strip()


def _day_of(value) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def parse_day(value) -> dt.date | None:
    """A date cell: an Excel date, or text DD/MM/YYYY or YYYY-MM-DD. ValueError when not one."""
    if isinstance(value, (dt.datetime, dt.date)):
        return _day_of(value)
    text = _text(value)
    if not text:
        return None
    hit = _DMY.match(text)
    if hit:
        return dt.date(int(hit[3]), int(hit[2]), int(hit[1]))
    hit = _YMD.match(text)
    if hit:
        return dt.date(int(hit[1]), int(hit[2]), int(hit[3]))
    raise ValueError(text)


def columns(kind: str, header: list) -> tuple[dict[str, int], list[str]]:
    """field -> column index from the header row, and the problems with it."""
    aliases = {fold(a): name for name, words in W.HEADERS[kind].items() for a in words}
    ignored = {fold(a) for a in W.IGNORED}
    found: dict[str, int] = {}
    problems = []
    for i, cell in enumerate(header):
        heading = _text(cell)
        key = fold(heading)
        if not key or key in ignored:
            continue
        name = aliases.get(key)
        if name is None:
            problems.append(W.unknown_column(heading))
        elif name in found:
            problems.append(W.twice_column(heading))
        else:
            found[name] = i
    missing = [W.HEADERS[kind][n][0] for n in W.REQUIRED[kind] if n not in found]
    if missing:
        problems.append(W.missing_column(missing))
    return found, problems


def map_rows(kind: str, rows: list[tuple[int, list]], ds: m.Dataset) -> Result:
    """The records of `rows` (sheet row number, cells; the first is the header) for `kind`."""
    result = Result()
    rows = [(n, cells) for n, cells in rows if any(_text(c) for c in cells)]
    if not rows:
        return result
    (head_row, header), body = rows[0], rows[1:]
    cols, problems = columns(kind, header)
    if problems:
        result.problems = [(head_row, p) for p in problems]
        return result
    state = _State(kind, ds)
    for number, cells in body:
        cell = {name: (cells[i] if i < len(cells) else None) for name, i in cols.items()}
        try:
            result.records.append(state.take(cell))
        except _Bad as e:
            result.problems.append((number, str(e)))
    return result


class _Bad(Exception):
    pass


class _State:
    """What earlier rows added (ids, names), so later rows can refer to them."""

    def __init__(self, kind: str, ds: m.Dataset):
        self.kind = kind
        self.ds = ds
        self.heads = {n: w[0] for n, w in W.HEADERS[kind].items()}
        self.people = match.people(ds)
        self.units = match.units(ds)
        self.taken = {p.id for p in ds.person_list} if kind == "people" else {u.id for u in ds.unit_list}

    def take(self, cell: dict) -> dict:
        return getattr(self, "_" + self.kind)(cell)

    # --- cells ---------------------------------------------------------------------------------

    def text(self, cell, name, required=False) -> str | None:
        value = _text(cell.get(name))
        if "\n" in value or "\r" in value:
            raise _Bad(W.one_line(self.heads[name]))
        if not value and required:
            raise _Bad(W.missing_value(self.heads[name]))
        return value or None

    def day(self, cell, name, required=False) -> dt.date | None:
        try:
            value = parse_day(cell.get(name))
        except ValueError:
            raise _Bad(W.bad_date(self.heads[name], _text(cell.get(name)))) from None
        if value is None and required:
            raise _Bad(W.missing_value(self.heads[name]))
        return value

    def ident(self, cell, name: str) -> str:
        given = self.text(cell, "id")
        if given is not None:
            if not valid_id(given):
                raise _Bad(W.bad_id(given))
            if given in self.taken:
                raise _Bad(W.id_taken(given))
            return given
        made = new_id(name, self.taken)
        if not made:
            raise _Bad(W.no_id_from(name))
        return made

    def find(self, candidates, query: str, what: str, name: str) -> str:
        try:
            return match.find(query, candidates, what).id
        except match.MatchError as e:
            raise _Bad(f"'{self.heads[name]}': {e.message}") from None

    # --- kinds ---------------------------------------------------------------------------------

    def _people(self, cell) -> dict:
        name = self.text(cell, "name", required=True)
        pid = self.ident(cell, name)
        fields = {"id": pid, "name": name, "position": self.text(cell, "position"),
                  "department": self.text(cell, "department")}
        self.taken.add(pid)
        return fields

    def _units(self, cell) -> dict:
        name = self.text(cell, "name", required=True)
        kind = self.code(cell, "type", UNIT_TYPES, W.bad_type)
        parent = self.text(cell, "parent")
        parent_id = self.find(self.units, parent, W.UNIT_WORD, "parent") if parent else None
        day = self.meeting_day(cell)
        start = self.day(cell, "from")
        uid = self.ident(cell, name)
        self.taken.add(uid)
        self.units.append(match.Candidate(uid, name))
        return {"id": uid, "name": name, "type": kind, "parent": parent_id, "meeting-day": day, "from": start}

    def _assignments(self, cell) -> dict:
        person = self.find(self.people, self.text(cell, "person", required=True), W.PERSON_WORD, "person")
        role = self.code(cell, "role", ROLES, W.bad_role)
        named = [p.strip() for p in re.split(r"[,;\n]", self.text(cell, "units", required=True) or "")]
        units = [self.find(self.units, q, W.UNIT_WORD, "units") for q in named if q]
        if not units:
            raise _Bad(W.missing_value(self.heads["units"]))
        start = self.day(cell, "from", required=True)
        end = self.day(cell, "to")
        return {"person": person, "role": role, "units": list(dict.fromkeys(units)), "from": start, "to": end,
                "basis": self.text(cell, "basis")}

    def code(self, cell, name, table: dict, complaint) -> str:
        value = self.text(cell, name, required=True)
        key = fold(value)
        for code, words in table.items():
            if key in (fold(code), fold(words)):
                return code
        choices = "; ".join(f"{code} ({words})" for code, words in table.items())
        raise _Bad(complaint(value, choices))

    def meeting_day(self, cell) -> int | None:
        value = cell.get("meeting-day")
        text = _text(value)
        if not text:
            return None
        if not text.isdigit() or not 1 <= int(text) <= 31:
            raise _Bad(W.bad_meeting_day(text))
        return int(text)
