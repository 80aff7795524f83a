"""Article 6.1: each person with an assignment reports every quarter, by the due day of the
quarter's last month (inclusive, clamped to the month's end). Who owes which report, when it
was received, and whether on time. Pure functions over a Dataset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dukcli import model as m
from dukcli import words
from dukcli.words import regulation as W
from dukcli.dates import month_end
from dukcli.periods import Period
from dukcli.rules import quota
from dukcli.text import name_key

REPORT_WORDS = words.REPORTS


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
    found = [s for s in ds.submissions_of(person, quarter.code) if as_of is None or s.date <= as_of]
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


def report_state(r: ReportRow) -> str:
    """The status with the deadline applied: a report not in yet is "chua-den-han" until its
    due day has passed (decided here, once, for every table and JSON that shows it)."""
    return "chua-den-han" if r.status == "chua-nop" and not r.overdue else r.status


def report_word(r: ReportRow) -> str:
    """The status as a table shows it: how late, or how overdue."""
    if r.status == "tre-han":
        return W.late_by(r.days_late)
    if r.status == "chua-nop" and r.overdue:
        return W.overdue_by(r.days_late)
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
