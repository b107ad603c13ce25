"""Shapes drawn in a paragraph (DrawingML ``w:drawing`` or legacy VML ``w:pict``), for
:mod:`vanban.check.docx_facts`: clerks often draw the short rules of the header as line shapes
instead of paragraph borders. Only sizes and dash style are read, not positions.
"""

from __future__ import annotations

import re

from lxml import etree

from vanban.check.docx_model import ShapeFacts
from vanban.check.docx_styles import w

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
V_NS = "urn:schemas-microsoft-com:vml"
O_CONNECTOR = "{urn:schemas-microsoft-com:office:office}connectortype"
EMU_PER_TWIP = 635
_LINE_GEOMETRIES = {"line", "straightConnector1"}
_VML_UNITS = {
    "pt": 20.0,
    "in": 1440.0,
    "cm": 1440 / 2.54,
    "mm": 1440 / 25.4,
    "px": 15.0,
    "pc": 240.0,
    "": 20.0,
}
_VML_LENGTH = re.compile(r"^\s*(-?[\d.]+)\s*([a-z]*)\s*$")


def _in_fallback(el: etree._Element, stop: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not stop:
        if parent.tag == MC_FALLBACK:
            return True
        parent = parent.getparent()
    return False


def shapes(p: etree._Element) -> list[ShapeFacts]:
    """Lines and shapes drawn in a paragraph (DrawingML, else VML), fallbacks skipped."""
    out: list[ShapeFacts] = []
    for drawing in p.iter(w("drawing")):
        if _in_fallback(drawing, p):
            continue
        extent = next(drawing.iter(f"{{{WP_NS}}}extent"), None)
        if extent is None:
            continue
        width = (_to_int(extent.get("cx")) or 0) // EMU_PER_TWIP
        height = (_to_int(extent.get("cy")) or 0) // EMU_PER_TWIP
        geom = next(drawing.iter(f"{{{A_NS}}}prstGeom"), None)
        prst = geom.get("prst") if geom is not None else None
        dash = next(drawing.iter(f"{{{A_NS}}}prstDash"), None)
        dashed = dash is not None and dash.get("val") not in (None, "solid")
        out.append(
            ShapeFacts(_shape_kind(prst in _LINE_GEOMETRIES, width, height), width, height, dashed)
        )
    for el in p.iter(f"{{{V_NS}}}line", f"{{{V_NS}}}shape", f"{{{V_NS}}}rect"):
        if _in_fallback(el, p):
            continue
        stroke = el.find(f"{{{V_NS}}}stroke")
        dashed = stroke is not None and (stroke.get("dashstyle") or "solid") != "solid"
        if el.tag == f"{{{V_NS}}}line":
            x1, y1 = _vml_point(el.get("from"))
            x2, y2 = _vml_point(el.get("to"))
            out.append(ShapeFacts("line", abs(x2 - x1), abs(y2 - y1), dashed))
            continue
        style = dict(
            part.split(":", 1) for part in (el.get("style") or "").split(";") if ":" in part
        )
        width = _vml_length(style.get("width", "0"))
        height = _vml_length(style.get("height", "0"))
        connector = "_x0000_t32" in (el.get("type") or "") or el.get(O_CONNECTOR)
        out.append(ShapeFacts(_shape_kind(bool(connector), width, height), width, height, dashed))
    return out


def _shape_kind(is_line: bool, width: int, height: int) -> str:
    flat = height <= 60 and width > 3 * max(height, 1)
    return "line" if is_line or flat else "shape"


def _vml_length(text: str) -> int:
    m = _VML_LENGTH.match(text or "")
    if not m:
        return 0
    try:
        return int(float(m.group(1)) * _VML_UNITS.get(m.group(2), 20.0))
    except ValueError:
        return 0


def _vml_point(text: str | None) -> tuple[int, int]:
    parts = (text or "0,0").split(",")
    x = _vml_length(parts[0]) if parts else 0
    y = _vml_length(parts[1]) if len(parts) > 1 else 0
    return x, y


def _to_int(value: str | None) -> int | None:
    try:
        return None if value is None else int(float(value))
    except ValueError:
        return None
