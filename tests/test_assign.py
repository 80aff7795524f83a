"""duk assignments, duk assign, duk unassign (SPEC §5, "Keeping the records by command"): the
listing, a hand-over with and without a split, ending one unit's coverage, the file's text kept
byte for byte outside the changed record (comments, CRLF), one commit per change, refusals; and
a hand-over checked against Article 4 rows computed by hand (SPEC §4: the new holder is
responsible from the month whose 15th falls inside their coverage)."""

from __future__ import annotations

import datetime as dt
import json

from conftest import BASE, git

from dukcli.rules import handover
from dukcli import model as m

PEOPLE = BASE["people.yaml"].rstrip(" ") + """\
        - id: le-van-cuong
          name: Lê Văn Cường
          position: Chuyên viên Ban Tổ chức
          department: Ban Tổ chức Đảng ủy Khối
        """

# Comments, blank lines, an inline comment and CRLF line endings: kept byte for byte.
CRLF = ("# Phân công theo dõi, phụ trách cơ sở\r\n"
        "\r\n"
        "- person: nguyen-thi-lan   # chuyên viên\r\n"
        "  role: theo-doi\r\n"
        "  units: [cb-so-tai-chinh, db-so-y-te]  # hai đơn vị\r\n"
        "  from: 2019-01-01\r\n"
        "  basis: Thông báo số 80-TB/ĐUK ngày 25/02/2019\r\n"
        "\r\n"
        "# Ban Thường vụ\r\n"
        "- person: tran-van-binh\r\n"
        "  role: phu-trach\r\n"
        "  units: [cb-so-tai-chinh, db-so-y-te]\r\n"
        "  from: 2019-01-01\r\n"
        "# cuối tệp\r\n")

HANDED = ("\r\n"
          "- person: nguyen-thi-lan\r\n"
          "  role: theo-doi\r\n"
          "  units: [cb-so-tai-chinh]\r\n"
          "  from: 2019-01-01\r\n"
          "  to: 2019-06-19\r\n"
          "  basis: Thông báo số 80-TB/ĐUK ngày 25/02/2019\r\n"
          "\r\n"
          "- person: le-van-cuong\r\n"
          "  role: theo-doi\r\n"
          "  units: [cb-so-tai-chinh]\r\n"
          "  from: 2019-06-20\r\n"
          "  basis: Thông báo số 95-TB/ĐUK ngày 18/06/2019\r\n")

AFTER = CRLF.replace("[cb-so-tai-chinh, db-so-y-te]  # hai", "[db-so-y-te]  # hai") + HANDED

ASSIGN = ["assign", "--person", "cuong", "--role", "theo-doi", "--units", "tai chinh", "--from", "20/06/2019",
          "--basis", "Thông báo số 95-TB/ĐUK ngày 18/06/2019", "--yes"]
HANDOVER_LINE = "Bàn giao: Chi bộ Sở Tài chính từ Nguyễn Thị Lan sang Lê Văn Cường từ ngày 20/06/2019"
ASSIGN_MESSAGE = "Phân công: Lê Văn Cường Cán bộ, chuyên viên theo dõi Chi bộ Sở Tài chính từ 20/06/2019"


def commits(root) -> int:
    return len(git(root, "log", "--format=%H").split())


def last_commit(root) -> tuple[str, list[str]]:
    return git(root, "log", "-1", "--format=%s").strip(), git(root, "show", "--name-only", "--format=", "HEAD").split()


def read(root, rel="assignments.yaml") -> str:
    return (root / rel).read_bytes().decode("utf-8")


def checks_clean(duk, root):
    r = duk(["check"], data=root)
    assert r.exit_code == 0, r.stdout + r.stderr


# --- duk assign: the hand-over ----------------------------------------------------------------

def test_a_hand_over_splits_the_old_assignment_and_keeps_the_rest_of_the_file(duk, repo):
    root = repo({"people.yaml": PEOPLE, "assignments.yaml": CRLF})
    r = duk(ASSIGN, data=root)
    assert r.exit_code == 0, r.stderr
    out = r.stdout.splitlines()
    assert out[0] == HANDOVER_LINE
    assert out[1] == "Thay đổi sẽ ghi:"
    assert "-  units: [cb-so-tai-chinh, db-so-y-te]  # hai đơn vị" in out
    assert "+  units: [db-so-y-te]  # hai đơn vị" in out
    assert out[-2:] == ["Đã ghi: assignments.yaml", f"Đã lưu vào git: {ASSIGN_MESSAGE}"]
    # The old record changes one line; the new ones are appended; everything else byte for byte.
    assert read(root) == AFTER
    assert commits(root) == 2
    assert last_commit(root) == (ASSIGN_MESSAGE, ["assignments.yaml"])
    assert git(root, "status", "--porcelain") == ""
    checks_clean(duk, root)


def test_a_hand_over_of_the_only_unit_ends_the_old_assignment(duk, repo):
    old = ("- person: nguyen-thi-lan\n"
           "  role: theo-doi\n"
           "  units: [cb-so-tai-chinh]\n"
           "  from: 2019-01-01\n"
           "  to: null   # chưa kết thúc\n")
    root = repo({"people.yaml": PEOPLE, "assignments.yaml": old})
    r = duk(ASSIGN[:-3] + ["--to", "31/12/2020", "--yes"], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == HANDOVER_LINE
    assert read(root) == ("- person: nguyen-thi-lan\n"
                          "  role: theo-doi\n"
                          "  units: [cb-so-tai-chinh]\n"
                          "  from: 2019-01-01\n"
                          "  to: 2019-06-19   # chưa kết thúc\n"
                          "\n"
                          "- person: le-van-cuong\n"
                          "  role: theo-doi\n"
                          "  units: [cb-so-tai-chinh]\n"
                          "  from: 2019-06-20\n"
                          "  to: 2020-12-31\n")
    assert last_commit(root) == ("Phân công: Lê Văn Cường Cán bộ, chuyên viên theo dõi Chi bộ Sở Tài chính "
                                 "từ 20/06/2019 đến 31/12/2020", ["assignments.yaml"])
    checks_clean(duk, root)


def test_a_new_assignment_with_nobody_to_replace_prints_no_hand_over(duk, repo):
    root = repo({"people.yaml": PEOPLE})
    r = duk(["assign", "--person", "le-van-cuong", "--role", "theo-doi", "--units", "cb-so-tai-chinh,db-so-y-te",
             "--from", "2018-01-01", "--to", "2018-12-31", "--yes"], data=root)
    assert r.exit_code == 0, r.stderr
    assert not any(line.startswith("Bàn giao") for line in r.stdout.splitlines())
    assert read(root).endswith("\n- person: le-van-cuong\n  role: theo-doi\n  units: [cb-so-tai-chinh, db-so-y-te]\n"
                               "  from: 2018-01-01\n  to: 2018-12-31\n")
    assert last_commit(root)[0] == ("Phân công: Lê Văn Cường Cán bộ, chuyên viên theo dõi Chi bộ Sở Tài chính, "
                                    "Đảng bộ Sở Y tế từ 01/01/2018 đến 31/12/2018")
    checks_clean(duk, root)


def test_dry_run_and_no_commit(duk, repo):
    root = repo({"people.yaml": PEOPLE, "assignments.yaml": CRLF})
    r = duk(ASSIGN[:-1] + ["--dry-run"], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == HANDOVER_LINE
    assert r.stdout.splitlines()[-1] == "Chạy thử (--dry-run): không có gì được ghi."
    assert read(root) == CRLF and commits(root) == 1
    r = duk(ASSIGN + ["--no-commit"], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "Đã ghi: assignments.yaml"
    assert read(root).endswith(HANDED) and commits(root) == 1
    assert git(root, "status", "--porcelain").split() == ["M", "assignments.yaml"]


def test_refusals_change_nothing(duk, repo):
    root = repo({"people.yaml": PEOPLE})
    before = read(root)
    cases = [
        (["--person", "khong ai"], 1, "Lỗi: --person: không tìm thấy người 'khong ai'.\n"),
        (["--units", "khong co"], 1, "Lỗi: --units: không tìm thấy đơn vị 'khong co'.\n"),
        (["--units", "tai chinh,cb-so-tai-chinh"], 2, "Lỗi: --units: đơn vị 'cb-so-tai-chinh' được ghi hai lần\n"),
        (["--units", " , "], 2, "Lỗi: --units: chưa có đơn vị nào\n"),
        (["--to", "2019-06-01"], 2, "Lỗi: --to: ngày 01/06/2019 trước ngày bắt đầu 20/06/2019\n"),
    ]
    for change, code, message in cases:
        args = list(ASSIGN)
        for option, value in zip(change[::2], change[1::2]):
            if option in args:
                args[args.index(option) + 1] = value
            else:
                args[-1:-1] = [option, value]
        r = duk(args, data=root)
        assert (r.exit_code, r.stderr) == (code, message), change
    # Tran Van Binh is a Standing Committee member: a second role at once is what check refuses.
    r = duk(["assign", "--person", "binh", "--role", "theo-doi", "--units", "tai chinh", "--from", "2019-06-20",
             "--yes"], data=root)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == "Lỗi: thay đổi này làm danh sách có 2 lỗi; không có gì được ghi"
    assert "[assignment-overlap]" in r.stderr
    # A sub-branch cannot be assigned (its visits count for its parent).
    r = duk(["assign", "--person", "cuong", "--role", "theo-doi", "--units", "nghiep vu", "--from", "2019-06-20",
             "--yes"], data=root)
    assert r.exit_code == 1 and "[schema]" in r.stderr
    assert read(root) == before and commits(root) == 1


def test_a_hand_over_on_the_old_holders_first_day_is_refused(duk, repo):
    root = repo({"people.yaml": PEOPLE, "assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]
          from: 2019-06-20
        """})
    r = duk(ASSIGN, data=root)
    assert r.exit_code == 1
    assert r.stderr == ("Lỗi: Nguyễn Thị Lan bắt đầu theo dõi, phụ trách Chi bộ Sở Tài chính đúng ngày 20/06/2019: "
                        "không có gì để bàn giao; hãy sửa phân công đó trong assignments.yaml rồi chạy duk commit\n")
    assert commits(root) == 1


# --- duk unassign -----------------------------------------------------------------------------

def test_unassign_one_unit_of_several_splits(duk, repo):
    root = repo({"assignments.yaml": CRLF})
    r = duk(["unassign", "--person", "lan", "--unit", "y te", "--to", "30/09/2019", "--yes"], data=root)
    assert r.exit_code == 0, r.stderr
    message = "Kết thúc phân công: Nguyễn Thị Lan Cán bộ, chuyên viên theo dõi Đảng bộ Sở Y tế đến hết ngày 30/09/2019"
    assert r.stdout.splitlines()[-1] == f"Đã lưu vào git: {message}"
    assert read(root) == (CRLF.replace("[cb-so-tai-chinh, db-so-y-te]  # hai", "[cb-so-tai-chinh]  # hai")
                          + "\r\n- person: nguyen-thi-lan\r\n  role: theo-doi\r\n  units: [db-so-y-te]\r\n"
                            "  from: 2019-01-01\r\n  to: 2019-09-30\r\n"
                            "  basis: Thông báo số 80-TB/ĐUK ngày 25/02/2019\r\n")
    assert last_commit(root) == (message, ["assignments.yaml"])
    checks_clean(duk, root)


def test_unassign_the_only_unit_sets_to(duk, repo):
    root = repo({"assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]   # một đơn vị
          from: 2019-01-01
        """})
    r = duk(["unassign", "--person", "lan", "--unit", "tai chinh", "--to", "2019-03-31", "--yes"], data=root)
    assert r.exit_code == 0, r.stderr
    assert read(root) == ("- person: nguyen-thi-lan\n  role: theo-doi\n  units: [cb-so-tai-chinh]   # một đơn vị\n"
                          "  from: 2019-01-01\n  to: 2019-03-31\n")
    assert commits(root) == 2
    r = duk(["unassign", "--person", "lan", "--unit", "tai chinh", "--to", "2019-03-31", "--yes"], data=root)
    assert (r.exit_code, r.stderr) == (1, "Lỗi: phân công Nguyễn Thị Lan ở Chi bộ Sở Tài chính đã kết thúc ngày "
                                          "31/03/2019; không có gì thay đổi\n")
    r = duk(["unassign", "--person", "lan", "--unit", "tai chinh", "--to", "2019-05-31", "--dry-run"], data=root)
    assert (r.exit_code, r.stderr) == (1, "Lỗi: Nguyễn Thị Lan không được phân công ở Chi bộ Sở Tài chính vào ngày "
                                          "31/05/2019\n")
    r = duk(["unassign", "--person", "lan", "--unit", "khong co", "--to", "2019-05-31"], data=root)
    assert (r.exit_code, r.stderr) == (1, "Lỗi: --unit: không tìm thấy đơn vị 'khong co'.\n")
    assert commits(root) == 2


# --- duk assignments --------------------------------------------------------------------------

def test_assignments_on_a_day(duk, repo):
    root = repo({"people.yaml": PEOPLE, "assignments.yaml": AFTER})
    r = duk(["assignments", "--on", "2019-06-19", "--format", "json"], data=root)
    assert r.exit_code == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["on"] == "2019-06-19"
    assert [(a["person"], a["role"], a["unit"], a["from"], a["to"]) for a in got["assignments"]] == [
        ("tran-van-binh", "phu-trach", "cb-so-tai-chinh", "2019-01-01", None),
        ("tran-van-binh", "phu-trach", "db-so-y-te", "2019-01-01", None),
        ("nguyen-thi-lan", "theo-doi", "cb-so-tai-chinh", "2019-01-01", "2019-06-19"),
        ("nguyen-thi-lan", "theo-doi", "db-so-y-te", "2019-01-01", None),
    ]
    assert got["assignments"][2]["role_name"] == "Cán bộ, chuyên viên theo dõi"
    assert got["assignments"][2]["basis"] == "Thông báo số 80-TB/ĐUK ngày 25/02/2019"
    r = duk(["assignments", "--on", "20/06/2019", "--unit", "nghiep vu", "-f", "csv"], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines() == [
        "\ufeffHọ và tên,Mã người,Vai trò,Đơn vị,Mã đơn vị,Từ ngày,Đến ngày,Căn cứ",
        "Trần Văn Bình,tran-van-binh,Ủy viên Ban Thường vụ phụ trách,Đảng bộ Sở Y tế,db-so-y-te,01/01/2019,,",
        "Nguyễn Thị Lan,nguyen-thi-lan,\"Cán bộ, chuyên viên theo dõi\",Đảng bộ Sở Y tế,db-so-y-te,01/01/2019,,"
        "Thông báo số 80-TB/ĐUK ngày 25/02/2019",
    ]
    r = duk(["assignments", "--on", "2019-06-20", "--person", "cuong"], data=root)
    assert r.exit_code == 0, r.stderr
    assert "Phân công theo dõi, phụ trách cơ sở ngày 20/06/2019" in r.stdout
    assert "Lê Văn Cường" in r.stdout and "Thông báo số 95-TB/ĐUK" in r.stdout
    assert "1 dòng phân công." in r.stdout
    r = duk(["assignments", "--on", "2018-01-01"], data=root)
    assert "Không có phân công nào còn hiệu lực ngày 01/01/2018." in r.stdout
    r = duk(["assignments", "--person", "khong ai"], data=root)
    assert (r.exit_code, r.stderr) == (1, "Lỗi: --person: không tìm thấy người 'khong ai'.\n")


def test_assignments_refuse_broken_lists(duk, repo):
    root = repo({"assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [khong-co]\n"})
    r = duk(["assignments"], data=root)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == "Lỗi: danh sách có 1 lỗi; chạy duk check để xem và sửa"
    r = duk(["assign", "--person", "lan", "--role", "theo-doi", "--units", "y te", "--from", "2019-01-01"], data=root)
    assert r.exit_code == 1 and "[unknown-unit]" in r.stderr


# --- Article 4 after a hand-over, by hand -----------------------------------------------------

def visit(person: str, day: str) -> tuple[str, str]:
    return (f"visits/{day[:4]}/{day[5:7]}/{day}-{person}.yaml",
            f"person: {person}\nunit: cb-so-tai-chinh\ndate: {day}\nwork: {{}}\n")


def test_hand_over_against_article_4_by_hand(duk, repo):
    """Lan follows the Finance cell from 1/1/2019; Cuong takes it over from 20/6/2019. June's 15th
    is in Lan's coverage: June is hers; July's is in Cuong's: from July on the month is his."""
    days = {"nguyen-thi-lan": ["2019-01-10", "2019-02-10", "2019-03-10", "2019-04-10", "2019-05-10", "2019-06-10",
                               "2019-06-25"],  # the last one after the hand-over: counts for nobody
            "le-van-cuong": ["2019-06-28", "2019-07-05", "2019-08-05", "2019-10-05", "2019-11-05", "2019-12-05"]}
    files = dict(visit(p, d) for p, ds in days.items() for d in ds)
    root = repo({"people.yaml": PEOPLE, **files})
    r = duk(ASSIGN, data=root)
    assert r.exit_code == 0, r.stderr
    r = duk(["quota", "-p", "2019", "-f", "json"], data=root, today="2019-12-31")
    assert r.exit_code == 0, r.stderr
    rows = {(row["person"], row["unit"]): row for row in json.loads(r.stdout)["rows"] if row["role"] == "theo-doi"}
    months = [f"2019-{n:02d}" for n in range(1, 13)]

    def expect(states, counts):
        return [{"month": mo, "state": s, "visits": c} for mo, s, c in zip(months, states, counts)]

    lan = rows[("nguyen-thi-lan", "cb-so-tai-chinh")]
    assert lan["months"] == expect(["met"] * 6 + ["not-required"] * 6, [1] * 6 + [0] * 6)
    assert (lan["visits"], lan["required"], lan["met"], lan["status"]) == (6, 6, 6, "dat")
    cuong = rows[("le-van-cuong", "cb-so-tai-chinh")]
    assert cuong["months"] == expect(
        ["not-required"] * 6 + ["met", "met", "missed", "met", "met", "met"],
        [0, 0, 0, 0, 0, 1, 1, 1, 0, 1, 1, 1])  # June's visit counts (in force) but June is not his
    assert (cuong["visits"], cuong["required"], cuong["met"], cuong["status"]) == (6, 6, 5, "chua-dat")
    # Lan keeps the Health Department's committee all year: the hand-over did not touch it
    # (December has not ended on 31/12: pending).
    health = rows[("nguyen-thi-lan", "db-so-y-te")]
    assert [s["state"] for s in health["months"]] == ["missed"] * 11 + ["pending"]
    r = duk(["check"], data=root)
    assert r.exit_code == 0
    assert "[not-assigned]" in r.stdout + r.stderr  # Lan's visit of 25/06, after she handed the cell over


# --- the pure plan ----------------------------------------------------------------------------

def test_plan_groups_units_of_one_record_and_leaves_other_roles_alone():
    a = m.Assignment("a", "theo-doi", ("x", "y", "z"), dt.date(2019, 1, 1), None, "TB 1", line=1)
    b = m.Assignment("b", "phu-trach", ("x",), dt.date(2019, 1, 1), None, "", line=6)
    c = m.Assignment("c", "theo-doi", ("y",), dt.date(2019, 7, 1), None, "", line=10)  # starts later: kept
    records = handover.locate([a, b, c], [(0, 4), (5, 8), (9, 12)])
    plan = handover.assign(records, "d", "theo-doi", ["y", "x"], dt.date(2019, 6, 20))
    assert plan.edits == (
        handover.SetValues(0, {"units": ["z"]}),
        handover.Append({"person": "a", "role": "theo-doi", "units": ["x", "y"], "from": dt.date(2019, 1, 1),
                         "to": dt.date(2019, 6, 19), "basis": "TB 1"}),
        handover.Append({"person": "d", "role": "theo-doi", "units": ["y", "x"], "from": dt.date(2019, 6, 20),
                         "to": None, "basis": None}),
    )
    assert [h.unit for h in plan.handed] == ["y", "x"]


def test_a_hand_over_between_standing_committee_members(duk, repo):
    """The same rule in the phu-trach role: Binh keeps the Health committee, Cuong takes the
    Finance cell from 1/10/2019 (Binh's split record carries it until 30/09/2019)."""
    root = repo({"people.yaml": PEOPLE})
    r = duk(["assign", "--person", "cuong", "--role", "phu-trach", "--units", "tai chinh", "--from", "01/10/2019",
             "--yes"], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[0] == ("Bàn giao: Chi bộ Sở Tài chính từ Trần Văn Bình sang Lê Văn Cường "
                                        "từ ngày 01/10/2019")
    assert read(root).endswith("  basis: Nghị quyết số 13-NQ/ĐUK ngày 25/02/2019\n"
                               "\n- person: tran-van-binh\n  role: phu-trach\n  units: [cb-so-tai-chinh]\n"
                               "  from: 2019-01-01\n  to: 2019-09-30\n  basis: Nghị quyết số 13-NQ/ĐUK ngày 25/02/2019\n"
                               "\n- person: le-van-cuong\n  role: phu-trach\n  units: [cb-so-tai-chinh]\n"
                               "  from: 2019-10-01\n")
    # Binh is still in charge of a unit every month: his yearly target stays 5; Cuong's is
    # ceil(5 × 3 / 12) = 2 (October to December).
    r = duk(["quota", "-p", "2019", "-f", "json"], data=root)
    rows = {row["person"]: row for row in json.loads(r.stdout)["rows"] if row["role"] == "phu-trach"}
    assert (rows["tran-van-binh"]["target_year"], rows["le-van-cuong"]["target_year"]) == (5, 2)
    checks_clean(duk, root)
