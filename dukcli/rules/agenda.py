"""Articles 2 and 3: what needs doing now — units not yet visited this month, Standing
Committee members behind their pace, reports soon due — and the calendar of cell meetings.
Pure functions over a Dataset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dukcli import model as m
from dukcli.dates import month_end
from dukcli.periods import Period, quarter_of
from dukcli.rules import follow, quota
from dukcli.rules.deadline import due_date, owers, received
from dukcli.text import name_key


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
    # SPEC §7: proposals open for more than OPEN_DAYS days, oldest first (rules/follow.Row).
    proposals_open: tuple[follow.Row, ...] = ()

    def as_json(self, each=None) -> dict:
        """each(rows, open_json): how the open proposals (possibly tens of thousands) are listed;
        the shell passes render/output.Each to write them as they are made."""
        return {"as_of": self.as_of.isoformat(),
                "visits_due": [r.as_json() for r in self.visits_due],
                "behind": [r.as_json() for r in self.behind],
                "reports_due": [r.as_json() for r in self.reports_due],
                "proposals_open": (each(self.proposals_open, open_json) if each
                                   else [open_json(r) for r in self.proposals_open])}


def open_json(r: follow.Row) -> dict:
    p = r.proposal
    return {"id": p.id, "key": r.key, "date": p.date.isoformat(), "unit": p.unit, "unit_name": r.unit_name,
            "person": p.person, "name": r.name, "field": p.field, "text": p.text, "status": r.status,
            "age": r.age}


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


# How far back agenda looks for proposals left open: from 1 January of the year before its day
# (one raised last year may well be open still). Older ones are for `duk proposals --open` and the
# reports: looking through every year would make agenda cost the folder's whole history (SPEC §9).
LOOK_BACK_YEARS = 1


def proposals_window(as_of: dt.date) -> tuple[dt.date, dt.date]:
    """The days of the proposals agenda looks at: raised from 1 January of the year before as_of
    up to OPEN_DAYS + 1 days before it (the younger ones cannot be open too long yet)."""
    from dukcli.rules.proposals import OPEN_DAYS

    return dt.date(as_of.year - LOOK_BACK_YEARS, 1, 1), as_of - dt.timedelta(days=OPEN_DAYS + 1)


def proposals_open(ds: m.Dataset, as_of: dt.date) -> list[follow.Row]:
    """The proposals of ds.proposals open for more than OPEN_DAYS days as of as_of (their steps
    from ds.responses), oldest first. ds.proposals must hold those of proposals_window(as_of)
    (store/proposals.raised_between): one raised last year may still be open."""
    return follow.left_open(ds, follow.as_of(ds.proposals, ds.responses, as_of), as_of)


def agenda(ds: m.Dataset, as_of: dt.date, days: int = 14, person: str | None = None) -> Agenda:
    def mine(rows):
        return tuple(r for r in rows if person is None or r.person == person)

    return Agenda(as_of, mine(visits_due(ds, as_of)), mine(behind(ds, as_of)), mine(reports_due(ds, as_of, days)),
                  tuple(r for r in proposals_open(ds, as_of) if person is None or r.proposal.person == person))


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
