"""Style resolution for :mod:`vanban.check.docx_facts`: WordprocessingML properties, the way Word
combines them.

Properties are read from ``w:pPr`` / ``w:rPr`` elements into flat dicts, one key per independent
property: ``w:spacing`` and ``w:ind`` attributes are separate keys (a style's ``w:after`` survives
a direct ``w:line``); the ``ascii`` and ``hAnsi`` font slots are separate keys, and a name at a
higher level beats a theme font at a lower one.

Order of application (ECMA-376 17.7.2), lowest first: document defaults → table style (for
content in tables) → paragraph style chain → character style chain → direct formatting.
Within one ``basedOn`` chain the most derived value wins. Toggle properties (``b``, ``i``,
``caps``, ``smallCaps``, ``strike``, ``vanish``; 17.7.3): direct formatting is absolute;
otherwise a ``true`` in the document defaults wins; otherwise the values of the table,
paragraph and character style levels are XORed.

Not modelled: conditional table formatting (``w:tblStylePr``: first row, banding…), numbering
properties, ``*Chars`` indents / ``*Lines`` spacing, the compatibility option
``overrideTableStyleFontSizeAndJustification`` (the spec order is used: paragraph style beats
table style).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"

TOGGLES = ("b", "i", "caps", "smallCaps", "strike", "vanish")
_ON_OFF_PARA = ("keepNext", "keepLines", "pageBreakBefore", "widowControl")
_FALSE = {"0", "false", "off"}
_JC = {"start": "left", "end": "right"}
_BORDER_SIDES = (
    "top",
    "left",
    "start",
    "bottom",
    "right",
    "end",
    "insideH",
    "insideV",
    "between",
)

Props = dict[str, Any]


def w(tag: str) -> str:
    """Clark name of a WordprocessingML element or attribute."""
    return f"{{{W_NS}}}{tag}"


def wval(el: etree._Element | None, attr: str = "val") -> str | None:
    return None if el is None else el.get(w(attr))


def on_off(el: etree._Element) -> bool:
    """Value of an ``ST_OnOff`` element (absent ``w:val`` means on)."""
    val = el.get(w("val"))
    return val is None or val.lower() not in _FALSE


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def run_props(rpr: etree._Element | None) -> Props:
    """The properties one ``w:rPr`` sets (``rStyle`` excluded)."""
    out: Props = {}
    if rpr is None:
        return out
    fonts = rpr.find(w("rFonts"))
    if fonts is not None:
        for slot in ("ascii", "hAnsi"):
            theme, name = fonts.get(w(slot + "Theme")), fonts.get(w(slot))
            if theme:
                out["font." + slot] = ("theme", theme)
            elif name:
                out["font." + slot] = ("name", name)
    size = _int(wval(rpr.find(w("sz"))))
    if size is not None:
        out["sz"] = size
    for tag in TOGGLES:
        el = rpr.find(w(tag))
        if el is not None:
            out[tag] = on_off(el)
    underline = rpr.find(w("u"))
    if underline is not None:
        val = underline.get(w("val"), "single")
        out["u"] = None if val == "none" else val
    color = rpr.find(w("color"))
    if color is not None:
        theme = color.get(w("themeColor"))
        out["color"] = f"theme:{theme}" if theme else (color.get(w("val")) or "auto")
    return out


def para_props(ppr: etree._Element | None) -> Props:
    """The properties one ``w:pPr`` sets (``pStyle``, ``rPr``, ``sectPr`` excluded)."""
    out: Props = {}
    if ppr is None:
        return out
    jc = wval(ppr.find(w("jc")))
    if jc:
        out["jc"] = _JC.get(jc, jc)
    ind = ppr.find(w("ind"))
    if ind is not None:
        for key, names in (("left", ("left", "start")), ("right", ("right", "end"))):
            for name in names:
                value = _int(ind.get(w(name)))
                if value is not None:
                    out["ind." + key] = value
                    break
        hanging, first = _int(ind.get(w("hanging"))), _int(ind.get(w("firstLine")))
        if hanging is not None:
            out["ind.first"] = -hanging
        elif first is not None:
            out["ind.first"] = first
    spacing = ppr.find(w("spacing"))
    if spacing is not None:
        for name in ("before", "after", "line"):
            value = _int(spacing.get(w(name)))
            if value is not None:
                out["sp." + name] = value
        rule = spacing.get(w("lineRule"))
        if rule:
            out["sp.lineRule"] = rule
    for tag in _ON_OFF_PARA:
        el = ppr.find(w(tag))
        if el is not None:
            out[tag] = on_off(el)
    for side, val in borders(ppr, "pBdr").items():
        out["bdr." + side] = val
    return out


def borders(parent: etree._Element | None, tag: str) -> dict[str, str]:
    """Side → ``w:val`` of a ``w:tblBorders`` / ``w:tcBorders`` child of ``parent``."""
    box = parent.find(w(tag)) if parent is not None else None
    if box is None:
        return {}
    return {
        side: wval(box.find(w(side))) or ""
        for side in _BORDER_SIDES
        if box.find(w(side)) is not None
    }


def cell_margins(tbl_pr: etree._Element | None) -> dict[str, int]:
    """``left`` / ``right`` → twips of a ``w:tblPr``'s ``w:tblCellMar`` (``start``/``end`` too)."""
    box = tbl_pr.find(w("tblCellMar")) if tbl_pr is not None else None
    out: dict[str, int] = {}
    if box is None:
        return out
    for key, names in (("left", ("left", "start")), ("right", ("right", "end"))):
        for name in names:
            el = box.find(w(name))
            value = _int(wval(el, "w")) if el is not None else None
            if value is not None and wval(el, "type") in (None, "dxa"):
                out[key] = value
                break
    return out


def visible(border_vals: dict[str, str]) -> bool:
    return any(v not in ("", "nil", "none") for v in border_vals.values())


@dataclass
class Style:
    """One ``w:style``: its own (not inherited) properties."""

    style_id: str
    kind: str
    based_on: str | None
    ppr: Props = field(default_factory=dict)
    rpr: Props = field(default_factory=dict)
    tbl_borders: dict[str, str] = field(default_factory=dict)
    tbl_cell_mar: dict[str, int] = field(default_factory=dict)


class Styles:
    """``styles.xml`` + the theme's fonts, with per-style resolved (basedOn-merged) properties."""

    def __init__(self, root: etree._Element | None, theme: etree._Element | None = None):
        self.by_id: dict[str, Style] = {}
        self.defaults: dict[str, str] = {}
        self.doc_rpr: Props = {}
        self.doc_ppr: Props = {}
        self.theme_fonts = theme_fonts(theme)
        self._cache: dict[tuple[str, str], Any] = {}
        self._runs: dict[tuple, Props] = {}
        if root is None:
            return
        defaults = root.find(w("docDefaults"))
        if defaults is not None:
            self.doc_rpr = run_props(defaults.find(f"{w('rPrDefault')}/{w('rPr')}"))
            self.doc_ppr = para_props(defaults.find(f"{w('pPrDefault')}/{w('pPr')}"))
        for el in root.iterfind(w("style")):
            sid, kind = el.get(w("styleId")), el.get(w("type"), "paragraph")
            if not sid:
                continue
            self.by_id[sid] = Style(
                sid,
                kind,
                wval(el.find(w("basedOn"))),
                para_props(el.find(w("pPr"))),
                run_props(el.find(w("rPr"))),
                borders(el.find(w("tblPr")), "tblBorders"),
                cell_margins(el.find(w("tblPr"))),
            )
            if on_off_attr(el.get(w("default"))) and kind not in self.defaults:
                self.defaults[kind] = sid

    def effective_id(self, style_id: str | None, kind: str) -> str | None:
        """``style_id`` if it names a style of that kind, else the kind's default style."""
        style = self.by_id.get(style_id or "")
        if style is not None and style.kind == kind:
            return style_id
        return self.defaults.get(kind)

    def chain(self, style_id: str | None) -> list[Style]:
        """The style and its ``basedOn`` ancestors, most derived first (cycles cut)."""
        out: list[Style] = []
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            out.append(style)
            style_id = style.based_on
        return out

    def resolved(self, style_id: str | None, what: str) -> Any:
        """Merged ``ppr`` / ``rpr`` / ``tbl_borders`` / ``tbl_cell_mar`` of a style over its
        chain (cached)."""
        if not style_id:
            return {}
        key = (style_id, what)
        if key not in self._cache:
            merged: dict[str, Any] = {}
            for style in reversed(self.chain(style_id)):
                merged.update(getattr(style, what))
            self._cache[key] = merged
        return self._cache[key]

    def paragraph(self, direct: Props, para_style: str | None, table_style: str | None) -> Props:
        """Effective paragraph properties."""
        out = dict(self.doc_ppr)
        out.update(self.resolved(table_style, "ppr"))
        out.update(self.resolved(para_style, "ppr"))
        out.update(direct)
        return out

    def run(
        self,
        direct: Props,
        char_style: str | None,
        para_style: str | None,
        table_style: str | None,
    ) -> Props:
        """Effective run properties, toggles per ECMA-376 17.7.3 (memoised: a document repeats
        the same few combinations, and resolving them was most of the reading time; callers
        must not change the dict they get)."""
        try:
            key = (frozenset(direct.items()), char_style, para_style, table_style)
        except TypeError:  # an unhashable value: compute, do not cache
            return self._run(direct, char_style, para_style, table_style)
        found = self._runs.get(key)
        if found is None:
            found = self._runs[key] = self._run(direct, char_style, para_style, table_style)
        return found

    def _run(
        self,
        direct: Props,
        char_style: str | None,
        para_style: str | None,
        table_style: str | None,
    ) -> Props:
        levels = [self.resolved(s, "rpr") for s in (table_style, para_style, char_style)]
        out = {k: v for k, v in self.doc_rpr.items() if k not in TOGGLES}
        for level in levels:
            out.update((k, v) for k, v in level.items() if k not in TOGGLES)
        out.update((k, v) for k, v in direct.items() if k not in TOGGLES)
        for tag in TOGGLES:
            if tag in direct:
                out[tag] = direct[tag]
            elif self.doc_rpr.get(tag):
                out[tag] = True
            else:
                value = False
                for level in levels:
                    value ^= bool(level.get(tag, False))
                out[tag] = value
        for slot in ("ascii", "hAnsi"):
            out["font." + slot] = self.font_name(out.get("font." + slot))
        return out

    def font_name(self, spec: tuple[str, str] | None) -> str | None:
        """A font slot value as a typeface name (theme fonts looked up in the theme)."""
        if spec is None:
            return None
        kind, value = spec
        if kind == "name":
            return value
        return self.theme_fonts.get(value)


def on_off_attr(value: str | None) -> bool:
    return value is not None and value.lower() not in _FALSE


def theme_fonts(theme: etree._Element | None) -> dict[str, str]:
    """``ST_Theme`` value (``minorHAnsi``, ``majorBidi``…) → typeface, from ``a:fontScheme``."""
    out: dict[str, str] = {}
    if theme is None:
        return out
    scheme = theme.find(f".//{{{A_NS}}}fontScheme")
    if scheme is None:
        return out
    for group in ("major", "minor"):
        fonts = scheme.find(f"{{{A_NS}}}{group}Font")
        if fonts is None:
            continue
        for script, names in (
            ("latin", ("Ascii", "HAnsi")),
            ("ea", ("EastAsia",)),
            ("cs", ("Bidi",)),
        ):
            typeface = wval_a(fonts.find(f"{{{A_NS}}}{script}"))
            for name in names:
                if typeface:
                    out[group + name] = typeface
    return out


def wval_a(el: etree._Element | None) -> str | None:
    return None if el is None else el.get("typeface")
