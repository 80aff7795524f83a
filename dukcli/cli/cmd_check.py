"""duk check: validate everything."""

from __future__ import annotations

import json
from typing import Annotated

import typer

from dukcli.cli.common import TextFormat, diag_line, diagnostics
from dukcli.cli.main import app


@app.command("check")
def check(
    format: Annotated[TextFormat, typer.Option("--format", "-f", help="Định dạng: text hoặc json.")] = TextFormat.text,
) -> int:
    """Kiểm tra toàn bộ dữ liệu; thoát với mã 1 khi có lỗi."""
    diags = diagnostics()
    errors = sum(1 for d in diags if d.severity == "error")
    warnings = len(diags) - errors
    if format is TextFormat.json:
        print(json.dumps([d.as_json() for d in diags], ensure_ascii=False, indent=2))
    else:
        for d in diags:
            print(diag_line(d))
        if errors or warnings:
            typer.echo(f"Có {errors} lỗi, {warnings} cảnh báo.", err=True)
        else:
            typer.echo("Dữ liệu hợp lệ: không có lỗi, không có cảnh báo.", err=True)
    return 1 if errors else 0
