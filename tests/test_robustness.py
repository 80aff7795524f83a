"""Hostile and unusual input through the CLI: a Vietnamese message naming the option or the
file, the right exit status, no traceback, and nothing written or half-written."""

from __future__ import annotations

import re
import signal
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from dukcli.store import write

VISIT = "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork: {}\n"
LOG = ["log-visit", "--person", "lan", "--unit", "tai chinh", "--date", "2019-05-14", "--work"]
ENGLISH = re.compile(r"\b(Usage|Error|Invalid|Missing|option|argument|default|required|Traceback|"
                     r"No such|Not a directory|Is a directory|Permission denied|File exists|"
                     r"not found|Package|range)\b")


def plain(result) -> str:
    out = result.stdout + result.stderr
    assert "Traceback" not in out and "Lỗi nội bộ" not in out, out
    assert not ENGLISH.search(out), out
    return out


def leftovers(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob(".duk-*"))


@contextmanager
def deadline(seconds: int = 20):
    """A regression here used to loop for ever: fail instead of hanging the suite."""
    def stop(*_):
        raise TimeoutError("no answer: an endless loop?")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def git_status(root: Path) -> str:
    return subprocess.run(["git", "-C", str(root), "status", "--porcelain"], capture_output=True,
                          text=True).stdout


# --- a file where a folder should be --------------------------------------------------------

def test_create_unique_under_a_file_is_refused_not_renamed(tmp_path):
    (tmp_path / "05").write_text("x")
    with deadline(), pytest.raises(NotADirectoryError):
        write.create_unique(tmp_path / "05", "a", "text")
    with pytest.raises(NotADirectoryError):
        write.create_new(tmp_path / "05" / "b.yaml", "text")


def test_log_visit_with_a_file_as_the_month_folder(duk, make_folder):
    root = make_folder({"visits/2019/05": "không phải thư mục"})
    with deadline():
        r = duk([*LOG, "--no-commit"], data=root)
    assert r.exit_code == 1
    assert r.stderr == ("Lỗi: không ghi được tệp vào visits/2019/05: một phần của đường dẫn là tệp "
                        "chứ không phải thư mục\n")
    plain(r)
    assert (root / "visits/2019/05").read_text(encoding="utf-8") == "không phải thư mục"
    assert leftovers(root) == []


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_report_into_a_path_under_a_file(duk, make_folder, force):
    root = make_folder({"visits/2019/05/a.yaml": VISIT})
    target = root / "duk.yaml" / "bao-cao.docx"
    r = duk(["report", "--person", "lan", "-p", "2019Q2", "-o", str(target), *force], data=root)
    assert r.exit_code == 1
    assert "đã có" not in r.stderr
    assert "một phần của đường dẫn là tệp chứ không phải thư mục" in r.stderr
    plain(r)


def test_summary_into_a_path_under_a_file(duk, make_folder):
    root = make_folder()
    r = duk(["summary", "-p", "2019Q2", "-o", str(root / "duk.yaml" / "th.docx")], data=root)
    assert r.exit_code == 1 and "đã có" not in r.stderr
    assert "không phải thư mục" in r.stderr
    plain(r)


def test_ics_to_a_folder_puts_the_default_name_there(duk, make_folder, tmp_path):
    """SPEC §5: one rule for every written document: a folder means the default name in it."""
    root = make_folder()
    out = tmp_path / "lich"
    out.mkdir()
    r = duk(["agenda", "--ics", str(out), "--as-of", "2019-05-20"], data=root)
    assert r.exit_code == 0, r.stderr
    assert (out / "lich-sinh-hoat-2019-05-20.ics").is_file()
    assert f"vào {out / 'lich-sinh-hoat-2019-05-20.ics'}." in r.stderr
    plain(r)


@pytest.mark.parametrize("args, option, name", [
    (["report", "--person", "lan", "-p", "2019Q2"], "-o", "bao-cao-2019-Q2-nguyen-thi-lan.docx"),
    (["summary", "-p", "2019Q2"], "-o", "tong-hop-2019-Q2.docx"),
    (["agenda", "--as-of", "2019-05-20"], "--ics", "lich-sinh-hoat-2019-05-20.ics")])
def test_one_rule_for_every_written_document(duk, make_folder, tmp_path, monkeypatch, args, option, name):
    root = make_folder({"visits/2019/05/a.yaml": "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\n"
                                                 "date: 2019-05-14\nwork: {}\n"})
    # a wrong extension is refused
    r = duk([*args, option, str(tmp_path / "x.pdf")], data=root)
    assert r.exit_code == 2 and f"{option}: tệp ghi ra phải có đuôi" in r.stderr
    assert not (tmp_path / "x.pdf").exists()
    # run from inside visits/2019/05, nothing lands among the visit files
    monkeypatch.chdir(root / "visits/2019/05")
    r = duk(args if option == "-o" else [*args, option, "."], data=root)
    assert r.exit_code == 2 and "không ghi" in r.stderr and "visits/" in r.stderr
    assert sorted(p.name for p in (root / "visits/2019/05").iterdir()) == ["a.yaml"]
    # from elsewhere, the default name in the current folder, printed as it can be opened from here
    monkeypatch.chdir(tmp_path)
    r = duk(args if option == "-o" else [*args, option, "."], data=root)
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / name).is_file()
    assert name in r.stdout + r.stderr and str(tmp_path) not in r.stdout + r.stderr


@pytest.mark.parametrize("command", [["init"], ["template", "export"]])
def test_new_folder_under_a_file(duk, tmp_path, command):
    (tmp_path / "tep").write_text("x")
    r = duk([*command, str(tmp_path / "tep" / "moi")])
    assert r.exit_code == 1
    assert "một phần của đường dẫn là tệp chứ không phải thư mục" in r.stderr
    assert str(tmp_path / "tep" / "moi") in r.stderr
    plain(r)


def test_units_yaml_that_is_a_folder(duk, make_folder):
    root = make_folder({"units.yaml": None})
    (root / "units.yaml").mkdir()
    r = duk(["check"], data=root)
    assert r.exit_code == 1
    assert "units.yaml:0: lỗi [not-regular]: đây là thư mục, không phải tệp dữ liệu thông thường" in plain(r)


def test_a_file_named_dot_duk_is_left_alone(duk, make_folder):
    """.duk/ is only duk's cache; the lock is on the data folder itself. A file named .duk
    (from another tool, or an attack) is neither written through nor in the way."""
    root = make_folder()
    (root / ".duk").write_text("x")
    for args in (LOG, ["submit", "--person", "lan", "-p", "2019Q2", "--date", "2019-06-20"]):
        r = duk(args, data=root)
        assert r.exit_code == 0, r.stderr
        plain(r)
    assert (root / ".duk").read_text() == "x"
    assert (root / "submissions/2019Q2/nguyen-thi-lan.yaml").is_file()


# --- files that are not what they claim -----------------------------------------------------

def test_from_file_that_does_not_exist(duk, make_folder, tmp_path):
    r = duk([*LOG, "--from-file", str(tmp_path / "khong-co.yaml")], data=make_folder())
    assert r.exit_code == 1
    assert f"--from-file: không đọc được tệp '{tmp_path / 'khong-co.yaml'}': không có tệp hoặc thư mục này" \
        in r.stderr
    plain(r)


def test_template_check_of_a_file_that_is_not_word(duk, make_folder):
    root = make_folder()
    r = duk(["template", "check", str(root / "duk.yaml")])
    assert r.exit_code == 1
    assert "không mở được tệp Word (không phải tệp Word .docx, hoặc tệp đã hỏng)" in r.stderr
    plain(r)


def test_report_with_a_template_that_is_not_word(duk, make_folder, tmp_path):
    root = make_folder({"visits/2019/05/a.yaml": VISIT})
    r = duk(["report", "--person", "lan", "-p", "2019Q2", "--template", str(root / "duk.yaml"),
             "-o", str(tmp_path / "r.docx")], data=root)
    assert r.exit_code == 1
    assert "không phải tệp Word .docx, hoặc tệp đã hỏng" in r.stderr
    plain(r)
    assert list(tmp_path.glob("*.docx")) == [] and leftovers(tmp_path) == []


# --- options ------------------------------------------------------------------------------

@pytest.mark.parametrize("args", [["quota", "--year", "-5"], ["quota", "--year", "99999"],
                                  ["visits", "-q", "Q2", "--year", "0"], ["status", "--year", "12"]])
def test_a_year_out_of_range_is_a_usage_error(duk, make_folder, args):
    r = duk(args, data=make_folder())
    assert r.exit_code == 2
    assert r.stderr.startswith(f"Lỗi: --year: năm '{args[-1]}' không hợp lệ (từ 1900 đến 2999)")
    plain(r)


@pytest.mark.parametrize("args,option", [
    (["quota", "--person", ""], "--person"), (["quota", "--unit", ""], "--unit"),
    (["visits", "--person", " "], "--person"), (["agenda", "--person", ""], "--person")])
def test_an_empty_name_is_not_everyone(duk, make_folder, args, option):
    r = duk(args, data=make_folder())
    assert r.exit_code == 1
    assert r.stderr.endswith(f"Lỗi: {option}: chưa nhập {'người' if option == '--person' else 'đơn vị'}\n")
    assert r.stdout == ""


def test_an_empty_data_option_is_a_usage_error(duk):
    r = duk(["--data", "", "check"])
    assert r.exit_code == 2
    assert r.stderr == "Lỗi: --data: chưa nhập thư mục dữ liệu\n"


def test_help_has_no_english_type_or_argument_names(duk):
    days = duk(["agenda", "--help"]).stdout
    assert "int range" not in days and re.search(r"--days\s+<số>", days)
    assert "{THƯ_MỤC}" in duk(["template", "export", "--help"]).stdout
    assert "{TỆP}" in duk(["template", "check", "--help"]).stdout
    r = duk(["template", "export"])
    assert r.exit_code == 2 and "Thiếu đối số 'THƯ_MỤC'." in r.stderr


def test_a_missing_option_with_two_names_reads_cleanly(duk):
    r = duk(["scorecard"])
    assert r.exit_code == 2
    assert r.stderr.startswith("Lỗi cách dùng: Thiếu tùy chọn '--year' / '-y'.\n")


# --- the editor and git --------------------------------------------------------------------

@pytest.mark.parametrize("editor,words", [
    ('"chua dong', "biến EDITOR='\"chua dong' viết sai (dấu nháy chưa đóng)"),
    ("/khong/co/trinh-soan-thao", "không mở được trình soạn thảo '/khong/co/trinh-soan-thao': "
                                  "không có tệp hoặc thư mục này")])
def test_an_editor_that_cannot_run(duk, make_folder, editor, words):
    root = make_folder()
    r = duk([*LOG, "--edit", "--no-commit"], data=root, env={"EDITOR": editor})
    assert r.exit_code == 1
    assert words in r.stderr
    plain(r)
    assert not (root / "visits").exists()


def test_git_missing_from_path_in_a_repository_is_said(duk, repo):
    root = repo()
    r = duk(LOG, data=root, env={"PATH": ""})
    assert r.exit_code == 0
    assert "chưa lưu được vào git: thư mục là kho git mà máy không tìm thấy chương trình git" in r.stderr
    assert (root / "visits/2019/05/2019-05-14-nguyen-thi-lan-cb-so-tai-chinh.yaml").is_file()
    assert git_status(root) == "?? visits/\n"


def test_git_missing_outside_a_repository_says_nothing(duk, make_folder):
    root = make_folder()
    r = duk(LOG, data=root, env={"PATH": ""})
    assert r.exit_code == 0 and "git" not in r.stderr


def test_a_failing_git_commit_keeps_the_file(duk, repo, failing_git, monkeypatch):
    root = repo()
    monkeypatch.setenv("PATH", failing_git["PATH"])
    r = duk(LOG, data=root)
    assert r.exit_code == 0
    assert "nhưng chưa lưu được vào git (git commit không thành công: git báo lỗi (mã 1))" in r.stderr
    assert git_status(root) == "A  visits/2019/05/2019-05-14-nguyen-thi-lan-cb-so-tai-chinh.yaml\n"
    assert leftovers(root) == []


@pytest.mark.parametrize("hook", ["pre-commit", "commit-msg", "post-commit", "prepare-commit-msg"])
def test_a_hook_in_the_data_folder_never_runs(duk, repo, hook, tmp_path):
    """A folder copied by zip or USB brings its .git/hooks: duk's commits run none of them."""
    root = repo()
    marker = tmp_path / "PWNED"
    script = root / ".git" / "hooks" / hook
    script.write_text(f"#!/bin/sh\ntouch '{marker}'\n")
    script.chmod(0o755)
    r = duk(LOG, data=root)
    assert r.exit_code == 0, r.stderr
    assert "Đã lưu vào git" in r.stdout
    assert not marker.exists()


def test_a_hooks_path_or_fsmonitor_in_the_repository_config_never_runs(duk, repo, tmp_path):
    root = repo()
    marker = tmp_path / "PWNED"
    hooks = root / "hooks-elsewhere"
    hooks.mkdir()
    (hooks / "pre-commit").write_text(f"#!/bin/sh\ntouch '{marker}'\n")
    (hooks / "pre-commit").chmod(0o755)
    monitor = tmp_path / "monitor.sh"
    monitor.write_text(f"#!/bin/sh\ntouch '{marker}'\n")
    monitor.chmod(0o755)
    git(root, "config", "core.hooksPath", str(hooks))
    git(root, "config", "core.fsmonitor", str(monitor))
    r = duk(LOG, data=root)
    assert r.exit_code == 0, r.stderr
    assert "Đã lưu vào git" in r.stdout
    assert not marker.exists()


def test_ctrl_c_at_the_save_question_writes_nothing(duk, repo, monkeypatch):
    import rich.prompt

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(rich.prompt.Prompt, "ask", interrupted)
    root = repo()
    r = duk([*LOG, "--situation", "Tình hình"], data=root, env={"DUK_INTERACTIVE": "1"})
    assert r.exit_code == 130
    assert r.stderr.endswith("Đã hủy; không có gì được ghi.\n")
    assert not (root / "visits").exists() and git_status(root) == "" and leftovers(root) == []
