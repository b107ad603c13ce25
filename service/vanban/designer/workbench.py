"""What the designer page and its API do with one submission: lint, render, PDF, page images.

    outcome = workbench.run(Job(template=docx_bytes, data=json_bytes, want="preview"))

A job names either an uploaded template (rendered in the sandbox, never installed) or an
installed one (the normal pipeline). Without data it takes the example of the contract chosen
(``schema_id``), of the installed template, or — for a body template — of the first installed
template. Every step that fails is kept as problems on the outcome, so the page can show the
lint findings even when rendering is impossible.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import vanban
from vanban.designer.lint import LintReport, lint_template
from vanban.designer.render import BODY, render_sandboxed, template_kind
from vanban.errors import ConversionError, InputError, TemplateError, VanbanError, problem
from vanban.ooxml.safezip import read_docx_parts
from vanban.pipeline import load as load_input
from vanban.templates import REGISTRY
from vanban.the_thuc.families import DEFAULT_FAMILY

WANTS = ("preview", "lint", "docx", "pdf")


@dataclass
class Job:
    template: bytes | None = None  # an uploaded .docx
    installed: str | None = None  # or the id of an installed template
    data: Any = None  # JSON text/bytes or parsed; None: the example
    family: str | None = None
    kind: str = "auto"
    schema_id: str | None = None
    want: str = "preview"
    filename: str = "mau.docx"
    dpi: int = 80


@dataclass
class Outcome:
    report: LintReport | None = None
    docx: bytes | None = None
    pdf: bytes | None = None
    pages: list[bytes] = field(default_factory=list)
    error: VanbanError | None = None  # why there is no document
    pdf_error: VanbanError | None = None  # why there is a document but no pages
    data_source: str = ""  # "upload" or "example:<id>"
    kind: str = ""
    family: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)


def _example_for(job: Job, kind: str) -> tuple[Any, str]:
    for candidate in (job.schema_id, job.installed):
        if candidate:
            return vanban.example(candidate), f"example:{candidate}"
    if kind == BODY and REGISTRY.specs and job.template is not None:
        best = _best_example(job.template)
        return vanban.example(best), f"example:{best}"
    return None, ""


def _best_example(template: bytes) -> str:
    """The installed template whose example holds most of the ``noi_dung`` fields the body
    template reads (the first one on a tie)."""
    import docxtpl_lint

    from vanban.designer.contract import resolve

    wanted = [v.replace("[]", "[*]") for v in docxtpl_lint.lint(template).variables
              if v.startswith("noi_dung.")]
    scores = {tid: sum(bool(resolve(vanban.example(tid), v)) for v in wanted)
              for tid in REGISTRY.specs}
    return max(scores, key=lambda tid: scores[tid])


def _as_upload_error(exc: TemplateError) -> InputError:
    """A broken *uploaded* template is the sender's mistake (422), not the server's (500)."""
    return InputError(exc.problems)


def run(job: Job) -> Outcome:
    out = Outcome()
    t0 = time.perf_counter()
    if job.installed:
        spec = REGISTRY.get(job.installed)
        template = spec.docx_path.read_bytes()
        schema_id = job.schema_id or spec.id
    elif job.template is not None:
        template, schema_id = job.template, job.schema_id
    else:
        raise InputError(problem("designer.no-template", "template",
                                 "Chưa chọn mẫu: tải lên tệp .docx hoặc chọn một mẫu có sẵn.",
                                 "no template uploaded or chosen"))
    data = job.data
    if data in (None, b"", ""):
        data = None
    out.data_source = "upload"
    if data is None:
        kind = job.kind
        if kind == "auto":
            try:
                kind = template_kind(read_docx_parts(template))
            except InputError as exc:
                out.error = exc
                return out
        data, out.data_source = _example_for(job, kind)
    try:
        out.report = lint_template(template, name=job.filename, schema_id=schema_id,
                                   data=data, kind=job.kind, family=job.family)
    except InputError as exc:  # unreadable upload: nothing else can run
        out.error = exc
        return out
    out.kind = out.report.kind
    out.seconds["lint"] = time.perf_counter() - t0
    if job.want == "lint":
        return out
    if data is None:
        out.error = InputError(problem(
            "designer.no-data", "data", "Cần dữ liệu JSON để xem trước mẫu này (mẫu văn "
            "bản đầy đủ không có dữ liệu mẫu).", "no data and no example for this template"))
        return out
    t1 = time.perf_counter()
    try:
        if job.installed:
            payload = load_input(data)
            if job.family:
                payload = {**payload, "the_thuc": job.family}
            out.docx = vanban.render(job.installed, payload)
            out.family = payload.get("the_thuc") or DEFAULT_FAMILY
        else:
            rendered = render_sandboxed(template, data, family=job.family, kind=job.kind,
                                        template_id=job.schema_id)
            out.docx, out.family = rendered.docx, rendered.family
    except TemplateError as exc:
        out.error = exc if job.installed else _as_upload_error(exc)
        return out
    except VanbanError as exc:
        out.error = exc
        return out
    out.seconds["render"] = time.perf_counter() - t1
    if job.want in ("preview", "pdf"):
        t2 = time.perf_counter()
        try:
            from vanban.pdf import converter

            out.pdf = converter().convert(out.docx)
            out.seconds["pdf"] = time.perf_counter() - t2
            if job.want == "preview":
                from vanban.pdf.images import pdf_pages_png

                t3 = time.perf_counter()
                out.pages = pdf_pages_png(out.pdf, dpi=job.dpi)
                out.seconds["png"] = time.perf_counter() - t3
        except ConversionError as exc:
            out.pdf_error = exc
    out.seconds["total"] = time.perf_counter() - t0
    return out
