"""What the designer page and its API do with one submission: lint, render, PDF, page images.

    outcome = workbench.run(Job(template=docx_bytes, data=json_bytes, want="preview"))

A job names either an uploaded template (rendered in the sandbox, never installed) or an
installed one (the normal pipeline). Without data it takes the example of the contract chosen
(``schema_id``), of the installed template, or — for a body template — of the first installed
template. Every step that fails is kept as problems on the outcome, so the page can show the
lint findings even when rendering is impossible.
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

import vanban
from vanban.config import get_settings
from vanban.designer import marks
from vanban.designer.lint import LintReport, lint_template
from vanban.designer.render import BODY, render_sandboxed, template_kind
from vanban.designer.sandbox import run_bounded
from vanban.errors import (
    BusyError,
    ConversionError,
    InputError,
    Problem,
    TemplateError,
    TemplateFaultError,
    VanbanError,
    problem,
)
from vanban.ooxml.safezip import check_counts, read_docx_parts, read_package_parts, refuse_dtd
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
    pages: list[bytes] = field(default_factory=list)  # at most preview_max_pages
    page_count: int = 0  # pages of the PDF (may be more than the images)
    error: VanbanError | None = None  # why there is no document
    pdf_error: VanbanError | None = None  # why there is a document but no pages
    data_source: str = ""  # "upload" or "example:<id>"
    kind: str = ""
    family: str | None = None
    seconds: dict[str, float] = field(default_factory=dict)


def _example_for(job: Job, kind: str) -> tuple[Any, str]:
    """The example data when none was sent: of the contract chosen, of the installed template
    previewed, or of the installed template whose example holds most of what the uploaded
    template reads (body and full templates alike)."""
    for candidate in (job.schema_id, job.installed):
        if candidate:
            return vanban.example(candidate), f"example:{candidate}"
    if REGISTRY.specs and job.template is not None:
        best = _best_example(job.template, kind)
        return vanban.example(best), f"example:{best}"
    return None, ""


def _best_example(template: bytes, kind: str) -> str:
    """The installed template whose example holds most of the fields the template reads
    (``noi_dung.…`` for a body template, whose shell fills the rest; every field for a full
    one); the first one on a tie."""
    import docxtpl_lint

    from vanban.designer.contract import resolve

    try:
        variables = docxtpl_lint.lint(template).variables
    except Exception:  # an unreadable file: lint reports it
        variables = []
    wanted = [v.replace("[]", "[*]") for v in variables
              if kind != BODY or v.startswith("noi_dung.")]
    scores = {tid: sum(bool(resolve(vanban.example(tid), v)) for v in wanted)
              for tid in REGISTRY.specs}
    return max(scores, key=lambda tid: scores[tid])


def _render_problems(exc: TemplateError, texts: dict[tuple[str, int], str]) -> list[Problem]:
    """The render's problems with the paragraph's text of the original upload (the copy
    rendered carries the marks)."""
    out = []
    for p in exc.problems:
        at = marks.place(p)
        if at is not None and at in texts:
            p.extra["text"] = texts[at][:300]
        out.append(p)
    return out


def _same_variable(path: str, name: str) -> bool:
    path = path.replace("[*]", "")
    return bool(path) and (path == name or path.endswith("." + name))


def _placeholders(report: LintReport, missing: tuple[str, ...]) -> None:
    """Each variable printed as «name»: on the lint finding that names it, or a finding of
    its own."""
    for name in missing:
        shown = f"«{name}»"
        # Jinja names a missing field by its own name only (``khong_co`` of
        # ``noi_dung.khong_co``): a lint finding about a path ending in it is the same one.
        found = [p for p in report.problems
                 if _same_variable(str(p.extra.get("variable", "")), name)
                 or f"“{name}”" in p.message
                 or any(f"“{name}”" in m for m in p.extra.get("folded", []))]
        for p in found:
            p.extra["placeholder"] = shown
        if not found:
            report.problems.append(problem(
                "designer.placeholder", name,
                f"Biến “{name}” không có trong dữ liệu: bản xem trước in {shown} (tô vàng) ở "
                "chỗ của nó.", f"{name!r} is missing from the data; the preview prints {shown}",
                severity="error", variable=name, placeholder=shown,
                fix=f"Thêm trường “{name}” vào dữ liệu JSON, hoặc sửa tên biến trong mẫu."))


#: Renders of one preview at most: each new error found at a paragraph costs one more.
MAX_ROUNDS = 4


def preview_upload(job: Job, template: bytes, data: Any, report: LintReport,
                   out: Outcome) -> bytes | None:
    """Render an uploaded template for a preview that never blocks: missing variables print
    as placeholders, broken paragraphs print as text with their finding's mark; a render
    error at a paragraph is added to the findings and that paragraph neutralised in turn.
    None (and ``out.error``) only when the data is wrong or the template cannot render at
    all (the sandbox refused it, or an error with no place)."""
    blocked = {at for p in report.errors if p.code in marks.BLOCKING
               and (at := marks.place(p)) is not None}
    texts = marks.texts(template)
    for _ in range(MAX_ROUNDS):
        marks.number(report.problems)
        marked = marks.preview_copy(template, report.problems, blocked)
        try:
            rendered = render_sandboxed(marked, data, family=job.family, kind=report.kind,
                                        template_id=job.schema_id, name=job.filename,
                                        preview=True)
        except TemplateError as exc:
            found = _render_problems(exc, texts)
            places = {at for p in found if (at := marks.place(p)) is not None}
            refused = any(p.code.startswith("sandbox.") for p in found)
            if refused or not places or places <= blocked:  # the sandbox never renders it
                out.error = TemplateFaultError(found)
                return None
            report.problems += [p for p in found if marks.place(p) not in blocked]
            blocked |= places
            continue
        out.family = rendered.family
        _placeholders(report, rendered.missing)
        marks.number(report.problems)
        return rendered.docx
    out.error = TemplateFaultError(report.errors or [problem(
        "designer.unrenderable", job.filename, "Mẫu không điền được.", "cannot render")])
    return None


_LINTED: OrderedDict[str, LintReport] = OrderedDict()
_LINTED_LOCK = threading.Lock()
_LINTED_SIZE = 32


def _digest(value: Any) -> str:
    if isinstance(value, str):
        value = value.encode("utf-8")
    if not isinstance(value, bytes):
        value = json.dumps(value, sort_keys=True, ensure_ascii=False, default=str).encode()
    return hashlib.sha256(value).hexdigest()


def lint_timeout(seconds: float) -> Problem:
    return problem(
        "lint.timeout", "template",
        f"Rà soát mẫu quá {seconds:g} giây nên đã bị dừng (check_timeout); mẫu quá lớn hoặc "
        "quá phức tạp.", f"lint stopped after {seconds:g} s (check_timeout)",
        limit="check_timeout", max=seconds)


def _lint_in_worker(template: bytes, options: dict[str, Any]) -> LintReport:
    """The bounded worker's side (module level, so the fork server can run it)."""
    return lint_template(template, **options)


def cached_lint(template: bytes, *, name: str, schema_id: str | None, data: Any, kind: str,
                family: str | None, bounded: bool = False) -> LintReport:
    """:func:`lint_template`, remembered for the last few (template, data, options): the
    designer previews the same template again and again (another click, ``--watch`` after
    a change of the data only re-lints when the data changed), and a lint costs as much as
    the page images. A copy is returned: the workbench numbers and extends its findings."""
    key = _digest([_digest(template), _digest(data), name, schema_id, kind, family])
    with _LINTED_LOCK:
        hit = _LINTED.get(key)
        if hit is not None:
            _LINTED.move_to_end(key)
            return copy.deepcopy(hit)
    options = {"name": name, "schema_id": schema_id, "data": data, "kind": kind,
               "family": family}
    if bounded:  # an upload: in a worker process with time and memory limits (issue 19)
        settings = get_settings()
        try:
            report = run_bounded(_lint_in_worker, template, options,
                                 timeout=settings.check_timeout,
                                 memory_mb=settings.check_memory_mb, on_timeout=lint_timeout,
                                 kind="lint")
        except TemplateError as exc:  # the worker's limits: the upload's fault (422)
            raise InputError(exc.problems) from None
    else:
        report = lint_template(template, **options)
    with _LINTED_LOCK:
        _LINTED[key] = copy.deepcopy(report)
        while len(_LINTED) > _LINTED_SIZE:
            _LINTED.popitem(last=False)
    return report


def _unreadable(exc: InputError, job: Job) -> InputError:
    """An uploaded file that cannot be read is the template's fault, not the data's."""
    if job.template is None or isinstance(exc, TemplateFaultError):
        return exc
    return TemplateFaultError([problem(p.code, p.path, p.message, p.message_en,
                                       **{"file": job.filename, **p.extra})
                               for p in exc.problems])


def run(job: Job) -> Outcome:
    out = Outcome()
    t0 = time.perf_counter()
    if job.installed:
        spec = REGISTRY.get(job.installed)
        template = spec.docx_path.read_bytes()
        schema_id = job.schema_id or spec.id
    elif job.template is not None:
        if not job.schema_id:  # a copy of an installed template ("Tải mẫu Word"), edited
            from vanban.designer.eject import origin

            job.schema_id = origin(job.template)
        template, schema_id = job.template, job.schema_id
    else:
        raise InputError(problem("designer.no-template", "template",
                                 "Chưa chọn mẫu: tải lên tệp .docx hoặc chọn một mẫu có sẵn.",
                                 "no template uploaded or chosen"))
    if job.template is not None:
        try:  # sizes, counts and DTDs here first: refused in milliseconds
            refuse_dtd(read_docx_parts(template), job.filename)
        except InputError as exc:
            out.error = _unreadable(exc, job)
            return out
    data = job.data
    if data in (None, b"", ""):
        data = None
    out.data_source = "upload"
    lint_data = data
    if data is None:
        kind = job.kind
        if kind == "auto":
            try:
                kind = template_kind(read_docx_parts(template))
            except InputError as exc:
                out.error = _unreadable(exc, job)
                return out
        data, out.data_source = _example_for(job, kind)
        # A full template is linted against an example only when one was named; one picked
        # for the preview would only add "missing"/"unused" noise (the preview's
        # placeholders say what it lacks).
        lint_data = data if kind == BODY or schema_id else None
    try:
        out.report = cached_lint(template, name=job.filename, schema_id=schema_id,
                                 data=lint_data, kind=job.kind, family=job.family,
                                 bounded=job.template is not None)
    except InputError as exc:  # unreadable upload: nothing else can run
        out.error = _unreadable(exc, job)
        return out
    out.kind = out.report.kind
    out.seconds["lint"] = time.perf_counter() - t0
    if job.want == "lint":
        return out
    if data is None:
        out.error = InputError(problem(
            "designer.no-data", "data", "Cần dữ liệu JSON để xem trước mẫu này (chưa cài mẫu "
            "nào có dữ liệu mẫu).", "no data and no installed template to take an example from"))
        return out
    t1 = time.perf_counter()
    try:
        if job.installed:
            payload = load_input(data)
            if job.family:
                payload = {**payload, "the_thuc": job.family}
            try:
                out.docx = vanban.render(job.installed, payload)
                out.family = payload.get("the_thuc") or DEFAULT_FAMILY
            except TemplateError:
                # An installed template that does not compile (an office's own folder on
                # VANBAN_TEMPLATES_PATH being edited): previewed like an upload, the mistakes
                # marked at their paragraphs instead of an error at an XML line.
                fallback = Job(template=template, data=payload, family=job.family,
                               kind=job.kind, schema_id=schema_id, filename=job.filename)
                out.docx = preview_upload(fallback, template, payload, out.report, out)
                if out.docx is None:
                    return out
        else:
            out.docx = preview_upload(job, template, data, out.report, out)
            if out.docx is None:
                return out
            # what the upload produced is read under the same caps before LibreOffice sees it
            check_counts(read_package_parts(out.docx))
    except BusyError:
        raise
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
                from vanban.pdf.images import page_count, pdf_pages_png

                t3 = time.perf_counter()
                out.page_count = page_count(out.pdf)
                cap = get_settings().preview_max_pages
                out.pages = pdf_pages_png(out.pdf, dpi=job.dpi, last=cap)
                out.seconds["png"] = time.perf_counter() - t3
        except ConversionError as exc:
            out.pdf_error = exc
    out.seconds["total"] = time.perf_counter() - t0
    return out
