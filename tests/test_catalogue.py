"""One catalogue of the words a user reads (issue "house in order", item 2): every Vietnamese
string of dukcli/ is written in dukcli/words/ (or the check-code registry, codes.py), nowhere
else, so a wording is changed in one place and the terminal, CSV, Word and the web agree.

Read with ast: a string constant with a Vietnamese letter in it, docstrings excluded (they
are the code's comments, and typer's help of a command, which is fine to keep with its code).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dukcli"
CATALOGUE = [*(PACKAGE / "words").glob("*.py"), PACKAGE / "codes.py"]
VIETNAMESE = re.compile(r"[À-ỹĐđ]")


def docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                out.add(id(first.value))
    return out


def vietnamese_literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = docstrings(tree)
    return [(node.lineno, node.value[:60]) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
            and VIETNAMESE.search(node.value)]


def outside() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p not in CATALOGUE)


def test_the_catalogue_is_where_it_is_said_to_be():
    names = {p.name for p in CATALOGUE}
    assert {"__init__.py", "codes.py", "commands.py", "framework.py", "records.py", "regulation.py",
            "documents.py", "output.py", "folder.py", "prompts.py"} <= names
    assert sum(len(vietnamese_literals(p)) for p in CATALOGUE) > 700  # the words are really there


@pytest.mark.parametrize("path", outside(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_vietnamese_literal_outside_the_catalogue(path):
    assert vietnamese_literals(path) == []


def test_the_finder_sees_a_literal(tmp_path):
    """The check itself: a message in code is found, its docstring is not."""
    sample = tmp_path / "x.py"
    sample.write_text('"""Mô-đun."""\n\ndef f():\n    """Hàm."""\n    return f"Lỗi ở {1}" + "đ"\n',
                      encoding="utf-8")
    assert [line for line, _ in vietnamese_literals(sample)] == [5, 5]


def test_a_whole_message_is_written_once():
    """The same sentence (a whole constant, not a piece of an f-string) in two places of the
    catalogue would drift apart: each is defined once and imported where needed."""
    seen: dict[str, str] = {}
    twice = []
    for path in sorted(CATALOGUE):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        pieces = {id(v) for node in ast.walk(tree) if isinstance(node, ast.JoinedStr) for v in node.values}
        skip = docstrings(tree) | pieces
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
                    and VIETNAMESE.search(node.value) and len(node.value) >= 30):
                where = f"{path.name}:{node.lineno}"
                if node.value in seen:
                    twice.append((node.value[:50], seen[node.value], where))
                seen.setdefault(node.value, where)
    assert twice == []
