"""SPEC conformance: one test per promise that an audit found broken (then fixed)."""

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
        for path in (visit, folder / "submissions.yaml", tmp_path / "bc.docx", tmp_path / "moi" / "duk.yaml"):
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
    finally:
        os.umask(old)
