"""Dates as a clerk writes and reads them."""

from __future__ import annotations

import datetime as dt
import re

from dukcli.text import fold
from dukcli.words import records as W

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_VN = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TODAY = {"hom nay", "today", "nay"}
_YESTERDAY = {"hom qua", "yesterday", "qua"}


class DateError(ValueError):
    """A date that cannot be read; its message is for the user."""


def parse_date(text: str, today: dt.date | None = None, words: bool = False) -> dt.date:
    """Read YYYY-MM-DD or D/M/YYYY; with words, also 'hôm nay'/'today' and 'hôm qua'."""
    raw = str(text).strip()
    if words:
        key = fold(raw)
        base = today or dt.date.today()
        if key in _TODAY:
            return base
        if key in _YESTERDAY:
            return base - dt.timedelta(days=1)
    m = _ISO.match(raw)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = _VN.match(raw)
        if not m:
            raise DateError(W.not_a_date(raw))
        d, mo, y = (int(g) for g in m.groups())
    try:
        return dt.date(y, mo, d)
    except ValueError:
        raise DateError(W.no_such_day(raw)) from None


def fmt(day: dt.date) -> str:
    """14/05/2019"""
    return f"{day.day:02d}/{day.month:02d}/{day.year:04d}"


def long_vn(day: dt.date) -> str:
    """'ngày 05 tháng 02 năm 2019': leading zero for days under 10 and months 1 and 2."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return W.long_date(day=f"{day.day:02d}", month=month, year=day.year)


def month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def in_force(start: dt.date | None, end: dt.date | None, day: dt.date) -> bool:
    """A from/to range, both ends inclusive, open where None."""
    return (start is None or start <= day) and (end is None or day <= end)


def overlaps(a_start, a_end, b_start, b_end) -> bool:
    lo = max(a_start or dt.date.min, b_start or dt.date.min)
    hi = min(a_end or dt.date.max, b_end or dt.date.max)
    return lo <= hi
