"""The input a .docx was made from, carried inside it, so the document can be reopened.

Every .docx vanban renders (unless ``VANBAN_EMBED_DATA=false``) holds one more custom XML part,
the way Word stores document data (ECMA-376 Part 1, 22.5 "Custom XML Data Properties")::

    customXml/itemN.xml          <vanban xmlns="urn:vanban:du-lieu:1" template="cong-van"
                                        version="0.1.0">{ the input as JSON }</vanban>
    customXml/itemPropsN.xml     ds:datastoreItem with vanban's fixed item id and schema ref
    customXml/_rels/itemN.xml.rels            itemN → itemPropsN
    word/_rels/document.xml.rels              + the document → itemN relationship
    [Content_Types].xml                       + itemPropsN (and itemN) content types

Word keeps such parts when it saves the file again, so a document edited in Word still
reopens. The render path stays cheap: everything but ``itemN.xml`` is prepared once per compiled
template (:func:`prepare`, cached on :class:`~vanban.render.compile.Compiled`) and copied as
raw deflate bytes; per document only the data part is deflated.

:func:`read` finds the part in an uploaded .docx (read through :mod:`vanban.ooxml.safezip`)
and returns ``{"template", "version", "data"}``; a file vanban did not make is a 422
``reopen.not-vanban``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree

from vanban.errors import InputError, problem
from vanban.render.packaging import DOCUMENT_LEVEL, PackedPart, pack
from vanban.xml_text import escape, quoteattr

#: The namespace of vanban's data part (also its ``ds:schemaRef``).
NS = "urn:vanban:du-lieu:1"
#: The fixed ``ds:itemID`` of the part (a GUID, as Word requires).
ITEM_ID = "{3F0A8A36-7C52-4D1B-9B0E-5A4E1D2C7B61}"

_RELS_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml"
_PROPS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps"
_PROPS_CT = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml"
_DOC_RELS = "word/_rels/document.xml.rels"
_TYPES = "[Content_Types].xml"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class Prepared:
    """The per-template parts of the embedding, ready to copy."""

    item: str  # customXml/itemN.xml
    swapped: dict[str, PackedPart]  # the content types and the document's relationships
    extra: tuple[PackedPart, ...]  # itemPropsN.xml and itemN.xml.rels


def _free_number(names: set[str]) -> int:
    n = 1
    while f"customXml/item{n}.xml" in names or f"customXml/itemProps{n}.xml" in names:
        n += 1
    return n


def _free_rid(rels: bytes) -> str:
    taken = set(re.findall(rb'Id="([^"]+)"', rels))
    n = 1
    while f"rIdVanban{n}".encode() in taken:
        n += 1
    return f"rIdVanban{n}"


def prepare(parts: tuple[tuple[str, bytes], ...]) -> Prepared | None:
    """The embedding's static parts for a shell, or ``None`` when the shell lacks the parts
    it needs (then documents are written without data)."""
    by_name = dict(parts)
    if _DOC_RELS not in by_name or _TYPES not in by_name:
        return None
    n = _free_number(set(by_name))
    item, props = f"customXml/item{n}.xml", f"customXml/itemProps{n}.xml"
    rels = by_name[_DOC_RELS]
    rid = _free_rid(rels)
    relation = (f'<Relationship Id="{rid}" Type="{_CUSTOM_XML}" '
                f'Target="../customXml/item{n}.xml"/>').encode()
    if b"</Relationships>" not in rels:
        return None
    rels = rels.replace(b"</Relationships>", relation + b"</Relationships>", 1)
    types = by_name[_TYPES]
    overrides = (f'<Override PartName="/{props}" ContentType="{_PROPS_CT}"/>'
                 f'<Override PartName="/{item}" ContentType="application/xml"/>').encode()
    if b"</Types>" not in types:
        return None
    types = types.replace(b"</Types>", overrides + b"</Types>", 1)
    props_xml = (f'{_HEAD}<ds:datastoreItem ds:itemID="{ITEM_ID}" xmlns:ds="http://schemas.'
                 'openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs>'
                 f'<ds:schemaRef ds:uri="{NS}"/></ds:schemaRefs></ds:datastoreItem>').encode()
    item_rels = (f'{_HEAD}<Relationships xmlns="{_RELS_NS}"><Relationship Id="rId1" '
                 f'Type="{_PROPS_REL}" Target="itemProps{n}.xml"/></Relationships>').encode()
    return Prepared(
        item=item,
        swapped={_DOC_RELS: pack(_DOC_RELS, rels), _TYPES: pack(_TYPES, types)},
        extra=(pack(props, props_xml), pack(f"customXml/_rels/item{n}.xml.rels", item_rels)))


def data_xml(template_id: str, version: str, data: Any) -> bytes:
    """The data part: the input as JSON text inside one element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (f"{_HEAD}<vanban xmlns={quoteattr(NS)} template={quoteattr(template_id)} "
            f"version={quoteattr(version)}>{escape(text)}</vanban>").encode()


def data_part(prepared: Prepared, template_id: str, version: str, data: Any) -> PackedPart:
    return pack(prepared.item, data_xml(template_id, version, data), DOCUMENT_LEVEL)


def _not_vanban(message_en: str) -> InputError:
    return InputError(problem(
        "reopen.not-vanban", "file",
        "Tệp này không do vanban tạo (hoặc đã tắt lưu dữ liệu khi tạo): không có dữ liệu để "
        "mở lại. Hãy chọn tệp .docx tải về từ vanban.", message_en))


def read(docx: bytes) -> dict[str, Any]:
    """``{"template", "version", "data"}`` of a .docx vanban made; :class:`InputError`
    (``upload.*`` for an unreadable package, ``reopen.not-vanban`` otherwise)."""
    from vanban.ooxml.safezip import parse_xml, read_docx_parts

    parts = read_docx_parts(docx)
    for name in sorted(parts):
        if not re.fullmatch(r"customXml/item\d+\.xml", name):
            continue
        try:
            root = parse_xml(parts[name], part=name)
        except etree.XMLSyntaxError:
            continue
        if root.tag != f"{{{NS}}}vanban":
            continue
        try:
            data = json.loads(root.text or "")
        except (ValueError, RecursionError):
            raise InputError(problem(
                "reopen.damaged", "file", "Phần dữ liệu vanban trong tệp bị hỏng, không đọc "
                "được.", "vanban's data part is not valid JSON")) from None
        return {"template": root.get("template", ""), "version": root.get("version", ""),
                "data": data}
    raise _not_vanban("no vanban data part (customXml) in the package")
