"""Text widths in Times New Roman, for sizing the short rules of the header.

The decree wants a line under the issuing agency 1/3–1/2 as long as its name, one under the
Tiêu ngữ as long as the text and one under the abstract. Word draws none of these from the
text itself, so the layout computes them from the font's advance widths
(``font_metrics.json``, built by ``tools/build_font_metrics.py`` from Liberation Serif, which
has Times New Roman's metrics).
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

_AVERAGE = {"Regular": 0.45, "Bold": 0.5, "Italic": 0.45, "BoldItalic": 0.5}


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, float]]:
    text = (Path(__file__).parent / "font_metrics.json").read_text("utf-8")
    return json.loads(text)


def _style(bold: bool, italic: bool) -> str:
    return {(False, False): "Regular", (True, False): "Bold",
            (False, True): "Italic", (True, True): "BoldItalic"}[(bold, italic)]


def text_width_pt(text: str, size_pt: float, *, bold: bool = False, italic: bool = False) -> float:
    """Width in points of ``text`` set in Times New Roman at ``size_pt``."""
    style = _style(bold, italic)
    widths = _table()[style]
    total = 0.0
    for ch in unicodedata.normalize("NFC", text):
        w = widths.get(ch)
        if w is None:
            base = unicodedata.normalize("NFD", ch)[:1]
            w = widths.get(base, _AVERAGE[style])
        total += w
    return total * size_pt
