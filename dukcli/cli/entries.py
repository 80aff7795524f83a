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

    folder = entry.folder(visit.date)
    known = {v.file for v in ds.visits}
    key = same_day_key(ds, visit)
    for rel, stat in loader.data_files(loader.tree_files(root, folder)):
        if rel in known:
            continue
        other, _ = loader.read_visit(root, rel, stat[0])
        if other is not None and same_day_key(ds, other) == key:
            raise record.RecordError(W.twin_refused(entry.twin_message(rel)))


def save_visit(root: Path, ds: m.Dataset, person: str, unit: str, day: dt.date, verdict: entry.Verdict,
               commit: bool = True):
    """Write the judged visit (lock, twin re-check, atomic write, commit of that file only):
    (record.Saved, the commit message). Raises store.record.RecordError."""
    from dukcli.store import record

    message = entry.commit_message(ds.person_name(person), ds.unit_name(unit), day)
    saved = record.add_file(root, entry.folder(day), entry.stem(day, person, unit), verdict.text, message,
                            commit=commit, recheck=lambda: no_new_twin(root, ds, verdict.visit))
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
