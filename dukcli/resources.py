"""Files that ship with duk (Word templates, the skeleton of a new folder)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from dukcli.words import folder as W


def template_dir() -> Path:
    """dukcli.templates when installed; the repository's templates/ when run from source."""
    try:
        folder = Path(str(resources.files("dukcli.templates")))
        if folder.is_dir():
            return folder
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "templates"


def template(name: str) -> Path:
    return template_dir() / name


def folder_template(root: Path, name: str) -> Path:
    """The data folder's templates/NAME when it has one (a clerk's edited form wins over the
    shipped one), else the shipped form. The data folder travels between offices: a link or
    anything but a regular file there is refused, never followed (SPEC §6)."""
    from dukcli.store import safefs

    own = root / "templates" / name
    try:
        what = safefs.lstat_kind(own)
    except FileNotFoundError:
        return template(name)
    except OSError:
        what = W.UNREADABLE
    if what is not None or not safefs.is_real_dir(root / "templates"):
        raise safefs.NotRegular(what or safefs.LINK)
    return own


def init_file(name: str) -> str:
    return (template_dir() / "init" / name).read_text(encoding="utf-8")
