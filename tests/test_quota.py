"""Article 4 (SPEC §4), hand-computed cases through the engine and the CLI."""

from __future__ import annotations

import datetime as dt
import json
import os
import textwrap

import pytest

from dukcli.periods import parse_period
from dukcli.rules.quota import compute
from dukcli.store.loader import load

D = dt.date


def visit(person: str, unit: str, day: str, section: str = "meeting") -> str:
    return f"person: {person}\nunit: {unit}\ndate: {day}\n{section}: {{}}\n"


def visits(*entries) -> dict:
    """{path: text} for visits given as (person, unit, day) or (person, unit, day, section)."""
    out = {}
    for i, entry in enumerate(entries):
        day = entry[2]
        out[f"visits/{day[:4]}/{day[5:7]}/{day}-{i}.yaml"] = visit(*entry)
    return out


def rows(folder, period: str, as_of: str):
    ds, diags = load(folder)
    assert [d for d in diags if d.severity == "error"] == []
    result = compute(ds, parse_period(period), D.fromisoformat(as_of))
    return {(r.person, getattr(r, "unit", None) if r.role == "theo-doi" else None): r for r in result.rows}


def states(row) -> list[tuple[str, str, int]]:
    return [(s.month, s.state, s.visits) for s in row.months]


HANDOVER = """\
    - person: nguyen-thi-lan
      role: theo-doi
      units: [cb-so-tai-chinh]
      from: 2019-01-01
      to: {old_end}
    - person: le-van-cuong
      role: theo-doi
      units: [cb-so-tai-chinh]
      from: {new_start}
    - person: tran-van-binh
      role: phu-trach
      units: [cb-so-tai-chinh, db-so-y-te]
      from: 2019-01-01
    """
PEOPLE_PLUS = """\
    - id: nguyen-thi-lan
      name: Nguyễn Thị Lan
    - id: tran-van-binh
      name: Trần Văn Bình
    - id: le-van-cuong
      name: Lê Văn Cường
    """


def test_handover_on_the_15th_makes_the_new_holder_responsible(make_folder):
    folder = make_folder({"people.yaml": PEOPLE_PLUS,
                          "assignments.yaml": HANDOVER.format(old_end="2019-05-14", new_start="2019-05-15"),
                          **visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05"),
                                   ("le-van-cuong", "cb-so-tai-chinh", "2019-06-05"))})
    got = rows(folder, "2019Q2", "2019-07-05")
    old = got[("nguyen-thi-lan", "cb-so-tai-chinh")]
    new = got[("le-van-cuong", "cb-so-tai-chinh")]
    assert states(old) == [("2019-04", "met", 1), ("2019-05", "not-required", 0), ("2019-06", "not-required", 0)]
    assert (old.required, old.met, old.status) == (1, 1, "dat")
    assert states(new) == [("2019-04", "not-required", 0), ("2019-05", "missed", 0), ("2019-06", "met", 1)]
    assert (new.required, new.met, new.status) == (2, 1, "chua-dat")


def test_handover_on_the_16th_leaves_the_month_with_the_old_holder(make_folder):
    folder = make_folder({"people.yaml": PEOPLE_PLUS,
                          "assignments.yaml": HANDOVER.format(old_end="2019-05-15", new_start="2019-05-16"),
                          **visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05"),
                                   ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-10"))})
    got = rows(folder, "2019Q2", "2019-07-05")
    assert states(got[("nguyen-thi-lan", "cb-so-tai-chinh")]) == [
        ("2019-04", "met", 1), ("2019-05", "met", 1), ("2019-06", "not-required", 0)]
    assert got[("nguyen-thi-lan", "cb-so-tai-chinh")].status == "dat"
    assert states(got[("le-van-cuong", "cb-so-tai-chinh")])[1] == ("2019-05", "not-required", 0)
    assert got[("le-van-cuong", "cb-so-tai-chinh")].required == 1


def test_visit_to_a_chi_bo_truc_thuoc_counts_for_its_parent(make_folder):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-phong-nghiep-vu-y", "2019-04-10"),
                                ("tran-van-binh", "cb-phong-nghiep-vu-y", "2019-04-11")))
    got = rows(folder, "2019Q2", "2019-07-05")
    assert states(got[("nguyen-thi-lan", "db-so-y-te")])[0] == ("2019-04", "met", 1)
    assert got[("nguyen-thi-lan", "db-so-y-te")].visits == 1
    assert got[("nguyen-thi-lan", "cb-so-tai-chinh")].visits == 0
    assert got[("tran-van-binh", None)].visits == 1


def test_29_february_counts_for_february(make_folder):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2020-02-29")))
    got = rows(folder, "2020Q1", "2020-03-01")
    assert states(got[("nguyen-thi-lan", "cb-so-tai-chinh")]) == [
        ("2020-01", "missed", 0), ("2020-02", "met", 1), ("2020-03", "pending", 0)]
    # On 29 February itself February has not ended yet.
    got = rows(folder, "2020-02", "2020-02-29")
    assert states(got[("nguyen-thi-lan", "db-so-y-te")]) == [("2020-02", "pending", 0)]


UNITS_LIFETIMES = """\
    - id: cb-so-tai-chinh
      name: Chi bộ Sở Tài chính
      type: chi-bo-co-so
      to: 2019-08-10
    - id: cb-so-moi
      name: Chi bộ Sở Mới
      type: chi-bo-co-so
      from: 2019-08-20
    - id: db-so-y-te
      name: Đảng bộ Sở Y tế
      type: dang-bo-co-so
    """
ASSIGN_LIFETIMES = """\
    - person: nguyen-thi-lan
      role: theo-doi
      units: [cb-so-tai-chinh]
      from: 2019-01-01
      to: 2019-08-10
    - person: nguyen-thi-lan
      role: theo-doi
      units: [cb-so-moi]
      from: 2019-08-20
    - person: tran-van-binh
      role: phu-trach
      units: [db-so-y-te]
      from: 2019-07-01
    """


def test_units_dissolved_and_created_mid_year(make_folder):
    folder = make_folder({"units.yaml": UNITS_LIFETIMES, "assignments.yaml": ASSIGN_LIFETIMES,
                          **visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-07-03"),
                                   ("nguyen-thi-lan", "cb-so-moi", "2019-09-03"))})
    got = rows(folder, "2019Q3", "2019-10-01")
    old = got[("nguyen-thi-lan", "cb-so-tai-chinh")]
    new = got[("nguyen-thi-lan", "cb-so-moi")]
    # Dissolved on 10/08: August's 15th is past its end. Created on 20/08: August not covered either.
    assert states(old) == [("2019-07", "met", 1), ("2019-08", "not-required", 0), ("2019-09", "not-required", 0)]
    assert states(new) == [("2019-07", "not-required", 0), ("2019-08", "not-required", 0), ("2019-09", "met", 1)]
    assert old.status == new.status == "dat"


def test_standing_member_starting_mid_year_has_a_scaled_target(make_folder):
    folder = make_folder({"units.yaml": UNITS_LIFETIMES, "assignments.yaml": ASSIGN_LIFETIMES,
                          **visits(("tran-van-binh", "db-so-y-te", "2019-07-10"),
                                   ("tran-van-binh", "db-so-y-te", "2019-09-10"))})
    q3 = rows(folder, "2019Q3", "2019-10-01")[("tran-van-binh", None)]
    # Covered July–December: c(Jan, Dec) = 6 -> ceil(5*6/12) = 3; c(Jan, Sep) = 3 -> ceil(5*3/12) = 2.
    assert (q3.target_year, q3.expected, q3.visits, q3.visits_ytd, q3.status) == (3, 2, 2, 2, "dung-tien-do")
    year = rows(folder, "2019", "2020-01-05")[("tran-van-binh", None)]
    assert (year.target_year, year.expected, year.visits_ytd, year.status) == (3, 3, 2, "chua-dat")
    # Not in force during Q1: no row at all.
    assert ("tran-van-binh", None) not in rows(folder, "2019Q1", "2019-04-01")


def test_period_in_progress_is_pending_and_dang_thuc_hien(make_folder):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05"),
                                ("tran-van-binh", "db-so-y-te", "2019-04-06")))
    got = rows(folder, "2019Q2", "2019-05-20")
    lan = got[("nguyen-thi-lan", "cb-so-tai-chinh")]
    assert states(lan) == [("2019-04", "met", 1), ("2019-05", "pending", 0), ("2019-06", "pending", 0)]
    assert (lan.required, lan.met, lan.status) == (3, 1, "dang-thuc-hien")
    binh = got[("tran-van-binh", None)]
    assert (binh.expected, binh.visits_ytd, binh.status) == (3, 1, "dang-thuc-hien")


def test_visits_after_as_of_are_ignored(make_folder):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05"),
                                ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-25")))
    lan = rows(folder, "2019Q2", "2019-05-20")[("nguyen-thi-lan", "cb-so-tai-chinh")]
    assert states(lan)[1] == ("2019-05", "pending", 0)
    assert lan.visits == 1


def test_one_visit_a_day_per_person_and_unit(make_folder):
    """SPEC §4: the same visit entered twice, or a đảng bộ and its chi bộ trực thuộc on the same
    day, count once, in every count: per-month 2 is not met by two files of one day, and a
    Standing Committee member stays at 4 of 5, Chưa đạt."""
    config = "organization:\n  name: ĐẢNG ỦY KHỐI\nquota:\n  theo-doi: {per-month: 2}\n"
    folder = make_folder({"duk.yaml": config,
                          **visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05"),
                                   ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05", "work"),
                                   ("nguyen-thi-lan", "db-so-y-te", "2019-04-08"),
                                   ("nguyen-thi-lan", "cb-phong-nghiep-vu-y", "2019-04-08"),
                                   ("tran-van-binh", "cb-so-tai-chinh", "2019-02-01"),
                                   ("tran-van-binh", "cb-so-tai-chinh", "2019-03-01"),
                                   ("tran-van-binh", "db-so-y-te", "2019-05-02"),
                                   ("tran-van-binh", "cb-phong-nghiep-vu-y", "2019-05-02"),
                                   ("tran-van-binh", "cb-so-tai-chinh", "2019-06-04"),
                                   ("tran-van-binh", "cb-so-tai-chinh", "2019-06-04"))})
    got = rows(folder, "2019", "2020-01-05")
    assert states(got[("nguyen-thi-lan", "cb-so-tai-chinh")])[3] == ("2019-04", "missed", 1)
    assert states(got[("nguyen-thi-lan", "db-so-y-te")])[3] == ("2019-04", "missed", 1)
    binh = got[("tran-van-binh", None)]
    assert (binh.visits, binh.visits_ytd, binh.target_year, binh.status) == (4, 4, 5, "chua-dat")


def test_per_month_two(make_folder):
    config = "organization:\n  name: ĐẢNG ỦY KHỐI\nquota:\n  theo-doi: {per-month: 2}\n  phu-trach: {per-year: 8}\n"
    folder = make_folder({"duk.yaml": config,
                          **visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05"),
                                   ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-20"),
                                   ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-05"))})
    got = rows(folder, "2019Q2", "2019-07-01")
    assert states(got[("nguyen-thi-lan", "cb-so-tai-chinh")]) == [
        ("2019-04", "met", 2), ("2019-05", "missed", 1), ("2019-06", "missed", 0)]
    assert got[("tran-van-binh", None)].target_year == 8
    assert got[("tran-van-binh", None)].expected == 4  # ceil(8 * 6 / 12)


def test_a_visit_that_counts_for_nobody_is_a_warning_and_not_counted(make_folder, duk):
    folder = make_folder({"units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
          type: dang-bo-co-so
        - id: cb-cuc-thue
          name: Chi bộ Cục Thuế
          type: chi-bo-co-so
        """, **visits(("nguyen-thi-lan", "cb-cuc-thue", "2019-04-05"))})
    result = duk(["check"], data=folder)
    assert result.exit_code == 0
    assert "visits/2019/04/2019-04-05-0.yaml:2: cảnh báo [not-assigned]" in result.stdout
    lan = rows(folder, "2019Q2", "2019-07-01")[("nguyen-thi-lan", "cb-so-tai-chinh")]
    assert lan.visits == 0 and lan.status == "chua-dat"


def test_every_status_word(make_folder):
    people = textwrap.dedent(PEOPLE_PLUS) + "- id: pham-thi-hoa\n  name: Phạm Thị Hoa\n"
    assignments = """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]
          from: 2019-01-01
        - person: le-van-cuong
          role: theo-doi
          units: [db-so-y-te]
          from: 2019-06-20
        - person: tran-van-binh
          role: phu-trach
          units: [cb-so-tai-chinh]
          from: 2019-01-01
        - person: pham-thi-hoa
          role: phu-trach
          units: [db-so-y-te]
          from: 2019-01-01
        """
    folder = make_folder({"people.yaml": people, "assignments.yaml": assignments,
                          **visits(*[("nguyen-thi-lan", "cb-so-tai-chinh", f"2019-{m:02d}-05") for m in (4, 5, 6)],
                                   *[("tran-van-binh", "cb-so-tai-chinh", f"2019-{m:02d}-06") for m in (2, 4, 6, 8, 10)])})
    q2 = rows(folder, "2019Q2", "2019-07-01")
    assert q2[("nguyen-thi-lan", "cb-so-tai-chinh")].status == "dat"
    assert q2[("le-van-cuong", "db-so-y-te")].status == "khong-ap-dung"
    assert q2[("le-van-cuong", "db-so-y-te")].required == 0
    assert q2[("tran-van-binh", None)].status == "dung-tien-do"  # 3 by June, expected 3
    assert q2[("pham-thi-hoa", None)].status == "cham-tien-do"
    q3 = rows(folder, "2019Q3", "2019-08-01")
    assert q3[("le-van-cuong", "db-so-y-te")].status == "chua-dat"  # July missed
    assert q3[("nguyen-thi-lan", "cb-so-tai-chinh")].status == "chua-dat"
    assert q3[("pham-thi-hoa", None)].status == "dang-thuc-hien"
    year = rows(folder, "2019", "2020-01-02")
    assert year[("tran-van-binh", None)].status == "dat"
    assert year[("pham-thi-hoa", None)].status == "chua-dat"
    lan_q4 = rows(folder, "2019Q4", "2019-10-20")[("nguyen-thi-lan", "cb-so-tai-chinh")]
    assert lan_q4.status == "dang-thuc-hien"


def test_quota_json_has_the_spec_shape(make_folder, duk):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05"),
                                ("tran-van-binh", "db-so-y-te", "2019-05-02")))
    result = duk(["quota", "--quarter", "Q2", "--year", "2019", "--as-of", "2019-07-05", "--format", "json"],
                 data=folder)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["period"] == {"code": "2019Q2", "label": "Quý II năm 2019",
                              "start": "2019-04-01", "end": "2019-06-30"}
    assert data["as_of"] == "2019-07-05"
    pt = [r for r in data["rows"] if r["role"] == "phu-trach"]
    td = [r for r in data["rows"] if r["role"] == "theo-doi"]
    assert pt == [{"person": "tran-van-binh", "name": "Trần Văn Bình", "role": "phu-trach", "unit": None,
                   "unit_name": None, "visits": 1, "visits_ytd": 1, "target_year": 5, "expected": 3,
                   "status": "cham-tien-do"}]
    assert td[0] == {"person": "nguyen-thi-lan", "name": "Nguyễn Thị Lan", "role": "theo-doi",
                     "unit": "cb-so-tai-chinh", "unit_name": "Chi bộ Sở Tài chính",
                     "months": [{"month": "2019-04", "state": "met", "visits": 1},
                                {"month": "2019-05", "state": "missed", "visits": 0},
                                {"month": "2019-06", "state": "missed", "visits": 0}],
                     "visits": 1, "required": 3, "met": 1, "status": "chua-dat"}
    assert [r["unit"] for r in td] == ["cb-so-tai-chinh", "db-so-y-te"]


def test_quota_table_and_csv(make_folder, duk):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05")))
    table = duk(["quota", "-p", "2019Q2", "--as-of", "05/07/2019"], data=folder)
    assert table.exit_code == 0, table.stderr
    for words in ("Quý II năm 2019", "Nguyễn Thị Lan", "Trần Văn Bình", "Chưa đạt", "Chậm tiến độ", "✓ 1", "✗ 0",
                  "Tổng cộng 3 dòng"):
        assert words in table.stdout
    csv_out = duk(["quota", "-p", "2019Q2", "--as-of", "2019-07-05", "-f", "csv"], data=folder)
    # Vietnamese headers and words, as the table (SPEC §5; JSON keeps the machine keys)
    assert csv_out.stdout.startswith("\ufeffHọ và tên,Mã người,Vai trò,Đơn vị,Mã đơn vị,Số lần trong kỳ,")
    assert "Tháng 4/2019,Tháng 5/2019,Tháng 6/2019" in csv_out.stdout.splitlines()[0]
    assert "Nguyễn Thị Lan,nguyen-thi-lan,\"Cán bộ, chuyên viên theo dõi\",Chi bộ Sở Tài chính,cb-so-tai-chinh" \
        in csv_out.stdout
    assert "Đạt (1),Thiếu (0),Thiếu (0)" in csv_out.stdout
    for english in ("met:", "missed", "theo-doi,", "dat,", "person,"):
        assert english not in csv_out.stdout


def test_quota_filters_by_folded_person_and_unit(make_folder, duk):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-04-05")))
    result = duk(["quota", "-p", "2019Q2", "--person", "LAN", "--unit", "tai chinh", "-f", "json"], data=folder)
    data = json.loads(result.stdout)
    assert [(r["person"], r["unit"]) for r in data["rows"]] == [("nguyen-thi-lan", "cb-so-tai-chinh")]
    ambiguous = duk(["quota", "-p", "2019Q2", "--unit", "so"], data=folder)
    assert ambiguous.exit_code == 1
    assert "nhiều đơn vị" in ambiguous.stderr


def test_wrong_period_is_a_usage_error_listing_the_forms(make_folder, duk):
    result = duk(["quota", "--period", "2019Q5"], data=make_folder())
    assert result.exit_code == 2
    assert "2019Q2, 2019-Q2, Q2" in result.stderr and "Traceback" not in result.stderr


def test_quota_refuses_while_the_folder_has_errors(make_folder, duk):
    folder = make_folder({"visits/2019/04/x.yaml": "person: ai-do\nunit: cb-so-tai-chinh\ndate: 2019-04-05\nwork: {}\n"})
    result = duk(["quota", "-p", "2019Q2"], data=folder)
    assert result.exit_code == 1
    assert "[unknown-person]" in result.stderr and "duk check" in result.stderr


def test_visits_lists_oldest_first_with_counts(make_folder, duk):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-05", "work"),
                                ("nguyen-thi-lan", "cb-phong-nghiep-vu-y", "2019-04-10"),
                                ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-07-01")))
    data = json.loads(duk(["visits", "-p", "2019Q2", "-f", "json"], data=folder).stdout)
    assert [(v["date"], v["unit"], v["parts"], v["counts"]) for v in data["visits"]] == [
        ("2019-04-10", "cb-phong-nghiep-vu-y", ["meeting"], True),
        ("2019-05-05", "cb-so-tai-chinh", ["work"], True)]
    by_parent = json.loads(duk(["visits", "-p", "2019Q2", "--unit", "y te", "-f", "json"], data=folder).stdout)
    assert [v["unit"] for v in by_parent["visits"]] == ["cb-phong-nghiep-vu-y"]
    table = duk(["visits", "-p", "2019Q2"], data=folder).stdout
    assert "10/04/2019" in table and "sinh hoạt" in table and "công tác" in table


def test_the_same_warnings_are_one_line_after_the_first_time(make_folder, duk):
    """Warnings of the files a report uses (SPEC §9: the lists and the period's years)."""
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2018-12-10"),
                                ("nguyen-thi-lan", "db-so-y-te", "2018-12-11")))
    first = duk(["quota", "-p", "2018Q4", "-f", "json"], data=folder)
    assert first.exit_code == 0
    assert first.stderr.count("cảnh báo [not-assigned]") == 2
    again = duk(["visits", "-p", "2018Q4", "-f", "json"], data=folder)
    assert again.stderr == "2 cảnh báo (đã báo ở lần chạy trước); xem đầy đủ: duk check\n"
    # a new warning: all of them in full again
    (folder / "visits/2018/12/x.yaml").write_text(visit("nguyen-thi-lan", "db-so-y-te", "2018-12-12"),
                                                  encoding="utf-8")
    third = duk(["quota", "-p", "2018Q4", "-f", "json"], data=folder)
    assert third.stderr.count("cảnh báo [not-assigned]") == 3
    # check always says everything
    assert duk(["check"], data=folder).stdout.count("[not-assigned]") == 3


def test_warnings_outside_the_years_asked_are_not_a_report_s_business(make_folder, duk):
    """A 2019 table is not held up or cluttered by a warning in a 2018 file; check still says it."""
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2018-12-10")))
    result = duk(["quota", "-p", "2019Q2", "-f", "json"], data=folder)
    assert (result.exit_code, result.stderr) == (0, "")
    assert duk(["check"], data=folder).stdout.count("[not-assigned]") == 1


@pytest.mark.parametrize("period", ["2019Q2", "2019H1", "2019-9M", "2019"])
def test_every_result_is_visible_at_80_columns(period):
    """Issue: the yearly and 9-month tables cut unit names and months to '…' and lost the result
    column at 80 columns. Now every line fits and every row shows its result."""
    from pathlib import Path

    from rich.cells import cell_len
    from rich.console import Console

    from dukcli.render import quota_table
    from dukcli.rules.quota import STATUS_WORDS

    ds, _ = load(Path(__file__).resolve().parent.parent / "data")
    result = compute(ds, parse_period(period), D(2019, 10, 20))
    console = Console(width=80, record=True, force_terminal=False, file=open(os.devnull, "w"))
    quota_table.print_table(result, console)
    text = console.export_text()
    assert max(cell_len(line) for line in text.splitlines()) <= 80
    lines = text.splitlines()
    split = next(n for n, line in enumerate(lines) if line.startswith("Cán bộ, chuyên viên theo dõi"))
    for part, rows in ((lines[:split], [r for r in result.rows if r.role == "phu-trach"]),
                       (lines[split:], [r for r in result.rows if r.role == "theo-doi"])):
        numbered = [line for line in part if line.split()[:1] and line.split()[0].isdigit()]
        assert len(numbered) == len(rows)
        for line, row in zip(numbered, rows):  # each row's result word is on its own line, whole
            assert line.rstrip().endswith(STATUS_WORDS[row.status]), line


def test_visits_csv_is_in_the_clerks_words(make_folder, duk):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-14"),
                                ("nguyen-thi-lan", "db-so-y-te", "2019-05-20", "work")))
    r = duk(["visits", "-p", "2019Q2", "-f", "csv"], data=folder)
    lines = r.stdout.splitlines()
    assert lines[0] == "\ufeffNgày,Người đi,Mã người,Đơn vị,Mã đơn vị,Nội dung,Xếp loại sinh hoạt,Tính Điều 4,Tệp"
    assert lines[1].startswith("14/05/2019,Nguyễn Thị Lan,nguyen-thi-lan,Chi bộ Sở Tài chính,cb-so-tai-chinh,"
                               "sinh hoạt,,có,")


def test_the_period_as_the_first_argument(make_folder, duk):
    folder = make_folder(visits(("nguyen-thi-lan", "cb-so-tai-chinh", "2019-05-14")))
    as_argument = duk(["quota", "2019Q2", "--as-of", "2019-07-05", "-f", "json"], data=folder)
    as_option = duk(["quota", "-p", "2019Q2", "--as-of", "2019-07-05", "-f", "json"], data=folder)
    assert as_argument.exit_code == 0 and as_argument.stdout == as_option.stdout
    assert duk(["visits", "2019-05", "-f", "json"], data=folder).stdout.count('"date"') == 1
    twice = duk(["quota", "2019Q2", "-p", "2019Q3"], data=folder)
    assert twice.exit_code == 2 and "kỳ '2019Q2' đã ghi ở đầu lệnh" in twice.stderr
    wrong = duk(["quota", "quy-hai"], data=folder)
    assert wrong.exit_code == 2 and "kỳ 'quy-hai' không hợp lệ" in wrong.stderr
