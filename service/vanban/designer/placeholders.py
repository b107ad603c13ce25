"""Previews that never stop at a missing variable: it prints as «name», highlighted in Word.

:class:`Placeholder` is the preview's ``undefined``: printing a variable the data lacks writes
``«nguoi_lap»`` (between two private-use characters that only mark it) and records the name;
reading a field of it (``co_quan.ten``) gives ``«co_quan.ten»``; a loop over it runs zero times
and a test (``{% if x %}``) is false, as for any empty value. :func:`highlight` then turns each
marked text in the rendered parts into a run of its own with a yellow highlight and strips the
marks. Real documents (``vanban render``) keep ``StrictUndefined``: there a missing variable is
an error.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from typing import Any

import jinja2
from lxml import etree

from vanban.designer.places import strip_numbers

OPEN, CLOSE = "\ue000", "\ue001"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes)\.xml$")
_MARKED = re.compile(f"{OPEN}(.*?){CLOSE}", re.S)
#: ECMA-376 order of w:rPr children, for putting w:highlight / w:color / w:b in place.
_RPR = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike",
        "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish",
        "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs", "highlight",
        "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
        "eastAsianLayout", "specVanish", "oMath"]

#: The names printed as placeholders during this process's current render (a worker process
#: renders one template; :func:`reset` clears it).
SEEN: list[str] = []


def reset() -> None:
    SEEN.clear()


class Placeholder(jinja2.ChainableUndefined):
    """An undefined value that prints as a visible placeholder and remembers its name."""

    __slots__ = ()

    def _name(self) -> str:
        return self._undefined_name or "?"

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        return Placeholder(name=f"{self._name()}.{name}")

    def __getitem__(self, key: Any) -> Any:
        return Placeholder(name=f"{self._name()}[{key!r}]" if not isinstance(key, str)
                           else f"{self._name()}.{key}")

    def __str__(self) -> str:
        name = self._name()
        if name not in SEEN:
            SEEN.append(name)
        return f"{OPEN}«{name}»{CLOSE}"

    def __html__(self) -> str:
        return str(self)


def set_property(rpr: etree._Element, name: str, **attrs: str) -> None:
    """Set ``w:name`` (with ``w:`` attributes) in a run's properties, in schema order."""
    old = rpr.find(f"{W}{name}")
    if old is not None:
        rpr.remove(old)
    el = etree.Element(f"{W}{name}")
    for key, value in attrs.items():
        el.set(f"{W}{key}", value)
    rank = _RPR.index(name)
    for i, child in enumerate(rpr):
        tag = etree.QName(child).localname
        if tag in _RPR and _RPR.index(tag) > rank:
            rpr.insert(i, el)
            return
    rpr.append(el)


def _run(rpr: etree._Element | None, text: str, marked: bool) -> etree._Element:
    run = etree.Element(f"{W}r")
    props = copy.deepcopy(rpr) if rpr is not None else etree.Element(f"{W}rPr")
    if marked:
        set_property(props, "highlight", val="yellow")
    if len(props):
        run.append(props)
    t = etree.SubElement(run, f"{W}t")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return run


def _split(t: etree._Element) -> None:
    run = t.getparent()
    pieces = _MARKED.split(t.text or "")
    if run is None or run.tag != f"{W}r":
        t.text = "".join(pieces)
        return
    rpr = run.find(f"{W}rPr")
    children = list(run)
    at = children.index(t)
    t.text = pieces[0]
    t.set(XML_SPACE, "preserve")
    tail = children[at + 1:]
    new: list[etree._Element] = []
    for i in range(1, len(pieces), 2):
        new.append(_run(rpr, pieces[i], True))
        if pieces[i + 1] or (i + 2 >= len(pieces) and tail):
            new.append(_run(rpr, pieces[i + 1], False))
    for child in tail:  # what followed the text (a tab, a break) follows the last piece
        new[-1].append(child)
    anchor = run
    for r in new:
        anchor.addnext(r)
        anchor = r


def highlight_xml(xml: bytes) -> bytes:
    if OPEN.encode() not in xml:
        return xml
    root = etree.fromstring(xml, _PARSER)
    for t in list(root.iter(f"{W}t")):
        if t.text and OPEN in t.text:
            _split(t)
    out = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return out.replace(OPEN.encode(), b"").replace(CLOSE.encode(), b"")


def highlight(docx: bytes) -> bytes:
    """The rendered package with every placeholder highlighted and the marks removed."""
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    changed = False
    for name, data in parts.items():
        if _PARTS.search(name) or name == "docProps/core.xml":
            new = strip_numbers(highlight_xml(data)) if _PARTS.search(name) else \
                data.replace(OPEN.encode(), b"").replace(CLOSE.encode(), b"")
            if new != data:
                parts[name], changed = new, True
    if not changed:
        return docx
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()
