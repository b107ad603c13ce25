"""Render a compiled template with a context and package the result as .docx bytes.

The rendered ``word/document.xml`` is checked for well-formedness (and bound namespace
prefixes) with expat, which builds no tree: a template whose ``{%p %}``/``{%tr %}`` tags cut
an element in two is reported, never packaged. The text is not re-serialised: Jinja's output
(autoescaped) is what goes into the zip. The package is the compiled template's parts, deflated
once, plus the parts that depend on the data (:mod:`vanban.render.packaging`).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any
from xml.parsers import expat

import jinja2

from vanban.errors import TemplateError, problem
from vanban.render import embed, footnotes, pageflow
from vanban.render.compile import DOCUMENT, Compiled, locate
from vanban.render.fit_columns import fit_columns
from vanban.render.packaging import DOCUMENT_LEVEL, PackedPart, pack, write_zip
from vanban.render.whole_landscape import annex_numbered_apart, whole_landscape
from vanban.xml_text import escape

_T = re.compile(r"(<w:t(?: [^>]*)?>)([^<]*)(</w:t>)")
CORE = "docProps/core.xml"


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
    xml = pageflow.keep_with_band(pageflow.keep_lead_ins(xml.replace("\n<w:p", "<w:p")))
    xml = fit_columns(xml, context)  # Word-laid tables marked vanban:fit
    if context.get("ca_van_ban_ngang"):  # a document that is a table: all of it landscape
        xml = whole_landscape(xml)
    annex = context.get("phu_luc")
    if isinstance(annex, dict) and annex.get("tieu_de") and "<w:body>" in xml:
        xml = annex_numbered_apart(xml, str(annex["tieu_de"][0]).strip(),
                                   landscape=bool(annex.get("ngang")))
    body = xml.find("?>") + 3  # the declaration line ends in a newline of its own
    if "\t" in xml or "\n" in xml[body + 1:]:
        xml = _T.sub(_text_breaks, xml)
    data = xml.encode("utf-8")
    check_well_formed(data, compiled.key)
    return data


def check_well_formed(data: bytes, key: str) -> None:
    """Raise :class:`TemplateError` unless ``data`` is well-formed, namespace-bound XML."""
    parser = expat.ParserCreate(namespace_separator=" ")
    try:
        parser.Parse(data, True)
    except expat.ExpatError as exc:
        raise TemplateError(problem(
            "template.xml", key,
            f"Mẫu sinh ra XML hỏng ({exc}); kiểm tra các thẻ {{%p %}} / {{%tr %}} trong mẫu.",
            f"rendered XML is not well-formed: {exc}")) from exc


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


#: What a document carries to be reopened: (template id, vanban version, input data).
Embedded = tuple[str, str, Any]


def package(compiled: Compiled, document_xml: bytes, core_xml: bytes | None = None,
            replaced: dict[str, bytes] | None = None, embedded: Embedded | None = None
            ) -> bytes:
    """Zip the shell's parts (deflated at compile time) with the rendered document part,
    placed right after ``[Content_Types].xml``; the parts in ``replaced`` (the core properties,
    the footnotes with the data's notes) are deflated anew instead. ``embedded`` (template id,
    version, input) adds the data part of :mod:`vanban.render.embed`: its static parts are
    prepared once per template and copied like the others."""
    replaced = dict(replaced or {})
    if core_xml is not None:
        replaced[CORE] = core_xml
    prepared = compiled.embedding if embedded is not None else None
    swapped = prepared.swapped if prepared is not None else {}
    parts: list[PackedPart] = []
    for part in compiled.packed:
        if part.name in replaced:
            part = pack(part.name, replaced[part.name], DOCUMENT_LEVEL)
        elif part.name in swapped:
            part = swapped[part.name]
        parts.append(part)
        if part.name == "[Content_Types].xml":
            parts.append(pack(DOCUMENT, document_xml, DOCUMENT_LEVEL))
    if prepared is not None and embedded is not None:
        parts.append(embed.data_part(prepared, *embedded))
        parts.extend(prepared.extra)
    return write_zip(parts)


def render(compiled: Compiled, context: dict, title: str = "", subject: str = "",
           embedded: Embedded | None = None) -> bytes:
    document_xml = render_xml(compiled, context)
    replaced = {}
    if context.get("chu_thich"):
        replaced[compiled.footnotes] = footnotes.with_notes(compiled.footnotes_xml,
                                                            context["chu_thich"])
    return package(compiled, document_xml, core_properties(title, subject), replaced,
                   embedded)
