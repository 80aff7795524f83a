"""Proposals looked up in the folder's index beyond the dates a command loads (SPEC §7): the
proposal a short key names, whatever its year (`duk respond`), and the proposals of earlier
years with the responses filed for them (`agenda`: a proposal raised last year may still be
open). Call these after a load (store/loader), which brings the index up to date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dukcli import model as m
from dukcli import schema
from dukcli.rules.proposals import short_key
from dukcli.store import loader


def with_key(root: Path, key: str) -> list[m.Proposal]:
    """Every proposal kept in the index whose short key is key (none, one, or a rare few)."""
    wanted = key.strip().lower()

    def work(index) -> list[m.Proposal]:
        return [p for p in loader.proposals(index.proposals_between(None, None)) if short_key(p.id) == wanted]

    return loader._session(root, work)


def until(root: Path, day: dt.date) -> list[m.Proposal]:
    """The proposals kept in the index raised on or before day, oldest first."""
    def work(index) -> list[m.Proposal]:
        return loader.proposals(index.proposals_between("0001-01-01", day.isoformat()))

    return loader._session(root, work)


def responses_of_years(root: Path, first: int, last: int) -> list[m.Response]:
    """The readable responses filed under responses/<first..last>/ (a file with errors is left
    out: `check` names it)."""
    if first > last:
        return []
    out = []
    for rel, key in loader.data_files(loader.tree_files(root, loader.RESPONSES_DIR)):
        year = loader._plain_year(rel)
        if year is None or not first <= int(year) <= last:
            continue
        found, _ = loader.read_file(root, rel, schema.parse_response, key[0])
        if found is not None:
            out.append(found)
    return out


def raised_until(root: Path, ds: m.Dataset, day: dt.date) -> m.Dataset:
    """ds (loaded for day's year, with the responses from that year on) with, as its proposals,
    every proposal kept in the index raised on or before day, and the responses of the earlier
    years from the first of them on: what agenda needs to tell which are still open."""
    import dataclasses

    raised = until(root, day)
    first = raised[0].date.year if raised else day.year
    loaded = ds.span[0].year if ds.span else first
    older = responses_of_years(root, first, loaded - 1)
    return dataclasses.replace(ds, proposals=raised, responses=[*older, *ds.responses])
