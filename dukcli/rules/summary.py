"""The compiled report of Article 6.2/6.3: everything the Organisation Committee tells the
Standing Committee about a period, as a template context of plain strings and lists.

Pure: the Word rendering (templates/summary.docx) only loops over what is built here, so a
clerk can restyle the template without touching the logic.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from dukcli import model as m
from dukcli import words
from dukcli.dates import fmt, overlaps
from dukcli.periods import Period
from dukcli.rules import deadline, quota
from dukcli.rules.report import NONE, note_lines, period_phrase, place_date
from dukcli.text import name_key, sort_key
from dukcli.words import documents as W

TITLE = W.SUMMARY_TITLE
SUBTITLE = W.SUMMARY_SUBTITLE
SIGNER_FOR = W.SIGNER_FOR
SIGNER_TITLE = W.SIGNER_TITLE

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
    return {
        "org": {"parent": c.org_parent, "name": c.org_name, "short": short, "place": c.org_place},
        "number": W.document_number(short),
        "place_date": place_date(c, on),
        "title": TITLE,
        "subtitle": f"{SUBTITLE} {period_phrase(period)}",
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
        "notes": notes(ds, visits),
        "no_notes": NONE,
        "signer_for": SIGNER_FOR,
        "signer_title": SIGNER_TITLE,
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
    return [t for t in out if t and t != NONE]


def sample_context() -> dict:
    """A realistic context, for checking a summary template a clerk edited."""
    config = m.Config(org_parent=W.SAMPLE_ORG_PARENT, org_name=W.SAMPLE_ORG_NAME, org_short=W.SAMPLE_ORG_SHORT,
                      org_place=W.SAMPLE_ORG_PLACE)
    units = [m.Unit("cb-mau", W.SAMPLE_BRANCH, "chi-bo-co-so", meeting_day=5),
             m.Unit("db-mau", W.SAMPLE_PARTY_COMMITTEE, "dang-bo-co-so")]
    people = [m.Person("nguoi-mau", W.SAMPLE_PERSON), m.Person("uv-mau", W.SAMPLE_MEMBER)]
    assignments = [m.Assignment("nguoi-mau", "theo-doi", ("cb-mau", "db-mau")),
                   m.Assignment("uv-mau", "phu-trach", ("cb-mau", "db-mau"))]
    notes = dict(W.SAMPLE_NOTES)
    minutes = dict(W.SAMPLE_MINUTES)
    visits = [m.Visit("nguoi-mau", "cb-mau", dt.date(2019, 5, 14), notes, minutes, "tot")]
    subs = [m.Submission("nguoi-mau", "2019Q2", dt.date(2019, 6, 27))]
    ds = m.Dataset.build(config, units, people, assignments, visits, subs)
    return context(ds, Period("Q", 2019, 2), dt.date(2019, 7, 5), dt.date(2019, 7, 5))
