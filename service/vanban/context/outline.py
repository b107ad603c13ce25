"""Official numbering of sections: Phần I → I. → 1. → 1.1. → 1.1.1. → a).

Blocks are appended in reading order; a section is numbered when it is added, so a section
left out (no data) leaves no gap. Each block is a small dict the body templates loop over
(``{"loai": "muc1", "runs": Markup}`` …); the kinds are declared in :mod:`vanban.context.blocks`.

Levels of :meth:`Outline.heading`: 1 = ``I.`` (capitals), 2 = ``1.``, 3 = ``1.1.``,
4 = ``1.1.1.``, 5 = ``a)`` (Vietnamese letters: a, b, c, d, đ, e …). ``a)`` items follow the
nearest heading above them, whatever its level.
"""

from __future__ import annotations

from markupsafe import Markup

from vanban.context import blocks
from vanban.context.inline import runs
from vanban.vi.numbers import chu_cai_muc, so_thu_tu_la_ma

LEVELS = 5
LETTER = 5


class Outline:
    """Collects blocks and numbers headings, nesting up to five levels below Phần."""

    def __init__(self) -> None:
        self.blocks: list[dict] = []
        self._counters = [0] * LEVELS
        self._phan = 0

    # -- headings
    def phan(self, title: str) -> None:
        self._phan += 1
        self._counters = [0] * LEVELS
        self.blocks.append({"loai": "phan", "runs": Markup(
            runs(f"Phần {so_thu_tu_la_ma(self._phan)}") + Markup("<w:r><w:br/></w:r>")
            + runs(title.upper(), marks=False))})

    def next_phan(self) -> str:
        """Start the next Phần without adding its block; returns its number (``I``, ``II``)."""
        self._phan += 1
        self._counters = [0] * LEVELS
        return so_thu_tu_la_ma(self._phan)

    def number(self, level: int) -> str:
        """Advance the counter of ``level`` and return its number (``I.``, ``1.2.``, ``b)``)."""
        if not 1 <= level <= LEVELS:
            raise ValueError(f"heading level must be 1..{LEVELS}, got {level}")
        c = self._counters
        c[level - 1] += 1
        for deeper in range(level, LEVELS):
            c[deeper] = 0
        if level == 1:
            return f"{so_thu_tu_la_ma(c[0])}."
        if level == LETTER:
            return f"{chu_cai_muc(c[4])})"
        return ".".join(str(n) for n in c[1:level]) + "."

    def heading(self, level: int, title: str) -> str:
        """Add a heading at ``level``; returns its number."""
        number = self.number(level)
        text = title.upper() if level == 1 else title
        self.blocks.append({"loai": f"muc{level}", "runs": runs(f"{number} {text}", marks=False),
                            "so": number})
        return number

    # -- text
    def paragraph(self, text: str) -> None:
        self.blocks.append(blocks.doan(text))

    def paragraphs(self, texts: list[str]) -> None:
        for t in texts:
            self.paragraph(t)

    def items(self, texts: list[str]) -> None:
        """Lines as typed: ``- …`` and ``+ …`` become bullets, the rest paragraphs."""
        self.blocks.extend(blocks.auto(t) for t in texts)

    def bullets(self, texts: list[str], plus: bool = False) -> None:
        """Dash bullets (``- …``), or plus bullets (``+ …``) one level down."""
        make = blocks.cong if plus else blocks.gach
        self.blocks.extend(make(t) for t in texts)

    def can_cu(self, texts: list[str]) -> None:
        self.blocks.extend(blocks.can_cu_lines(texts))

    def table(self, xml: Markup) -> None:
        self.blocks.append(blocks.bang(xml))

    def closing(self, text: str) -> None:
        """The closing paragraph, kept on the page of the signature."""
        self.blocks.append(blocks.ket_luan(text))

    def add(self, block: dict) -> None:
        self.blocks.append(block)
