"""duk agenda: what is still owed this month, who is behind pace, reports due soon, and the
meeting calendar (.ics) read back with the icalendar library."""

from __future__ import annotations

import datetime as dt
import json

import icalendar
import pytest

from dukcli.rules import agenda as todo


def visit(person: str, unit: str, day: str) -> dict:
    return {f"visits/{day[:4]}/{day[5:7]}/{day}-{person}-{unit}.yaml":
            f"person: {person}\nunit: {unit}\ndate: {day}\nmeeting: {{}}\n"}


@pytest.fixture
def folder(make_folder):
    # Lan visited the cell of the Y tế đảng bộ in May (counts for db-so-y-te), not Tài chính;
    # Bình made one visit this year (pace for Q2: ceil(5 × 6 / 12) = 3).
    return make_folder({**visit("nguyen-thi-lan", "cb-phong-nghiep-vu-y", "2019-05-10"),
                        **visit("tran-van-binh", "cb-so-tai-chinh", "2019-02-05"),
                        "submissions.yaml": "- {person: nguyen-thi-lan, period: 2019Q2, date: 2019-06-15}\n"})


def agenda(duk, folder, *args, today="2019-07-31"):
    r = duk(["agenda", "--format", "json", *args], data=folder, today=today)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def test_last_day_of_the_month(duk, folder):
    assert agenda(duk, folder, "--as-of", "2019-05-31") == {
        "as_of": "2019-05-31",
        "visits_due": [{"person": "nguyen-thi-lan", "name": "Nguyễn Thị Lan", "unit": "cb-so-tai-chinh",
                        "unit_name": "Chi bộ Sở Tài chính", "month": "2019-05", "meeting_day": 5,
                        "days_left": 0, "visits": 0, "needed": 1}],
        "behind": [{"person": "tran-van-binh", "name": "Trần Văn Bình", "visits_ytd": 1, "expected": 3,
                    "target_year": 5}],
        "reports_due": [],  # due 30/06, 30 days away
        "proposals_open": [],
    }


def test_first_day_of_the_month(duk, folder):
    body = agenda(duk, folder, "--as-of", "01/05/2019")
    # the cell's visit on the 10th has not happened yet as of the 1st: both units owed
    assert [(r["unit"], r["meeting_day"], r["days_left"]) for r in body["visits_due"]] == [
        ("cb-so-tai-chinh", 5, 30), ("db-so-y-te", None, 30)]


def test_reports_due_within_days(duk, folder):
    body = agenda(duk, folder, "--as-of", "2019-06-20")
    assert body["reports_due"] == [{"person": "tran-van-binh", "name": "Trần Văn Bình", "period": "2019Q2",
                                    "due": "2019-06-30", "days_left": 10}]
    assert agenda(duk, folder, "--as-of", "2019-06-20", "--days", "9")["reports_due"] == []


def test_reports_received_after_as_of_still_due(duk, folder):
    # Lan's report came on the 15th: as of the 10th it is still owed
    body = agenda(duk, folder, "--as-of", "2019-06-10", "--days", "30")
    assert [r["person"] for r in body["reports_due"]] == ["tran-van-binh", "nguyen-thi-lan"]


def test_person_filter(duk, folder):
    body = agenda(duk, folder, "--as-of", "2019-06-20", "--person", "lan")
    assert body["behind"] == [] and body["reports_due"] == []
    assert [r["person"] for r in body["visits_due"]] == ["nguyen-thi-lan", "nguyen-thi-lan"]


def test_table_in_vietnamese(duk, folder):
    r = duk(["agenda", "--as-of", "2019-05-31"], data=folder, today="2019-07-31")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "Việc cần làm tính đến ngày 31/05/2019" in out
    assert "1. Chưa đi cơ sở trong tháng 5/2019 (còn 0 ngày)" in out
    assert "Chi bộ Sở Tài chính" in out and "05/05/2019 (đã qua)" in out
    assert "2. Ủy viên Ban Thường vụ chậm so với tiến độ của quý" in out and "Trần Văn Bình" in out
    assert out.rstrip().endswith("Không có.")  # no report due within 14 days


# --- the calendar ------------------------------------------------------------------------

ICS_UNITS = """\
    - id: cb-so-tai-chinh
      name: Chi bộ Sở Tài chính
      type: chi-bo-co-so
      meeting-day: 5
    - id: db-so-y-te
      name: Đảng bộ Sở Y tế
      type: dang-bo-co-so
      meeting-day: 31
    - id: cb-phong-nghiep-vu-y
      name: Chi bộ Phòng Nghiệp vụ Y
      type: chi-bo-truc-thuoc
      parent: db-so-y-te
      meeting-day: 10
    """


def events(path) -> list:
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return list(cal.walk("VEVENT"))


def test_ics_parsed_back_with_the_right_dates(duk, make_folder, tmp_path):
    root = make_folder({"units.yaml": ICS_UNITS})
    out = tmp_path / "lich.ics"
    r = duk(["agenda", "--as-of", "2019-05-20", "--ics", str(out)], data=root, today="2019-05-20")
    assert r.exit_code == 0, r.stderr
    evs = events(out)
    got = sorted((str(e["DESCRIPTION"]).split(" (")[0].removeprefix("Người dự: "), str(e["SUMMARY"]),
                  e.decoded("DTSTART")) for e in evs)
    # from 20/05 to 19/08: Tài chính on the 5th of Jun, Jul, Aug; Y tế on the 31st, which
    # falls on 30 June; the unassigned cell (meeting day 10) has no event
    want = []
    for name in ("Nguyễn Thị Lan", "Trần Văn Bình"):
        for day in (dt.date(2019, 6, 5), dt.date(2019, 7, 5), dt.date(2019, 8, 5)):
            want.append((name, "Dự sinh hoạt chi bộ: Chi bộ Sở Tài chính", day))
        for day in (dt.date(2019, 5, 31), dt.date(2019, 6, 30), dt.date(2019, 7, 31)):
            want.append((name, "Dự sinh hoạt chi bộ: Đảng bộ Sở Y tế", day))
    assert got == sorted(want)
    for e in evs:
        start, end = e.decoded("DTSTART"), e.decoded("DTEND")
        assert type(start) is dt.date and end - start == dt.timedelta(days=1)  # all-day
    assert len({str(e["UID"]) for e in evs}) == 12
    assert "20190630-nguyen-thi-lan-db-so-y-te@duk" in {str(e["UID"]) for e in evs}


def test_ics_stable_never_overwritten_without_force(duk, make_folder, tmp_path):
    root = make_folder({"units.yaml": ICS_UNITS})
    out = tmp_path / "lich.ics"
    args = ["agenda", "--as-of", "2019-05-20", "--person", "lan", "--ics", str(out)]
    assert duk(args, data=root, today="2019-05-20").exit_code == 0
    first = out.read_bytes()
    assert len(events(out)) == 6
    out.write_bytes(b"clerk's file")
    r = duk(args, data=root, today="2019-05-20")
    assert r.exit_code == 1 and "--force" in r.stderr
    assert out.read_bytes() == b"clerk's file"
    assert duk([*args, "--force"], data=root, today="2019-05-20").exit_code == 0
    assert out.read_bytes() == first  # same input, same calendar (stable UIDs and stamps)


def test_meetings_follow_the_assignment_dates(make_folder):
    from dukcli import model as m

    unit = m.Unit("u", "Chi bộ U", "chi-bo-co-so", meeting_day=31)
    ds = m.Dataset.build(m.Config(org_name="X"), [unit], [m.Person("a", "A")],
                         [m.Assignment("a", "theo-doi", ("u",), dt.date(2019, 1, 1), dt.date(2019, 3, 15))], [], [])
    days = [x.day for x in todo.meetings(ds, dt.date(2019, 1, 31))]
    assert days == [dt.date(2019, 1, 31), dt.date(2019, 2, 28)]  # March's falls after the hand-over
