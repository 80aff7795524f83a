"""Proposals looked up in the folder's index beyond the dates a command loads (SPEC §7): the
proposal a short key names, whatever its year (`duk respond`), and the proposals of earlier
years with the responses filed for them (`agenda`: a proposal raised last year may still be
open). Call these after a load (store/loader), which brings the index up to date."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

from dukcli import model as m
from dukcli import schema
from dukcli.rules.proposals import _ALPHABET, KEY_LENGTH, item_id, short_key
from dukcli.store import index as index_mod
from dukcli.store import loader


def with_key(root: Path, key: str) -> list[m.Proposal]:
    """Every proposal kept in the index whose short key is key (none, one, or a rare few).

    Keys are not stored: each proposal's is worked out from its id. To keep this quick on a
    folder of a million visits, SQLite says which fields each visit has (no text comes back),
    and an id is first tested on the low 30 bits of its hash, which are the key (rules/proposals
    .short_key takes 6 base-32 digits of the number, least significant first); the few that
    pass are read whole and compared with short_key itself."""
    wanted = key.strip().lower()
    target = key_number(wanted)
    if target is None:
        return []

    def work(index) -> list[m.Proposal]:
        quoted = tuple(json.dumps(f) for f in m.PROPOSAL_FIELDS)
        sql = ("SELECT rel, " + ", ".join("instr(props, ?)" for _ in quoted) +
               " FROM visit WHERE props IS NOT NULL")
        hits = set()
        fields = [f.encode("utf-8") for f in m.PROPOSAL_FIELDS]
        try:
            for rel, *present in index.db.execute(sql, quoted):
                base = item_id(rel, "").encode("utf-8")
                for field, there in zip(fields, present):
                    if there and _low(base + field) == target:
                        hits.add(rel)
        except sqlite3.Error as e:
            raise index_mod.Broken(str(e)) from None
        if not hits:
            return []
        found = loader.proposals(index.proposals_between(None, None, rels=sorted(hits)))
        return [p for p in found if short_key(p.id) == wanted]

    return loader._session(root, work)


_BITS = 5 * KEY_LENGTH  # 32 = 2^5 letters: each character of a key is 5 bits of the hash


def key_number(key: str) -> int | None:
    """The number a short key spells (its first character the least significant), None when it
    cannot be a key."""
    if len(key) != KEY_LENGTH or any(c not in _ALPHABET for c in key):
        return None
    return sum(_ALPHABET.index(c) << (5 * i) for i, c in enumerate(key))


def low_bits(item: str) -> int:
    """The low bits of an id's hash that its short key spells (short_key's own number)."""
    return _low(item.encode("utf-8"))


def _low(item: bytes, _hash=hashlib.blake2b, _number=int.from_bytes, _mask=(1 << _BITS) - 1) -> int:
    return _number(_hash(item, digest_size=8).digest()[-4:], "big") & _mask


def raised(root: Path, start: dt.date, end: dt.date) -> list[m.Proposal]:
    """The proposals kept in the index raised start..end, oldest first."""
    def work(index) -> list[m.Proposal]:
        return loader.proposals(index.proposals_between(start.isoformat(), end.isoformat()))

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


def raised_between(root: Path, ds: m.Dataset, start: dt.date, end: dt.date) -> m.Dataset:
    """ds (loaded for some years, with the responses from the first of them on) with, as its
    proposals, those kept in the index raised start..end, and the responses of the years from
    start's up to the first loaded: what agenda needs to tell which of them are still open."""
    import dataclasses

    found = raised(root, start, end)
    loaded = ds.span[0].year if ds.span else start.year
    older = responses_of_years(root, start.year, loaded - 1)
    return dataclasses.replace(ds, proposals=found, responses=[*older, *ds.responses])
