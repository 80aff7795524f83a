"""What every command shares: the error type, the options, loading the data the SPEC's way."""

from __future__ import annotations

import datetime as dt
import os
import sys
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli import model as m
from dukcli.cli.framework import a_path, one_of, whole_number
from dukcli.words import commands as W
from dukcli.words import sheets as SW


class DukError(Exception):
    """A message for the user and an exit status (1 bad data or entry, 2 usage)."""

    def __init__(self, message: str, code: int = 1):
        super().__init__(message)
        self.message = message
        self.code = code


def usage(message: str) -> DukError:
    return DukError(message, 2)


@dataclass
class State:
    data: Optional[str] = None


STATE = State()


def today() -> dt.date:
    """Today, or DUK_TODAY (YYYY-MM-DD) so that tests and demos can fix the date."""
    fixed = os.environ.get("DUK_TODAY")
    if fixed:
        try:
            return dt.date.fromisoformat(fixed)
        except ValueError:
            raise usage(W.bad_today(fixed)) from None
    return dt.date.today()


def root() -> Path:
    from dukcli.store.locate import NoDataFolder, find

    if STATE.data is not None and not STATE.data.strip():  # not "search from here" in disguise
        raise usage(W.NO_DATA_FOLDER_GIVEN)
    try:
        return find(STATE.data)
    except NoDataFolder as e:
        raise DukError(str(e)) from None


def echo_err(text: str) -> None:
    print(text, file=sys.stderr)




def diag_line(d: m.Diagnostic) -> str:
    """FILE:LINE: lỗi [code]: message — the one form every command prints a diagnostic in."""
    from dukcli.codes import SEVERITY_WORDS

    return f"{d.file}:{d.line}: {SEVERITY_WORDS[d.severity]} [{d.code}]: {d.message}"


def show_diags(diags: list[m.Diagnostic], limit: int | None = None) -> None:
    shown = diags if limit is None else diags[:limit]
    for d in shown:
        echo_err(diag_line(d))
    if limit is not None and len(diags) > limit:
        echo_err(W.more_lines(len(diags) - limit))


def load_checked(on: dt.date | None = None, years: tuple[int, int] | None = None, dates=None,
                 with_proposals: bool = False, want: tuple = (), person: str | None = None,
                 mergeable: bool = False) -> tuple[Path, m.Dataset, list[m.Diagnostic]]:
    """Load and validate the folder: (root, dataset, every diagnostic, ordered). years=(first,
    last): only the visits and submissions of those years; dates: a store.refresh.Window (the
    lists are always whole). with_proposals: ds.proposals holds the proposals of those dates."""
    from dukcli.store.loader import checked

    folder = root()
    ds, diags = checked(folder, on or today(), dates or window(years, person), with_proposals=with_proposals,
                        want=want, mergeable=mergeable)
    return folder, ds, diags


def window(years: tuple[int, int] | None, person: str | None = None):
    from dukcli.store.refresh import Window

    if years is None:
        return None
    return Window.of(dt.date(years[0], 1, 1), dt.date(years[1], 12, 31), person)


def diagnostics() -> list[m.Diagnostic]:
    """Everything `duk check` reports (an unchanged folder answers from the index)."""
    from dukcli.store.loader import check_all

    return check_all(root(), today())


def show_warnings(folder: Path, warnings: list[m.Diagnostic]) -> None:
    """Warnings in full the first time; the same warnings again, on every later command, are
    one line (they are the clerk's to fix or to accept, not news)."""
    from dukcli.store.cache import seen_before

    if seen_before(folder, "warnings", "\n".join(diag_line(d) for d in warnings)):
        echo_err(W.warnings_seen_before(len(warnings)))
    else:
        show_diags(warnings, limit=10)


def load_for_report(notes: tuple[dt.date, dt.date] | None = None, years: tuple[int, int] | None = None,
                    people=None, with_proposals: bool = False, want: tuple = (),
                    person: str | None = None, mergeable: bool = False) -> tuple[Path, m.Dataset]:
    """For the reporting commands: refuse while check finds errors in the records used (the
    lists, and the visits and submissions of `years` when given); errors elsewhere are one line.
    Warnings to stderr.

    notes=(start, end): also read the notes of the visits of those days (the index keeps none).
    want: the names of answers kept by answer(); see store.loader.checked. person: only that
    person's visits are read, but the diagnostics are the whole period's (a misspelt person
    may be that person's): the same refusal as without it. mergeable: every answer wanted is
    asked with answer(merge=...), see store.loader.checked."""
    folder, ds, diags = load_checked(years=years, with_proposals=with_proposals, want=want, person=person,
                                     mergeable=mergeable)
    if ds.elsewhere:
        echo_err(W.errors_elsewhere(ds.elsewhere))
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        show_diags(errors, limit=20)
        raise DukError(W.data_has_errors(len(errors)))
    warnings = [d for d in diags if d.severity == "warning"]
    if warnings:
        show_warnings(folder, warnings)
    if notes is not None:
        from dukcli.store.loader import with_notes

        ds = with_notes(folder, ds, *notes, people=people)
    return folder, ds


def answer(folder: Path, ds: m.Dataset, name: str, compute, merge=None):
    """compute()'s value, kept in the index under name for the files ds was loaded from: the
    same command on the same files answers without reading the period's visits again
    (load_for_report(want=(name,)) finds it). name must say everything compute depends on
    besides the files and today, as "slot | detail": the command and its period, then --as-of;
    the index keeps one answer per slot. merge(kept, persons): the answer kept for earlier files
    brought up to date from the visits of those people alone (load_for_report(mergeable=True)
    loads only theirs when it can; store/partial)."""
    from dukcli.store.loader import keep, maker

    if name in ds.kept:
        return ds.kept[name]
    value = maker(ds, name, compute, merge)()
    keep(folder, ds, today(), name, value)
    return value


def kept_text(folder: Path, ds: m.Dataset, name: str, make, reload) -> None:
    """Write to stdout the text make(ds, write) writes piece by piece, and keep it in the index,
    compressed, under name, as answer() keeps a table: a listing of a year's 100,000 visits,
    asked again of the same files, is neither read nor made again (37 MB of JSON kept in
    2.8 MB). The first time, each piece goes out as it is made, never held whole. A kept text
    found damaged (its checksum, tested before a byte is written) is made again from
    reload(): a load that reads the visits (ds may hold none, its answers being kept).

    write(text, packed=None): text (str or UTF-8 bytes) out; packed, when given, is text
    already compressed (a whole zlib stream, kept from an earlier run): it goes into the kept
    text as it is, after what came before, and is not compressed again."""
    import zlib

    from dukcli.render.output import utf8, write_bytes
    from dukcli.store.loader import keep

    if name in ds.kept:
        if _unpacked(ds.kept[name]):
            return
        ds = reload()
    packer = zlib.compressobj(6)
    packed: list[bytes] = []

    def write(text: str | bytes, piece: bytes | None = None) -> None:
        nonlocal packer
        data = text if isinstance(text, bytes) else utf8(text)
        write_bytes(data)
        if piece is None:
            packed.append(packer.compress(data))
        else:  # the stream so far ends, the piece follows, then a new stream
            packed.extend((packer.flush(), piece))
            packer = zlib.compressobj(6)

    make(ds, write)
    packed.append(packer.flush())
    data = b"".join(packed)
    keep(folder, ds, today(), name, (zlib.crc32(data), data))


def is_packed(kept) -> bool:
    """A kept text as kept_text keeps one, its checksum right: (crc32, compressed bytes)."""
    import zlib

    return (isinstance(kept, tuple) and len(kept) == 2 and isinstance(kept[1], bytes)
            and zlib.crc32(kept[1]) == kept[0])


def unpack(data: bytes, limit: int = 0):
    """The text of compressed bytes (one zlib stream or several, one after another), in
    pieces of at most limit bytes (0: each stream whole)."""
    import zlib

    rest = data
    while rest:
        unpacker = zlib.decompressobj()
        while rest and not unpacker.eof:
            yield unpacker.decompress(rest, limit)
            rest = unpacker.unconsumed_tail
        yield unpacker.flush()
        rest = unpacker.unused_data if unpacker.eof else b""


def _unpacked(kept) -> bool:
    """Write a kept text (crc32, compressed bytes) to stdout, a few MB at a time (an agenda's
    130 MB of JSON is never held whole); False, with nothing written, when it is damaged."""
    from dukcli.render.output import write_bytes

    if not is_packed(kept):
        return False
    if not hasattr(sys.stdout, "buffer"):  # a text-only stream (some test runners): whole
        write_bytes(b"".join(unpack(kept[1])))
        return True
    for part in unpack(kept[1], 1 << 22):
        if part:
            write_bytes(part)
    return True


def data_template(folder: Path, name: str) -> Path:
    """The Word form to use: the data folder's templates/NAME, else the shipped one; refused
    when the data folder's is a link or not a regular file."""
    from dukcli.resources import folder_template
    from dukcli.store.safefs import NotRegular

    try:
        return folder_template(folder, name)
    except NotRegular as e:
        raise DukError(W.template_not_regular(name, e.what)) from None


def refuse_placeholders(ds: m.Dataset) -> None:
    """A document header never shows duk init's "..." (SPEC §5 placeholder)."""
    if ds.config.placeholders:
        raise DukError(W.placeholders_left(ds.config.placeholders))


def parse_day(text: str | None, option: str, words: bool = True) -> dt.date | None:
    from dukcli.dates import DateError, parse_date

    if text is None:
        return None
    try:
        return parse_date(text, today(), words=words)
    except DateError as e:
        raise usage(f"{option}: {e}") from None


# --- shared options -----------------------------------------------------------------------

class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    xlsx = "xlsx"


class TextFormat(str, Enum):
    text = "text"
    json = "json"


class AgendaFormat(str, Enum):
    table = "table"
    json = "json"
    xlsx = "xlsx"


PeriodOpt = Annotated[Optional[str], typer.Option("--period", "-p", help=W.PERIOD_HELP)]
PeriodArg = Annotated[Optional[str], typer.Argument(
    metavar=W.PERIOD_METAVAR, show_default=False,
    help=W.PERIOD_ARG_HELP)]
QuarterOpt = Annotated[Optional[str], typer.Option("--quarter", "-q", help=W.QUARTER_HELP)]
YearOpt = Annotated[Optional[int], typer.Option("--year", "-y", help=W.YEAR_HELP, **whole_number())]
AsOfOpt = Annotated[Optional[str], typer.Option("--as-of", help=W.AS_OF_HELP)]
PersonOpt = Annotated[Optional[str], typer.Option("--person", help=W.PERSON_HELP)]
UnitOpt = Annotated[Optional[str], typer.Option("--unit", help=W.UNIT_HELP)]
FormatOpt = Annotated[TableFormat, typer.Option("--format", "-f", help=SW.FORMAT_HELP, **one_of(TableFormat))]
# --format xlsx: the file it writes (sheet_file), and leave to write over one that is there.
OutputOpt = Annotated[Optional[Path], typer.Option("--output", "-o", help=SW.OUTPUT_HELP, **a_path())]
ForceOpt = Annotated[bool, typer.Option("--force", help=SW.FORCE_HELP)]


def period_from(period: str | None, quarter: str | None, year: int | None, on: dt.date | None = None,
                arg: str | None = None):
    """The period of the options (or of the first argument, `duk quota 2019Q2`); without one,
    the quarter (and year) of `on`: the --as-of day, when the command has one, is the day the
    question is asked (SPEC §4), else today."""
    from dukcli.periods import PeriodError, resolve

    if arg is not None:
        if period is not None or quarter is not None:
            raise usage(W.period_given_twice(arg))
        period = arg

    try:
        return resolve(period, quarter, year, on or today())
    except PeriodError as e:
        raise usage(str(e)) from None


def pick(ds, person: str | None = None, unit: str | None = None) -> tuple[str | None, str | None]:
    """Ids for --person/--unit, matched as log-visit does (id, or part of a name without marks)."""
    from dukcli import match

    # An empty --person "" is a mistake to report, not a request for everyone.
    try:
        pid = match.find(person, match.people(ds), W.PERSON_WORD).id if person is not None else None
    except match.MatchError as e:
        raise DukError(f"--person: {e.message}") from None
    try:
        uid = match.find(unit, match.units(ds), W.UNIT_WORD).id if unit is not None else None
    except match.MatchError as e:
        raise DukError(f"--unit: {e.message}") from None
    return pid, uid


# --- where a document goes ----------------------------------------------------------------

def output_path(given: Path | None, default_name: str, root: Path, option: str = "-o") -> Path:
    """One rule for every command that writes a document (SPEC §5): nothing given means the
    default name in the current folder; a folder means the default name in it; a wrong
    extension is refused; nothing lands in the data folder's visits/ or .duk/ (or the other
    folders of one-file records), where it would be read as data or lost."""
    suffix = Path(default_name).suffix
    if given is None:
        path = Path.cwd() / default_name
    elif given.is_dir():
        path = given / default_name
    elif given.suffix.lower() != suffix:
        raise usage(W.wrong_suffix(option, suffix, given.name))
    else:
        path = given
    inside = _record_folder(root, path)
    if inside:
        raise usage(W.not_in_record_folder(option, path.name, inside))
    return path


RECORD_FOLDERS = ("visits", "submissions", "feedback", "responses", ".duk")


def _record_folder(root: Path, path: Path) -> str | None:
    try:
        rel = Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root)))
    except ValueError:
        return None
    return rel.parts[0] if len(rel.parts) > 1 and rel.parts[0] in RECORD_FOLDERS else None


def shown(path: Path) -> str:
    """A written file's path as the user can open it from where they are: relative under the
    current folder, absolute elsewhere."""
    full = Path(os.path.abspath(path))
    try:
        return str(full.relative_to(Path.cwd()))
    except ValueError:
        return str(full)


def file_exists(path) -> DukError:
    """An output file that is there already and --force was not given."""
    return DukError(W.file_exists(path))


def not_written(path, e: OSError) -> DukError:
    from dukcli.oserr import describe

    return DukError(W.not_written(path, describe(e)))


def write_document(template: Path, context: dict, path: Path, expected, force: bool, exists=file_exists) -> None:
    """A Word document rendered, read back and put in place (render/word.write_checked), its
    failures said in the clerk's words; nothing is left behind. exists(path): the error for a
    file already there without --force."""
    from dukcli.render import word

    try:
        word.write_checked(template, context, path, expected, overwrite=force)
    except FileExistsError:
        raise exists(path) from None
    except word.WordError as e:
        raise DukError(str(e)) from None
    except OSError as e:  # the disk (full, over quota…), never the template
        raise not_written(path, e) from None


def sheet_file(format, output: Path | None, force: bool, default_name: str):
    """For a table command's --format xlsx -o FILE.xlsx, checked before anything is loaded: -o
    is required with xlsx and refused without it (usage errors), the path goes through
    output_path. Returns what writes the sheets there (never over a file without --force,
    atomically), for render/output.emit's `to=`; None for the formats printed on stdout."""
    xlsx = getattr(format, "value", format) == "xlsx"
    if not xlsx:
        if output is not None:
            raise usage(SW.OUTPUT_NEEDS_XLSX)
        return None
    if output is None:
        raise usage(SW.NEEDS_OUTPUT)
    target = output_path(output, default_name, root(), "-o")

    def save(sheets) -> None:
        from dukcli.render import xlsx as sheet

        sheets = [sheets] if isinstance(sheets, sheet.Sheet) else list(sheets)
        try:
            sheet.write(target, sheets, overwrite=force)
        except FileExistsError:
            raise file_exists(target) from None
        except OSError as e:
            raise not_written(target, e) from None
        echo_err(SW.written(shown(target), len(sheets)))

    return save


def quarter_only(period, command: str):
    """The reports of Article 6.1 are quarterly: other periods are a usage error."""
    if period.kind != "Q":
        raise usage(W.quarter_only(command, period.label))
    return period
