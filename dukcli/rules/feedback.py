"""Article 5.2: what the base committees say about the cadres who visit them (pure).

- a new statement (`duk feedback add`) is judged exactly as `check` would judge its file: the
  mapping is dumped to the YAML that will be written, read back through yamltext/schema and
  checked with rules/validate.check_feedback;
- the listing selects a period's statements; the scorecard counts those about each person;
- the request form ("Phiếu xin ý kiến nhận xét") is a context of plain strings and lists for
  templates/feedback_form.docx, with the texts the written file must contain.
"""

from __future__ import annotations

import datetime as dt

from dukcli import model as m
from dukcli.dates import fmt
from dukcli.periods import Period
from dukcli.rules.entry import Verdict, read_back
from dukcli.rules.quota import in_force_during
from dukcli.rules.report import one_line, period_phrase, place_date
from dukcli.text import name_key
from dukcli.words import documents as D
from dukcli.words import feedback as W
from dukcli.words import voice

KIND_NAMES = voice.FEEDBACK_KINDS
RATING_NAMES = voice.FEEDBACK_RATINGS
TOP = "feedback"


# --- a new statement ----------------------------------------------------------------------

def stem(day: dt.date, unit: str, person: str | None) -> str:
    """2019-12-10-db-so-y-te-nguyen-thi-lan (without the person: a comment on the assignment)."""
    return f"{day.isoformat()}-{unit}" + (f"-{person}" if person else "")


def folder(day: dt.date) -> str:
    """feedback/2019"""
    return f"{TOP}/{day.year:04d}"


def to_mapping(unit: str, person: str | None, day: dt.date, kind: str, text: str,
               rating: str | None = None, by: str | None = None) -> dict:
    """The file's mapping in SPEC §7 key order; a key without a value is left out."""
    out: dict = {"unit": unit}
    if person is not None:
        out["person"] = person
    out.update({"date": day, "kind": kind})
    if rating is not None:
        out["rating"] = rating
    if by is not None:
        out["by"] = by
    out["text"] = text
    return out


def judge(ds: m.Dataset, mapping: dict, rel: str, today: dt.date) -> Verdict:
    """Serialise, read back and check the statement exactly as `duk check` would check rel."""
    from dukcli import schema
    from dukcli.rules.validate import check_feedback

    read = read_back(mapping, rel, schema.parse_feedback)
    if read.record is None:
        return read
    return Verdict(read.text, read.record, read.diags + check_feedback(ds, read.record, today))


def key_lines(text: str) -> dict[int, str]:
    """Line number -> the top-level key starting on it, in a file duk dumped."""
    out = {}
    for number, line in enumerate(text.splitlines(), 1):
        if line and not line[0].isspace() and ":" in line:
            out[number] = line.split(":", 1)[0]
    return out


# --- the listing --------------------------------------------------------------------------

def select(ds: m.Dataset, period: Period, person: str | None = None, unit: str | None = None,
           last: dt.date | None = None) -> list[m.Feedback]:
    """The statements dated within the period (and not after `last`), of one person and one
    unit when asked (a đảng bộ's includes its chi bộ trực thuộc's), oldest first."""
    end = period.end if last is None else min(period.end, last)
    out = [f for f in ds.feedback
           if period.start <= f.date <= end
           and (person is None or f.person == person)
           and (unit is None or unit in (f.unit, ds.counted_unit(f.unit)))]
    return sorted(out, key=lambda f: (f.date, f.file))


def about(ds: m.Dataset, person: str, period: Period, last: dt.date | None = None) -> list[m.Feedback]:
    """The statements about one person in the period (the scorecard's column)."""
    return select(ds, period, person=person, last=last)


def tally(ratings: list[str | None]) -> str:
    """'2 (Tốt 1, Khá 1)': how many statements (their ratings given, None for none), and their
    ratings in the order Tốt, Khá, Trung bình, Kém."""
    counted = [(RATING_NAMES[r], n) for r in m.FEEDBACK_RATINGS if (n := ratings.count(r))]
    return W.received(len(ratings), counted)


def as_json(ds: m.Dataset, f: m.Feedback) -> dict:
    return {"date": f.date.isoformat(), "unit": f.unit, "unit_name": ds.unit_name(f.unit),
            "person": f.person, "name": ds.person_name(f.person) if f.person else None,
            "kind": f.kind, "rating": f.rating, "by": f.by, "text": f.text, "file": f.file}


# --- the request form ---------------------------------------------------------------------

def assigned_here(ds: m.Dataset, unit: str, period: Period) -> list[tuple[str, list[m.Assignment]]]:
    """The people assigned to the unit in the period (an assignment in force during it naming
    the unit, or its đảng bộ for a chi bộ trực thuộc), each with those assignments: Standing
    Committee members first, then in Vietnamese name order."""
    names = {unit, ds.counted_unit(unit)}
    mine: dict[str, list[m.Assignment]] = {}
    for a in ds.assignments:
        if in_force_during(a, period.start, period.end) and names & set(a.units):
            mine.setdefault(a.person, []).append(a)

    def order(person: str):
        first_role = min(m.ROLES.index(a.role) for a in mine[person])
        return first_role, name_key(ds.person_name(person) or person)

    return [(p, sorted(mine[p], key=lambda a: (a.start or dt.date.min))) for p in sorted(mine, key=order)]


def visits_here(ds: m.Dataset, person: str, unit: str, period: Period) -> list[m.Visit]:
    """The person's visits to the unit in the period (a đảng bộ's include its chi bộ trực
    thuộc's), oldest first."""
    return [v for v in ds.visits if v.person == person and period.start <= v.date <= period.end
            and unit in (v.unit, ds.counted_unit(v.unit))]


def visit_line(ds: m.Dataset, v: m.Visit, unit: str) -> str:
    """'14/05/2019: dự sinh hoạt chi bộ' (and where, when it was a chi bộ trực thuộc)."""
    what = {("work",): W.WORK, ("meeting",): W.MEETING}.get(v.parts, W.BOTH)
    line = f"{fmt(v.date)}: {what}"
    if v.unit != unit:
        line += f" {W.at_unit(one_line(ds.unit_name(v.unit)))}"
    return line


def role_text(assignments: list[m.Assignment], period: Period) -> str:
    """'Cán bộ, chuyên viên theo dõi (từ 01/07/2019)': each role, with its dates when it began or
    ended inside the period."""
    parts = []
    for a in assignments:
        text = m.ROLE_NAMES[a.role]
        bounds = []
        if a.start is not None and a.start > period.start:
            bounds.append(W.since(a.start))
        if a.end is not None and a.end < period.end:
            bounds.append(W.until(a.end))
        if bounds:
            text += f" ({', '.join(bounds)})"
        if text not in parts:
            parts.append(text)
    return "; ".join(parts)


def reply_for(unit: m.Unit | None) -> str:
    return W.REPLY_FOR_COMMITTEE if unit is not None and unit.type == "dang-bo-co-so" else W.REPLY_FOR_BRANCH


def form_context(ds: m.Dataset, unit: str, period: Period, day: dt.date) -> dict:
    """Everything the request form shows; `day` is the form's date."""
    cfg = ds.config
    unit_name = one_line(ds.unit_name(unit))
    cadres = []
    for number, (person, assignments) in enumerate(assigned_here(ds, unit, period), 1):
        who = ds.people.get(person)
        name = one_line(who.name if who else person)
        visits = [visit_line(ds, v, unit) for v in visits_here(ds, person, unit, period)]
        cadres.append({"id": person, "no": number, "name": name, "heading": W.cadre_heading(number, name),
                       "position": W.position(one_line(who.position)) if who and who.position else "",
                       "role": W.role_line(role_text(assignments, period)),
                       "visits": visits or [W.NO_VISITS], "visit_count": len(visits)})
    # A box never parts from its word (a no-break space), the choices well apart.
    boxes = "        ".join(f"{W.BOX}\u00a0{word}" for word in RATING_NAMES.values())
    return {
        "org": {"parent": one_line(cfg.org_parent), "name": one_line(cfg.org_name),
                "short": one_line(cfg.org_short), "place": one_line(cfg.org_place)},
        "place_date": place_date(cfg, day),
        "date": fmt(day),
        "period": {"code": period.code, "label": period.label, "phrase": period_phrase(period)},
        "subtitle": W.subtitle_period(period.label),
        "unit": {"id": unit, "name": unit_name},
        "addressee": W.addressee(unit_name),
        "opening": W.opening(one_line(cfg.regulation), period_phrase(period)),
        "cadres": cadres,
        "no_cadres": [] if cadres else [W.NO_CADRES],
        "ratings": boxes,
        "signer_for": D.SIGNER_FOR,
        "signer_title": D.SIGNER_TITLE,
        "reply_for": reply_for(ds.units.get(unit)),
        "reply_title": W.REPLY_TITLE,
        "sign_note": W.SIGN_NOTE,
    }


def form_expected(ctx: dict) -> list[str]:
    """The texts the written form must contain: the unit, each cadre with every visit line,
    and the rating boxes."""
    out = [ctx["addressee"], ctx["opening"], ctx["place_date"], ctx["org"]["name"], ctx["ratings"] if ctx["cadres"]
           else "", *ctx["no_cadres"]]
    for c in ctx["cadres"]:
        out.extend([c["heading"], c["role"], c["position"], *c["visits"]])
    return [t for t in out if t]


def sample_context() -> dict:
    """A realistic context, for checking a form a clerk edited (duk template check)."""
    config = m.Config(org_parent=D.SAMPLE_ORG_PARENT, org_name=D.SAMPLE_ORG_NAME, org_short=D.SAMPLE_ORG_SHORT,
                      org_place=D.SAMPLE_ORG_PLACE)
    unit = m.Unit("cb-mau", W.SAMPLE_UNIT, "chi-bo-co-so")
    person = m.Person("nguoi-mau", W.SAMPLE_PERSON, W.SAMPLE_POSITION)
    assignments = [m.Assignment(person.id, "theo-doi", (unit.id,), dt.date(2019, 1, 1))]
    visits = [m.Visit(person.id, unit.id, dt.date(2019, 5, 14), {}, {}, None)]
    ds = m.Dataset.build(config, [unit], [person], assignments, visits, [])
    return form_context(ds, unit.id, Period("Q", 2019, 2), dt.date(2019, 6, 28))
