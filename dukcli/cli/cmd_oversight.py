"""duk submit, status, summary, agenda and scorecard: Articles 2, 3 and 6 of the regulation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli.common import (AgendaFormat, AsOfOpt, DukError, FormatOpt, PeriodOpt, PersonOpt, QuarterOpt,
                               TableFormat, YearOpt, echo_err, load_checked, load_for_report, parse_day,
                               period_from, today, usage)
from dukcli.cli.main import app
from dukcli.oserr import describe

SUBMISSIONS = "submissions.yaml"
SUMMARY_TEMPLATE = "summary.docx"
SUBMISSIONS_HEADER = "# submissions.yaml: báo cáo cá nhân hằng quý đã nhận (ghi bằng lệnh: duk submit).\n"


def pick_person(ds, query: str | None) -> str | None:
    from dukcli import match

    if query is None:  # an empty --person "" is a mistake to report, not a request for everyone
        return None
    try:
        return match.find(query, match.people(ds), "người").id
    except match.MatchError as e:
        raise DukError(f"--person: {e.message}") from None


def quarter_only(period, command: str):
    if period.kind != "Q":
        raise usage(f"duk {command} cần một quý (ví dụ --period 2019Q2 hoặc -q Q2 -y 2019), "
                    f"không nhận '{period.label}'")
    return period


# --- submit ------------------------------------------------------------------------------

def entry_text(person: str, code: str, day) -> str:
    return f"- person: {person}\n  period: {code}\n  date: {day.isoformat()}\n"


def append_entry(current: str | None, person: str, code: str, day) -> str:
    """submissions.yaml with one more entry, appended as text so the clerk's comments stay;
    re-dumped whole only when the file is in a form an appended block cannot extend."""
    from dukcli.store import parse, yamlio
    from dukcli.store.record import RecordError

    def entries(text: str | None):
        sink = parse.Sink(SUBMISSIONS)
        try:
            doc = yamlio.load(text or "")
        except yamlio.YamlError as e:
            raise RecordError(f"{SUBMISSIONS}:{e.line}: {e.message}; hãy sửa tệp trước (duk check)") from None
        return doc, parse.parse_submissions(sink, doc)

    doc, before = entries(current)
    first = next((s for s in before if s.person == person and s.period == code), None)
    if first is not None:  # checked again under the lock: another duk may have just added it
        raise RecordError(duplicate_message(first))
    body = current or SUBMISSIONS_HEADER
    if not doc:  # an empty list written as [] cannot take a block item after it
        body = "".join(line for line in body.splitlines(keepends=True) if line.strip() != "[]")
    if body and not body.endswith("\n"):
        body += "\n"
    new = body + entry_text(person, code, day)
    try:
        after = entries(new)[1]
    except RecordError:
        after = []
    if len(after) == len(before) + 1 and (after[-1].person, after[-1].period, after[-1].date) == (person, code, day):
        return new
    items = [{k: as_date(v) if k == "date" else v for k, v in item.items()} if isinstance(item, dict) else item
             for item in (doc or [])]
    items.append({"person": person, "period": code, "date": day})
    return SUBMISSIONS_HEADER + yamlio.dump(items)


def as_date(value):
    """A date as a date, so the dump writes it bare (2019-06-27, not '2019-06-27')."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return value


def duplicate_message(first) -> str:
    from dukcli.dates import fmt
    from dukcli.periods import parse_period

    label = parse_period(first.period).label
    return (f"đã nhận báo cáo {label} của '{first.person}' ngày {fmt(first.date)} "
            f"({first.file}:{first.line}); không ghi lần thứ hai")


@app.command("submit")
def submit(
    person: PersonOpt = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
    date: Annotated[Optional[str], typer.Option(
        "--date", "-d", help="Ngày nhận báo cáo (DD/MM/YYYY, YYYY-MM-DD, hôm nay; mặc định: hôm nay).")] = None,
    no_commit: Annotated[bool, typer.Option("--no-commit", help="Không lưu vào git.")] = False,
) -> None:
    """Ghi nhận đã nhận báo cáo cá nhân hằng quý của một người (vào submissions.yaml)."""
    from dukcli import model as m
    from dukcli.dates import fmt
    from dukcli.rules import oversight
    from dukcli.rules.validate import check_submission
    from dukcli.store.record import RecordError, replace_file

    if not person:
        raise usage("thiếu --person (người nộp báo cáo)")
    q = quarter_only(period_from(period, quarter, year), "submit")
    day = parse_day(date, "--date") or today()
    folder, ds, diags = load_checked()
    pid = pick_person(ds, person)
    sub = m.Submission(pid, q.code, day, SUBMISSIONS, 0)
    problems = [d for d in check_submission(ds, sub, today()) if d.severity == "error"]
    if problems:
        raise DukError("; ".join(d.message for d in problems))
    first = oversight.received(ds, pid, q)
    if first is not None:
        raise DukError(duplicate_message(first))
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        echo_err(f"Cảnh báo: thư mục dữ liệu đang có {len(errors)} lỗi ở chỗ khác (xem: duk check).")
    if not oversight.owes(ds, pid, q):
        echo_err(f"Cảnh báo: {ds.person_name(pid)} không có phân công nào trong {q.label}.")
    message = f"Nhận báo cáo: {ds.person_name(pid)} – {q.label} – {fmt(day)}"
    try:
        saved = replace_file(folder, SUBMISSIONS, lambda text: append_entry(text, pid, q.code, day),
                             message, commit=not no_commit)
    except RecordError as e:
        raise DukError(e.message) from None
    if saved.warning:
        echo_err(f"Cảnh báo: {saved.warning}")
    due = oversight.due_date(ds.config, q)
    word = "đúng hạn" if day <= due else f"trễ hạn {(day - due).days} ngày"
    print(f"Đã ghi nhận báo cáo {q.label} của {ds.person_name(pid)}, nhận ngày {fmt(day)} "
          f"({word}; hạn nộp {fmt(due)}).")
    if saved.committed:
        print(f"Đã lưu vào git: {message}")


# --- status ------------------------------------------------------------------------------

def report_word(row) -> str:
    from dukcli.rules.summary import report_word as word

    return word(row)


STATUS_STYLE = {"dung-han": "green", "tre-han": "yellow", "chua-nop": "red"}


def print_status(st, console) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from dukcli.dates import fmt

    console.print(f"[bold]Báo cáo cá nhân {st.period.label}[/bold] — hạn nộp {fmt(st.due)} "
                  f"(tính đến ngày {fmt(st.as_of)})")
    if not st.rows:
        console.print("Không có ai được phân công trong quý này.")
        return
    t = Table(box=box.SIMPLE_HEAVY)
    for col, justify in (("TT", "right"), ("Họ và tên", "left"), ("Ngày nhận", "left"), ("Tình trạng", "left")):
        t.add_column(col, justify=justify)
    for i, r in enumerate(st.rows, 1):
        style = "dim" if r.status == "chua-nop" and not r.overdue else STATUS_STYLE[r.status]
        t.add_row(str(i), r.name, fmt(r.received) if r.received else "—", Text(report_word(r), style=style))
    console.print(t)
    console.print(f"Đúng hạn: {st.count('dung-han')}, trễ hạn: {st.count('tre-han')}, "
                  f"chưa nộp: {st.count('chua-nop')} (tổng {len(st.rows)} người phải báo cáo).")


@app.command("status")
def status(period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
           as_of: AsOfOpt = None, format: FormatOpt = TableFormat.table) -> None:
    """Tình hình nộp báo cáo cá nhân của một quý: đúng hạn, trễ hạn, chưa nộp."""
    from dukcli.render import output
    from dukcli.rules import oversight

    day = parse_day(as_of, "--as-of") or today()
    q = quarter_only(period_from(period, quarter, year, day), "status")
    _, ds = load_for_report()
    st = oversight.report_status(ds, q, day)
    if format is TableFormat.json:
        output.print_json(st.as_json())
    elif format is TableFormat.csv:
        header = ["person", "name", "received", "status", "status_text", "days_late"]
        rows = [[r.person, r.name, r.received.isoformat() if r.received else None, r.status, report_word(r),
                 r.days_late] for r in st.rows]
        output.print_csv(header, rows)
    else:
        print_status(st, output.console())


# --- agenda ------------------------------------------------------------------------------

def print_agenda(ag, console) -> None:
    from rich import box
    from rich.table import Table

    from dukcli.dates import fmt, month_end

    def table(*columns):
        t = Table(box=box.SIMPLE_HEAVY)
        for col in columns:
            t.add_column(col)
        return t

    day = ag.as_of
    console.print(f"[bold]Việc cần làm tính đến ngày {fmt(day)}[/bold]")
    left = (month_end(day.year, day.month) - day).days
    console.print(f"\n[bold]1. Chưa đi cơ sở trong tháng {day.month}/{day.year}[/bold] (còn {left} ngày)")
    if ag.visits_due:
        t = table("TT", "Họ và tên", "Đơn vị", "Ngày sinh hoạt", "Còn lại")
        for i, r in enumerate(ag.visits_due, 1):
            meeting = "—"
            if r.meeting_day is not None:
                on = day.replace(day=min(r.meeting_day, month_end(day.year, day.month).day))
                meeting = fmt(on) + (" (đã qua)" if on < day else "")
            t.add_row(str(i), r.name, r.unit_name, meeting, f"{r.days_left} ngày")
        console.print(t)
    else:
        console.print("Không có.")
    console.print("\n[bold]2. Ủy viên Ban Thường vụ chậm so với tiến độ của quý[/bold]")
    if ag.behind:
        t = table("TT", "Họ và tên", "Từ đầu năm", "Cần đến hết quý", "Chỉ tiêu năm")
        for i, r in enumerate(ag.behind, 1):
            t.add_row(str(i), r.name, str(r.visits_ytd), str(r.expected), str(r.target_year))
        console.print(t)
    else:
        console.print("Không có.")
    console.print("\n[bold]3. Báo cáo quý sắp đến hạn, chưa nộp[/bold]")
    if ag.reports_due:
        t = table("TT", "Họ và tên", "Kỳ", "Hạn nộp", "Còn lại")
        for i, r in enumerate(ag.reports_due, 1):
            left_word = f"{r.days_left} ngày" if r.days_left >= 0 else f"quá hạn {-r.days_left} ngày"
            t.add_row(str(i), r.name, r.period.label, fmt(r.due), left_word)
        console.print(t)
    else:
        console.print("Không có.")


def write_ics(ds, meetings, as_of, path: Path, force: bool) -> None:
    import datetime as dt

    import icalendar

    from dukcli.store import write

    cal = icalendar.Calendar()
    cal.add("prodid", "-//duk//Lich du sinh hoat chi bo//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Lịch dự sinh hoạt chi bộ")
    stamp = dt.datetime(as_of.year, as_of.month, as_of.day, tzinfo=dt.timezone.utc)  # stable output
    roles = {"phu-trach": "Ủy viên Ban Thường vụ phụ trách", "theo-doi": "cán bộ, chuyên viên theo dõi"}
    for mt in meetings:
        ev = icalendar.Event()
        ev.add("uid", mt.uid)
        ev.add("dtstamp", stamp)
        ev.add("dtstart", mt.day)
        ev.add("dtend", mt.day + dt.timedelta(days=1))
        ev.add("summary", f"Dự sinh hoạt chi bộ: {mt.unit_name}")
        ev.add("description", f"Người dự: {mt.name} ({roles.get(mt.role, mt.role)}).\n"
                              f"Sinh hoạt chi bộ định kỳ hằng tháng của {mt.unit_name}.")
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)
    text = cal.to_ical().decode("utf-8")
    try:
        if force:
            write.replace(path, text)
        else:
            write.create_new(path, text)
    except FileExistsError:
        raise DukError(f"tệp '{path}' đã có; dùng --force để ghi đè") from None
    except OSError as e:
        raise DukError(f"không ghi được tệp '{path}': {describe(e)}") from None


@app.command("agenda")
def agenda(
    as_of: AsOfOpt = None, person: PersonOpt = None,
    days: Annotated[int, typer.Option("--days", min=0, help="Báo cáo đến hạn trong bao nhiêu ngày tới.")] = 14,
    ics: Annotated[Optional[Path], typer.Option(
        "--ics", help="Ghi lịch dự sinh hoạt chi bộ 3 tháng tới ra tệp iCalendar (.ics).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Cho phép ghi đè tệp .ics đã có.")] = False,
    format: Annotated[AgendaFormat, typer.Option("--format", "-f", help="Định dạng: table hoặc json.")]
    = AgendaFormat.table,
) -> None:
    """Việc cần làm: đơn vị chưa đi trong tháng, ai chậm tiến độ, báo cáo sắp đến hạn."""
    from dukcli.dates import fmt
    from dukcli.render import output
    from dukcli.rules import oversight

    day = parse_day(as_of, "--as-of") or today()
    _, ds = load_for_report()
    pid = pick_person(ds, person)
    ag = oversight.agenda(ds, day, days, pid)
    if ics is not None:
        meetings = oversight.meetings(ds, day, 3, pid)
        write_ics(ds, meetings, day, ics, force)
        echo_err(f"Đã ghi {len(meetings)} buổi sinh hoạt (từ {fmt(day)}, 3 tháng) vào {ics}.")
    if format is AgendaFormat.json:
        output.print_json(ag.as_json())
    else:
        print_agenda(ag, output.console())


# --- scorecard ---------------------------------------------------------------------------

def score_cells(ds, r, as_of) -> tuple[str, list[str]]:
    from dukcli.periods import parse_period
    from dukcli.rules.oversight import REPORT_WORDS, due_date

    parts = []
    if r.required is not None:
        parts.append(f"{r.met}/{r.required} tháng")
    if r.target is not None:
        parts.append(f"{r.visits}/{r.target} lần" if r.required is None else f"chỉ tiêu {r.target} lần")
    reports = []
    for code, state in r.reports.items():
        if state is None:
            reports.append("—")
        elif state == "chua-nop" and as_of <= due_date(ds.config, parse_period(code)):
            reports.append("Chưa đến hạn")
        else:
            reports.append(REPORT_WORDS[state])
    return "; ".join(parts), reports


@app.command("scorecard")
def scorecard(
    year: Annotated[int, typer.Option("--year", "-y", help="Năm đánh giá.")],
    as_of: AsOfOpt = None, format: FormatOpt = TableFormat.table,
) -> None:
    """Tiêu chí đánh giá hằng năm (Điều 6.1): kết quả Điều 4 và bốn báo cáo quý của từng người."""
    from dukcli import model as m
    from dukcli.dates import fmt
    from dukcli.render import output
    from dukcli.rules import oversight
    from dukcli.rules.quota import STATUS_WORDS

    if not 1900 <= year <= 2999:
        raise usage(f"--year: năm '{year}' không hợp lệ")
    day = parse_day(as_of, "--as-of") or today()
    _, ds = load_for_report()
    card = oversight.scorecard(ds, year, day)
    quarters = [f"{year}Q{n}" for n in range(1, 5)]
    if format is TableFormat.json:
        output.print_json(card.as_json())
        return
    if format is TableFormat.csv:
        header = ["person", "name", "role", "met", "required", "visits", "target", *quarters, "status", "status_text"]
        rows = [[r.person, r.name, r.role, r.met, r.required, r.visits, r.target,
                 *(r.reports[q] for q in quarters), r.status, STATUS_WORDS[r.status]] for r in card.rows]
        output.print_csv(header, rows)
        return
    from rich import box
    from rich.table import Table

    console = output.console()
    console.print(f"[bold]Đánh giá năm {year}: đi cơ sở (Điều 4) và báo cáo quý (Điều 6.1)[/bold] "
                  f"(tính đến ngày {fmt(day)})")
    if not card.rows:
        console.print("Không có ai được phân công trong năm này.")
        return
    t = Table(box=box.SIMPLE_HEAVY)
    for col in ("TT", "Họ và tên", "Vai trò", "Điều 4", "Quý I", "Quý II", "Quý III", "Quý IV", "Kết quả"):
        t.add_column(col)
    for i, r in enumerate(card.rows, 1):
        art4, reports = score_cells(ds, r, day)
        role = m.ROLE_NAMES[r.role] if len(r.roles) < 2 else "Cả hai (đổi vai trò trong năm)"
        t.add_row(str(i), r.name, role, art4, *reports, STATUS_WORDS[r.status])
    console.print(t)
    console.print("Điều 4: số tháng đạt/số tháng phải đi (theo dõi) hoặc số lần/chỉ tiêu năm (phụ trách); "
                  "— : không phải nộp báo cáo quý đó.", style="dim")


# --- summary -----------------------------------------------------------------------------

@app.command("summary")
def summary(
    period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None, as_of: AsOfOpt = None,
    output_file: Annotated[Optional[Path], typer.Option(
        "--output", "-o", help="Tệp .docx ghi ra (mặc định: tong-hop-<kỳ>.docx).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Cho phép ghi đè tệp đã có.")] = False,
    date: Annotated[Optional[str], typer.Option(
        "--date", "-d", help="Ngày ghi trên văn bản (mặc định: hôm nay).")] = None,
) -> None:
    """Báo cáo tổng hợp kết quả đi cơ sở và dự sinh hoạt chi bộ (Điều 6.2, 6.3) dạng Word."""
    from dukcli.render import word
    from dukcli.resources import template
    from dukcli.rules import summary as rules

    day = parse_day(as_of, "--as-of") or today()
    p = period_from(period, quarter, year, day)
    on = parse_day(date, "--date") or today()
    path = output_file or Path(f"tong-hop-{p.slug}.docx")
    if path.suffix.lower() != ".docx":
        raise usage(f"-o: tệp ghi ra phải có đuôi .docx (đang là '{path.name}')")
    if path.exists() and not force:
        raise DukError(f"tệp '{path}' đã có; dùng --force để ghi đè")
    folder, ds = load_for_report(notes=(p.start, p.end))
    ctx = rules.context(ds, p, day, on)
    own = folder / "templates" / SUMMARY_TEMPLATE  # a clerk's edited form wins over the shipped one
    form = own if own.is_file() else template(SUMMARY_TEMPLATE)
    try:
        word.write_checked(form, ctx, path, rules.expected_texts(ctx), overwrite=force)
    except FileExistsError:
        raise DukError(f"tệp '{path}' đã có; dùng --force để ghi đè") from None
    except word.WordError as e:
        raise DukError(str(e)) from None
    except OSError as e:
        raise DukError(f"không ghi được tệp '{path}': {describe(e)}") from None
    print(f"Đã ghi báo cáo tổng hợp {p.label}: {path}")
