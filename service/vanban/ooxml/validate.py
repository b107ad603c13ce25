"""Word-compatibility validation of a .docx against the ECMA-376 schemas.

LibreOffice forgives many mistakes that Microsoft Word refuses with "unreadable content" — the
most common being child elements out of schema order (``w:pBdr`` after ``w:jc`` inside
``w:pPr``). A document whose WordprocessingML parts validate against the standard's schemas
(shipped in ``xsd/``, see ``xsd/README.md``) is one Word will open.

What is checked:

* the package: ``[Content_Types].xml`` exists, ``word/document.xml`` exists, every internal
  relationship target of every ``.rels`` part exists in the zip and has a content type;
* the schema: ``word/document.xml``, ``styles.xml``, ``numbering.xml``, every
  ``header*.xml`` / ``footer*.xml``, ``footnotes.xml`` and ``endnotes.xml``, after
  markup-compatibility preprocessing (see :func:`apply_markup_compatibility`); every
  ``customXml/itemProps*.xml`` against the custom XML data properties schema (the part that
  describes vanban's embedded data, :mod:`vanban.render.embed`).

``word/settings.xml`` is deliberately not validated: files written by Word and by python-docx's
stock template carry settings newer than this edition of the schema (e.g. ``<w:zoom
w:val="bestFit"/>`` without ``w:percent``, which the schema requires), and Word accepts them.

The schema set is compiled once per process, lazily, under a lock (~65 ms); validation itself is
also serialised because an lxml ``XMLSchema`` object keeps its error log on the instance. A valid
document takes ~35 ms (mostly ``styles.xml``). Failing is slower: every unexpected child of
``w:body``/``w:p``/``w:hdr`` (e.g. a second ``w:pPr``) costs libxml2 ~0.7 s of backtracking in
the non-deterministic content model, so keep this off latency-critical paths for broken input.
"""

from __future__ import annotations

import io
import posixpath
import re
import threading
import zipfile
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from vanban.errors import Problem, problem

MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

XSD_DIR = Path(__file__).with_name("xsd")
ENTRY_XSD = XSD_DIR / "wml.xsd"

_FIXED_PARTS = (
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/footnotes.xml",
    "word/endnotes.xml",
)
_HEADER_FOOTER = re.compile(r"^word/(header|footer)\d*\.xml$")
_REQUIRED = ("word/document.xml", "word/styles.xml")

_schema: etree.XMLSchema | None = None
_schema_namespaces: frozenset[str] = frozenset()
_build_lock = threading.Lock()
_validate_lock = threading.Lock()


def _secure_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


def get_schema() -> etree.XMLSchema:
    """The compiled WordprocessingML schema (built on first use, then cached)."""
    global _schema, _schema_namespaces
    if _schema is None:
        with _build_lock:
            if _schema is None:
                namespaces = set()
                for xsd in XSD_DIR.glob("*.xsd"):
                    tns = etree.parse(str(xsd)).getroot().get("targetNamespace")
                    if tns:
                        namespaces.add(tns)
                _schema_namespaces = frozenset(namespaces)
                _schema = etree.XMLSchema(etree.parse(str(ENTRY_XSD)))
    return _schema


def apply_markup_compatibility(root: etree._Element, understood: frozenset[str]) -> None:
    """Markup-compatibility preprocessing (ECMA-376 Part 3), in place.

    ``mc:AlternateContent`` is replaced by the children of its ``mc:Fallback`` (or removed);
    elements and attributes in a namespace named by an ``mc:Ignorable`` in scope are removed,
    unless the namespace is one the schemas define (``understood``); every ``mc:`` attribute is
    dropped. Source line numbers of the remaining nodes are preserved.
    """
    for alt in list(root.iter(f"{{{MC_NS}}}AlternateContent")):
        parent = alt.getparent()
        if parent is None:
            continue
        fallback = alt.find(f"{{{MC_NS}}}Fallback")
        position = parent.index(alt)
        replacement = list(fallback) if fallback is not None else []
        _remove_keep_tail(alt)
        for offset, child in enumerate(replacement):
            parent.insert(position + offset, child)
    _strip_ignorable(root, frozenset(), understood)


def _remove_keep_tail(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _strip_ignorable(el: etree._Element, inherited: frozenset[str], understood: frozenset[str]):
    ignorable = inherited
    declared = el.get(f"{{{MC_NS}}}Ignorable")
    if declared:
        extra = {el.nsmap.get(prefix) for prefix in declared.split()}
        ignorable = inherited | frozenset(ns for ns in extra if ns and ns not in understood)
    for name in list(el.attrib):
        ns = etree.QName(name).namespace
        if ns == MC_NS or (ns is not None and ns in ignorable):
            del el.attrib[name]
    for child in list(el):
        if not isinstance(child.tag, str):
            continue
        ns = etree.QName(child).namespace
        if ns in ignorable:
            _remove_keep_tail(child)
        else:
            _strip_ignorable(child, ignorable, understood)


def parts_to_validate(names: list[str]) -> list[str]:
    """The WordprocessingML parts of a package that are schema-validated, in a stable order."""
    present = set(names)
    chosen = [n for n in _FIXED_PARTS if n in present]
    chosen += sorted(n for n in names if _HEADER_FOOTER.match(n))
    return chosen


def _schema_problem(part: str, line: int | None, message: str) -> Problem:
    where = f"{part}:{line}" if line else part
    line_vi = f" dòng {line}" if line else ""
    return problem(
        "ooxml.schema",
        where,
        f"Phần {part}{line_vi} không hợp lệ theo lược đồ OOXML: {message}",
        message,
    )


def _package_problem(path: str, message: str, message_en: str) -> Problem:
    return problem("ooxml.package", path, message, message_en)


def validate_part(part: str, data: bytes) -> list[Problem]:
    """Schema problems of one WordprocessingML part (after markup compatibility)."""
    schema = get_schema()
    try:
        root = etree.fromstring(data, _secure_parser())
    except etree.XMLSyntaxError as exc:
        return [_schema_problem(part, exc.lineno, f"XML không đúng cú pháp ({exc.msg})")]
    apply_markup_compatibility(root, _schema_namespaces)
    with _validate_lock:
        if schema.validate(root):
            return []
        errors = [(e.line, e.message) for e in schema.error_log]
    return [_schema_problem(part, line, message) for line, message in errors]


def _content_types(zf: zipfile.ZipFile) -> tuple[dict[str, str], dict[str, str]] | None:
    try:
        root = etree.fromstring(zf.read("[Content_Types].xml"), _secure_parser())
    except (KeyError, etree.XMLSyntaxError):
        return None
    defaults = {
        (d.get("Extension") or "").lower(): d.get("ContentType") or ""
        for d in root.iter(f"{{{CT_NS}}}Default")
    }
    overrides = {
        (o.get("PartName") or "").lower(): o.get("ContentType") or ""
        for o in root.iter(f"{{{CT_NS}}}Override")
    }
    return defaults, overrides


def _rels_source_dir(rels_name: str) -> str:
    # "word/_rels/document.xml.rels" -> "word"; "_rels/.rels" -> ""
    folder = posixpath.dirname(posixpath.dirname(rels_name))
    return folder


def check_package(zf: zipfile.ZipFile) -> list[Problem]:
    """Package-level problems: content types, missing main part, dangling relationships."""
    names = zf.namelist()
    present = set(names)
    out: list[Problem] = []
    types = _content_types(zf)
    if types is None:
        out.append(
            _package_problem(
                "[Content_Types].xml",
                "Gói .docx thiếu (hoặc hỏng) phần [Content_Types].xml.",
                "[Content_Types].xml is missing or not well-formed",
            )
        )
    for required in _REQUIRED:
        if required not in present:
            out.append(
                _package_problem(
                    required,
                    f"Gói .docx thiếu phần bắt buộc {required}.",
                    f"required part {required} is missing",
                )
            )
    for rels in (n for n in names if n.endswith(".rels")):
        try:
            root = etree.fromstring(zf.read(rels), _secure_parser())
        except etree.XMLSyntaxError as exc:
            out.append(
                _package_problem(
                    rels, f"Phần {rels} không phải XML hợp lệ: {exc.msg}", str(exc.msg)
                )
            )
            continue
        base = _rels_source_dir(rels)
        for rel in root.iter(f"{{{REL_NS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = unquote(rel.get("Target") or "")
            if target.startswith("/"):
                part = posixpath.normpath(target.lstrip("/"))
            else:
                part = posixpath.normpath(posixpath.join(base, target))
            rid = rel.get("Id") or "?"
            if part not in present:
                out.append(
                    _package_problem(
                        f"{rels}:{rid}",
                        f"Quan hệ {rid} trong {rels} trỏ tới phần {part} không có trong gói.",
                        f"relationship {rid} in {rels} targets missing part {part}",
                    )
                )
            elif types is not None and not _has_content_type(part, *types):
                out.append(
                    _package_problem(
                        f"{rels}:{rid}",
                        f"Phần {part} (quan hệ {rid} trong {rels}) không được khai báo "
                        "kiểu nội dung trong [Content_Types].xml.",
                        f"part {part} has no content type in [Content_Types].xml",
                    )
                )
    return out


def _has_content_type(part: str, defaults: dict[str, str], overrides: dict[str, str]) -> bool:
    if "/" + part.lower() in overrides:
        return True
    ext = posixpath.splitext(part)[1].lstrip(".").lower()
    return ext in defaults


_PROPS = re.compile(r"^customXml/itemProps\d+\.xml$")
_props_schema: etree.XMLSchema | None = None


def _custom_xml_props_schema() -> etree.XMLSchema:
    global _props_schema
    with _build_lock:
        if _props_schema is None:
            doc = etree.parse(str(XSD_DIR / "shared-customXmlDataProperties.xsd"),
                              _secure_parser())
            _props_schema = etree.XMLSchema(doc)
    return _props_schema


def validate_props(part: str, data: bytes) -> list[Problem]:
    """Schema problems of one ``customXml/itemProps*.xml`` part."""
    schema = _custom_xml_props_schema()
    try:
        root = etree.fromstring(data, _secure_parser())
    except etree.XMLSyntaxError as exc:
        return [_schema_problem(part, exc.lineno, f"XML không đúng cú pháp ({exc.msg})")]
    with _validate_lock:
        if schema.validate(root):
            return []
        errors = [(e.line, e.message) for e in schema.error_log]
    return [_schema_problem(part, line, message) for line, message in errors]


def validate_docx(data: bytes) -> list[Problem]:
    """Every Word-compatibility problem of a .docx (empty list: Word will open it)."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        return [
            _package_problem(
                "", f"Tệp không phải gói .docx (ZIP) hợp lệ: {exc}", f"not a zip package: {exc}"
            )
        ]
    with zf:
        out = check_package(zf)
        for part in parts_to_validate(zf.namelist()):
            out.extend(validate_part(part, zf.read(part)))
        for part in sorted(n for n in zf.namelist() if _PROPS.match(n)):
            out.extend(validate_props(part, zf.read(part)))
    return out


def assert_valid_docx(data: bytes) -> None:
    """For tests: raise ``AssertionError`` listing every problem, if there is any."""
    problems = validate_docx(data)
    if problems:
        listing = "\n".join(f"  {p.code} {p.path}: {p.message_en or p.message}" for p in problems)
        raise AssertionError(f"{len(problems)} OOXML problem(s):\n{listing}")
