"""duk people, person add|edit, units, unit add|edit|close (SPEC §5, "Keeping the records by
command"): each through the command line on a git data folder — the exact Vietnamese messages,
the file after the change byte for byte, one commit per change with only its files, a clean
`git status`, --dry-run writing nothing, and `duk check` passing afterwards."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from conftest import git
from dukcli import model as m
from dukcli.rules import records

D = dt.date

PEOPLE_CRLF = (
    "# Danh sách cán bộ\r\n"
    "- id: nguyen-thi-lan\r\n"
    "  name: Nguyễn Thị Lan\r\n"
    "  position: Chuyên viên Ban Tổ chức   # theo Quyết định 12\r\n"
    "  department: Ban Tổ chức Đảng ủy Khối\r\n"
    "\r\n"
    "# Thường trực\r\n"
    "- id: tran-van-binh\r\n"
    "  name: Trần Văn Bình\r\n"
    "  position: Phó Bí thư Đảng ủy Khối\r\n"
    "  department: Thường trực Đảng ủy Khối\r\n"
)

UNITS_CRLF = (
    "# Các tổ chức cơ sở đảng\r\n"
    "- id: cb-so-tai-chinh\r\n"
    "  name: Chi bộ Sở Tài chính\r\n"
    "  type: chi-bo-co-so\r\n"
    "  meeting-day: 5   # ngày 5 hằng tháng\r\n"
    "\r\n"
    "- id: db-so-y-te\r\n"
    "  name: Đảng bộ Sở Y tế\r\n"
    "  type: dang-bo-co-so\r\n"
    "- id: cb-phong-nghiep-vu-y\r\n"
    "  name: Chi bộ Phòng Nghiệp vụ Y\r\n"
    "  type: chi-bo-truc-thuoc\r\n"
    "  parent: db-so-y-te\r\n"
    "# sáp nhập 2019\r\n"
    "- id: cb-so-xay-dung\r\n"
    "  name: Chi bộ Sở Xây dựng\r\n"
    "  type: chi-bo-co-so\r\n"
)

ASSIGNMENTS_CRLF = (
    "# Thông báo phân công\r\n"
    "- person: nguyen-thi-lan\r\n"
    "  role: theo-doi\r\n"
    "  units: [cb-so-tai-chinh, db-so-y-te]   # hai đơn vị\r\n"
    "  from: 2019-01-01\r\n"
    "  basis: Thông báo số 80-TB/ĐUK ngày 25/02/2019\r\n"
    "\r\n"
    "- person: tran-van-binh\r\n"
    "  role: phu-trach\r\n"
    "  units: [cb-so-tai-chinh]\r\n"
    "  from: 2019-01-01\r\n"
    "  basis: Nghị quyết số 13-NQ/ĐUK ngày 25/02/2019\r\n"
    "# hết\r\n"
)

CRLF_FILES = {"people.yaml": PEOPLE_CRLF, "units.yaml": UNITS_CRLF, "assignments.yaml": ASSIGNMENTS_CRLF}


def commits(root) -> list[str]:
    return git(root, "log", "--format=%s").splitlines()


def changed_in_last(root) -> list[str]:
    return sorted(git(root, "show", "--name-only", "--format=", "HEAD").split())


def clean(root) -> bool:
    return git(root, "status", "--porcelain") == ""


def read(root, rel) -> bytes:
    return (root / rel).read_bytes()


def checks(duk, root):
    r = duk(["check"], data=root)
    assert r.exit_code == 0, r.output
    assert r.output.strip() == "Dữ liệu hợp lệ: không có lỗi, không có cảnh báo."


# --- the pure rules --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("Nguyễn Thị Lan", "nguyen-thi-lan"),
    ("Đỗ Đức Định", "do-duc-dinh"),
    ("  Chi bộ Sở Tài chính (cũ) ", "chi-bo-so-tai-chinh-cu"),
    ("Đảng bộ Công an tỉnh", "dang-bo-cong-an-tinh"),
    ("Lê  Văn--Tám 2", "le-van-tam-2"),
    ("!!!", ""),
])
def test_slug(name, expected):
    assert records.slug(name) == expected


def test_new_id_adds_a_number_when_taken():
    assert records.new_id("Nguyễn Thị Lan", set()) == "nguyen-thi-lan"
    assert records.new_id("Nguyễn Thị Lan", {"nguyen-thi-lan"}) == "nguyen-thi-lan-2"
    assert records.new_id("Nguyễn Thị Lan", {"nguyen-thi-lan", "nguyen-thi-lan-2"}) == "nguyen-thi-lan-3"
    long = "a" * 70
    assert records.new_id(long, {"a" * 64}) == "a" * 62 + "-2"


def test_close_plan_ends_splits_and_carries_over():
    alone = m.Assignment("binh", "phu-trach", ("a",), D(2019, 1, 1), None, "NQ 13", line=7)
    shared = m.Assignment("lan", "theo-doi", ("a", "b"), D(2019, 1, 1), D(2019, 12, 31), "TB 80", line=1)
    ended = m.Assignment("hoa", "theo-doi", ("a",), D(2018, 1, 1), D(2018, 12, 31), "", line=14)
    other = m.Assignment("tam", "theo-doi", ("b",), D(2019, 1, 1), None, "", line=20)
    plan = records.close_plan([shared, alone, ended, other], "a", D(2019, 6, 20), "c", "Sáp nhập")
    assert [(e.assignment.person, e.values) for e in plan.edits] == [
        ("lan", {"units": ["b"]}), ("binh", {"to": D(2019, 6, 20)})]
    assert plan.added == [
        {"person": "lan", "role": "theo-doi", "units": ["a"], "from": D(2019, 1, 1), "to": D(2019, 6, 20),
         "basis": "TB 80"},
        {"person": "lan", "role": "theo-doi", "units": ["c"], "from": D(2019, 6, 21), "to": D(2019, 12, 31),
         "basis": "Sáp nhập"},
        {"person": "binh", "role": "phu-trach", "units": ["c"], "from": D(2019, 6, 21), "to": None,
         "basis": "Sáp nhập"},
    ]


def test_close_plan_no_second_cover_of_the_successor():
    a = m.Assignment("lan", "theo-doi", ("a",), D(2019, 1, 1), None, "")
    c = m.Assignment("lan", "theo-doi", ("c",), D(2019, 1, 1), None, "")
    plan = records.close_plan([a, c], "a", D(2019, 6, 20), "c", "x")
    assert [e.values for e in plan.edits] == [{"to": D(2019, 6, 20)}]
    assert plan.added == []


# --- duk people / person add / person edit -----------------------------------------------------------

def test_people_lists_everyone(duk, repo):
    root = repo()
    r = duk(["people", "-f", "json"], data=root)
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout) == {"people": [
        {"id": "nguyen-thi-lan", "name": "Nguyễn Thị Lan", "position": "Chuyên viên Ban Tổ chức",
         "department": "Ban Tổ chức Đảng ủy Khối"},
        {"id": "tran-van-binh", "name": "Trần Văn Bình", "position": "Phó Bí thư Đảng ủy Khối",
         "department": "Thường trực Đảng ủy Khối"}]}
    r = duk(["people", "-f", "csv"], data=root)
    assert r.stdout.splitlines()[0] == "\ufeffMã người,Họ và tên,Chức vụ,Bộ phận công tác"
    assert r.stdout.splitlines()[1] == "nguyen-thi-lan,Nguyễn Thị Lan,Chuyên viên Ban Tổ chức,Ban Tổ chức Đảng ủy Khối"
    r = duk(["people"], data=root)
    assert "Danh sách người" in r.stdout and "Tổng cộng: 2 người." in r.stdout


def test_person_add_makes_the_id_from_the_name(duk, repo):
    root = repo()
    before = read(root, "people.yaml")
    r = duk(["person", "add", "--name", "Nguyễn Thị Lan", "--position", "Chuyên viên Ban Kiểm tra"], data=root)
    assert r.exit_code == 0, r.stderr
    added = ("\n- id: nguyen-thi-lan-2\n  name: Nguyễn Thị Lan\n  position: Chuyên viên Ban Kiểm tra\n").encode()
    assert read(root, "people.yaml") == before + added
    lines = r.stdout.splitlines()
    assert lines[0] == "Thay đổi sẽ ghi:"
    assert lines[-2:] == ["Đã ghi: people.yaml", "Đã lưu vào git: Thêm người: Nguyễn Thị Lan (nguyen-thi-lan-2)"]
    assert commits(root)[0] == "Thêm người: Nguyễn Thị Lan (nguyen-thi-lan-2)"
    assert len(commits(root)) == 2
    assert changed_in_last(root) == ["people.yaml"]
    assert clean(root)
    checks(duk, root)
    r = duk(["person", "add", "--name", "Lê Văn Tám", "--id", "tam", "--department", "Văn phòng"], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "Đã lưu vào git: Thêm người: Lê Văn Tám (tam)"
    assert read(root, "people.yaml").endswith(b"\n\n- id: tam\n  name: L\xc3\xaa V\xc4\x83n T\xc3\xa1m\n"
                                              b"  department: V\xc4\x83n ph\xc3\xb2ng\n")
    checks(duk, root)


def test_person_add_refuses_a_taken_or_bad_id(duk, repo):
    root = repo()
    before = read(root, "people.yaml")
    r = duk(["person", "add", "--name", "Ai Đó", "--id", "tran-van-binh"], data=root)
    assert r.exit_code == 1
    assert r.stderr.strip() == "Lỗi: --id: mã 'tran-van-binh' đã có trong people.yaml; mỗi mã chỉ dùng một lần"
    r = duk(["person", "add", "--name", "Ai Đó", "--id", "Ai Do"], data=root)
    assert r.exit_code == 2
    assert r.stderr.strip() == ("Lỗi: --id: 'Ai Do' không phải mã hợp lệ (chữ thường không dấu và số, nối bằng '-', "
                                "tối đa 64 ký tự; ví dụ nguyen-thi-lan)")
    r = duk(["person", "add", "--name", "  "], data=root)
    assert r.exit_code == 2
    assert r.stderr.strip() == "Lỗi: --name: tên không được để trống"
    r = duk(["person", "add", "--name", "???"], data=root)
    assert r.exit_code == 2
    assert r.stderr.strip() == "Lỗi: --name: không làm được mã từ tên '???'; hãy cho mã bằng --id"
    r = duk(["person", "add"], data=root)
    assert r.exit_code == 2 and "--name" in r.stderr
    assert read(root, "people.yaml") == before
    assert len(commits(root)) == 1


def test_person_add_dry_run_writes_nothing(duk, repo):
    root = repo()
    before = read(root, "people.yaml")
    r = duk(["person", "add", "--name", "Lê Văn Tám", "--dry-run"], data=root)
    assert r.exit_code == 0, r.stderr
    assert "+- id: le-van-tam" in r.stdout.splitlines()
    assert r.stdout.splitlines()[-1] == "Chạy thử (--dry-run): không có gì được ghi."
    assert read(root, "people.yaml") == before
    assert len(commits(root)) == 1 and clean(root)


def test_person_add_asks_on_a_terminal(duk, repo):
    root = repo()
    before = read(root, "people.yaml")
    r = duk(["person", "add", "--name", "Lê Văn Tám"], data=root, input="k\n", env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "Ghi thay đổi này? (c/k): Đã hủy: không có gì được ghi."
    assert read(root, "people.yaml") == before
    r = duk(["person", "add", "--name", "Lê Văn Tám", "--yes"], data=root, env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 0, r.stderr
    assert commits(root)[0] == "Thêm người: Lê Văn Tám (le-van-tam)"


def test_person_edit_changes_only_its_lines_with_comments_and_crlf(duk, repo):
    root = repo(CRLF_FILES)
    r = duk(["person", "edit", "lan", "--position", "Trưởng phòng", "--department", ""], data=root)
    assert r.exit_code == 0, r.stderr
    expected = PEOPLE_CRLF.replace("  position: Chuyên viên Ban Tổ chức   # theo Quyết định 12\r\n",
                                   "  position: Trưởng phòng   # theo Quyết định 12\r\n")
    expected = expected.replace("  department: Ban Tổ chức Đảng ủy Khối\r\n", "")
    assert read(root, "people.yaml") == expected.encode()
    assert r.stdout.splitlines()[-1] == "Đã lưu vào git: Sửa: Nguyễn Thị Lan (nguyen-thi-lan)"
    assert changed_in_last(root) == ["people.yaml"] and len(commits(root)) == 2 and clean(root)
    checks(duk, root)
    r = duk(["person", "edit", "tran-van-binh", "--name", "Trần Văn Bính", "--no-commit"], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "Đã ghi: people.yaml"
    assert "  name: Trần Văn Bính\r\n".encode() in read(root, "people.yaml")
    assert "- id: tran-van-binh\r\n".encode() in read(root, "people.yaml")  # the id never changes
    assert len(commits(root)) == 2
    assert git(root, "status", "--porcelain") == " M people.yaml\n"


def test_person_edit_refusals(duk, repo):
    root = repo()
    r = duk(["person", "edit", "lan"], data=root)
    assert r.exit_code == 2
    assert r.stderr.strip() == "Lỗi: không có gì để sửa: cho ít nhất một tùy chọn (xem --help)"
    r = duk(["person", "edit", "khong-co", "--position", "X"], data=root)
    assert r.exit_code == 1 and r.stderr.startswith("Lỗi: NGƯỜI: ")
    r = duk(["person", "edit", "lan", "--position", "Chuyên viên Ban Tổ chức"], data=root)
    assert r.exit_code == 0 and r.stdout.strip() == "Không có gì thay đổi."
    assert len(commits(root)) == 1


# --- duk units / unit add / unit edit -----------------------------------------------------------

def test_units_on_a_day(duk, repo):
    root = repo({"units.yaml": UNITS_CRLF.replace("  meeting-day: 5   # ngày 5 hằng tháng\r\n",
                                                  "  meeting-day: 5\r\n  to: 2019-06-20\r\n"),
                 "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [db-so-y-te]\n"})
    r = duk(["units", "--on", "2019-07-01", "-f", "json"], data=root)
    assert r.exit_code == 0, r.stderr
    got = json.loads(r.stdout)
    assert got["on"] == "2019-07-01"
    assert [u["id"] for u in got["units"]] == ["db-so-y-te", "cb-phong-nghiep-vu-y", "cb-so-xay-dung"]
    assert got["units"][1] == {"id": "cb-phong-nghiep-vu-y", "name": "Chi bộ Phòng Nghiệp vụ Y",
                               "type": "chi-bo-truc-thuoc", "parent": "db-so-y-te", "meeting_day": None,
                               "from": None, "to": None}
    r = duk(["units", "--on", "2019-06-20", "-f", "csv"], data=root)
    rows = r.stdout.splitlines()
    assert rows[0] == "\ufeffMã đơn vị,Đơn vị,Loại,Trực thuộc,Ngày sinh hoạt,Từ ngày,Đến ngày"
    assert rows[1] == "cb-so-tai-chinh,Chi bộ Sở Tài chính,chi bộ cơ sở,,5,,20/06/2019"
    assert rows[3] == "cb-phong-nghiep-vu-y,Chi bộ Phòng Nghiệp vụ Y,chi bộ trực thuộc,Đảng bộ Sở Y tế,,,"
    r = duk(["units", "--on", "2019-06-20"], data=root)
    assert "Danh sách đơn vị có vào ngày 20/06/2019" in r.stdout and "Tổng cộng: 4 đơn vị." in r.stdout
    r = duk(["units", "--on", "hôm kia nữa"], data=root)
    assert r.exit_code == 2 and r.stderr.startswith("Lỗi: --on: ")


def test_unit_add(duk, repo):
    root = repo()
    before = read(root, "units.yaml")
    r = duk(["unit", "add", "--name", "Chi bộ Văn phòng Sở Y tế", "--type", "chi-bo-truc-thuoc", "--parent", "y te",
             "--meeting-day", "10", "--from", "01/03/2019"], data=root)
    assert r.exit_code == 0, r.stderr
    added = ("\n- id: chi-bo-van-phong-so-y-te\n  name: Chi bộ Văn phòng Sở Y tế\n  type: chi-bo-truc-thuoc\n"
             "  parent: db-so-y-te\n  meeting-day: 10\n  from: 2019-03-01\n").encode()
    assert read(root, "units.yaml") == before + added
    assert r.stdout.splitlines()[-1] == ("Đã lưu vào git: Thêm đơn vị: Chi bộ Văn phòng Sở Y tế "
                                         "(chi-bo-van-phong-so-y-te)")
    assert changed_in_last(root) == ["units.yaml"] and len(commits(root)) == 2 and clean(root)
    checks(duk, root)


def test_unit_add_refusals(duk, repo):
    root = repo()
    before = read(root, "units.yaml")
    r = duk(["unit", "add", "--name", "X", "--type", "chi-bo"], data=root)
    assert r.exit_code == 2 and "--type" in r.stderr
    r = duk(["unit", "add", "--name", "X"], data=root)
    assert r.exit_code == 2
    assert r.stderr == "Lỗi cách dùng: Thiếu tùy chọn '--type'.\nXem: duk unit add --help\n"
    r = duk(["unit", "add", "--name", "X", "--type", "chi-bo-co-so", "--meeting-day", "32"], data=root)
    assert r.exit_code == 2
    assert r.stderr.strip() == "Lỗi: Giá trị không hợp lệ cho '--meeting-day': phải là một số nguyên từ 1 đến 31."
    r = duk(["unit", "add", "--name", "X", "--type", "chi-bo-co-so", "--id", "db-so-y-te"], data=root)
    assert r.exit_code == 1
    assert r.stderr.strip() == "Lỗi: --id: mã 'db-so-y-te' đã có trong units.yaml; mỗi mã chỉ dùng một lần"
    # A cell without its parent: check's own error, and nothing written.
    r = duk(["unit", "add", "--name", "Chi bộ Lẻ", "--type", "chi-bo-truc-thuoc"], data=root)
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == "Lỗi: thay đổi này làm danh sách có 1 lỗi; không có gì được ghi"
    assert read(root, "units.yaml") == before and len(commits(root)) == 1 and clean(root)


def test_unit_edit_keeps_the_rest(duk, repo):
    root = repo(CRLF_FILES)
    r = duk(["unit", "edit", "tai chinh", "--meeting-day", "7", "--name", "Chi bộ Sở Tài chính tỉnh"], data=root)
    assert r.exit_code == 0, r.stderr
    expected = UNITS_CRLF.replace("  name: Chi bộ Sở Tài chính\r\n", "  name: Chi bộ Sở Tài chính tỉnh\r\n")
    expected = expected.replace("  meeting-day: 5   # ngày 5", "  meeting-day: 7   # ngày 5")
    assert read(root, "units.yaml") == expected.encode()
    assert commits(root)[0] == "Sửa: Chi bộ Sở Tài chính tỉnh (cb-so-tai-chinh)"
    assert changed_in_last(root) == ["units.yaml"] and clean(root)
    checks(duk, root)


# --- duk unit close ---------------------------------------------------------------------------------

def test_unit_close_with_comments_and_crlf(duk, repo):
    """The unit's `to` after its record's last line; the shared assignment split (its units line
    rewritten in place, inline comment kept), the other one ended; the new records at the end."""
    root = repo(CRLF_FILES)
    r = duk(["unit", "close", "tai chinh", "--date", "2019-06-20"], data=root)
    assert r.exit_code == 0, r.stderr
    units = UNITS_CRLF.replace("  meeting-day: 5   # ngày 5 hằng tháng\r\n",
                               "  meeting-day: 5   # ngày 5 hằng tháng\r\n  to: 2019-06-20\r\n")
    assert read(root, "units.yaml") == units.encode()
    assignments = ASSIGNMENTS_CRLF.replace("  units: [cb-so-tai-chinh, db-so-y-te]   # hai đơn vị",
                                           "  units: [db-so-y-te]   # hai đơn vị")
    assignments = assignments.replace("  basis: Nghị quyết số 13-NQ/ĐUK ngày 25/02/2019\r\n",
                                      "  basis: Nghị quyết số 13-NQ/ĐUK ngày 25/02/2019\r\n  to: 2019-06-20\r\n")
    assignments += ("\r\n- person: nguyen-thi-lan\r\n  role: theo-doi\r\n  units: [cb-so-tai-chinh]\r\n"
                    "  from: 2019-01-01\r\n  to: 2019-06-20\r\n  basis: Thông báo số 80-TB/ĐUK ngày 25/02/2019\r\n")
    assert read(root, "assignments.yaml") == assignments.encode()
    assert r.stdout.splitlines()[-2:] == [
        "Đã ghi: units.yaml, assignments.yaml",
        "Đã lưu vào git: Đóng đơn vị: Chi bộ Sở Tài chính (cb-so-tai-chinh) ngày 20/06/2019"]
    assert changed_in_last(root) == ["assignments.yaml", "units.yaml"]
    assert len(commits(root)) == 2 and clean(root)
    checks(duk, root)
    r = duk(["unit", "close", "cb-so-tai-chinh", "--date", "2019-06-30"], data=root)
    assert r.exit_code == 1
    assert r.stderr.strip() == "Lỗi: đơn vị Chi bộ Sở Tài chính đã đóng ngày 20/06/2019"


def test_unit_close_dry_run_and_refusals(duk, repo):
    root = repo(CRLF_FILES)
    snapshot = {rel: read(root, rel) for rel in CRLF_FILES}
    r = duk(["unit", "close", "tai chinh", "--date", "2019-06-20", "--successor", "xay dung", "--dry-run"], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[-1] == "Chạy thử (--dry-run): không có gì được ghi."
    assert "+  basis: Sáp nhập Chi bộ Sở Tài chính vào Chi bộ Sở Xây dựng ngày 20/06/2019" in r.stdout.splitlines()
    r = duk(["unit", "close", "tai chinh", "--date", "2019-06-20", "--successor", "tai chinh"], data=root)
    assert r.exit_code == 2
    assert r.stderr.strip() == "Lỗi: --successor: đơn vị nhận sáp nhập phải khác đơn vị bị đóng"
    r = duk(["unit", "close", "tai chinh", "--date", "2019-06-20", "--successor", "nghiep vu"], data=root)
    assert r.exit_code == 1
    assert r.stderr.strip() == ("Lỗi: --successor: Chi bộ Phòng Nghiệp vụ Y là chi bộ trực thuộc; chỉ phân công "
                                "được chi bộ cơ sở hoặc đảng bộ cơ sở")
    r = duk(["unit", "close", "tai chinh"], data=root)
    assert r.exit_code == 2 and "--date" in r.stderr
    assert {rel: read(root, rel) for rel in CRLF_FILES} == snapshot
    assert len(commits(root)) == 1 and clean(root)


def visit(person: str, unit: str, day: str) -> str:
    return f"person: {person}\nunit: {unit}\ndate: {day}\nwork: {{}}\n"


def test_merger_against_hand_computed_article4_rows(duk, repo):
    """Chi bộ Sở Tài chính merges into Chi bộ Sở Xây dựng on 20/06/2019 (its last day). Lan
    followed Tài chính with Y tế (one assignment, split); Bình was in charge of Tài chính alone.
    From 21/06 both cover Xây dựng. Article 4: a month is covered when the coverage is in force
    on its 15th, so Tài chính is Lan's for January–June (15/06 ≤ 20/06) and Xây dựng for
    July–December (15/07 is the first 15th from 21/06); June is not Xây dựng's, though
    coverage began on 21/06."""
    root = repo({
        "units.yaml": UNITS_CRLF,
        "assignments.yaml": ASSIGNMENTS_CRLF,
        "visits/2019/06/a.yaml": visit("nguyen-thi-lan", "cb-so-tai-chinh", "2019-06-10"),
        "visits/2019/06/b.yaml": visit("nguyen-thi-lan", "cb-so-xay-dung", "2019-06-25"),
        "visits/2019/07/c.yaml": visit("nguyen-thi-lan", "cb-so-xay-dung", "2019-07-10"),
        "visits/2019/08/d.yaml": visit("tran-van-binh", "cb-so-xay-dung", "2019-08-02"),
    })
    # Before the merger Lan does not cover Xây dựng: her visits there are check's errors.
    r = duk(["unit", "close", "tai chinh", "--date", "2019-06-20", "--successor", "xay dung", "--yes"], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.splitlines()[-1] == ("Đã lưu vào git: Đóng đơn vị: Chi bộ Sở Tài chính (cb-so-tai-chinh) ngày "
                                         "20/06/2019, sáp nhập vào Chi bộ Sở Xây dựng")
    assert changed_in_last(root) == ["assignments.yaml", "units.yaml"] and clean(root)
    basis = "Sáp nhập Chi bộ Sở Tài chính vào Chi bộ Sở Xây dựng ngày 20/06/2019"
    tail = read(root, "assignments.yaml").decode().split("# hết\r\n")[1]
    assert tail == ("\r\n- person: nguyen-thi-lan\r\n  role: theo-doi\r\n  units: [cb-so-tai-chinh]\r\n"
                    "  from: 2019-01-01\r\n  to: 2019-06-20\r\n  basis: Thông báo số 80-TB/ĐUK ngày 25/02/2019\r\n"
                    "\r\n- person: nguyen-thi-lan\r\n  role: theo-doi\r\n  units: [cb-so-xay-dung]\r\n"
                    f"  from: 2019-06-21\r\n  basis: {basis}\r\n"
                    "\r\n- person: tran-van-binh\r\n  role: phu-trach\r\n  units: [cb-so-xay-dung]\r\n"
                    f"  from: 2019-06-21\r\n  basis: {basis}\r\n")
    checks(duk, root)

    r = duk(["quota", "-p", "2019", "-f", "json", "--as-of", "2019-12-31"], data=root)
    assert r.exit_code == 0, r.stderr
    rows = {(row["person"], row["unit"]): row for row in json.loads(r.stdout)["rows"]}
    M = [f"2019-{n:02d}" for n in range(1, 13)]

    def states(row):
        return [(mo["month"], mo["state"], mo["visits"]) for mo in row["months"]]

    # Lan, Tài chính: covered January–June (the 15th of each inside 01/01–20/06); June met
    # by the visit of 10/06, the other five missed; not required from July.
    tc = rows[("nguyen-thi-lan", "cb-so-tai-chinh")]
    assert states(tc) == ([(mo, "missed", 0) for mo in M[:5]] + [("2019-06", "met", 1)]
                          + [(mo, "not-required", 0) for mo in M[6:]])
    assert (tc["required"], tc["met"], tc["status"]) == (6, 1, "chua-dat")
    # Lan, Xây dựng: covered from 21/06, so from July (15/07); the visit of 25/06 counts (in
    # force that day) but June is not required; July met by 10/07; August–November missed;
    # December pending (as-of 31/12 is not after its last day).
    xd = rows[("nguyen-thi-lan", "cb-so-xay-dung")]
    assert states(xd) == ([(mo, "not-required", 0) for mo in M[:5]] + [("2019-06", "not-required", 1),
                                                                         ("2019-07", "met", 1)]
                          + [(mo, "missed", 0) for mo in M[7:11]] + [("2019-12", "pending", 0)])
    assert (xd["required"], xd["met"], xd["status"]) == (6, 1, "chua-dat")
    # Lan, Y tế: untouched by the split, covered all year.
    yt = rows[("nguyen-thi-lan", "db-so-y-te")]
    assert (yt["required"], yt["met"]) == (12, 0)
    # Bình (phu-trach): a unit covered in every month (Tài chính to June, Xây dựng from July),
    # so c(Jan, Dec) = 12, target ⌈5 × 12 / 12⌉ = 5 = expected; one counting visit (02/08, Xây
    # dựng); the year has not ended on 31/12 and 1 < 5: dang-thuc-hien.
    binh = rows[("tran-van-binh", None)]
    assert (binh["visits"], binh["visits_ytd"], binh["target_year"], binh["expected"], binh["status"]) == (
        1, 1, 5, 5, "dang-thuc-hien")


# --- --format xlsx ------------------------------------------------------------------------------

def header_row(ws) -> int:
    return next(n for n in range(1, 6) if ws.cell(row=n, column=1).value == "TT")


def test_people_and_units_as_excel(duk, repo, tmp_path):
    import openpyxl

    root = repo({"units.yaml": UNITS_CRLF.replace("  meeting-day: 5   # ngày 5 hằng tháng\r\n",
                                                  "  meeting-day: 5\r\n  from: 2015-01-01\r\n  to: 2019-06-20\r\n"),
                 "assignments.yaml": "- person: nguyen-thi-lan\n  role: theo-doi\n  units: [db-so-y-te]\n"})
    r = duk(["people", "-f", "xlsx", "-o", str(tmp_path / "nguoi.xlsx")], data=root)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "" and r.stderr.startswith("Đã ghi ") and "nguoi.xlsx" in r.stderr
    ws = openpyxl.load_workbook(tmp_path / "nguoi.xlsx").active
    assert ws.title == "Người" and ws.cell(row=1, column=1).value == "Danh sách người"
    top = header_row(ws)
    assert [c.value for c in ws[top]] == ["TT", "Mã người", "Họ và tên", "Chức vụ", "Bộ phận công tác"]
    assert [c.value for c in ws[top + 1]] == [1, "nguyen-thi-lan", "Nguyễn Thị Lan", "Chuyên viên Ban Tổ chức",
                                              "Ban Tổ chức Đảng ủy Khối"]
    assert ws.cell(row=top, column=2).font.bold and ws.freeze_panes == f"A{top + 1}"

    r = duk(["units", "--on", "2019-06-01", "-f", "xlsx", "-o", str(tmp_path / "don-vi.xlsx")], data=root)
    assert r.exit_code == 0, r.stderr
    ws = openpyxl.load_workbook(tmp_path / "don-vi.xlsx").active
    assert ws.title == "Đơn vị" and ws.cell(row=1, column=1).value == "Danh sách đơn vị có vào ngày 01/06/2019"
    top = header_row(ws)
    assert [c.value for c in ws[top]] == ["TT", "Mã đơn vị", "Đơn vị", "Loại", "Trực thuộc", "Ngày sinh hoạt",
                                          "Từ ngày", "Đến ngày"]
    first = [c.value for c in ws[top + 1]]
    assert first[:6] == [1, "cb-so-tai-chinh", "Chi bộ Sở Tài chính", "chi bộ cơ sở", None, 5]
    assert first[6:] == [dt.datetime(2015, 1, 1), dt.datetime(2019, 6, 20)]  # real dates
    assert ws.cell(row=top + 1, column=7).number_format == "DD/MM/YYYY"
    assert [c.value for c in ws[top + 3]][1:5] == ["cb-phong-nghiep-vu-y", "Chi bộ Phòng Nghiệp vụ Y",
                                                   "chi bộ trực thuộc", "Đảng bộ Sở Y tế"]
    r = duk(["units", "-f", "xlsx"], data=root)
    assert r.exit_code == 2
