"""Vietnamese text: normalisation, folding for matching, sorting, control characters."""

from __future__ import annotations

import re
import unicodedata

from dukcli.words import records as W

# Control characters XML cannot carry or that have no place in a note: C0 except tab and
# newline, DEL, C1, and lone surrogates (which can arrive through surrogateescape).
BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")

_TONES = W.TONE_MARKS
# Rank of a letter among those sharing its base: a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư.
_SHAPE_RANK = W.SHAPE_RANK
_D_STROKE = W.D_STROKE


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Case-folded, without tone or shape marks, đ as d, spaces collapsed: for matching."""
    decomposed = unicodedata.normalize("NFD", text.casefold().replace(_D_STROKE, "d"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.split())


def bad_char(text: str) -> str | None:
    """The first forbidden control character in text, or None."""
    m = BAD_CHARS.search(text)
    return m.group(0) if m else None


def _letter_keys(word: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    letters: list[int] = []
    tones: list[int] = []
    for ch in unicodedata.normalize("NFC", word.lower()):
        parts = unicodedata.normalize("NFD", ch)
        tone = 0
        shaped = ""
        for p in parts:
            if p in _TONES:
                tone = _TONES[p]
            else:
                shaped += p
        shaped = unicodedata.normalize("NFC", shaped)
        base = "d" if shaped == _D_STROKE else "".join(
            c for c in unicodedata.normalize("NFD", shaped) if not unicodedata.combining(c)
        ) or shaped
        letters.append(ord(base[0]) * 4 + _SHAPE_RANK.get(shaped, 0))
        tones.append(tone)
    return tuple(letters), tuple(tones)


def sort_key(text: str) -> tuple:
    """Vietnamese collation key: letters first, tones (none, huyền, hỏi, ngã, sắc, nặng) second."""
    letters, tones = _letter_keys(text)
    return letters, tones


def name_key(full_name: str) -> tuple:
    """Sort people by given name (last word), then middle names, then family name.

    Each word is compared whole (letters, then tones) before the next one, so Lan comes
    before Lán whatever the middle names are."""
    words = full_name.split()
    ordered = [words[-1], *words[1:-1], words[0]] if len(words) > 1 else words
    return tuple(sort_key(w) for w in ordered)
