"""The meeting calendar of `duk agenda --ics` (the icalendar library)."""

from __future__ import annotations

from dukcli.model import ROLE_NAMES


def calendar_text(meetings, as_of) -> str:
    """An RFC 5545 calendar: one all-day event per person and meeting, stable for the same data."""
    import datetime as dt

    import icalendar

    cal = icalendar.Calendar()
    cal.add("prodid", "-//duk//Lich du sinh hoat chi bo//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Lịch dự sinh hoạt chi bộ")
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.timezone.utc)  # stable output
    for mt in meetings:
        ev = icalendar.Event()
        ev.add("uid", mt.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", mt.day)
        ev.add("dtend", mt.day + dt.timedelta(days=1))
        ev.add("summary", f"Dự sinh hoạt chi bộ: {mt.unit_name}")
        ev.add("description", f"Người dự: {mt.name} ({ROLE_NAMES.get(mt.role, mt.role)}).\n"
                              f"Sinh hoạt chi bộ định kỳ hằng tháng của {mt.unit_name}.")
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    return cal.to_ical().decode("utf-8")
