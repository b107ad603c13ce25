"""Render a template that did not ship with vanban, in the sandbox, in a worker process.

Two kinds of template (:func:`template_kind`, the rule the README documents):

* a **body template** uses at least one of the family shells' ``VB …`` paragraph styles and has
  no header or footer of its own. vanban puts it into the official shell of the family
  (``content_blocks/<family>.docx``: header, title, kính gửi, signature, nơi nhận) exactly as it
  does for its installed templates (:func:`vanban.render.compile.merge_body`, docxtpl's
  ``patch_xml``, :func:`vanban.render.engine.render`), with the sandboxed environment. DATA is a
  vanban envelope; the context is the shell's (``co_quan``, ``so_ky_hieu``, ``chu_ky`` …) plus
  the raw ``noi_dung``, plus the context an installed template builds when DATA follows its
  contract (``template_id``, or the first installed template DATA validates against).
* anything else is a **full document template** rendered as it is by docxtpl itself (body,
  headers, footers, footnotes, core properties) with the sandboxed environment; DATA is the
  context as it is.

:func:`render_sandboxed` is the entry point: it runs :func:`render_upload` through
:func:`vanban.designer.sandbox.run_isolated` (time, output and memory limits).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, replace
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from lxml import etree
from pydantic import BaseModel, ConfigDict, ValidationError

from vanban.context import envelope as envelope_context
from vanban.designer import jinja_messages, places
from vanban.designer.sandbox import SafeEnvironment, run_isolated, translate
from vanban.errors import InputError, TemplateError, VanbanError, problem
from vanban.model.envelope import Envelope
from vanban.model.problems import from_validation_error
from vanban.ooxml.safezip import read_docx_parts, refuse_dtd
from vanban.pipeline import context as pipeline_context
from vanban.pipeline import load as load_input
from vanban.pipeline import validate as pipeline_validate
from vanban.render import engine
from vanban.render.compile import (
    DOCUMENT,
    Compiled,
    _patch,
    _read_zip,
    check_styles,
    merge_package,
)
from vanban.templates import REGISTRY, content_blocks_dir
from vanban.the_thuc.families import DEFAULT_FAMILY, FAMILY_IDS

BODY, FULL = "body", "full"
KINDS = ("auto", BODY, FULL)
_VB_STYLE = re.compile(rb'<w:pStyle w:val="VB[^"]*"')
_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
_HEADER_FOOTER = re.compile(rb"<w:(?:header|footer)Reference\b")


@dataclass(frozen=True)
class Rendered:
    docx: bytes
    kind: str
    family: str | None = None
    template_id: str | None = None  # the installed contract DATA followed (body templates)
    missing: tuple[str, ...] = ()  # variables printed as «placeholders» (previews)


class FreeBody(BaseModel):
    """Any ``noi_dung`` object, for a body template with no installed contract."""

    model_config = ConfigDict(extra="allow")


def template_kind(parts: dict[str, bytes]) -> str:
    doc = parts[DOCUMENT]
    return BODY if _VB_STYLE.search(doc) and not _HEADER_FOOTER.search(doc) else FULL


def repackage(parts: dict[str, bytes], compress: bool = True) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _located(parts: dict[str, bytes], at: tuple[str, int] | None,
             name: str) -> tuple[str, dict[str, Any]]:
    """The designer's coordinates of paragraph ``at`` of the template: ``body ¶6`` (with its
    table cell) and the paragraph's text; the file's name when the place is unknown."""
    if at is None:
        return name, {"file": name}
    from docxtpl_lint.reader import iter_paragraphs

    from vanban.designer.places import locate_at

    paras = {(p.part, p.index): p for p in iter_paragraphs(io.BytesIO(repackage(
        parts, compress=False)))}
    path, extra = locate_at(at[0], paras.get(at), at[1])
    return path, {**extra, "file": name}


def _render_problem(exc: BaseException, parts: dict[str, bytes], at: tuple[str, int] | None,
                    name: str) -> VanbanError:
    """A render error as the template's fault, in Vietnamese, at its paragraph."""
    found = translate(exc, name)
    path, extra = _located(parts, at, name)
    if found is not None:  # the sandbox's refusal or limit, at its paragraph when known
        return TemplateError(problem(found.code, path, found.message, found.message_en,
                                     **{**found.extra, **extra, "severity": "error"}))
    message = getattr(exc, "message", None) or str(exc)
    vi, fix = jinja_messages.translate(message)
    if isinstance(exc, jinja2.TemplateSyntaxError):
        code = "template.syntax"
    elif isinstance(exc, jinja2.UndefinedError):
        code = "template.undefined"
    else:
        code = "template.render"
    where = f"“{name}”" + (f", {path}" if at else "")
    return TemplateError(problem(code, path, f"{vi} ({where})", message, severity="error",
                                 fix=fix, **extra))


class _LocatedTemplate(DocxTemplate):
    """docxtpl with the paragraph markers of :mod:`vanban.designer.places`: the source each
    part was compiled from is kept, so an error's line leads back to its paragraph."""

    source = ""

    def patch_xml(self, src_xml: str) -> str:
        return super().patch_xml(places.to_markers(src_xml))

    def render_xml_part(self, src_xml: str, part: Any, context: Any,
                        jinja_env: Any = None) -> str:
        self.source = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        return super().render_xml_part(src_xml, part, context, jinja_env)


def render_full(parts: dict[str, bytes], data: dict[str, Any], name: str = "mau.docx",
                preview: bool = False) -> bytes:
    """docxtpl's own render, with the sandboxed, limited environment."""
    tpl = _LocatedTemplate(io.BytesIO(repackage(places.number(parts), compress=False)))
    env = SafeEnvironment(placeholders=preview)
    try:
        tpl.render(data, jinja_env=env)
    except jinja2.TemplateError as exc:
        at = places.marker_at(tpl.source, places.template_line(exc)) if tpl.source else None
        raise _render_problem(exc, parts, at, name) from exc
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        at = places.marker_at(tpl.source, places.template_line(exc)) if tpl.source else None
        raise _render_problem(exc, parts, at, name) from exc
    out = io.BytesIO()
    tpl.save(out)
    return _order_cell_properties(out.getvalue())


#: ECMA-376 order of w:tcPr children; docxtpl's colspan/hm/vm/cellbg tags add gridSpan, hMerge,
#: vMerge or shd without regard to it, which Word may refuse.
_TCPR_ORDER = ["cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
               "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers", "cellIns",
               "cellDel", "cellMerge", "tcPrChange"]
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _order_cell_properties(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        parts = {name: zf.read(name) for name in zf.namelist()}
    rank = {f"{_W}{name}": i for i, name in enumerate(_TCPR_ORDER)}
    changed = False
    for name in [n for n in parts if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]:
        if b"<w:tcPr" not in parts[name]:
            continue
        root = etree.fromstring(parts[name], _XML)
        for tcpr in root.iter(f"{_W}tcPr"):
            children = list(tcpr)
            ordered = sorted(children, key=lambda el: rank.get(el.tag, len(rank)))
            if ordered != children:
                for el in children:
                    tcpr.remove(el)
                tcpr.extend(ordered)
                changed = True
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                     standalone=True)
    return repackage(parts) if changed else docx


def _free_envelope(data: dict[str, Any]) -> Envelope:
    try:
        return Envelope[FreeBody].model_validate(data)
    except ValidationError as exc:
        raise InputError(from_validation_error(exc)) from None


def body_context(data: dict[str, Any], template_id: str | None) -> tuple[dict, str | None, str]:
    """(context, the installed template whose contract DATA follows, title)."""
    candidates = [template_id] if template_id else list(REGISTRY.specs)
    for tid in candidates:
        try:
            env = pipeline_validate(tid, data)
        except InputError:
            if template_id:
                raise
            continue
        ctx = pipeline_context(tid, env)
        ctx.setdefault("noi_dung", data.get("noi_dung", {}))
        title = f"{REGISTRY.get(tid).loai_van_ban.capitalize()}: {env.trich_yeu}"
        return ctx, tid, " ".join(title.split())
    env = _free_envelope(data)
    ctx = envelope_context.build(env, "BÁO CÁO", "BC")
    ctx["noi_dung"] = data.get("noi_dung", {})
    return ctx, None, " ".join(env.trich_yeu.split())


def render_body(parts: dict[str, bytes], data: dict[str, Any], family: str | None,
                template_id: str | None, name: str = "mau.docx",
                preview: bool = False) -> Rendered:
    if family:
        data = {**data, "the_thuc": family}
    family = data.get("the_thuc") or DEFAULT_FAMILY
    if family not in FAMILY_IDS:
        raise InputError(problem("the_thuc.unknown", "the_thuc",
                                 f"Không có thể thức “{family}”; chọn một trong: "
                                 f"{', '.join(FAMILY_IDS)}.",
                                 f"unknown family {family!r}"))
    ctx, tid, title = body_context(data, template_id)
    shell_path = content_blocks_dir() / f"{family}.docx"
    shell = _read_zip(shell_path)
    try:
        check_styles(parts[DOCUMENT], shell["word/styles.xml"], name)
    except TemplateError:
        if not preview:  # a preview shows the paragraph in the default style (lint says why)
            raise
    shell = {**shell, DOCUMENT: places.number_xml(shell[DOCUMENT], places.SHELL)}
    shell, merged, footnotes_name = merge_package(shell, places.number(parts, ("body",)),
                                                  str(shell_path), name)
    source = _patch(places.to_markers(merged.decode("utf-8")))
    lines = tuple(source.splitlines())
    env = SafeEnvironment(placeholders=preview)
    try:
        template = env.from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise _render_problem(exc, parts, places.marker_at(source, exc.lineno), name) from exc
    compiled = Compiled(key=name, template=template, source_lines=lines,
                        parts=tuple((n, b) for n, b in shell.items() if n != DOCUMENT),
                        footnotes=footnotes_name, footnotes_xml=shell[footnotes_name])
    try:
        docx = engine.render(compiled, ctx, title=title, subject=ctx.get("ky_hieu", ""))
    except TemplateError as exc:
        cause = exc.__cause__
        if cause is None:
            raise TemplateError([problem(p.code, name, p.message, p.message_en,
                                         **{**p.extra, "file": name, "severity": "error"})
                                 for p in exc.problems]) from exc
        at = places.marker_at(source, places.template_line(cause))
        raise _render_problem(cause, parts, at, name) from exc
    except (TypeError, ValueError, ArithmeticError, LookupError, AttributeError) as exc:
        at = places.marker_at(source, places.template_line(exc))
        raise _render_problem(exc, parts, at, name) from exc
    return Rendered(docx=docx, kind=BODY, family=family, template_id=tid)


def render_upload(template: bytes, data: Any, *, family: str | None = None,
                  kind: str = "auto", template_id: str | None = None, name: str = "mau.docx",
                  preview: bool = False) -> Rendered:
    """Render in this process (the worker); raises :class:`VanbanError` with problems.

    ``preview``: a missing variable prints as a highlighted «name»
    (:mod:`vanban.designer.placeholders`), listed in ``Rendered.missing``."""
    from vanban.designer import placeholders

    parts = read_docx_parts(template)
    refuse_dtd(parts)
    data = load_input(data)
    chosen = template_kind(parts) if kind == "auto" else kind
    placeholders.reset()
    if chosen == BODY:
        rendered = render_body(parts, data, family, template_id, name, preview)
    else:
        rendered = Rendered(docx=render_full(parts, data, name, preview), kind=FULL)
    docx = placeholders.highlight(rendered.docx)
    return replace(rendered, docx=docx, missing=tuple(placeholders.SEEN))


def render_sandboxed(template: bytes, data: Any, *, family: str | None = None,
                     kind: str = "auto", template_id: str | None = None,
                     timeout: float | None = None, name: str = "mau.docx",
                     preview: bool = False) -> Rendered:
    """:func:`render_upload` in a worker process with the configured limits."""
    return run_isolated(render_upload, template, data, family=family, kind=kind,
                        template_id=template_id, timeout=timeout, name=name, preview=preview)
