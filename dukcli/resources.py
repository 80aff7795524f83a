"""Files that ship with duk (Word templates, the skeleton of a new folder)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


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


def init_file(name: str) -> str:
    return (template_dir() / "init" / name).read_text(encoding="utf-8")
