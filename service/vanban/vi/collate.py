"""Vietnamese alphabetical order (for lists of units, names …).

The alphabet is a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y: letters with a
breve, circumflex or horn and đ are *letters* of their own, placed after their base letter —
code-point order gets this wrong (đ U+0111 sorts after z; Ư after every plain letter). Tones
(ngang, huyền, hỏi, ngã, sắc, nặng — the dictionary order) only decide between words whose
letters are equal ("tones after letters"), and case only after that.

:func:`khoa` is a sort key: ``sorted(names, key=khoa)``. PyICU would do this too but needs a
system library; the explicit table here is small and tested (``tests/vi/test_vi_collate.py``).
"""

from __future__ import annotations

import unicodedata

__all__ = ["khoa", "sap_xep"]

#: Letters in order; the foreign letters f j w z sit where the Latin alphabet has them.
_ALPHABET = ("a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l",
             "m", "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y",
             "z")
_LETTER = {ch: i for i, ch in enumerate(_ALPHABET)}
#: Tone marks in dictionary order; no mark (ngang) is 0.
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def _split(ch: str) -> tuple[str, int]:
    """A precomposed character → (letter without tone, tone rank)."""
    decomposed = unicodedata.normalize("NFD", ch)
    tone = 0
    kept = []
    for c in decomposed:
        if c in _TONES:
            tone = _TONES[c]
        else:
            kept.append(c)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def khoa(text: str) -> tuple:
    """Sort key: letters first (Vietnamese alphabet), then tones, then case."""
    primary: list[tuple[int, int]] = []
    tones: list[int] = []
    case: list[int] = []
    for ch in unicodedata.normalize("NFC", text):
        letter, tone = _split(ch)
        low = letter.lower()
        if low in _LETTER:
            primary.append((2, _LETTER[low]))
        elif low.isdigit():
            primary.append((1, int(low) if low.isascii() else ord(low)))
        elif low.isspace():
            primary.append((0, 0))
        else:
            primary.append((0, 1 + ord(low)))  # punctuation and other scripts: before letters
        tones.append(tone)
        case.append(0 if letter == low else 1)
    return (tuple(primary), tuple(tones), tuple(case), text)


def sap_xep(items: list[str]) -> list[str]:
    """``items`` in Vietnamese alphabetical order."""
    return sorted(items, key=khoa)
