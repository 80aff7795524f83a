"""The meeting calendar of `duk agenda --ics` (the icalendar library)."""

from __future__ import annotations

from dukcli.model import ROLE_NAMES
from dukcli.words import output as W


def calendar_text(meetings, as_of) -> str:
    """An RFC 5545 calendar: one all-day event per person and meeting, stable for the same data."""
    import datetime as dt

    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//duk//Lich du sinh hoat chi bo//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", W.CALENDAR_NAME)
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.timezone.utc)  # stable output
    for mt in meetings:
        ev = icalendar.Event()
        ev.add("uid", mt.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", mt.day)
        ev.add("dtend", mt.day + dt.timedelta(days=1))
        ev.add("summary", W.meeting_summary(mt.unit_name))
        ev.add("description", W.meeting_description(mt.name, ROLE_NAMES.get(mt.role, mt.role), mt.unit_name))
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical().decode("utf-8")
