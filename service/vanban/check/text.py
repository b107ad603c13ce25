"""Text helpers of the format checker: comparison keys, Vietnamese case and alphabet, Roman
numerals, and text widths in Times New Roman (:mod:`vanban.the_thuc.metrics`)."""

from __future__ import annotations

import unicodedata

from vanban.the_thuc.metrics import text_width_pt
from vanban.vi.numbers import so_thu_tu_la_ma
from vanban.vi.tones import new_style_tones

#: Paragraph alignment → Vietnamese.
ALIGN_VI = {
    "left": "căn trái",
    "right": "căn phải",
    "center": "canh giữa",
    "both": "căn đều hai lề",
    "distribute": "căn đều",
    "start": "căn trái",
    "end": "căn phải",
}

#: Vietnamese alphabet order of the ``a)``, ``b)`` … points (no f, j, w, z).
VI_LETTERS = "abcdđeghiklmnopqrstuvxy"

_DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "\u00a0": " "})
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Comparison key: NFC, lower case, one space, plain hyphens, new-style tone marks."""
    return new_style_tones(" ".join(nfc(text).translate(_DASHES).casefold().split()))


def letters(text: str) -> str:
    return "".join(ch for ch in text if ch.isalpha())


def is_upper(text: str) -> bool:
    """All letters are capitals (and there is at least one)."""
    chars = letters(text)
    return bool(chars) and chars == chars.upper()


def is_all_caps_words(text: str) -> bool:
    """Looks typed in capitals: at least 4 letters, all of them capitals."""
    chars = letters(text)
    return len(chars) >= 4 and chars == chars.upper()


def roman_value(text: str) -> int | None:
    """``XIV`` → 14; None if not a well-formed Roman numeral."""
    text = text.upper()
    if not text or any(ch not in _ROMAN for ch in text):
        return None
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(text) and _ROMAN[text[i + 1]] > value else value
    return total if 0 < total < 4000 and to_roman(total) == text else None


def to_roman(number: int) -> str:
    """``14`` → ``XIV`` (the numbering module's own converter)."""
    return so_thu_tu_la_ma(number)


def width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    return text_width_pt(text, size_pt, bold=bold, italic=italic)


def wrapped_widths(
    text: str, size_pt: float, avail_pt: float, *, bold: bool = False
) -> list[float]:
    """Widths of the lines ``text`` breaks into in a column ``avail_pt`` wide (greedy, at
    spaces, like Word; a word longer than the column stands alone)."""
    lines: list[float] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if current and width_pt(trial, size_pt, bold=bold) > avail_pt:
            lines.append(width_pt(current, size_pt, bold=bold))
            current = word
        else:
            current = trial
    if current:
        lines.append(width_pt(current, size_pt, bold=bold))
    return lines


def fmt_num(value: float, digits: int = 2) -> str:
    """``1.27`` → ``1,27``; ``14.0`` → ``14`` (Vietnamese decimal comma)."""
    text = f"{value:.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")
