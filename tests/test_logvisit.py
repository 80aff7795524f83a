"""duk log-visit: refusals leave nothing behind, the happy paths write exactly what is expected."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import unicodedata
from pathlib import Path

import pytest

from conftest import git

from dukcli.rules import entry

REPO = Path(__file__).resolve().parents[1]
TODAY = "2019-05-20"
LAN_TC = "visits/2019/05/2019-05-14-nguyen-thi-lan-cb-so-tai-chinh.yaml"


def commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD").strip())


def visit_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "visits").rglob("*") if p.is_file())


def run(duk, root, *args, input=None, env=None, today=TODAY):
    return duk(["log-visit", *args], data=root, today=today, input=input, env=env)


# --- the pure part ------------------------------------------------------------------------

def test_names_and_message():
    day = dt.date(2019, 5, 4)
    assert entry.stem(day, "nguyen-thi-lan", "cb-so-tai-chinh") == "2019-05-04-nguyen-thi-lan-cb-so-tai-chinh"
    assert entry.folder(day) == "visits/2019/05"
    assert entry.commit_message("Nguyễn Thị Lan", "Chi bộ Sở Tài chính", day) == \
        "Ghi nhận: Nguyễn Thị Lan – Chi bộ Sở Tài chính – 04/05/2019"


def test_options_laid_over_a_file_in_spec_order():
    draft = entry.from_document({"meeting": {"rating": "kem", "conduct": "cũ"}, "date": "14/05/2019",
                                 "person": "lan"})
    draft = entry.with_options(draft, unit="tai chinh", parts=("work",),
                               texts={"rating": "tot", "lessons": "mới", "situation": None})
    mapping = entry.to_mapping("nguyen-thi-lan", "cb-so-tai-chinh", dt.date(2019, 5, 14), draft.sections)
    assert list(mapping) == ["person", "unit", "date", "work", "meeting"]
    assert mapping["work"] == {}
    assert list(mapping["meeting"].items()) == [("conduct", "cũ"), ("lessons", "mới"), ("rating", "tot")]
    assert (draft.person, draft.unit, draft.date) == ("lan", "tai chinh", "14/05/2019")


# --- the happy path -----------------------------------------------------------------------

def test_happy_path_writes_exact_yaml_and_commit(duk, repo):
    root = repo()
    before = commits(root)
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019",
            "--situation", "Tình hình ổn định.\nĐảng viên gương mẫu.", "--meeting-proposals", "Tăng kinh phí",
            "--rating", "kha")
    assert r.exit_code == 0, r.stderr
    assert visit_files(root) == [LAN_TC]
    assert (root / LAN_TC).read_text(encoding="utf-8") == textwrap.dedent("""\
        person: nguyen-thi-lan
        unit: cb-so-tai-chinh
        date: 2019-05-14
        work:
          situation: |-
            Tình hình ổn định.
            Đảng viên gương mẫu.
        meeting:
          proposals: Tăng kinh phí
          rating: kha
        """)
    assert commits(root) == before + 1
    assert git(root, "log", "-1", "--format=%s").strip() == \
        "Ghi nhận: Nguyễn Thị Lan – Chi bộ Sở Tài chính – 14/05/2019"
    assert git(root, "show", "--name-only", "--format=", "HEAD").split() == [LAN_TC]
    assert git(root, "status", "--porcelain").strip() == ""
    lines = r.stdout.splitlines()
    assert lines[0] == f"Đã ghi chuyến đi vào: {LAN_TC}"
    assert lines[1] == "Đã lưu vào git: Ghi nhận: Nguyễn Thị Lan – Chi bộ Sở Tài chính – 14/05/2019"
    assert lines[2] == ("Điều 4 – Nguyễn Thị Lan theo dõi Chi bộ Sở Tài chính, Quý II năm 2019: "
                        "tháng 4 ✗ (0), tháng 5 ✓ (1), tháng 6 … (0); đạt 1/3 tháng – Chưa đạt.")
    assert r.stderr == ""
    assert duk(["check"], data=root, today=TODAY).exit_code == 0


def test_phu_trach_sees_the_year_against_the_target(duk, repo):
    root = repo()
    r = run(duk, root, "--person", "tran-van-binh", "--unit", "cb-phong-nghiep-vu-y", "--date", "hôm qua",
            "--meeting")
    assert r.exit_code == 0, r.stderr
    assert visit_files(root) == ["visits/2019/05/2019-05-19-tran-van-binh-cb-phong-nghiep-vu-y.yaml"]
    assert (root / visit_files(root)[0]).read_text(encoding="utf-8") == textwrap.dedent("""\
        person: tran-van-binh
        unit: cb-phong-nghiep-vu-y
        date: 2019-05-19
        meeting: {}
        """)
    assert ("Điều 4 – Trần Văn Bình (Ủy viên Ban Thường vụ phụ trách): 1 chuyến đi từ đầu năm 2019 đến nay; "
            "chỉ tiêu cả năm 5, đến hết Quý II năm 2019 cần 3 – Đang thực hiện.") in r.stdout.splitlines()


def test_iso_date_and_nfd_text_stored_as_nfc(duk, repo):
    root = repo()
    nfd = unicodedata.normalize("NFD", "Khó khăn về kinh phí")
    r = run(duk, root, "--person", "NGUYEN THI", "--unit", "db-so-y-te", "--date", "2019-05-02",
            "--difficulties", nfd)
    assert r.exit_code == 0, r.stderr
    text = (root / "visits/2019/05/2019-05-02-nguyen-thi-lan-db-so-y-te.yaml").read_text(encoding="utf-8")
    assert "  difficulties: Khó khăn về kinh phí\n" in text
    assert unicodedata.is_normalized("NFC", text)


def test_second_visit_same_day_is_refused(duk, repo):
    """SPEC §4/§5: one person, one unit, one day is one visit; the second entry is refused,
    naming the file to add to."""
    root = repo()
    args = ("--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work")
    assert run(duk, root, *args).exit_code == 0
    before = commits(root)
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--meeting")
    assert r.exit_code == 1
    assert (f"lỗi [duplicate-visit]: đã có chuyến đi của người này tới đơn vị này trong cùng ngày ({LAN_TC}); "
            f"mỗi người, mỗi đơn vị, mỗi ngày chỉ ghi một chuyến. Muốn bổ sung nội dung, sửa tệp đó: duk edit {LAN_TC}"
            ) in r.stderr
    assert visit_files(root) == [LAN_TC]
    assert commits(root) == before


def test_a_twin_is_refused_whatever_the_file_names(duk, repo):
    """The existing file sorts after the new one ('z-…' > '2019-…'): still refused."""
    root = repo({"visits/2019/05/z-ghi-tay.yaml": "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\n"
                                                  "date: 2019-05-14\nwork: {}\n"})
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--meeting")
    assert r.exit_code == 1
    assert "lỗi [duplicate-visit]" in r.stderr and "visits/2019/05/z-ghi-tay.yaml" in r.stderr
    assert visit_files(root) == ["visits/2019/05/z-ghi-tay.yaml"]


def test_a_visit_to_a_cell_the_same_day_as_its_parent_is_refused(duk, repo):
    root = repo()
    assert run(duk, root, "--person", "binh", "--unit", "db-so-y-te", "--date", "14/05/2019", "--work").exit_code == 0
    r = run(duk, root, "--person", "binh", "--unit", "cb-phong-nghiep-vu-y", "--date", "14/05/2019", "--meeting")
    assert r.exit_code == 1
    assert "lỗi [duplicate-visit]" in r.stderr


def test_not_assigned_is_a_warning_and_saved(duk, repo):
    root = repo()
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "10/12/2018", "--work")
    assert r.exit_code == 0
    assert "Cảnh báo [not-assigned]:" in r.stderr
    assert visit_files(root) == ["visits/2018/12/2018-12-10-nguyen-thi-lan-cb-so-tai-chinh.yaml"]
    assert "Điều 4 – chuyến đi này không được tính cho phân công nào." in r.stdout


def test_errors_elsewhere_are_one_warning(duk, repo):
    root = repo({"visits/2019/04/hong.yaml": "person: nguyen-thi-lan\nunit: khong-co\ndate: 2019-04-02\nwork:\n"})
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work")
    assert r.exit_code == 0
    assert r.stderr.splitlines() == ["Cảnh báo: thư mục dữ liệu đang có 1 lỗi ở các tệp khác (xem: duk check); "
                                     "chuyến đi này hợp lệ nên vẫn được ghi."]
    assert LAN_TC in visit_files(root)


def test_no_commit_and_plain_folder(duk, repo, make_folder):
    root = repo()
    before = commits(root)
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work", "--no-commit")
    assert r.exit_code == 0
    assert visit_files(root) == [LAN_TC]
    assert commits(root) == before
    assert git(root, "status", "--porcelain", "--untracked-files=all").strip() == f"?? {LAN_TC}"
    assert "git" not in r.stdout
    plain = make_folder()
    r = run(duk, plain, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work")
    assert r.exit_code == 0, r.stderr
    assert visit_files(plain) == [LAN_TC]
    assert "Đã lưu vào git" not in r.stdout


def test_failing_git_leaves_the_file_and_says_so(duk, repo, failing_git, monkeypatch):
    root = repo()
    before = commits(root)
    monkeypatch.setenv("PATH", failing_git["PATH"])
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work")
    assert r.exit_code == 0
    assert visit_files(root) == [LAN_TC]
    assert commits(root) == before
    assert f"Cảnh báo: đã ghi tệp {LAN_TC} nhưng chưa lưu được vào git" in r.stderr
    assert "Tệp vẫn còn nguyên" in r.stderr


# --- refusals: nothing written, nothing committed -----------------------------------------

DISSOLVED = {"units.yaml": """\
    - id: cb-so-tai-chinh
      name: Chi bộ Sở Tài chính
      type: chi-bo-co-so
    - id: db-so-y-te
      name: Đảng bộ Sở Y tế
      type: dang-bo-co-so
    - id: cb-cong-ty-giay
      name: Chi bộ Công ty Giấy
      type: chi-bo-co-so
      to: 2019-03-31
    """}

REFUSALS = [
    ("bad day", {}, ["--person", "lan", "--unit", "tai chinh", "--date", "31/02/2019", "--work"], 2,
     "Lỗi: --date: ngày '31/02/2019' không có thật"),
    ("future", {}, ["--person", "lan", "--unit", "tai chinh", "--date", "21/05/2019", "--work"], 1,
     "lỗi [future-date]: ngày 21/05/2019 còn ở tương lai (hôm nay là 20/05/2019)"),
    ("unknown person", {}, ["--person", "hoang", "--unit", "tai chinh", "--date", "14/05/2019", "--work"], 1,
     "Lỗi: --person: không tìm thấy người 'hoang'."),
    ("ambiguous person", {}, ["--person", "an", "--unit", "tai chinh", "--date", "14/05/2019", "--work"], 1,
     "Lỗi: --person: 'an' khớp với nhiều người: Nguyễn Thị Lan (nguyen-thi-lan); Trần Văn Bình (tran-van-binh)."),
    ("no part", {}, ["--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019"], 2,
     "Lỗi: cần --work hoặc --meeting hoặc một nội dung"),
    ("control character", {}, ["--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019",
                               "--lessons", "rút\x07kinh nghiệm"], 1,
     "lỗi [bad-text]: 'lessons' chứa ký tự điều khiển không được phép (mã U+0007)"),
    ("dissolved unit", DISSOLVED, ["--person", "lan", "--unit", "cong ty giay", "--date", "14/05/2019", "--work"],
     1, "lỗi [unit-inactive]: đơn vị 'Chi bộ Công ty Giấy' không tồn tại vào ngày 14/05/2019"),
    ("missing date", {}, ["--person", "lan", "--unit", "tai chinh", "--work"], 2, "Lỗi: thiếu --date"),
    ("missing all", {}, ["--work"], 2, "Lỗi: thiếu --person, --unit, --date"),
]


@pytest.mark.parametrize("files,args,code,message", [r[1:] for r in REFUSALS], ids=[r[0] for r in REFUSALS])
def test_refusals_write_and_commit_nothing(duk, repo, files, args, code, message):
    root = repo(files)
    before = commits(root)
    r = run(duk, root, *args)
    assert r.exit_code == code
    assert message in r.stderr
    assert r.stdout == ""
    assert visit_files(root) == []
    assert commits(root) == before
    assert git(root, "status", "--porcelain").strip() == ""


def test_refused_entry_says_nothing_was_written(duk, repo):
    r = run(duk, repo(), "--person", "lan", "--unit", "tai chinh", "--date", "21/05/2019", "--work")
    assert r.stderr.splitlines()[-1] == ("Lỗi: chuyến đi không hợp lệ nên không được ghi "
                                         "(không có gì được ghi, không có gì được lưu vào git)")


# --- --from-file --------------------------------------------------------------------------

def test_from_file_with_options_overriding(duk, repo, tmp_path):
    root = repo()
    source = tmp_path / "chuyen-di.yaml"
    source.write_text(textwrap.dedent("""\
        person: nguyễn thị lan
        unit: db-so-y-te
        date: 03/05/2019
        meeting:
          preparation: Chuẩn bị chu đáo
          rating: kem
        """), encoding="utf-8")
    r = run(duk, root, "--from-file", str(source), "--rating", "tot", "--situation", "Ổn định")
    assert r.exit_code == 0, r.stderr
    assert (root / "visits/2019/05/2019-05-03-nguyen-thi-lan-db-so-y-te.yaml").read_text(encoding="utf-8") == \
        textwrap.dedent("""\
        person: nguyen-thi-lan
        unit: db-so-y-te
        date: 2019-05-03
        work:
          situation: Ổn định
        meeting:
          preparation: Chuẩn bị chu đáo
          rating: tot
        """)


def test_from_file_unknown_key_refused(duk, repo, tmp_path):
    root = repo()
    source = tmp_path / "v.yaml"
    source.write_text("person: lan\nunit: tai chinh\ndate: 2019-05-14\nwork:\n  situaton: gõ nhầm\n",
                      encoding="utf-8")
    r = run(duk, root, "--from-file", str(source))
    assert r.exit_code == 1
    assert "lỗi [schema]: khóa lạ 'situaton'" in r.stderr
    assert visit_files(root) == []


def test_from_file_bad_yaml_names_file_and_line(duk, repo, tmp_path):
    source = tmp_path / "v.yaml"
    source.write_text("person: lan\nunit: [tai chinh\n", encoding="utf-8")
    r = run(duk, repo(), "--from-file", str(source))
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Lỗi: {source}:2: ")


# --- --edit -------------------------------------------------------------------------------

EDITOR = """\
import sys
from pathlib import Path

target = Path(sys.argv[1])
log = Path({log!r})
calls = sorted(log.glob("call-*.yaml"))
n = len(calls) + 1
(log / f"call-{{n}}.yaml").write_text(target.read_text(encoding="utf-8"), encoding="utf-8")
answers = {answers!r}
target.write_text(answers[min(n, len(answers)) - 1], encoding="utf-8")
"""

INVALID = "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork:\n  situaton: Viết nhầm khóa\n"
VALID = ("person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork:\n"
         "  situation: |\n    Dòng một\n    Dòng hai\n")


def editor(tmp_path: Path, *answers: str) -> tuple[str, Path]:
    log = tmp_path / "editor-log"
    log.mkdir()
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(log=str(log), answers=list(answers)), encoding="utf-8")
    return f"{sys.executable} {script}", log


def test_edit_invalid_then_reopened_with_text_kept(duk, repo, tmp_path):
    root = repo()
    command, log = editor(tmp_path, INVALID, VALID)
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work", "--edit",
            input="y\n", env={"EDITOR": command, "VISUAL": ""})
    assert r.exit_code == 0, r.stderr
    first, second = (log / "call-1.yaml").read_text(encoding="utf-8"), (log / "call-2.yaml").read_text(encoding="utf-8")
    # The editor was opened on the filled-in entry, every item of the part left blank.
    assert first.endswith("person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork:\n"
                          "  situation:\n  difficulties:\n  proposals:\n")
    assert second == INVALID  # reopened with what was typed
    assert "Nội dung chưa hợp lệ:" in r.stderr and "khóa lạ 'situaton'" in r.stderr
    assert "Mở lại trình soạn thảo để sửa" in r.stdout
    assert (root / LAN_TC).read_text(encoding="utf-8") == (
        "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork:\n"
        "  situation: |-\n    Dòng một\n    Dòng hai\n")
    assert git(root, "log", "-1", "--format=%s").strip() == \
        "Ghi nhận: Nguyễn Thị Lan – Chi bộ Sở Tài chính – 14/05/2019"


def test_edit_declined_keeps_a_rescue_file(duk, repo, tmp_path):
    root = repo()
    before = commits(root)
    command, _ = editor(tmp_path, INVALID)
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work", "--edit",
            input="n\n", env={"EDITOR": command, "VISUAL": ""})
    assert r.exit_code == 1
    assert visit_files(root) == []
    assert commits(root) == before
    rescued = list((root / ".duk").glob("chuyen-di-chua-ghi-*.yaml"))
    assert len(rescued) == 1
    assert rescued[0].read_text(encoding="utf-8") == INVALID
    assert f"Nội dung đã gõ được giữ ở: {rescued[0]}" in r.stderr


def test_edit_emptied_cancels(duk, repo, tmp_path):
    root = repo()
    command, _ = editor(tmp_path, "# bỏ\n")
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work", "--edit",
            env={"EDITOR": command, "VISUAL": ""})
    assert r.exit_code == 1
    assert "Lỗi: nội dung trống: đã hủy, không có gì được ghi" in r.stderr
    assert visit_files(root) == []


# --- on a terminal ------------------------------------------------------------------------

def test_interactive_run_through_the_prompts(duk, repo):
    root = repo()
    answers = [
        "an",            # ambiguous: listed, asked again
        "2",             # Nguyễn Thị Lan (list sorted by given name: Bình, Lan)
        "21/05/2019",    # a future date: said at once, asked again
        "hôm qua",       # date, before the unit (SPEC §5)
        "tai chinh",     # typed part of a unit name
        "3",             # both parts
        "Tình hình tốt", "", "Đề nghị hỗ trợ",   # I.2, I.3, I.4
        "Chuẩn bị kỹ", "", "", "", "", "",        # II.2 … II.7
        "2",             # rating: Khá
        "y",             # save
    ]
    r = run(duk, root, input="\n".join(answers) + "\n", env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 0, r.stdout + r.stderr
    out = r.stdout
    assert "  1. Trần Văn Bình (tran-van-binh)\n  2. Nguyễn Thị Lan (nguyen-thi-lan)" in out
    assert "'an' khớp với nhiều người" in out
    assert "Đơn vị được phân công ngày 19/05/2019:\n  1. Chi bộ Sở Tài chính (cb-so-tai-chinh)\n" \
           "  2. Đảng bộ Sở Y tế (db-so-y-te)\n  3. Chi bộ Phòng Nghiệp vụ Y (cb-phong-nghiep-vu-y)" in out
    assert "Ngày đi (DD/MM/YYYY, 'hôm nay', 'hôm qua') (20/05/2019):" in out
    assert out.index("Ngày đi") < out.index("Đơn vị được phân công")
    assert "Ngày 21/05/2019 còn ở tương lai (hôm nay là 20/05/2019); nhập lại." in out
    assert "I.2 Đánh giá tình hình của cơ sở:" in out and "II.7 Kiến nghị, đề xuất với Ban Thường vụ:" in out
    expected = textwrap.dedent("""\
        person: nguyen-thi-lan
        unit: cb-so-tai-chinh
        date: 2019-05-19
        work:
          situation: Tình hình tốt
          proposals: Đề nghị hỗ trợ
        meeting:
          preparation: Chuẩn bị kỹ
          rating: kha
        """)
    assert "Chuyến đi sẽ được ghi vào visits/2019/05/2019-05-19-nguyen-thi-lan-cb-so-tai-chinh.yaml:\n" + expected in out
    assert "Lưu chuyến đi này? (c/k):" in out
    assert (root / "visits/2019/05/2019-05-19-nguyen-thi-lan-cb-so-tai-chinh.yaml").read_text(encoding="utf-8") == expected
    assert commits(root) == 2


def test_interactive_units_are_those_in_force_that_day_and_a_closed_unit_is_asked_again(duk, repo):
    assignments = """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh]
          from: 2019-01-01
          to: 2019-03-31
        - person: nguyen-thi-lan
          role: theo-doi
          units: [db-so-y-te]
          from: 2019-04-01
        """
    units = """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
          to: 2019-04-30
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
          type: dang-bo-co-so
        """
    root = repo({"assignments.yaml": assignments, "units.yaml": units})
    answers = ["lan", "10/05/2019", "tai chinh", "1", "2", "", "", "", "", "", "", "", "y"]
    r = run(duk, root, input="\n".join(answers) + "\n", env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "Đơn vị được phân công ngày 10/05/2019:\n  1. Đảng bộ Sở Y tế (db-so-y-te)\n" in r.stdout
    assert "'tai chinh'" in r.stdout  # closed on 30/04: not among the units of 10/05, asked again
    assert visit_files(root) == ["visits/2019/05/2019-05-10-nguyen-thi-lan-db-so-y-te.yaml"]
    # with the unit given, the date is judged against its life at once
    answers = ["15/05/2019", "15/04/2019", "1", "", "", "", "y"]
    r = run(duk, root, "--person", "lan", "--unit", "cb-so-tai-chinh", input="\n".join(answers) + "\n",
            env={"DUK_INTERACTIVE": "1"})
    assert "Đơn vị Chi bộ Sở Tài chính không tồn tại vào ngày 15/05/2019; nhập ngày khác." in r.stdout
    assert r.exit_code == 0, r.stderr


def test_interactive_a_visit_already_recorded_is_refused_before_any_text(duk, repo):
    root = repo()
    assert run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work").exit_code == 0
    r = run(duk, root, "--person", "lan", input="14/05/2019\n1\n", env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 1
    assert "mỗi ngày chỉ ghi một chuyến" in r.stderr
    assert "Ghi nhận phần nào?" not in r.stdout  # refused before the parts and texts were asked


def test_interactive_refusal_after_the_texts_keeps_them_in_a_draft(duk, repo):
    root = repo()
    (root / ".git" / "MERGE_HEAD").write_text("0" * 40 + "\n")
    answers = ["lan", "14/05/2019", "1", "1", "Tình hình tốt, rất dài để không mất", "", "", "y"]
    r = run(duk, root, input="\n".join(answers) + "\n", env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 1
    assert "đang gộp nhánh (merge) dở dang" in r.stderr and "Nội dung đã gõ được giữ ở:" in r.stderr
    kept = r.stderr.split("Nội dung đã gõ được giữ ở: ")[1].split("\n")[0]
    assert "Tình hình tốt, rất dài để không mất" in Path(kept).read_text(encoding="utf-8")
    assert visit_files(root) == []


def test_interactive_declined_writes_nothing(duk, repo):
    root = repo()
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "10/12/2018", "--work",
            "--situation", "x", input="n\n", env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 1
    # the not-assigned warning is shown before the question
    assert r.stdout.index("Cảnh báo [not-assigned]") < r.stdout.index("Lưu chuyến đi này?")
    assert "Đã hủy; không có gì được ghi." in r.stderr
    assert visit_files(root) == []
    assert commits(root) == 1


# --- many at once -------------------------------------------------------------------------

def test_sixteen_parallel_runs_lose_and_mix_nothing(repo):
    """16 real processes on 16 days, plus 4 more for a day already taken at the same moment:
    16 files and 16 commits, each commit its own file; the 4 twins are refused under the
    lock even though each judged its entry before any was written."""
    root = repo()
    before = commits(root)
    env = {**os.environ, "DUK_TODAY": TODAY, "PYTHONPATH": str(REPO), "DUK_INTERACTIVE": "0"}
    days = [f"{d:02d}/05/2019" for d in range(1, 17)] + ["01/05/2019"] * 4
    procs = [subprocess.Popen([sys.executable, "-m", "dukcli", "--data", str(root), "log-visit",
                               "--person", "nguyen-thi-lan", "--unit", "cb-so-tai-chinh", "--date", day,
                               "--lessons", f"Ghi chú số {i}"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=str(root))
             for i, day in enumerate(days)]
    codes = []
    for p in procs:
        _, err = p.communicate(timeout=300)
        codes.append(p.returncode)
        if p.returncode:
            assert "duplicate-visit" in err.decode() or "mỗi ngày chỉ ghi một chuyến" in err.decode(), err.decode()
    assert sorted(codes) == [0] * 16 + [1] * 4
    files = visit_files(root)
    assert files == sorted(f"visits/2019/05/2019-05-{d:02d}-nguyen-thi-lan-cb-so-tai-chinh.yaml" for d in range(1, 17))
    assert commits(root) == before + 16
    notes = set()
    for sha in git(root, "log", "-16", "--format=%H").split():
        changed = git(root, "show", "--name-only", "--format=", sha).split()
        assert len(changed) == 1
        committed = git(root, "show", f"{sha}:{changed[0]}")
        assert committed == (root / changed[0]).read_text(encoding="utf-8")
        notes.add(committed.split("lessons: ")[1].strip())
    assert len(notes) == 16
    assert git(root, "status", "--porcelain").strip() == ""


def test_unit_matched_among_units_existing_that_day(duk, repo):
    units = DISSOLVED["units.yaml"].rstrip(" ") + """\
    - id: cb-so-tai-chinh-cu
      name: Chi bộ Sở Tài chính (cũ)
      type: chi-bo-co-so
      to: 2018-12-31
    """
    root = repo({"units.yaml": units})
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--work")
    assert r.exit_code == 0, r.stderr
    assert visit_files(root) == [LAN_TC]
    r = run(duk, root, "--person", "lan", "--unit", "tai chinh", "--date", "01/06/2018", "--work")
    assert r.exit_code == 1
    assert ("Lỗi: --unit: 'tai chinh' khớp với nhiều đơn vị: Chi bộ Sở Tài chính (cb-so-tai-chinh); "
            "Chi bộ Sở Tài chính (cũ) (cb-so-tai-chinh-cu).") in r.stderr
    assert visit_files(root) == [LAN_TC]
