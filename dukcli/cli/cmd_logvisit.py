"""duk log-visit: record one visit, from options, a file, questions or an editor."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from dukcli.cli import common, entries, terminal
from dukcli.cli.common import DukError, PersonOpt, UnitOpt, usage
from dukcli.cli.terminal import Asker, interactive, run_editor
from dukcli.oserr import describe
from dukcli.rules import entry
from dukcli.cli.framework import a_path, one_of
from dukcli.words import commands as W
from dukcli.words import prompts as P


class Rating(str, Enum):
    tot = "tot"
    kha = "kha"
    trung_binh = "trung-binh"
    kem = "kem"


def _text_opt(option: str, key: tuple[str, str]):
    return Annotated[Optional[str], typer.Option(option, help=entry.LABELS[key] + ".")]


def log_visit(
    person: PersonOpt = None,
    unit: UnitOpt = None,
    date: Annotated[Optional[str], typer.Option("--date", help=W.VISIT_DATE_HELP)] = None,
    work: Annotated[bool, typer.Option("--work", help=W.WORK_HELP)] = False,
    meeting: Annotated[bool, typer.Option("--meeting", help=W.MEETING_HELP)] = False,
    situation: _text_opt("--situation", ("work", "situation")) = None,
    difficulties: _text_opt("--difficulties", ("work", "difficulties")) = None,
    work_proposals: _text_opt("--work-proposals", ("work", "proposals")) = None,
    preparation: _text_opt("--preparation", ("meeting", "preparation")) = None,
    conduct: _text_opt("--conduct", ("meeting", "conduct")) = None,
    feasibility: _text_opt("--feasibility", ("meeting", "feasibility")) = None,
    lessons: _text_opt("--lessons", ("meeting", "lessons")) = None,
    requests: _text_opt("--requests", ("meeting", "requests")) = None,
    meeting_proposals: _text_opt("--meeting-proposals", ("meeting", "proposals")) = None,
    rating: Annotated[Optional[Rating], typer.Option("--rating", help=W.RATING_HELP, **one_of(Rating))] = None,
    from_file: Annotated[Optional[Path], typer.Option("--from-file", help=W.FROM_FILE_HELP, **a_path())] = None,
    edit: Annotated[bool, typer.Option("--edit", help=W.EDIT_HELP)] = False,
    no_commit: Annotated[bool, typer.Option("--no-commit", help=W.VISIT_NO_COMMIT_HELP)] = False,
) -> int:
    """Ghi nhận một chuyến đi cơ sở (đi công tác cơ sở và/hoặc dự sinh hoạt chi bộ)."""
    texts = {"situation": situation, "difficulties": difficulties, "work_proposals": work_proposals,
             "preparation": preparation, "conduct": conduct, "feasibility": feasibility,
             "lessons": lessons, "requests": requests, "meeting_proposals": meeting_proposals,
             "rating": rating.value if rating else None}
    parts = tuple(p for p, on in (("work", work), ("meeting", meeting)) if on)
    draft = _read_file(from_file) if from_file else entry.Draft()
    draft = entry.with_options(draft, person, unit, date, parts, texts)
    asker = Asker() if interactive() else None
    if asker is None:
        _require(draft)
    today = common.today()
    first = _first_month(draft.date, today)
    ctx = Context(*common.load_checked(dates=_month(first)), today, str(from_file) if from_file else None,
                  given={k for k, v in (("person", person), ("unit", unit), ("date", date)) if v is not None},
                  month=(first.year, first.month))
    return _run(ctx, draft, asker, edit, not no_commit)


@dataclass
class Context:
    """What an entry is judged against: the lists and the visits of one month (the duplicate
    rule's), never the whole history (SPEC §9)."""

    root: Path
    ds: object
    diags: list  # what check finds in the lists and the month loaded, before this entry
    today: dt.date
    source: str | None  # the --from-file path, for messages
    given: set  # which of person, unit, date came from the command line
    month: tuple[int, int] | None = None  # the month whose visits ds holds

    def load_month(self, day: dt.date) -> None:
        """Hold the visits of day's month (the lists come from the index: nothing is re-read)."""
        if self.month != (day.year, day.month):
            _, self.ds, self.diags = common.load_checked(self.today, dates=_month(day))
            self.month = (day.year, day.month)


def _first_month(text: str | None, today: dt.date) -> dt.date:
    """The month to load first: the visit's when its date is given and readable (the month the
    duplicate rule needs, loaded once), today's otherwise (a bad date is refused later, with
    its message)."""
    from dukcli.dates import DateError, parse_date

    if isinstance(text, str) and text:
        try:
            return parse_date(text, today, words=True)
        except DateError:
            pass
    return today


def _month(day: dt.date):
    from dukcli.dates import month_end
    from dukcli.store.refresh import Window

    return Window.of(day.replace(day=1), month_end(day.year, day.month))


def _run(ctx: Context, draft: entry.Draft, asker, edit: bool, commit: bool) -> int:
    from dukcli.store import record

    if asker is not None:
        draft = _ask_missing(ctx, draft, asker, items=not edit)
    # With --edit the editor is where the notes are fixed, so only names and date must hold first.
    try:
        prepared = _edit(ctx, draft, asker) if edit else _prepare(ctx, draft)
    except DukError as e:
        _keep_typed(ctx, draft, asker, e)
    verdict = prepared.verdict
    if asker is None:  # on a terminal they are shown with the entry, before the question
        _show_warnings(verdict.warnings)
    _mention_other_errors(ctx)
    if asker is not None and not _confirmed(asker, prepared):
        common.echo_err(P.CANCELLED)
        return 1
    try:
        saved, message = entries.save_visit(ctx.root, ctx.ds, prepared.person, prepared.unit, prepared.day, verdict,
                                            commit=commit)
    except record.RecordError as e:
        _keep_typed(ctx, draft, asker, DukError(e.message))
    print(W.visit_written(saved.rel))
    if saved.committed:
        print(W.saved_to_git(message))
    if saved.warning:
        common.echo_err(W.warning(saved.warning))
    _show_article4(ctx, verdict.record, saved.rel)
    return 0


# --- gathering the entry ------------------------------------------------------------------

def _read_file(path: Path) -> entry.Draft:
    from dukcli import yamltext

    try:
        raw = path.read_bytes()
    except OSError as e:
        raise DukError(W.unreadable_file(path, describe(e))) from None
    try:
        doc = yamltext.load(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DukError(W.not_utf8(path)) from None
    except yamltext.YamlError as e:
        raise DukError(f"{path}:{e.line}: {e.message}") from None
    try:
        return entry.from_document(doc)
    except entry.EntryError as e:
        raise DukError(f"{path}: {e}") from None


def _require(draft: entry.Draft) -> None:
    """Without a terminal nothing can be asked: what is missing is a usage error."""
    missing = [f"--{k}" for k in ("person", "unit", "date") if not getattr(draft, k)]
    if missing:
        raise usage(W.missing_options(missing))
    if not draft.sections:
        raise usage(W.NEEDS_CONTENT)


def _where(ctx: Context, key: str) -> str:
    """How to name where a value came from in a message."""
    if key in ctx.given or ctx.source is None:
        return f"--{key}"
    return W.value_in_file(key, ctx.source)


def _day(ctx: Context, text: str) -> dt.date:
    from dukcli.dates import DateError, parse_date

    try:
        return parse_date(text, ctx.today, words=True)
    except DateError as e:
        where = _where(ctx, "date")
        if where.startswith("--"):
            raise usage(f"{where}: {e}") from None
        raise DukError(f"{where}: {e}") from None


def _person(ctx: Context, query: str):
    from dukcli import match

    try:
        return match.find(query, match.people(ctx.ds), W.PERSON_WORD)
    except match.MatchError as e:
        raise DukError(f"{_where(ctx, 'person')}: {e.message}") from None


def _unit(ctx: Context, query: str, day: dt.date | None):
    """Among the units that exist on the day; a unit that does not exist then is still found
    by its exact id or name, so that the check can say plainly why it is refused."""
    from dukcli import match

    try:
        return match.find(query, match.units(ctx.ds, on=day), W.UNIT_WORD)
    except match.MatchError as e:
        if day is not None:
            try:
                return match.find(query, match.units(ctx.ds), W.UNIT_WORD)
            except match.MatchError:
                pass
        raise DukError(f"{_where(ctx, 'unit')}: {e.message}") from None


@dataclass
class Prepared:
    person: str
    unit: str
    day: dt.date
    rel: str
    verdict: entry.Verdict


def _resolve(ctx: Context, draft: entry.Draft) -> tuple[str, str, dt.date]:
    """Person and unit ids and the day, from what was typed."""
    _require(draft)
    day = _day(ctx, draft.date)
    ctx.load_month(day)
    return _person(ctx, draft.person).id, _unit(ctx, draft.unit, day).id, day


def _prepare(ctx: Context, draft: entry.Draft) -> Prepared:
    """Resolve names and date, then judge the entry as `check` would; refuse it when invalid."""
    person, unit, day = _resolve(ctx, draft)
    rel, verdict = entries.judge_visit(ctx.root, ctx.ds, person, unit, day, draft.sections, draft.extra, ctx.today)
    if verdict.errors:
        for d in verdict.errors:
            common.echo_err(W.error_line(d.code, d.message))
        raise DukError(W.VISIT_INVALID)
    return Prepared(person, unit, day, rel, verdict)


# --- questions on a terminal --------------------------------------------------------------

def _ask_missing(ctx: Context, draft: entry.Draft, asker: Asker, items: bool) -> entry.Draft:
    """Person, date (judged at once), unit (the person's assignments in force that day, judged
    against that day), then parts and every item of the chosen parts (empty allowed). A visit
    already recorded that day is refused before a word of text is typed."""
    from dukcli.dates import fmt

    person = _person(ctx, draft.person).id if draft.person else _ask_person(ctx, asker).id
    given_unit = _unit(ctx, draft.unit, None) if draft.unit else None
    day = _day(ctx, draft.date) if draft.date else _ask_date(ctx, asker, given_unit)
    unit = given_unit.id if given_unit else _ask_unit(ctx, asker, person, day).id
    _refuse_twin_now(ctx, person, unit, day)
    sections = dict(draft.sections)
    if not sections:
        sections = {part: {} for part in _ask_parts(asker)}
    if items:
        for name, values in sections.items():
            if values == {}:
                sections[name] = _ask_items(asker, name)
    return entry.Draft(person, unit, fmt(day), sections, draft.extra)


def _pick(asker: Asker, question: str, listed: list, candidates: list, what: str):
    from dukcli import match

    while True:
        answer = asker.ask(question)
        if answer.isdigit() and listed:
            n = int(answer)
            if 1 <= n <= len(listed):
                return listed[n - 1]
            asker.say(P.no_such_number(n, len(listed)))
            continue
        try:
            return match.find(answer, candidates, what)
        except match.MatchError as e:
            asker.say(e.message)


def _ask_person(ctx: Context, asker: Asker):
    from dukcli import match
    from dukcli.text import name_key

    people = sorted(match.people(ctx.ds), key=lambda c: name_key(c.name))
    asker.say(P.WHO_WENT)
    for i, c in enumerate(people, 1):
        asker.say(f"  {i}. {c.name} ({c.id})")
    return _pick(asker, P.PICK_PERSON, people, people, W.PERSON_WORD)


def _assigned_units(ctx: Context, person: str, day: dt.date) -> list:
    """The person's units in force on the day, each followed by its chi bộ trực thuộc."""
    from dukcli.match import Candidate

    ds = ctx.ds
    ids: list[str] = []
    for a in ds.assignments:
        if a.person == person and a.in_force(day):
            ids.extend(u for u in a.units if u in ds.units and u not in ids)
    out = []
    for uid in ids:
        out.append(Candidate(uid, ds.units[uid].name))
        out.extend(Candidate(u.id, u.name) for u in ds.units.values()
                   if u.parent == uid and u.type == "chi-bo-truc-thuoc" and u.exists_on(day))
    return out


def _ask_unit(ctx: Context, asker: Asker, person: str, day: dt.date):
    from dukcli import match

    listed = _assigned_units(ctx, person, day)
    if listed:
        asker.say(P.units_assigned_on(day))
        for i, c in enumerate(listed, 1):
            asker.say(f"  {i}. {c.name} ({c.id})")
        question = P.PICK_ASSIGNED_UNIT
    else:
        asker.say(P.no_units_assigned_on(day))
        question = P.PICK_ANY_UNIT
    # Only the units that exist on the day can be picked (a closed one is "not found").
    return _pick(asker, question, listed, match.units(ctx.ds, on=day), W.UNIT_WORD)


def _unit_problem(ctx: Context, unit_id: str, day: dt.date) -> str | None:
    """Why the unit cannot be visited on the day (it did not exist yet, or no longer)."""
    unit = ctx.ds.units.get(unit_id)
    if unit is None or unit.exists_on(day):
        return None
    return P.unit_not_existing_on(unit.name, day)


def _ask_date(ctx: Context, asker: Asker, unit=None) -> dt.date:
    """The day, judged as soon as it is typed: not in the future, and within the unit's life
    when the unit is already known."""
    from dukcli.dates import DateError, fmt, parse_date

    while True:
        answer = asker.ask(P.ASK_DATE, fmt(ctx.today))
        try:
            day = parse_date(answer, ctx.today, words=True)
        except DateError as e:
            asker.say(str(e))
            continue
        if day > ctx.today:
            asker.say(P.date_in_future(day, ctx.today))
            continue
        problem = _unit_problem(ctx, unit.id, day) if unit is not None else None
        if problem is not None:
            asker.say(problem)
            continue
        return day


def _refuse_twin_now(ctx: Context, person: str, unit: str, day: dt.date) -> None:
    from dukcli.rules.validate import VisitIndex

    ctx.load_month(day)
    twins = VisitIndex(ctx.ds).on_day(ctx.ds, person, unit, day)
    if twins:
        raise DukError(W.twin_refused(entry.twin_message(twins[0].file)))


def _ask_parts(asker: Asker) -> tuple[str, ...]:
    choices = {"1": ("work",), "2": ("meeting",), "3": ("work", "meeting")}
    asker.say(P.ASK_PARTS)
    while True:
        answer = asker.ask(P.PICK_PART)
        if answer in choices:
            return choices[answer]
        asker.say(P.TYPE_PART)


RATING_CHOICES = {"1": "tot", "2": "kha", "3": "trung-binh", "4": "kem"}


def _ask_items(asker: Asker, section: str) -> dict:
    from dukcli import model as m
    from dukcli.text import fold

    asker.say(P.items_of(entry.SECTION_NAMES[section]))
    out = {}
    for name in entry.SECTION_FIELDS[section]:
        if name == "rating":
            continue
        answer = asker.ask(entry.LABELS[(section, name)], "")
        if answer:
            out[name] = answer
    if section == "meeting":
        words = {fold(word): code for code, word in m.RATINGS.items()}
        while True:
            answer = fold(asker.ask(P.ASK_RATING, ""))
            code = RATING_CHOICES.get(answer) or words.get(answer) or (answer if answer in m.RATINGS else None)
            if code or not answer:
                break
            asker.say(P.TYPE_RATING)
        if code:
            out["rating"] = code
    return out


def _confirmed(asker: Asker, prepared: Prepared) -> bool:
    asker.say("")
    asker.say(P.will_be_written(prepared.rel))
    asker.say(prepared.verdict.text.rstrip("\n"))
    for d in prepared.verdict.warnings:
        asker.say(W.warning_line(d.code, d.message))
    return asker.yes(P.SAVE_VISIT)


def _from_text(ctx: Context, text: str) -> Prepared:
    """What came back from the editor, judged like everything else."""
    from dukcli import yamltext

    try:
        doc = yamltext.load(text)
    except yamltext.YamlError as e:
        raise DukError(P.at_line(e.line, e.message)) from None
    try:
        draft = entry.from_document(doc)
    except entry.EntryError as e:
        raise DukError(str(e)) from None
    return _prepare(Context(ctx.root, ctx.ds, ctx.diags, ctx.today, P.JUST_TYPED, set()), draft)


def _edit(ctx: Context, draft: entry.Draft, asker: Asker | None) -> Prepared:
    """Open the editor until what comes back is valid, or keep the text in a rescue file."""
    person, unit, day = _resolve(ctx, draft)
    text = entry.editor_text(entry.to_mapping(person, unit, day, draft.sections, draft.extra, blanks=True))
    asker = asker or Asker()
    while True:
        text, ok = run_editor(text)
        if not ok:
            _rescue(ctx, text, P.EDITOR_FAILED)
        if terminal.blank(text):
            raise DukError(P.EMPTY_CONTENT)
        try:
            return _from_text(ctx, text)
        except DukError as e:
            common.echo_err(P.content_invalid(e.message))
        try:
            again = asker.yes(P.EDIT_AGAIN, True)
        except EOFError:
            again = False
        if not again:
            _rescue(ctx, text, P.STILL_INVALID)


def _keep_typed(ctx: Context, draft: entry.Draft, asker, error: DukError):
    """A refusal after a clerk typed the texts on a terminal: the texts go to a draft that the
    message names (as --edit does), never lost; from flags or a file, the refusal as it is."""
    typed = any(values for values in draft.sections.values())
    if asker is None or not typed or error.code != 1:
        raise error
    try:
        person, unit, day = _resolve(ctx, draft)
        mapping = entry.to_mapping(person, unit, day, draft.sections, draft.extra, blanks=True)
    except DukError:
        mapping = {"person": draft.person, "unit": draft.unit, "date": draft.date, **draft.sections}
    _rescue(ctx, entry.editor_text(mapping), error.message)


def _rescue(ctx: Context, text: str, why: str) -> None:
    """Keep what was typed in .duk/ and stop: nothing typed is ever lost."""
    raise DukError(P.typed_kept(why, terminal.keep_typed(ctx.root, "chuyen-di-chua-ghi", text)))


# --- after saving -------------------------------------------------------------------------

def _show_warnings(warnings: list) -> None:
    for d in warnings:
        common.echo_err(W.warning_line(d.code, d.message))


def _mention_other_errors(ctx: Context) -> None:
    errors = sum(1 for d in ctx.diags if d.severity == "error") + ctx.ds.elsewhere
    if errors:
        common.echo_err(W.errors_in_other_files(errors))


def _show_article4(ctx: Context, visit, rel: str) -> None:
    """What the new visit does to Article 4, computed with the visit included."""

    from dukcli import model as m
    from dukcli.store.loader import load
    from dukcli.store.refresh import Window

    # The person's visits of the year (a member's target is yearly) as the index holds them,
    # nothing listed again (the month was verified by this command): a progress line, not a
    # report. The new file itself is indexed by the next command.
    year = visit.date.year
    ds, _ = load(ctx.root, Window.of(dt.date(year, 1, 1), dt.date(year, 12, 31), visit.person, verify=False))
    kept = [v for v in ds.visits if v.file != rel]
    with_visit = m.Dataset.build(ds.config, ds.unit_list, ds.person_list, ds.assignments,
                                 [*kept, visit._replace(file=rel)], ds.submissions)
    for line in entry.article4_lines(with_visit, visit, ctx.today):
        print(line)
