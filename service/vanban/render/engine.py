"""Render a compiled template with a context and package the result as .docx bytes."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import UTC, datetime
from xml.sax.saxutils import escape

import jinja2
from lxml import etree

from vanban.errors import TemplateError, problem
from vanban.render import footnotes, pageflow
from vanban.render.compile import DOCUMENT, Compiled, locate

_T = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True)


def _text_breaks(match: re.Match[str]) -> str:
    """A newline or tab inside a text run becomes a Word line break / tab."""
    start, text, end = match.groups()
    if "\n" not in text and "\t" not in text:
        return match.group(0)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\n", f'{end}<w:br/>{start}').replace("\t", f"{end}<w:tab/>{start}")
    return f"{start}{text}{end}"


def render_xml(compiled: Compiled, context: dict) -> bytes:
    try:
        xml = compiled.template.render(context)
    except jinja2.UndefinedError as exc:
        raise TemplateError(problem(
            "template.undefined", compiled.key,
            f"Mẫu dùng biến không có trong dữ liệu: {exc.message}.", str(exc))) from exc
    except jinja2.TemplateError as exc:
        lineno = getattr(exc, "lineno", None)
        raise TemplateError(problem(
            "template.render", compiled.key,
            f"Lỗi khi điền mẫu: {exc}. Gần đoạn: “{locate(compiled.source_lines, lineno)}”.",
            str(exc))) from exc
    xml = pageflow.keep_with_band(xml.replace("\n<w:p", "<w:p"))
    xml = _T.sub(_text_breaks, xml)
    try:
        tree = etree.fromstring(xml.encode("utf-8"), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(problem(
            "template.xml", compiled.key,
            f"Mẫu sinh ra XML hỏng ({exc}); kiểm tra các thẻ {{%p %}} / {{%tr %}} trong mẫu.",
            str(exc))) from exc
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8", standalone=True)


def core_properties(title: str, subject: str, now: datetime | None = None) -> bytes:
    stamp = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
        'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/'
        'dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(title)}</dc:title><dc:subject>{escape(subject)}</dc:subject>"
        "<dc:creator>vanban</dc:creator><cp:lastModifiedBy>vanban</cp:lastModifiedBy>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    ).encode()


def package(compiled: Compiled, document_xml: bytes, core_xml: bytes | None = None,
            replaced: dict[str, bytes] | None = None) -> bytes:
    """Zip the shell's parts with the rendered document part (and the parts in ``replaced``,
    e.g. footnotes with the data's notes, instead of the compiled ones)."""
    replaced = dict(replaced or {})
    if core_xml is not None:
        replaced["docProps/core.xml"] = core_xml
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, data in compiled.parts:
            data = replaced.get(name, data)
            zf.writestr(name, data)
            if name == "[Content_Types].xml":
                zf.writestr(DOCUMENT, document_xml)
    return buf.getvalue()


def render(compiled: Compiled, context: dict, title: str = "", subject: str = "") -> bytes:
    document_xml = render_xml(compiled, context)
    replaced = {}
    if context.get("chu_thich"):
        replaced[compiled.footnotes] = footnotes.with_notes(compiled.footnotes_xml,
                                                            context["chu_thich"])
    return package(compiled, document_xml, core_properties(title, subject), replaced)
