"""Reporting periods of SPEC §3: quarter, 6 and 9 months, year, month."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dukcli.dates import month_end
from dukcli.words import records as W

ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
FORMS = W.PERIOD_FORMS


class PeriodError(ValueError):
    """A period that cannot be read; its message is for the user."""


@dataclass(frozen=True)
class Period:
    kind: str  # Q quarter, H1 first six months, H2 last six months, 9M nine months, Y year, M month
    year: int
    n: int  # quarter or month number; 0 otherwise

    @property
    def first_month(self) -> int:
        return {"Q": 3 * self.n - 2, "M": self.n, "H2": 7}.get(self.kind, 1)

    @property
    def last_month(self) -> int:
        return {"Q": 3 * self.n, "M": self.n, "H1": 6, "H2": 12, "9M": 9, "Y": 12}[self.kind]

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, self.first_month, 1)

    @property
    def end(self) -> dt.date:
        return month_end(self.year, self.last_month)

    def months(self) -> list[tuple[int, int]]:
        return [(self.year, m) for m in range(self.first_month, self.last_month + 1)]

    @property
    def code(self) -> str:
        return {
            "Q": f"{self.year}Q{self.n}",
            "H1": f"{self.year}H1",
            "H2": f"{self.year}H2",
            "9M": f"{self.year}-9M",
            "Y": f"{self.year}",
            "M": f"{self.year}-{self.n:02d}",
        }[self.kind]

    @property
    def slug(self) -> str:
        """For file names: 2019-Q2, 2019-H1, 2019-9M, 2019, 2019-05."""
        return {"Q": f"{self.year}-Q{self.n}", "H1": f"{self.year}-H1", "H2": f"{self.year}-H2"}.get(
            self.kind, self.code)

    @property
    def label(self) -> str:
        return {
            "Q": W.quarter_label(roman=ROMAN.get(self.n, ''), year=self.year),
            "H1": W.first_half_label(year=self.year),
            "H2": W.second_half_label(year=self.year),
            "9M": W.nine_months_label(year=self.year),
            "Y": W.year_label(year=self.year),
            "M": W.month_of_year_label(month=self.n, year=self.year),
        }[self.kind]

    def as_json(self) -> dict:
        return {"code": self.code, "label": self.label,
                "start": self.start.isoformat(), "end": self.end.isoformat()}


def quarter_of(day: dt.date) -> Period:
    return Period("Q", day.year, (day.month - 1) // 3 + 1)


_PATTERNS = [
    (re.compile(r"^(\d{4})-?Q([1-4])$"), lambda y, n: Period("Q", y, n)),
    (re.compile(r"^(\d{4})-?H1$"), lambda y, n: Period("H1", y, 0)),
    (re.compile(r"^(\d{4})-?H2$"), lambda y, n: Period("H2", y, 0)),
    (re.compile(r"^(\d{4})-?9M$"), lambda y, n: Period("9M", y, 0)),
    (re.compile(r"^(\d{4})$"), lambda y, n: Period("Y", y, 0)),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), lambda y, n: Period("M", y, n)),
]


def parse_period(text: str, year: int | None = None) -> Period:
    """Read any form of SPEC §3; a bare Q2 (or H1, 9M) takes `year`, else this year."""
    raw = text.strip().upper()
    bare = re.match(r"^(Q[1-4]|H[12]|9M)$", raw)
    if bare:
        raw = f"{year or dt.date.today().year}{bare.group(1)}"
    for pattern, build in _PATTERNS:
        m = pattern.match(raw)
        if m:
            y = int(m.group(1))
            n = int(m.group(2)) if pattern.groups > 1 and m.group(2).isdigit() else 0
            if not 1900 <= y <= 2999 or (pattern.pattern.endswith(r"(\d{1,2})$") and not 1 <= n <= 12):
                break
            return build(y, n)
    raise PeriodError(W.bad_period(text))


def resolve(period: str | None, quarter: str | None, year: int | None,
            today: dt.date | None = None) -> Period:
    """The period from --period, or --quarter/--year, else the current quarter."""
    today = today or dt.date.today()
    if period and quarter:
        raise PeriodError(W.PERIOD_OR_QUARTER)
    if year is not None and not 1900 <= year <= 2999:  # the years parse_period accepts
        raise PeriodError(W.bad_year(year))
    if period:
        found = parse_period(period, year or today.year)
        if year and found.year != year:
            raise PeriodError(W.period_in_other_year(period=period, period_year=found.year, year=year))
        return found
    if quarter:
        q = quarter.strip().upper().lstrip("Q")
        if q not in {"1", "2", "3", "4"}:
            raise PeriodError(W.bad_quarter(quarter))
        return Period("Q", year or today.year, int(q))
    if year:
        return Period("Y", year, 0)
    return quarter_of(today)
