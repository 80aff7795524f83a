"""The standard streams of a real `python -m dukcli` process (SPEC §5, Global): a code page that
cannot write Vietnamese, a reader that stops after one line, and Ctrl-C at any moment."""

from __future__ import annotations

import codecs
import datetime
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import write_folder

REPO = Path(__file__).resolve().parent.parent
TODAY = "2019-12-31"
# Vietnamese letters with a tone mark: Windows-1258 has no precomposed form of any of them.
TONED = {chr(c) for c in range(0x1EA0, 0x1EFA)}


def environ(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DUK_DATA", "DUK_DEBUG", "PYTHONIOENCODING")}
    env.update({"PYTHONPATH": str(REPO), "DUK_TODAY": TODAY, **extra})
    return env


def command(data: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "dukcli", "--data", str(data), *args]


def run(data: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(command(data, *args), env=environ(**env), cwd=data.parent, capture_output=True,
                          timeout=120)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    """A copy of the sample data folder (without its cache)."""
    target = tmp_path_factory.mktemp("streams") / "data"
    shutil.copytree(REPO / "data", target, ignore=shutil.ignore_patterns(".duk"))
    return target


@pytest.fixture(scope="module")
def big(tmp_path_factory) -> Path:
    """A folder whose `visits` listing is far larger than a pipe's buffer (64 KB on Linux), in
    every format: 1,460 visits, two people to two units each day of 2019."""
    visits = {}
    day = datetime.date(2019, 1, 1)
    while day.year == 2019:
        for person in ("nguyen-thi-lan", "tran-van-binh"):
            for unit in ("cb-so-tai-chinh", "db-so-y-te"):
                visits[f"visits/{day:%Y/%m}/{day}-{person}-{unit}.yaml"] = \
                    f"person: {person}\nunit: {unit}\ndate: {day}\nwork: {{}}\n"
        day += datetime.timedelta(days=1)
    return write_folder(tmp_path_factory.mktemp("streams") / "big", visits)


# --- a code page that cannot write Vietnamese ------------------------------------------------

QUARTER = ["-p", "2019Q2", "--year", "2019"]
CASES = [
    (["quota", *QUARTER, "--as-of", "2019-07-05"], ("table", "csv", "json")),
    (["visits", *QUARTER], ("table", "csv", "json")),
    (["status", *QUARTER], ("table", "csv", "json")),
    (["scorecard", "--year", "2019"], ("table", "csv", "json")),
    (["agenda"], ("table", "json")),
    (["check"], ("text", "json")),
]


@pytest.mark.parametrize("args, fmt", [(args, fmt) for args, fmts in CASES for fmt in fmts],
                         ids=[f"{args[0]}-{fmt}" for args, fmts in CASES for fmt in fmts])
def test_a_code_page_that_cannot_write_vietnamese_gets_the_same_utf8_output(sample, args, fmt):
    # check has something to say only before the sample's later records are due.
    today = {"DUK_TODAY": "2019-07-05"} if args[0] == "check" else {}
    want = run(sample, *args, "--format", fmt, PYTHONIOENCODING="utf-8", **today)
    got = run(sample, *args, "--format", fmt, PYTHONIOENCODING="cp1258", **today)
    stderr = got.stderr.decode("cp1258", "replace")
    assert "Traceback" not in stderr and "L?i n?i b?" not in stderr, stderr
    assert got.returncode == want.returncode == (1 if args[0] == "check" else 0), stderr
    # Tables fall back to UTF-8 (dukcli.render.output.setup_streams says why); CSV is UTF-8 with
    # a BOM and JSON UTF-8 whatever the stream's code page.
    assert got.stdout == want.stdout
    if fmt == "csv":
        assert got.stdout.startswith(codecs.BOM_UTF8)
    text = got.stdout.decode("utf-8")
    assert TONED & set(text), text
    if fmt == "json":
        json.loads(text)
    if args[0] != "check":
        assert "Hoàng Văn Cường" in text or "Nguyễn Thị Lan" in text, text


def test_an_error_on_a_code_page_stderr_is_text_with_question_marks(tmp_path):
    done = run(tmp_path / "nowhere", "quota", PYTHONIOENCODING="cp1258")
    assert done.returncode == 1
    assert done.stdout == b""
    text = done.stderr.decode("cp1258")
    # errors="replace": a letter the code page lacks is '?', never a '\u1ed7' escape.
    assert text.startswith("L?i: thư m?c d? li?u"), text
    assert "\\u" not in text and "\\x" not in text and "Traceback" not in text, text
    assert "duk init" in text


# --- a reader that stops early ----------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_a_reader_that_stops_after_one_line_ends_it_quietly(big, fmt):
    proc = subprocess.Popen(command(big, "visits", "--year", "2019", "--format", fmt),
                            env=environ(PYTHONIOENCODING="utf-8"), cwd=big.parent,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        first = proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        stderr = proc.stderr.read()
        proc.wait(timeout=120)
    finally:
        proc.kill()
    assert first.strip()
    assert (proc.returncode, stderr.decode("utf-8", "replace")) == (0, "")


# --- Ctrl-C -----------------------------------------------------------------------------------

# A frame of duk's own code in a traceback; dukcli/__main__.py's `from dukcli.entry import main`
# is the one line that must run before duk can handle anything.
DUK_FRAME = re.compile(r'File "[^"]*dukcli[/\\](?!__main__\.py")')


def ctrl_c_outcome(code: int, out: bytes, err: str) -> str:
    if "Traceback" in err or "Fatal Python error" in err or "Exception ignored" in err:
        # The interpreter's own start-up (site, runpy) comes before duk's first line; CPython
        # may print a traceback there, about 10 to 30 ms after the start, that no package can
        # prevent. Anywhere in duk's code (the imports of typer, click and rich included) a
        # traceback is a failure.
        return "duk traceback" if DUK_FRAME.search(err) else "interpreter start-up"
    if code == 130 and err.strip().startswith("Đã hủy"):
        return "cancelled"
    if code == 0 and err == "" and out.startswith("Kết quả thực hiện Điều 4".encode()):
        return "finished before the signal"
    if code == -signal.SIGINT and (out, err) == (b"", ""):
        return "killed before the interpreter had a handler"  # the shell's 130 too
    return f"wrong: status {code}, stderr {err!r}"


def test_ctrl_c_at_any_moment_is_the_cancel_message_and_130_never_a_traceback(sample):
    outcomes = []
    for i in range(20):
        delay = 0.300 * i / 19
        proc = subprocess.Popen(command(sample, "quota", "-p", "2019", "--as-of", "2019-12-31"),
                                env=environ(PYTHONIOENCODING="utf-8"), cwd=sample.parent,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=120)
        what = ctrl_c_outcome(proc.returncode, out, err.decode("utf-8", "replace"))
        outcomes.append((round(delay * 1000), what))
    wrong = [(ms, what) for ms, what in outcomes if what.startswith(("wrong", "duk traceback"))]
    assert not wrong, outcomes
    assert sum(what == "cancelled" for _, what in outcomes) >= 10, outcomes
