"""Where a render error happened, in the designer's coordinates: part, paragraph, table cell.

Jinja only knows line numbers of the XML it compiled, which mean nothing to a designer. Before a
render, :func:`number` writes on every paragraph (and every table row and cell, with the number
of its first paragraph) of an uploaded template's parts an attribute ``vbp="body:12"`` — the
paragraph numbering of the lint (docxtpl-lint's reader: all ``w:p`` of a part in document
order, 1-based). :func:`to_markers`, run on the XML just before docxtpl's own cleaning, turns
each attribute into a Jinja comment holding a newline, ``{#-⏎¶body:12-#}``, placed before the
element. The comment renders as nothing (its ``-`` also trims the spaces around it, which keep
docxtpl's tag-joining expressions away from it), and since it starts a new line, the line
number of any error — a syntax error at compile time, or the template frame of a runtime error
— leads back to the last marker before it (:func:`marker_at`), even for a ``{%p for … %}``
paragraph that docxtpl has replaced by its bare tag. Paragraphs of the family shell are
numbered ``~`` (the shell, not the designer's template).
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
from docxtpl_lint.reader import Paragraph
from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ATTR = "vbp"
SHELL = "~"
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml$")
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_ATTRIBUTED = re.compile(r'<w:(p|tr|tc)((?:\s[^>]*?)?)\s' + ATTR + r'="([^"]*)"')
_LEFTOVER = re.compile(r'\s' + ATTR + r'="[^"]*"')
_MARKER = re.compile(r"¶([^\s#]+)-#}")


def part_label(name: str) -> str | None:
    """docxtpl-lint's label of a part: ``body``, ``header1``, ``footer2``, ``footnotes``."""
    m = _PARTS.search(name)
    if not m:
        return None
    return "body" if m.group(1) == "document" else m.group(1)


def part_name(label: str) -> str:
    return "word/document.xml" if label == "body" else f"word/{label}.xml"


def number_xml(xml: bytes, label: str) -> bytes:
    root = etree.fromstring(xml, _PARSER)
    for i, p in enumerate(root.iter(f"{W}p"), 1):
        p.set(ATTR, f"{label}:{i}" if label != SHELL else SHELL)
    for el in root.iter(f"{W}tr", f"{W}tc"):
        first = next(el.iter(f"{W}p"), None)
        if first is not None:
            el.set(ATTR, first.get(ATTR))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def number(parts: dict[str, bytes], only: tuple[str, ...] | None = None) -> dict[str, bytes]:
    """The parts with every paragraph numbered (``only``: these labels, e.g. ``("body",)``)."""
    out = dict(parts)
    for name, data in parts.items():
        label = part_label(name)
        if label and (only is None or label in only):
            out[name] = number_xml(data, label)
    return out


def to_markers(xml: str) -> str:
    """The numbering attributes as newline-bearing Jinja comments before their elements."""
    return _ATTRIBUTED.sub(lambda m: f" {{#-\n¶{m.group(3)}-#}} <w:{m.group(1)}{m.group(2)}",
                           xml)


def strip_numbers(xml: bytes) -> bytes:
    """Any numbering attribute left in a part that was not rendered."""
    return _LEFTOVER.sub("", xml.decode("utf-8")).encode("utf-8") if ATTR.encode() in xml \
        else xml


def marker_at(source: str, lineno: int | None) -> tuple[str, int] | None:
    """(part label, paragraph) of line ``lineno`` (1-based) of a marked source; None when the
    line is before any marker, in the family shell, or unknown."""
    if not lineno:
        return None
    lines = source.split("\n")
    for line in reversed(lines[:lineno]):
        m = _MARKER.match(line)
        if m:
            label = m.group(1)
            if label == SHELL or ":" not in label:
                return None
            part, _, index = label.rpartition(":")
            return part, int(index)
    return None


def template_line(exc: BaseException | None) -> int | None:
    """The line of the compiled template where a runtime error happened (Jinja rewrites the
    traceback so that template frames carry template line numbers); for a syntax error, its
    own ``lineno``."""
    if exc is None:
        return None
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return exc.lineno
    tb = exc.__traceback__
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line or getattr(exc, "lineno", None)


def locate_at(part: str, para: Paragraph | None, index: int) -> tuple[str, dict[str, Any]]:
    if para is None:
        return (f"{part} ¶{index}" if index else part), {"part": part, "paragraph": index}
    cells = " ".join(f"T{c.table} R{c.row} C{c.col}" for c in para.cells)
    path = f"{part} ¶{index}" + (f" [{cells} ¶{para.cell_para}]" if cells else "")
    extra: dict[str, Any] = {"part": part, "paragraph": index, "text": para.text[:300]}
    if cells:
        extra["cell"] = cells
    return path, extra
