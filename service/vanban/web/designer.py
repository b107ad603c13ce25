"""The template designer on the web: the ``/thiet-ke`` page and ``/api/v1/designer/…``.

API (multipart/form-data; the template in the file field ``template`` or the id of an installed
one in ``installed``; JSON in the field or file ``data``, optional — the example is used;
``the_thuc``, ``kind`` (auto/body/full) and ``schema`` (the contract to lint against)):

* ``POST /api/v1/designer/lint`` → the lint report (200 whatever it finds).
* ``POST /api/v1/designer/preview?format=json|docx|pdf`` → JSON with the lint report and the
  pages as PNG data URIs, or the document itself. A template with mistakes still previews
  (missing variables as «placeholders», broken paragraphs as marked text, every finding in the
  report: docs/designer-previews.md); data that does not validate, or a template that cannot
  render at all (the sandbox), is 422 problem+json (with the lint report in ``lint``; the
  title says whose fault it is); no PDF converter is 503.
* ``POST /api/v1/designer/annotate`` → the template with a Word comment at each finding.
* ``GET /api/v1/designer/templates/<id>.docx`` → "Tải mẫu Word": an installed template's body
  .docx to edit in Word; uploaded back, it is previewed with that template's data.

The page works without JavaScript (``POST /thiet-ke`` answers with the whole page; the uploaded
template is kept in memory for 30 minutes under a random token so the next submit — a download,
another JSON — can reuse it; it is never written to disk nor installed). ``static/designer.js``
does the same through the API without reloading.
"""

from __future__ import annotations

import base64
import json
import secrets
import threading
import time
from collections import OrderedDict
from typing import Any

from flask import Blueprint, Flask, Response, render_template, request

from vanban.designer.annotate import annotate
from vanban.designer.workbench import Job, Outcome, run
from vanban.errors import InputError, VanbanError, problem
from vanban.templates import REGISTRY
from vanban.the_thuc.families import FAMILIES
from vanban.web import checks
from vanban.web.filenames import content_disposition
from vanban.web.inputs import parse_json
from vanban.web.problems import RequestError, problem_response, size_text

api = Blueprint("designer_api", __name__, url_prefix="/api/v1/designer")
ui = Blueprint("designer_ui", __name__)

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
KINDS = {"auto": "Tự nhận biết", "body": "Mẫu nội dung (đặt trong khối thể thức)",
         "full": "Văn bản đầy đủ (điền nguyên như docxtpl)"}


class _Uploads:
    """Uploaded templates for the no-JavaScript page: memory only, few, short-lived."""

    def __init__(self, size: int = 32, ttl: float = 1800) -> None:
        self.size, self.ttl = size, ttl
        self._items: OrderedDict[str, tuple[float, str, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, name: str, data: bytes) -> str:
        token = secrets.token_urlsafe(16)
        with self._lock:
            self._items[token] = (time.monotonic(), name, data)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return token

    def get(self, token: str) -> tuple[str, bytes] | None:
        with self._lock:
            item = self._items.get(token)
            if item is None or time.monotonic() - item[0] > self.ttl:
                self._items.pop(token, None)
                return None
            return item[1], item[2]


UPLOADS = _Uploads()


def _field(name: str) -> str:
    return (request.form.get(name) or request.args.get(name) or "").strip()


def _job(want: str) -> tuple[Job, str]:
    """The job a multipart request describes, and the upload token (page only)."""
    request.max_content_length = checks.max_bytes()
    if request.mimetype not in ("multipart/form-data", "application/x-www-form-urlencoded"):
        raise RequestError(415, problem(
            "request.media-type", "Content-Type", "Gửi multipart/form-data: tệp mẫu .docx "
            "trong trường “template” (hoặc “installed”), dữ liệu JSON trong trường “data”.",
            f"unsupported media type {request.mimetype!r}; use multipart/form-data"),
            title="Kiểu nội dung không được hỗ trợ", slug="unsupported-media-type")
    files = request.files
    job = Job(want=want, kind=_field("kind") or "auto")
    if job.kind not in KINDS:
        raise InputError(problem("designer.kind", "kind", "“kind” phải là auto, body hoặc full.",
                                 f"unknown kind {job.kind!r}"))
    job.family = checks.parse_the_thuc(_field("the_thuc"))
    schema_id = _field("schema")
    if schema_id:
        REGISTRY.get(schema_id)
        job.schema_id = schema_id
    token = _field("ma_tep")
    upload = files.get("template")
    if upload is not None and upload.filename:
        job.template, job.filename = upload.read(), upload.filename
        token = UPLOADS.put(job.filename, job.template)
    elif _field("installed"):
        job.installed = REGISTRY.get(_field("installed")).id
        job.filename = f"{job.installed}.docx"
        token = ""
    elif token and UPLOADS.get(token):
        job.filename, job.template = UPLOADS.get(token)  # type: ignore[misc]
    else:
        raise RequestError(400, problem(
            "designer.no-template", "template", "Chưa có mẫu: chọn tệp .docx hoặc một mẫu có "
            "sẵn.", "no 'template' file and no 'installed' id"), title="Chưa có mẫu")
    data_file = files.get("data")
    raw = data_file.read() if data_file is not None and data_file.filename else \
        (request.form.get("data") or "").encode("utf-8")
    if raw.strip():
        job.data = parse_json(raw)
    return job, token


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def outcome_json(out: Outcome) -> dict[str, Any]:
    return {
        "kind": out.kind, "family": out.family, "data_source": out.data_source,
        "lint": out.report.to_dict() if out.report else None,
        "page_count": len(out.pages), "pages": [_data_uri(p) for p in out.pages],
        "pdf_problems": [p.to_dict() for p in out.pdf_error.problems] if out.pdf_error else [],
        "seconds": {k: round(v, 3) for k, v in out.seconds.items()},
    }


def _failed(out: Outcome) -> Response:
    assert out.error is not None
    response = problem_response(out.error.status, out.error.title, out.error.problems,
                                "invalid-input" if out.error.status == 422 else "internal")
    if out.report is not None and response.mimetype == "application/problem+json":
        body = json.loads(response.get_data())
        body["lint"] = out.report.to_dict()
        response.set_data(json.dumps(body, ensure_ascii=False))
    return response


def _attachment(content: bytes, mimetype: str, filename: str) -> Response:
    response = Response(content, mimetype=mimetype)
    response.headers["Content-Disposition"] = content_disposition(filename)
    response.headers["Cache-Control"] = "no-store"
    return response


def _stem(job: Job) -> str:
    name = job.filename.rsplit("/", 1)[-1]
    return name[:-5] if name.lower().endswith(".docx") else name or "mau"


@api.post("/lint")
def lint_route() -> Response:
    job, _ = _job("lint")
    out = run(job)
    if out.error is not None:
        raise out.error
    response = Response(json.dumps(out.report.to_dict(), ensure_ascii=False),  # type: ignore
                        mimetype="application/json")
    return response


@api.post("/preview")
def preview_route() -> Response:
    fmt = (request.args.get("format") or "json").lower()
    if fmt not in ("json", "docx", "pdf"):
        raise RequestError(400, problem("request.format", "format",
                                        f"Định dạng “{fmt}” không hỗ trợ; chọn json, docx "
                                        "hoặc pdf.", f"unsupported format {fmt!r}"))
    job, _ = _job({"json": "preview", "docx": "docx", "pdf": "pdf"}[fmt])
    out = run(job)
    if out.error is not None:
        return _failed(out)
    if fmt == "docx":
        return _attachment(out.docx or b"", DOCX_MIME, f"{_stem(job)}-xem-truoc.docx")
    if fmt == "pdf":
        if out.pdf is None:
            raise out.pdf_error or VanbanError([])
        return _attachment(out.pdf, "application/pdf", f"{_stem(job)}-xem-truoc.pdf")
    return Response(json.dumps(outcome_json(out), ensure_ascii=False),
                    mimetype="application/json")


@api.get("/templates/<template_id>.docx")
def word_template_route(template_id: str) -> Response:
    """"Tải mẫu Word": an installed template's body .docx, to edit in Word and preview here."""
    from vanban.designer.eject import word_template

    return _attachment(word_template(REGISTRY.get(template_id).id), DOCX_MIME,
                       f"{template_id}.docx")


@api.post("/annotate")
def annotate_route() -> Response:
    job, _ = _job("lint")
    out = run(job)
    if out.error is not None:
        raise out.error
    template = job.template if job.template is not None else \
        REGISTRY.get(job.installed or "").docx_path.read_bytes()
    return _attachment(annotate(template, out.report), DOCX_MIME,  # type: ignore[arg-type]
                       f"{_stem(job)}-chu-thich.docx")


# ------------------------------------------------------------------ the page


def _page(status: int = 200, *, out: Outcome | None = None, error: VanbanError | None = None,
          form: dict[str, str] | None = None, token: str = "", filename: str = "") -> tuple:
    html = render_template(
        "designer.html", out=out, error=error or (out.error if out else None),
        form=form or {}, token=token, filename=filename, kinds=KINDS,
        families=[("", "Theo dữ liệu (the_thuc)")] + [(f.id, f.ten) for f in FAMILIES.values()],
        templates=list(REGISTRY.specs.values()), overridden=REGISTRY.overridden,
        limit=size_text(checks.max_bytes()),
        pages=[_data_uri(p) for p in out.pages] if out else [])
    return html, status


def _form_values() -> dict[str, str]:
    keys = ("installed", "the_thuc", "kind", "schema", "data")
    try:
        return {k: request.form.get(k, "") for k in keys}
    except Exception:  # an oversized body: no form to echo
        return {}


@ui.get("/thiet-ke")
def page() -> tuple:
    return _page()


@ui.post("/thiet-ke")
def submit() -> Response | tuple:
    action = request.form.get("action", "xem")
    form = _form_values()
    if action == "mau-word":
        chosen = form.get("installed") or form.get("schema")
        if not chosen:
            error = InputError(problem("designer.no-installed", "installed",
                                       "Chọn một mẫu có sẵn để tải mẫu Word của nó.",
                                       "choose an installed template to download"))
            return _page(error.status, error=error, form=form, token=_field("ma_tep"))
        return word_template_route(chosen)
    if action == "mau":
        chosen = form.get("installed") or form.get("schema") or next(iter(REGISTRY.specs), "")
        if chosen:
            import vanban

            form["data"] = json.dumps(vanban.example(chosen), ensure_ascii=False, indent=2)
        return _page(form=form, token=_field("ma_tep"))
    want = {"xem": "preview", "docx": "docx", "pdf": "pdf", "chu-thich": "lint"}.get(action,
                                                                                   "preview")
    try:
        job, token = _job(want)
    except VanbanError as exc:
        return _page(exc.status, error=exc, form=form, token=_field("ma_tep"))
    out = run(job)
    filename = job.filename if job.template is not None else ""
    if out.error is None and action == "docx" and out.docx:
        return _attachment(out.docx, DOCX_MIME, f"{_stem(job)}-xem-truoc.docx")
    if out.error is None and action == "pdf" and out.pdf:
        return _attachment(out.pdf, "application/pdf", f"{_stem(job)}-xem-truoc.pdf")
    if out.error is None and action == "chu-thich" and out.report is not None:
        template = job.template if job.template is not None else \
            REGISTRY.get(job.installed or "").docx_path.read_bytes()
        return _attachment(annotate(template, out.report), DOCX_MIME,
                           f"{_stem(job)}-chu-thich.docx")
    status = out.error.status if out.error else 200
    return _page(status, out=out, form=form, token=token, filename=filename)


def register(app: Flask) -> None:
    app.register_blueprint(api)
    app.register_blueprint(ui)
