"""What the form on ``/ho-so`` needs for a whole commendation file, under
``/api/v1/ho-so-khen-thuong``:

* ``GET …/schema`` — one JSON Schema for the file, put together from the templates' own schemas
  (shared keys at the top; ``bien_ban``, ``bao_cao[]``, ``to_trinh``, ``quyet_dinh`` without the
  shared keys and without the fields the chain fills, see :mod:`vanban.ho_so.chain`);
* ``POST …/normalise`` — the file read leniently against that schema (``20/06/2024``, ``8,5``)
  → ``{"data", "notes", "problems"}`` with every problem of the file (paths in the file);
* ``POST …/preview`` — the pages of every document (PNG data URIs from the warm converter);
* ``POST …/pdf?van_ban=N`` — the PDF of the file's N-th document (0-based, filing order).
"""

from __future__ import annotations

import base64
import copy
import functools
import json
from typing import Any

from flask import Blueprint, Response, request

import vanban
from vanban.errors import InputError, problem
from vanban.ho_so import chain
from vanban.model import lenient
from vanban.pipeline import render as render_one
from vanban.web.filenames import content_disposition
from vanban.web.inputs import read_payload
from vanban.web.problems import RequestError

bp = Blueprint("ho_so_form", __name__, url_prefix="/api/v1/ho-so-khen-thuong")

#: Part → (template, its title, keys the chain fills inside ``noi_dung``, top keys it fills).
PARTS: dict[str, tuple[str, str, tuple[str, ...], tuple[str, ...]]] = {
    "bien_ban": ("bien-ban-hop-xet", "Biên bản họp xét", (), ()),
    "bao_cao": ("bao-cao-thanh-tich", "Báo cáo thành tích", ("loai", "de_nghi"),
                ("trich_yeu",)),
    "to_trinh": ("to-trinh-khen-thuong", "Tờ trình đề nghị khen thưởng",
                 ("danh_sach", "bien_ban_ngay", "hoi_dong"), ()),
    "quyet_dinh": ("quyet-dinh-khen-thuong", "Quyết định khen thưởng (nếu có)",
                   ("danh_sach", "theo_de_nghi"), ()),
}


def _prefixed(schema: dict[str, Any], prefix: str) -> dict[str, Any]:
    """The schema with its ``$defs`` renamed ``prefix__Name`` (parts' classes may share names)."""
    text = json.dumps(schema, ensure_ascii=False).replace('"#/$defs/', f'"#/$defs/{prefix}__')
    out = json.loads(text)
    out["$defs"] = {f"{prefix}__{k}": v for k, v in out.get("$defs", {}).items()}
    return out


@functools.cache
def file_schema() -> dict[str, Any]:
    """One JSON Schema for the whole file (what the form draws and the normaliser reads)."""
    defs: dict[str, Any] = {}
    first = _prefixed(vanban.schema("bien-ban-hop-xet"), "chung")
    defs.update(first["$defs"])
    props: dict[str, Any] = {k: first["properties"][k] for k in chain.SHARED
                             if k in first["properties"]}
    for part, (template, title, filled, top) in PARTS.items():
        schema = _prefixed(vanban.schema(template), part)
        defs.update(schema.pop("$defs"))
        own = copy.deepcopy(schema["properties"])
        keep = ("co_quan",) if part == "quyet_dinh" else ()
        for key in (*chain.SHARED, *top):
            if key not in keep:
                own.pop(key, None)
        body_ref = own.get("noi_dung", {}).get("$ref", "").rsplit("/", 1)[-1]
        if body_ref in defs and filled:
            body = copy.deepcopy(defs[body_ref])
            for key in filled:
                body.get("properties", {}).pop(key, None)
            body["required"] = [k for k in body.get("required", []) if k not in filled]
            defs[body_ref] = body
        required = [k for k in schema.get("required", []) if k in own]
        node = {"type": "object", "title": title, "properties": own, "required": required,
                "additionalProperties": False}
        if part == "bao_cao":
            props[part] = {"type": "array", "title": "Báo cáo thành tích", "items": node,
                           "description": "Một báo cáo cho mỗi tập thể, cá nhân được đề nghị "
                           "(gắn với biên bản theo tên)."}
        else:
            props[part] = node
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
            "title": "Hồ sơ đề nghị khen thưởng", "properties": props,
            "required": ["the_thuc", "co_quan", "dia_danh", "bien_ban", "bao_cao", "to_trinh"],
            "additionalProperties": False, "$defs": defs}


def _file() -> dict[str, Any]:
    data = read_payload(request)
    if not isinstance(data, dict):
        raise InputError(problem("input.not-object", "",
                                 "Dữ liệu phải là một đối tượng JSON {…}.", "not a JSON object"))
    return data


@bp.get("/schema")
def schema() -> dict[str, Any]:
    return file_schema()


@bp.post("/normalise")
def normalise() -> dict[str, Any]:
    data, notes = lenient.normalise_with(file_schema(), _file())
    try:
        chain.plan(data)
        found: list[dict[str, Any]] = []
    except InputError as exc:
        found = [p.to_dict() for p in exc.problems]
    return {"data": data, "notes": [n.to_dict() for n in notes], "problems": found}


def _png_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


@bp.post("/preview")
def preview() -> dict[str, Any]:
    """Every document's pages, in filing order (422 with every problem of the file)."""
    from vanban.pdf import converter
    from vanban.pdf.images import pdf_pages_png

    out = []
    for doc in chain.plan(_file()):
        pdf = converter().convert(render_one(doc.template, doc.data))
        out.append({"ten_tep": f"{doc.ten_tep}.docx", "mau": doc.template, "tu": doc.path,
                    "pages": [_png_uri(p) for p in pdf_pages_png(pdf, dpi=60)]})
    return {"van_ban": out}


@bp.post("/pdf")
def pdf() -> Response:
    """The PDF of one document of the file: ``?van_ban=N`` (0-based, filing order)."""
    from vanban.pdf import converter

    docs = chain.plan(_file())
    try:
        index = int(request.args.get("van_ban", "0"))
        doc = docs[index]
    except (ValueError, IndexError):
        raise RequestError(400, problem(
            "request.van-ban", "van_ban", f"“van_ban” phải là số thứ tự văn bản từ 0 đến "
            f"{len(docs) - 1}.", "van_ban must be a document index")) from None
    content = converter().convert(render_one(doc.template, doc.data))
    response = Response(content, mimetype="application/pdf")
    response.headers["Content-Disposition"] = content_disposition(f"{doc.ten_tep}.pdf")
    response.headers["Cache-Control"] = "no-store"
    return response


def openapi_paths() -> dict[str, Any]:
    """The OpenAPI operations of this blueprint (merged into the service's document)."""
    base = "/api/v1/ho-so-khen-thuong"
    body = {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "description": "Hồ sơ như …/schema mô tả (xem …/example)."}}}}
    problem_json = {"application/problem+json": {
        "schema": {"$ref": "#/components/schemas/ProblemDetails"}}}
    errors = {"400": {"$ref": "#/components/responses/BadRequest"},
              "413": {"$ref": "#/components/responses/PayloadTooLarge"},
              "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
              "422": {"description": "Hồ sơ chưa hợp lệ; `problems` liệt kê mọi lỗi.",
                      "content": problem_json}}
    converter_down = {"503": {"description": "Không có bộ chuyển PDF.",
                              "content": problem_json}}

    def json_body(text: str) -> dict[str, Any]:
        return {"description": text, "content": {"application/json": {"schema": {
            "type": "object"}}}}

    return {
        f"{base}/schema": {"get": {
            "tags": ["mau"], "operationId": "getCommendationFileSchema",
            "summary": "JSON Schema của cả hồ sơ khen thưởng (biểu mẫu trên trang /ho-so)",
            "responses": {"200": json_body("JSON Schema của hồ sơ.")}}},
        f"{base}/normalise": {"post": {
            "tags": ["van-ban"], "operationId": "normaliseCommendationFile",
            "summary": "Đọc hồ sơ như người dùng gõ (ngày 20/06/2024, số 8,5): dữ liệu chuẩn, "
                       "ghi chú và mọi lỗi",
            "requestBody": body,
            "responses": {"200": json_body("`data`, `notes`, `problems`."), **errors}}},
        f"{base}/preview": {"post": {
            "tags": ["van-ban"], "operationId": "previewCommendationFile",
            "summary": "Các trang của từng văn bản trong hồ sơ (ảnh PNG)", "requestBody": body,
            "responses": {"200": json_body("`van_ban`: tên tệp, mẫu, các trang (data URI)."),
                          **errors, **converter_down}}},
        f"{base}/pdf": {"post": {
            "tags": ["van-ban"], "operationId": "commendationFileDocumentPdf",
            "summary": "PDF của một văn bản trong hồ sơ",
            "parameters": [{"name": "van_ban", "in": "query", "required": False,
                            "schema": {"type": "integer", "minimum": 0, "default": 0},
                            "description": "Số thứ tự văn bản (từ 0, theo thứ tự trong hồ sơ)."}],
            "requestBody": body,
            "responses": {"200": {"description": "Tệp PDF.", "content": {"application/pdf": {
                "schema": {"type": "string", "contentMediaType": "application/pdf"}}}},
                **errors, **converter_down}}},
    }
