"""The ``api`` blueprint: JSON in, documents out, under ``/api/v1``.

Routes: ``POST /documents/<id>`` (?format=docx|pdf, &for_signing=1 for the PDF/A to sign),
``POST /validate/<id>``,
``GET /templates``, ``GET /templates/<id>``, ``GET /templates/<id>/schema``,
``GET /templates/<id>/example``, ``POST /check-format`` (a .docx in, its format report out),
``GET /openapi.json`` and ``GET /docs`` (HTML).
Errors are raised as exceptions and turned into problem+json by :mod:`vanban.web.problems`.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, current_app, render_template, request

import vanban
from vanban.error_codes import catalogue
from vanban.templates import REGISTRY
from vanban.web import apidocs, checks, documents
from vanban.web.filenames import content_disposition
from vanban.web.inputs import read_payload
from vanban.web.models import ProblemItem, TemplateInfo, TemplateList, ValidationResult
from vanban.web.openapi import document as openapi_document
from vanban.web.problems import PROBLEM_TYPES

bp = Blueprint("api", __name__, url_prefix="/api/v1")


def send_document(doc: documents.Document) -> Response:
    """A rendered document as an attachment with a Vietnamese-safe file name."""
    response = Response(doc.content, mimetype=doc.mimetype)
    response.headers["Content-Disposition"] = content_disposition(doc.filename)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/documents/<template_id>")
def render_document(template_id: str) -> Response:
    REGISTRY.get(template_id)
    fmt = documents.check_format(request.args.get("format"))
    for_signing = documents.check_for_signing(request.args.get("for_signing"), fmt)
    data = read_payload(request)
    return send_document(documents.render(template_id, data, fmt, for_signing))


@bp.post("/validate/<template_id>")
def validate(template_id: str) -> dict[str, Any]:
    REGISTRY.get(template_id)
    documents.validate(template_id, read_payload(request))
    return ValidationResult().model_dump()


@bp.get("/templates")
def templates() -> dict[str, Any]:
    items = [TemplateInfo.model_validate(t) for t in vanban.list_templates()]
    broken = [ProblemItem.model_validate(p.to_dict()) for p in REGISTRY.problems]
    return TemplateList(templates=items, problems=broken).model_dump()


@bp.get("/templates/<template_id>")
def template(template_id: str) -> dict[str, Any]:
    return TemplateInfo.model_validate(REGISTRY.describe(template_id)).model_dump()


@bp.get("/templates/<template_id>/schema")
def schema(template_id: str) -> dict[str, Any]:
    return vanban.schema(template_id)


@bp.get("/templates/<template_id>/example")
def example(template_id: str) -> dict[str, Any]:
    return vanban.example(template_id)


@bp.post("/check-format")
def check_format() -> Response:
    """Kiểm tra thể thức: 200 with the report whenever the file could be read."""
    upload = checks.read_upload(request)
    report = checks.check(upload.data, upload.the_thuc)
    response = current_app.json.response(checks.report_json(report))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/openapi.json")
def openapi() -> Response:
    return current_app.json.response(openapi_document())


@bp.get("/docs")
def docs() -> str:
    spec = openapi_document()
    return render_template("api_docs.html", spec=spec, operations=apidocs.operations(spec),
                           schemas=apidocs.schemas(spec), problem_types=PROBLEM_TYPES,
                           error_codes=list(catalogue().values()),
                           schema_names=set(spec["components"]["schemas"]))
