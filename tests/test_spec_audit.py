"""SPEC conformance: promises an audit found broken (each fixed), and hand-computed SPEC §4 cases it pinned."""

from __future__ import annotations

import json


def test_submission_period_without_year_is_refused(make_folder, duk):
    # SPEC §2: a submission's period is a quarter such as 2019Q2. A bare "Q2" in the file
    # would silently mean a different quarter every year it is read.
    folder = make_folder({"submissions.yaml": "- person: nguyen-thi-lan\n  period: Q2\n  date: 2019-06-27\n"})
    r = duk(["check", "--format", "json"], data=folder)
    assert r.exit_code == 1
    diags = json.loads(r.stdout)
    assert [(d["file"], d["line"], d["severity"], d["code"]) for d in diags] == [
        ("submissions.yaml", 2, "error", "schema")]
    assert "2019Q2" in diags[0]["message"]


def test_quota_for_a_chi_bo_truc_thuoc_shows_its_parents_row(make_folder, duk):
    # SPEC §1/§4: a visit to a chi bộ trực thuộc counts for its parent, so asking the quota of
    # the cell gives the row of the đảng bộ it belongs to, not an empty table.
    folder = make_folder({"visits/2019/05/a.yaml": "person: nguyen-thi-lan\nunit: cb-phong-nghiep-vu-y\n"
                                                   "date: 2019-05-14\nmeeting: {}\n"})
    r = duk(["quota", "-p", "2019-05", "--unit", "phong nghiep vu y", "-f", "json"], data=folder)
    assert r.exit_code == 0, r.stderr
    rows = json.loads(r.stdout)["rows"]
    assert [(x["person"], x["unit"], x.get("met"), x.get("visits_ytd"), x["status"]) for x in rows] == [
        ("tran-van-binh", None, None, 0, "cham-tien-do"),
        ("nguyen-thi-lan", "db-so-y-te", 1, None, "dat")]


def test_a_period_and_a_different_year_are_a_usage_error(make_folder, duk):
    # SPEC §3: --year gives the year of a bare Q2; a period that names another year is a
    # contradiction, not a silent choice of one of them.
    folder = make_folder()
    r = duk(["quota", "-p", "2019Q2", "-y", "2018"], data=folder)
    assert r.exit_code == 2
    assert "2019Q2" in r.stderr and "2018" in r.stderr
    same = duk(["quota", "-p", "2019Q2", "-y", "2019", "-f", "json"], data=folder)
    assert same.exit_code == 0
    assert json.loads(same.stdout)["period"]["code"] == "2019Q2"


def test_default_period_is_the_quarter_of_as_of(make_folder, duk):
    # SPEC §4/§3: as-of is the day the question is asked, and the default period is the
    # current quarter: asked as of 20 May 2019, that is Quý II năm 2019 (not today's quarter).
    folder = make_folder({"submissions.yaml": "- person: nguyen-thi-lan\n  period: 2019Q2\n  date: 2019-05-10\n"})
    for command in (["quota"], ["status"]):
        r = duk([*command, "--as-of", "20/05/2019", "-f", "json"], data=folder, today="2019-12-31")
        assert r.exit_code == 0, r.stderr
        assert json.loads(r.stdout)["period"]["code"] == "2019Q2"
    # a bare quarter takes the year of as-of too
    r = duk(["quota", "-q", "Q4", "--as-of", "2018-11-20", "-f", "json"], data=folder, today="2019-12-31")
    assert json.loads(r.stdout)["period"]["label"] == "Quý IV năm 2018"
    # without --as-of, today decides
    r = duk(["status", "-f", "json"], data=folder, today="2019-12-31")
    assert json.loads(r.stdout)["period"]["code"] == "2019Q4"


def test_written_files_get_the_ordinary_mode_not_a_private_temp_files(make_folder, duk, tmp_path):
    # SPEC §2: the data folder is plain files a clerk (and colleagues, git, a shared drive)
    # read: a visit, submissions.yaml, an init file or a report get the mode any editor would
    # give them (0666 less the umask), not the 0600 of the temporary file they were built in.
    import os
    import stat

    old = os.umask(0o022)
    try:
        folder = make_folder()
        r = duk(["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-05-14", "--work",
                 "--no-commit"], data=folder)
        assert r.exit_code == 0, r.stderr
        visit = folder / "visits/2019/05/2019-05-14-nguyen-thi-lan-cb-so-tai-chinh.yaml"
        r = duk(["submit", "--person", "lan", "-p", "2019Q2", "--date", "2019-06-27", "--no-commit"], data=folder)
        assert r.exit_code == 0, r.stderr
        r = duk(["report", "--person", "lan", "-p", "2019Q2", "-o", str(tmp_path / "bc.docx")], data=folder)
        assert r.exit_code == 0, r.stderr
        r = duk(["init", str(tmp_path / "moi")])
        assert r.exit_code == 0, r.stderr
        for path in (visit, folder / "submissions/2019Q2/nguyen-thi-lan.yaml", tmp_path / "bc.docx",
                     tmp_path / "moi" / "duk.yaml"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    finally:
        os.umask(old)


def _rows(duk, folder, period, today="2019-12-31"):
    r = duk(["quota", "-p", period, "-f", "json"], data=folder, today=today)
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)["rows"]


def test_phu_trach_with_two_assignments_and_a_gap(make_folder, duk):
    # SPEC §4: c(a,b) counts only the months a phu-trach assignment covers: Jan–Mar and
    # Jul–Dec give c(Jan, Dec) = 9 -> target ceil(5*9/12) = 4; c(Jan, Sep) = 6 -> expected 3.
    # A visit in the gap (May) counts for nothing.
    visit = "person: tran-van-binh\nunit: {u}\ndate: {d}\nwork: {{}}\n"
    folder = make_folder({
        "assignments.yaml": """\
            - person: tran-van-binh
              role: phu-trach
              units: [cb-so-tai-chinh]
              from: 2019-01-01
              to: 31/03/2019
            - person: tran-van-binh
              role: phu-trach
              units: [db-so-y-te]
              from: 01/07/2019
            """,
        "visits/2019/02/a.yaml": visit.format(u="cb-so-tai-chinh", d="2019-02-01"),
        "visits/2019/05/b.yaml": visit.format(u="cb-so-tai-chinh", d="2019-05-01"),
        "visits/2019/08/c.yaml": visit.format(u="cb-phong-nghiep-vu-y", d="2019-08-01"),
    })
    pick = ("visits", "visits_ytd", "target_year", "expected", "status")
    assert [tuple(r[k] for k in pick) for r in _rows(duk, folder, "2019Q3")] == [(1, 2, 4, 3, "cham-tien-do")]
    assert [tuple(r[k] for k in pick) for r in _rows(duk, folder, "2019Q1")] == [(1, 1, 4, 2, "cham-tien-do")]
    assert _rows(duk, folder, "2019Q2") == []  # no assignment in force on any day of Q2
    assert [tuple(r[k] for k in pick) for r in _rows(duk, folder, "2019", today="2020-01-05")] == [
        (2, 2, 4, 4, "chua-dat")]


def test_units_that_start_or_end_mid_month(make_folder, duk):
    # SPEC §4: a month is covered when the unit exists on its 15th (to: inclusive): a unit
    # created on 16 May is not required in May, one dissolved on 15 May is, one dissolved on
    # 14 May is not (its visit on the 14th still counts, in a month that needs none).
    folder = make_folder({
        "units.yaml": """\
            - id: cb-moi
              name: Chi bộ Mới
              type: chi-bo-co-so
              from: 16/05/2019
            - id: cb-cu
              name: Chi bộ Cũ
              type: chi-bo-co-so
              to: 15/05/2019
            - id: cb-cu-hai
              name: Chi bộ Cũ Hai
              type: chi-bo-co-so
              to: 2019-05-14
            """,
        "people.yaml": "- id: nguyen-thi-lan\n  name: Nguyễn Thị Lan\n",
        "assignments.yaml": """\
            - person: nguyen-thi-lan
              role: theo-doi
              units: [cb-moi]
              from: 2019-05-16
            - person: nguyen-thi-lan
              role: theo-doi
              units: [cb-cu]
              to: 2019-05-15
            - person: nguyen-thi-lan
              role: theo-doi
              units: [cb-cu-hai]
              to: 2019-05-14
            """,
        "visits/2019/05/a.yaml": "person: nguyen-thi-lan\nunit: cb-cu-hai\ndate: 2019-05-14\nwork: {}\n",
        "visits/2019/05/b.yaml": "person: nguyen-thi-lan\nunit: cb-cu\ndate: 15/05/2019\nmeeting: {}\n",
    })
    got = {r["unit"]: ([(m["state"], m["visits"]) for m in r["months"]], r["required"], r["met"], r["status"])
           for r in _rows(duk, folder, "2019Q2")}
    assert got == {
        "cb-cu": ([("missed", 0), ("met", 1), ("not-required", 0)], 2, 1, "chua-dat"),
        "cb-cu-hai": ([("missed", 0), ("not-required", 1), ("not-required", 0)], 1, 0, "chua-dat"),
        "cb-moi": ([("not-required", 0), ("not-required", 0), ("missed", 0)], 1, 0, "chua-dat"),
    }
