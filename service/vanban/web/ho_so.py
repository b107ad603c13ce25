"""The ``ho_so`` blueprint: a whole commendation file (biên bản, báo cáo thành tích, tờ trình,
quyết định) from one JSON input, under ``/api/v1/ho-so-khen-thuong``.

``POST /api/v1/ho-so-khen-thuong`` returns a .zip of .docx documents; ``POST …/validate``
checks the file; ``GET …/example`` is a valid file. Problems are problem+json (422) with paths
in the file (``to_trinh.noi_dung.can_cu[0]``), like every other route.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from flask import Blueprint, Response, request

from vanban.ho_so import chain
from vanban.web.filenames import content_disposition
from vanban.web.inputs import read_payload

bp = Blueprint("ho_so", __name__, url_prefix="/api/v1/ho-so-khen-thuong")
ZIP_MIME = "application/zip"


def example_file() -> dict[str, Any]:
    text = resources.files("vanban.ho_so").joinpath("vi_du.json").read_text(encoding="utf-8")
    return json.loads(text)


@bp.post("")
def render_file() -> Response:
    """The hồ sơ as a .zip of .docx, or with ``?for_signing=1`` of PDF/A ready to sign."""
    from vanban.web.documents import check_for_signing

    if check_for_signing(request.args.get("for_signing"), "pdf"):
        from vanban.kyso.prepare import ho_so_for_signing
        from vanban.pdf import converter

        content = ho_so_for_signing(read_payload(request), converter())
    else:
        content = chain.render_zip(read_payload(request))
    response = Response(content, mimetype=ZIP_MIME)
    response.headers["Content-Disposition"] = content_disposition("ho-so-khen-thuong.zip")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/validate")
def validate_file() -> dict[str, Any]:
    docs = chain.plan(read_payload(request))
    return {"ok": True, "van_ban": [{"mau": d.template, "ten_tep": f"{d.ten_tep}.docx",
                                     "tu": d.path} for d in docs]}


@bp.get("/example")
def example() -> dict[str, Any]:
    return example_file()


def openapi_paths() -> dict[str, Any]:
    """The OpenAPI operations of this blueprint (merged into the service's document)."""
    body = {"required": True, "content": {"application/json": {
        "schema": {"type": "object", "description": "Hồ sơ: the_thuc, co_quan, dia_danh, "
                   "bien_ban, bao_cao[], to_trinh, quyet_dinh (xem …/example)."},
        "example": example_file()}}}
    problem = {"content": {"application/problem+json": {
        "schema": {"$ref": "#/components/schemas/ProblemDetails"}}}}
    errors = {"400": {"$ref": "#/components/responses/BadRequest"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
              "422": {"description": "Hồ sơ chưa hợp lệ; `problems` liệt kê mọi lỗi, đường "
                      "dẫn tính trong hồ sơ.", **problem}}
    return {
        "/api/v1/ho-so-khen-thuong": {"post": {
            "tags": ["van-ban"], "operationId": "renderCommendationFile",
            "summary": "Lập cả hồ sơ khen thưởng (tệp .zip các văn bản .docx)",
            "parameters": [{"name": "for_signing", "in": "query", "required": False,
                            "description": "1: tệp .zip các bản PDF/A để ký số (danh sách kèm "
                            "theo thành tệp riêng).",
                            "schema": {"type": "string", "enum": ["0", "1"], "default": "0"}}],
            "requestBody": body,
            "responses": {"200": {"description": "Tệp .zip: biên bản, báo cáo thành tích, tờ "
                                  "trình, quyết định.", "content": {ZIP_MIME: {"schema": {
                                      "type": "string", "contentMediaType": ZIP_MIME}}}},
                          **errors}}},
        "/api/v1/ho-so-khen-thuong/validate": {"post": {
            "tags": ["van-ban"], "operationId": "validateCommendationFile",
            "summary": "Chỉ kiểm tra hồ sơ khen thưởng", "requestBody": body,
            "responses": {"200": {"description": "Hồ sơ hợp lệ và danh sách văn bản sẽ lập.",
                                  "content": {"application/json": {"schema": {
                                      "type": "object"}}}}, **errors}}},
        "/api/v1/ho-so-khen-thuong/example": {"get": {
            "tags": ["mau"], "operationId": "getCommendationFileExample",
            "summary": "Hồ sơ khen thưởng mẫu hợp lệ",
            "responses": {"200": {"description": "Hồ sơ mẫu.", "content": {
                "application/json": {"schema": {"type": "object"}}}}}}},
    }
