"""The compiled report of Article 6.2/6.3: everything the Organisation Committee tells the
Standing Committee about a period, as a template context of plain strings and lists.

Pure: the Word rendering (templates/summary.docx) only loops over what is built here, so a
clerk can restyle the template without touching the logic.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from dukcli import model as m
from dukcli import text as vitext
from dukcli import words
from dukcli.dates import fmt, overlaps
from dukcli.periods import Period
from dukcli.rules import deadline, grouping, quota
from dukcli.rules import proposals as follow_up
from dukcli.rules.report import NONE, note_lines, period_phrase, place_date
from dukcli.text import name_key, sort_key
from dukcli.words import documents as W
from dukcli.words import summary as SW
from dukcli.words import voice as VW

TITLE = W.SUMMARY_TITLE
SUBTITLE = W.SUMMARY_SUBTITLE

# The grassroots notes the committee is asked to act on (Article 6.2): what the units found
# hard, asked for, and proposed, and the issues raised at their meetings. Assessments of the
# visitor (situation, preparation, conduct, feasibility) stay in the individual reports.
NOTE_FIELDS = tuple((part, key, label) for (part, key), label in W.GRASSROOTS_NOTES.items())


def period_visits(ds: m.Dataset, period: Period, as_of: dt.date) -> list[m.Visit]:
    """Visits of the period, ignoring those after as_of (SPEC §4)."""
    last = min(period.end, as_of)
    return [v for v in ds.visits if period.start <= v.date <= last]


month_label = words.month_label


# --- I. figures --------------------------------------------------------------------------

def assigned(ds: m.Dataset, period: Period) -> tuple[dict[str, set[str]], set[str]]:
    """People by role and the units followed, for assignments in force during the period."""
    people: dict[str, set[str]] = {role: set() for role in m.ROLES}
    units: set[str] = set()
    for a in ds.assignments:
        if quota.in_force_during(a, period.start, period.end):
            people[a.role].add(a.person)
            units.update(a.units)
    return people, units


def figures(ds: m.Dataset, period: Period, visits: list[m.Visit]) -> list[str]:
    """visits: one a day per person and unit (quota.one_a_day), as every count of SPEC §4."""
    people, units = assigned(ds, period)
    work = sum(1 for v in visits if v.work is not None)
    meeting = sum(1 for v in visits if v.meeting is not None)
    both = work + meeting - len(visits)
    out = [
        W.people_assigned(len(people['phu-trach']), len(people['theo-doi'])),
        W.units_assigned(len(units)),
        W.trips(len(visits), work, meeting, both),
    ]
    ratings = [v.rating for v in visits if v.meeting is not None and v.rating]
    if ratings:
        parts = ", ".join(f"{word} {ratings.count(code)}" for code, word in m.RATINGS.items() if code in ratings)
        out.append(W.meeting_ratings(parts))
    return out


def month_rows(period: Period, visits: list[m.Visit]) -> tuple[list[dict], dict]:
    counts = defaultdict(lambda: [0, 0, 0])
    for v in visits:
        c = counts[(v.date.year, v.date.month)]
        c[0] += 1
        c[1] += v.work is not None
        c[2] += v.meeting is not None
    rows = []
    for year, month in period.months():
        total, work, meeting = counts.get((year, month), [0, 0, 0])
        rows.append({"month": month_label(year, month), "visits": str(total), "work": str(work),
                     "meeting": str(meeting)})
    total = {"month": W.MONTHS_TOTAL, "visits": str(len(visits)),
             "work": str(sum(1 for v in visits if v.work is not None)),
             "meeting": str(sum(1 for v in visits if v.meeting is not None))}
    return rows, total


# --- II. Article 4 -----------------------------------------------------------------------

def quota_tables(result: quota.QuotaResult) -> tuple[list[dict], list[dict]]:
    pt, td = [], []
    for r in result.rows:
        word = quota.STATUS_WORDS[r.status]
        if isinstance(r, quota.PhuTrachRow):
            pt.append({"no": str(len(pt) + 1), "name": r.name, "visits": str(r.visits), "ytd": str(r.visits_ytd),
                       "expected": str(r.expected), "target": str(r.target_year), "status": word})
        else:
            td.append({"no": str(len(td) + 1), "name": r.name, "unit": r.unit_name, "visits": str(r.visits),
                       "met": f"{r.met}/{r.required}", "status": word})
    return pt, td


def shortfalls(result: quota.QuotaResult) -> list[str]:
    """Who fell short, and how: the months missed per person and unit; the Standing Committee
    members under the pace expected by the end of the period."""
    out = []
    for r in result.rows:
        if isinstance(r, quota.TheoDoiRow):
            missed = [s.month for s in r.months if s.state == "missed"]
            if missed:
                months = ", ".join(f"{int(x[5:])}/{x[:4]}" for x in missed)
                out.append(W.months_missed(r.name, r.unit_name, months, r.met, r.required))
        elif r.visits_ytd < r.expected:
            out.append(W.member_behind(r.name, r.visits_ytd, r.expected, r.target_year,
                                       quota.STATUS_WORDS[r.status].lower()))
    return out


# --- III. units not visited --------------------------------------------------------------

def unvisited(ds: m.Dataset, period: Period, visits: list[m.Visit]) -> list[str]:
    """Grassroots units that existed during the period and had no visit at all (a visit to a
    chi bộ trực thuộc counts for its đảng bộ), with who was assigned to them."""
    seen = {ds.counted_unit(v.unit) for v in visits}
    holders: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for a in ds.assignments:
        if quota.in_force_during(a, period.start, period.end):
            for uid in a.units:
                holders[uid].append((a.role, a.person))
    units = [u for u in ds.units.values() if u.type != "chi-bo-truc-thuoc" and u.id not in seen
             and overlaps(u.start, u.end, period.start, period.end)]
    out = []
    for u in sorted(units, key=lambda u: (sort_key(u.name), u.id)):
        who = []
        for role, word in W.HOLDER_ROLES.items():
            names = sorted({ds.person_name(p) for r, p in holders[u.id] if r == role}, key=name_key)
            if names:
                who.append(f"{word}: {', '.join(names)}")
        out.append(f"{u.name} ({'; '.join(who) if who else W.UNASSIGNED}).")
    return out


# --- IV. quarterly reports ---------------------------------------------------------------

def reports(ds: m.Dataset, period: Period, as_of: dt.date) -> tuple[list[str], list[dict]]:
    lines, rows = [], []
    for q in deadline.quarters_in(period):
        st = deadline.report_status(ds, q, as_of)
        pending = W.NOT_DUE_YET if as_of <= st.due else ""
        lines.append(W.quarter_reports(q.label, st.due, pending, len(st.rows), st.count('dung-han'),
                                       st.count('tre-han'), st.count('chua-nop')))
        for r in st.rows:
            rows.append({"no": str(len(rows) + 1), "name": r.name, "quarter": q.label,
                         "received": fmt(r.received) if r.received else "",
                         "status": deadline.report_word(r)})
    if not lines:
        lines.append(W.NO_WHOLE_QUARTER)
    return lines, rows


# --- V. grassroots notes -----------------------------------------------------------------

def unit_heading(ds: m.Dataset, unit_id: str) -> str:
    unit = ds.units.get(unit_id)
    name = ds.unit_name(unit_id)
    if unit is not None and unit.type == "chi-bo-truc-thuoc" and unit.parent:
        return f"{name} ({ds.unit_name(unit.parent)})"
    return name


def notes(ds: m.Dataset, visits: list[m.Visit]) -> list[dict]:
    """The notes grouped by grassroots organisation (a chi bộ trực thuộc under its đảng bộ, its
    name in each entry; organisations in Vietnamese order), each dated and signed by the
    person, oldest first; every line literal."""
    groups: dict[str, list[dict]] = defaultdict(list)
    for v in sorted(visits, key=lambda v: (v.date, name_key(ds.person_name(v.person)), v.file)):
        target = ds.counted_unit(v.unit)
        cell = f" ({ds.unit_name(v.unit)})" if v.unit != target else ""
        for part, key, label in NOTE_FIELDS:
            section = getattr(v, part)
            text = (section or {}).get(key)
            lines = note_lines(text)
            if lines:
                head = W.note_head(v.date, ds.person_name(v.person), cell, label)
                groups[target].append({"head": head, "lines": lines})
    order = sorted(groups, key=lambda u: (sort_key(unit_heading(ds, u)), u))
    return [{"unit": unit_heading(ds, u), "entries": groups[u]} for u in order]


# --- V. the grassroots' issues as analysis (SPEC §7) -------------------------------------

def one_line(text: str) -> str:
    """A note's lines joined by spaces: how a table cell or a sentence shows it."""
    return " ".join(note_lines(text))


def period_proposals(ds: m.Dataset, period: Period, as_of: dt.date) -> list[m.Proposal]:
    """The proposals raised in the period (up to as_of), oldest first."""
    last = min(period.end, as_of)
    return follow_up.ordered([p for p in ds.proposals if period.start <= p.date <= last])


def recurring(ds: m.Dataset, raised: list[m.Proposal]) -> list[dict]:
    """(a) The groups raised by two or more distinct units, most units first (then the
    grouping's own order): each with its most common wording and its units."""
    found = []
    for order, group in enumerate(grouping.group(raised)):
        units = sorted({p.unit for p in group}, key=lambda u: (sort_key(unit_heading(ds, u)), u))
        if len(units) >= 2:
            found.append((-len(units), order, group, units))
    found.sort(key=lambda f: f[:2])
    return [{"head": SW.recurring_head(i, one_line(grouping.wording(group))),
             "units": SW.raised_by(len(group), len(units), ", ".join(unit_heading(ds, u) for u in units))}
            for i, (_, _, group, units) in enumerate(found, 1)]


def still_open(ds: m.Dataset, followed: list[follow_up.Followed], day: dt.date) -> list[follow_up.Followed]:
    """(b) Raised on or before day, not answered or resolved by it, for more than OPEN_DAYS
    days: oldest first."""
    out = [f for f in followed if f.proposal.date <= day and f.open_on(day)
           and f.age(day) > follow_up.OPEN_DAYS]
    return sorted(out, key=lambda f: (f.proposal.date, f.proposal.file, m.PROPOSAL_FIELDS.index(f.proposal.field)))


# A document names at most this many open proposals, the oldest; the rest is one line with their
# count (a province that left 100,000 unanswered would otherwise print a 3,000-page table).
OPEN_LISTED = 200


def open_rows(ds: m.Dataset, items: list[follow_up.Followed], day: dt.date) -> list[dict]:
    rows = [{"no": str(i), "date": fmt(f.proposal.date), "unit": unit_heading(ds, f.proposal.unit),
             "name": ds.person_name(f.proposal.person), "text": one_line(f.proposal.text),
             "age": str(f.age(day))}
            for i, f in enumerate(items[:OPEN_LISTED], 1)]
    if len(items) > OPEN_LISTED:
        rows.append({"no": "", "date": "", "unit": "", "name": "", "age": "",
                     "text": SW.more_open(len(items) - OPEN_LISTED, follow_up.OPEN_DAYS)})
    return rows


def answered(ds: m.Dataset, followed: list[follow_up.Followed], period: Period, day: dt.date) -> list[dict]:
    """(c) The proposals with a step da-tra-loi or da-giai-quyet dated in the period (up to
    day), gathered under the answer that closed them (one document often answers a request
    many units made): each answer with its status, date, by and text, then the proposals it
    answered (date, unit, who carried it up, text); answers by date."""
    by_answer: dict[tuple, list[follow_up.Followed]] = defaultdict(list)
    for f in followed:
        steps = [s for s in f.steps if s.status in ("da-tra-loi", "da-giai-quyet") and period.start <= s.date <= day]
        if steps:
            s = steps[-1]
            by_answer[(s.date, s.status, s.by or "", one_line(s.text or ""))].append(f)
    out = []
    for (date, status, by, text), items in sorted(by_answer.items(), key=lambda kv: kv[0]):
        items.sort(key=lambda f: (f.proposal.date, f.proposal.file, m.PROPOSAL_FIELDS.index(f.proposal.field)))
        said: dict[str, list[str]] = {}  # each wording once, with the units and days that raised it
        for f in items:
            said.setdefault(one_line(f.proposal.text), []).append(
                SW.unit_on(unit_heading(ds, f.proposal.unit), f.proposal.date))
        out.append({"answer": SW.answer_line(VW.STATUSES[status], date, by or None, text),
                    "raised": [SW.answered_item(wording, units) for wording, units in said.items()]})
    return out


def voice(ds: m.Dataset, period: Period, as_of: dt.date) -> dict:
    """Part V's analysis: the count, (a) recurring issues, (b) open over OPEN_DAYS days at the
    end of the period, (c) answered or resolved in the period."""
    day = min(period.end, as_of)
    raised = period_proposals(ds, period, as_of)
    loaded = {p.id: p for p in ds.proposals}
    for pid, p in ds.named.items():
        loaded.setdefault(pid, p)
    followed = follow_up.follow(follow_up.ordered(list(loaded.values())), ds.responses)
    mine = {p.id for p in raised}
    in_period = [f for f in followed if f.proposal.id in mine]
    overdue = still_open(ds, followed, day)
    open_now = sum(1 for f in in_period if f.open_on(day))
    return {
        "proposals_count": SW.proposals_count(len(raised), len(raised) - open_now, open_now,
                                              sum(1 for f in overdue if f.proposal.id in mine),
                                              follow_up.OPEN_DAYS),
        "recurring": recurring(ds, raised),
        "open_rows": open_rows(ds, overdue, day),
        "open_count": len(overdue),
        "answered": answered(ds, followed, period, day),
    }


# --- the base committees' feedback (Article 5.2) -----------------------------------------

def period_feedback(ds: m.Dataset, period: Period, as_of: dt.date) -> list[m.Feedback]:
    last = min(period.end, as_of)
    return sorted((f for f in ds.feedback if period.start <= f.date <= last), key=lambda f: (f.date, f.file))


def ratings_phrase(ratings: list[str]) -> str:
    return ", ".join(f"{word} {ratings.count(code)}" for code, word in VW.FEEDBACK_RATINGS.items() if code in ratings)


def signed_by(unit: str, by: str | None) -> str:
    """Who gave a statement: the signer alone when their title names the unit already
    ("Bí thư Chi bộ Sở Tư pháp"), else the unit and the signer."""
    if by and vitext.fold(unit) in vitext.fold(by):
        return by
    return f"{unit}, {by}" if by else unit


def feedback(ds: m.Dataset, items: list[m.Feedback]) -> tuple[list[dict], list[dict]]:
    """Per cadre (Vietnamese name order) the statements about them, each with its unit, by,
    date and rating; then the comments on the assignment (kind gop-y-phan-cong), by date."""
    about: dict[str, list[m.Feedback]] = defaultdict(list)
    comments = []
    for f in items:
        if f.kind == "gop-y-phan-cong":
            comments.append({"head": SW.assignment_comment(f.date, signed_by(unit_heading(ds, f.unit), f.by),
                                                           ds.person_name(f.person) if f.person else None),
                             "lines": note_lines(f.text)})
        elif f.person:
            about[f.person].append(f)
    people = []
    for pid in sorted(about, key=lambda p: (name_key(ds.person_name(p)), p)):
        said = about[pid]
        people.append({
            "head": SW.feedback_head(ds.person_name(pid), len(said), ratings_phrase([f.rating for f in said if f.rating])),
            "entries": [{"head": SW.feedback_line(f.date, signed_by(unit_heading(ds, f.unit), f.by),
                                                  VW.FEEDBACK_RATINGS.get(f.rating) if f.rating else None),
                         "lines": note_lines(f.text)} for f in said]})
    return people, comments


# --- the whole context -------------------------------------------------------------------

def context(ds: m.Dataset, period: Period, as_of: dt.date, on: dt.date) -> dict:
    """Everything the summary template shows; `on` is the document's date."""
    c = ds.config
    visits = period_visits(ds, period, as_of)
    counted = quota.one_a_day(ds, visits)  # counts: one a day per person and unit (SPEC §4)
    result = quota.compute(ds, period, as_of)
    pt_rows, td_rows = quota_tables(result)
    months, total = month_rows(period, counted)
    report_lines, report_rows = reports(ds, period, as_of)
    short = c.org_short or ""
    feedback_people, comments = feedback(ds, period_feedback(ds, period, as_of))
    return {
        "org": {"parent": c.org_parent, "name": c.org_name, "short": short, "place": c.org_place},
        "number": W.document_number(short),
        "place_date": place_date(c, on),
        "title": TITLE,
        "subtitle": f"{SUBTITLE} {period_phrase(period)}",
        "annex_note": SW.annex_note(f"{SUBTITLE} {period_phrase(period)}"),
        "period_label": period.label,
        "as_of": fmt(as_of),
        "intro": W.summary_intro(c.regulation, period_phrase(period), min(as_of, period.end)),
        "figures": figures(ds, period, counted),
        "months": months,
        "months_total": total,
        "pt_rows": pt_rows,
        "td_rows": td_rows,
        "shortfalls": shortfalls(result) or [NONE],
        "unvisited": unvisited(ds, period, visits) or [NONE],
        "report_lines": report_lines,
        "report_rows": report_rows,
        **voice(ds, period, as_of),
        "feedback": feedback_people,
        "comments": comments,
        "notes": notes(ds, visits),
        "no_notes": NONE,
        "signer_for": c.organisation.sign_for,
        "signer_title": c.organisation.sign_title,
        "recipients": list(W.RECIPIENTS),
    }


def expected_texts(ctx: dict) -> list[str]:
    """The strings the written file must contain when read back: the header, every sentence
    built from the data, every name and unit in the tables, every grassroots note."""
    out = [ctx["org"]["name"], ctx["org"]["parent"], ctx["place_date"], ctx["subtitle"], ctx["intro"]]
    for key in ("figures", "shortfalls", "unvisited", "report_lines"):
        out.extend(ctx[key])
    for key, fields in (("pt_rows", ("name", "status")), ("td_rows", ("name", "unit", "met")),
                        ("report_rows", ("name", "status")), ("months", ("month",))):
        out.extend(row[f] for row in ctx[key] for f in fields)
    for group in ctx["notes"]:
        out.append(group["unit"])
        for entry in group["entries"]:
            out.append(entry["head"])
            out.extend(entry["lines"])
    out.extend(voice_texts(ctx))
    out.extend((ctx["signer_for"], ctx["signer_title"]))
    return [t for t in out if t and t != NONE]


def voice_texts(ctx: dict) -> list[str]:
    """Part V's analysis and the feedback: every proposal's text, every answer, every statement."""
    out = [ctx["proposals_count"]]
    for group in ctx["recurring"]:
        out.extend((group["head"], group["units"]))
    out.extend(row[f] for row in ctx["open_rows"] for f in ("date", "unit", "name", "text", "age") if row[f])
    for answer in ctx["answered"]:
        out.append(answer["answer"])
        out.extend(answer["raised"])
    for person in ctx["feedback"]:
        out.append(person["head"])
        for entry in person["entries"]:
            out.append(entry["head"])
            out.extend(entry["lines"])
    for comment in ctx["comments"]:
        out.append(comment["head"])
        out.extend(comment["lines"])
    return out


def sample_context() -> dict:
    """A realistic context, for checking a summary template a clerk edited."""
    return context(sample_dataset(), Period("Q", 2019, 2), dt.date(2019, 7, 5), dt.date(2019, 7, 5))


def sample_dataset() -> m.Dataset:
    """A small folder with every part of both compiled reports non-empty."""
    config = m.Config(org_parent=W.SAMPLE_ORG_PARENT, org_name=W.SAMPLE_ORG_NAME, org_short=W.SAMPLE_ORG_SHORT,
                      org_place=W.SAMPLE_ORG_PLACE)
    units = [m.Unit("cb-mau", W.SAMPLE_BRANCH, "chi-bo-co-so", meeting_day=5),
             m.Unit("db-mau", W.SAMPLE_PARTY_COMMITTEE, "dang-bo-co-so")]
    people = [m.Person("nguoi-mau", W.SAMPLE_PERSON), m.Person("uv-mau", W.SAMPLE_MEMBER)]
    assignments = [m.Assignment("nguoi-mau", "theo-doi", ("cb-mau", "db-mau")),
                   m.Assignment("uv-mau", "phu-trach", ("cb-mau", "db-mau"))]
    notes = dict(W.SAMPLE_NOTES)
    minutes = dict(W.SAMPLE_MINUTES)
    asked = {"proposals": SW.SAMPLE_PROPOSAL}
    visits = [m.Visit("nguoi-mau", "cb-mau", dt.date(2019, 4, 9), asked, None, None,
                      "visits/2019/04/2019-04-09-nguoi-mau-cb-mau.yaml"),
              m.Visit("nguoi-mau", "cb-mau", dt.date(2019, 5, 14), notes, minutes, "tot",
                      "visits/2019/05/2019-05-14-nguoi-mau-cb-mau.yaml"),
              m.Visit("uv-mau", "db-mau", dt.date(2019, 5, 20), asked, None, None,
                      "visits/2019/05/2019-05-20-uv-mau-db-mau.yaml")]
    subs = [m.Submission("nguoi-mau", "2019Q2", dt.date(2019, 6, 27))]
    ds = m.Dataset.build(config, units, people, assignments, visits, subs)
    ds.proposals = [p for v in visits for p in follow_up.of_visit(v)]
    ds.responses = [m.Response(ds.proposals[-1].id, dt.date(2019, 6, 10), "da-tra-loi", SW.SAMPLE_ANSWER, W.SAMPLE_DEPARTMENT)]
    ds.feedback = [m.Feedback("cb-mau", "nguoi-mau", dt.date(2019, 6, 20), "nhan-xet", SW.SAMPLE_FEEDBACK, "tot"),
                   m.Feedback("db-mau", None, dt.date(2019, 6, 21), "gop-y-phan-cong", SW.SAMPLE_COMMENT)]
    return ds
