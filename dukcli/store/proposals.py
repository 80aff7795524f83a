"""Proposals looked up in the folder's index beyond the dates a command loads (SPEC §7): the
proposal a short key names, whatever its year (`duk respond`), and the proposals of earlier
years with the responses filed for them (`agenda`: a proposal raised last year may still be
open). Call these after a load (store/loader), which brings the index up to date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dukcli import model as m
from dukcli.rules.proposals import _ALPHABET, KEY_LENGTH, short_key
from dukcli.store import loader


def with_key(root: Path, key: str) -> list[m.Proposal]:
    """Every proposal kept in the index whose short key is key (none, one, or a rare few): the
    index keeps each proposal's key in its visit's row (an indexed column per field), so this
    reads a few rows whatever the folder's size."""
    wanted = key.strip().lower()
    if key_number(wanted) is None:
        return []

    def work(index) -> list[m.Proposal]:
        rels = index.rels_with_key(wanted)
        if not rels:
            return []
        found = loader.proposals(index.proposals_between(None, None, rels=sorted(rels)))
        return [p for p in found if short_key(p.id) == wanted]

    return loader._session(root, work)


def key_number(key: str) -> int | None:
    """The number a short key spells (its first character the least significant), None when it
    cannot be a key."""
    if len(key) != KEY_LENGTH or any(c not in _ALPHABET for c in key):
        return None
    return sum(_ALPHABET.index(c) << (5 * i) for i, c in enumerate(key))


def raised(root: Path, start: dt.date, end: dt.date) -> list[m.Proposal]:
    """The proposals kept in the index raised start..end, oldest first."""
    def work(index) -> list[m.Proposal]:
        return loader.proposals(index.proposals_between(start.isoformat(), end.isoformat()))

    return loader._session(root, work)


def earlier_key(root: Path, start: dt.date, before: dt.date) -> str:
    """A fingerprint of what raised_between takes from before the loaded window (start..before:
    the index's rows of those dates and the responses of those years), made without reading a
    row: the digest of each month folder of those dates, the visits of those dates filed
    elsewhere, and the stat keys of those years' response files. "" when one of them is too
    recent to be trusted, or before < start (nothing earlier is read)."""
    from dukcli.store import refresh

    if before < start:
        return ""
    earlier = refresh.Window.of(start, before)
    first, last = min(earlier.months), max(earlier.months)

    def work(index) -> str:
        keys: list[str] = []
        loader._year_files(root, index, loader.RESPONSES_DIR, loader.schema.parse_response,
                           lambda rel: loader._plain_year(rel) or "0", (start.year, before.year), [], keys, [])
        digests = index.area_digests(first, last)
        keys += [f"{area}\t{digests.get(area, '')}" for area in sorted(earlier.months)]
        keys += [f"{rel}\t{key}" for rel, key in index.outside_keys(start.isoformat(), before.isoformat(), first, last)]
        return loader._digest(keys, earlier)

    return loader._session(root, work)


def raised_between(root: Path, ds: m.Dataset, start: dt.date, end: dt.date) -> m.Dataset:
    """ds (loaded for some years, with the responses from the first of them on) with, as its
    proposals, those kept in the index raised start..end, and the responses of the years from
    start's up to the first loaded: what agenda needs to tell which of them are still open."""
    import dataclasses

    found = raised(root, start, end)
    loaded = ds.span[0].year if ds.span else start.year
    older = loader.responses_of_years(root, start.year, loaded - 1)
    return dataclasses.replace(ds, proposals=found, responses=[*older, *ds.responses])
