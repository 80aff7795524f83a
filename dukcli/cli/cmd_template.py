"""duk template export/check: the Word forms a clerk may edit without touching Python."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import DukError, echo_err, usage
from dukcli.oserr import describe

app = typer.Typer(
    help="Mẫu Word của báo cáo: chép ra để sửa, kiểm tra mẫu đã sửa.",
    no_args_is_help=True,
)


# --- duk template ----------------------------------------------------------------------------

def _samples() -> dict:
    """Sample contexts by kind of template; a new Word document adds its own here."""
    from dukcli.rules import report, summary

    return {"report": report.sample_context, "summary": summary.sample_context}


def _kind_of(file: Path) -> str:
    """The kind a file name suggests (summary.docx, tong-hop…): else the individual report."""
    from dukcli.text import fold

    name = fold(file.stem)
    return "summary" if "summary" in name or "tong hop" in name.replace("-", " ") else "report"


@app.command("export")
def template_export(
    folder: Annotated[Path, typer.Argument(metavar="THƯ_MỤC", help="Thư mục sẽ nhận bản sao các mẫu (tạo nếu chưa có).")],
) -> None:
    """Chép các mẫu Word kèm theo duk ra THƯ_MỤC để sửa trong Word (không ghi đè tệp đã có)."""
    from dukcli.resources import template_dir

    shipped = sorted(template_dir().glob("*.docx"))
    if folder.exists() and not folder.is_dir():
        raise DukError(f"'{folder}' là một tệp, không phải thư mục")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise DukError(f"không tạo được thư mục '{folder}': {describe(e)}") from None
    copied = 0
    for source in shipped:
        target = folder / source.name
        try:
            with open(target, "xb") as fh:  # exclusive: never over a clerk's edited copy
                fh.write(source.read_bytes())
        except FileExistsError:
            echo_err(f"Bỏ qua {target}: tệp đã có, không ghi đè.")
            continue
        except OSError as e:
            raise DukError(f"không ghi được '{target}': {describe(e)}") from None
        copied += 1
        typer.echo(f"Đã chép {target}")
    if not copied:
        raise DukError(f"không chép được mẫu nào vào '{folder}'")
    typer.echo("Sửa mẫu trong Word, giữ nguyên các thẻ {{ … }} và {%p … %}; kiểm tra bằng: "
               "duk template check TỆP; dùng bằng cách đặt vào thư mục templates/ của thư mục dữ liệu "
               "hoặc: duk report --template TỆP")


@app.command("check")
def template_check(
    file: Annotated[Path, typer.Argument(metavar="TỆP", help="Tệp mẫu .docx cần kiểm tra.")],
    kind: Annotated[Optional[str], typer.Option(
        "--kind", help="Loại mẫu: report (báo cáo cá nhân) hoặc summary (báo cáo tổng hợp); "
                       "mặc định đoán theo tên tệp.")] = None,
) -> None:
    """Kiểm tra một mẫu Word đã sửa: thẻ không an toàn, biến không biết, thẻ viết sai (kèm đoạn văn chứa lỗi)."""
    from dukcli.render.word import check_template, short

    samples = _samples()
    kind = kind or _kind_of(file)
    if kind not in samples:
        raise usage(f"--kind: không biết loại mẫu '{kind}' (chỉ nhận: {', '.join(samples)})")
    if not file.is_file():
        raise DukError(f"không có tệp mẫu '{file}'")
    problems = check_template(file, samples[kind]())
    if not problems:
        typer.echo(f"Mẫu hợp lệ: {file}")
        return
    for p in problems:
        where = f"đoạn {p.paragraph} «{short(p.text)}»: " if p.paragraph else ""
        echo_err(f"{file}: {where}{p.message}")
    raise DukError(f"mẫu '{file}' có {len(problems)} lỗi; hãy sửa trong Word rồi kiểm tra lại")
