"""Article 4 of the regulation (SPEC §4): who met the minimum frequency, month by month.

Pure functions over a Dataset; nothing here reads files or prints.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
from collections import defaultdict
from dataclasses import dataclass

from dukcli import model as m
from dukcli import words
from dukcli.dates import month_end, overlaps
from dukcli.periods import Period
from dukcli.text import name_key, sort_key

STATUS_WORDS = words.STATUS  # the catalogue's, named here for the modules that show rows
STATE_MARKS = words.MONTH_MARKS


@dataclass(frozen=True)
class MonthState:
    month: str  # YYYY-MM
    state: str  # met | missed | pending | not-required
    visits: int

    def as_json(self) -> dict:
        return {"month": self.month, "state": self.state, "visits": self.visits}


@dataclass(frozen=True)
class TheoDoiRow:
    person: str
    name: str
    unit: str
    unit_name: str
    months: tuple[MonthState, ...]
    visits: int
    required: int
    met: int
    status: str
    role: str = "theo-doi"

    @property
    def missed(self) -> int:
        return sum(1 for s in self.months if s.state == "missed")

    @property
    def pending(self) -> int:
        return sum(1 for s in self.months if s.state == "pending")

    def as_json(self) -> dict:
        return {"person": self.person, "name": self.name, "role": self.role, "unit": self.unit,
                "unit_name": self.unit_name, "months": [s.as_json() for s in self.months],
                "visits": self.visits, "required": self.required, "met": self.met, "status": self.status}


@dataclass(frozen=True)
class PhuTrachRow:
    person: str
    name: str
    visits: int
    visits_ytd: int
    target_year: int
    expected: int
    status: str
    role: str = "phu-trach"

    def as_json(self) -> dict:
        return {"person": self.person, "name": self.name, "role": self.role, "unit": None,
                "unit_name": None, "visits": self.visits, "visits_ytd": self.visits_ytd,
                "target_year": self.target_year, "expected": self.expected, "status": self.status}


@dataclass(frozen=True)
class QuotaResult:
    period: Period
    as_of: dt.date
    rows: tuple

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "as_of": self.as_of.isoformat(),
                "rows": [r.as_json() for r in self.rows]}


# --- building blocks ---------------------------------------------------------------------

def mid_month(year: int, month: int) -> dt.date:
    """The day that decides who is responsible for a month (SPEC §4: the 15th)."""
    return dt.date(year, month, 15)


def covers(ds: m.Dataset, a: m.Assignment, unit_id: str, year: int, month: int) -> bool:
    """The assignment covers month M for the unit: both in force on the 15th."""
    day = mid_month(year, month)
    unit = ds.units.get(unit_id)
    return unit_id in a.units and a.in_force(day) and unit is not None and unit.exists_on(day)


def counts_toward(a: m.Assignment, counted_unit: str, day: dt.date) -> bool:
    """SPEC §4 "Which visits count", the one definition: the visit's unit (a chi bộ trực thuộc
    rolled up to its parent) is one of the assignment's, in force on the visit's day."""
    return counted_unit in a.units and a.in_force(day)


def counts_for(ds: m.Dataset, v: m.Visit, assignments=None) -> list[m.Assignment]:
    """The assignments a visit counts for (among `assignments`, else the person's all)."""
    target = ds.counted_unit(v.unit)
    pool = ds.assignments if assignments is None else assignments
    return [a for a in pool if a.person == v.person and counts_toward(a, target, v.date)]


def in_force_during(a: m.Assignment, start: dt.date, end: dt.date) -> bool:
    return overlaps(a.start, a.end, start, end)


def months_of(year: int, first: int, last: int) -> list[tuple[int, int]]:
    return [(year, mo) for mo in range(first, last + 1)]


class _Index:
    """Visits by person (sorted by date) and assignments by person and role."""

    def __init__(self, ds: m.Dataset, as_of: dt.date, persons=None):
        self.visits: dict[str, list[m.Visit]] = defaultdict(list)
        for v in ds.visits:  # already sorted by date
            if v.date <= as_of:
                self.visits[v.person].append(v)
        self.dates = {p: [v.date for v in vs] for p, vs in self.visits.items()}
        self.assignments: dict[tuple[str, str], list[m.Assignment]] = defaultdict(list)
        for a in ds.assignments:
            if persons is None or a.person in persons:
                self.assignments[(a.person, a.role)].append(a)

    def between(self, person: str, start: dt.date, end: dt.date) -> list[m.Visit]:
        dates = self.dates.get(person, [])
        lo = bisect.bisect_left(dates, start)
        hi = bisect.bisect_right(dates, end)
        return self.visits[person][lo:hi]


def same_day_key(ds: m.Dataset, v: m.Visit) -> tuple:
    """SPEC §4: a person's visits to one unit on one day, after a chi bộ trực thuộc is rolled
    up to its parent, are one visit in every count."""
    return day_key(ds, v.person, v.unit, v.date)


def day_key(ds: m.Dataset, person: str, unit: str, day: dt.date) -> tuple:
    return person, ds.counted_unit(unit), day


def one_a_day(ds: m.Dataset, visits: list[m.Visit]) -> list[m.Visit]:
    """The visits with each person–unit–day once: the first file, holding the sections of all
    the day's files (a work visit and a meeting the same day are one visit with both parts)."""
    first: dict[tuple, m.Visit] = {}
    for v in visits:
        key = same_day_key(ds, v)
        seen = first.get(key)
        if seen is None:
            first[key] = v
        elif (seen.work is None and v.work is not None) or (seen.meeting is None and v.meeting is not None):
            first[key] = seen._replace(work=seen.work if seen.work is not None else v.work,
                                       meeting=seen.meeting if seen.meeting is not None else v.meeting)
    return list(first.values())


def _counting(ds: m.Dataset, visits: list[m.Visit], assignments: list[m.Assignment],
              unit_id: str | None = None) -> list[m.Visit]:
    """The visits that count for one of these assignments (and, if given, for this unit),
    each person–unit–day once."""
    out = []
    for v in visits:
        target = ds.counted_unit(v.unit)
        if unit_id is not None and target != unit_id:
            continue
        if any(counts_toward(a, target, v.date) for a in assignments):
            out.append(v)
    return one_a_day(ds, out)


# --- theo-doi ----------------------------------------------------------------------------

def month_state(covered: bool, visits: int, per_month: int, ended: bool) -> str:
    if not covered:
        return "not-required"
    if visits >= per_month:
        return "met"
    return "missed" if ended else "pending"


def theo_doi_status(states: list[str]) -> str:
    if "missed" in states:
        return "chua-dat"
    if "met" not in states and "pending" not in states:
        return "khong-ap-dung"
    if "pending" in states:
        return "dang-thuc-hien"
    return "dat"


def _by_unit(ds: m.Dataset, visits: list[m.Visit]) -> dict[str, list[m.Visit]]:
    """A person's visits by the unit they count for (a chi bộ trực thuộc rolled up), in order:
    each unit's row looks at its own visits only."""
    out: dict[str, list[m.Visit]] = defaultdict(list)
    for v in visits:
        out[ds.counted_unit(v.unit)].append(v)
    return out


def theo_doi_rows(ds: m.Dataset, period: Period, as_of: dt.date, index: _Index) -> list[TheoDoiRow]:
    pairs: dict[tuple[str, str], list[m.Assignment]] = defaultdict(list)
    for (person, role), assignments in index.assignments.items():
        if role != "theo-doi":
            continue
        for a in assignments:
            if in_force_during(a, period.start, period.end):
                for uid in a.units:
                    pairs[(person, uid)].append(a)
    rows = []
    by_unit: dict[str, dict[str, list[m.Visit]]] = {}
    for (person, uid), _ in pairs.items():
        if person not in by_unit:
            by_unit[person] = _by_unit(ds, index.between(person, period.start, period.end))
        mine = [a for a in index.assignments[(person, "theo-doi")] if uid in a.units]
        days = _counted_days(by_unit[person].get(uid, ()), mine)
        per_month: dict[tuple[int, int], int] = defaultdict(int)
        for day in days:
            per_month[(day.year, day.month)] += 1
        months = []
        for year, mo in period.months():
            covered = any(covers(ds, a, uid, year, mo) for a in mine)
            ended = as_of > month_end(year, mo)
            count = per_month.get((year, mo), 0)
            months.append(MonthState(f"{year}-{mo:02d}", month_state(covered, count, ds.config.per_month, ended), count))
        states = [s.state for s in months]
        required = sum(1 for s in states if s != "not-required")
        rows.append(TheoDoiRow(person, ds.person_name(person), uid, ds.unit_name(uid), tuple(months),
                               len(days), required, states.count("met"), theo_doi_status(states)))
    return rows


def _counted_days(visits, mine: list[m.Assignment]) -> set[dt.date]:
    """The days on which one person's visits to one unit count for one of `mine` (assignments of
    that unit): _counting for the case where only the count matters, the person and the unit
    being fixed — each counted visit is one day (one_a_day), and the unit needs no test."""
    return {v.date for v in visits if any(a.in_force(v.date) for a in mine)}


# --- phu-trach ---------------------------------------------------------------------------

def covered_months(ds: m.Dataset, assignments: list[m.Assignment], year: int, first: int, last: int) -> int:
    """c(a, b): months in which some phu-trach assignment covers some unit."""
    return sum(1 for y, mo in months_of(year, first, last)
               if any(covers(ds, a, uid, y, mo) for a in assignments for uid in a.units))


def scaled(per_year: int, months: int) -> int:
    return math.ceil(per_year * months / 12)


def phu_trach_status(period: Period, as_of: dt.date, ytd: int, expected: int, target: int) -> str:
    if as_of <= period.end:
        return "dung-tien-do" if ytd >= expected else "dang-thuc-hien"
    if (period.end.month, period.end.day) == (12, 31):
        return "dat" if ytd >= target else "chua-dat"
    return "dung-tien-do" if ytd >= expected else "cham-tien-do"


def phu_trach_rows(ds: m.Dataset, period: Period, as_of: dt.date, index: _Index) -> list[PhuTrachRow]:
    rows = []
    year = period.year
    for (person, role), mine in index.assignments.items():
        if role != "phu-trach" or not any(in_force_during(a, period.start, period.end) for a in mine):
            continue
        target = scaled(ds.config.per_year, covered_months(ds, mine, year, 1, 12))
        expected = scaled(ds.config.per_year, covered_months(ds, mine, year, 1, period.last_month))
        in_period = _counting(ds, index.between(person, period.start, period.end), mine)
        ytd = in_period if period.start == dt.date(year, 1, 1) else \
            _counting(ds, index.between(person, dt.date(year, 1, 1), period.end), mine)
        status = phu_trach_status(period, as_of, len(ytd), expected, target)
        rows.append(PhuTrachRow(person, ds.person_name(person), len(in_period), len(ytd), target, expected, status))
    return rows


# --- the table ---------------------------------------------------------------------------

def compute(ds: m.Dataset, period: Period, as_of: dt.date, persons=None) -> QuotaResult:
    """Every Article 4 row of the period: Standing Committee members first, then specialists,
    each in Vietnamese order by given name (and units by name). persons: the rows of those
    people only (ds may then hold their visits alone; see merged)."""
    index = _Index(ds, as_of, persons)
    return _ordered(period, as_of, [*phu_trach_rows(ds, period, as_of, index), *theo_doi_rows(ds, period, as_of, index)])


def merged(base: QuotaResult, fresh: QuotaResult, persons) -> QuotaResult:
    """base with the rows of persons replaced by fresh = compute(..., persons=persons). A
    person's rows depend on the lists and that person's own visits only: when nothing else
    changed since base was computed, this is compute() of the whole period, without reading
    the others' visits again (store/loader: after one new visit, its person's rows)."""
    kept = [r for r in base.rows if r.person not in persons]
    return _ordered(base.period, base.as_of, [*kept, *fresh.rows])


def _ordered(period: Period, as_of: dt.date, rows: list) -> QuotaResult:
    pt = sorted((r for r in rows if isinstance(r, PhuTrachRow)), key=lambda r: (name_key(r.name), r.person))
    td = sorted((r for r in rows if isinstance(r, TheoDoiRow)),
                key=lambda r: (name_key(r.name), r.person, sort_key(r.unit_name), r.unit))
    return QuotaResult(period, as_of, tuple(pt + td))
