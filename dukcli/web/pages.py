"""The pages of `duk serve`: each route reads its arguments (slugs, a period, a date), loads
the records of its window, asks the same rules as the commands and renders a fixed template."""

from __future__ import annotations

import datetime as dt
import re
import shutil

from flask import abort, redirect, request, url_for

from dukcli import match
from dukcli import model as m
from dukcli.cli.common import DukError, today
from dukcli.dates import fmt
from dukcli.rules.proposals import _ALPHABET, KEY_LENGTH
from dukcli.web import charts
from dukcli.web.app import DOCX, XLSX, flash_saved, page, refusal, send_bytes, slug, temp_file
from dukcli.words import commands as CW
from dukcli.words import web as W

# A short key in a URL: exactly the characters rules/proposals draws keys from.
KEY = re.compile(f"[{_ALPHABET}]{{{KEY_LENGTH}}}")
# A proposal's status tone (render/proposals_table) as the stylesheet's status colours.
TONE_CLASS = {"bad": "s-chua-dat", "pending": "s-dang-thuc-hien", "good": "s-dat"}

VISIT_TEXTS = tuple(("work", name) for name in m.WORK_FIELDS) + tuple(("meeting", name) for name in m.MEETING_FIELDS)


def period_of(default: str | None = None):
    """The period of ?p= (every form the CLI accepts), else the year (or quarter) of today:
    (period, error message or None)."""
    from dukcli.periods import PeriodError, resolve, quarter_of

    text = (request.args.get("p") or "").strip()
    day = today()
    if not text:
        return (resolve(None, None, day.year, day) if default == "year" else quarter_of(day)), None
    try:
        return resolve(text[:20], None, None, day), None
    except PeriodError as e:
        fallback = resolve(None, None, day.year, day) if default == "year" else quarter_of(day)
        return fallback, str(e)


def split(diags):
    return [d for d in diags if d.severity == "error"], [d for d in diags if d.severity == "warning"]


def register(app, site) -> None:  # noqa: C901 - one function per route, each short
    from dukcli.cli.cmd_quota import filter_rows, kept_name
    from dukcli.render import visits_table
    from dukcli.rules.quota import PhuTrachRow, TheoDoiRow, compute, merged

    def report_data(period, with_proposals: bool = False):
        """(ds, errors, warnings): the commands that report refuse on errors in what they use."""
        ds, diags = site.years(period, with_proposals)
        errors, warnings = split(diags)
        return ds, errors, warnings

    def quota_of(ds, period, pid=None, uid=None):
        result = site.remember((ds.fingerprint, period, today()), lambda: compute(ds, period, today()))
        if pid or uid:
            result = filter_rows(ds, result, period, pid, uid)
        return (*by_kind(result), result)

    def by_kind(result):
        """(phụ trách rows, theo dõi rows) of a quota result."""
        return ([r for r in result.rows if isinstance(r, PhuTrachRow)],
                [r for r in result.rows if isinstance(r, TheoDoiRow)])

    @app.get("/")
    def board():
        period, bad = period_of("year")
        # The same table as `duk quota` for the period (kept under the same name), and the
        # visits per month: both kept in the index, a warm board reads no visit.
        table = kept_name(period, today())
        counts = f"visits per month by person {period.start} {period.end}"
        ds, diags = site.years(period, want=(table, counts), mergeable=True)
        errors, warnings = split(diags)
        context = dict(period=period, bad_period=bad, errors=errors, warnings=warnings, elsewhere=ds.elsewhere,
                       people=sorted_people(ds))
        if not errors:
            # After a visit changes, both are brought up to date for its person (store/partial).
            result = site.kept(ds, table, lambda: compute(ds, period, today()),
                               merge=lambda kept, persons: merged(kept, compute(ds, period, today(), persons), persons))
            by_person = site.kept(ds, counts, lambda: charts.month_counts(ds, period),
                                  merge=lambda kept, persons: charts.merged_counts(kept, charts.month_counts(ds, period),
                                                                                   persons))
            values = charts.summed(by_person, period)
            pt, td = by_kind(result)
            context.update(pt=pt, td=td, months=period.months(), as_of=result.as_of,
                           charts=(charts.visits_per_month(values, period), charts.share_met_per_month(result)))
        return page("board.html", **context)

    @app.get("/people/<pid>")
    def person(pid):
        pid = slug(pid)
        period, bad = period_of("year")
        ds, errors, warnings = report_data(period, with_proposals=True)
        who = ds.people.get(pid)
        if who is None:
            abort(404)
        context = dict(period=period, bad_period=bad, errors=errors, warnings=warnings, who=who,
                       assignments=[a for a in ds.assignments if a.person == pid],
                       submissions=sorted((s for s in ds.submissions if s.person == pid), key=lambda s: s.period),
                       ds=ds)
        if not errors:
            pt, td, _ = quota_of(ds, period, pid=pid)
            context.update(pt=pt, td=td, months=period.months(),
                           visits=visits_table.select(ds, period, pid, None),
                           proposal_rows=selected(ds, period, person=pid))
        return page("person.html", **context)

    @app.get("/units/<uid>")
    def unit(uid):
        uid = slug(uid)
        period, bad = period_of("year")
        ds, errors, warnings = report_data(period, with_proposals=True)
        place = ds.units.get(uid)
        if place is None:
            abort(404)
        counted = ds.counted_unit(uid)
        context = dict(period=period, bad_period=bad, errors=errors, warnings=warnings, place=place, ds=ds,
                       assignments=[a for a in ds.assignments if counted in a.units or uid in a.units])
        if not errors:
            pt, td, _ = quota_of(ds, period, uid=uid)
            context.update(pt=pt, td=td, months=period.months(), visits=visits_table.select(ds, period, None, uid),
                           proposal_rows=selected(ds, period, unit=uid))
        return page("unit.html", **context)

    @app.get("/visits")
    def visits():
        period, bad = period_of()
        ds, errors, warnings = report_data(period)
        pid = request.args.get("person") or None
        uid = request.args.get("unit") or None
        if (pid and (not m_slug(pid) or pid not in ds.people)) or (uid and (not m_slug(uid) or uid not in ds.units)):
            abort(404)
        rows = [] if errors else visits_table.select(ds, period, pid, uid)
        return page("visits.html", period=period, bad_period=bad, errors=errors, warnings=warnings, rows=rows,
                    people=sorted_people(ds), units=sorted_units(ds), pid=pid, uid=uid)

    @app.get("/agenda")
    def agenda():
        from dukcli.rules import agenda as todo
        from dukcli.rules.proposals import OPEN_DAYS

        day = today()
        ds, diags = site.load(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
        errors, warnings = split(diags)
        ag = None if errors else todo.agenda(site.open_proposals(ds, day), day, 14, None)
        return page("agenda.html", ag=ag, errors=errors, warnings=warnings, day=day, open_days=OPEN_DAYS)

    from dukcli.render import proposals_table
    from dukcli.words import voice

    app.jinja_env.globals.update(V=voice, last_words=proposals_table.last_words,
                                 tone=lambda status: TONE_CLASS[proposals_table.STATUS_TONES[status]])

    def proposal_filters(ds):
        """The filters of duk proposals from the query: (person, unit, open only, older than,
        grouped, error beside 'older'). An id that is not an existing slug is not found."""
        pid = request.args.get("person") or None
        uid = request.args.get("unit") or None
        if (pid and (not m_slug(pid) or pid not in ds.people)) or (uid and (not m_slug(uid) or uid not in ds.units)):
            abort(404)
        older, bad_older = None, None
        text = (request.args.get("older") or "").strip()
        if text:
            if re.fullmatch(r"[0-9]{1,6}", text):
                older = int(text)
            else:
                bad_older = W.NOT_WHOLE_DAYS
        return pid, uid, bool(request.args.get("open")), older, bool(request.args.get("group")), bad_older

    def selected(ds, period, *, person=None, unit=None, open_only=False, older_than=None):
        """duk proposals' rows: as of today, raised in the period, through the same filters."""
        from dukcli.rules import follow

        day = today()
        return follow.rows(ds, follow.as_of(ds.proposals, ds.responses, day), day, start=period.start,
                           end=period.end, unit=unit, open_only=open_only, older_than=older_than, person=person)

    @app.get("/proposals")
    def proposals():
        from dukcli.rules import follow

        period, bad = period_of()
        ds, errors, warnings = report_data(period, with_proposals=True)
        pid, uid, open_only, older, group, bad_older = proposal_filters(ds)
        context = dict(period=period, bad_period=bad, errors=errors, warnings=warnings, elsewhere=ds.elsewhere,
                       people=sorted_people(ds), units=sorted_units(ds), pid=pid, uid=uid, open_only=open_only,
                       older=request.args.get("older", "")[:20], bad_older=bad_older, group=group,
                       query={k: v for k, v in (("p", period.code), ("person", pid), ("unit", uid),
                                                ("open", "1" if open_only else None), ("older", older),
                                                ("group", "1" if group else None)) if v is not None})
        if not errors:
            rows = selected(ds, period, person=pid, unit=uid, open_only=open_only, older_than=older)
            context.update(rows=rows, still_open=sum(1 for r in rows if r.open))
            if group:
                found = follow.groups(rows)
                context.update(groups=found, recurring=sum(1 for g in found if len(g.units) > 1))
        return page("proposals.html", **context)

    @app.get("/proposals.xlsx")
    def proposals_xlsx():
        from dukcli.render import proposals_table as view
        from dukcli.render import xlsx
        from dukcli.rules import follow
        from dukcli.words import proposals as PW

        period, bad = period_of()
        if bad:
            abort(404)
        ds, errors, _ = report_data(period, with_proposals=True)
        pid, uid, open_only, older, group, bad_older = proposal_filters(ds)
        if bad_older:
            abort(404)
        refused = refuse_on_errors(errors)
        if refused:
            return refused
        day = today()
        rows = selected(ds, period, person=pid, unit=uid, open_only=open_only, older_than=older)
        if group:
            made = view.group_sheet(PW.group_title(period.label, day), follow.groups(rows))
        else:
            made = view.list_sheet(PW.list_title(period.label, day), rows)
        return send_bytes(xlsx.workbook_bytes([made]), f"de-xuat{'-gop' if group else ''}-{period.slug}.xlsx", XLSX)

    @app.route("/proposals/<key>/respond", methods=["GET", "POST"])
    def respond(key):
        from dukcli.cli import entries
        from dukcli.rules import proposals as P
        from dukcli.store.loader import responses_of_years
        from dukcli.words import proposals as PW

        writable()
        if not KEY.fullmatch(key or ""):
            abort(404)
        now = today()
        ds, _ = site.month(now)  # brings the index up to date, as duk respond loads before it looks
        try:
            with site.lock:
                proposal = entries.proposal_named(site.root, key)
        except P.NotFound:
            abort(404)
        except P.Ambiguous as e:
            return page("error.html", 422, title=W.RESPOND_TITLE, message=PW.ambiguous_key(key, e.ids))
        values = {"status": "", "by": "", "text": "", "date": fmt(now)}
        errors: dict[str, list[str]] = {}
        if request.method == "POST":
            values = {k: (request.form.get(k) or "")[:4000] for k in values}
            done = _save_step(site, proposal, values, errors)
            if done is not None:
                return done
        with site.lock:
            steps = responses_of_years(site.root, proposal.date.year, now.year)
        followed = P.follow([proposal], [r for r in steps if r.item == proposal.id and r.date <= now])[0]
        return page("respond_form.html", 422 if errors else 200, values=values, errors=errors, key=key,
                    followed=followed, ds=ds, general=errors.get("", []))

    @app.get("/check")
    def check():
        from dukcli.cli.common import diag_line

        diags = site.check_all()
        errors, warnings = split(diags)
        return page("check.html", lines=[(d.severity, diag_line(d)) for d in diags],
                    totals=W.check_totals(len(errors), len(warnings)))

    # --- downloads ----------------------------------------------------------------------

    @app.get("/downloads")
    def downloads():
        period, bad = period_of()
        ds, errors, warnings = report_data(period)
        from dukcli.rules.deadline import owers

        reporters = [ds.people[i] for i in owers(ds, period) if i in ds.people] if period.kind == "Q" else []
        return page("downloads.html", period=period, bad_period=bad, errors=errors, warnings=warnings,
                    reporters=reporters)

    def refuse_on_errors(errors):
        if errors:
            return refusal(DukError(CW.data_has_errors(len(errors))))
        return None

    @app.get("/downloads/report/<pid>.docx")
    def report_docx(pid):
        from dukcli.cli.cmd_report import REPORT_TEMPLATE, write_report
        from dukcli.cli.common import data_template, refuse_placeholders

        pid = slug(pid)
        period, bad = period_of()
        if bad:
            abort(404)
        ds, errors, _ = report_data(period)
        if pid not in ds.people:
            abort(404)
        if period.kind != "Q":
            return refusal(DukError(W.REPORT_NEEDS_QUARTER))
        refused = refuse_on_errors(errors)
        if refused:
            return refused
        target = temp_file(".docx")
        try:
            refuse_placeholders(ds)
            form = data_template(site.root, REPORT_TEMPLATE)
            ds = site.notes(ds, period.start, period.end, people={pid})
            write_report(ds, ds.people[pid], period, today(), form, target, False)
            data = target.read_bytes()
        except DukError as e:
            return refusal(e)
        finally:
            shutil.rmtree(target.parent, ignore_errors=True)
        return send_bytes(data, f"bao-cao-{period.slug}-{pid}.docx", DOCX)

    @app.get("/downloads/summary.docx")
    def summary_docx():
        from dukcli.cli.cmd_summary import SUMMARY_TEMPLATE
        from dukcli.cli.common import data_template, refuse_placeholders
        from dukcli.render import word
        from dukcli.rules import summary as rules

        period, bad = period_of()
        if bad:
            abort(404)
        ds, errors, _ = report_data(period, with_proposals=True)  # part V, as duk summary
        refused = refuse_on_errors(errors)
        if refused:
            return refused
        day = today()
        target = temp_file(".docx")
        try:
            refuse_placeholders(ds)
            ds = site.notes(ds, period.start, period.end)
            ctx = rules.context(ds, period, day, day)
            word.write_checked(data_template(site.root, SUMMARY_TEMPLATE), ctx, target, rules.expected_texts(ctx))
            data = target.read_bytes()
        except DukError as e:
            return refusal(e)
        except word.WordError as e:
            return refusal(DukError(str(e)))
        finally:
            shutil.rmtree(target.parent, ignore_errors=True)
        return send_bytes(data, f"tong-hop-{period.slug}.docx", DOCX)

    @app.get("/downloads/<table>.xlsx")
    def table_xlsx(table):
        from dukcli.render import sheets, xlsx

        if table not in ("dieu-4", "chuyen-di", "viec-can-lam"):
            abort(404)
        period, bad = period_of()
        if bad:
            abort(404)
        if table == "viec-can-lam":
            from dukcli.rules import agenda as todo

            day = today()
            ds, diags = site.load(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
            refused = refuse_on_errors(split(diags)[0])
            if refused:
                return refused
            return send_bytes(xlsx.workbook_bytes(sheets.agenda(todo.agenda(site.open_proposals(ds, day), day, 14,
                                                                             None))),
                              f"viec-can-lam-{day.isoformat()}.xlsx", XLSX)
        ds, errors, _ = report_data(period)
        refused = refuse_on_errors(errors)
        if refused:
            return refused
        if table == "dieu-4":
            made = sheets.quota(compute(ds, period, today()))
        else:
            made = [sheets.visits(period, visits_table.select(ds, period, None, None))]
        return send_bytes(xlsx.workbook_bytes(made), f"{table}-{period.slug}.xlsx", XLSX)

    # --- the forms ----------------------------------------------------------------------

    def writable():
        if app.config["DUK_READ_ONLY"]:
            abort(405)

    @app.route("/log-visit", methods=["GET", "POST"])
    def log_visit():
        writable()
        day = today()
        ds, _ = site.month(day)
        values = {"person": request.args.get("person", ""), "unit": "", "date": fmt(day), "rating": ""}
        errors: dict[str, list[str]] = {}
        if request.method == "POST":
            values = {k: (v[:4000] if isinstance(v, str) else "") for k, v in request.form.items() if k != "csrf"}
            done = _save_visit(site, values, errors)
            if done is not None:
                return done
            ds, _ = site.month(day)
        return page("visit_form.html", 422 if errors else 200, values=values, errors=errors,
                    people=sorted_people(ds), units=sorted_units(ds, day), texts=VISIT_TEXTS,
                    general=errors.get("", []))

    @app.route("/submit", methods=["GET", "POST"])
    def submit():
        from dukcli.periods import quarter_of

        writable()
        day = today()
        ds, _ = site.month(day)
        values = {"person": request.args.get("person", ""), "quarter": quarter_of(day).code, "date": ""}
        errors: dict[str, list[str]] = {}
        if request.method == "POST":
            values = {k: (v[:200] if isinstance(v, str) else "") for k, v in request.form.items() if k != "csrf"}
            done = _save_submission(site, values, errors)
            if done is not None:
                return done
        return page("submit_form.html", 422 if errors else 200, values=values, errors=errors,
                    people=sorted_people(ds), general=errors.get("", []))


def m_slug(value: str) -> bool:
    from dukcli.web.app import SLUG

    return bool(SLUG.fullmatch(value))


def sorted_people(ds) -> list:
    from dukcli.text import name_key

    return sorted(ds.people.values(), key=lambda p: name_key(p.name))


def sorted_units(ds, day: dt.date | None = None) -> list:
    from dukcli.text import sort_key

    return sorted((u for u in ds.units.values() if day is None or u.exists_on(day)), key=lambda u: sort_key(u.name))


def _field_of(visit, line: int) -> str:
    """The form field a diagnostic's line points at (the most specific key on that line)."""
    if visit is None:
        return ""
    keys = [k for k, v in visit.lines.items() if v == line]
    if not keys:
        return ""
    key = max(keys, key=len)
    if key in ("work", "meeting"):
        return "parts"
    return key.replace(".", "_")


def _save_visit(site, values: dict, errors: dict):
    """Judge the form as log-visit judges its options and write it the same way: a redirect to
    the person's page, or None with errors filled (field -> messages, "" for the form)."""
    from dukcli.cli import entries
    from dukcli.dates import DateError, parse_date
    from dukcli.store import gitops, record

    now = today()
    ds, _ = site.month(now)
    pid = day = uid = None
    person = values.get("person", "").strip()
    try:
        pid = match.find(person, match.people(ds), CW.PERSON_WORD).id if person else None
    except match.MatchError as e:
        errors.setdefault("person", []).append(e.message)
    if not person:
        errors.setdefault("person", []).append(W.REQUIRED)
    text = values.get("date", "").strip()
    if not text:
        errors.setdefault("date", []).append(W.REQUIRED)
    else:
        try:
            day = parse_date(text, now, words=True)
        except DateError as e:
            errors.setdefault("date", []).append(str(e))
    if day is not None:
        ds, _ = site.month(day)
    place = values.get("unit", "").strip()
    if not place:
        errors.setdefault("unit", []).append(W.REQUIRED)
    else:
        try:
            uid = match.find(place, match.units(ds, on=day), CW.UNIT_WORD).id
        except match.MatchError as e:
            try:  # a unit closed that day is still found, for the check to say why it is refused
                uid = match.find(place, match.units(ds), CW.UNIT_WORD).id if day is not None else None
            except match.MatchError:
                uid = None
            if uid is None:
                errors.setdefault("unit", []).append(e.message)
    sections: dict = {}
    for part in ("work", "meeting"):
        filled = {name: values.get(f"{part}_{name}", "") for section, name in VISIT_TEXTS if section == part}
        if part == "meeting" and values.get("meeting_rating"):
            filled["rating"] = values["meeting_rating"]
        filled = {k: v for k, v in filled.items() if v.strip()}
        if values.get(f"part_{part}") or filled:
            sections[part] = filled
    if not sections:
        errors.setdefault("parts", []).append(W.NEEDS_CONTENT)
    if errors:
        return None
    rel, verdict = entries.judge_visit(site.root, ds, pid, uid, day, sections, {}, now)
    if verdict.errors:
        for d in verdict.errors:
            errors.setdefault(_field_of(verdict.record, d.line), []).append(f"{d.message} ({W.CHECK_CODE}: {d.code})")
        return None
    try:
        with site.lock:
            saved, _ = entries.save_visit(site.root, ds, pid, uid, day, verdict)
    except record.RecordError as e:
        errors.setdefault("", []).append(e.message)
        return None
    head = gitops.head(site.root) if saved.committed else None
    flash_saved(W.visit_saved(ds.person_name(pid), ds.unit_name(uid), fmt(day)), saved.rel,
                head.sha[:10] if head else None)
    return redirect(url_for("person", pid=pid, p=str(day.year)), 303)


def _save_submission(site, values: dict, errors: dict):
    """What `duk submit` does, from the form."""
    from dukcli.cli import entries
    from dukcli.dates import DateError, parse_date
    from dukcli.periods import PeriodError, parse_period, quarter_of
    from dukcli.store import gitops, record

    now = today()
    ds, _ = site.month(now)
    pid = q = day = None
    person = values.get("person", "").strip()
    if not person:
        errors.setdefault("person", []).append(W.REQUIRED)
    else:
        try:
            pid = match.find(person, match.people(ds), CW.PERSON_WORD).id
        except match.MatchError as e:
            errors.setdefault("person", []).append(e.message)
    try:
        q = parse_period(values.get("quarter", ""), now.year)
        if q.kind != "Q":
            errors.setdefault("quarter", []).append(W.NOT_A_QUARTER)
            q = None
    except PeriodError as e:
        errors.setdefault("quarter", []).append(str(e))
    text = values.get("date", "").strip()
    if text:
        try:
            day = parse_date(text, now, words=True)
        except DateError as e:
            errors.setdefault("date", []).append(str(e))
    elif q is not None:
        current = quarter_of(now)
        previous = quarter_of(current.start - dt.timedelta(days=1))
        if q.code in (current.code, previous.code):
            day = now
        else:
            errors.setdefault("date", []).append(CW.past_quarter_needs_date(q.label, q.year))
    if errors:
        return None
    ds, _ = site.years(q)
    why = entries.submission_refusal(ds, pid, q, day, now)
    if why is not None:
        errors.setdefault("", []).append(why)
        return None
    try:
        with site.lock:
            saved, _ = entries.save_submission(site.root, ds, pid, q, day)
    except record.RecordError as e:
        errors.setdefault("", []).append(e.message)
        return None
    head = gitops.head(site.root) if saved.committed else None
    flash_saved(W.submission_saved(ds.person_name(pid), q.label, fmt(day)), saved.rel, head.sha[:10] if head else None)
    return redirect(url_for("person", pid=pid, p=str(q.year)), 303)


def _step_field(text: str, line: int) -> str:
    """The form field a diagnostic's line of a step's file points at: the key that starts on
    that line or above it (a long text runs over several lines)."""
    field = ""
    for n, row in enumerate(text.splitlines(), 1):
        if n > line:
            break
        name = row.split(":", 1)[0]
        if row[:1] not in (" ", "") and name in ("item", "date", "status", "by", "text"):
            field = name
    return "" if field == "item" else field


def _save_step(site, proposal, values: dict, errors: dict):
    """What `duk respond` does, from the form: the same judge and write (cli/entries); a
    redirect to the proposals of the proposal's year, or None with errors filled."""
    from dukcli.cli import entries
    from dukcli.dates import DateError, parse_date
    from dukcli.rules.proposals import short_key
    from dukcli.store import gitops, record
    from dukcli.words import voice

    now = today()
    day = now
    if not values["status"].strip():
        errors.setdefault("status", []).append(W.REQUIRED)
    if not values["text"].strip():
        errors.setdefault("text", []).append(W.REQUIRED)
    if values["date"].strip():
        try:
            day = parse_date(values["date"].strip(), now, words=True)
        except DateError as e:
            errors.setdefault("date", []).append(str(e))
    status = values["status"].strip()
    if "date" in errors or "status" in errors:
        return None
    # judged even when the text is missing, so that every mistake is named at once
    ds, _ = site.month(day)
    verdict = entries.judge_step(ds, proposal, day, status, values["text"], values["by"], now)
    for d in verdict.errors:
        field = _step_field(verdict.text, d.line)
        if field not in errors:
            errors.setdefault(field, []).append(f"{d.message} ({W.CHECK_CODE}: {d.code})")
    if errors:
        return None
    try:
        with site.lock:
            saved, _ = entries.save_step(site.root, proposal, day, status, verdict)
    except record.RecordError as e:
        errors.setdefault("", []).append(e.message)
        return None
    head = gitops.head(site.root) if saved.committed else None
    flash_saved(W.step_saved(short_key(proposal.id), voice.STATUSES[status], fmt(day)), saved.rel,
                head.sha[:10] if head else None)
    return redirect(url_for("proposals", p=str(proposal.date.year)), 303)
