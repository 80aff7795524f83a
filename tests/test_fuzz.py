"""Fuzzing through the CLI: whatever a data file or an option holds, duk answers with a
Vietnamese message and an exit status, never an internal error or a traceback."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import BASE, write_folder
from dukcli.cli.main import app

LINE = re.compile(r"^[^:]+:\d+: (lỗi|cảnh báo) \[[a-z-]+\]: .+$")
SUMMARY = re.compile(r"^(Có \d+ lỗi, \d+ cảnh báo\.|Dữ liệu hợp lệ: không có lỗi, không có cảnh báo\.)$")
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- YAML-ish text: the words of duk's files, the pieces of YAML that go wrong ---------------

KEYS = ["person", "unit", "date", "work", "meeting", "situation", "difficulties", "proposals",
        "preparation", "rating", "id", "name", "type", "meeting-day", "parent", "from", "to",
        "organization", "short", "quota", "per-month", "per-year", "phu-trach", "theo-doi",
        "report", "due-day", "regulation", "role", "units", "basis", "khóa lạ", "", "? a", "<<"]
VALUES = ["nguyen-thi-lan", "cb-so-tai-chinh", "db-so-y-te", "2019-05-14", "14/05/2019", "2019-02-30",
          "31/13/2019", "0001-01-01", "9999-12-31", "tot", "kem", "chi-bo-co-so", "chi-bo-truc-thuoc",
          "5", "0", "-1", "31", "32", "99999999999999999999999", "1e400", ".inf", ".nan", "5.5",
          "true", "yes", "null", "~", "[]", "{}", "[a, b", "{a: 1", "'chưa đóng", '"\\x00"', '"\\u200b"',
          "!!python/object/apply:os.system ['true']", "!!binary aGVsbG8=", "!!set {a}", "!!timestamp x",
          "&a x", "*a", "*khong-co", "|", ">-", "Nguyễn Thị Lan", "Chi bộ Sở Tài chính",
          "Ngu\u0303yê\u0303n", "\t", "\x07", "\u202e", "#", "- a", "a: b: c", "{{ x }}", "{%p if %}",
          "'", '"', "`", "%YAML 1.1", "---", "...", "@", "x" * 300]


@st.composite
def yamlish(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 14))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 4, 1, 3]))
        dash = draw(st.sampled_from(["", "", "- "]))
        key = draw(st.sampled_from(KEYS))
        value = draw(st.one_of(st.sampled_from(VALUES), st.text(max_size=12)))
        form = draw(st.sampled_from(["{k}: {v}", "{k}:", "{v}", "{k}: [{v}, {v}]", "{k}: {{{k}: {v}}}"]))
        lines.append(indent + dash + form.format(k=key, v=value))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(lines) + draw(st.sampled_from(["", "\n"]))


contents = st.one_of(yamlish(), st.text(max_size=200), st.binary(max_size=200))


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return write_folder(tmp_path_factory.mktemp("fuzz") / "data", {})


def put(root: Path, rel: str, content: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass"))


def invoke(root: Path, args: list[str]):
    return CliRunner().invoke(app, ["--data", str(root), *args], env={"DUK_TODAY": "2019-12-31"})


def assert_clean(result, codes=(0, 1)) -> None:
    out = result.stdout + result.stderr
    assert result.exit_code in codes, out
    assert "Lỗi nội bộ" not in out and "Traceback" not in out, out
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)


def assert_check_lines(result) -> None:
    assert_clean(result)
    for line in result.stdout.splitlines():
        assert LINE.match(line), line
    for line in result.stderr.splitlines():
        assert LINE.match(line) or SUMMARY.match(line), line


def restore(root: Path, rel: str) -> None:
    if rel in BASE:
        import textwrap

        put(root, rel, textwrap.dedent(BASE[rel]))


# --- data files -----------------------------------------------------------------------------

@FUZZ
@given(content=contents)
def test_any_visit_file(folder, content):
    put(folder, "visits/2019/05/fuzz.yaml", content)
    try:
        assert_check_lines(invoke(folder, ["check"]))
    finally:
        (folder / "visits/2019/05/fuzz.yaml").unlink()


@FUZZ
@given(rel=st.sampled_from(["units.yaml", "duk.yaml", "people.yaml", "assignments.yaml", "submissions.yaml"]),
       content=contents)
def test_any_list_or_settings_file(folder, rel, content):
    put(folder, rel, content)
    try:
        assert_check_lines(invoke(folder, ["check"]))
    finally:
        if rel in BASE:
            restore(folder, rel)
        else:
            (folder / rel).unlink()


@settings(max_examples=15, deadline=None)
@given(content=yamlish())
def test_a_reporting_command_on_any_visit_file(folder, content):
    """quota refuses broken data with the errors listed, or answers: never an internal error."""
    put(folder, "visits/2019/05/fuzz.yaml", content)
    try:
        assert_clean(invoke(folder, ["quota", "-p", "2019Q2", "-f", "json"]))
    finally:
        (folder / "visits/2019/05/fuzz.yaml").unlink()


# --- options ----------------------------------------------------------------------------------

DATEISH = st.one_of(
    st.text(max_size=20),
    st.from_regex(r"\A[0-9 ]{0,5}[-/.Q H M]{0,2}[0-9]{0,3}[-/.]?[0-9]{0,6}\Z"),
    st.sampled_from(["hôm nay", "HÔM QUA", "today", "hom nay ", "2019-02-29", "29/02/2020", "0000-01-01",
                     "2019Q0", "2019Q5", "2019-00", "2019-13", "10000Q1", "1899", "Q2", "h1", "9m", "2019-9M",
                     "٢٠١٩Q2", "２０１９-05", "2019\u200bQ2", "-1", "--help", "-p"]))


@settings(max_examples=40, deadline=None)
@given(value=DATEISH)
def test_any_date_for_log_visit(tmp_path_factory, value):
    root = write_folder(tmp_path_factory.mktemp("lv") / "data", {})
    r = CliRunner().invoke(app, ["--data", str(root), "log-visit", "--person", "lan", "--unit", "tai chinh",
                                 "--date", value, "--work", "--no-commit"], env={"DUK_TODAY": "2019-12-31"})
    assert_clean(r, codes=(0, 1, 2))
    written = sorted(p.name for p in (root / "visits").rglob("*")) if (root / "visits").exists() else []
    if r.exit_code != 0:
        assert written == [], (value, written)
    assert not list(root.rglob(".duk-*"))
    shutil.rmtree(root)


@settings(max_examples=40, deadline=None)
@given(option=st.sampled_from(["--period", "--as-of"]), value=DATEISH)
def test_any_period_or_day_for_quota(folder, option, value):
    assert_clean(invoke(folder, ["quota", option, value]), codes=(0, 1, 2))
