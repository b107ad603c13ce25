"""The ``ui`` blueprint: the page clerks use, in Vietnamese, server-rendered.

``GET /`` lists the document types; ``GET /mau/<id>`` is the editor for one type. The editor
is a plain HTML form that works without JavaScript (``POST /mau/<id>`` validates, loads the
example or returns the document); ``static/app.js`` enhances it with live validation and
downloads through the API.
"""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, Response, render_template, request

import vanban
from vanban.errors import VanbanError
from vanban.templates import REGISTRY, TemplateSpec
from vanban.web import documents
from vanban.web.api import send_document
from vanban.web.inputs import parse_json

bp = Blueprint("ui", __name__)

FAMILY_LABELS = {"nha-nuoc": "Nhà nước", "dang": "Đảng", "cong-doan": "Công đoàn"}


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
            rows.append({"path": path, "required": name in required, "level": level,
                         "description": own.get("description", "")})
            if level + 1 < depth and "properties" in prop:
                walk(prop, f"{path}.", level + 1)

    walk(schema, "", 0)
    return rows


def _page(spec: TemplateSpec, text: str = "", error: VanbanError | None = None,
          valid: bool = False) -> str:
    return render_template(
        "editor.html", spec=spec, text=text, error=error, valid=valid,
        families=[FAMILY_LABELS.get(f, f) for f in spec.families],
        fields=field_guide(vanban.schema(spec.id)))


@bp.get("/")
def index() -> str:
    specs = list(REGISTRY.specs.values())
    return render_template("index.html", specs=specs, labels=FAMILY_LABELS)


@bp.get("/mau/<template_id>")
def editor(template_id: str) -> str:
    spec = REGISTRY.get(template_id)
    text = _example_text(spec) if request.args.get("mau") else ""
    return _page(spec, text)


def _example_text(spec: TemplateSpec) -> str:
    return json.dumps(vanban.example(spec.id), ensure_ascii=False, indent=2)


@bp.post("/mau/<template_id>")
def submit(template_id: str) -> Response | tuple[str, int] | str:
    """The form without JavaScript: ``action`` is ``mau``, ``kiem-tra``, ``docx`` or ``pdf``."""
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
        if action in ("docx", "pdf"):
            return send_document(documents.render(template_id, data, action))
        documents.validate(template_id, data)
    except VanbanError as exc:
        return _page(spec, text, error=exc), exc.status
    return _page(spec, text, valid=True)
