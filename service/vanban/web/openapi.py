"""The OpenAPI 3.1 document, generated — not written by hand.

Input schemas are the templates' own pydantic models (``Envelope[Body]``, the models behind
:func:`vanban.schema`), response schemas are :mod:`vanban.web.models`; both go through
pydantic's ``models_json_schema`` with refs into ``#/components/schemas``. The operations are
described by :mod:`vanban.web.openapi_paths`. The result is cached per template set.
"""

from __future__ import annotations

import copy
import threading
from typing import Any

from pydantic.json_schema import models_json_schema

import vanban
from vanban.templates import REGISTRY
from vanban.web.models import RESPONSE_MODELS
from vanban.web.openapi_paths import paths, responses

REF = "#/components/schemas/{model}"
_lock = threading.Lock()
_cache: dict[tuple[str, ...], dict[str, Any]] = {}


def component_schemas() -> tuple[dict[str, Any], dict[str, str]]:
    """All schemas, plus template id → ``$ref`` of its input schema."""
    specs = list(REGISTRY.specs.values())
    inputs = [(spec.model, "validation") for spec in specs]
    outputs = [(model, "serialization") for model in RESPONSE_MODELS]
    keymap, top = models_json_schema(inputs + outputs, ref_template=REF)
    schemas: dict[str, Any] = top.get("$defs", {})
    refs: dict[str, str] = {}
    for spec in specs:
        ref = keymap[(spec.model, "validation")]["$ref"]
        name = ref.rsplit("/", 1)[1]
        schemas[name]["title"] = spec.title
        schemas[name]["description"] = spec.description
        refs[spec.id] = ref
    return schemas, refs


def build() -> dict[str, Any]:
    schemas, refs = component_schemas()
    examples = {tid: vanban.example(tid) for tid in refs}
    info = {
        "title": "vanban — văn bản thi đua, khen thưởng",
        "version": vanban.__version__,
        "summary": "Dữ liệu JSON → văn bản Word (.docx, PDF) đúng thể thức.",
        "description": (
            "Gửi dữ liệu JSON của một mẫu văn bản, nhận về tệp .docx (hoặc PDF) đúng thể thức "
            "Nhà nước (Nghị định 30/2020/NĐ-CP), Đảng (Hướng dẫn 36-HD/VPTW) hoặc Công đoàn. "
            "Mọi lỗi trả về dạng application/problem+json (RFC 9457) kèm danh sách `problems` "
            "— mỗi lỗi có mã, đường dẫn trường và thông báo tiếng Việt. "
            "`POST /api/v1/check-format` kiểm tra thể thức một tệp .docx bất kỳ."),
        "license": {"name": "Proprietary", "identifier": "LicenseRef-Proprietary"},
    }
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": info,
        "tags": [
            {"name": "van-ban", "description": "Tạo và kiểm tra văn bản."},
            {"name": "kiem-tra", "description": "Kiểm tra thể thức một tệp .docx có sẵn."},
            {"name": "thiet-ke", "description": "Thiết kế mẫu: kiểm tra, xem trước mẫu .docx."},
            {"name": "mau", "description": "Các mẫu văn bản, JSON Schema và dữ liệu mẫu."},
            {"name": "van-hanh", "description": "Theo dõi tình trạng dịch vụ và tài liệu."},
        ],
        "paths": paths(sorted(refs), refs, examples),
        "components": {"schemas": schemas, "responses": responses()},
    }


def document() -> dict[str, Any]:
    """The OpenAPI document for the templates loaded now (a fresh copy)."""
    key = tuple(sorted(REGISTRY.specs))
    with _lock:
        if key not in _cache:
            _cache[key] = build()
        return copy.deepcopy(_cache[key])
