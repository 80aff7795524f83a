"""duk init: a new data folder a clerk can start from."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from dukcli.cli.common import DukError
from dukcli.oserr import describe

FILES = ("duk.yaml", "units.yaml", "people.yaml", "assignments.yaml")
# Folders of one-file records (SPEC §2), kept in git by an empty .gitkeep until the first record.
FOLDERS = ("visits", "submissions")


def init(
    folder: Annotated[Path, typer.Argument(metavar="THƯ_MỤC", help="Thư mục dữ liệu mới (tạo nếu chưa có).")],
) -> None:
    """Tạo thư mục dữ liệu mới: duk.yaml có chú thích, các danh sách trống, git init."""
    from dukcli.resources import init_file
    from dukcli.store import gitops, write
    from dukcli.store.cache import private_dir

    if (folder / "duk.yaml").exists():
        raise DukError(f"'{folder}' đã là thư mục dữ liệu (có duk.yaml); không ghi đè")
    if folder.exists() and not folder.is_dir():
        raise DukError(f"'{folder}' là một tệp, không phải thư mục")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name in FILES:
            target = folder / name
            if target.exists():
                continue  # never overwrite what a clerk already has
            write.create_new(target, init_file(name))
            written.append(name)
        for name in FOLDERS:
            (folder / name).mkdir(exist_ok=True)
            (folder / name / ".gitkeep").touch()
        write.create_new(folder / ".gitignore", ".duk/\n") if not (folder / ".gitignore").exists() else None
        private_dir(folder)
    except OSError as e:
        raise DukError(f"không tạo được thư mục dữ liệu '{folder}': {describe(e)}") from None
    committed = gitops.init(folder, [*written, ".gitignore", *(f"{name}/.gitkeep" for name in FOLDERS)], "Khởi tạo thư mục dữ liệu duk")
    typer.echo(f"Đã tạo thư mục dữ liệu: {folder}")
    typer.echo("Kho git đã được tạo với lần ghi đầu tiên." if committed else
               "Không tạo kho git (máy chưa có git hoặc git báo lỗi).")
    typer.echo("Bước tiếp theo: sửa duk.yaml, units.yaml, people.yaml, assignments.yaml, rồi chạy: duk check")
