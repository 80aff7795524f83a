"""Proposals and their follow-up (SPEC §7): each non-empty proposal field of a visit is a
proposal, named by the visit's path under visits/ without ".yaml", "#" and the field; a short
key of 6 characters stands for it in listings and commands. Its status is "moi" until a
response exists, then the latest response's."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import NamedTuple

from dukcli import model as m

VISITS = "visits/"
NEW = "moi"
KEY_LENGTH = 6
# A proposal open longer than this is named by agenda and by the compiled reports.
OPEN_DAYS = 30
_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: read aloud and typed back by a clerk


def item_id(visit_file: str, field: str) -> str:
    """visits/2019/05/x.yaml + meeting.proposals → 2019/05/x#meeting.proposals"""
    rel = visit_file[len(VISITS):] if visit_file.startswith(VISITS) else visit_file
    if rel.endswith(".yaml"):
        rel = rel[:-5]
    return f"{rel}#{field}"


def visit_file(item: str) -> str:
    """The visit file an id names: 2019/05/x#… → visits/2019/05/x.yaml"""
    return f"{VISITS}{item.split('#', 1)[0]}.yaml"


# Two digits of the alphabet for each 10 bits, lowest digit first (32 letters: 5 bits a digit).
_PAIRS = [_ALPHABET[n & 31] + _ALPHABET[n >> 5] for n in range(1024)]
assert len(_ALPHABET) == 32 and KEY_LENGTH == 6


def short_key(item: str) -> str:
    """6 characters derived from the id alone: the same on every machine, never stored. The
    digits of the id's hash in base 32, lowest first (a check builds one per proposal: 250,000
    on a large folder, hence the table)."""
    number = int.from_bytes(hashlib.blake2b(item.encode("utf-8"), digest_size=8).digest(), "big")
    return _PAIRS[number & 1023] + _PAIRS[(number >> 10) & 1023] + _PAIRS[(number >> 20) & 1023]


def of_visit(v: m.Visit) -> list[m.Proposal]:
    """The proposals of a visit read with its notes."""
    out = []
    for field in m.PROPOSAL_FIELDS:
        section, name = field.split(".")
        notes = getattr(v, section)
        said = notes.get(name) if notes else None
        if said:
            out.append(m.Proposal(item_id(v.file, field), field, said, v.person, v.unit, v.date, v.file,
                                  v.lines.get(field, v.line)))
    return out


class Followed(NamedTuple):
    """A proposal with the steps recorded for it, oldest first (a named tuple: agenda may build a
    quarter of a million)."""

    proposal: m.Proposal
    steps: tuple[m.Response, ...]
    key: str

    @property
    def status(self) -> str:
        return self.steps[-1].status if self.steps else NEW

    @property
    def last(self) -> m.Response | None:
        return self.steps[-1] if self.steps else None

    def age(self, today: dt.date) -> int:
        """Days since the proposal was raised."""
        return (today - self.proposal.date).days

    def open(self) -> bool:
        """Not yet answered or resolved (a forwarded proposal still waits for its answer)."""
        return self.status in (NEW, "da-chuyen")

    def open_on(self, day: dt.date) -> bool:
        """Open as of that day: no answer or resolution dated on or before it."""
        return not any(s.status in ("da-tra-loi", "da-giai-quyet") and s.date <= day for s in self.steps)


def follow(proposals: list[m.Proposal], responses: list[m.Response]) -> list[Followed]:
    """Each proposal with its steps (by date, then file), in the proposals' order."""
    steps: dict[str, list[m.Response]] = {}
    for r in responses:
        steps.setdefault(r.item, []).append(r)
    out = []
    for p in proposals:
        mine = sorted(steps.get(p.id, ()), key=lambda r: (r.date, r.file))
        out.append(Followed(p, tuple(mine), short_key(p.id)))
    return out


def ordered(proposals: list[m.Proposal]) -> list[m.Proposal]:
    return sorted(proposals, key=lambda p: (p.date, p.file, m.PROPOSAL_FIELDS.index(p.field)))


class NotFound(LookupError):
    """No proposal has this id or key."""


class Ambiguous(LookupError):
    """Several proposals share this short key: the full id is needed."""

    def __init__(self, ids: list[str]):
        super().__init__(ids)
        self.ids = ids


def resolve(token: str, proposals: list[m.Proposal]) -> m.Proposal:
    """The proposal named by its full id or its short key."""
    token = token.strip()
    if "#" in token:
        for p in proposals:
            if p.id == token:
                return p
        raise NotFound(token)
    found = [p for p in proposals if short_key(p.id) == token.lower()]
    if not found:
        raise NotFound(token)
    if len(found) > 1:
        raise Ambiguous([p.id for p in found])
    return found[0]
