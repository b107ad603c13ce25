"""Pieces of paragraphs and the horizontal rules under them, for locating official elements in
any .docx — ours (two-column header table, rules as bordered empty paragraphs) or one typed by
hand (tab-separated header lines, underlined text, line shapes, a row of underscores).

A :class:`Span` is one line segment of a paragraph: the paragraph is split at line breaks and
tabs, so ``UBND TỈNH X<tab>CỘNG HÒA …`` gives two spans, ``left`` and ``right``. Formatting
of a span is read from the runs it overlaps, so a bold Quốc hiệu next to a plain agency name in
one paragraph is judged correctly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.check.docx_model import DocFacts, ParagraphFacts, RunFacts
from vanban.check.text import width_pt

TWIPS_PER_PT = 20
SOLID_BORDERS = {"single", "thick"}
SOLID_UNDERLINES = {"single", "thick", "words"}
_RULE_TEXT = re.compile(r"^[_─━—–\-‐]{3,}$")
_DASHED_TEXT = set("-–—‐")


@dataclass(frozen=True, eq=False)
class Span:
    """Characters ``start:end`` of a paragraph's text, on one side of the page."""

    p: ParagraphFacts
    start: int
    end: int
    side: str = "full"  # left | right | middle | full
    #: Tabs before the span on its line (tab-aligned headers typed without a table).
    tabs: int = 0

    @property
    def index(self) -> int:
        return self.p.index

    @property
    def text(self) -> str:
        return self.p.text[self.start : self.end]

    def runs(self) -> list[RunFacts]:
        """The runs with visible characters inside the span (the paragraph mark if none)."""
        out, pos = [], 0
        for run in self.p.runs:
            end = pos + len(run.text)
            lo, hi = max(pos, self.start), min(end, self.end)
            if lo < hi and run.text[lo - pos : hi - pos].strip() and not run.hidden:
                out.append(run)
            pos = end
        return out or [self.p.mark]

    @property
    def display(self) -> str:
        """The text as printed (``caps`` runs in capitals)."""
        out, pos = [], 0
        for run in self.p.runs:
            end = pos + len(run.text)
            lo, hi = max(pos, self.start), min(end, self.end)
            if lo < hi:
                piece = run.text[lo - pos : hi - pos]
                out.append(piece.upper() if run.caps else piece)
            pos = end
        return "".join(out).strip()

    @property
    def sizes(self) -> list[float]:
        return sorted({r.size_pt for r in self.runs()})

    @property
    def size(self) -> float | None:
        sizes = self.sizes
        return sizes[0] if len(sizes) == 1 else None

    @property
    def bold(self) -> bool:
        return all(r.bold for r in self.runs())

    @property
    def any_bold(self) -> bool:
        return any(r.bold for r in self.runs())

    @property
    def italic(self) -> bool:
        return all(r.italic for r in self.runs())

    @property
    def any_italic(self) -> bool:
        return any(r.italic for r in self.runs())

    @property
    def underlined(self) -> bool:
        return all(r.underline for r in self.runs())

    def width_pt(self) -> float:
        size = self.size or (self.sizes[-1] if self.sizes else 13.0)
        return width_pt(self.display, size, bold=self.bold)


@dataclass(frozen=True)
class RuleMark:
    """A horizontal line under an element: how it is drawn, how long, whether solid."""

    kind: str  # border | shape | underline | text | star
    width_twips: float
    dashed: bool
    p: ParagraphFacts

    @property
    def width_pt(self) -> float:
        return self.width_twips / TWIPS_PER_PT


def segments(facts: DocFacts, p: ParagraphFacts) -> list[Span]:
    """The non-blank line segments of a paragraph, with the side of the page each stands on."""
    out: list[Span] = []
    table_side = _table_side(facts, p)
    pos = 0
    for line in p.text.split("\n"):
        pieces = []
        offset = pos
        for piece in line.split("\t"):
            stripped = piece.strip()
            if stripped:
                start = offset + piece.index(stripped[0])
                pieces.append((start, start + len(stripped)))
            offset += len(piece) + 1
        leading_tab = line.startswith("\t") or (line[:1].isspace() and "\t" in line[:4])
        for k, (start, end) in enumerate(pieces):
            if table_side:
                side = table_side
            elif len(pieces) > 1:
                side = "left" if k == 0 else "right"
            elif leading_tab or p.alignment == "right":
                side = "right"
            else:
                side = "full"
            out.append(Span(p, start, end, side, p.text[pos:start].count("\t")))
        pos += len(line) + 1
    return out


def _table_side(facts: DocFacts, p: ParagraphFacts) -> str | None:
    if p.in_table is None:
        return None
    table = facts.tables[p.in_table.table]
    cells = len(table.cell_widths_twips[p.in_table.row]) if table.cell_widths_twips else table.cols
    if cells < 2:
        return None
    if p.in_table.cell == 0:
        return "left"
    return "right" if p.in_table.cell >= cells - 1 else "middle"


def whole(facts: DocFacts, p: ParagraphFacts) -> Span:
    """The paragraph as one span (text stripped)."""
    text = p.text
    stripped = text.strip()
    start = text.index(stripped[0]) if stripped else 0
    return Span(p, start, start + len(stripped), _table_side(facts, p) or "full")


def avail_twips(facts: DocFacts, p: ParagraphFacts) -> float:
    """Width between the paragraph's indents (in its table cell, or between page margins)."""
    page = facts.page
    text_width = (page.width_twips or 11906) - page.margins.left_twips - page.margins.right_twips
    width: float = text_width
    if p.in_table is not None:
        table = facts.tables[p.in_table.table]
        cell = table.cell_width(p.in_table.row, p.in_table.cell)
        width = (cell or text_width) - sum(table.cell_margins_twips)
    return max(0.0, width - max(0, p.left_indent_twips) - max(0, p.right_indent_twips))


def is_rule_text(text: str) -> bool:
    return bool(_RULE_TEXT.match(text.strip()))


def following(facts: DocFacts, p: ParagraphFacts, limit: int) -> list[ParagraphFacts]:
    """Up to ``limit`` paragraphs after ``p`` in the same container (table cell or body)."""
    out = []
    for q in facts.paragraphs[p.index + 1 :]:
        if len(out) >= limit or q.in_table != p.in_table:
            break
        out.append(q)
    return out


def rule_under(facts: DocFacts, span: Span) -> RuleMark | None:
    """The line drawn under ``span``, if any: underlined text, a bottom border, a line shape,
    or, in the next paragraphs of the same column, a top border, a line shape or a row of
    underscores."""
    p = span.p
    runs = span.runs()
    if all(r.underline for r in runs):
        dashed = any(r.underline not in SOLID_UNDERLINES for r in runs)
        return RuleMark("underline", span.width_pt() * TWIPS_PER_PT, dashed, p)
    if "bottom" in p.borders and span.end >= len(p.text.rstrip()):
        return _border(facts, p, "bottom")
    shape = _line_shape(p)
    if shape is not None:
        return shape
    for q in following(facts, p, 3):
        if "top" in q.borders:
            return _border(facts, q, "top")
        shape = _line_shape(q)
        if shape is not None:
            return shape
        for seg in segments(facts, q):
            same_column = (
                seg.tabs == span.tabs if "\t" in q.text else seg.side in (span.side, "full")
            )
            if is_rule_text(seg.text) and same_column:
                size = seg.size or 13.0
                dashed = bool(set(seg.text) & _DASHED_TEXT)
                return RuleMark("text", width_pt(seg.text, size) * TWIPS_PER_PT, dashed, q)
        if q.text.strip():
            break
        if "bottom" in q.borders:
            return _border(facts, q, "bottom")
    return None


def _border(facts: DocFacts, p: ParagraphFacts, side: str) -> RuleMark:
    return RuleMark("border", avail_twips(facts, p), p.borders[side] not in SOLID_BORDERS, p)


def _line_shape(p: ParagraphFacts) -> RuleMark | None:
    lines = [s for s in p.shapes if s.kind == "line" and s.width_twips > 0]
    if not lines:
        return None
    shape = max(lines, key=lambda s: s.width_twips)
    return RuleMark("shape", shape.width_twips, shape.dashed, p)
