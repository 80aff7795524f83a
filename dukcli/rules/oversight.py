"""Article 6.1 and Articles 2–3 (SPEC §5): quarterly report deadlines, the agenda of what is
still owed, and the yearly scorecard.

Pure functions over a Dataset; nothing here reads files or prints.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dukcli import model as m
from dukcli.dates import month_end
from dukcli.periods import Period, quarter_of
from dukcli.rules import quota
from dukcli.text import name_key

REPORT_WORDS = {"dung-han": "Đúng hạn", "tre-han": "Trễ hạn", "chua-nop": "Chưa nộp"}

# How bad an Article 4 status is, to give one status to a person who held both roles in a year.
_BADNESS = ("khong-ap-dung", "dat", "dung-tien-do", "dang-thuc-hien", "cham-tien-do", "chua-dat")


# --- quarterly reports -------------------------------------------------------------------

def due_date(config: m.Config, quarter: Period) -> dt.date:
    """`due-day` of the quarter's last month, clamped to that month's length (31 -> 30 June)."""
    last = month_end(quarter.year, quarter.last_month)
    return last.replace(day=min(max(config.due_day, 1), last.day))


def quarters_in(period: Period) -> list[Period]:
    """The quarters wholly inside a period (none for a single month)."""
    quarters = [Period("Q", period.year, n) for n in range(1, 5)]
    return [q for q in quarters if period.start <= q.start and q.end <= period.end]


def owes(ds: m.Dataset, person: str, quarter: Period) -> bool:
    """A person owes a quarter's report when some assignment of theirs is in force during it."""
    return any(a.person == person and quota.in_force_during(a, quarter.start, quarter.end)
               for a in ds.assignments)


def owers(ds: m.Dataset, quarter: Period) -> list[str]:
    """Everyone who owes the quarter's report, in Vietnamese order by given name."""
    ids = {a.person for a in ds.assignments if quota.in_force_during(a, quarter.start, quarter.end)}
    return sorted(ids, key=lambda p: (name_key(ds.person_name(p)), p))


def received(ds: m.Dataset, person: str, quarter: Period, as_of: dt.date | None = None) -> m.Submission | None:
    """The first submission of that person for that quarter (up to as_of when given)."""
    found = [s for s in ds.submissions if s.person == person and s.period == quarter.code
             and (as_of is None or s.date <= as_of)]
    return min(found, key=lambda s: s.date) if found else None


@dataclass(frozen=True)
class ReportRow:
    person: str
    name: str
    received: dt.date | None
    status: str  # dung-han | tre-han | chua-nop
    days_late: int  # late by (received − due), or overdue so far (as_of − due) when missing; else 0
    overdue: bool  # missing and the deadline has passed

    def as_json(self) -> dict:
        return {"person": self.person, "name": self.name,
                "received": self.received.isoformat() if self.received else None,
                "status": self.status, "days_late": self.days_late, "overdue": self.overdue}


def report_row(ds: m.Dataset, person: str, quarter: Period, as_of: dt.date) -> ReportRow:
    due = due_date(ds.config, quarter)
    sub = received(ds, person, quarter, as_of)
    name = ds.person_name(person)
    if sub is None:
        late = max((as_of - due).days, 0)
        return ReportRow(person, name, None, "chua-nop", late, late > 0)
    if sub.date <= due:
        return ReportRow(person, name, sub.date, "dung-han", 0, False)
    return ReportRow(person, name, sub.date, "tre-han", (sub.date - due).days, False)


def report_word(r: ReportRow) -> str:
    """The status as a table shows it: how late, or how overdue."""
    if r.status == "tre-han":
        return f"Trễ hạn ({r.days_late} ngày)"
    if r.status == "chua-nop" and r.overdue:
        return f"Chưa nộp (quá hạn {r.days_late} ngày)"
    return REPORT_WORDS[r.status]


@dataclass(frozen=True)
class ReportStatus:
    period: Period
    due: dt.date
    as_of: dt.date
    rows: tuple[ReportRow, ...]

    def as_json(self) -> dict:
        return {"period": self.period.as_json(), "due": self.due.isoformat(), "as_of": self.as_of.isoformat(),
                "rows": [r.as_json() for r in self.rows]}

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)


def report_status(ds: m.Dataset, quarter: Period, as_of: dt.date) -> ReportStatus:
    """Every person who owes the quarter's report: on time, late, or not yet (as of a day)."""
    rows = tuple(report_row(ds, p, quarter, as_of) for p in owers(ds, quarter))
    return ReportStatus(quarter, due_date(ds.config, quarter), as_of, rows)


# --- the agenda --------------------------------------------------------------------------

@dataclass(frozen=True)
class VisitDue:
    person: str
    name: str
    unit: str
    unit_name: str
    month: str
    meeting_day: int | None
    days_left: int
    visits: int
    needed: int

    def as_json(self) -> dict:
        return {"person": self.person, "name": self.name, "unit": self.unit, "unit_name": self.unit_name,
                "month": self.month, "meeting_day": self.meeting_day, "days_left": self.days_left,
                "visits": self.visits, "needed": self.needed}


@dataclass(frozen=True)
class Behind:
    person: str
    name: str
    visits_ytd: int
    expected: int
    target_year: int

    def as_json(self) -> dict:
        return {"person": self.person, "name": self.name, "visits_ytd": self.visits_ytd,
                "expected": self.expected, "target_year": self.target_year}


@dataclass(frozen=True)
class ReportDue:
    person: str
    name: str
    period: Period
    due: dt.date
    days_left: int  # negative when the deadline has passed

    def as_json(self) -> dict:
        return {"person": self.person, "name": self.name, "period": self.period.code,
                "due": self.due.isoformat(), "days_left": self.days_left}


@dataclass(frozen=True)
class Agenda:
    as_of: dt.date
    visits_due: tuple[VisitDue, ...]
    behind: tuple[Behind, ...]
    reports_due: tuple[ReportDue, ...]

    def as_json(self) -> dict:
        return {"as_of": self.as_of.isoformat(),
                "visits_due": [r.as_json() for r in self.visits_due],
                "behind": [r.as_json() for r in self.behind],
                "reports_due": [r.as_json() for r in self.reports_due]}


def visits_due(ds: m.Dataset, as_of: dt.date) -> list[VisitDue]:
    """theo-doi pairs whose current month is covered and not yet met (the quota engine's
    'pending' state for the month of as_of)."""
    month = Period("M", as_of.year, as_of.month)
    left = (month_end(as_of.year, as_of.month) - as_of).days
    out = []
    for r in quota.compute(ds, month, as_of).rows:
        if isinstance(r, quota.TheoDoiRow) and r.months[0].state == "pending":
            unit = ds.units.get(r.unit)
            out.append(VisitDue(r.person, r.name, r.unit, r.unit_name, r.months[0].month,
                                unit.meeting_day if unit else None, left, r.months[0].visits, ds.config.per_month))
    return out


def behind(ds: m.Dataset, as_of: dt.date) -> list[Behind]:
    """phu-trach members whose visits so far this year are under the pace expected by the end
    of the current quarter."""
    rows = quota.compute(ds, quarter_of(as_of), as_of).rows
    return [Behind(r.person, r.name, r.visits_ytd, r.expected, r.target_year)
            for r in rows if isinstance(r, quota.PhuTrachRow) and r.visits_ytd < r.expected]


def reports_due(ds: m.Dataset, as_of: dt.date, days: int) -> list[ReportDue]:
    """The current quarter's reports not yet received whose deadline is at most `days` days
    away (a deadline already passed within the quarter is listed too, with days_left < 0)."""
    quarter = quarter_of(as_of)
    due = due_date(ds.config, quarter)
    left = (due - as_of).days
    if left > days:
        return []
    return [ReportDue(p, ds.person_name(p), quarter, due, left)
            for p in owers(ds, quarter) if received(ds, p, quarter, as_of) is None]


def agenda(ds: m.Dataset, as_of: dt.date, days: int = 14, person: str | None = None) -> Agenda:
    def mine(rows):
        return tuple(r for r in rows if person is None or r.person == person)

    return Agenda(as_of, mine(visits_due(ds, as_of)), mine(behind(ds, as_of)), mine(reports_due(ds, as_of, days)))


# --- the calendar ------------------------------------------------------------------------

@dataclass(frozen=True)
class Meeting:
    person: str
    name: str
    role: str
    unit: str
    unit_name: str
    day: dt.date

    @property
    def uid(self) -> str:
        """Stable across runs, so a phone calendar updates an event instead of doubling it."""
        return f"{self.day:%Y%m%d}-{self.person}-{self.unit}@duk"


def add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = month_end(year, month + 1)
    return dt.date(year, month + 1, min(day.day, last.day))


def meeting_on(meeting_day: int | None, year: int, month: int) -> dt.date | None:
    """A unit's regular meeting in a month; a day past the month's end falls on its last day."""
    if meeting_day is None:
        return None
    last = month_end(year, month)
    return dt.date(year, month, min(meeting_day, last.day))


def meetings(ds: m.Dataset, as_of: dt.date, months: int = 3, person: str | None = None) -> list[Meeting]:
    """The meetings, from as_of up to (not including) the same day `months` months later, of the
    units each person is assigned to on the meeting's day: one per person and meeting."""
    until = add_months(as_of, months)
    out: dict[tuple, Meeting] = {}
    for a in ds.assignments:
        if person is not None and a.person != person:
            continue
        for uid in a.units:
            unit = ds.units.get(uid)
            if unit is None:
                continue
            for k in range(months + 1):
                first = add_months(as_of.replace(day=1), k)
                day = meeting_on(unit.meeting_day, first.year, first.month)
                if day is None or not as_of <= day < until or not a.in_force(day) or not unit.exists_on(day):
                    continue
                meeting = Meeting(a.person, ds.person_name(a.person), a.role, uid, unit.name, day)
                out.setdefault((a.person, uid, day), meeting)
    return sorted(out.values(), key=lambda x: (x.day, name_key(x.name), x.person, x.unit))


# --- the yearly scorecard ----------------------------------------------------------------

OVERALL_WORDS = {"hoan-thanh": "Hoàn thành", "chua-hoan-thanh": "Chưa hoàn thành",
                 "dang-thuc-hien": "Đang thực hiện"}


@dataclass(frozen=True)
class ScoreRow:
    """One role a person held in the year (a person who changed role has one row for each)."""
    person: str
    name: str
    role: str
    roles: tuple[str, ...]  # every role the person held in the year
    met: int | None  # theo-doi: covered months met, summed over units
    required: int | None  # theo-doi: covered months
    visits: int  # this role's counting visits in the year
    target: int | None  # phu-trach: target for the year
    reports: dict  # "2019Q1" -> dung-han | tre-han | chua-nop | None (not owed)
    status: str  # this role's Article 4 result for the year (quota.STATUS_WORDS)
    overall: str  # the person's yearly criterion: hoan-thanh | chua-hoan-thanh | dang-thuc-hien

    def as_json(self) -> dict:
        return {"person": self.person, "name": self.name, "role": self.role, "roles": list(self.roles),
                "met": self.met, "required": self.required, "visits": self.visits, "target": self.target,
                "reports": dict(self.reports), "status": self.status, "overall": self.overall}

    def report_count(self, status: str) -> int:
        return sum(1 for v in self.reports.values() if v == status)


@dataclass(frozen=True)
class Scorecard:
    year: int
    as_of: dt.date
    rows: tuple[ScoreRow, ...]

    def as_json(self) -> dict:
        return {"year": self.year, "as_of": self.as_of.isoformat(), "rows": [r.as_json() for r in self.rows]}


def worst(statuses: list[str]) -> str:
    return max(statuses, key=_BADNESS.index) if statuses else "khong-ap-dung"


def overall(year_ended: bool, statuses: list[str], reports: list[str], overdue: list[bool]) -> str:
    """SPEC §5 scorecard: Article 4 and every quarterly report on time. Failed as soon as a
    month is missed, a target can no longer be met, or a report came late or not by its due day."""
    if "chua-dat" in statuses or "tre-han" in reports or any(overdue):
        return "chua-hoan-thanh"
    if year_ended and all(s in ("dat", "khong-ap-dung") for s in statuses) and all(
            r in ("dung-han", None) for r in reports):
        return "hoan-thanh"
    return "dang-thuc-hien"


def scorecard(ds: m.Dataset, year: int, as_of: dt.date) -> Scorecard:
    """Article 6.1's yearly criterion: a row per person and role (each counting only that
    role's visits), the four quarterly reports, and the person's overall result."""
    period = Period("Y", year, 0)
    result = quota.compute(ds, period, as_of)
    quarters = [Period("Q", year, n) for n in range(1, 5)]
    rows = []
    for person in owers(ds, period):
        mine = [r for r in result.rows if r.person == person]
        td = [r for r in mine if isinstance(r, quota.TheoDoiRow)]
        pt = [r for r in mine if isinstance(r, quota.PhuTrachRow)]
        roles = tuple(role for role in m.ROLES if any(r.role == role for r in mine))
        owed = {q.code: report_row(ds, person, q, as_of).status if owes(ds, person, q) else None for q in quarters}
        overdue = [state == "chua-nop" and as_of > due_date(ds.config, q) for q, state in zip(quarters, owed.values())]
        by_role: dict[str, tuple] = {}
        if pt:
            by_role["phu-trach"] = (None, None, pt[0].visits_ytd, pt[0].target_year, pt[0].status)
        if td:
            by_role["theo-doi"] = (sum(r.met for r in td), sum(r.required for r in td), sum(r.visits for r in td),
                                   None, quota.theo_doi_status([s.state for r in td for s in r.months]))
        verdict = overall(as_of > period.end, [v[4] for v in by_role.values()], list(owed.values()), overdue)
        for role, (met, required, visits, target, status) in by_role.items():
            rows.append(ScoreRow(person, ds.person_name(person), role, roles, met, required, visits, target,
                                 owed, status, verdict))
    return Scorecard(year, as_of, tuple(rows))
