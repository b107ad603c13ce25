"""The clerk's routes under ``/api/v1``: read what people type, Excel in and out, reopen.

* ``POST /normalise/<id>`` (JSON) → 200 ``{"data", "notes", "problems"}``: the input read
  leniently (:mod:`vanban.model.lenient`: ``20/06/2024``, ``8,5``, ``kt.`` …), how each
  changed value was understood, and *every* problem left (a type error in one field does not
  hide the rule errors of the others). The form calls it; the strict routes
  (``/documents``, ``/validate``) keep their strict JSON contract.
* ``GET /templates/<id>/xlsx`` → the template's Excel workbook filled with its example;
  ``POST /xlsx/<id>`` (JSON) → the same workbook filled with that data
  (:mod:`vanban.workbook.write`).
* ``POST /import/<id>`` (multipart ``file``: .xlsx, or .csv of one list) → 200 ``{"data"}``,
  or 422 problem+json whose problems carry ``sheet``, ``row``, ``column`` besides ``path``
  (:mod:`vanban.workbook.read`). The upload limits of the format check apply
  (``CHECK_MAX_CONTENT_LENGTH``, ``VANBAN_UPLOAD_MAX_*``).
* ``POST /reopen`` (multipart ``file``: a .docx vanban made) → 200 ``{"template", "version",
  "data"}``, the input the document was made from (:mod:`vanban.render.embed`); 422
  ``reopen.not-vanban`` for another .docx. The upload limits of the format check apply.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, request

from vanban import pipeline
from vanban.errors import InputError, Problem, TemplateError, problem
from vanban.model import json_input
from vanban.render import embed
from vanban.templates import REGISTRY
from vanban.web import checks
from vanban.web.filenames import content_disposition
from vanban.web.inputs import read_payload
from vanban.web.problems import RequestError
from vanban.workbook import read as workbook_read
from vanban.workbook import write as workbook_write

bp = Blueprint("clerk", __name__, url_prefix="/api/v1")


def _object(data: Any) -> dict[str, Any]:
    json_input.check_limits(data)  # depth, list and string limits before any walk
    if not isinstance(data, dict):
        raise InputError(problem("input.not-object", "",
                                 "Dữ liệu phải là một đối tượng JSON {…}.", "not a JSON object"))
    return data


def problems_of(template_id: str, data: Any) -> list[dict[str, Any]]:
    """Every problem of ``data`` (an empty list when it renders)."""
    try:
        pipeline.validate(template_id, data)
    except InputError as exc:
        return [p.to_dict() for p in exc.problems]
    return []


@bp.post("/normalise/<template_id>")
def normalise(template_id: str) -> dict[str, Any]:
    REGISTRY.get(template_id)
    data, notes = REGISTRY.get(template_id).normalise(_object(read_payload(request)))
    return {"data": data, "notes": [n.to_dict() for n in notes],
            "problems": problems_of(template_id, data)}


@bp.post("/reopen")
def reopen() -> dict[str, Any]:
    content, _ = _upload()
    return embed.read(content)


def _xlsx(template_id: str, data: Any) -> Response:
    response = Response(workbook_write.workbook_bytes(template_id, data),
                        mimetype=workbook_read.XLSX_MIME)
    response.headers["Content-Disposition"] = content_disposition(f"{template_id}.xlsx")
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/templates/<template_id>/xlsx")
def template_xlsx(template_id: str) -> Response:
    return _xlsx(template_id, REGISTRY.get(template_id).example())


@bp.post("/xlsx/<template_id>")
def data_xlsx(template_id: str) -> Response:
    REGISTRY.get(template_id)
    return _xlsx(template_id, _object(read_payload(request)))


def _upload() -> tuple[bytes, str]:
    """The file of a multipart request (field ``file``), within the upload limits."""
    request.max_content_length = checks.max_bytes()
    if request.mimetype != "multipart/form-data":
        shown = request.mimetype or "(không có Content-Type)"
        raise RequestError(415, problem(
            "request.media-type", "Content-Type",
            f"Kiểu nội dung “{shown}” không được hỗ trợ; gửi tệp trong trường “file” của "
            "multipart/form-data.", f"unsupported media type {shown!r}; use multipart/form-data",
            accepted=["multipart/form-data"]),
            title="Kiểu nội dung không được hỗ trợ", slug="unsupported-media-type")
    upload = request.files.get("file")
    content = upload.read() if upload is not None else b""
    if upload is None or (not content and not upload.filename):
        raise RequestError(400, problem(
            "request.missing-file", "file", "Chưa chọn tệp: gửi tệp trong trường “file”.",
            "multipart body has no 'file' file"), title="Chưa có tệp")
    return content, upload.filename or ""


def _import_timeout(seconds: float) -> Problem:
    return problem(
        "import.timeout", "file",
        f"Đọc tệp quá {seconds:g} giây nên đã bị dừng (check_timeout); tệp quá lớn.",
        f"reading the workbook stopped after {seconds:g} s (check_timeout)",
        limit="check_timeout", max=seconds)


@bp.post("/import/<template_id>")
def import_file(template_id: str) -> dict[str, Any]:
    """An uploaded workbook is read like every upload (issue 19): in a worker process with
    ``check_timeout`` and ``check_memory_mb``, holding a heavy-work slot."""
    from vanban.config import get_settings
    from vanban.designer.sandbox import run_bounded
    from vanban.ooxml.safezip import read_xlsx_parts

    REGISTRY.get(template_id)
    content, filename = _upload()
    if content.startswith(b"PK"):  # sizes and counts here first: refused in milliseconds
        read_xlsx_parts(content)
    settings = get_settings()
    try:
        data = run_bounded(workbook_read.read_upload, template_id, content, filename,
                           timeout=settings.check_timeout, memory_mb=settings.check_memory_mb,
                           on_timeout=_import_timeout, where="file", kind="import")
    except TemplateError as exc:  # the worker's limits: the upload's fault (422)
        raise InputError(exc.problems) from None
    return {"data": data}


def openapi_paths(tid: dict[str, Any], errors: Any) -> dict[str, Any]:
    """The OpenAPI operations of these routes (merged by ``web/openapi_paths.py``);
    ``errors(*names)`` gives the shared problem responses."""
    problem_list = {"type": "array", "items": {"$ref": "#/components/schemas/ProblemItem"}}
    xlsx = {"description": "Tệp Excel (.xlsx): trang “Thông tin chung” và một trang cho mỗi "
                           "danh sách, bảng.",
            "headers": {"Content-Disposition": {"schema": {"type": "string"}}},
            "content": {workbook_read.XLSX_MIME: {"schema": {
                "type": "string", "contentMediaType": workbook_read.XLSX_MIME}}}}

    def upload(media: str, text: str) -> dict[str, Any]:
        return {"required": True, "content": {"multipart/form-data": {
            "schema": {"type": "object", "required": ["file"], "properties": {
                "file": {"type": "string", "contentMediaType": media, "description": text}}},
            "encoding": {"file": {"contentType": "application/octet-stream"}}}}}

    def json_answer(schema: dict[str, Any], text: str) -> dict[str, Any]:
        return {"description": text, "content": {"application/json": {"schema": schema}}}

    # What a clerk typed, or a draft: any object (the strict shape is the template's schema).
    loose = {"required": True, "content": {"application/json": {"schema": {
        "type": "object", "description": "Dữ liệu theo mẫu, có thể chưa đúng kiểu hoặc chưa "
        "đủ (bản nháp): ngày 20/06/2024, số 8,5 … (xem JSON Schema của mẫu)."}}}}
    lenient_answer = {"type": "object", "required": ["data", "notes", "problems"], "properties": {
        "data": {"type": "object", "description": "Dữ liệu đã đọc theo đúng kiểu (ngày ISO, số)."},
        "notes": {"type": "array", "items": {"type": "object", "required": [
            "path", "from", "to", "message"], "properties": {
                "path": {"type": "string"}, "from": {}, "to": {},
                "message": {"type": "string", "examples": [
                    "20/06/2024 → ngày 20 tháng 6 năm 2024"]}}},
            "description": "Những giá trị đã được hiểu khác với cách gõ."},
        "problems": {**problem_list, "description": "Mọi lỗi còn lại, cùng lúc."}}}
    return {
        "/api/v1/normalise/{template_id}": {"post": {
            "tags": ["van-ban"], "operationId": "normaliseInput",
            "summary": "Đọc dữ liệu như người dùng gõ (20/06/2024, 8,5, kt.) thành dữ liệu "
                       "đúng kiểu, kèm mọi lỗi",
            "parameters": [tid], "requestBody": loose,
            "responses": {"200": json_answer(lenient_answer, "Dữ liệu đã đọc, ghi chú, lỗi."),
                          **errors("BadRequest", "NotFound", "PayloadTooLarge",
                                   "UnsupportedMediaType", "UnprocessableContent")}}},
        "/api/v1/templates/{template_id}/xlsx": {"get": {
            "tags": ["mau"], "operationId": "getTemplateWorkbook",
            "summary": "Tệp Excel của mẫu, điền sẵn dữ liệu mẫu", "parameters": [tid],
            "responses": {"200": xlsx, **errors("NotFound")}}},
        "/api/v1/xlsx/{template_id}": {"post": {
            "tags": ["van-ban"], "operationId": "exportWorkbook",
            "summary": "Tệp Excel điền dữ liệu gửi lên (có thể là bản nháp)",
            "parameters": [tid], "requestBody": loose,
            "responses": {"200": xlsx, **errors("BadRequest", "NotFound", "PayloadTooLarge",
                                                "UnsupportedMediaType",
                                                "UnprocessableContent")}}},
        "/api/v1/import/{template_id}": {"post": {
            "tags": ["van-ban"], "operationId": "importWorkbook",
            "summary": "Đọc tệp Excel (.xlsx) hoặc .csv của một danh sách thành dữ liệu JSON",
            "description": "Lỗi 422 chỉ rõ ô: mỗi lỗi có `sheet`, `row`, `column` (chữ cái "
                           "cột như Excel) cùng `path`.",
            "parameters": [tid],
            "requestBody": upload(workbook_read.XLSX_MIME, "Tệp .xlsx (hoặc .csv)."),
            "responses": {"200": json_answer({"type": "object", "required": ["data"],
                                              "properties": {"data": {"type": "object"}}},
                                             "Dữ liệu đọc được."),
                          **errors("BadRequest", "NotFound", "DocxTooLarge", "NotMultipart",
                                   "UnreadableUpload")}}},
        "/api/v1/reopen": {"post": {
            "tags": ["van-ban"], "operationId": "reopenDocument",
            "summary": "Lấy lại dữ liệu đã dùng để tạo một tệp .docx của vanban",
            "requestBody": upload(checks.DOCX_MIME, "Tệp .docx do vanban tạo."),
            "responses": {"200": json_answer({"type": "object", "required": [
                "template", "version", "data"], "properties": {
                    "template": {"type": "string"}, "version": {"type": "string"},
                    "data": {"type": "object"}}}, "Mẫu, phiên bản và dữ liệu."),
                **errors("BadRequest", "DocxTooLarge", "NotMultipart", "UnreadableUpload")}}},
    }
