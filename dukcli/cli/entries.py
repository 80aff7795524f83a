"""Judging and writing a new record, shared by the commands (`log-visit`, `submit`) and the web
forms (`duk serve`): the same judge, the same refusal, the same atomic write and commit.

Nothing here prints or asks; the callers say what happened in their own way.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dukcli import model as m
from dukcli.rules import entry
from dukcli.words import commands as W


# --- a visit ------------------------------------------------------------------------------

def free_rel(root: Path, folder: str, stem: str) -> str:
    """The name the file will most likely get (the check compares duplicates by file name)."""
    from dukcli.store.write import numbered

    n = 1
    while True:
        rel = f"{folder}/{numbered(stem, n)}"
        if not (root / rel).exists():
            return rel
        n += 1


def judge_visit(root: Path, ds: m.Dataset, person: str, unit: str, day: dt.date, sections: dict,
                extra: dict | None, today: dt.date) -> tuple[str, entry.Verdict]:
    """The file's likely name and the verdict of `check` on the entry (ds holds day's month)."""
    mapping = entry.to_mapping(person, unit, day, sections, extra or {})
    rel = free_rel(root, entry.folder(day), entry.stem(day, person, unit))
    return rel, entry.judge(ds, mapping, rel, today)


def no_new_twin(root: Path, ds: m.Dataset, visit: m.Visit) -> None:
    """Under the write lock: a visit of the same person, unit and day that another duk wrote
    after this one was judged refuses it too (two clerks entering the same visit at once)."""
    from dukcli.rules.quota import same_day_key
    from dukcli.store import loader, record

    from dukcli.store import refresh

    known = {v.file for v in ds.visits}
    key = same_day_key(ds, visit)
    for rel in refresh.names(root, entry.folder(visit.date)):  # names only: the month was stat'ed
        if rel in known:
            continue
        other, _ = loader.read_visit(root, rel)
        if other is not None and same_day_key(ds, other) == key:
            raise record.RecordError(W.twin_refused(entry.twin_message(rel)))


def save_visit(root: Path, ds: m.Dataset, person: str, unit: str, day: dt.date, verdict: entry.Verdict,
               commit: bool = True):
    """Write the judged visit (lock, twin re-check, atomic write, commit of that file only):
    (record.Saved, the commit message). Raises store.record.RecordError."""
    from dukcli.store import record

    message = entry.commit_message(ds.person_name(person), ds.unit_name(unit), day)
    saved = record.add_file(root, entry.folder(day), entry.stem(day, person, unit), verdict.text, message,
                            commit=commit, recheck=lambda: no_new_twin(root, ds, verdict.record))
    return saved, message


# --- a submission -------------------------------------------------------------------------

def submission_refusal(ds: m.Dataset, person: str, quarter, day: dt.date, today: dt.date) -> str | None:
    """Why a submission cannot be recorded (what check would call an error, or one already
    received for the quarter), or None."""
    from dukcli.rules import deadline
    from dukcli.rules.validate import check_submission
    from dukcli.store import submissions

    sub = m.Submission(person, quarter.code, day, submissions.rel_path(person, quarter.code), 0)
    problems = [d for d in check_submission(ds, sub, today) if d.severity == "error"]
    if problems:
        return "; ".join(d.message for d in problems)
    first = deadline.received(ds, person, quarter)
    if first is not None:
        return submissions.duplicate_message(first)
    return None


def save_submission(root: Path, ds: m.Dataset, person: str, quarter, day: dt.date, commit: bool = True):
    """Write submissions/QUARTER/PERSON.yaml (never over one) and commit it: (record.Saved,
    the commit message). Raises store.record.RecordError."""
    from dukcli.store import submissions
    from dukcli.store.record import add_exact

    rel = submissions.rel_path(person, quarter.code)
    message = W.submission_commit(ds.person_name(person), quarter.label, day)
    saved = add_exact(root, rel, submissions.entry_text(person, quarter.code, day), message, commit=commit,
                      exists=lambda: W.already_received(quarter.label, person, rel))
    return saved, message


# --- a step of a proposal's follow-up -----------------------------------------------------------

def proposal_named(root: Path, token: str) -> m.Proposal:
    """The proposal a full id (read from its one visit file) or a short key (looked up in the
    index, every year) names. Raises rules.proposals.NotFound / Ambiguous, and NotFound for a
    full id that is not one (`not_an_item`: the caller says so)."""
    from dukcli import schema
    from dukcli.rules import proposals as P
    from dukcli.store import loader
    from dukcli.store import proposals as kept

    token = token.strip()
    if "#" in token:
        if not schema.ITEM_RE.match(token):
            raise NotAnItem(token)
        visit, _ = loader.read_visit(root, P.visit_file(token))
        found = P.of_visit(visit) if visit is not None else []
    else:
        found = kept.with_key(root, token)
    return P.resolve(token, found)


class NotAnItem(ValueError):
    """A token with '#' that is not a proposal's full id."""


def find_proposal(root: Path, token: str) -> m.Proposal:
    """proposal_named, its refusals as `duk respond` words them (DukError)."""
    from dukcli.cli.common import DukError
    from dukcli.rules import proposals as P
    from dukcli.words import proposals as PW

    try:
        return proposal_named(root, token)
    except NotAnItem:
        raise DukError(PW.not_an_item(token.strip())) from None
    except P.NotFound:
        raise DukError(PW.unknown_key(token.strip())) from None
    except P.Ambiguous as e:
        raise DukError(PW.ambiguous_key(token.strip(), e.ids)) from None


def step_place(proposal: m.Proposal, day: dt.date) -> tuple[str, str]:
    """(folder, stem) of a step's file: responses/YYYY/DATE-KEY(.yaml, -2.yaml… when taken)."""
    from dukcli.rules.proposals import short_key

    return f"responses/{day.year:04d}", f"{day.isoformat()}-{short_key(proposal.id)}"


def judge_step(ds: m.Dataset, proposal: m.Proposal, day: dt.date, status: str, text: str, by: str | None,
               today: dt.date):
    """The verdict of `check` on the step (ds holds day's month): rules/entry.Verdict. The
    texts are stripped; an empty `by` is left out."""
    from dukcli.rules import follow

    folder, stem = step_place(proposal, day)
    by = by.strip() if by and by.strip() else None
    return follow.judge_step(ds, proposal, follow.step_mapping(proposal, day, status, text.strip(), by),
                             f"{folder}/{stem}.yaml", today)


def save_step(root: Path, proposal: m.Proposal, day: dt.date, status: str, verdict, commit: bool = True):
    """Write the judged step under responses/YYYY/ (never over a file) and commit that file
    only: (record.Saved, the commit message). Raises store.record.RecordError."""
    from dukcli.rules.proposals import short_key
    from dukcli.store.record import add_file
    from dukcli.words import proposals as PW
    from dukcli.words import voice

    folder, stem = step_place(proposal, day)
    message = PW.step_commit(short_key(proposal.id), voice.STATUSES[status], day)
    return add_file(root, folder, stem, verdict.text, message, commit=commit), message
