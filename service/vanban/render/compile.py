"""Compile a template once: family shell + body → one Jinja template, kept for the process.

A document is the family's content block (``content_blocks/<family>.docx``: header, title,
kính gửi, signature, nơi nhận, page numbers, styles, margins) with the template's body
(``templates_docx/<id>/template.docx``) put where the shell's ``[[NOI_DUNG]]`` paragraph
stands. The merged ``word/document.xml`` is cleaned with docxtpl's ``patch_xml`` (tags split
across runs, ``{%p %}``/``{%tr %}``/``{{r }}`` forms), compiled by Jinja with autoescaping on,
and kept with the package's other parts as bytes, which are also deflated once here
(``Compiled.packed``). Rendering a document is then one ``template.render``, one deflate of
the document part and a copy of the rest (see :mod:`vanban.render.engine`).

What the body's paragraphs point at in their own package — images and hyperlinks
(relationships), numbered lists (``numbering.xml``), footnotes and endnotes, the styles those
need — is carried into the shell's package with fresh ids (:mod:`vanban.render.parts`,
:mod:`vanban.render.footnotes`). Where the body ends, a marker lets the renderer keep the last
body paragraph with the signature band (:mod:`vanban.render.pageflow`).
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import CodeType

import jinja2
from lxml import etree

from vanban.errors import TemplateError, problem
from vanban.render import cache, embed, pageflow
from vanban.render import footnotes as notes
from vanban.render.filters import FILTERS
from vanban.render.packaging import PackedPart, pack
from vanban.render.parts import (
    Package,
    carry_numbering,
    carry_relationships,
    carry_styles,
    drop_comments,
    drop_unneeded,
)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
PLACEHOLDER = "[[NOI_DUNG]]"
DOCUMENT = "word/document.xml"


@dataclass(frozen=True)
class Compiled:
    """A compiled (template, family) pair: everything rendering needs, immutable."""

    key: str
    template: jinja2.Template
    parts: tuple[tuple[str, bytes], ...]  # every zip entry but word/document.xml, in order
    source_lines: tuple[str, ...]  # the patched XML, for locating render errors
    footnotes: str = "word/footnotes.xml"  # the footnotes part (one of ``parts``)
    footnotes_xml: bytes = b""  # its compiled content: the template's notes; data's are added
    #: ``parts`` deflated once (filled in from ``parts``; see :mod:`vanban.render.packaging`).
    packed: tuple[PackedPart, ...] = ()

    def __post_init__(self) -> None:
        if not self.packed:
            object.__setattr__(self, "packed", tuple(pack(n, b) for n, b in self.parts))

    @cached_property
    def embedding(self) -> embed.Prepared | None:
        """The static parts that carry the input data (:mod:`vanban.render.embed`)."""
        return embed.prepare(self.parts)


#: Autoescaping always (text is XML); a variable the data lacks is an error, never "".
ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                         keep_trailing_newline=True)
ENV.filters.update(FILTERS)  # vanban's own (ngat_dong)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise TemplateError(problem(
            "template.unreadable", str(path),
            f"Không đọc được tệp .docx “{path.name}”: {exc}", str(exc))) from exc


def _read_zip(path: Path, data: bytes | None = None) -> dict[str, bytes]:
    try:
        with zipfile.ZipFile(path if data is None else io.BytesIO(data)) as zf:
            return {name: zf.read(name) for name in zf.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise TemplateError(problem(
            "template.unreadable", str(path),
            f"Không đọc được tệp .docx “{path.name}”: {exc}", str(exc))) from exc


def _text(p: etree._Element) -> str:
    return "".join(t.text or "" for t in p.iter(f"{W}t"))


def _style_ids(styles_xml: bytes) -> set[str]:
    root = etree.fromstring(styles_xml)
    return {s.get(f"{W}styleId") for s in root.iter(f"{W}style")}


def body_elements(body_xml: bytes) -> list[etree._Element]:
    """The body template's paragraphs and tables (its section properties left out)."""
    body = etree.fromstring(body_xml).find(f"{W}body")
    return [copy.deepcopy(c) for c in body if c.tag != f"{W}sectPr"]


def merge_body(shell_xml: bytes, body_xml: bytes | list[etree._Element], shell_name: str,
               body_name: str) -> bytes:
    """Put the body's paragraphs and tables where the shell's placeholder paragraph stands,
    followed by the marker of where the body ends (:data:`pageflow.BODY_END`)."""
    shell = etree.fromstring(shell_xml)
    elements = body_elements(body_xml) if isinstance(body_xml, bytes) else body_xml
    holder = next((p for p in shell.iter(f"{W}p") if _text(p).strip() == PLACEHOLDER), None)
    if holder is None:
        raise TemplateError(problem(
            "template.no-placeholder", shell_name,
            f"Khối thể thức “{shell_name}” thiếu đoạn {PLACEHOLDER} (chỗ đặt nội dung).",
            f"content block has no {PLACEHOLDER} paragraph"))
    for child in elements:
        holder.addprevious(child)
    holder.addprevious(etree.Comment(pageflow.BODY_END_TEXT))
    pageflow.keep_shell_tail(holder)
    holder.getparent().remove(holder)
    out = etree.tostring(shell, xml_declaration=True, encoding="UTF-8", standalone=True)
    return _fill_section_breaks(shell, out)


#: The Jinja variable of a landscape slot (:mod:`vanban.context.landscape`).
LANDSCAPE_VARIABLE = "ngang"


def _fill_section_breaks(root: etree._Element, xml: bytes) -> bytes:
    """A body's empty section break (``<w:sectPr/>`` in a paragraph, see
    :mod:`vanban.context.landscape`) becomes a copy of the shell's page set-up; the shell's
    final section then starts on a later page, so its "different first page" (no page number)
    holds only when the landscape slot is empty."""
    final = root.find(f"{W}body/{W}sectPr")
    empty = [s for s in root.iterfind(f"{W}body/{W}p/{W}pPr/{W}sectPr") if len(s) == 0]
    if final is None or not empty:
        return xml
    for s in empty:
        s.getparent().replace(s, copy.deepcopy(final))
    title = final.find(f"{W}titlePg")
    if title is not None:
        marker = etree.SubElement(final, f"{W}titlePg")
        marker.set(f"{W}val", "__vanban_title_pg__")
        title.addprevious(marker)
        final.remove(title)
    xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml.replace(
        b'<w:titlePg w:val="__vanban_title_pg__"/>',
        b"{% if not " + LANDSCAPE_VARIABLE.encode() + b" %}<w:titlePg/>{% endif %}")


def check_styles(body_xml: bytes, styles_xml: bytes, body_name: str) -> None:
    """A body may only use paragraph styles the family shell defines."""
    known = _style_ids(styles_xml)
    root = etree.fromstring(body_xml)
    missing = sorted({s.get(f"{W}val") for s in root.iter(f"{W}pStyle")} - known)
    if missing:
        raise TemplateError(problem(
            "template.unknown-style", body_name,
            "Mẫu dùng kiểu đoạn (style) không có trong khối thể thức: "
            + ", ".join(missing) + ". Hãy dùng các kiểu “VB …” có sẵn.",
            f"styles not defined by the content block: {missing}"))


def _patch(xml: str) -> str:
    # docxtpl's cleaning of Word's run-split tags; it needs no state from the instance.
    # Imported here: docxtpl (and python-docx under it) is only needed to compile, and a
    # process that finds its templates in the on-disk cache (vanban.render.cache) never does.
    from docxtpl import DocxTemplate

    patched = DocxTemplate.patch_xml(object.__new__(DocxTemplate), xml)
    return re.sub(r"<w:p([ >])", r"\n<w:p\1", patched)


def locate(source_lines: tuple[str, ...], lineno: int | None) -> str:
    """The visible text around a line of the patched XML (for error messages)."""
    if not lineno:
        return ""
    lo = max(lineno - 2, 0)
    chunk = source_lines[lo: lineno + 1]
    return " … ".join(t for t in (re.sub(r"<[^>]+>", "", line).strip() for line in chunk) if t)


def merge_package(shell: dict[str, bytes], body: dict[str, bytes], shell_name: str,
                  body_name: str) -> tuple[dict[str, bytes], bytes, str]:
    """The shell's parts with what the body points at carried over, the merged document XML,
    and the name of the footnotes part (created when the shell had none)."""
    package, source_package = Package(dict(shell)), Package(body)
    elements = body_elements(body[DOCUMENT])
    drop_comments(elements)
    carry_relationships(elements, source_package, DOCUMENT, package, DOCUMENT)
    carry_numbering(elements, source_package, package)
    notes.carry_notes(elements, source_package, package)
    carry_styles(elements, source_package, package)
    drop_unneeded(package, elements)
    footnotes_name = notes.ensure_footnotes(package)
    parts = package.to_parts()
    return parts, merge_body(parts[DOCUMENT], elements, shell_name, body_name), footnotes_name


def compile_template(key: str, shell_path: Path, body_path: Path,
                     cache_dir: Path | None = None) -> Compiled:
    """Compile the body at ``body_path`` into the family shell at ``shell_path``.

    With ``cache_dir``, a result saved there by an earlier process for the same files and code
    is loaded instead (:mod:`vanban.render.cache`), and a fresh result is saved there."""
    if cache_dir is None:
        return _compile(key, shell_path, body_path)
    shell_bytes, body_bytes = _read_bytes(shell_path), _read_bytes(body_path)
    name = cache.entry_name(key, shell_bytes, body_bytes)
    saved = cache.load(cache_dir, name)
    if saved is not None:
        code, fields = saved
        template = ENV.template_class.from_code(ENV, code, ENV.make_globals(None), None)
        try:
            return Compiled(key=key, template=template, **fields)
        except TypeError:  # fields of another layout: compile again
            pass
    code, compiled = _compile_source(key, shell_path, body_path, shell_bytes, body_bytes)
    cache.save(cache_dir, name, code,
               {"parts": compiled.parts, "source_lines": compiled.source_lines,
                "footnotes": compiled.footnotes, "footnotes_xml": compiled.footnotes_xml,
                "packed": compiled.packed})
    return compiled


def _compile(key: str, shell_path: Path, body_path: Path) -> Compiled:
    return _compile_source(key, shell_path, body_path)[1]


def _compile_source(key: str, shell_path: Path, body_path: Path, shell_bytes: bytes | None = None,
                    body_bytes: bytes | None = None) -> tuple[CodeType, Compiled]:
    """The Jinja template's code (what the cache keeps) and the compiled pair."""
    shell = _read_zip(shell_path, shell_bytes)
    body = _read_zip(body_path, body_bytes)
    for name, zf in ((shell_path, shell), (body_path, body)):
        if DOCUMENT not in zf:
            raise TemplateError(problem(
                "template.unreadable", str(name), f"“{name}” không phải tệp Word .docx.",
                "no word/document.xml"))
    check_styles(body[DOCUMENT], shell["word/styles.xml"], str(body_path))
    shell, merged, footnotes_name = merge_package(shell, body, str(shell_path), str(body_path))
    source = _patch(merged.decode("utf-8"))
    lines = tuple(source.splitlines())
    try:
        code = ENV.compile(source)
    except jinja2.TemplateSyntaxError as exc:
        near = locate(lines, exc.lineno)
        raise TemplateError(problem(
            "template.syntax", f"{body_path.name}:{DOCUMENT} dòng {exc.lineno}",
            f"Thẻ Jinja sai cú pháp: {exc.message}. Gần đoạn: “{near}”.",
            f"jinja syntax error: {exc.message}")) from exc
    parts = tuple((n, b) for n, b in shell.items() if n != DOCUMENT)
    template = ENV.template_class.from_code(ENV, code, ENV.make_globals(None), None)
    return code, Compiled(key=key, template=template, parts=parts, source_lines=lines,
                            footnotes=footnotes_name, footnotes_xml=shell[footnotes_name])
