"""duk edit, duk rm, duk undo, duk commit (SPEC §5): one visit corrected or removed as one
commit, duk's own last commit undone, hand edits saved once check finds no error."""

from __future__ import annotations

import sys
from pathlib import Path

from conftest import git

TODAY = "2019-07-20"
A = "visits/2019/05/2019-05-14-nguyen-thi-lan-cb-so-tai-chinh.yaml"
B = "visits/2019/05/2019-05-20-nguyen-thi-lan-db-so-y-te.yaml"
A_TEXT = ("person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\n"
          "work:\n  situation: Tình hình ổn định.\n")
B_TEXT = "person: nguyen-thi-lan\nunit: db-so-y-te\ndate: 2019-05-20\nwork:\n  situation: Tốt.\n"
FIXED = A_TEXT.replace("ổn định.", "ổn định, đảng viên gương mẫu.")
INVALID = A_TEXT.replace("  situation:", "  situaton:")


def commits(root: Path) -> int:
    return int(git(root, "rev-list", "--count", "HEAD").strip())


def subject(root: Path) -> str:
    return git(root, "log", "-1", "--format=%s").strip()


def changed(root: Path) -> list[str]:
    return git(root, "show", "--name-only", "--no-renames", "--format=", "HEAD").split()


def status(root: Path) -> str:
    return git(root, "status", "--porcelain", "--untracked-files=all").strip()


EDITOR = """\
import sys
from pathlib import Path

target = Path(sys.argv[1])
log = Path({log!r})
n = len(list(log.glob("call-*.yaml"))) + 1
(log / f"call-{{n}}.yaml").write_text(target.read_text(encoding="utf-8"), encoding="utf-8")
answers = {answers!r}
if answers:
    target.write_text(answers[min(n, len(answers)) - 1], encoding="utf-8")
"""


def editor(tmp_path: Path, *answers: str) -> tuple[dict, Path]:
    """env for duk with an editor that writes answers[0], answers[1]… on each opening (none:
    saved unchanged), and the folder where it keeps what it was given each time."""
    log = tmp_path / "editor-log"
    log.mkdir()
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(log=str(log), answers=list(answers)), encoding="utf-8")
    return {"EDITOR": f"{sys.executable} {script}", "VISUAL": ""}, log


def opened(log: Path, n: int) -> str:
    return (log / f"call-{n}.yaml").read_text(encoding="utf-8")


# --- edit ----------------------------------------------------------------------------------

def test_edit_a_valid_change_is_written_and_committed_alone(duk, repo, tmp_path):
    root = repo({A: A_TEXT, B: B_TEXT})
    (root / "ghi-chu.txt").write_text("của người dùng\n", encoding="utf-8")
    env, log = editor(tmp_path, FIXED)
    r = duk(["edit", A], data=root, today=TODAY, env=env)
    assert r.exit_code == 0, r.stderr
    assert opened(log, 1) == A_TEXT  # the editor was given the file as it is
    assert (root / A).read_text(encoding="utf-8") == FIXED
    assert r.stdout == f"Đã sửa tệp: {A}\nĐã lưu vào git: Sửa: {A}\n"
    assert subject(root) == f"Sửa: {A}"
    assert changed(root) == [A]
    assert status(root) == "?? ghi-chu.txt"


def test_edit_by_person_unit_and_date(duk, repo, tmp_path):
    root = repo({A: A_TEXT, B: B_TEXT})
    env, _ = editor(tmp_path, FIXED)
    r = duk(["edit", "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019"], data=root, today=TODAY,
            env=env)
    assert r.exit_code == 0, r.stderr
    assert (root / A).read_text(encoding="utf-8") == FIXED
    assert (root / B).read_text(encoding="utf-8") == B_TEXT


def test_edit_invalid_is_said_and_reopened_with_the_text_kept(duk, repo, tmp_path):
    root = repo({A: A_TEXT})
    env, log = editor(tmp_path, INVALID, FIXED)
    r = duk(["edit", A], data=root, today=TODAY, env=env, input="y\n")
    assert r.exit_code == 0, r.stderr
    assert opened(log, 2) == INVALID  # reopened on what was typed, not on the file
    assert "Nội dung chưa hợp lệ: tệp sau khi sửa chưa hợp lệ\n  dòng 5: lỗi [schema]:" in r.stderr
    assert "'situaton'" in r.stderr
    assert "Mở lại trình soạn thảo để sửa (nội dung đã gõ được giữ nguyên)?" in r.stdout
    assert (root / A).read_text(encoding="utf-8") == FIXED
    assert subject(root) == f"Sửa: {A}"
    assert status(root) == ""


def test_edit_invalid_and_declined_keeps_the_text_and_changes_nothing(duk, repo, tmp_path):
    root = repo({A: A_TEXT})
    before = commits(root)
    env, _ = editor(tmp_path, INVALID)
    r = duk(["edit", A], data=root, today=TODAY, env=env, input="n\n")
    assert r.exit_code == 1
    kept = list((root / ".duk").glob("chuyen-di-dang-sua-*.yaml"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == INVALID
    assert (f"Lỗi: tệp sau khi sửa chưa hợp lệ; không có gì được ghi, tệp {A} vẫn như cũ. "
            f"Nội dung đã sửa được giữ ở: {kept[0]}\nMuốn sửa tiếp: duk edit {A}") in r.stderr
    assert (root / A).read_text(encoding="utf-8") == A_TEXT
    assert commits(root) == before and status(root) == ""


def test_edit_unchanged_writes_nothing(duk, repo, tmp_path):
    root = repo({A: A_TEXT})
    before = commits(root)
    env, _ = editor(tmp_path)  # saved as it was
    r = duk(["edit", A], data=root, today=TODAY, env=env)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == "Không có gì thay đổi.\n"
    assert commits(root) == before and status(root) == ""


def test_edit_refuses_a_second_visit_of_the_same_day(duk, repo, tmp_path):
    root = repo({A: A_TEXT, B: B_TEXT})
    twin = B_TEXT.replace("db-so-y-te", "cb-so-tai-chinh").replace("2019-05-20", "2019-05-14")
    env, _ = editor(tmp_path, twin)
    r = duk(["edit", B], data=root, today=TODAY, env=env, input="n\n")
    assert r.exit_code == 1
    assert (f"  dòng 3: lỗi [duplicate-visit]: đã có chuyến đi của người này tới đơn vị này trong cùng ngày ({A})"
            in r.stderr)
    assert (root / B).read_text(encoding="utf-8") == B_TEXT


def test_edit_a_new_month_moves_the_file_in_one_commit(duk, repo, tmp_path):
    root = repo({A: A_TEXT})
    before = commits(root)
    june = A_TEXT.replace("2019-05-14", "2019-06-03")
    new = "visits/2019/06/2019-06-03-nguyen-thi-lan-cb-so-tai-chinh.yaml"
    env, _ = editor(tmp_path, june)
    r = duk(["edit", A], data=root, today=TODAY, env=env)
    assert r.exit_code == 0, r.stderr
    assert not (root / A).exists()
    assert (root / new).read_text(encoding="utf-8") == june
    assert r.stdout == f"Đã sửa và chuyển tệp: {A} → {new}\nĐã lưu vào git: Sửa: {A} → {new}\n"
    assert commits(root) == before + 1
    assert sorted(changed(root)) == sorted([A, new])
    assert status(root) == ""
    assert duk(["check"], data=root, today=TODAY).exit_code == 0


def test_edit_no_commit_writes_only(duk, repo, tmp_path):
    root = repo({A: A_TEXT})
    before = commits(root)
    env, _ = editor(tmp_path, FIXED)
    r = duk(["edit", A, "--no-commit"], data=root, today=TODAY, env=env)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == f"Đã sửa tệp: {A}\n"
    assert commits(root) == before and status(root) == f"M {A}"


def test_which_visit_refusals(duk, repo):
    root = repo({A: A_TEXT, "visits/2019/05/lan-tai-chinh-them.yaml": A_TEXT.replace("ổn định", "tốt")})
    r = duk(["edit"], data=root, today=TODAY)
    assert r.exit_code == 2 and "cần chỉ ra chuyến đi: đường dẫn tệp" in r.stderr
    r = duk(["rm", A, "--person", "lan"], data=root, today=TODAY)
    assert r.exit_code == 2 and "không dùng cả hai" in r.stderr
    r = duk(["rm", "--person", "lan", "--date", "14/05/2019"], data=root, today=TODAY)
    assert r.exit_code == 2 and "thiếu --unit: tìm chuyến đi cần đủ --person, --unit và --date" in r.stderr
    r = duk(["rm", "people.yaml"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert "Lỗi: 'people.yaml' không phải tệp chuyến đi (tệp .yaml trong thư mục visits/)" in r.stderr
    r = duk(["rm", str(root / A), "--dry-run"], data=root, today=TODAY)  # as typed from anywhere
    assert r.exit_code == 0 and r.stdout.startswith(f"Sẽ xóa tệp {A}:\n")
    outside = root.parent / "ngoai.yaml"
    outside.write_text(A_TEXT, encoding="utf-8")
    r = duk(["rm", str(outside)], data=root, today=TODAY)
    assert r.exit_code == 1 and f"Lỗi: '{outside}' nằm ngoài thư mục dữ liệu" in r.stderr
    r = duk(["rm", "visits/2019/05/khong-co.yaml"], data=root, today=TODAY)
    assert r.exit_code == 1 and "Lỗi: không có tệp visits/2019/05/khong-co.yaml" in r.stderr
    r = duk(["rm", "--person", "lan", "--unit", "y te", "--date", "14/05/2019"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert "Lỗi: không có chuyến đi nào của Nguyễn Thị Lan tới Đảng bộ Sở Y tế ngày 14/05/2019" in r.stderr
    r = duk(["rm", "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert ("Lỗi: có 2 tệp chuyến đi của Nguyễn Thị Lan tới Chi bộ Sở Tài chính ngày 14/05/2019; chỉ ra một tệp "
            f"bằng đường dẫn của nó:\n  {A}\n  visits/2019/05/lan-tai-chinh-them.yaml\n") in r.stderr
    assert status(root) == ""


# --- rm ------------------------------------------------------------------------------------

def test_rm_asks_and_no_keeps_the_file(duk, repo):
    root = repo({A: A_TEXT})
    before = commits(root)
    r = duk(["rm", A], data=root, today=TODAY, input="n\n", env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 1
    assert r.stdout.startswith(f"Sẽ xóa tệp {A}:\n{A_TEXT}Xóa tệp này?")
    assert r.stdout.endswith("Đã hủy: không có gì được ghi.\n")
    assert (root / A).exists() and commits(root) == before


def test_rm_asks_and_yes_removes_in_one_commit(duk, repo):
    root = repo({A: A_TEXT, B: B_TEXT})
    r = duk(["rm", A], data=root, today=TODAY, input="c\n", env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 0, r.stderr
    assert r.stdout.endswith(f"Đã xóa tệp: {A}\nĐã lưu vào git: Xóa: {A}\n")
    assert not (root / A).exists() and (root / B).exists()
    assert subject(root) == f"Xóa: {A}" and changed(root) == [A] and status(root) == ""


def test_rm_yes_does_not_ask(duk, repo):
    root = repo({A: A_TEXT})
    r = duk(["rm", "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--yes"], data=root,
            today=TODAY, env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 0, r.stderr
    assert "Xóa tệp này?" not in r.stdout
    assert not (root / A).exists() and subject(root) == f"Xóa: {A}"


def test_rm_dry_run_removes_nothing(duk, repo):
    root = repo({A: A_TEXT})
    before = commits(root)
    r = duk(["rm", A, "--dry-run"], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == f"Sẽ xóa tệp {A}:\n{A_TEXT}Chạy thử (--dry-run): không có gì được ghi.\n"
    assert (root / A).exists() and commits(root) == before and status(root) == ""


# --- undo ----------------------------------------------------------------------------------

def logged(duk, root) -> str:
    r = duk(["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "14/05/2019", "--situation", "Tốt."],
            data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    return subject(root)


def test_undo_reverts_ducks_last_commit_as_a_new_commit(duk, repo):
    root = repo()
    before = commits(root)
    message = logged(duk, root)
    assert (root / A).exists()
    sha = git(root, "rev-parse", "--short=7", "HEAD").strip()
    r = duk(["undo"], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == f"Đã hoàn tác lần ghi {sha}: {message}\n  bỏ tệp đã thêm: {A}\n"
    assert not (root / A).exists()
    assert commits(root) == before + 2  # history kept
    assert subject(root) == f"Hoàn tác: {message}"
    assert git(root, "log", "-1", "--format=%B").strip().endswith("Duk: undo")
    assert status(root) == ""
    # An undo is not undone in turn.
    r = duk(["undo"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert (f"Lỗi: lần ghi cuối cùng của kho ({git(root, 'rev-parse', '--short=7', 'HEAD').strip()} "
            f"\"Hoàn tác: {message}\") đã là một lần hoàn tác; duk không hoàn tác tiếp. Không có gì thay đổi.\n"
            ) == r.stderr
    assert commits(root) == before + 2


def test_undo_of_an_edit_brings_the_old_text_back(duk, repo, tmp_path):
    root = repo({A: A_TEXT})
    env, _ = editor(tmp_path, FIXED)
    assert duk(["edit", A], data=root, today=TODAY, env=env).exit_code == 0
    r = duk(["undo"], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.endswith(f"  trả lại nội dung cũ: {A}\n")
    assert (root / A).read_text(encoding="utf-8") == A_TEXT


def test_undo_refused_when_the_last_commit_is_not_ducks(duk, repo):
    root = repo()
    message = logged(duk, root)
    sha = git(root, "rev-parse", "--short=7", "HEAD").strip()
    (root / "ghi-chu.txt").write_text("ghi chú\n", encoding="utf-8")
    git(root, "add", "ghi-chu.txt")
    git(root, "-c", "user.name=u", "-c", "user.email=u@x", "commit", "-q", "-m", "Ghi chú riêng")
    before = commits(root)
    r = duk(["undo"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert r.stderr == (f"Lỗi: lần ghi gần nhất của duk ({sha} \"{message}\") không phải lần ghi cuối cùng của "
                        "kho: sau nó còn 1 lần ghi khác (lần cuối: \"Ghi chú riêng\"), nên không hoàn tác được. "
                        "Không có gì thay đổi.\n")
    assert commits(root) == before and (root / A).exists()


def test_undo_refused_when_duk_never_committed(duk, repo):
    root = repo()
    r = duk(["undo"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert r.stderr == ("Lỗi: kho git chưa có lần ghi nào do duk thực hiện: không có gì để hoàn tác (duk chỉ hoàn "
                        "tác lần ghi của chính nó)\n")


def test_undo_refused_when_something_is_uncommitted(duk, repo):
    root = repo()
    logged(duk, root)
    before = commits(root)
    people = root / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    r = duk(["undo"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert r.stderr == ("Lỗi: có 1 tệp đã sửa mà chưa lưu vào git (people.yaml); lưu (duk commit) hoặc bỏ các "
                        "thay đổi đó trước rồi chạy lại. Không có gì thay đổi.\n")
    assert commits(root) == before and (root / A).exists()
    assert people.read_text(encoding="utf-8").endswith("# sửa tay\n")


def test_undo_outside_a_repository(duk, make_folder):
    root = make_folder()
    r = duk(["undo"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert r.stderr == "Lỗi: thư mục dữ liệu không nằm trong một kho git: không có gì để hoàn tác hay lưu\n"


# --- commit --------------------------------------------------------------------------------

def test_commit_refused_while_check_finds_an_error(duk, repo):
    root = repo()
    before = commits(root)
    (root / A).parent.mkdir(parents=True)
    (root / A).write_text(INVALID, encoding="utf-8")
    r = duk(["commit"], data=root, today=TODAY)
    assert r.exit_code == 1
    assert f"{A}:5: lỗi [schema]:" in r.stderr
    assert r.stderr.endswith("Lỗi: duk check tìm thấy 1 lỗi; sửa xong rồi chạy lại duk commit. "
                             "Không có gì được lưu vào git.\n")
    assert commits(root) == before and status(root) == f"?? {A}"


def test_commit_saves_only_the_changed_data_files(duk, repo):
    root = repo({B: B_TEXT})
    before = commits(root)
    people = root / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    (root / A).write_text(A_TEXT, encoding="utf-8")  # a visit written by hand
    (root / B).unlink()  # and one removed by hand
    (root / "ghi-chu.txt").write_text("không phải dữ liệu\n", encoding="utf-8")
    (root / "visits" / "ghi-chu.txt").write_text("không phải dữ liệu\n", encoding="utf-8")
    r = duk(["commit"], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    message = f"Sửa tay: 3 tệp (people.yaml, {A}, {B})"
    assert r.stdout == (f"Đã lưu 3 tệp vào git:\n  sửa: people.yaml\n  thêm: {A}\n  xóa: {B}\n"
                        f"Đã lưu vào git: {message}\n")
    assert commits(root) == before + 1
    assert subject(root) == message
    assert git(root, "log", "-1", "--format=%B").strip() == (f"{message}\n\nsửa: people.yaml\nthêm: {A}\nxóa: {B}"
                                                            "\n\nDuk: yes")
    assert sorted(changed(root)) == sorted(["people.yaml", A, B])
    assert sorted(status(root).splitlines()) == ["?? ghi-chu.txt", "?? visits/ghi-chu.txt"]
    # Nothing left to save; and duk's commit can be undone.
    assert duk(["commit"], data=root, today=TODAY).stdout == "Không có gì thay đổi.\n"
    r = duk(["undo"], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert (root / B).read_text(encoding="utf-8") == B_TEXT and not (root / A).exists()


def test_commit_with_a_message(duk, repo):
    root = repo()
    people = root / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    r = duk(["commit", "-m", "Bổ sung ghi chú"], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert subject(root) == "Bổ sung ghi chú"
    assert git(root, "log", "-1", "--format=%b").strip() == "sửa: people.yaml\n\nDuk: yes"
    r = duk(["commit", "-m", " "], data=root, today=TODAY)
    assert r.exit_code == 2 and "-m: lời ghi trống" in r.stderr


def test_a_file_git_never_knew_is_removed_or_moved_without_a_false_commit(duk, repo, tmp_path):
    root = repo()
    before = commits(root)
    (root / A).parent.mkdir(parents=True)
    (root / A).write_text(A_TEXT, encoding="utf-8")  # written by hand, never committed
    r = duk(["rm", A, "--yes"], data=root, today=TODAY)
    assert r.exit_code == 0, r.stderr
    assert r.stdout.endswith(f"Đã xóa tệp: {A}\n") and r.stderr == ""
    assert not (root / A).exists() and commits(root) == before and status(root) == ""
    (root / A).write_text(A_TEXT, encoding="utf-8")
    new = "visits/2019/06/2019-06-03-nguyen-thi-lan-cb-so-tai-chinh.yaml"
    env, _ = editor(tmp_path, A_TEXT.replace("2019-05-14", "2019-06-03"))
    r = duk(["edit", A], data=root, today=TODAY, env=env)
    assert r.exit_code == 0, r.stderr
    assert r.stderr == "" and changed(root) == [new] and status(root) == ""
