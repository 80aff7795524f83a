"""Talking with a clerk at a terminal: questions and answers, and the text editor."""

from __future__ import annotations

import os

from dukcli.cli.common import DukError
from dukcli.oserr import describe
from dukcli.words import prompts as P


def interactive() -> bool:
    """Whether to ask for what is missing: a terminal, or DUK_INTERACTIVE=1/0 to force it."""
    import sys

    forced = os.environ.get("DUK_INTERACTIVE", "").strip()
    if forced in ("0", "1"):
        return forced == "1"
    try:
        return sys.stdin.isatty()
    except (AttributeError, ValueError):
        return False


class Asker:
    """Questions and answers in Vietnamese through rich; answers are NFC."""

    def __init__(self):
        from rich.console import Console

        self.console = Console(highlight=False)

    def say(self, text: str = "") -> None:
        self.console.print(text, markup=False, highlight=False, soft_wrap=True)

    def ask(self, question: str, default: str | None = None) -> str:
        from rich.prompt import Prompt
        from rich.text import Text

        from dukcli.text import nfc

        kwargs = {} if default is None else {"default": default, "show_default": bool(default)}
        answer = Prompt.ask(Text(question), console=self.console, **kwargs)
        return nfc(str(answer).strip())

    def yes(self, question: str, default: bool | None = None) -> bool:
        from dukcli.text import fold

        hint = P.YES_NO_HINTS[default]
        while True:
            answer = fold(self.ask(f"{question} {hint}", "" if default is not None else None))
            if answer == "" and default is not None:
                return default
            if answer in P.YES_ANSWERS:
                return True
            if answer in P.NO_ANSWERS:
                return False
            self.say(P.YES_OR_NO)


def editor_command() -> list[str]:
    import shlex
    import shutil

    chosen = os.environ.get("EDITOR") or os.environ.get("VISUAL")
    if chosen and chosen.strip():
        try:
            return shlex.split(chosen)
        except ValueError:  # an unclosed quote
            raise DukError(P.bad_editor(chosen)) from None
    for name in ("nano", "vi"):
        if shutil.which(name):
            return [name]
    raise DukError(P.NO_EDITOR)


def run_editor(text: str) -> tuple[str, bool]:
    """(what came back, whether the editor exited normally)."""
    import subprocess
    import tempfile

    fd, name = tempfile.mkstemp(prefix="duk-chuyen-di-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        command = editor_command()
        try:
            done = subprocess.run([*command, name])
        except OSError as e:
            raise DukError(P.editor_not_opened(command[0], describe(e))) from None
        with open(name, encoding="utf-8", errors="replace") as fh:
            return fh.read(), done.returncode == 0
    finally:
        try:
            os.unlink(name)
        except OSError:
            pass


def blank(text: str) -> bool:
    """Nothing but comments and spaces: the clerk emptied the editor's file to cancel."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def keep_typed(root, stem: str, text: str):
    """Keep what the clerk typed in a new file stem-<time>.yaml of .duk/ (when it is a real
    folder; else of the system's temporary folder), so that nothing typed is lost; its path."""
    import datetime as dt
    import tempfile
    from pathlib import Path

    from dukcli.store import write
    from dukcli.store.cache import private_dir

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = private_dir(root) or Path(tempfile.gettempdir())
    return write.create_unique(folder, f"{stem}-{stamp}", text)
