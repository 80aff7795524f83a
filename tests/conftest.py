"""Shared fixtures: a small data folder built from strings, and a CLI runner."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dukcli.cli.main import app

BASE = {
    "duk.yaml": """\
        organization:
          parent: ĐẢNG BỘ TỈNH HÒA BÌNH
          name: ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
          short: ĐUK
          place: Hòa Bình
        regulation: Quy định số 08-QĐ/ĐUK ngày 25/4/2019 của Ban Thường vụ Đảng ủy Khối
        """,
    "units.yaml": """\
        - id: cb-so-tai-chinh
          name: Chi bộ Sở Tài chính
          type: chi-bo-co-so
          meeting-day: 5
        - id: db-so-y-te
          name: Đảng bộ Sở Y tế
          type: dang-bo-co-so
        - id: cb-phong-nghiep-vu-y
          name: Chi bộ Phòng Nghiệp vụ Y
          type: chi-bo-truc-thuoc
          parent: db-so-y-te
        """,
    "people.yaml": """\
        - id: nguyen-thi-lan
          name: Nguyễn Thị Lan
          position: Chuyên viên Ban Tổ chức
          department: Ban Tổ chức Đảng ủy Khối
        - id: tran-van-binh
          name: Trần Văn Bình
          position: Phó Bí thư Đảng ủy Khối
          department: Thường trực Đảng ủy Khối
        """,
    "assignments.yaml": """\
        - person: nguyen-thi-lan
          role: theo-doi
          units: [cb-so-tai-chinh, db-so-y-te]
          from: 2019-01-01
          basis: Thông báo số 80-TB/ĐUK ngày 25/02/2019
        - person: tran-van-binh
          role: phu-trach
          units: [cb-so-tai-chinh, db-so-y-te]
          from: 2019-01-01
          basis: Nghị quyết số 13-NQ/ĐUK ngày 25/02/2019
        """,
}


def write_folder(root: Path, files: dict[str, str | None]) -> Path:
    """BASE overridden by files (None removes a file); text is dedented."""
    merged = {**BASE, **files}
    root.mkdir(parents=True, exist_ok=True)
    for rel, text in merged.items():
        if text is None:
            continue
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        age(path)
    return root


def age(path: Path, seconds: int = 3600) -> None:
    """Date a file back: the cache does not keep files written in its last seconds (their
    mtime cannot yet tell a later same-size edit apart), and tests want warm runs."""
    import os
    import time

    past = time.time() - seconds
    os.utime(path, (past, past))


@pytest.fixture
def parses(monkeypatch):
    """The list of files the loader parsed (loader.parse_text was called for), in order."""
    from dukcli.store import loader

    seen: list[str] = []
    real = loader.parse_text

    def counting(rel, raw, parser, quick=None):
        seen.append(rel)
        return real(rel, raw, parser, quick)

    monkeypatch.setattr(loader, "parse_text", counting)
    return seen


@pytest.fixture
def make_folder(tmp_path):
    """make_folder({"visits/2019/05/a.yaml": "..."}) -> the data folder's Path."""
    counter = iter(range(1000))

    def make(files: dict[str, str | None] | None = None) -> Path:
        return write_folder(tmp_path / f"data{next(counter)}", files or {})

    return make


@pytest.fixture
def duk(monkeypatch):
    """duk(["quota", ...], data=folder, today="2019-07-05") -> click Result."""
    runner = CliRunner()

    def run(args: list[str], data: Path | None = None, today: str | None = "2019-12-31", input: str | None = None,
            env: dict | None = None):
        full = (["--data", str(data)] if data else []) + list(args)
        environ = {"DUK_TODAY": today or ""}
        environ.update(env or {})
        return runner.invoke(app, full, input=input, env=environ)

    return run


@pytest.fixture
def repo(make_folder):
    """make_folder, then made a git repository with one commit."""
    from dukcli.store import gitops

    def make(files=None) -> Path:
        root = make_folder(files)
        assert gitops.init(root, ["."], "Khởi tạo")
        return root

    return make


@pytest.fixture
def failing_git(tmp_path_factory):
    """env for duk with a `git` on PATH that does everything but refuses to commit (a full
    disk, a broken repository): duk must keep the file and say so."""
    import os
    import shutil

    real = shutil.which("git")
    folder = tmp_path_factory.mktemp("bin")
    script = folder / "git"
    script.write_text(f'#!/bin/sh\nfor a in "$@"; do [ "$a" = commit ] && {{ echo "bị chặn" >&2; exit 1; }}; done\n'
                      f'exec "{real}" "$@"\n')
    script.chmod(0o755)
    return {"PATH": f"{folder}{os.pathsep}{os.environ.get('PATH', '')}"}


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=True).stdout


def make_template(path, lines, cell_lines=()):
    """A .docx with one paragraph per line, then (if any) a one-cell table of cell_lines."""
    import docx

    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    if cell_lines:
        cell = d.add_table(rows=1, cols=1).rows[0].cells[0]
        cell.paragraphs[0].text = cell_lines[0]
        for line in cell_lines[1:]:
            cell.add_paragraph(line)
    d.save(str(path))
    return path
