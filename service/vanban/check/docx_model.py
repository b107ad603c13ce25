"""Result types of :func:`vanban.check.docx_facts.load`: frozen facts about a .docx.

Lengths are twips (1/20 pt, 1440 per inch) unless the name ends in ``_mm``; sizes are points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

TWIPS_PER_MM = 1440 / 25.4


def mm(twips: int | None) -> float | None:
    """Twips → millimetres, rounded to 0.01 mm."""
    return None if twips is None else round(twips / TWIPS_PER_MM, 2)


class CellRef(NamedTuple):
    """Where a paragraph sits in a table: table index (document order), row, cell in row."""

    table: int
    row: int
    cell: int


@dataclass(frozen=True)
class RunFacts:
    """One run (``w:r``) with its effective character formatting."""

    text: str
    style_id: str | None
    font_ascii: str | None
    font_hansi: str | None
    size_pt: float
    bold: bool
    italic: bool
    underline: str | None
    caps: bool
    small_caps: bool
    strike: bool
    hidden: bool
    #: ``w:color`` value (hex such as ``000000``, ``auto``, or ``theme:<name>``); None if unset.
    color: str | None = None

    @property
    def font(self) -> str | None:
        """The typeface if the ASCII and high-ANSI slots agree (Vietnamese uses both)."""
        return self.font_ascii if self.font_ascii == self.font_hansi else None


@dataclass(frozen=True)
class ShapeFacts:
    """A drawn shape anchored in a paragraph (DrawingML or VML), e.g. a line under a heading.

    ``kind`` is ``line`` for lines and connectors (and flat shapes used as lines), else
    ``shape``; sizes in twips; ``dashed`` when the outline is not solid.
    """

    kind: str
    width_twips: int
    height_twips: int
    dashed: bool = False


@dataclass(frozen=True)
class ParagraphFacts:
    """One paragraph with its effective paragraph formatting and its runs."""

    index: int
    text: str
    in_table: CellRef | None
    style_id: str | None
    alignment: str
    first_line_indent_twips: int
    left_indent_twips: int
    right_indent_twips: int
    spacing_before_twips: int
    spacing_after_twips: int
    line_spacing: int
    line_rule: str
    keep_next: bool
    keep_lines: bool
    page_break_before: bool
    runs: list[RunFacts]
    mark: RunFacts
    fields: list[str] = field(default_factory=list)
    #: Visible paragraph borders (style + direct): side → ``w:val`` (``single``, ``dashed``…).
    borders: dict[str, str] = field(default_factory=dict)
    #: Shapes (lines, boxes) anchored in the paragraph.
    shapes: list[ShapeFacts] = field(default_factory=list)

    def _visible_runs(self) -> list[RunFacts]:
        runs = [r for r in self.runs if r.text.strip()]
        return runs or [self.mark]

    def _shared(self, attr: str) -> Any:
        values = {getattr(r, attr) for r in self._visible_runs()}
        return values.pop() if len(values) == 1 else None

    @property
    def size_pt(self) -> float | None:
        """Size shared by all non-blank runs (the paragraph mark's if there is none), else None."""
        return self._shared("size_pt")

    @property
    def font(self) -> str | None:
        """Typeface shared by all non-blank runs (see :attr:`RunFacts.font`), else None."""
        return self._shared("font")

    @property
    def bold(self) -> bool:
        """True only if every non-blank run is bold."""
        return all(r.bold for r in self._visible_runs())

    @property
    def italic(self) -> bool:
        """True only if every non-blank run is italic."""
        return all(r.italic for r in self._visible_runs())

    @property
    def line_spacing_multiple(self) -> float | None:
        """Line spacing as a multiple of single (rule ``auto``), else None."""
        return self.line_spacing / 240 if self.line_rule == "auto" else None

    @property
    def line_spacing_pt(self) -> float | None:
        """Line spacing in points (rules ``exact`` / ``atLeast``), else None."""
        return None if self.line_rule == "auto" else self.line_spacing / 20


@dataclass(frozen=True)
class Margins:
    """Page margins and header/footer distances, in twips (``*_mm``: millimetres)."""

    top_twips: int
    bottom_twips: int
    left_twips: int
    right_twips: int
    header_twips: int
    footer_twips: int
    gutter_twips: int

    @property
    def top_mm(self) -> float:
        return round(self.top_twips / TWIPS_PER_MM, 2)

    @property
    def bottom_mm(self) -> float:
        return round(self.bottom_twips / TWIPS_PER_MM, 2)

    @property
    def left_mm(self) -> float:
        return round(self.left_twips / TWIPS_PER_MM, 2)

    @property
    def right_mm(self) -> float:
        return round(self.right_twips / TWIPS_PER_MM, 2)

    @property
    def header_mm(self) -> float:
        return round(self.header_twips / TWIPS_PER_MM, 2)

    @property
    def footer_mm(self) -> float:
        return round(self.footer_twips / TWIPS_PER_MM, 2)


@dataclass(frozen=True)
class PageFacts:
    """One section's page setup; header/footer references map type → part name."""

    width_twips: int | None
    height_twips: int | None
    orientation: str
    margins: Margins
    title_pg: bool
    headers: dict[str, str]
    footers: dict[str, str]

    @property
    def width_mm(self) -> float | None:
        return mm(self.width_twips)

    @property
    def height_mm(self) -> float | None:
        return mm(self.height_twips)


@dataclass(frozen=True)
class HeaderFacts:
    """A header or footer part; ``types`` lists how sections reference it."""

    part: str
    kind: str
    types: list[str]
    paragraphs: list[ParagraphFacts]
    has_page_field: bool

    @property
    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs)


@dataclass(frozen=True)
class TableFacts:
    """A table: effective style, grid column widths, table-level borders (style + direct)."""

    index: int
    style_id: str | None
    rows: int
    column_widths_twips: list[int]
    borders: dict[str, str]
    has_borders: bool
    #: Default cell margins (left, right) in twips: table style + direct ``w:tblCellMar``.
    cell_margins_twips: tuple[int, int] = (108, 108)
    #: Width of each cell, per row (``w:tcW`` in twips, else its grid columns).
    cell_widths_twips: list[list[int]] = field(default_factory=list)

    def cell_width(self, row: int, cell: int) -> int | None:
        """Width in twips of one cell, None if unknown."""
        try:
            return self.cell_widths_twips[row][cell]
        except IndexError:
            return None

    @property
    def cols(self) -> int:
        return len(self.column_widths_twips)


@dataclass(frozen=True)
class DocFacts:
    """Everything :func:`load` found; ``page`` is the first section."""

    sections: list[PageFacts]
    paragraphs: list[ParagraphFacts]
    tables: list[TableFacts]
    headers: list[HeaderFacts]
    footers: list[HeaderFacts]
    #: paragraphs of the footnotes and endnotes (separators left out), in the parts' order
    notes: list[ParagraphFacts] = field(default_factory=list)

    @property
    def page(self) -> PageFacts:
        """The first section's page setup."""
        return self.sections[0]

    def find(self, needle: str) -> ParagraphFacts | None:
        """The first body paragraph whose text contains ``needle``."""
        return next((p for p in self.paragraphs if needle in p.text), None)

    def header(self, kind: str = "default", section: int = 0) -> HeaderFacts | None:
        return self._part(self.headers, self.sections[section].headers.get(kind))

    def footer(self, kind: str = "default", section: int = 0) -> HeaderFacts | None:
        return self._part(self.footers, self.sections[section].footers.get(kind))

    @staticmethod
    def _part(parts: list[HeaderFacts], name: str | None) -> HeaderFacts | None:
        return next((h for h in parts if h.part == name), None)
