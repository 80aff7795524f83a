"""What every command shares: usage errors, Vietnamese help, no traceback, the refusal of the
reporting commands while the data has errors, and a real `python3 -m dukcli` process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from dukcli.cli import common
from dukcli.cli.common import DukError
from dukcli.cli.main import app

REPO = Path(__file__).resolve().parent.parent
HELP_TEXT = "Hiện hướng dẫn này rồi thoát."
ENGLISH = re.compile(r"Usage:|Error:|Invalid value|No such|Missing (argument|option|parameter)|Got unexpected|"
                     r"Show this message|\[OPTIONS\]|COMMAND \[ARGS\]|Try '|Input should|Traceback")
COMMANDS = sorted(typer.main.get_command(app).commands)
VISIT = "person: nguyen-thi-lan\nunit: cb-so-tai-chinh\ndate: 2019-05-14\nwork: {}\n"


def flat(text: str) -> str:
    """Help text without rich's box characters and line wrapping."""
    return " ".join(re.sub(r"[│╭╮╰╯─]", " ", text).split())


# --- usage errors --------------------------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (["check", "--bogus"], "Không có tùy chọn: --bogus"),
    (["check", "--formt", "json"], "Các tùy chọn gần giống: --format"),
    (["check", "--format", "xml"], "Giá trị không hợp lệ cho '--format' / '-f': 'xml' không thuộc các giá trị 'text', 'json'."),
    (["check", "--format"], "Tùy chọn '--format' cần một giá trị."),
    (["khong-co-lenh"], "Không có lệnh 'khong-co-lenh'."),
    (["--data"], "Tùy chọn '--data' cần một giá trị."),
    (["init"], "Thiếu đối số 'THƯ_MỤC'."),
    (["init", "a", "b"], "Thừa đối số (b)"),
    (["quota", "--year", "abc"], "Giá trị không hợp lệ cho '--year' / '-y': phải là một số nguyên."),
], ids=["unknown-option", "misspelt-option", "bad-format", "missing-value", "unknown-command", "data-no-value",
        "missing-argument", "extra-argument", "not-a-number"])
def test_usage_errors_exit_2_in_vietnamese(args, words, duk, make_folder):
    result = duk(args, data=make_folder() if args[0] == "quota" else None)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith("Lỗi cách dùng: ")
    assert words in result.stderr
    assert not ENGLISH.search(result.stderr), result.stderr


def test_usage_error_points_at_the_help(duk):
    result = duk(["check", "--bogus"])
    assert result.stderr.rstrip().endswith("Xem: duk check --help")


def test_no_command_shows_the_help_only(duk):
    result = duk([])
    assert result.exit_code == 2
    assert "Cách dùng: duk" in result.stdout
    assert result.stderr.strip() == ""


def test_bad_duk_today_is_a_usage_error(duk, make_folder):
    result = duk(["check"], data=make_folder(), today="31/12/2019")
    assert result.exit_code == 2
    assert "DUK_TODAY" in result.stderr and "YYYY-MM-DD" in result.stderr


# --- help ----------------------------------------------------------------------------------

def test_main_help_is_vietnamese(duk):
    result = duk(["--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = flat(result.stdout)
    assert "Cách dùng: duk [TÙY CHỌN] LỆNH [ĐỐI SỐ]..." in text
    assert HELP_TEXT in text
    assert "Tùy chọn" in text and "Lệnh" in text
    assert "Kiểm tra toàn bộ dữ liệu" in text and "Tạo thư mục dữ liệu mới" in text
    assert not ENGLISH.search(result.stdout)


def test_short_help_option(duk):
    assert duk(["check", "-h"], env={"COLUMNS": "200"}).stdout == duk(["check", "--help"], env={"COLUMNS": "200"}).stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_is_vietnamese(command, duk):
    result = duk([command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    text = flat(result.stdout)
    assert f"Cách dùng: duk {command}" in text
    assert HELP_TEXT in text
    assert "Tùy chọn" in text
    assert not ENGLISH.search(result.stdout), result.stdout
    assert not re.search(r"\b(Options|Arguments|Commands|default|required)\b", text), text


def test_check_help_lists_its_formats(duk):
    text = flat(duk(["check", "--help"], env={"COLUMNS": "200"}).stdout)
    assert "--format -f <text|json> Định dạng: text hoặc json. [mặc định: text]" in text


# --- no traceback, ever ----------------------------------------------------------------------

def test_an_unexpected_exception_is_an_internal_error(duk, make_folder, monkeypatch):
    from dukcli.store import loader

    def broken(root, day):
        raise RuntimeError("hỏng bất ngờ")

    monkeypatch.setattr(loader, "check_all", broken)
    monkeypatch.delenv("DUK_DEBUG", raising=False)
    result = duk(["check"], data=make_folder())
    assert result.exit_code == 1
    assert "Lỗi nội bộ" in result.stderr
    assert "RuntimeError: hỏng bất ngờ" in result.stderr and "Dữ liệu không bị thay đổi" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_an_exception_inside_a_validator_is_an_internal_error(duk, make_folder, monkeypatch):
    from dukcli.rules import validate

    def broken(ds, today):
        return {}["không có"]

    monkeypatch.setattr(validate, "VALIDATORS", (broken,))
    result = duk(["check", "--format", "json"], data=make_folder())
    assert result.exit_code == 1
    assert "Lỗi nội bộ" in result.stderr and "KeyError" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_ctrl_c_is_a_clean_stop(duk, make_folder, monkeypatch):
    from dukcli.store import loader

    def interrupted(root, day):
        raise KeyboardInterrupt

    monkeypatch.setattr(loader, "check_all", interrupted)
    result = duk(["check"], data=make_folder())
    assert result.exit_code == 130
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


# --- the reporting commands' loading ----------------------------------------------------------

@pytest.fixture
def use_folder(monkeypatch):
    def use(folder: Path) -> None:
        monkeypatch.setattr(common.STATE, "data", str(folder))
        monkeypatch.setenv("DUK_TODAY", "2019-12-31")

    return use


def test_load_for_report_refuses_while_check_finds_errors(make_folder, use_folder, capsys):
    use_folder(make_folder({
        "visits/2019/05/a.yaml": VISIT.replace("nguyen-thi-lan", "le-van-cuong"),
        "visits/2019/06/b.yaml": VISIT.replace("2019-05-14", "31/06/2019"),
        "visits/2019/07/c.yaml": VISIT.replace("2019-05-14", "2019-07-14").replace("nguyen-thi-lan", "tran-van-binh")
                                  .replace("cb-so-tai-chinh", "cb-phong-nghiep-vu-y"),
    }))
    with pytest.raises(DukError) as e:
        common.load_for_report()
    assert e.value.code == 1
    assert "dữ liệu có 2 lỗi" in e.value.message and "duk check" in e.value.message
    err = capsys.readouterr().err
    assert "visits/2019/05/a.yaml:1: lỗi [unknown-person]:" in err
    assert "visits/2019/06/b.yaml:3: lỗi [bad-date]:" in err


def test_load_for_report_shows_at_most_twenty_errors(make_folder, use_folder, capsys):
    files = {f"visits/2019/05/{i:02d}.yaml": VISIT.replace("nguyen-thi-lan", f"nguoi-{i}") for i in range(25)}
    use_folder(make_folder(files))
    with pytest.raises(DukError) as e:
        common.load_for_report()
    assert "25 lỗi" in e.value.message
    err = capsys.readouterr().err
    assert err.count("lỗi [unknown-person]") == 20
    assert "… và 5 dòng khác (xem đầy đủ: duk check)" in err


def test_load_for_report_passes_warnings_to_stderr(make_folder, use_folder, capsys):
    use_folder(make_folder({"visits/2019/05/a.yaml": VISIT, "visits/2019/05/b.yaml": VISIT}))
    folder, ds = common.load_for_report()
    assert len(ds.visits) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("cảnh báo [duplicate-visit]") == 1  # once, on the later file


def test_load_for_report_is_quiet_on_clean_data(make_folder, use_folder, capsys):
    folder = make_folder({"visits/2019/05/a.yaml": VISIT})
    use_folder(folder)
    got, ds = common.load_for_report()
    assert got == folder.resolve()
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("command", ["visits", "quota"])
def test_a_reporting_command_refuses_broken_data(command, duk, make_folder):
    if command not in COMMANDS:
        pytest.fail(f"command {command} is missing")
    folder = make_folder({"visits/2019/05/a.yaml": VISIT.replace("2019-05-14", "2019-02-30")})
    result = duk([command, "--year", "2019"], data=folder)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "visits/2019/05/a.yaml:3: lỗi [bad-date]:" in result.stderr
    assert "duk check" in result.stderr
    assert "Traceback" not in result.stderr


# --- a real process --------------------------------------------------------------------------

def run_duk(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("DUK_DATA", "DUK_DEBUG")}
    environ.update({"PYTHONPATH": str(REPO), "DUK_TODAY": "2019-12-31", "PYTHONIOENCODING": "utf-8", **env})
    return subprocess.run([sys.executable, "-m", "dukcli", *args], cwd=cwd, env=environ, capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def test_subprocess_check_reports_and_exits_1(make_folder, tmp_path):
    folder = make_folder({"visits/2019/05/a.yaml": VISIT.replace("2019-05-14", "31/02/2019")})
    done = run_duk(["--data", str(folder), "check"], cwd=tmp_path)
    assert done.returncode == 1
    assert done.stdout == "visits/2019/05/a.yaml:3: lỗi [bad-date]: 'date': ngày '31/02/2019' không có thật\n"
    assert done.stderr == "Có 1 lỗi, 0 cảnh báo.\n"


def test_subprocess_finds_the_folder_from_below_and_passes(make_folder):
    folder = make_folder({"visits/2019/05/a.yaml": VISIT})
    done = run_duk(["check", "--format", "json"], cwd=folder / "visits" / "2019")
    assert (done.returncode, done.stdout.strip()) == (0, "[]")


def test_subprocess_usage_error_and_no_folder(tmp_path):
    done = run_duk(["check", "--format", "xml"], cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("Lỗi cách dùng:")
    done = run_duk(["check"], cwd=tmp_path)
    assert done.returncode == 1
    assert "duk init" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("args", [
    ["--data", "{d}", "quota", "2019Q2", "-f", "json"],
    ["quota", "--data", "{d}", "2019Q2", "-f", "json"],
    ["quota", "2019Q2", "-f", "json", "--data", "{d}"],
    ["quota", "2019Q2", "-f", "json", "--data={d}"],
])
def test_data_before_or_after_the_command(args, make_folder, monkeypatch, tmp_path):
    """SPEC §5: --data is accepted before or after the command name (like hledger's -f)."""
    from typer.testing import CliRunner

    folder = make_folder({})
    monkeypatch.chdir(tmp_path)  # no data folder found from here: --data must have been read
    r = CliRunner().invoke(app, [a.replace("{d}", str(folder)) for a in args], env={"DUK_TODAY": "2019-07-05"})
    assert r.exit_code == 0, r.stderr
    assert '"code": "2019Q2"' in r.stdout


def test_data_after_a_double_dash_is_an_argument(duk, make_folder):
    from dukcli.cli.main import data_first

    assert data_first(["check", "--", "--data", "x"]) == ["check", "--", "--data", "x"]
    assert data_first(["check", "--format", "json", "--data", "d"]) == ["--data", "d", "check", "--format", "json"]


def test_version(duk):
    import dukcli

    r = duk(["--version"])
    assert r.exit_code == 0 and r.stdout == f"duk {dukcli.__version__}\n"


def test_a_ctrl_c_that_typer_caught_itself_is_answered_not_silent(duk, make_folder, monkeypatch):
    """typer turns a KeyboardInterrupt landing outside duk's own wrappers into a returned 130; duk
    must still say what was (not) written. (Before the fix: exit 130 with nothing on stderr, about
    one Ctrl-C in thirty around 0.3 s into `duk log-visit`.)"""
    from dukcli.cli import framework
    from dukcli.words import CANCELLED

    monkeypatch.setattr(framework.ViGroup, "main", lambda self, *a, **k: 130)
    r = duk(["quota"], data=make_folder())
    assert r.exit_code == 130
    assert CANCELLED in r.stderr


@pytest.mark.parametrize("args", [["quota", "--help"], ["log-visit", "--help"], ["quota", "--bogus"],
                                  ["visits", "-p", "2019Q5"], ["status", "--format", "xml"], ["quota", "-p"]])
def test_a_run_that_builds_only_its_command_says_what_the_whole_app_says(args, make_folder, duk):
    """A real run builds only the command it names (main.command); every word and status is
    the whole app's (CliRunner runs the whole app)."""
    from dukcli.cli import main

    assert list(main.command(args).commands) == [args[0]]
    assert len(main.command(["--help"]).commands) > 20 and len(main.command(["template", "list"]).commands) > 20
    root = make_folder()
    real = run_duk(["--data", str(root), *args], cwd=root, COLUMNS="200")
    whole = duk(args, data=root, env={"COLUMNS": "200"})
    assert (real.returncode, real.stdout, real.stderr) == (whole.exit_code, whole.stdout, whole.stderr)


DIRECT_LINES = [
    ["log-visit", "--person", "lan", "--unit", "cb-so-tai-chinh", "--date", "14/5/2019", "--work",
     "--situation", "Tình hình ổn định.", "--rating", "kha", "--from-file", "v.yaml", "--no-commit"],
    ["quota", "-p", "2019Q2", "--format", "json", "-o", "q.xlsx", "--force"],
    ["proposals", "--older-than", "30", "--group"],
    ["agenda", "--ics", "a.ics", "--format", "json"],
    ["report", "--person", "lan", "-o", "r.docx", "--out-dir", "out"],
    ["summary"],
    ["check", "--format", "json"],
    ["init", "thu-muc-moi"],
]


@pytest.mark.parametrize("line", DIRECT_LINES, ids=lambda line: line[0])
def test_options_converted_without_pydantic_are_what_typer_converts(line, monkeypatch):
    """framework._direct converts text, duk's own parsers and unset options itself (typer would
    import pydantic for them); every value must be the one typer's own conversion gives."""
    from dukcli.cli import framework, main

    def params(direct: bool) -> dict:
        with monkeypatch.context() as patch:
            if not direct:
                patch.setattr(framework, "_direct", lambda params: None)
            sub = main.command(line).commands[line[0]]
            return sub.make_context(line[0], list(line[1:])).params

    mine, theirs = params(True), params(False)
    assert mine == theirs
    assert all(type(mine[k]) is type(theirs[k]) for k in mine)
    assert any(isinstance(v, Path) for v in mine.values()) or line[0] in ("proposals", "check", "summary")


@pytest.mark.parametrize("line", [["proposals", "--older-than", "ba"], ["quota", "--format", "xml"],
                                  ["visits", "-p", "2019", "--format", ""]])
def test_a_value_refused_without_pydantic_is_refused_in_the_same_words(line, monkeypatch, make_folder, duk):
    from dukcli.cli import framework

    root = make_folder()
    mine = duk(line, data=root)
    monkeypatch.setattr(framework, "_direct", lambda params: None)
    theirs = duk(line, data=root)
    assert mine.exit_code == theirs.exit_code == 2
    assert mine.stderr == theirs.stderr
    assert "Giá trị không hợp lệ cho" in mine.stderr


def test_a_plain_command_runs_without_importing_pydantic(tmp_path):
    """What _direct is for: `duk quota` never imports pydantic (0.08 s). If a new typer stops
    looking where _direct puts its converters, typer builds its own: only this test tells."""
    code = ("import sys\nfrom dukcli.entry import main\n"
            "code = main()\nprint(code, 'pydantic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, "--data", str(REPO / "data"), "quota", "-p", "2019Q2",
                           "--as-of", "2019-07-05", "--format", "xlsx", "-o", str(tmp_path / "q.xlsx")],
                          capture_output=True, text=True, cwd=tmp_path)
    assert done.stdout.strip().splitlines()[-1] == "0 False", done.stderr
    assert (tmp_path / "q.xlsx").exists()
