"""Finding a person or unit from what a clerk types: an id, or part of a name without marks."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from dukcli.text import fold
from dukcli.words import records as W


@dataclass(frozen=True)
class Candidate:
    id: str
    name: str


class MatchError(ValueError):
    """No match or several; message is for the user, candidates lists the possibilities."""

    def __init__(self, message: str, candidates: list[Candidate]):
        super().__init__(message)
        self.message = message
        self.candidates = candidates


def find(query: str, candidates: list[Candidate], what: str) -> Candidate:
    """An exact id or exact full name wins; else the only one whose folded name or id contains
    the folded query (all its words, in any order), or failing that the only one that has them
    as whole words. Several: refused with the list; none: the closest names suggested."""
    q = fold(query)
    if not q:
        raise MatchError(W.nothing_typed(what), [])
    for c in candidates:
        if c.id == query.strip() or fold(c.name) == q:
            return c
    words = q.split()
    hits = [c for c in candidates if all(w in fold(c.name) or w in c.id for w in words)]
    if len(hits) == 1:
        return hits[0]
    # "lan" means Nguyễn Thị Lan, not also Hoàng Văn Lang: whole words decide when they can.
    whole = [c for c in hits if set(words) <= set(fold(c.name).split()) | set(c.id.split("-"))]
    if len(whole) == 1:
        return whole[0]
    if hits:
        listing = "; ".join(f"{c.name} ({c.id})" for c in hits[:10])
        raise MatchError(W.several_match(query=query, what=what, listing=listing), hits)
    names = {fold(c.name): c for c in candidates}
    close = difflib.get_close_matches(q, list(names), n=3, cutoff=0.5)
    suggestion = W.did_you_mean([names[n].name for n in close]) if close else ""
    raise MatchError(W.not_found(what=what, query=query, suggestion=suggestion), [names[n] for n in close])


def people(ds) -> list[Candidate]:
    return [Candidate(p.id, p.name) for p in ds.people.values()]


def units(ds, on=None) -> list[Candidate]:
    """Units, or only those that exist on a day."""
    return [Candidate(u.id, u.name) for u in ds.units.values() if on is None or u.exists_on(on)]
