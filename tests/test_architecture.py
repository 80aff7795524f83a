"""The functional core imports nothing of the shell (issue "house in order", ARCHITECTURE.md).

Every module of the core is read with ast, so an import hidden inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "dukcli"
CORE = sorted([*(PACKAGE / name for name in ("model.py", "periods.py", "dates.py", "text.py", "match.py",
                                               "schema.py", "yamltext.py", "oserr.py", "codes.py", "listtext.py")),
               *(PACKAGE / "rules").glob("*.py"), *(PACKAGE / "words").glob("*.py")])
SHELL = ("dukcli.store", "dukcli.render", "dukcli.cli", "dukcli.entry", "dukcli.resources")
# Libraries of terminals, documents and the command line: the shell's, never the core's.
SHELL_LIBRARIES = ("typer", "click", "rich", "docx", "docxtpl", "jinja2", "filelock", "icalendar",
                   "subprocess", "shutil", "tempfile")


def imported(path: Path) -> list[tuple[int, str]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [f"{node.module}.{alias.name}" for alias in node.names]
            out.extend((node.lineno, name) for name in [node.module, *names])
    return out


def test_the_core_is_where_it_is_said_to_be():
    assert len(CORE) >= 15 and all(p.is_file() for p in CORE)


@pytest.mark.parametrize("path", CORE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_a_core_module_imports_nothing_of_the_shell(path):
    bad = [(line, name) for line, name in imported(path)
           if name.startswith(SHELL) or name.split(".")[0] in SHELL_LIBRARIES]
    assert bad == [], f"{path.name} imports the shell: {bad}"
