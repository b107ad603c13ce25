"""Official numbering of report sections: Phần I → I. → 1. → 1.1. → a).

Blocks are appended in reading order; a section is numbered when it is added, so a section
left out (no data) leaves no gap. Each block is a small dict the body templates loop over:
``{"loai": "muc1", "runs": Markup}`` and so on.
"""

from __future__ import annotations

from markupsafe import Markup

from vanban.context.inline import runs
from vanban.vi.numbers import chu_cai_muc, so_thu_tu_la_ma


class Outline:
    """Collects blocks and numbers headings, nesting up to four levels below Phần."""

    def __init__(self) -> None:
        self.blocks: list[dict] = []
        self._counters = [0, 0, 0, 0]
        self._phan = 0

    # -- headings
    def phan(self, title: str) -> None:
        self._phan += 1
        self._counters = [0, 0, 0, 0]
        self.blocks.append({"loai": "phan", "runs": Markup(
            runs(f"Phần {so_thu_tu_la_ma(self._phan)}") + Markup("<w:r><w:br/></w:r>")
            + runs(title.upper(), marks=False))})

    def heading(self, level: int, title: str) -> str:
        """Add a heading at ``level`` (1 = I., 2 = 1., 3 = 1.1., 4 = a)); returns its number."""
        self._counters[level - 1] += 1
        for deeper in range(level, 4):
            self._counters[deeper] = 0
        c = self._counters
        if level == 1:
            number = f"{so_thu_tu_la_ma(c[0])}."
        elif level == 2:
            number = f"{c[1]}."
        elif level == 3:
            number = f"{c[1]}.{c[2]}."
        else:
            number = f"{chu_cai_muc(c[3])})"
        text = title.upper() if level == 1 else title
        self.blocks.append({"loai": f"muc{level}", "runs": runs(f"{number} {text}", marks=False),
                            "so": number})
        return number

    # -- text
    def paragraph(self, text: str) -> None:
        self.blocks.append({"loai": "doan", "runs": runs(text)})

    def paragraphs(self, texts: list[str]) -> None:
        for t in texts:
            self.paragraph(t)

    def add(self, block: dict) -> None:
        self.blocks.append(block)
