"""Neutralising a package before a converter opens it: nothing in it may make the renderer
fetch a URL or read a file.

    clean, removed = neutralise_package(docx_bytes)   # removed: ["word/_rels/…: image → http://…"]

An uploaded template (the designer), a .docx or .xlsx a client sends, even a document rendered
from one, is untrusted input for LibreOffice, Gotenberg or Word: they follow external
relationships (``<a:blip r:link>`` images, linked OLE objects, frames, sub-documents, the
attached template, mail-merge sources), external references inside embedded SVG images
(``xlink:href="file:///…"``, ``url(http://…)``) and fields that load content (``INCLUDEPICTURE``,
``INCLUDETEXT``, ``LINK``, ``DDE``…). :func:`neutralise_package` removes all of these and keeps
the rest byte for byte:

* every ``*.rels`` part loses each relationship whose target leaves the package
  (``TargetMode="External"``, or a target with a URL scheme, ``//host`` or ``\\\\host``), except
  hyperlinks (a link in the PDF is not followed by the converter);
* every SVG part loses ``<script>``, ``<foreignObject>``, every ``href``/``src`` that is not a
  ``#fragment`` or ``data:`` URI, and every CSS ``url(…)``/``@import`` that points outside;
  an SVG that cannot be parsed is replaced by an empty one;
* every WordprocessingML part loses the instruction of fields that load content
  (:data:`LOADING_FIELDS`; the field's last result stays as plain text), VML ``src``/``o:href``
  file references, and mail-merge settings (a data source is a connection string).

It is applied by every converter (:meth:`vanban.pdf.base.Converter.convert`), so no backend can
skip it; the converter processes are also contained (:mod:`vanban.pdf.contain`). The package is
read with :func:`vanban.ooxml.safezip.read_docx_parts`'s limits when it comes from outside.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from vanban.ooxml.safezip import safe_xml_parser

__all__ = ["LOADING_FIELDS", "neutralise_package", "neutralise_rels", "neutralise_svg",
           "neutralise_wordml"]

HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
_HYPERLINK_TYPES = {HYPERLINK, "http://purl.oclc.org/ooxml/officeDocument/relationships/hyperlink"}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_VML = ("urn:schemas-microsoft-com:vml", "urn:schemas-microsoft-com:office:office")
#: Field instructions that make Word or LibreOffice load something from a path or a URL.
LOADING_FIELDS = frozenset({"INCLUDEPICTURE", "INCLUDETEXT", "INCLUDE", "IMPORT", "LINK", "DDE",
                            "DDEAUTO", "DATABASE", "RD", "AUTOTEXTLIST"})
_SCHEME = re.compile(r"^\s*([A-Za-z][A-Za-z0-9+.\-]*:|//|\\\\)")
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(?!\s*#)(?!data:)[^)]*\)|@import[^;]*;?", re.I)
_EMPTY_SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'
#: Cheap test before parsing a WordprocessingML part: can it hold anything to remove?
_WORDML_SUSPECT = (b"instrText", b"fldSimple", b"mailMerge", b"imagedata", b"href", b"src=")


def _leaves_package(target: str, mode: str, source: str) -> bool:
    if mode.lower() == "external" or _SCHEME.match(target):
        return True
    base = posixpath.dirname(posixpath.dirname(source))  # word/_rels/x.rels → word
    joined = target if target.startswith("/") else posixpath.join("/" + base, target)
    return posixpath.normpath(joined).startswith("//") or ".." in \
        posixpath.normpath(joined).split("/")[:2]


def neutralise_rels(data: bytes, name: str, removed: list[str]) -> bytes:
    """A ``.rels`` part without relationships that leave the package (hyperlinks stay)."""
    root = etree.fromstring(data, safe_xml_parser())
    changed = False
    for rel in list(root):
        if not isinstance(rel.tag, str):
            continue
        target, kind = rel.get("Target", ""), rel.get("Type", "")
        if kind in _HYPERLINK_TYPES:
            continue
        if _leaves_package(target, rel.get("TargetMode", ""), name):
            removed.append(f"{name}: {kind.rsplit('/', 1)[-1]} → {target[:200]}")
            root.remove(rel)
            changed = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
        if changed else data


def _clean_css(text: str) -> str:
    return _CSS_URL.sub("", text)


def neutralise_svg(data: bytes, name: str, removed: list[str]) -> bytes:
    """An SVG image without external references (or an empty one when it cannot be read)."""
    try:
        root = etree.fromstring(data, safe_xml_parser())
    except etree.XMLSyntaxError:
        removed.append(f"{name}: unreadable SVG replaced")
        return _EMPTY_SVG
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            if isinstance(element, etree._ProcessingInstruction | etree._Entity):
                parent = element.getparent()
                if parent is not None:
                    parent.remove(element)
            continue
        local = etree.QName(element).localname
        if local in ("script", "foreignObject", "iframe", "embed", "object"):
            removed.append(f"{name}: <{local}>")
            parent = element.getparent()
            if parent is not None:
                parent.remove(element)
            continue
        for attr, value in list(element.attrib.items()):
            attr_local = etree.QName(attr).localname
            if attr_local in ("href", "src") and not value.strip().startswith(("#", "data:")):
                removed.append(f"{name}: {attr_local}={value[:200]}")
                del element.attrib[attr]
            elif attr_local == "style" or "url(" in value.lower():
                cleaned = _clean_css(value)
                if cleaned != value:
                    removed.append(f"{name}: {attr_local} url()")
                    element.set(attr, cleaned)
        if local == "style" and element.text and _CSS_URL.search(element.text):
            removed.append(f"{name}: <style> url()")
            element.text = _clean_css(element.text)
    # tostring(root) writes no DOCTYPE: internal entity declarations go with it.
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _field_word(instruction: str) -> str:
    words = instruction.strip().split(None, 1)
    return words[0].upper().lstrip("\\") if words else ""


def neutralise_wordml(data: bytes, name: str, removed: list[str]) -> bytes:
    """A WordprocessingML part without content-loading fields, VML file references and
    mail-merge settings."""
    if not any(marker in data for marker in _WORDML_SUSPECT):  # memmem: fast on megabytes
        return data
    root = etree.fromstring(data, safe_xml_parser())
    changed = False
    w = f"{{{W}}}"
    # simple fields: keep the result runs, drop the instruction
    for field in list(root.iter(f"{w}fldSimple")):
        word = _field_word(field.get(f"{w}instr", ""))
        if word in LOADING_FIELDS:
            removed.append(f"{name}: field {word}")
            parent = field.getparent()
            index = parent.index(field)
            for child in reversed(list(field)):
                parent.insert(index, child)
            parent.remove(field)
            changed = True
    # complex fields: begin … instrText … separate … result … end (may nest)
    stack: list[list[etree._Element]] = []
    for element in root.iter(f"{w}fldChar", f"{w}instrText"):
        if element.tag == f"{w}instrText":
            if stack:
                stack[-1].append(element)
            continue
        kind = element.get(f"{w}fldCharType")
        if kind == "begin":
            stack.append([])
        elif kind in ("separate", "end") and stack:
            texts = stack[-1]
            word = _field_word("".join(t.text or "" for t in texts))
            if word in LOADING_FIELDS:
                removed.append(f"{name}: field {word}")
                for text in texts:
                    text.text = ""
                changed = True
            texts.clear()
            if kind == "end":
                stack.pop()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == f"{w}mailMerge":
            removed.append(f"{name}: mailMerge")
            element.getparent().remove(element)
            changed = True
            continue
        if etree.QName(element).namespace in _VML:
            for attr in list(element.attrib):
                if etree.QName(attr).localname in ("src", "href") and \
                        not element.get(attr, "").startswith("#"):
                    removed.append(f"{name}: VML {etree.QName(attr).localname}")
                    del element.attrib[attr]
                    changed = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) \
        if changed else data


def neutralise_package(data: bytes) -> tuple[bytes, list[str]]:
    """``data`` (an OOXML package: .docx, .xlsx…) with every way out of the package removed,
    and what was removed (for the log). Not a zip → returned unchanged (the converter will say
    it cannot read it). A part that is not well-formed XML where XML is expected is dropped."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        infos = source.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return data, []
    removed: list[str] = []
    changed: dict[str, bytes | None] = {}  # part → new content (None: dropped)
    with source:
        for info in infos:
            name = info.filename
            lower = name.lower()
            if info.is_dir() or (lower.endswith(".xml") and not lower.startswith("word/")):
                continue
            content = source.read(info)
            try:
                if lower.endswith(".rels"):
                    new = neutralise_rels(content, name, removed)
                elif lower.endswith(".xml"):
                    new = neutralise_wordml(content, name, removed)
                elif content[:2] == b"\x1f\x8b":  # gzip: an .svgz, whatever its name says
                    removed.append(f"{name}: compressed (svgz) image replaced")
                    new = _EMPTY_SVG
                elif lower.endswith(".svg") or b"<svg" in content[:4096].lower():
                    # LibreOffice sniffs images: an SVG named image1.png is still an SVG
                    new = neutralise_svg(content, name, removed)
                else:
                    continue
            except etree.XMLSyntaxError:
                removed.append(f"{name}: unreadable XML part dropped")
                changed[name] = None
                continue
            if new is not content:
                changed[name] = new
        if not changed:  # the usual case: nothing to remove, the bytes go through untouched
            return data, removed
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in infos:
                if info.is_dir():
                    continue
                if info.filename not in changed:
                    target.writestr(info, source.read(info))
                elif changed[info.filename] is not None:
                    target.writestr(info, changed[info.filename])  # type: ignore[arg-type]
    return out.getvalue(), removed
