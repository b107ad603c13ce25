"""The ``ui`` blueprint: the page clerks use, in Vietnamese, server-rendered.

``GET /`` lists the document types; ``GET /mau/<id>`` is the editor for one type. The editor
is a plain HTML form that works without JavaScript (``POST /mau/<id>`` validates, loads the
example or returns the document); ``static/app.js`` enhances it with live validation and
downloads through the API.

``GET /kiem-tra`` is the format check of an existing .docx: ``POST /kiem-tra`` renders the
report on the server (no JavaScript needed); ``static/check.js`` sends the same form to
``POST /api/v1/check-format`` and draws the same markup without reloading.
"""

from __future__ import annotations

import json
import re
from typing import Any

from flask import Blueprint, Response, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.exceptions import RequestEntityTooLarge

import vanban
from vanban import outputs
from vanban.check.catalog import RULES
from vanban.check.cli import LABELS as SEVERITY_LABELS
from vanban.errors import VanbanError, problem
from vanban.templates import REGISTRY, TemplateSpec
from vanban.the_thuc.families import FAMILIES, LABELS
from vanban.web import checks, documents, home
from vanban.web.api import send_document
from vanban.web.ho_so_page import bp as ho_so_page_bp
from vanban.web.inputs import parse_json
from vanban.web.problems import RequestError, size_text

bp = Blueprint("ui", __name__)
bp.register_blueprint(ho_so_page_bp)  # /ho-so: a whole commendation file

FAMILY_LABELS = LABELS

def _resolve(node: dict[str, Any], defs: dict[str, Any]) -> dict[str, Any]:
    for key in ("anyOf", "allOf"):
        for option in node.get(key, []):
            if "$ref" in option or option.get("type") == "object":
                node = {**option, **{k: v for k, v in node.items() if k != key}}
                break
    if "$ref" in node:
        target = defs.get(node["$ref"].rsplit("/", 1)[1], {})
        node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def field_guide(schema: dict[str, Any], depth: int = 2) -> list[dict[str, Any]]:
    """Fields of a JSON Schema as ``{path, description, required, depth}`` rows."""
    defs = schema.get("$defs", {})
    rows: list[dict[str, Any]] = []

    def walk(node: dict[str, Any], prefix: str, level: int) -> None:
        node = _resolve(node, defs)
        required = set(node.get("required", []))
        for name, own in node.get("properties", {}).items():
            prop = _resolve(own, defs)  # the property's own description, not its class's
            path = f"{prefix}{name}"
            # The property's own description, else its class's (co_quan → CoQuan's docstring).
            text = own.get("description") or prop.get("description") or ""
            rows.append({"path": path, "required": name in required, "level": level,
                         "description": text})
            if level + 1 < depth and "properties" in prop:
                walk(prop, f"{path}.", level + 1)

    walk(schema, "", 0)
    return rows


_CODE = re.compile(r"`([^`]+)`")


@bp.app_template_filter("code_spans")
def code_spans(text: str) -> Markup:
    """Escape ``text`` and show its ```name``` spans as ``<code>name</code>``."""
    return Markup(_CODE.sub(r"<code>\1</code>", str(escape(text))))


def form_config(spec: TemplateSpec) -> dict[str, Any]:
    """What ``_bieu_mau.html`` and ``static/form.js`` need for one document type."""
    tid = spec.id
    urls = {
        "template-id": tid, "families": " ".join(spec.families),
        "schema-url": url_for("api.schema", template_id=tid),
        "example-url": url_for("api.example", template_id=tid),
        "normalise-url": f"/api/v1/normalise/{tid}",
        "validate-url": url_for("api.validate", template_id=tid),
        "render-url": url_for("api.render_document", template_id=tid),
        "xlsx-url": f"/api/v1/templates/{tid}/xlsx", "export-url": f"/api/v1/xlsx/{tid}",
        "import-url": f"/api/v1/import/{tid}",
        "reopen-url": "/api/v1/reopen",
        "preview-url": url_for("designer_api.preview_route"), "preview-kind": "mau",
        "page-url": url_for("ui.editor", template_id="__ID__"),
    }
    return {"urls": urls, "excel": True, "pdf": True, "download": "Tải văn bản .docx",
            "what": "văn bản"}


def _page(spec: TemplateSpec, text: str = "", error: VanbanError | None = None,
          valid: bool = False) -> str:
    return render_template(
        "editor.html", spec=spec, text=text, error=error, valid=valid, bm=form_config(spec),
        families=[FAMILY_LABELS.get(f, f) for f in spec.families],
        fields=field_guide(vanban.schema(spec.id)), outputs=_download_buttons())


def _download_buttons() -> list[tuple[outputs.Output, bool]]:
    """One download button per output format, with whether this server can make it now."""
    from vanban.pdf import converter

    current = converter()
    return [(o, o.available(current)) for o in outputs.OUTPUTS.values()]


@bp.get("/")
def index() -> str:
    return render_template("index.html", stages=home.stages(), labels=FAMILY_LABELS,
                           plain=home.PLAIN, overridden=REGISTRY.overridden)


@bp.get("/mau/<template_id>")
def editor(template_id: str) -> str:
    spec = REGISTRY.get(template_id)
    text = _example_text(spec) if request.args.get("mau") else ""
    return _page(spec, text)


def _example_text(spec: TemplateSpec) -> str:
    return json.dumps(vanban.example(spec.id), ensure_ascii=False, indent=2)


@bp.post("/mau/<template_id>")
def submit(template_id: str) -> Response | tuple[str, int] | str:
    """The form without JavaScript: ``action`` is ``mau``, ``kiem-tra``, an output format
    (``docx``, ``pdf``, ``odt``: :mod:`vanban.outputs`) or ``pdf-ky-so`` (the PDF/A with the
    signature fields)."""
    spec = REGISTRY.get(template_id)
    action = request.form.get("action", "kiem-tra")
    text = request.form.get("data", "")
    raw = text.encode("utf-8")
    upload = request.files.get("tep")
    if upload is not None and upload.filename:
        raw = upload.read()
        text = raw.decode("utf-8-sig", "replace")
    if action == "mau":
        return _page(spec, _example_text(spec))
    try:
        data = parse_json(raw)
        if action in outputs.OUTPUTS:
            return send_document(documents.render(template_id, data, action))
        if action == "pdf-ky-so":
            return send_document(documents.render(template_id, data, "pdf", for_signing=True))
        documents.validate(template_id, data)
    except VanbanError as exc:
        return _page(spec, text, error=exc), exc.status
    return _page(spec, text, valid=True)


# ------------------------------------------------------------------ format check (/kiem-tra)

#: How many other paragraph numbers a finding lists before "…" (check.js uses the same).
MORE_PARAGRAPHS = 12


def finding_where(finding: dict[str, Any]) -> str:
    """Where a finding is, for people: ``Đoạn 5: “…”``, ``Đầu/chân trang``, ``Cả văn bản``."""
    loc = finding["location"]
    quoted = f": “{loc['text']}”" if loc["text"] else ""
    if loc["part"] != "document":
        return f"Đầu/chân trang{quoted}"
    if loc["paragraph_index"] is None:
        return "Cả văn bản"
    return f"Đoạn {loc['paragraph_index'] + 1}{quoted}"


def finding_more(finding: dict[str, Any]) -> str:
    """``và 7 chỗ khác: đoạn 2, 3, 4`` when the same finding repeats; else empty."""
    if finding["count"] <= 1:
        return ""
    text = f"và {finding['count'] - 1} chỗ khác"
    first = finding["location"]["paragraph_index"]
    others = [n + 1 for n in finding["paragraphs"] if n != first]
    if others and finding["location"]["part"] == "document":
        shown = ", ".join(str(n) for n in others[:MORE_PARAGRAPHS])
        text += f": đoạn {shown}{', …' if len(others) > MORE_PARAGRAPHS else ''}"
    return text


def _check_page(status: int = 200, *, report: dict[str, Any] | None = None,
                error: VanbanError | None = None, filename: str = "",
                chosen: str = "") -> tuple[str, int]:
    families = [("", "Tự nhận biết từ văn bản")] + [(f.id, f.ten) for f in FAMILIES.values()]
    html = render_template(
        "check.html", report=report, error=error, filename=filename, chosen=chosen,
        families=families, rules={r.id: r.title for r in RULES.values()},
        labels=SEVERITY_LABELS, limit=size_text(checks.max_bytes()),
        max_bytes=checks.max_bytes() or "", where=finding_where, more=finding_more)
    return html, status


@bp.get("/kiem-tra")
def check_page() -> tuple[str, int]:
    return _check_page()


def _chosen_family() -> str:
    try:
        value = request.args.get("the_thuc") or request.form.get("the_thuc") or ""
    except RequestEntityTooLarge:
        return ""
    return value if value in FAMILIES else ""


@bp.post("/kiem-tra")
def check_submit() -> tuple[str, int]:
    """The form without JavaScript: the report (or what went wrong) on the same page."""
    try:
        upload = checks.read_upload(request)
        report = checks.check(upload.data, upload.the_thuc)
    except RequestEntityTooLarge:
        too_large = RequestError(413, problem(
            "http.413", "file", f"Tệp vượt quá giới hạn {size_text(checks.max_bytes())}; "
            "hãy gửi tệp nhỏ hơn (ví dụ nén ảnh trong văn bản).", "upload too large"),
            title="Tệp quá lớn", slug="too-large")
        return _check_page(413, error=too_large, chosen=_chosen_family())
    except VanbanError as exc:
        return _check_page(exc.status, error=exc, chosen=_chosen_family())
    return _check_page(report=checks.report_json(report), filename=upload.filename,
                       chosen=upload.the_thuc or "")
