"""Every command is documented: in README.md, and with a Vietnamese help text."""

from __future__ import annotations

from pathlib import Path

import typer

from dukcli.cli.main import app

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def commands(group, prefix="duk"):
    for name, cmd in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, cmd
        if hasattr(cmd, "commands"):
            yield from commands(cmd, path)


def test_there_are_commands():
    names = [path for path, _ in commands(typer.main.get_command(app))]
    assert {"duk check", "duk init", "duk quota", "duk visits"} <= set(names)


def test_every_command_is_in_the_readme():
    missing = [path for path, _ in commands(typer.main.get_command(app)) if f"`{path}" not in README]
    assert missing == []


def test_every_command_has_a_vietnamese_help_text():
    for path, cmd in commands(typer.main.get_command(app)):
        text = (cmd.help or "").strip()
        assert text, path
        assert any(ch in text for ch in "ăâđêôơưáàảãạếềểễệóòỏõọúùủũụíìỉĩị"), (path, text)
