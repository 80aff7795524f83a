"""duk submit: record that a quarterly individual report (Article 6.1) was received."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Optional

import typer

from dukcli.cli.common import (DukError, PeriodArg, PeriodOpt, PersonOpt, QuarterOpt,
                               YearOpt, echo_err, load_checked, parse_day, period_from, pick,
                               quarter_only, today, usage)


def submit(
    person: PersonOpt = None, period_arg: PeriodArg = None, period: PeriodOpt = None, quarter: QuarterOpt = None, year: YearOpt = None,
    date: Annotated[Optional[str], typer.Option(
        "--date", "-d", help="Ngày nhận báo cáo (DD/MM/YYYY, YYYY-MM-DD, hôm nay). Bỏ trống: hôm nay, "
                             "chỉ khi là quý này hoặc quý trước.")] = None,
    no_commit: Annotated[bool, typer.Option("--no-commit", help="Không lưu vào git.")] = False,
) -> None:
    """Ghi nhận đã nhận báo cáo cá nhân hằng quý của một người (vào submissions/QUÝ/NGƯỜI.yaml)."""
    from dukcli import model as m
    from dukcli.dates import fmt
    from dukcli.rules import deadline
    from dukcli.rules.validate import check_submission
    from dukcli.store import submissions
    from dukcli.store.record import RecordError, add_exact

    if not person:
        raise usage("thiếu --person (người nộp báo cáo)")
    q = quarter_only(period_from(period, quarter, year, None, period_arg), "submit")
    day = parse_day(date, "--date") or _received_today(q)
    folder, ds, diags = load_checked()
    pid, _ = pick(ds, person)
    rel = submissions.rel_path(pid, q.code)
    sub = m.Submission(pid, q.code, day, rel, 0)
    problems = [d for d in check_submission(ds, sub, today()) if d.severity == "error"]
    if problems:
        raise DukError("; ".join(d.message for d in problems))
    first = deadline.received(ds, pid, q)
    if first is not None:
        raise DukError(submissions.duplicate_message(first))
    errors = [d for d in diags if d.severity == "error"]
    if errors:
        echo_err(f"Cảnh báo: thư mục dữ liệu đang có {len(errors)} lỗi ở chỗ khác (xem: duk check).")
    if not deadline.owes(ds, pid, q):
        echo_err(f"Cảnh báo: {ds.person_name(pid)} không có phân công nào trong {q.label}.")
    message = f"Nhận báo cáo: {ds.person_name(pid)} – {q.label} – {fmt(day)}"
    try:
        saved = add_exact(folder, rel, submissions.entry_text(pid, q.code, day), message, commit=not no_commit,
                          exists=lambda: f"đã nhận báo cáo {q.label} của '{pid}' ({rel}); không ghi lần thứ hai")
    except RecordError as e:
        raise DukError(e.message) from None
    if saved.warning:
        echo_err(f"Cảnh báo: {saved.warning}")
    due = deadline.due_date(ds.config, q)
    word = "đúng hạn" if day <= due else f"trễ hạn {(day - due).days} ngày"
    print(f"Đã ghi nhận báo cáo {q.label} của {ds.person_name(pid)}, nhận ngày {fmt(day)} "
          f"({word}; hạn nộp {fmt(due)}).")
    if saved.committed:
        print(f"Đã lưu vào git: {message}")


def _received_today(q):
    """Without --date: today, said aloud, for this quarter's or the last one's report; for an
    older quarter today is most likely wrong, so the date is asked (a usage error elsewhere)."""
    from dukcli.cli.terminal import Asker, interactive
    from dukcli.dates import fmt
    from dukcli.periods import quarter_of

    day = today()
    current = quarter_of(day)
    previous = quarter_of(current.start - dt.timedelta(days=1))
    if q.code in (current.code, previous.code):
        echo_err(f"Ngày nhận: hôm nay, {fmt(day)} (muốn ngày khác, dùng --date).")
        return day
    if not interactive():
        raise usage(f"--date: {q.label} đã qua; hãy ghi rõ ngày nhận báo cáo (ví dụ --date 28/06/{q.year})")
    asker = Asker()
    while True:
        answer = asker.ask(f"Ngày nhận báo cáo {q.label} (DD/MM/YYYY)")
        try:
            return parse_day(answer, "ngày nhận")
        except DukError as e:
            asker.say(e.message)
