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
from dataclasses import dataclass
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from lxml import etree
from pydantic import BaseModel, ConfigDict, ValidationError

from vanban.context import envelope as envelope_context
from vanban.designer.sandbox import SafeEnvironment, run_isolated, translate
from vanban.errors import InputError, TemplateError, VanbanError, problem
from vanban.model.envelope import Envelope
from vanban.model.problems import from_validation_error
from vanban.ooxml.safezip import read_docx_parts
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
    locate,
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


def _render_problem(exc: Exception, near: str, where: str) -> VanbanError:
    found = translate(exc, where)
    if found is not None:
        return TemplateError(found)
    near_vi = f" Gần đoạn: “{near}”." if near else ""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(problem(
            "template.syntax", f"{where} dòng {exc.lineno}",
            f"Thẻ Jinja sai cú pháp: {(exc.message or '').rstrip('.')}.{near_vi}",
            f"jinja syntax error: {exc.message}",
            near=near))
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError(problem(
            "template.undefined", where, f"Mẫu dùng biến không có trong dữ liệu: {exc.message}."
            f"{near_vi}", str(exc), near=near))
    return TemplateError(problem(
        "template.render", where, f"Lỗi khi điền mẫu: {exc}.{near_vi}", str(exc), near=near))


def _template_line(exc: BaseException | None) -> int | None:
    """The line of the compiled template where a render error happened (Jinja rewrites the
    traceback so that template frames carry template line numbers)."""
    tb = exc.__traceback__ if exc is not None else None
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def render_full(parts: dict[str, bytes], data: dict[str, Any]) -> bytes:
    """docxtpl's own render, with the sandboxed, limited environment."""
    tpl = DocxTemplate(io.BytesIO(repackage(parts, compress=False)))
    env = SafeEnvironment()
    try:
        tpl.render(data, jinja_env=env)
    except jinja2.TemplateError as exc:
        near = " … ".join(t.strip() for t in getattr(exc, "docx_context", []) if t.strip())
        where = "template.docx"
        line = _template_line(exc)
        if not near and line and tpl.current_rendering_part is tpl.docx._part:
            # A runtime error (a missing variable): docxtpl gives no place; find it.
            source = re.sub(r"<w:p([ >])", r"\n<w:p\1", tpl.patch_xml(tpl.get_xml()))
            near, where = locate(tuple(source.splitlines()), line), f"{DOCUMENT} dòng {line}"
        raise _render_problem(exc, near, where) from exc
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
                template_id: str | None) -> Rendered:
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
    check_styles(parts[DOCUMENT], shell["word/styles.xml"], "template.docx")
    shell, merged, footnotes_name = merge_package(shell, parts, str(shell_path), "template.docx")
    source = _patch(merged.decode("utf-8"))
    lines = tuple(source.splitlines())
    env = SafeEnvironment()
    try:
        template = env.from_string(source)
    except jinja2.TemplateSyntaxError as exc:
        raise _render_problem(exc, locate(lines, exc.lineno), DOCUMENT) from exc
    compiled = Compiled(key=f"upload/{family}", template=template, source_lines=lines,
                        parts=tuple((n, b) for n, b in shell.items() if n != DOCUMENT),
                        footnotes=footnotes_name, footnotes_xml=shell[footnotes_name])
    try:
        docx = engine.render(compiled, ctx, title=title, subject=ctx.get("ky_hieu", ""))
    except TemplateError as exc:
        found = translate(exc, DOCUMENT)
        if found is not None:
            raise TemplateError(found) from exc
        line = _template_line(exc.__cause__)
        if line is None:
            raise
        raise _render_problem(exc.__cause__, locate(lines, line), f"{DOCUMENT} dòng {line}") \
            from exc
    return Rendered(docx=docx, kind=BODY, family=family, template_id=tid)


def render_upload(template: bytes, data: Any, *, family: str | None = None,
                  kind: str = "auto", template_id: str | None = None) -> Rendered:
    """Render in this process (the worker); raises :class:`VanbanError` with problems."""
    parts = read_docx_parts(template)
    data = load_input(data)
    chosen = template_kind(parts) if kind == "auto" else kind
    if chosen == BODY:
        return render_body(parts, data, family, template_id)
    return Rendered(docx=render_full(parts, data), kind=FULL)


def render_sandboxed(template: bytes, data: Any, *, family: str | None = None,
                     kind: str = "auto", template_id: str | None = None,
                     timeout: float | None = None) -> Rendered:
    """:func:`render_upload` in a worker process with the configured limits."""
    return run_isolated(render_upload, template, data, family=family, kind=kind,
                        template_id=template_id, timeout=timeout)
