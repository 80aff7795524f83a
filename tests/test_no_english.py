"""No English from the command-line framework, anywhere a user looks: the help of every command,
every kind of usage error, the questions of log-visit, and a real `python -m dukcli` process.

The words below are the ones click, typer, pydantic and rich's prompts print ("Usage:",
"Show this message and exit.", "Input should be a valid integer", "<int>", "[default: …]"…).
Option names (`--format`) are duk's own and are taken out before the words are looked at."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from dukcli.cli.main import app

REPO = Path(__file__).resolve().parent.parent
ENGLISH = {
    "usage", "options", "option", "commands", "command", "arguments", "argument", "args", "parameter", "error",
    "show", "message", "exit", "missing", "invalid", "value", "values", "input", "should", "valid", "such", "got",
    "unexpected", "extra", "did", "you", "mean", "try", "help", "default", "required", "requires", "does", "take",
    "integer", "int", "str", "string", "float", "number", "bool", "boolean", "path", "file", "directory", "range",
    "list", "tuple", "datetime", "aborted", "abort", "choose", "possible", "env", "var", "dynamic", "deprecated",
    "please", "select", "available", "greater", "less", "than", "equal", "is", "not", "one", "of", "the",
    "for", "from", "must", "be", "iterable", "repeat", "confirmation", "continue", "press", "any", "key",
}
SHOUTED = {"TEXT"}  # click's type name; `text` in lower case is a value of `duk check --format`
OPTION_NAME = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")


def english(text: str) -> list[str]:
    """The framework's English words in text, once duk's own option names are taken out."""
    words = re.findall(r"[^\W\d_]+", OPTION_NAME.sub(" ", text))
    return sorted({w for w in words if w.lower() in ENGLISH or w in SHOUTED})


def leaves(command=None, path=()):
    """(path, command) for every command that runs, `template export` included."""
    command = command or typer.main.get_command(app)
    subs = getattr(command, "commands", None)
    if not subs:
        yield path, command
        return
    for name, sub in subs.items():
        yield from leaves(sub, (*path, name))


def groups(command=None, path=()):
    command = command or typer.main.get_command(app)
    if getattr(command, "commands", None):
        yield path, command
        for name, sub in command.commands.items():
            yield from groups(sub, (*path, name))


LEAVES = list(leaves())
GROUPS = list(groups())


def ids(cases):
    return [" ".join(path) or "duk" for path, *_ in cases]


def options(command) -> list:
    return [p for p in command.params if p.param_type_name == "option" and not getattr(p, "hidden", False)]


def takes_value(param) -> bool:
    return not getattr(param, "is_flag", False) and not getattr(param, "count", False)


def filled(command) -> list[str]:
    """What a command needs before anything else is judged: a value for each required argument
    and option."""
    args: list[str] = []
    for p in command.params:
        if p.required and p.param_type_name == "argument":
            args.append("a")
        elif p.required:
            args += [p.opts[0], "2019"]
    return args


def clean(result, code: int) -> str:
    text = result.stdout + result.stderr
    assert result.exit_code == code, text
    assert "Traceback" not in text
    assert not english(text), (english(text), text)
    return text


def usage_error(result, *named: str) -> str:
    """A usage error: status 2, nothing on stdout, one Vietnamese message naming what was wrong,
    and where the help is."""
    text = clean(result, 2)
    assert result.stdout == ""
    assert result.stderr.startswith("Lỗi cách dùng: "), result.stderr
    assert re.search(r"\nXem: duk( [\w-]+)* --help\n$", result.stderr), result.stderr
    for name in named:
        assert name in result.stderr, (name, result.stderr)
    return text


# --- help ----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", [p for p, _ in LEAVES + GROUPS], ids=ids(LEAVES + GROUPS))
@pytest.mark.parametrize("help_option", ["--help", "-h"])
def test_every_help_is_vietnamese(duk, path, help_option):
    text = clean(duk([*path, help_option], env={"COLUMNS": "100"}), 0)
    assert f"Cách dùng: duk {' '.join(path)}".rstrip() in text
    assert "Hiện hướng dẫn này rồi thoát." in " ".join(text.split())


# `duk feedback` alone lists (SPEC §7): a group that runs without a command is not asked for one.
ASKING = [(p, g) for p, g in GROUPS if g.no_args_is_help]


@pytest.mark.parametrize("path", [p for p, _ in ASKING], ids=ids(ASKING))
def test_a_group_without_its_command_shows_its_help(duk, path):
    r = duk(list(path))
    text = clean(r, 2)
    assert f"Cách dùng: duk {' '.join(path)}".rstrip() in text and r.stderr == ""


def test_every_argument_is_named_by_duk():
    """Without a metavar, an argument is shown by its Python name (`folder`)."""
    for path, command in LEAVES + GROUPS:
        for p in command.params:
            if p.param_type_name == "argument":
                assert p.metavar and not english(p.metavar), (path, p.name, p.metavar)


# --- usage errors --------------------------------------------------------------------------

@pytest.mark.parametrize("path,command", LEAVES + GROUPS, ids=ids(LEAVES + GROUPS))
def test_an_unknown_option(duk, path, command):
    usage_error(duk([*path, "--khong-co"]), "--khong-co")


@pytest.mark.parametrize("path,command", [c for c in LEAVES if options(c[1])], ids=ids([c for c in LEAVES
                                                                                       if options(c[1])]))
def test_a_misspelt_option(duk, path, command):
    name = next(o for p in options(command) for o in p.opts if o.startswith("--") and len(o) > 5)
    usage_error(duk([*path, name[:-1]]), name[:-1])


VALUE_OPTIONS = [(path, opt) for path, command in LEAVES + GROUPS for p in options(command) if takes_value(p)
                 for opt in p.opts]


@pytest.mark.parametrize("path,option", VALUE_OPTIONS, ids=[" ".join((*p, o)) for p, o in VALUE_OPTIONS])
def test_an_option_without_its_value(duk, path, option):
    usage_error(duk([*path, option]), option)


@pytest.mark.parametrize("path,option", [(("quota",), "--year"), (("visits",), "-y"), (("report",), "--year"),
                                         (("agenda",), "--days"), (("scorecard",), "--year")])
@pytest.mark.parametrize("value", ["abc", "1.5", "", "١٢"])
def test_not_a_number(duk, path, option, value):
    text = usage_error(duk([*path, option, value]), option, "phải là một số nguyên")
    assert "Giá trị không hợp lệ cho" in text


@pytest.mark.parametrize("path,option,choices", [
    (("check",), "--format", "'text', 'json'"), (("quota",), "-f", "'table', 'csv', 'json', 'xlsx'"),
    (("status",), "--format", "'table', 'csv', 'json', 'xlsx'"), (("agenda",), "--format", "'table', 'json', 'xlsx'"),
    (("log-visit",), "--rating", "'tot', 'kha', 'trung-binh', 'kem'")])
def test_not_one_of_the_choices(duk, path, option, choices):
    usage_error(duk([*path, option, "xml"]), option, f"'xml' không thuộc các giá trị {choices}.")


def test_a_number_below_its_least(duk):
    usage_error(duk(["agenda", "--days", "-1"]), "--days")


@pytest.mark.parametrize("path,command", LEAVES, ids=ids(LEAVES))
def test_extra_arguments(duk, path, command):
    usage_error(duk([*path, *filled(command), "x1", "x2", "x3"]), "Thừa đối số", "x3")


def test_a_flag_given_a_value(duk):
    usage_error(duk(["report", "--force=1"]), "--force", "không nhận giá trị")


@pytest.mark.parametrize("args,words", [
    (["khong-co-lenh"], "Không có lệnh 'khong-co-lenh'."),
    (["chek"], "'check'"),
    (["template", "khong-co"], "Không có lệnh 'khong-co'."),
    (["--data", "x"], "Thiếu lệnh"),
])
def test_an_unknown_or_missing_command(duk, args, words):
    usage_error(duk(args), words)


@pytest.mark.parametrize("args,words", [
    (["init"], "Thiếu đối số 'THƯ_MỤC'."),
    (["template", "export"], "Thiếu đối số 'THƯ_MỤC'."),
    (["template", "check"], "Thiếu đối số 'TỆP'."),
    (["scorecard"], "Thiếu tùy chọn '--year' / '-y'."),
])
def test_something_required_is_missing(duk, args, words):
    usage_error(duk(args), words)


# --- the questions of log-visit --------------------------------------------------------------

def test_the_questions_and_their_answers(duk, repo):
    answers = ["an", "2", "21/05/2019", "hôm qua", "tai chinh", "3", "Tình hình tốt", "", "", "", "", "", "", "",
               "", "9", "2", "có lẽ", "k"]
    r = duk(["log-visit"], data=repo(), today="2019-05-20", input="\n".join(answers) + "\n",
            env={"DUK_INTERACTIVE": "1"})
    text = clean(r, 1)
    assert "Hãy gõ c (có) hoặc k (không)." in text


def test_input_ending_in_the_middle_of_the_questions(duk, repo):
    r = duk(["log-visit"], data=repo(), today="2019-05-20", input="lan\n", env={"DUK_INTERACTIVE": "1"})
    text = clean(r, 130)
    assert "Đã hủy" in text


# --- a real process ------------------------------------------------------------------------

def environ() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DUK_DATA", "DUK_DEBUG", "PYTHONIOENCODING")}
    env.update({"PYTHONPATH": str(REPO), "DUK_TODAY": "2019-12-31", "PYTHONUTF8": "1"})
    return env


def test_a_real_process_speaks_vietnamese(tmp_path):
    done = subprocess.run([sys.executable, "-m", "dukcli", "quota", "--year", "abc"], capture_output=True,
                          text=True, encoding="utf-8", env=environ(), cwd=tmp_path, timeout=120)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("Lỗi cách dùng: Giá trị không hợp lệ cho '--year' / '-y': ")
    assert not english(done.stderr), done.stderr


@pytest.mark.parametrize("args", [["--help"], ["quota", "--help"], ["template", "check", "-h"]])
def test_help_into_a_closed_pipe_is_no_error(tmp_path, args):
    """`duk --help | head -1`: the reader has gone before the help is written."""
    process = subprocess.Popen([sys.executable, "-m", "dukcli", *args], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=environ(), cwd=tmp_path)
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    assert (process.wait(timeout=120), err) == (0, b"")
