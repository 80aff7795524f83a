"""duk feedback [list options] | duk feedback add | duk feedback form (Article 5.2, SPEC §7)."""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import (DukError, FormatOpt, ForceOpt, OutputOpt, PeriodOpt, PersonOpt, QuarterOpt,
                               TableFormat, UnitOpt, YearOpt, data_template, echo_err, file_exists, load_checked,
                               load_for_report, output_path, parse_day, period_from, pick,
                               refuse_placeholders, sheet_file, shown, today, write_document)
from dukcli.cli.framework import UsageProblem, ViCommand, ViGroup, a_path, one_of
from dukcli.words import commands as C
from dukcli.words import feedback as W
from dukcli.words.framework import missing_option

FORM_TEMPLATE = "feedback_form.docx"


class Kind(str, Enum):
    nhan_xet = "nhan-xet"
    gop_y_phan_cong = "gop-y-phan-cong"


class Rating(str, Enum):
    tot = "tot"
    kha = "kha"
    trung_binh = "trung-binh"
    kem = "kem"


_PERIOD_WORD = re.compile(r"^(\d|[Qq]\d)")
_FLAGS = {"--force", "--help", "-h"}


class ListingGroup(ViGroup):
    """`duk feedback 2019Q2` reads a period written after the name, as every listing does
    (`duk visits 2019Q2`); `add` and `form` stay commands. A first bare word that looks like a
    period (a digit or Q first, which no command name has) is handed to the listing."""

    def parse_args(self, ctx, args):
        args = list(args)
        i = 0
        while i < len(args):
            word = args[i]
            if word == "--":
                break
            if word.startswith("-"):
                i += 1 if "=" in word or word in _FLAGS else 2  # an option and its value
                continue
            if word not in self.commands and _PERIOD_WORD.match(word):
                args[i:i + 1] = [PERIOD_ARG_OPTION, word]
            break
        return super().parse_args(ctx, args)


PERIOD_ARG_OPTION = "--period-arg"
feedback_app = typer.Typer(cls=ListingGroup, help=W.APP_HELP, invoke_without_command=True)


# --- duk feedback: the listing ------------------------------------------------------------

@feedback_app.callback()
def feedback_list(
    ctx: typer.Context, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
    period_arg: Annotated[Optional[str], typer.Option(PERIOD_ARG_OPTION, hidden=True)] = None,
    person: PersonOpt = None, unit: UnitOpt = None, format: FormatOpt = TableFormat.table,
    output_file: OutputOpt = None, force: ForceOpt = False,
) -> None:
    """Ý kiến nhận xét của cấp ủy cơ sở trong kỳ (Điều 5.2); `add` ghi thêm, `form` in phiếu xin ý kiến."""
    if ctx.invoked_subcommand is not None:
        return
    from dukcli.render import feedback_table, output
    from dukcli.rules import feedback as rules

    p = period_from(period, quarter, year, None, period_arg)
    to = sheet_file(format, output_file, force, f"y-kien-co-so-{p.slug}.xlsx")
    _, ds = load_for_report(years=(p.start.year, p.end.year))
    pid, uid = pick(ds, person, unit)
    rows = rules.select(ds, p, pid, uid)
    output.emit(format, as_json=lambda: {"period": p.as_json(), "feedback": [rules.as_json(ds, f) for f in rows]},
                csv=lambda: feedback_table.csv_table(ds, rows),
                draw=lambda console: feedback_table.print_table(ds, p, rows, console),
                xlsx=lambda: feedback_table.sheet(ds, p, rows), to=to)


# --- duk feedback add ---------------------------------------------------------------------

def _clean(value: str | None) -> str | None:
    from dukcli.text import nfc

    return None if value is None else nfc(value).strip()


def _refusal(verdict) -> str:
    """The errors of the judged file, each naming the option its key came from."""
    from dukcli.rules.feedback import key_lines

    keys = key_lines(verdict.text)
    said = []
    for d in verdict.errors:
        key = keys.get(d.line)
        said.append(f"--{key}: {d.message}" if key else d.message)
    return "; ".join(dict.fromkeys(said))


@feedback_app.command("add", cls=ViCommand)
def feedback_add(
    ctx: typer.Context,
    unit: Annotated[str, typer.Option("--unit", help=W.ADD_UNIT_HELP, show_default=False)],
    date: Annotated[str, typer.Option("--date", "-d", help=W.ADD_DATE_HELP, show_default=False)],
    text: Annotated[str, typer.Option("--text", help=W.TEXT_HELP, show_default=False)],
    # Checked in the body, not by click: a required choice would be judged before extra arguments.
    kind: Annotated[Optional[Kind], typer.Option("--kind", help=W.KIND_HELP, show_default=False, **one_of(Kind))] = None,
    person: Annotated[Optional[str], typer.Option("--person", help=W.ADD_PERSON_HELP)] = None,
    rating: Annotated[Optional[Rating], typer.Option("--rating", help=W.RATING_HELP, **one_of(Rating))] = None,
    by: Annotated[Optional[str], typer.Option("--by", help=W.BY_HELP)] = None,
    no_commit: Annotated[bool, typer.Option("--no-commit", help=W.NO_COMMIT_HELP)] = False,
) -> None:
    """Ghi một ý kiến của cấp ủy cơ sở (vào feedback/NĂM/NGÀY-ĐƠN_VỊ[-NGƯỜI].yaml), kiểm tra như duk check."""
    from dukcli.rules import feedback as rules
    from dukcli.rules.feedback import KIND_NAMES
    from dukcli.store import record

    if kind is None:
        raise UsageProblem(missing_option(["--kind"]), ctx.command_path)
    day = parse_day(date, "--date")
    if kind.value == "nhan-xet" and person is None:
        raise UsageProblem(W.person_needed(kind.value), ctx.command_path)
    folder, ds, diags = load_checked(years=(day.year, day.year))
    pid, uid = pick(ds, person, unit)
    mapping = rules.to_mapping(uid, pid, day, kind.value, _clean(text),
                               rating.value if rating is not None else None, _clean(by))
    verdict = rules.judge(ds, mapping, f"{rules.folder(day)}/{rules.stem(day, uid, pid)}.yaml", today())
    if verdict.errors:
        raise DukError(_refusal(verdict))
    errors = [d for d in diags if d.severity == "error"]
    if errors or ds.elsewhere:
        echo_err(C.errors_elsewhere(len(errors) + ds.elsewhere))
    unit_name = ds.unit_name(uid)
    about = ds.person_name(pid) if pid else None
    message = W.commit_message(unit_name, day, about)
    try:
        saved = record.add_file(folder, rules.folder(day), rules.stem(day, uid, pid), verdict.text, message,
                                commit=not no_commit)
    except record.RecordError as e:
        raise DukError(e.message) from None
    if saved.warning:
        echo_err(C.warning(saved.warning))
    print(W.recorded(saved.rel, unit_name, KIND_NAMES[kind.value].lower(), about, day))
    if saved.committed:
        print(C.saved_to_git(message))


# --- duk feedback form --------------------------------------------------------------------

@feedback_app.command("form", cls=ViCommand)
def feedback_form(
    unit: Annotated[str, typer.Option("--unit", help=W.FORM_UNIT_HELP, show_default=False)],
    period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
    date: Annotated[Optional[str], typer.Option("--date", "-d", help=W.FORM_DATE_HELP)] = None,
    output_file: Annotated[Optional[Path], typer.Option("--output", "-o", help=W.FORM_OUTPUT_HELP, **a_path())] = None,
    force: ForceOpt = False,
) -> None:
    """Phiếu xin ý kiến nhận xét gửi cấp ủy cơ sở (Điều 5.2), tệp Word: cán bộ được phân công và các lần đến đơn vị."""
    from dukcli.rules import feedback as rules

    p = period_from(period, quarter, year)
    on = parse_day(date, "--date") or today()
    folder, ds = load_for_report(years=(p.start.year, p.end.year))
    _, uid = pick(ds, None, unit)
    path = output_path(output_file, f"phieu-xin-y-kien-{uid}-{p.slug}.docx", folder)
    if path.exists() and not force:
        raise file_exists(path)
    refuse_placeholders(ds)
    ctx = rules.form_context(ds, uid, p, on)
    if not ctx["cadres"]:
        echo_err(W.no_one_assigned(ctx["unit"]["name"], p.label))
    write_document(data_template(folder, FORM_TEMPLATE), ctx, path, rules.form_expected(ctx), force)
    visits = sum(c["visit_count"] for c in ctx["cadres"])
    print(W.form_written(shown(path), ctx["unit"]["name"], p.label, len(ctx["cadres"]), visits))
