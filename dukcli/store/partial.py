"""A kept answer brought up to date person by person (SPEC §9: after one new visit, the next
command is as fast as a warm one).

A year's Article 4 rows of one person depend on the lists and that person's visits alone
(rules/quota.merged). So an answer kept for the files as they were, beside a digest of each
person's rows in each month folder (the window's "people" note, kept with its checks under the
answer's key), is
brought up to date by reading the month folders whose area digest changed, telling from them
whose rows changed, and computing those people's rows again from their own visits. The
cross-checks are taken the same way: a visit's checks look at the lists and the files of its
person and day, so those of these people's visits in the months changed are made again, and
every other one stands. Anything else changed (a list, a record file, a visit filed outside the
window's folders, another day) and the answer is computed whole, as before.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter

from dukcli.store.index import AREA, DATE, PERSON, REL, SKEY, Index
from dukcli.store.refresh import RACY, Window

MOST_PEOPLE = 40  # beyond this many people changed, reading the year whole is as quick


@dataclass
class Partial:
    """What a load brought up to date by person (see the module's docstring)."""

    persons: frozenset  # whose rows were read, and must be computed again
    rows: list  # their visit rows of the window, in date and path order
    base: dict  # name -> the answer kept before, for each name asked and the window's checks
    areas: frozenset  # the month folders whose files changed
    standing: frozenset  # the files in them of the other people: unchanged, as are their checks
    note: dict  # the people note of this load (kept with the window's checks)

    def rechecked(self) -> list:
        """Their rows whose checks are made again: those dated in the months changed (a visit's
        checks look at the files of its person and day only: their other months' stand)."""
        months = {month_of(a) for a in self.areas}
        return [r for r in self.rows if r[DATE][:7] in months]


def note_name(window: Window) -> str:
    """Where the people note of a window's kept answers is kept (one per window)."""
    return f"people {window.start} {window.end}"


def note(parts: str, digests: dict, rows: list) -> dict:
    """The people note of answers made from these window rows: the digest of everything but the
    visits (parts), each month folder's area digest, and each person's rows in each of them."""
    return {"parts": parts, "areas": dict(digests), "people": people(rows), "untidy": untidy(rows)}


def people(rows: list) -> dict:
    """(area, person) -> a digest of that person's rows in that folder: their paths and stat
    keys, a key's mark of a file too recent to trust aside (the file is the same one once it
    settles)."""
    groups: dict[tuple, list] = defaultdict(list)
    for r in rows:
        groups[(r[AREA], r[PERSON])].append(f"{r[REL]}\t{r[SKEY].removeprefix(RACY)}\n")
    return {k: hashlib.blake2b("".join(sorted(v)).encode("utf-8", "surrogateescape"), digest_size=16).hexdigest()
            for k, v in groups.items()}


def untidy(rows: list) -> set:
    """The month folders holding a visit of the window dated in another month: their visits'
    checks belong to other months, which this module does not follow."""
    return {r[AREA] for r in rows if r[DATE][:7] != month_of(r[AREA])}


def month_of(area: str) -> str:
    """visits/2019/12 -> 2019-12."""
    return area[-7:].replace("/", "-")


def likely(index: Index, window: Window, names: tuple, day: str) -> bool:
    """A guess before listing: every answer asked and the people note are kept under one key of
    this day (then the rows are not read while the folders are listed)."""
    keys = {index.answer_key(n) for n in (*names, note_name(window))}
    return len(keys) == 1 and (keys.pop() or "").endswith("/" + day)


def by_person(index: Index, window: Window, names: tuple, day: str, parts: str, digests: dict) -> Partial | None:
    """The window's answers named, kept for earlier files, and what to compute again to bring
    them up to date (see the module's docstring); None when they must be computed whole.
    digests: the index's area digests of the window's month folders, as they are now."""
    found = {n: index.answer_entry(n) for n in (*names, note_name(window))}
    if any(e is None or e[1] is None for e in found.values()) or len({key for key, _ in found.values()}) != 1:
        return None
    key, kept = found.pop(note_name(window))
    if not key.endswith("/" + day) or not parts or kept["parts"] != parts:
        return None
    areas = frozenset(a for a in window.months if kept["areas"].get(a, "") != digests.get(a, ""))
    start, end = window.start.isoformat(), window.end.isoformat()
    fresh = sorted((r for a in sorted(areas) for r in index.area_rows(a, start, end)), key=itemgetter(DATE, REL))
    if untidy(fresh) or areas & set(kept["untidy"]):
        return None
    now = people(fresh)
    before = {k: v for k, v in kept["people"].items() if k[0] in areas}
    persons = frozenset(k[1] for k in set(now) | set(before) if now.get(k) != before.get(k))
    if len(persons) > MOST_PEOPLE:
        return None
    rows = sorted((r for p in sorted(persons) for r in index.visits_between(start, end, p)), key=itemgetter(DATE, REL))
    standing = frozenset(r[REL] for r in fresh if r[PERSON] not in persons)
    later = {"parts": parts, "areas": dict(digests),
             "people": {**{k: v for k, v in kept["people"].items() if k[0] not in areas}, **now},
             "untidy": set(kept["untidy"])}
    return Partial(persons, rows, {n: value for n, (_, value) in found.items()}, areas, standing, later)
