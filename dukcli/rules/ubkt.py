"""The Inspection Committee's report on how the regulation was carried out (Article 6.3,
`duk summary --by ubkt`): made at 6 months, 9 months and the year; names who fell short of
Article 4 and of the reporting duty of Article 6.1 with their figures, the grassroots'
proposals left unanswered past 30 days, and the base committees' comments on the assignment;
signed for the Inspection Committee (duk.yaml `bodies:`).

Pure, like rules/summary.py: templates/summary_ubkt.docx only loops over what is built here.
"""

from __future__ import annotations

import datetime as dt

from dukcli import model as m
from dukcli.periods import Period
from dukcli.rules import deadline, quota, summary
from dukcli.rules import proposals as follow_up
from dukcli.rules.report import NONE, period_phrase, place_date
from dukcli.text import name_key
from dukcli.words import documents as W
from dukcli.words import summary as SW

# Article 6.3: "định kỳ 6 tháng, 9 tháng, hằng năm"; a quarter or a month is not its period.
KINDS = ("H1", "H2", "9M", "Y")


def allowed(period: Period) -> bool:
    return period.kind in KINDS


def quota_short(result: quota.QuotaResult) -> tuple[list[str], set[str]]:
    """The lines naming who fell short of Article 4 (rules/summary.shortfalls), and who they are."""
    who = set()
    for r in result.rows:
        if isinstance(r, quota.TheoDoiRow):
            if any(s.state == "missed" for s in r.months):
                who.add(r.person)
        elif r.visits_ytd < r.expected:
            who.add(r.person)
    return summary.shortfalls(result), who


def reports_short(ds: m.Dataset, period: Period, as_of: dt.date) -> tuple[list[str], set[str]]:
    """Each quarterly report of the period sent late or missing past its due day, named, by
    quarter then name."""
    lines, who = [], set()
    for q in deadline.quarters_in(period):
        st = deadline.report_status(ds, q, as_of)
        for r in sorted(st.rows, key=lambda r: (name_key(r.name), r.person)):
            if r.status == "tre-han":
                lines.append(SW.report_late(r.name, period_phrase(q), r.received, r.days_late))
            elif r.status == "chua-nop" and r.overdue:
                lines.append(SW.report_missing(r.name, period_phrase(q), st.due, r.days_late))
            else:
                continue
            who.add(r.person)
    return lines, who


def context(ds: m.Dataset, period: Period, as_of: dt.date, on: dt.date) -> dict:
    """Everything the Inspection Committee's template shows; `on` is the document's date."""
    c = ds.config
    body = c.inspection
    result = quota.compute(ds, period, as_of)
    short_lines, short_people = quota_short(result)
    report_lines, _ = summary.reports(ds, period, as_of)
    late_lines, late_people = reports_short(ds, period, as_of)
    voice = summary.voice(ds, period, as_of)
    _, comments = summary.feedback(ds, summary.period_feedback(ds, period, as_of))
    people, _ = summary.assigned(ds, period)
    assigned = set().union(*people.values())
    phrase = period_phrase(period)
    return {
        "org": {"parent": c.org_name, "name": body.name, "short": body.short, "place": c.org_place},
        "number": W.document_number(body.short),
        "place_date": place_date(c, on),
        "title": summary.TITLE,
        "subtitle": SW.ubkt_subtitle(phrase),
        "intro": SW.ubkt_intro(c.regulation, phrase, min(as_of, period.end)),
        "overview": SW.ubkt_overview(len(assigned), len(short_people), len(late_people),
                                     voice["open_count"], follow_up.OPEN_DAYS),
        "shortfalls": short_lines or [NONE],
        "report_lines": report_lines,
        "late_reports": late_lines or [NONE],
        "open_rows": voice["open_rows"],
        "comments": comments,
        "conclusion": SW.UBKT_PROPOSAL if short_lines or late_lines or voice["open_rows"] else SW.UBKT_ALL_MET,
        "no_notes": NONE,
        "signer_for": body.sign_for,
        "signer_title": body.sign_title,
        "recipients": list(SW.UBKT_RECIPIENTS),
    }


def expected_texts(ctx: dict) -> list[str]:
    """What the written file must contain when read back: header, every sentence built from
    the data, every name with its figures, every unanswered proposal, every comment, the
    signature."""
    out = [ctx["org"]["name"], ctx["org"]["parent"], ctx["number"], ctx["place_date"], ctx["subtitle"],
           ctx["intro"], ctx["overview"], ctx["conclusion"], ctx["signer_for"], ctx["signer_title"]]
    for key in ("shortfalls", "report_lines", "late_reports"):
        out.extend(ctx[key])
    out.extend(row[f] for row in ctx["open_rows"] for f in ("date", "unit", "name", "text", "age") if row[f])
    for comment in ctx["comments"]:
        out.append(comment["head"])
        out.extend(comment["lines"])
    return [t for t in out if t and t != NONE]


def sample_context() -> dict:
    """A realistic context, for checking an Inspection Committee template a clerk edited."""
    return context(summary.sample_dataset(), Period("H1", 2019, 0), dt.date(2019, 7, 5), dt.date(2019, 7, 5))
