"""Machine formats (JSON, CSV) and the terminal console, shared by every listing command."""

from __future__ import annotations

import csv
import io
import json
import sys


def print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def print_csv(header: list[str], rows: list[list]) -> None:
    """UTF-8 with a BOM so that Excel shows Vietnamese correctly."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    data = ("\ufeff" + buf.getvalue()).encode("utf-8")
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        sys.stdout.flush()
        out.write(data)
        out.flush()
    else:  # a text-only stream (some test runners)
        sys.stdout.write(data.decode("utf-8"))


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

    # Piped into a file or another program, a table should not wrap at 80 columns.
    return Console(highlight=False, width=None if sys.stdout.isatty() else 160)
