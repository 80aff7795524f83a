"""duk submit, duk status and duk scorecard: quarterly report deadlines (Article 6.1) and the
yearly criterion, on small folders whose answers are worked out by hand."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from conftest import git

from dukcli import model as m
from dukcli.periods import Period
from dukcli.rules import deadline, scorecard

PEOPLE = """\
    - id: nguyen-thi-lan
      name: Nguyễn Thị Lan
    - id: tran-van-binh
      name: Trần Văn Bình
    - id: le-van-cuong
      name: Lê Văn Cường
    - id: pham-thi-dung
      name: Phạm Thị Dung
    """
# Lan and Bình owe every quarter of 2019; Dung only Q1 and Q2 (until 10 April);
# Cường only from Q3 (owes nothing for Q2).
ASSIGNMENTS = """\
    - person: nguyen-thi-lan
      role: theo-doi
      units: [cb-so-tai-chinh, db-so-y-te]
      from: 2019-01-01
    - person: tran-van-binh
      role: phu-trach
      units: [cb-so-tai-chinh, db-so-y-te]
      from: 2019-01-01
    - person: pham-thi-dung
      role: theo-doi
      units: [db-so-y-te]
      from: 2019-01-01
      to: 2019-04-10
    - person: le-van-cuong
      role: theo-doi
      units: [cb-so-tai-chinh]
      from: 2019-07-01
    """
SUBMISSIONS = """\
    # báo cáo quý đã nhận
    - person: nguyen-thi-lan
      period: 2019Q2
      date: 2019-06-30
    - person: tran-van-binh
      period: 2019Q2
      date: 2019-07-01
    """
Q2 = {"code": "2019Q2", "label": "Quý II năm 2019", "start": "2019-04-01", "end": "2019-06-30"}


@pytest.fixture
def folder(make_folder):
    return make_folder({"people.yaml": PEOPLE, "assignments.yaml": ASSIGNMENTS, "submissions.yaml": SUBMISSIONS})


# --- status ------------------------------------------------------------------------------

def test_status_json_deadline_edge_and_who_owes(duk, folder):
    r = duk(["status", "-p", "2019Q2", "--as-of", "2019-07-05", "--format", "json"], data=folder)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == {
        "period": Q2, "due": "2019-06-30", "as_of": "2019-07-05",
        "rows": [  # Vietnamese order by given name: Bình, Dung, Lan; Cường owed nothing in Q2
            {"person": "tran-van-binh", "name": "Trần Văn Bình", "received": "2019-07-01",
             "status": "tre-han", "days_late": 1, "overdue": False},
            {"person": "pham-thi-dung", "name": "Phạm Thị Dung", "received": None,
             "status": "chua-nop", "days_late": 5, "overdue": True},
            {"person": "nguyen-thi-lan", "name": "Nguyễn Thị Lan", "received": "2019-06-30",
             "status": "dung-han", "days_late": 0, "overdue": False},
        ]}


def test_status_ignores_what_came_after_as_of(duk, folder):
    r = duk(["status", "-q", "Q2", "-y", "2019", "--as-of", "30/06/2019", "-f", "json"], data=folder)
    rows = {row["person"]: row for row in json.loads(r.stdout)["rows"]}
    assert rows["tran-van-binh"] == {"person": "tran-van-binh", "name": "Trần Văn Bình", "received": None,
                                     "status": "chua-nop", "days_late": 0, "overdue": False}
    assert rows["nguyen-thi-lan"]["status"] == "dung-han"


def test_status_table_in_vietnamese(duk, folder):
    r = duk(["status", "-p", "2019Q2", "--as-of", "2019-07-05"], data=folder)
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "Báo cáo cá nhân Quý II năm 2019" in out and "hạn nộp 30/06/2019" in out
    assert "Trễ hạn (1 ngày)" in out and "Chưa nộp (quá hạn 5 ngày)" in out and "Đúng hạn" in out
    assert out.index("Trần Văn Bình") < out.index("Phạm Thị Dung") < out.index("Nguyễn Thị Lan")
    assert "Lê Văn Cường" not in out
    assert "Đúng hạn: 1, trễ hạn: 1, chưa nộp: 1 (tổng 3 người phải báo cáo)." in out


def test_status_csv_has_bom(duk, folder):
    r = duk(["status", "-p", "2019Q2", "--as-of", "2019-07-05", "-f", "csv"], data=folder)
    lines = r.stdout.splitlines()
    assert lines[0] == "\ufeffHọ và tên,Mã người,Ngày nhận,Tình trạng,Số ngày trễ"
    assert lines[1] == "Trần Văn Bình,tran-van-binh,01/07/2019,Trễ hạn (1 ngày),1"
    assert lines[3] == "Nguyễn Thị Lan,nguyen-thi-lan,30/06/2019,Đúng hạn,0"


def test_status_q3_lists_the_newcomer_not_the_leaver(duk, folder):
    r = duk(["status", "-p", "2019Q3", "--as-of", "2019-08-01", "-f", "json"], data=folder)
    assert [row["person"] for row in json.loads(r.stdout)["rows"]] == ["tran-van-binh", "le-van-cuong",
                                                                       "nguyen-thi-lan"]


def test_due_day_clamped_and_configurable(duk, make_folder):
    base = make_folder({"submissions.yaml": SUBMISSIONS})
    duk_yaml = (base / "duk.yaml").read_text(encoding="utf-8")
    (base / "duk.yaml").write_text(duk_yaml + "report:\n  due-day: 31\n", encoding="utf-8")
    r = duk(["status", "-p", "2019Q2", "--as-of", "2019-07-05", "-f", "json"], data=base)
    assert json.loads(r.stdout)["due"] == "2019-06-30"  # June has 30 days
    r = duk(["status", "-p", "2019Q1", "--as-of", "2019-07-05", "-f", "json"], data=base)
    assert json.loads(r.stdout)["due"] == "2019-03-31"
    (base / "duk.yaml").write_text(duk_yaml + "report:\n  due-day: 25\n", encoding="utf-8")
    r = duk(["status", "-p", "2019Q2", "--as-of", "2019-07-05", "-f", "json"], data=base)
    body = json.loads(r.stdout)
    assert body["due"] == "2019-06-25"
    assert {row["person"]: (row["status"], row["days_late"]) for row in body["rows"]} == {
        "nguyen-thi-lan": ("tre-han", 5), "tran-van-binh": ("tre-han", 6)}


def test_status_needs_a_quarter(duk, folder):
    r = duk(["status", "-p", "2019"], data=folder)
    assert r.exit_code == 2
    assert "cần một quý" in r.stderr


def test_report_row_pure_edges():
    ds = m.Dataset.build(m.Config(org_name="X"), [], [m.Person("a", "A"), m.Person("b", "B"), m.Person("c", "C")],
                         [m.Assignment(p, "theo-doi", ("u",)) for p in "abc"], [],
                         [m.Submission("a", "2019Q2", dt.date(2019, 6, 30)),
                          m.Submission("b", "2019Q2", dt.date(2019, 7, 1))])
    q2 = Period("Q", 2019, 2)
    on = dt.date(2019, 7, 10)
    assert deadline.report_row(ds, "a", q2, on).status == "dung-han"
    assert deadline.report_row(ds, "b", q2, on).status == "tre-han"
    assert deadline.report_row(ds, "c", q2, on).status == "chua-nop"
    assert deadline.quarters_in(Period("9M", 2019, 0)) == [Period("Q", 2019, n) for n in (1, 2, 3)]
    assert deadline.quarters_in(Period("M", 2019, 6)) == []


# --- submit ------------------------------------------------------------------------------

INIT_SUBMISSIONS = """\
    # submissions.yaml: báo cáo cá nhân hằng quý đã nhận (ghi bằng lệnh: duk submit).
    # Ví dụ:
    # - person: nguyen-thi-lan
    #   period: 2019Q2
    #   date: 2019-06-27
    []
    """


def test_submit_writes_one_file_each_and_commits_only_it(duk, repo):
    """SPEC §2: submissions/YYYYQn/<person>.yaml, one file a report, so that two offices that
    each record one never conflict; the old submissions.yaml list is still read."""
    root = repo({"submissions.yaml": INIT_SUBMISSIONS})
    before = int(git(root, "rev-list", "--count", "HEAD"))
    r = duk(["submit", "--person", "lan", "-q", "Q2", "-y", "2019", "--date", "27/06/2019"], data=root,
            today="2019-07-05")
    assert r.exit_code == 0, r.stderr
    assert "Đã ghi nhận báo cáo Quý II năm 2019 của Nguyễn Thị Lan, nhận ngày 27/06/2019 (đúng hạn" in r.stdout
    assert (root / "submissions/2019Q2/nguyen-thi-lan.yaml").read_text(encoding="utf-8") == \
        "person: nguyen-thi-lan\nperiod: 2019Q2\ndate: 2019-06-27\n"
    assert (root / "submissions.yaml").read_text(encoding="utf-8") == textwrap.dedent(INIT_SUBMISSIONS)
    assert int(git(root, "rev-list", "--count", "HEAD")) == before + 1
    assert git(root, "log", "-1", "--format=%s").strip() == \
        "Nhận báo cáo: Nguyễn Thị Lan – Quý II năm 2019 – 27/06/2019"
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["submissions/2019Q2/nguyen-thi-lan.yaml"]
    assert git(root, "status", "--porcelain").strip() == ""
    r = duk(["submit", "--person", "binh", "-p", "2019Q2", "--date", "2019-07-01"], data=root, today="2019-07-05")
    assert r.exit_code == 0, r.stderr
    assert "trễ hạn 1 ngày" in r.stdout
    assert (root / "submissions/2019Q2/tran-van-binh.yaml").is_file()
    assert duk(["check"], data=root, today="2019-07-05").exit_code == 0
    r = duk(["status", "-p", "2019Q2", "--as-of", "2019-07-05", "-f", "json"], data=root)
    assert [(x["person"], x["status"]) for x in json.loads(r.stdout)["rows"]] == [
        ("tran-van-binh", "tre-han"), ("nguyen-thi-lan", "dung-han")]


def test_submit_never_commits_the_users_own_edits(duk, repo):
    """The user's staged and unstaged edits, in other files, stay theirs: duk's commit holds
    only its new file."""
    root = repo()
    with open(root / "people.yaml", "a", encoding="utf-8") as fh:
        fh.write("# sửa tay, chưa lưu\n")
    with open(root / "units.yaml", "a", encoding="utf-8") as fh:
        fh.write("# sửa tay, đã git add\n")
    git(root, "add", "units.yaml")
    r = duk(["submit", "--person", "lan", "-p", "2019Q2", "--date", "2019-06-27"], data=root, today="2019-07-05")
    assert r.exit_code == 0, r.stderr
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == ["submissions/2019Q2/nguyen-thi-lan.yaml"]
    assert sorted(git(root, "status", "--porcelain").splitlines()) == [" M people.yaml", "M  units.yaml"]


def test_a_submission_in_the_old_list_and_a_file_is_a_duplicate(duk, make_folder):
    root = make_folder({"submissions.yaml": "- person: nguyen-thi-lan\n  period: 2019Q2\n  date: 2019-06-27\n",
                        "submissions/2019Q2/nguyen-thi-lan.yaml": "person: nguyen-thi-lan\nperiod: 2019Q2\n"
                                                                  "date: 2019-06-28\n"})
    r = duk(["check"], data=root, today="2019-07-05")
    assert r.exit_code == 1
    assert ("submissions/2019Q2/nguyen-thi-lan.yaml:2: lỗi [duplicate-id]: báo cáo quý 2019Q2 của 'nguyen-thi-lan' "
            "đã ghi ở submissions.yaml:1") in r.stdout


def test_submit_defaults_to_current_quarter_and_today(duk, make_folder):
    root = make_folder({})
    r = duk(["submit", "--person", "nguyen-thi-lan"], data=root, today="2019-08-02")
    assert r.exit_code == 0, r.stderr
    text = (root / "submissions/2019Q3/nguyen-thi-lan.yaml").read_text(encoding="utf-8")
    assert text == "person: nguyen-thi-lan\nperiod: 2019Q3\ndate: 2019-08-02\n"


def test_submit_refuses_a_date_before_the_quarter(duk, make_folder):
    root = make_folder({})
    r = duk(["submit", "--person", "lan", "-p", "2019Q3", "--date", "30/06/2019"], data=root, today="2019-08-02")
    assert r.exit_code == 1
    assert ("ngày nhận 30/06/2019 trước khi Quý III năm 2019 bắt đầu (01/07/2019): báo cáo của một quý chỉ nộp "
            "từ ngày đầu quý") in r.stderr
    assert not (root / "submissions").exists()


def test_submit_without_date_says_today_for_this_or_the_last_quarter_only(duk, make_folder):
    root = make_folder({})
    r = duk(["submit", "--person", "lan", "-p", "2019Q2"], data=root, today="2019-08-02")
    assert r.exit_code == 0, r.stderr
    assert "Ngày nhận: hôm nay, 02/08/2019 (muốn ngày khác, dùng --date)." in r.stderr
    r = duk(["submit", "--person", "lan", "-p", "2019Q1"], data=root, today="2019-08-02",
            env={"DUK_INTERACTIVE": "0"})
    assert r.exit_code == 2
    assert "--date: Quý I năm 2019 đã qua; hãy ghi rõ ngày nhận báo cáo" in r.stderr
    assert not (root / "submissions/2019Q1").exists()
    # on a terminal the date is asked
    r = duk(["submit", "--person", "lan", "-p", "2019Q1"], data=root, today="2019-08-02",
            env={"DUK_INTERACTIVE": "1"}, input="31/02/2019\n29/03/2019\n")
    assert r.exit_code == 0, r.stderr
    assert (root / "submissions/2019Q1/nguyen-thi-lan.yaml").read_text(encoding="utf-8").endswith("date: 2019-03-29\n")


def test_submit_no_commit(duk, repo):
    root = repo({})
    before = git(root, "rev-list", "--count", "HEAD")
    r = duk(["submit", "--person", "lan", "-p", "2019Q2", "--date", "2019-06-20", "--no-commit"], data=root,
            today="2019-07-05")
    assert r.exit_code == 0, r.stderr
    assert (root / "submissions/2019Q2/nguyen-thi-lan.yaml").exists()
    assert git(root, "rev-list", "--count", "HEAD") == before
    assert "?? submissions/" in git(root, "status", "--porcelain")


@pytest.mark.parametrize("args, code, words", [
    (["--person", "lan", "-p", "2019Q3", "--date", "2019-07-06"], 1, "còn ở tương lai"),
    (["--person", "khong-co-ai", "-p", "2019Q2"], 1, "không tìm thấy người"),
    (["--person", "lan", "-p", "2019Q2", "--date", "2019-07-02"], 1,
     "đã nhận báo cáo Quý II năm 2019 của 'nguyen-thi-lan' ngày 30/06/2019 (submissions.yaml:2)"),
    (["--person", "lan", "-p", "2019"], 2, "cần một quý"),
    (["--person", "lan", "-p", "2019Q2", "--date", "31/02/2019"], 2, "--date"),
    (["-p", "2019Q2"], 2, "--person"),
])
def test_submit_refusals_write_nothing(duk, repo, args, code, words):
    root = repo({"people.yaml": PEOPLE, "assignments.yaml": ASSIGNMENTS, "submissions.yaml": SUBMISSIONS})
    text = (root / "submissions.yaml").read_bytes()
    head = git(root, "rev-parse", "HEAD")
    r = duk(["submit", *args], data=root, today="2019-07-05")
    assert r.exit_code == code, r.stderr
    assert words in r.stderr
    assert (root / "submissions.yaml").read_bytes() == text
    assert git(root, "rev-parse", "HEAD") == head
    assert git(root, "status", "--porcelain").strip() == ""


def test_submit_warns_when_nothing_was_owed(duk, make_folder):
    root = make_folder({"people.yaml": PEOPLE, "assignments.yaml": ASSIGNMENTS})
    r = duk(["submit", "--person", "cuong", "-p", "2019Q2", "--date", "2019-06-28"], data=root, today="2019-07-05")
    assert r.exit_code == 0, r.stderr
    assert "Lê Văn Cường không có phân công nào trong Quý II năm 2019" in r.stderr


# --- scorecard ---------------------------------------------------------------------------

SCORE_FILES = {
    "assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]
          from: 2019-07-01
        - person: tran-van-binh
          role: phu-trach
          units: [cb-so-tai-chinh, db-so-y-te]
          from: 2019-01-01
        """,
    "submissions.yaml": """\
        - {person: tran-van-binh, period: 2019Q1, date: 2019-03-31}
        - {person: tran-van-binh, period: 2019Q2, date: 2019-06-28}
        - {person: tran-van-binh, period: 2019Q4, date: 2019-12-30}
        - {person: nguyen-thi-lan, period: 2019Q3, date: 2019-09-30}
        """,
}
for person, unit, day in [("nguyen-thi-lan", "cb-so-tai-chinh", "2019-07-05"),
                          ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-08-05"),
                          ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-08-20"),
                          ("nguyen-thi-lan", "cb-so-tai-chinh", "2019-10-05"),
                          ("tran-van-binh", "cb-so-tai-chinh", "2019-03-10"),
                          ("tran-van-binh", "cb-phong-nghiep-vu-y", "2019-06-10"),
                          ("tran-van-binh", "db-so-y-te", "2019-09-10"),
                          ("tran-van-binh", "db-so-y-te", "2019-11-10"),
                          ("tran-van-binh", "cb-so-tai-chinh", "2019-12-10")]:
    SCORE_FILES[f"visits/2019/{day[5:7]}/{day}-{person}-{unit}.yaml"] = \
        f"person: {person}\nunit: {unit}\ndate: {day}\nmeeting: {{}}\n"

# By hand: Lan follows one unit from July: 6 covered months, met in Jul, Aug (two visits) and
# Oct: 3/6, four visits, chua-dat; she owed no report for Q1 and Q2, Q3 on time, Q4 missing.
# Bình: 12 covered months, target ceil(5·12/12) = 5, five counting visits (the cell of the Y tế
# đảng bộ counts for it): dat; Q1 received 31/03 after the 30th: late; Q3 missing.
SCORE_ROWS = [
    {"person": "tran-van-binh", "name": "Trần Văn Bình", "role": "phu-trach", "roles": ["phu-trach"],
     "met": None, "required": None, "visits": 5, "target": 5,
     "reports": {"2019Q1": "tre-han", "2019Q2": "dung-han", "2019Q3": "chua-nop", "2019Q4": "dung-han"},
     "status": "dat", "overall": "chua-hoan-thanh"},
    {"person": "nguyen-thi-lan", "name": "Nguyễn Thị Lan", "role": "theo-doi", "roles": ["theo-doi"],
     "met": 3, "required": 6, "visits": 4, "target": None,
     "reports": {"2019Q1": None, "2019Q2": None, "2019Q3": "dung-han", "2019Q4": "chua-nop"},
     "status": "chua-dat", "overall": "chua-hoan-thanh"},
]


def test_scorecard_json_hand_computed(duk, make_folder):
    root = make_folder(SCORE_FILES)
    r = duk(["scorecard", "--year", "2019", "--format", "json"], data=root, today="2020-01-10")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == {"year": 2019, "as_of": "2020-01-10", "rows": SCORE_ROWS}
    # on the year's last day the year has not ended yet: Bình is on pace, not yet "dat"
    r = duk(["scorecard", "--year", "2019", "--format", "json"], data=root, today="2019-12-31")
    assert [row["status"] for row in json.loads(r.stdout)["rows"]] == ["dung-tien-do", "chua-dat"]


def test_scorecard_table_and_csv(duk, make_folder):
    root = make_folder(SCORE_FILES)
    r = duk(["scorecard", "-y", "2019"], data=root, today="2020-01-10")
    assert r.exit_code == 0, r.stderr
    lan = next(line for line in r.stdout.splitlines() if "Nguyễn Thị Lan" in line)
    assert "3/6 tháng" in lan and "Chưa đạt" in lan and lan.count("—") == 2
    binh = next(line for line in r.stdout.splitlines() if "Trần Văn Bình" in line)
    assert "5/5 lần" in binh and "Trễ hạn" in binh and "Đạt" in binh
    r = duk(["scorecard", "-y", "2019", "-f", "csv"], data=root, today="2020-01-10")
    lines = r.stdout.splitlines()
    assert lines[0] == ("\ufeffHọ và tên,Mã người,Vai trò,Số tháng đạt,Số tháng phải đi,Số lần,Chỉ tiêu năm,"
                        "Quý I,Quý II,Quý III,Quý IV,Kết quả Điều 4,Đánh giá năm,Ý kiến cơ sở")
    assert lines[2] == ("Nguyễn Thị Lan,nguyen-thi-lan,\"Cán bộ, chuyên viên theo dõi\",3,6,4,,Không phải nộp,"
                        "Không phải nộp,Đúng hạn,Chưa nộp,Chưa đạt,Chưa hoàn thành,0")


def test_scorecard_before_the_deadline_says_not_yet_due(duk, make_folder):
    root = make_folder(SCORE_FILES)
    r = duk(["scorecard", "-y", "2019", "--as-of", "2019-12-15"], data=root, today="2019-12-31")
    binh = next(line for line in r.stdout.splitlines() if "Trần Văn Bình" in line)
    assert "Chưa đến hạn" in binh  # Q4's report (received on the 30th) not yet in as of the 15th
    r = duk(["scorecard", "-y", "2019", "--as-of", "2019-12-15", "-f", "json"], data=root, today="2019-12-31")
    # the deadline is decided once, in the rules: the JSON says what the table says
    assert json.loads(r.stdout)["rows"][0]["reports"]["2019Q4"] == "chua-den-han"


def test_scorecard_needs_a_year(duk, make_folder):
    assert duk(["scorecard"], data=make_folder({})).exit_code == 2


def test_reporting_commands_refuse_while_errors(duk, make_folder):
    root = make_folder({"submissions.yaml": "- person: ai-do\n  period: 2019Q2\n  date: 2019-06-01\n"})
    for args in (["status", "-p", "2019Q2"], ["scorecard", "-y", "2019"], ["agenda"]):
        r = duk(args, data=root, today="2019-07-05")
        assert r.exit_code == 1, args
        assert "unknown-person" in r.stderr and "duk check" in r.stderr


def test_scorecard_person_who_changed_role_in_the_year():
    """Theo-doi until 30/06, phu-trach from 01/07: one row per role, each counting only that
    role's visits (the bug: the five theo-doi visits were shown against the phu-trach target)."""
    u = m.Unit("u", "Chi bộ U", "chi-bo-co-so")
    lan = m.Person("lan", "Nguyễn Thị Lan")
    assignments = [m.Assignment("lan", "theo-doi", ("u",), dt.date(2019, 1, 1), dt.date(2019, 6, 30)),
                   m.Assignment("lan", "phu-trach", ("u",), dt.date(2019, 7, 1))]
    visits = [m.Visit("lan", "u", dt.date(2019, mo, 10), None, {}, file=f"v{mo}") for mo in (1, 2, 3, 4, 5, 6, 8, 9)]
    ds = m.Dataset.build(m.Config(org_name="X"), [u], [lan], assignments, visits, [])
    rows = scorecard.scorecard(ds, 2019, dt.date(2020, 1, 10)).rows
    # phu-trach Jul–Dec: target ceil(5 × 6 / 12) = 3, two visits (Aug, Sep): chua-dat
    # theo-doi Jan–Jun: 6/6 months met with six visits: dat
    assert [(r.role, r.met, r.required, r.visits, r.target, r.status) for r in rows] == [
        ("phu-trach", None, None, 2, 3, "chua-dat"), ("theo-doi", 6, 6, 6, None, "dat")]
    assert {r.roles for r in rows} == {("phu-trach", "theo-doi")}
    assert {r.overall for r in rows} == {"chua-hoan-thanh"}


def _card(visit_months, submissions, as_of):
    u = m.Unit("u", "Chi bộ U", "chi-bo-co-so")
    lan = m.Person("lan", "Nguyễn Thị Lan")
    assignments = [m.Assignment("lan", "phu-trach", ("u",), dt.date(2019, 1, 1))]
    visits = [m.Visit("lan", "u", dt.date(2019, mo, 10), None, {}, file=f"v{mo}") for mo in visit_months]
    subs = [m.Submission("lan", f"2019Q{n}", day) for n, day in submissions]
    ds = m.Dataset.build(m.Config(org_name="X"), [u], [lan], assignments, visits, subs)
    return scorecard.scorecard(ds, 2019, as_of).rows[0]


ON_TIME = [(1, dt.date(2019, 3, 28)), (2, dt.date(2019, 6, 28)), (3, dt.date(2019, 9, 28)), (4, dt.date(2019, 12, 28))]


def test_scorecard_overall_result():
    # the year ended, five visits, four reports on time: hoan-thanh
    assert _card((2, 4, 6, 8, 10), ON_TIME, dt.date(2020, 1, 5)).overall == "hoan-thanh"
    # the same on 31/12: the year has not ended yet
    assert _card((2, 4, 6, 8, 10), ON_TIME, dt.date(2019, 12, 31)).overall == "dang-thuc-hien"
    # one report a day late: chua-hoan-thanh at once, even mid-year
    late = [(1, dt.date(2019, 3, 31))]
    assert _card((2,), late, dt.date(2019, 4, 15)).overall == "chua-hoan-thanh"
    # a report not in by its due day: chua-hoan-thanh; before the due day: still in progress
    assert _card((2,), [], dt.date(2019, 3, 31)).overall == "chua-hoan-thanh"
    assert _card((2,), [], dt.date(2019, 3, 30)).overall == "dang-thuc-hien"
    # the year ended four visits of five: chua-hoan-thanh
    assert _card((2, 4, 6, 8), ON_TIME, dt.date(2020, 1, 5)).overall == "chua-hoan-thanh"
