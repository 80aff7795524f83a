"""The README's examples run as written on a copy of the bundled sample (the docs do not lie)."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def examples() -> list[str]:
    """Every `duk …` line of the README's shell blocks, continuation lines joined."""
    blocks = re.findall(r"```sh\n(.*?)```", README, flags=re.S)
    lines = []
    for block in blocks:
        joined = block.replace("\\\n", " ")
        for line in joined.splitlines():
            line = line.split(" #")[0].strip()
            line = re.sub(r"^python3 -m pip install [^&]*&& ", "", line)
            if line.startswith("duk "):
                lines.append(line)
    return lines


def test_the_readme_has_examples_of_the_main_commands():
    firsts = {shlex.split(line)[1] for line in examples()}
    assert {"quota", "check", "log-visit", "report", "summary", "agenda"} <= firsts


@pytest.mark.parametrize("line", examples())
def test_readme_example_runs(line, tmp_path, monkeypatch, duk):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns(".duk"))
    monkeypatch.chdir(tmp_path)
    words = shlex.split(line.split(">")[0])[1:]
    result = duk(words, data=data, today="2019-12-31", env={"DUK_INTERACTIVE": "0"})
    if words == ["log-visit"]:  # the interactive example: without a terminal it asks nothing
        assert result.exit_code == 2 and "--person" in result.stderr
        return
    assert result.exit_code == 0, result.stderr
    assert "Lỗi" not in result.stderr
