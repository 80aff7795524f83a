"""duk init: a new data folder a clerk can start from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import DukError
from dukcli.oserr import describe
from dukcli.words import commands as W

FILES = ("duk.yaml", "units.yaml", "people.yaml", "assignments.yaml")
# Folders of one-file records (SPEC §2), kept in git by an empty .gitkeep until the first record.
FOLDERS = ("visits", "submissions")


def _filled(text: str, values: dict[str, str | None]) -> str:
    """duk.yaml's organization lines (`  name: …`) with the values given; the rest as shipped."""
    import re

    from dukcli.listtext import scalar

    for key, value in values.items():
        if value:
            text = re.sub(rf"(?m)^(  {key}: ).*$", lambda m: m.group(1) + scalar(value), text, count=1)
    return text


def init(
    folder: Annotated[Path, typer.Argument(metavar=W.FOLDER_METAVAR, help=W.INIT_FOLDER_HELP)],
    name: Annotated[Optional[str], typer.Option("--name", help=W.INIT_NAME_HELP)] = None,
    parent: Annotated[Optional[str], typer.Option("--parent", help=W.INIT_PARENT_HELP)] = None,
    place: Annotated[Optional[str], typer.Option("--place", help=W.INIT_PLACE_HELP)] = None,
) -> None:
    """Tạo thư mục dữ liệu mới: duk.yaml có chú thích, các danh sách trống, git init."""
    from dukcli.resources import init_file
    from dukcli.store import gitops, write
    from dukcli.store.cache import private_dir

    org = name
    if (folder / "duk.yaml").exists():
        raise DukError(W.already_data_folder(folder))
    if folder.exists() and not folder.is_dir():
        raise DukError(W.is_a_file(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for file_name in FILES:
            target = folder / file_name
            if target.exists():
                continue  # never overwrite what a clerk already has
            text = init_file(file_name)
            if file_name == "duk.yaml":
                text = _filled(text, {"name": org, "parent": parent, "place": place})
            write.create_new(target, text)
            written.append(file_name)
        for name in FOLDERS:
            (folder / name).mkdir(exist_ok=True)
            (folder / name / ".gitkeep").touch()
        write.create_new(folder / ".gitignore", ".duk/\n") if not (folder / ".gitignore").exists() else None
        private_dir(folder)
    except OSError as e:
        raise DukError(W.data_folder_not_made(folder, describe(e))) from None
    committed = gitops.init(folder, [*written, ".gitignore", *(f"{name}/.gitkeep" for name in FOLDERS)], W.INIT_COMMIT)
    typer.echo(W.data_folder_made(folder))
    typer.echo(W.GIT_CREATED if committed else W.GIT_NOT_CREATED)
    typer.echo(W.INIT_NEXT)
