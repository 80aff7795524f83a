"""Finding the data folder (SPEC §2): --data, DUK_DATA, then upward from here."""

from __future__ import annotations

import os
from pathlib import Path

from dukcli.words import folder as W

MARKER = "duk.yaml"


class NoDataFolder(Exception):
    """No data folder; the message is for the user."""


def find(explicit: str | os.PathLike | None = None, cwd: Path | None = None) -> Path:
    if explicit:
        return _checked(Path(explicit), "--data")
    env = os.environ.get("DUK_DATA")
    if env:
        return _checked(Path(env), "DUK_DATA")
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
        if (folder / "data" / MARKER).is_file():
            return folder / "data"
    raise NoDataFolder(W.NO_DATA_FOLDER)


def _checked(path: Path, source: str) -> Path:
    path = path.expanduser().resolve()
    if not (path / MARKER).is_file():
        raise NoDataFolder(W.folder_without_marker(path, source))
    return path
