"""Article 6.1's yearly criterion: per person and role, Article 4 for the year and the four
quarterly reports, and the person's overall result. Pure functions over a Dataset.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dukcli import model as m
from dukcli import words
from dukcli.periods import Period
from dukcli.rules import feedback, quota
from dukcli.rules.deadline import owers, owes, report_row, report_state

# How bad an Article 4 status is, to give one status to a person who held both roles in a year.
_BADNESS = ("khong-ap-dung", "dat", "dung-tien-do", "dang-thuc-hien", "cham-tien-do", "chua-dat")


# --- the yearly scorecard ----------------------------------------------------------------

OVERALL_WORDS = words.OVERALL


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
    reports: dict  # "2019Q1" -> dung-han | tre-han | chua-nop (overdue) | chua-den-han | None (not owed)
    status: str  # this role's Article 4 result for the year (quota.STATUS_WORDS)
    overall: str  # the person's yearly criterion: hoan-thanh | chua-hoan-thanh | dang-thuc-hien
    # The base committees' statements about the person in the year up to as_of (Article 5.2),
    # as rules/feedback.as_json gives them; the same on each row of a person.
    feedback: tuple[dict, ...] = ()

    def as_json(self) -> dict:
        out = {"person": self.person, "name": self.name, "role": self.role, "roles": list(self.roles),
               "met": self.met, "required": self.required, "visits": self.visits, "target": self.target,
               "reports": dict(self.reports), "status": self.status, "overall": self.overall}
        if self.feedback:  # only when there is something: a year without statements reads as before
            out["feedback"] = [dict(f) for f in self.feedback]
        return out

    @property
    def said(self) -> str:
        """'2 (Tốt 1, Khá 1)': the statements received and their ratings."""
        from dukcli.rules.feedback import tally

        return tally([f["rating"] for f in self.feedback])

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


def scorecard(ds: m.Dataset, year: int, as_of: dt.date, persons=None) -> Scorecard:
    """Article 6.1's yearly criterion: a row per person and role (each counting only that
    role's visits), the four quarterly reports, and the person's overall result. persons: the
    rows of those people only (see merged)."""
    period = Period("Y", year, 0)
    result = quota.compute(ds, period, as_of, persons=persons)
    rows = []
    for person in owers(ds, period):
        if persons is None or person in persons:
            rows.extend(person_rows(ds, person, [r for r in result.rows if r.person == person], period, as_of))
    return Scorecard(year, as_of, tuple(rows))


def merged(ds: m.Dataset, base: Scorecard, fresh: Scorecard, persons) -> Scorecard:
    """base with the rows of persons replaced by fresh = scorecard(..., persons=persons): a
    person's rows depend on the lists, the records and that person's visits only (as
    rules/quota.merged), and the people come in the lists' order (owers)."""
    mine: dict[str, list] = {}
    for r in [*(r for r in base.rows if r.person not in persons), *fresh.rows]:
        mine.setdefault(r.person, []).append(r)
    return Scorecard(base.year, base.as_of,
                     tuple(r for person in owers(ds, Period("Y", base.year, 0)) for r in mine.get(person, ())))


def person_rows(ds: m.Dataset, person: str, mine: list, period: Period, as_of: dt.date) -> list[ScoreRow]:
    """One person's rows: a row per role held in the year, all with the same overall result."""
    roles = tuple(role for role in m.ROLES if any(r.role == role for r in mine))
    owed = reports_of(ds, person, period.year, as_of)
    by_role = role_results(mine)
    overdue = [state == "chua-nop" for state in owed.values()]  # chua-nop: its due day has passed
    verdict = overall(as_of > period.end, [v[4] for v in by_role.values()], list(owed.values()), overdue)
    said = tuple(feedback.as_json(ds, f) for f in feedback.about(ds, person, period, last=as_of))
    return [ScoreRow(person, ds.person_name(person), role, roles, met, required, visits, target, owed, status, verdict,
                     said)
            for role, (met, required, visits, target, status) in by_role.items()]


def reports_of(ds: m.Dataset, person: str, year: int, as_of: dt.date) -> dict:
    """The four quarters' report states ("2019Q1" -> state, None where nothing was owed)."""
    quarters = [Period("Q", year, n) for n in range(1, 5)]
    return {q.code: report_state(report_row(ds, person, q, as_of)) if owes(ds, person, q) else None
            for q in quarters}


def role_results(mine: list) -> dict[str, tuple]:
    """role -> (met, required, visits, target, status) from the year's Article 4 rows."""
    td = [r for r in mine if isinstance(r, quota.TheoDoiRow)]
    pt = [r for r in mine if isinstance(r, quota.PhuTrachRow)]
    out: dict[str, tuple] = {}
    if pt:
        out["phu-trach"] = (None, None, pt[0].visits_ytd, pt[0].target_year, pt[0].status)
    if td:
        out["theo-doi"] = (sum(r.met for r in td), sum(r.required for r in td), sum(r.visits for r in td),
                           None, quota.theo_doi_status([s.state for r in td for s in r.months]))
    return out
