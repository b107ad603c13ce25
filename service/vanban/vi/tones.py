"""Tone-mark placement, the one normaliser: old style ("hoà", "uỷ") → new style ("hòa", "ủy").

Only open syllables move their mark: ``oà``/``oá``… (``oa``, ``oe``) and ``uỳ``… (``uy``) at the
end of a syllable. Inside a longer syllable the mark already sits where both styles put it
("hoạch", "hoàn", "khuyến"), so "KẾ HOẠCH" keeps its letters. Used for comparison keys (the
vocabulary's matching, the layout checker's text comparisons), never to rewrite user text.
"""

from __future__ import annotations

import re
import unicodedata

_TONE_PAIR = re.compile(r"([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?!\w)")
_PAIRS = {"o": "aeAE", "u": "yY"}


def _move(m: re.Match[str]) -> str:
    first, second = m.group(1), m.group(2)
    decomposed = unicodedata.normalize("NFD", second)
    base, marks = decomposed[0], decomposed[1:]
    if base not in _PAIRS[first.lower()]:
        return m.group(0)
    return unicodedata.normalize("NFC", first + marks) + base


def new_style_tones(text: str) -> str:
    """``hoà`` → ``hòa``, ``uỷ`` → ``ủy``, ``KHOẺ`` → ``KHỎE``; ``hoạch`` unchanged (NFC in)."""
    return _TONE_PAIR.sub(_move, unicodedata.normalize("NFC", text))
