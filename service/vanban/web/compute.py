"""``POST /api/v1/compute/<template_id>``: the figures a template computes, as JSON.

The same input as ``POST /api/v1/documents/<template_id>`` (JSON body or a ``data`` file in
multipart/form-data); the answer is what ``vanban compute`` prints. Errors are problem+json:
404 for an unknown template or one that computes nothing, 422 with every input problem.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

import vanban
from vanban.errors import InputError, problem
from vanban.templates import REGISTRY
from vanban.web.inputs import read_payload

bp = Blueprint("compute", __name__, url_prefix="/api/v1")


@bp.post("/compute/<template_id>")
def compute(template_id: str) -> dict[str, Any]:
    REGISTRY.get(template_id)
    data = read_payload(request)
    if not isinstance(data, dict):
        raise InputError(problem("input.not-object", "",
                                 "Dữ liệu phải là một đối tượng JSON {…}.", "not a JSON object"))
    return vanban.compute(template_id, data)


def openapi_path(template_param: dict[str, Any], body: dict[str, Any],
                 errors: dict[str, Any]) -> dict[str, Any]:
    """The OpenAPI operation of this route (added to ``web/openapi_paths.py``)."""
    return {"post": {
        "tags": ["van-ban"], "operationId": "computeFigures",
        "summary": "Tính điểm, xếp hạng … (mẫu có tính toán: bang-cham-diem, "
                   "xep-hang-khoi-thi-dua …) và trả về JSON",
        "parameters": [template_param], "requestBody": body,
        "responses": {"200": {"description": "Các số liệu đã tính (như `vanban compute`).",
                              "content": {"application/json": {"schema": {"type": "object"}}}},
                      **errors}}}
