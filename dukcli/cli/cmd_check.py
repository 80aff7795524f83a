"""duk check: validate everything."""

from __future__ import annotations

import difflib
import json
import re
import textwrap
from typing import Annotated, Optional

import typer

from dukcli import codes
from dukcli.cli.common import TextFormat, diag_line, diagnostics, usage
from dukcli.cli.framework import one_of
from dukcli.words import commands as W


def check(
    format: Annotated[TextFormat, typer.Option(
        "--format", "-f", help=W.FORMAT_TEXT_HELP, **one_of(TextFormat))] = TextFormat.text,
    explain: Annotated[Optional[str], typer.Option(
        "--explain", metavar=W.EXPLAIN_METAVAR,
        help=W.EXPLAIN_HELP)] = None,
) -> int:
    """Kiểm tra toàn bộ dữ liệu; thoát với mã 1 khi có lỗi.

    Mỗi dòng báo có dạng TỆP:DÒNG: lỗi|cảnh báo [MÃ]: nội dung. Ý nghĩa của một mã và cách sửa: duk check --explain MÃ.
    """
    if explain is not None:
        return _explain(explain, format)
    diags = diagnostics()
    errors = sum(1 for d in diags if d.severity == "error")
    warnings = len(diags) - errors
    if format is TextFormat.json:
        print(json.dumps([d.as_json() for d in diags], ensure_ascii=False, indent=2))
    else:
        for d in diags:
            print(diag_line(d))
        if errors or warnings:
            typer.echo(W.check_totals(errors, warnings), err=True)
        else:
            typer.echo(W.DATA_VALID, err=True)
    return 1 if errors else 0


def _explain(name: str, format: TextFormat) -> int:
    """What a check code means and how to fix it, like `rustc --explain`."""
    try:
        code = codes.get(name.strip())
    except codes.UnknownCode:
        close = difflib.get_close_matches(name.strip().lower(), codes.CODES, n=1)
        hint = W.did_you_mean(close[0]) if close else ""
        raise usage(W.unknown_code(name, hint, codes.CODES)) from None
    if format is TextFormat.json:
        print(json.dumps(code.as_json(), ensure_ascii=False, indent=2))
        return 0
    print(f"{code.name} ({code.word}): {code.title}")
    print()
    print(_wrapped(code.explanation))
    print()
    print(W.HOW_TO_FIX)
    print(_wrapped(code.fix))
    return 0


def _wrapped(text: str, width: int = 88) -> str:
    """Prose wrapped to width, never inside a `command` or a code name; an example line
    (indented by two spaces) kept as it is."""
    def fill(line: str) -> str:
        glued = re.sub(r"`([^`]*)`", lambda mo: mo.group(1).replace(" ", _GLUE), line)
        wrapped = textwrap.fill(glued, width, break_long_words=False, break_on_hyphens=False)
        return wrapped.replace(_GLUE, " ")

    return "\n".join(line if line.startswith("  ") else fill(line) for line in text.split("\n"))


_GLUE = "\x00"  # a space that textwrap does not break at
