"""Facts about any .docx: page setup, paragraphs and runs with EFFECTIVE formatting, headers,
footers and tables — resolved the way Word does (see :mod:`vanban.check.docx_styles`).

For tests and for the format (thể thức) checker::

    facts = load(data)                      # bytes or a path
    facts.page.margins.left_mm              # 30.0
    p = facts.find("CỘNG HÒA XÃ HỘI")      # first paragraph containing the text
    p.alignment, p.size_pt, p.bold, p.font  # 'center', 13.0, True, 'Times New Roman'
    facts.header("default").has_page_field

Units: lengths in twips (1/20 pt; 1440 per inch), ``*_mm`` helpers in millimetres; font sizes in
points. Paragraphs are the body's, in document order, including those in table cells
(``in_table`` says where) and in block-level content controls. Deleted (tracked) text and field
instructions are not part of ``text``; field instructions are listed in ``fields``.

Defaults when nothing in the document says otherwise are Word's: 10 pt, Times New Roman, left
alignment, no spacing, single line spacing.
"""

from __future__ import annotations

import posixpath
import re
from os import PathLike
from pathlib import Path

from lxml import etree

from vanban.check.docx_model import (
    CellRef,
    DocFacts,
    HeaderFacts,
    Margins,
    PageFacts,
    ParagraphFacts,
    RunFacts,
    ShapeFacts,
    TableFacts,
)
from vanban.check.docx_shapes import shapes as _shapes
from vanban.check.docx_styles import (
    W_NS,
    Props,
    Styles,
    borders,
    cell_margins,
    para_props,
    run_props,
    visible,
    w,
    wval,
)
from vanban.ooxml.safezip import ZipLimits, parse_xml, read_docx_parts

__all__ = [
    "CellRef",
    "DocFacts",
    "HeaderFacts",
    "Margins",
    "PageFacts",
    "ParagraphFacts",
    "RunFacts",
    "ShapeFacts",
    "TableFacts",
    "load",
]

REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
THEME_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
STYLES_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
RT_PREFIX = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

DEFAULT_FONT = "Times New Roman"
DEFAULT_SIZE_HALF_POINTS = 20
_PAGE_FIELD = re.compile(r"\bPAGE\b")
_INLINE_CONTAINERS = {
    w(t) for t in ("hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "dir", "bdo")
}
_BLOCK_CONTAINERS = {w("customXml")}
_NONE_BORDERS = ("", "nil", "none")


# ---------------------------------------------------------------- package reading


def _parse(data: bytes, name: str = "") -> etree._Element:
    return parse_xml(data, part=name)


class _Package:
    """The parts of a package, read once through :mod:`vanban.ooxml.safezip` (limits on
    size, ratio, part count and names; XML without entities, depth-limited)."""

    def __init__(self, data: bytes, limits: ZipLimits | None = None):
        self.parts = read_docx_parts(data, limits)
        self.limits = limits
        self.names = set(self.parts)
        self.rels = self._rels("word/_rels/document.xml.rels")

    def _rels(self, name: str) -> dict[str, tuple[str, str]]:
        if name not in self.names:
            return {}
        out = {}
        for rel in _parse(self.parts[name], name).iter(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target") or ""
            part = (
                target.lstrip("/")
                if target.startswith("/")
                else posixpath.normpath(posixpath.join("word", target))
            )
            out[rel.get("Id") or ""] = (rel.get("Type") or "", part)
        return out

    def xml(self, name: str | None) -> etree._Element | None:
        return _parse(self.parts[name], name) if name and name in self.names else None

    def by_type(self, rel_type: str, fallback: str) -> str:
        return next((p for t, p in self.rels.values() if t == rel_type), fallback)


def load(source: bytes | str | PathLike[str], limits: ZipLimits | None = None) -> DocFacts:
    """Read a .docx (bytes or path) and resolve its effective formatting.

    :raises vanban.errors.InputError: ``upload.*`` when the package is not a safe .docx."""
    data = source if isinstance(source, bytes) else Path(source).read_bytes()
    pkg = _Package(data, limits)
    styles = Styles(
        pkg.xml(pkg.by_type(STYLES_REL, "word/styles.xml")),
        pkg.xml(pkg.by_type(THEME_REL, "word/theme/theme1.xml")),
    )
    document = pkg.xml("word/document.xml")
    if document is None:
        raise ValueError("not a WordprocessingML package: word/document.xml is missing")
    body = document.find(w("body"))
    if body is None:
        raise ValueError("word/document.xml has no w:body")
    walker = _Walker(styles)
    walker.walk(body)
    sections = _sections(body, pkg)
    headers, footers = [], []
    for kind, out in (("header", headers), ("footer", footers)):
        refs: dict[str, list[str]] = {}
        for section in sections:
            for ref_type, part in getattr(section, kind + "s").items():
                refs.setdefault(part, [])
                if ref_type not in refs[part]:
                    refs[part].append(ref_type)
        for part, types in refs.items():
            root = pkg.xml(part)
            if root is None:
                continue
            part_walker = _Walker(styles)
            part_walker.walk(root)
            has_page = any(_PAGE_FIELD.search(f) for p in part_walker.paragraphs for f in p.fields)
            out.append(HeaderFacts(part, kind, types, part_walker.paragraphs, has_page))
    return DocFacts(sections, walker.paragraphs, walker.tables, headers, footers,
                    _notes(pkg, styles))


def _notes(pkg: _Package, styles: Styles) -> list[ParagraphFacts]:
    """Paragraphs of the footnotes and endnotes parts, separators left out."""
    walker = _Walker(styles)
    for kind in ("footnote", "endnote"):
        root = pkg.xml(pkg.by_type(f"{RT_PREFIX}{kind}s", ""))
        if root is None:
            continue
        for note in root.iterfind(w(kind)):
            if note.get(w("type")) in (None, "normal"):
                walker.walk(note)
    return walker.paragraphs


def _sections(body: etree._Element, pkg: _Package) -> list[PageFacts]:
    sect_prs = body.xpath("./w:p/w:pPr/w:sectPr | ./w:sectPr", namespaces={"w": W_NS})
    out: list[PageFacts] = []
    previous: PageFacts | None = None
    for sect in sect_prs:
        refs: dict[str, dict[str, str]] = {"header": {}, "footer": {}}
        for kind in refs:
            if previous is not None:
                refs[kind].update(getattr(previous, kind + "s"))
            for ref in sect.iterfind(w(kind + "Reference")):
                rel = pkg.rels.get(ref.get(f"{{{R_NS}}}id") or "")
                if rel:
                    refs[kind][ref.get(w("type"), "default")] = rel[1]
        size, mar = sect.find(w("pgSz")), sect.find(w("pgMar"))

        def m(name: str, mar: etree._Element | None = mar) -> int:
            return _int(wval(mar, name)) or 0

        title = sect.find(w("titlePg"))
        previous = PageFacts(
            _int(wval(size, "w")),
            _int(wval(size, "h")),
            wval(size, "orient") or "portrait",
            Margins(
                m("top"), m("bottom"), m("left"), m("right"), m("header"), m("footer"), m("gutter")
            ),
            title is not None and wval(title) not in ("0", "false", "off"),
            refs["header"],
            refs["footer"],
        )
        out.append(previous)
    if not out:
        out.append(PageFacts(None, None, "portrait", Margins(0, 0, 0, 0, 0, 0, 0), False, {}, {}))
    return out


def _int(value: str | None) -> int | None:
    try:
        return None if value is None else int(float(value))
    except ValueError:
        return None


# ---------------------------------------------------------------- content walking


class _Walker:
    """Collects paragraph and table facts from block-level content, in document order."""

    def __init__(self, styles: Styles):
        self.styles = styles
        self.paragraphs: list[ParagraphFacts] = []
        self.tables: list[TableFacts] = []

    def walk(
        self, container: etree._Element, cell: CellRef | None = None, table_style: str | None = None
    ) -> None:
        for child in container:
            if child.tag == w("p"):
                self._paragraph(child, cell, table_style)
            elif child.tag == w("tbl"):
                self._table(child)
            elif child.tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.walk(content, cell, table_style)
            elif child.tag in _BLOCK_CONTAINERS:
                self.walk(child, cell, table_style)

    def _table(self, tbl: etree._Element) -> None:
        index = len(self.tables)
        tbl_pr = tbl.find(w("tblPr"))
        style_id = self.styles.effective_id(
            wval(tbl_pr.find(w("tblStyle"))) if tbl_pr is not None else None, "table"
        )
        table_borders = dict(self.styles.resolved(style_id, "tbl_borders"))
        table_borders.update(borders(tbl_pr, "tblBorders"))
        widths = [_int(wval(c, "w")) or 0 for c in tbl.iterfind(f"{w('tblGrid')}/{w('gridCol')}")]
        rows = _children(tbl, "tr")
        margins = dict(self.styles.resolved(style_id, "tbl_cell_mar"))
        margins.update(cell_margins(tbl_pr))
        cell_widths = [[_cell_width(tc, widths) for tc in _children(tr, "tc")] for tr in rows]
        cell_borders = any(
            visible(borders(tc.find(w("tcPr")), "tcBorders"))
            for tr in rows
            for tc in _children(tr, "tc")
        )
        self.tables.append(
            TableFacts(
                index,
                style_id,
                len(rows),
                widths,
                table_borders,
                visible(table_borders) or cell_borders,
                (margins.get("left", 108), margins.get("right", 108)),
                cell_widths,
            )
        )
        for r, tr in enumerate(rows):
            for c, tc in enumerate(_children(tr, "tc")):
                self.walk(tc, CellRef(index, r, c), style_id)

    def _paragraph(self, p: etree._Element, cell: CellRef | None, table_style: str | None):
        styles = self.styles
        ppr = p.find(w("pPr"))
        style_id = styles.effective_id(
            wval(ppr.find(w("pStyle"))) if ppr is not None else None, "paragraph"
        )
        props = styles.paragraph(para_props(ppr), style_id, table_style)
        runs: list[RunFacts] = []
        fields: list[str] = []
        stack: list[list[str]] = []
        for r in _runs(p):
            runs.append(self._run(r, r.find(w("rPr")), style_id, table_style))
            for el in r:
                if el.tag == w("fldChar"):
                    kind = el.get(w("fldCharType"))
                    if kind == "begin":
                        stack.append([])
                    elif kind in ("separate", "end") and stack:
                        fields.append("".join(stack.pop()).strip())
                elif el.tag == w("instrText") and stack:
                    stack[-1].append(el.text or "")
        fields += [f.get(w("instr"), "").strip() for f in p.iter(w("fldSimple"))]
        mark = self._run(
            None, ppr.find(w("rPr")) if ppr is not None else None, style_id, table_style
        )
        self.paragraphs.append(
            ParagraphFacts(
                index=len(self.paragraphs),
                text="".join(r.text for r in runs),
                in_table=cell,
                style_id=style_id,
                alignment=props.get("jc", "left"),
                first_line_indent_twips=props.get("ind.first", 0),
                left_indent_twips=props.get("ind.left", 0),
                right_indent_twips=props.get("ind.right", 0),
                spacing_before_twips=props.get("sp.before", 0),
                spacing_after_twips=props.get("sp.after", 0),
                line_spacing=props.get("sp.line", 240),
                line_rule=props.get("sp.lineRule", "auto"),
                keep_next=props.get("keepNext", False),
                keep_lines=props.get("keepLines", False),
                page_break_before=props.get("pageBreakBefore", False),
                runs=runs,
                mark=mark,
                fields=[f for f in fields if f],
                borders={
                    k[4:]: v
                    for k, v in props.items()
                    if k.startswith("bdr.") and v not in _NONE_BORDERS
                },
                shapes=_shapes(p),
            )
        )

    def _run(
        self,
        r: etree._Element | None,
        rpr: etree._Element | None,
        para_style: str | None,
        table_style: str | None,
    ) -> RunFacts:
        styles = self.styles
        char_style = None
        if rpr is not None:
            char_style = wval(rpr.find(w("rStyle")))
            if styles.by_id.get(char_style or "") is None:
                char_style = None
        props: Props = styles.run(run_props(rpr), char_style, para_style, table_style)
        return RunFacts(
            text=_run_text(r) if r is not None else "",
            style_id=char_style,
            font_ascii=props["font.ascii"] or DEFAULT_FONT,
            font_hansi=props["font.hAnsi"] or DEFAULT_FONT,
            size_pt=props.get("sz", DEFAULT_SIZE_HALF_POINTS) / 2,
            bold=props["b"],
            italic=props["i"],
            underline=props.get("u"),
            caps=props["caps"],
            small_caps=props["smallCaps"],
            strike=props["strike"],
            hidden=props["vanish"],
            color=props.get("color"),
        )


def _children(el: etree._Element, tag: str) -> list[etree._Element]:
    """Direct ``tag`` children, looking through ``w:sdt`` / ``w:customXml`` wrappers."""
    out = []
    for child in el:
        if child.tag == w(tag):
            out.append(child)
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                out += _children(content, tag)
        elif child.tag == w("customXml"):
            out += _children(child, tag)
    return out


def _runs(container: etree._Element) -> list[etree._Element]:
    """The displayed runs of a paragraph, in order (tracked deletions excluded)."""
    out = []
    for child in container:
        if child.tag == w("r"):
            out.append(child)
        elif child.tag in _INLINE_CONTAINERS:
            out += _runs(child)
        elif child.tag == w("sdt"):
            content = child.find(w("sdtContent"))
            if content is not None:
                out += _runs(content)
    return out


def _run_text(r: etree._Element) -> str:
    parts = []
    for el in r:
        if el.tag == w("t"):
            parts.append(el.text or "")
        elif el.tag == w("tab"):
            parts.append("\t")
        elif el.tag in (w("br"), w("cr")):
            parts.append("\n")
        elif el.tag == w("noBreakHyphen"):
            parts.append("\u2011")
    return "".join(parts)


def _cell_width(tc: etree._Element, grid: list[int]) -> int:
    """A cell's width: its ``w:tcW`` in twips, else the grid columns it spans (approximate)."""
    tc_pr = tc.find(w("tcPr"))
    tc_w = tc_pr.find(w("tcW")) if tc_pr is not None else None
    if tc_w is not None and wval(tc_w, "type") in (None, "dxa"):
        value = _int(wval(tc_w, "w"))
        if value:
            return value
    span = _int(wval(tc_pr.find(w("gridSpan")))) if tc_pr is not None else None
    index = sum(1 for _ in tc.itersiblings(preceding=True))
    return sum(grid[index : index + (span or 1)])
