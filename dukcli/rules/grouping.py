"""Proposals that say the same thing, gathered across units (SPEC §7 `--group`, issue 14 item 3).

How two texts are compared
--------------------------
1. `fold`: NFC, lower case, tone and shape marks removed (đ as d), punctuation and symbols
   turned into spaces, spaces collapsed: "Đề nghị hướng dẫn thu, nộp đảng phí." and
   "de nghi huong dan thu nop dang phi" fold to the same text.
2. `key`: the folded text without the words every proposal carries and that say nothing of
   what is asked: the request verb ("de nghi", "kien nghi", "de xuat"…), the addressee
   ("dang uy khoi", "cap tren", "chi bo") and fillers ("som", "cu the", "viec", "cho"…)
   (`FILLERS`). Left in, they make every two short proposals look alike.
3. The score is rapidfuzz's `fuzz.token_sort_ratio` of the two keys (0–100): the words sorted,
   then an edit-distance ratio of the characters, so a reordered or slightly reworded request
   still scores high while a different object ("ket nap dang vien" / "chuyen sinh hoat dang")
   costs its whole length.

THRESHOLD = 84, chosen on the labelled pairs of tests/test_grouping.py (real-looking proposals
of grassroots Party cells). token_sort_ratio on the keys separated them best of the scorers
tried (ratio, token_sort_ratio, token_set_ratio, WRatio, QRatio, partial_token_sort_ratio, with
and without the fillers removed): the same request worded differently scores 84.7-96.6 (100
when only case, marks or punctuation differ), different requests sharing most words score
47.6-82.9 (the closest: "chuyen sinh hoat dang tam thoi" / "... chinh thuc"). token_set_ratio
and WRatio score a request that shares its words with a longer one up to 91-95 and were
refused: a group that wrongly merges two requests misleads the reader of a report, while two
lines that could have been one only cost a line. The margin is narrow on both sides (about one
point): a fuzzy score on short texts cannot do better, and the tests pin every labelled pair.
Known limits, pinned in the tests: two requests differing by one object in a long shared
phrase ("danh gia xep loai ... dang vien" / "... to chuc co so dang", 86) are grouped; a
request narrowed or widened by a few words ("... cho dang vien lon tuoi", 82; "to chuc tap
huan su dung ..." / "huong dan su dung ...", 79) is not grouped with the plain one.

How items are grouped
---------------------
Leader clustering, in input order: the first item leads a group; each later item joins the
first group whose leader it matches (score >= THRESHOLD), or leads a new one. Single linkage
(joining any member) was refused because it chains: A~B and B~C put A with C however different
they are, and among thousands of proposals that all begin "huong dan ..." chains would grow
into one meaningless group. With a leader every member is within THRESHOLD of one text, so a
group stays about one thing. The result depends on the order of the input (which comes sorted
from the records), never on anything else: the same input gives the same groups.

Speed: identical keys are gathered first (no comparison); each leader is then compared with
the later leaderless keys by `rapidfuzz.process.extract` with `score_cutoff` (C loop, only the
matches come back to Python). token_sort_ratio is `fuzz.ratio` of the keys with their words
sorted, so the words are sorted once per key rather than once per comparison.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import TypeVar

from rapidfuzz import fuzz, process

from dukcli import text as vitext

T = TypeVar("T")

THRESHOLD: int = 84

# Folded words that carry no content in a proposal (see the module's docstring). Whole words
# only; the longer phrases first so that "cap uy cap tren" goes before "cap tren".
FILLERS: tuple[str, ...] = (
    "de nghi", "kien nghi", "de xuat", "mong muon", "dang uy khoi", "cap tren", "chi bo",
    "quan tam", "ban hanh", "kip thoi", "cu the", "som", "viec", "cho", "cua",
)
_FILLER_RE = re.compile(r"\b(?:" + "|".join(re.escape(f) for f in
                                             sorted(FILLERS, key=len, reverse=True)) + r")\b")


def fold(text: str) -> str:
    """NFC, lower case, without diacritics (đ as d), punctuation removed, spaces collapsed."""
    folded = vitext.fold(unicodedata.normalize("NFC", text))
    bare = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in folded)
    return " ".join(bare.split())


def key(text: str) -> str:
    """The folded text without the filler words: what is compared."""
    return " ".join(_FILLER_RE.sub(" ", fold(text)).split())


def _sorted_words(k: str) -> str:
    return " ".join(sorted(k.split()))


def score(a: str, b: str) -> float:
    """rapidfuzz token_sort_ratio of the two keys, 0–100."""
    return fuzz.token_sort_ratio(key(a), key(b))


def same(a: str, b: str) -> bool:
    """Do the two proposals say the same thing? (identical keys, or score >= THRESHOLD)"""
    ka, kb = key(a), key(b)
    return ka == kb or fuzz.token_sort_ratio(ka, kb, score_cutoff=THRESHOLD) >= THRESHOLD


def _default_text(item) -> str:
    return item.text


def group(items: Sequence[T], text: Callable[[T], str] = _default_text) -> list[list[T]]:
    """Items gathered by leader clustering (module docstring): each group in input order,
    the groups by size descending, then by first appearance."""
    members: dict[str, list[int]] = {}  # key -> indices of items, in input order
    for i, item in enumerate(items):
        members.setdefault(key(text(item)), []).append(i)
    keys = list(members)  # first-appearance order
    sortable = [_sorted_words(k) for k in keys]
    leader_of = [-1] * len(keys)
    for lead in range(len(keys)):
        if leader_of[lead] != -1:
            continue
        leader_of[lead] = lead
        if not sortable[lead]:
            continue  # an empty key matches only the other empty ones: gathered already
        later = sortable[lead + 1:]
        found = process.extract(sortable[lead], later, scorer=fuzz.ratio, score_cutoff=THRESHOLD,
                                limit=None)
        for _choice, _score, offset in found:
            j = lead + 1 + offset
            if leader_of[j] == -1:
                leader_of[j] = lead
    gathered: dict[int, list[int]] = {}
    for k_index, lead in enumerate(leader_of):
        gathered.setdefault(lead, []).extend(members[keys[k_index]])
    groups = [sorted(indices) for indices in gathered.values()]
    groups.sort(key=lambda g: (-len(g), g[0]))
    return [[items[i] for i in g] for g in groups]


def wording(group: Sequence[T], text: Callable[[T], str] = _default_text) -> str:
    """The group's most common wording: the original text written most often (compared in
    NFC, so a keyboard's NFD counts with its NFC twin); a tie goes to the earliest."""
    counts: dict[str, int] = {}
    first: dict[str, str] = {}
    for item in group:
        original = text(item)
        form = unicodedata.normalize("NFC", original)
        counts[form] = counts.get(form, 0) + 1
        first.setdefault(form, original)
    if not counts:
        raise ValueError("an empty group has no wording")
    best = max(counts, key=counts.__getitem__)  # max keeps the first of equal counts
    return first[best]
