"""submissions.yaml as text: one more entry appended so a clerk's comments stay."""

from __future__ import annotations

SUBMISSIONS = "submissions.yaml"
SUBMISSIONS_HEADER = "# submissions.yaml: báo cáo cá nhân hằng quý đã nhận (ghi bằng lệnh: duk submit).\n"


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
