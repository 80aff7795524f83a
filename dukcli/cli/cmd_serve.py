"""duk serve: the data folder as a local web application (SPEC §8)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import DukError, echo_err, root, usage
from dukcli.cli.framework import a_path, whole_number
from dukcli.words import web as W

LOCAL = ("127.0.0.1", "localhost", "::1")


def serve(
    host: Annotated[str, typer.Option("--host", help=W.HOST_HELP)] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help=W.PORT_HELP, **whole_number(least=1))] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help=W.READ_ONLY_HELP)] = False,
    password_file: Annotated[Optional[Path], typer.Option("--password-file", help=W.PASSWORD_FILE_HELP,
                                                          **a_path())] = None,
    hash_password: Annotated[bool, typer.Option("--hash-password", help=W.HASH_PASSWORD_HELP)] = False,
) -> None:
    """Mở sổ theo dõi trong trình duyệt: bảng Điều 4, người, đơn vị, chuyến đi, biểu mẫu ghi chuyến đi."""
    if hash_password:
        return _hash_password()
    if port > 65535:
        raise usage(W.port_too_large(port))
    if host.strip().lower() not in LOCAL and not read_only and password_file is None:
        raise usage(W.host_needs_protection(host))
    password = _password(password_file) if password_file is not None else None
    folder = root()
    from waitress import create_server

    from dukcli.web.app import create_app

    app = create_app(folder, read_only=read_only, password=password)
    try:
        server = create_server(app, host=host, port=port, threads=4, ident="duk")
    except OSError as e:
        from dukcli.oserr import describe

        raise DukError(W.port_busy(port, describe(e))) from None
    shown = f"[{host}]" if ":" in host else host
    echo_err(W.serving(f"http://{shown}:{port}/", str(folder)))
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()


def _password(path: Path) -> tuple[bytes, bytes]:
    from dukcli.oserr import describe
    from dukcli.web.security import BadPasswordLine, parse_password_line

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        why = describe(e) if isinstance(e, OSError) else W.PASSWORD_FILE_FORMAT
        raise usage(W.bad_password_file(str(path), why)) from None
    try:
        return parse_password_line(text)
    except BadPasswordLine:
        raise usage(W.bad_password_file(str(path), W.PASSWORD_FILE_FORMAT)) from None


def _hash_password() -> None:
    import getpass

    from dukcli.web.security import hash_password

    first = getpass.getpass(W.ASK_PASSWORD)
    if not first:
        raise DukError(W.EMPTY_PASSWORD)
    if getpass.getpass(W.ASK_PASSWORD_AGAIN) != first:
        raise DukError(W.PASSWORDS_DIFFER)
    print(hash_password(first))
