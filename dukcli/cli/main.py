"""The `duk` command: a typer app whose group turns every failure into a Vietnamese message."""

from __future__ import annotations

import os
import sys
from typing import Annotated, Optional

import click
import typer
from typer.core import TyperGroup

try:  # typer ≥ 0.20 raises the exceptions of its own copy of click
    from typer import _click as _tclick
except ImportError:  # pragma: no cover - older typer uses click itself
    _tclick = click

_USAGE_ERRORS = (click.exceptions.UsageError, _tclick.exceptions.UsageError)
_CLICK_ERRORS = (click.exceptions.ClickException, _tclick.exceptions.ClickException)
_ABORTS = (click.exceptions.Abort, typer.Abort, KeyboardInterrupt, EOFError)
# `duk` with no command: the help has already been printed; there is no error to add.
_NO_ARGS = tuple(getattr(m.exceptions, "NoArgsIsHelpError") for m in (click, _tclick)
                 if hasattr(m.exceptions, "NoArgsIsHelpError"))

from dukcli.cli import i18n
from dukcli.cli.common import STATE, DukError

i18n.install()


class _Cancelled(Exception):
    """Ctrl-C or end of input inside a command (typer would swallow it silently)."""


class DukGroup(TyperGroup):
    """Runs a command and maps every exception to a message and an exit status."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (KeyboardInterrupt, EOFError):
            raise _Cancelled() from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            rv = super().main(args=args, prog_name=prog_name or "duk", complete_var=complete_var,
                              standalone_mode=False, **extra)
        except DukError as e:
            print(f"Lỗi: {e.message}", file=sys.stderr)
            sys.exit(e.code)
        except _NO_ARGS as e:
            if e.format_message().strip():
                print(e.format_message(), file=sys.stderr)
            sys.exit(2)
        except _USAGE_ERRORS as e:
            hint = f"\nXem: {e.ctx.command_path} --help" if e.ctx else ""
            print(f"Lỗi cách dùng: {i18n.translate(e.format_message())}{hint}", file=sys.stderr)
            sys.exit(2)
        except _CLICK_ERRORS as e:
            print(f"Lỗi: {i18n.translate(e.format_message())}", file=sys.stderr)
            sys.exit(e.exit_code)
        except (_Cancelled, *_ABORTS):
            print("\nĐã hủy; không có gì được ghi.", file=sys.stderr)
            sys.exit(130)
        except BrokenPipeError:
            sys.exit(0)
        except Exception as e:  # the promise: no traceback ever reaches a user
            if os.environ.get("DUK_DEBUG"):
                raise
            print(f"Lỗi nội bộ của duk ({type(e).__name__}: {e}). Dữ liệu không bị thay đổi. "
                  "Đặt DUK_DEBUG=1 để xem chi tiết và báo cho người bảo trì.", file=sys.stderr)
            sys.exit(1)
        code = rv if isinstance(rv, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=DukGroup,
    name="duk",
    help="duk: sổ theo dõi đi công tác cơ sở và dự sinh hoạt chi bộ (Quy định 08-QĐ/ĐUK).",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _root(
    data: Annotated[Optional[str], typer.Option(
        "--data", help="Thư mục dữ liệu (mặc định: biến DUK_DATA, hoặc thư mục có duk.yaml gần nhất).")] = None,
) -> None:
    """duk: sổ theo dõi đi công tác cơ sở và dự sinh hoạt chi bộ (Quy định 08-QĐ/ĐUK)."""
    STATE.data = data


def _register() -> None:
    # Each module adds its commands to `app`; their heavy imports stay inside the commands.
    from dukcli.cli import cmd_check, cmd_init  # noqa: F401

    for name in ("cmd_quota", "cmd_logvisit", "cmd_report", "cmd_submit", "cmd_summary", "cmd_agenda", "cmd_scorecard"):
        try:
            __import__(f"dukcli.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"dukcli.cli.{name}":
                raise


_register()


def main() -> None:
    typer.main.get_command(app).main(prog_name="duk")
