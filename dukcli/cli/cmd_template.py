"""duk template export/check: the Word forms a clerk may edit without touching Python."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import DukError, echo_err, usage
from dukcli.cli.framework import ViCommand, ViGroup
from dukcli.oserr import describe
from dukcli.words import commands as W

app = typer.Typer(
    cls=ViGroup,
    help=W.TEMPLATE_APP_HELP,
    no_args_is_help=True,
)


# --- duk template ----------------------------------------------------------------------------

def _samples() -> dict:
    """Sample contexts by kind of template; a new Word document adds its own here."""
    from dukcli.rules import feedback, report, summary, ubkt

    return {"report": report.sample_context, "summary": summary.sample_context, "ubkt": ubkt.sample_context,
            "feedback_form": feedback.sample_context}


def _kind_of(file: Path) -> str:
    """The kind a file name suggests (summary.docx, tong-hop…): else the individual report."""
    from dukcli.text import fold

    name = fold(file.stem)
    if "feedback" in name or "phieu" in name:
        return "feedback_form"
    if "ubkt" in name or "kiem tra" in name.replace("-", " "):
        return "ubkt"
    return "summary" if "summary" in name or "tong hop" in name.replace("-", " ") else "report"


@app.command("export", cls=ViCommand)
def template_export(
    folder: Annotated[Path, typer.Argument(metavar=W.FOLDER_METAVAR, help=W.EXPORT_FOLDER_HELP)],
) -> None:
    """Chép các mẫu Word kèm theo duk ra THƯ_MỤC để sửa trong Word (không ghi đè tệp đã có)."""
    from dukcli.resources import template_dir

    shipped = sorted(template_dir().glob("*.docx"))
    if folder.exists() and not folder.is_dir():
        raise DukError(W.is_a_file(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DukError(W.folder_not_made(folder, describe(e))) from None
    copied = 0
    for source in shipped:
        target = folder / source.name
        try:
            with open(target, "xb") as fh:  # exclusive: never over a clerk's edited copy
                fh.write(source.read_bytes())
        except FileExistsError:
            echo_err(W.skipped_existing(target))
            continue
        except OSError as e:
            raise DukError(W.copy_not_written(target, describe(e))) from None
        copied += 1
        typer.echo(W.copied(target))
    if not copied:
        raise DukError(W.none_copied(folder))
    typer.echo(W.TEMPLATE_EDIT_HINT)


@app.command("check", cls=ViCommand)
def template_check(
    file: Annotated[Path, typer.Argument(metavar=W.FILE_METAVAR, help=W.CHECK_FILE_HELP)],
    kind: Annotated[Optional[str], typer.Option("--kind", help=W.KIND_HELP)] = None,
) -> None:
    """Kiểm tra một mẫu Word đã sửa: thẻ không an toàn, biến không biết, thẻ viết sai (kèm đoạn văn chứa lỗi)."""
    from dukcli.render.word import check_template, short

    samples = _samples()
    kind = kind or _kind_of(file)
    if kind not in samples:
        raise usage(W.unknown_kind(kind, samples))
    if not file.is_file():
        raise DukError(W.no_template_file(file))
    problems = check_template(file, samples[kind]())
    if not problems:
        typer.echo(W.template_valid(file))
        return
    for p in problems:
        where = W.in_paragraph(p.paragraph, short(p.text)) if p.paragraph else ""
        echo_err(f"{file}: {where}{p.message}")
    raise DukError(W.template_has_errors(file, len(problems)))
