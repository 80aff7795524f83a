"""Machine formats (JSON, CSV) and the terminal console, shared by every listing command."""

from __future__ import annotations

import csv
import io
import json
import os
import sys

from dukcli.words import output as W


def _writes_vietnamese(encoding: str | None) -> bool:
    """Whether a stream in this encoding can write every letter duk prints."""
    try:
        W.VIETNAMESE_ALPHABET.encode(encoding or "ascii")
    except (UnicodeError, LookupError):
        return False
    return True


def setup_streams() -> None:
    """Make stdout and stderr unable to fail on Vietnamese (SPEC §5, Global); called once, by
    the program's entry point, before anything is written.

    stdout: a stream whose code page cannot write Vietnamese (PYTHONIOENCODING=cp1258, a
    Windows redirect to a file) is switched to UTF-8 rather than kept with '?' for the letters
    it lacks. Such a stream is in practice a file or a pipe (Windows consoles get UTF-8 from
    Python itself), read later by an editor, Excel or another program, all of which read UTF-8;
    '?' would destroy every toned letter of every name for good, UTF-8 loses nothing. So a
    table, a CSV (always UTF-8 with a BOM) and JSON are all UTF-8 there.
    stderr: keeps the code page of the console the clerk is looking at, with errors="replace",
    so a message always gets out and shows the letters the code page has, '?' for the others.
    """
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper):
        if _writes_vietnamese(out.encoding):
            out.reconfigure(errors="replace")  # a lone surrogate from a file name, say
        else:
            out.reconfigure(encoding="utf-8", errors="replace")
    if isinstance(sys.stderr, io.TextIOWrapper):
        sys.stderr.reconfigure(errors="replace")


def stdout_gone() -> None:
    """The reader of stdout went away (`duk visits | head -1`): point stdout at the null device,
    so that writing what is still buffered (at the latest when the interpreter exits) cannot
    fail a second time and print its own complaint."""
    try:
        fd = sys.stdout.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (AttributeError, OSError, ValueError):  # no real stdout (a test runner's)
        return
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _write_utf8(text: str) -> None:
    """Bytes straight to the stream's buffer: UTF-8 whatever its code page."""
    write_bytes(utf8(text))


def utf8(text: str) -> bytes:
    """text as _write_utf8 writes it."""
    return text.encode("utf-8", "replace")


def write_bytes(data: bytes) -> None:
    """UTF-8 bytes (utf8()) to stdout as they are."""
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        sys.stdout.flush()
        out.write(data)
        out.flush()
    else:  # a text-only stream (some test runners)
        sys.stdout.write(data.decode("utf-8"))


def emit(format, *, as_json, draw, csv=None, xlsx=None, to=None) -> None:
    """The one switch of every table command: each gives, once, its JSON (machine keys), its CSV
    (header and rows in the clerk's words), its Excel sheets (xlsx: render/xlsx.Sheet or a list
    of them; `to` writes them, cli/common.sheet_file) and how to draw its table; only the chosen
    one is computed."""
    kind = getattr(format, "value", format)
    if kind == "xlsx":
        if xlsx is None or to is None:  # a command offering xlsx without its sheets: a bug
            raise TypeError("--format xlsx needs xlsx= and to=")
        to(xlsx())
    elif kind == "json":
        print_json(as_json())
    elif kind == "csv" and csv is not None:
        print_csv(*csv())
    else:
        draw(console())


def print_json(obj) -> None:
    """The JSON text of obj to stdout; the rows of an Each are written a few thousand at a time,
    never held whole (a year's 100,000 visits would otherwise hold the text and its pieces)."""
    write_json(obj, _write_utf8)


def write_json(obj, write) -> None:
    """print_json, through write(text): the text and a newline, a few thousand rows at a time."""
    out: list[str] = []
    _put(obj, out, "\n", write)
    out.append("\n")
    write("".join(out))


class Each:
    """A JSON list whose elements are made one at a time, as they are written: each(item) for
    every item. Written exactly as the list of them would be."""

    def __init__(self, items, each):
        self.items = items
        self.each = each


FLUSH_EVERY = 50_000  # pieces of text held before they are written (print_json)


_encode = json.JSONEncoder(ensure_ascii=False).encode  # every scalar, by the standard library's rules
_str = json.encoder.encode_basestring  # its own function for a str when ensure_ascii=False (C)
_WORDS = {None: "null", True: "true", False: "false"}


def _scalar(obj) -> str:
    """A scalar's JSON text, as json.dumps writes it: the common types (exactly those, not a
    subclass) written here, anything else by the encoder."""
    kind = type(obj)
    if kind is str:
        return _str(obj)
    if kind is int:
        return int.__repr__(obj)
    if obj is None or kind is bool:
        return _WORDS[obj]
    return _encode(obj)


_CONTAINERS = (dict, list, tuple)


def json_text(obj, depth: int = 0) -> str:
    """json.dumps(obj, ensure_ascii=False, indent=2), the same text, several times faster on the
    100,000 rows of a year: the standard library falls back to its pure-Python encoder
    whenever an indent is asked for, this walks the containers itself and writes the scalars
    without a call per value into the encoder. depth: obj's text as it is written at that
    depth inside another (each line after the first indented depth times more)."""
    out: list[str] = []
    _put(obj, out, "\n" + "  " * depth)
    return "".join(out)


_PLAIN = {str, int, bool, type(None)}  # scalars written without a call into _put


def _put(obj, out: list, newline: str, write=None) -> None:
    """obj's JSON text appended to out in pieces; write(text), when given, takes what out holds
    now and then (after an element of an Each)."""
    if isinstance(obj, dict):
        if not obj:
            out.append("{}")
            return
        inner = newline + "  "
        sep = "{" + inner
        for key, value in obj.items():
            name = _str(key) if type(key) is str else _scalar(key if isinstance(key, str) else _key(key))
            kind = type(value)
            if kind is str:  # most values of a row: no call but the C encoder's
                out.append(f"{sep}{name}: {_str(value)}")
            elif kind in _PLAIN:
                out.append(f"{sep}{name}: {_scalar(value)}")
            elif isinstance(value, _CONTAINERS) or isinstance(value, Each):
                out.append(f"{sep}{name}: ")
                _put(value, out, inner, write)
            else:
                out.append(f"{sep}{name}: {_scalar(value)}")
            sep = "," + inner
        out.append(newline + "}")
    elif isinstance(obj, (list, tuple)):
        if not obj:
            out.append("[]")
            return
        inner = newline + "  "
        sep = "[" + inner
        for value in obj:
            kind = type(value)
            if kind is str:
                out.append(sep + _str(value))
            elif kind in _PLAIN or not (isinstance(value, _CONTAINERS) or isinstance(value, Each)):
                out.append(sep + _scalar(value))
            else:
                out.append(sep)
                _put(value, out, inner, write)
            sep = "," + inner
        out.append(newline + "]")
    elif isinstance(obj, Each):
        _put_each(obj, out, newline, write)
    else:
        out.append(_scalar(obj))


def _put_each(obj: Each, out: list, newline: str, write) -> None:
    inner = newline + "  "
    first = True
    for item in obj.items:
        out.append("[" + inner if first else "," + inner)
        first = False
        _put(obj.each(item), out, inner, write)
        if write is not None and len(out) > FLUSH_EVERY:
            write("".join(out))
            out.clear()
    out.append("[]" if first else newline + "]")


def _key(key) -> str:
    """A dict key as json.dumps writes it (numbers and booleans as text)."""
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    return json.dumps(key)


def print_csv(header: list[str], rows: list[list]) -> None:
    _write_utf8(csv_text(header, rows))


def csv_text(header: list[str], rows: list[list]) -> str:
    """With a BOM, so that Excel shows Vietnamese correctly (written as UTF-8)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    return "\ufeff" + buf.getvalue()


def table(*columns):
    """A borderless terminal table; a column is its heading, or (heading, justify)."""
    from rich import box
    from rich.table import Table

    t = Table(box=box.SIMPLE_HEAVY)
    for col in columns:
        heading, justify = (col, "left") if isinstance(col, str) else col
        t.add_column(heading, justify=justify)
    return t


def console():
    from rich.console import Console

    class _Console(Console):
        def on_broken_pipe(self) -> None:
            # rich itself exits with status 1; DukGroup ends quietly with 0 instead (SPEC §5).
            self.quiet = True
            raise BrokenPipeError()

    # Piped into a file or another program, a table should not wrap at 80 columns.
    return _Console(highlight=False, width=None if sys.stdout.isatty() else 160)
