"""A received quarterly report as its own file, submissions/YYYYQn/<person>.yaml (SPEC §2):
two offices that each record one never conflict when their histories are merged."""

from __future__ import annotations

from dukcli.words import folder as W

SUBMISSIONS_DIR = "submissions"


def rel_path(person: str, code: str) -> str:
    return f"{SUBMISSIONS_DIR}/{code}/{person}.yaml"


def entry_text(person: str, code: str, day) -> str:
    return f"person: {person}\nperiod: {code}\ndate: {day.isoformat()}\n"


def duplicate_message(first) -> str:
    from dukcli.dates import fmt
    from dukcli.periods import parse_period

    label = parse_period(first.period).label
    return W.duplicate_submission(label, first.person, fmt(first.date), first.file, first.line)
