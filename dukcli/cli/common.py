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
            raise usage(f"biến DUK_TODAY='{fixed}' không phải ngày YYYY-MM-DD") from None
    return dt.date.today()


def root() -> Path:
    from dukcli.store.locate import NoDataFolder, find

    if STATE.data is not None and not STATE.data.strip():  # not "search from here" in disguise
        raise usage("--data: chưa nhập thư mục dữ liệu")
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
        echo_err(f"… và {len(diags) - limit} dòng khác (xem đầy đủ: duk check)")


def _snapshot_key(fingerprint: str, day: dt.date) -> str:
    """Whole-folder answers hold for these files on this day; "" (no snapshot) when unknown."""
    return f"{fingerprint}/{day.isoformat()}" if fingerprint else ""


def load_checked(on: dt.date | None = None) -> tuple[Path, m.Dataset, list[m.Diagnostic]]:
    """Load and validate the folder: (root, dataset, every diagnostic, ordered)."""
    from dukcli.rules.validate import ordered, validate
    from dukcli.store.cache import load_snapshot, save_snapshot
    from dukcli.store.loader import load

    folder = root()
    day = on or today()
    ds, diags = load(folder)
    # The cross-checks depend only on the files and the day: an unchanged folder reuses them.
    key = _snapshot_key(ds.fingerprint, day)
    cross = load_snapshot(folder, "checked", key)
    if cross is None:
        cross = validate(ds, day)
        save_snapshot(folder, "checked", key, cross)
    return folder, ds, ordered(diags + list(cross))


def diagnostics() -> list[m.Diagnostic]:
    """Everything `duk check` reports. An unchanged folder, asked again the same day, answers
    from .duk/ after listing its files, without loading a single record."""
    from dukcli.store.cache import load_snapshot, save_snapshot
    from dukcli.store.loader import fingerprint

    folder = root()
    day = today()
    seen = fingerprint(folder)
    hit = load_snapshot(folder, "diagnostics", _snapshot_key(seen, day))
    if hit is not None:
        return list(hit)
    _, ds, diags = load_checked(day)
    save_snapshot(folder, "diagnostics", _snapshot_key(ds.fingerprint, day), diags)
    return diags


def show_warnings(folder: Path, warnings: list[m.Diagnostic]) -> None:
    """Warnings in full the first time; the same warnings again, on every later command, are
    one line (they are the clerk's to fix or to accept, not news)."""
    from dukcli.store.cache import seen_before

    if seen_before(folder, "warnings", "\n".join(diag_line(d) for d in warnings)):
        echo_err(f"{len(warnings)} cảnh báo (đã báo ở lần chạy trước); xem đầy đủ: duk check")
    else:
        show_diags(warnings, limit=10)


def load_for_report(notes: tuple[dt.date, dt.date] | None = None) -> tuple[Path, m.Dataset]:
    """For the reporting commands: refuse while check finds errors; warnings to stderr.

    notes=(start, end): also read the notes of the visits of those days (the cache keeps none)."""
    folder, ds, diags = load_checked()
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        show_diags(errors, limit=20)
        raise DukError(f"dữ liệu có {len(errors)} lỗi; hãy sửa rồi chạy lại (kiểm tra bằng: duk check)")
    warnings = [d for d in diags if d.severity == "warning"]
    if warnings:
        show_warnings(folder, warnings)
    if notes is not None:
        from dukcli.store.loader import with_notes

        ds = with_notes(folder, ds, *notes)
    return folder, ds


def data_template(folder: Path, name: str) -> Path:
    """The Word form to use: the data folder's templates/NAME, else the shipped one; refused
    when the data folder's is a link or not a regular file."""
    from dukcli.resources import folder_template
    from dukcli.store.safefs import NotRegular

    try:
        return folder_template(folder, name)
    except NotRegular as e:
        raise DukError(f"mẫu templates/{name} của thư mục dữ liệu là {e.what}, không phải tệp thông thường; "
                       "duk không mở nó (thay bằng tệp .docx thật hoặc xóa đi)") from None


def refuse_placeholders(ds: m.Dataset) -> None:
    """A document header never shows duk init's "..." (SPEC §5 placeholder)."""
    if ds.config.placeholders:
        raise DukError(f"duk.yaml còn '...' chưa điền ở {', '.join(ds.config.placeholders)}: văn bản không thể in "
                       "tiêu đề như vậy. Hãy sửa duk.yaml rồi chạy lại (xem: duk check)")


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


class TextFormat(str, Enum):
    text = "text"
    json = "json"


class AgendaFormat(str, Enum):
    table = "table"
    json = "json"


PeriodOpt = Annotated[Optional[str], typer.Option(
    "--period", "-p", help="Kỳ: 2019Q2, 2019-Q2, Q2, 2019H1, 2019H2, 2019-9M, 2019, 2019-05 (mặc định: quý của --as-of, hoặc quý hiện tại).")]
PeriodArg = Annotated[Optional[str], typer.Argument(
    metavar="KỲ", show_default=False,
    help="Kỳ, thay cho --period: 2019Q2, 2019H1, 2019H2, 2019-9M, 2019, 2019-05.")]
QuarterOpt = Annotated[Optional[str], typer.Option(
    "--quarter", "-q", help="Quý: Q1, Q2, Q3, Q4 (dùng với --year).")]
YearOpt = Annotated[Optional[int], typer.Option("--year", "-y", help="Năm của kỳ (mặc định: năm nay).")]
AsOfOpt = Annotated[Optional[str], typer.Option(
    "--as-of", help="Tính đến ngày (DD/MM/YYYY hoặc YYYY-MM-DD; mặc định: hôm nay).")]
PersonOpt = Annotated[Optional[str], typer.Option(
    "--person", help="Người: mã hoặc một phần họ tên, không cần dấu (ví dụ: lan).")]
UnitOpt = Annotated[Optional[str], typer.Option(
    "--unit", help="Đơn vị: mã hoặc một phần tên, không cần dấu (ví dụ: tai chinh).")]
FormatOpt = Annotated[TableFormat, typer.Option(
    "--format", "-f", help="Định dạng: table (bảng), csv hoặc json.")]


def period_from(period: str | None, quarter: str | None, year: int | None, on: dt.date | None = None,
                arg: str | None = None):
    """The period of the options (or of the first argument, `duk quota 2019Q2`); without one,
    the quarter (and year) of `on`: the --as-of day, when the command has one, is the day the
    question is asked (SPEC §4), else today."""
    from dukcli.periods import PeriodError, resolve

    if arg is not None:
        if period is not None or quarter is not None:
            raise usage(f"kỳ '{arg}' đã ghi ở đầu lệnh; không ghi thêm --period hay --quarter")
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
        pid = match.find(person, match.people(ds), "người").id if person is not None else None
    except match.MatchError as e:
        raise DukError(f"--person: {e.message}") from None
    try:
        uid = match.find(unit, match.units(ds), "đơn vị").id if unit is not None else None
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
        raise usage(f"{option}: tệp ghi ra phải có đuôi {suffix} (đang là '{given.name}')")
    else:
        path = given
    inside = _record_folder(root, path)
    if inside:
        raise usage(f"{option}: không ghi '{path.name}' vào thư mục {inside}/ của dữ liệu (nơi đó chỉ chứa bản ghi); "
                    f"chọn nơi khác bằng {option} ĐƯỜNG_DẪN")
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
    return DukError(f"tệp '{path}' đã có; dùng --force để ghi đè")


def not_written(path, e: OSError) -> DukError:
    from dukcli.oserr import describe

    return DukError(f"không ghi được tệp '{path}': {describe(e)}")


def quarter_only(period, command: str):
    """The reports of Article 6.1 are quarterly: other periods are a usage error."""
    if period.kind != "Q":
        raise usage(f"duk {command} cần một quý (ví dụ --period 2019Q2 hoặc -q Q2 -y 2019), "
                    f"không nhận '{period.label}'")
    return period
