"""The operations of the OpenAPI document: one function per path, schemas by ``$ref``.

Kept apart from :mod:`vanban.web.openapi` (which generates the schemas) so that each stays
short. Template ids, input schema refs and examples are passed in from the registry.
"""

from __future__ import annotations

from typing import Any

from vanban import outputs
from vanban.the_thuc.families import FAMILY_IDS
from vanban.web.clerk import openapi_paths as clerk_paths
from vanban.web.compute import openapi_path as compute_path

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PROBLEM = {"$ref": "#/components/schemas/ProblemDetails"}

_ERRORS = {
    "BadRequest": ("400", "JSON sai cú pháp, không phải UTF-8, rỗng, thiếu trường “data” "
                   "hoặc tham số sai."),
    "NotFound": ("404", "Không có mẫu văn bản (hoặc địa chỉ) này."),
    "MethodNotAllowed": ("405", "Phương thức không dùng được ở địa chỉ này (xem header Allow)."),
    "PayloadTooLarge": ("413", "Dữ liệu vượt giới hạn MAX_CONTENT_LENGTH (mặc định 2 MiB), "
                        "hoặc vượt giới hạn độ sâu, số phần tử, độ dài chuỗi, số đoạn "
                        "(`limit.*`; `extra.limit` là tên giới hạn, `extra.max` giá trị)."),
    "UnsupportedMediaType": ("415", "Không phải application/json hay multipart/form-data."),
    "UnprocessableContent": ("422", "JSON đúng cú pháp nhưng nội dung chưa đúng mẫu; "
                             "`problems` liệt kê mọi lỗi."),
    "DocxTooLarge": ("413", "Tệp vượt giới hạn CHECK_MAX_CONTENT_LENGTH (mặc định 10 MiB), "
                     "hoặc vượt giới hạn khi giải nén: `upload.too-large`, `upload.ratio`, "
                     "`upload.too-many-parts`, `upload.xml-depth`, "
                     "`upload.too-many-paragraphs`, `upload.too-many-elements` (`extra.limit`, "
                     "`extra.max`)."),
    "NotDocx": ("415", "Không phải multipart/form-data (tệp trong trường “file”) hay "
                f"{DOCX_MIME}."),
    "UnreadableDocx": ("422", "Tệp không đọc được như .docx (`upload.not-docx`, "
                       "`upload.bad-part-name`, `docx.unreadable`, "
                       "`docx.unsupported`), kiểm tra quá `check_timeout` (`check.timeout`) "
                       "hoặc `the_thuc` không có (`the_thuc.unknown`)."),
    "Busy": ("503", "Mọi chỗ cho việc nặng đang bận (`server.busy`, VANBAN_HEAVY_CONCURRENCY); "
             "thử lại sau số giây ở header Retry-After."),
    "NotMultipart": ("415", "Không phải multipart/form-data với tệp trong trường “file”."),
    "UnreadableUpload": ("422", "Tệp không đọc được (`upload.not-xlsx`, `upload.not-docx`), "
                         "không do vanban tạo (`reopen.not-vanban`), hoặc nội dung chưa đúng "
                         "mẫu: `problems` liệt kê mọi lỗi, với tệp Excel kèm `sheet`, `row`, "
                         "`column`."),
    "ServiceUnavailable": ("503", "Không xuất được PDF (chưa cài LibreOffice hoặc chuyển đổi "
                           "thất bại) hoặc dịch vụ chưa sẵn sàng."),
    "GatewayTimeout": ("504", "Bộ chuyển PDF không trả lời trong VANBAN_PDF_TIMEOUT giây "
                       "(`pdf.timeout`); đã dừng và khởi động lại."),
}


def responses() -> dict[str, Any]:
    """``components/responses``: one problem+json response per error status."""
    return {name: {"description": text,
                   "content": {"application/problem+json": {"schema": PROBLEM}}}
            for name, (_, text) in _ERRORS.items()}


def _errors(*names: str) -> dict[str, Any]:
    return {_ERRORS[n][0]: {"$ref": f"#/components/responses/{n}"} for n in names}


def _json(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _template_param(ids: list[str]) -> dict[str, Any]:
    return {"name": "template_id", "in": "path", "required": True,
            "description": "Mã mẫu văn bản (xem GET /api/v1/templates).",
            "schema": {"type": "string", "enum": ids}}


def _body(refs: dict[str, str], examples: dict[str, Any]) -> dict[str, Any]:
    one_of = [{"$ref": ref} for ref in refs.values()]
    schema = one_of[0] if len(one_of) == 1 else {"anyOf": one_of}
    return {
        "required": True,
        "description": "Dữ liệu của văn bản: JSON trực tiếp, hoặc tệp JSON trong trường "
                       "“data” của multipart/form-data.",
        "content": {
            "application/json": {
                "schema": schema,
                "examples": {tid: {"summary": f"Dữ liệu mẫu “{tid}”", "value": value}
                             for tid, value in examples.items()},
            },
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["data"],
                           "properties": {"data": {"type": "string",
                                                   "contentMediaType": "application/json",
                                                   "description": "Tệp JSON (UTF-8)."}}},
                "encoding": {"data": {"contentType": "application/json"}},
            },
        },
    }


FAMILIES = list(FAMILY_IDS)


def _check_format() -> dict[str, Any]:
    """``POST /api/v1/check-format``: a .docx in, its format report out."""
    family = {"type": "string", "enum": ["", *FAMILIES],
              "description": "nha-nuoc, dang hoặc cong-doan; bỏ trống để tự nhận biết."}
    docx = {"type": "string", "contentMediaType": DOCX_MIME}
    return {"post": {
        "tags": ["kiem-tra"], "operationId": "checkFormat",
        "summary": "Kiểm tra thể thức một văn bản Word (.docx)",
        "description": (
            "Gửi tệp .docx (trường “file” của multipart/form-data, hoặc thẳng tệp với "
            f"Content-Type {DOCX_MIME}); nhận về danh sách lỗi, cảnh báo theo thể thức Nhà "
            "nước, Đảng hoặc Công đoàn. Trả 200 mỗi khi đọc được tệp — `ok`, `errors` cho biết "
            "văn bản có đạt thể thức không. Ví dụ: curl -F file=@van-ban.docx "
            "-F the_thuc=nha-nuoc …/api/v1/check-format. Tệp không được lưu trên máy chủ."),
        "parameters": [{"name": "the_thuc", "in": "query", "required": False,
                        "description": "Thể thức để đối chiếu; không có thì tự nhận biết từ "
                                       "văn bản. Với multipart cũng có thể gửi trong trường "
                                       "“the_thuc” (tham số trên địa chỉ được ưu tiên).",
                        "schema": {"type": "string", "enum": FAMILIES}}],
        "requestBody": {"required": True, "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["file"], "properties": {
                    "file": {**docx, "description": "Tệp Word .docx."},
                    "the_thuc": family}},
                "encoding": {"file": {"contentType": DOCX_MIME}}},
            DOCX_MIME: {"schema": docx}}},
        "responses": {
            "200": _json({"$ref": "#/components/schemas/CheckReport"},
                         "Kết quả kiểm tra (kể cả khi văn bản có lỗi thể thức)."),
            **_errors("BadRequest", "MethodNotAllowed", "DocxTooLarge", "NotDocx",
                      "UnreadableDocx", "Busy")}}}


def _designer(ids: list[str]) -> dict[str, Any]:
    """``/api/v1/designer/…``: lint, preview and annotate an uploaded (or installed) template."""
    form = {"type": "object", "properties": {
        "template": {"type": "string", "contentMediaType": DOCX_MIME,
                     "description": "Tệp mẫu .docx (thẻ docxtpl). Không được cài vào danh sách "
                                    "mẫu; được điền trong vùng cách ly (sandbox)."},
        "installed": {"type": "string", "enum": ids, "description": "Hoặc mã một mẫu có sẵn."},
        "data": {"type": "string", "description": "Dữ liệu JSON (trường văn bản hoặc tệp); "
                                                  "bỏ trống: dữ liệu mẫu."},
        "the_thuc": {"type": "string", "enum": ["", *FAMILY_IDS]},
        "kind": {"type": "string", "enum": ["auto", "body", "full"], "default": "auto"},
        "schema": {"type": "string", "enum": ids,
                   "description": "Hợp đồng dữ liệu để đối chiếu khi kiểm tra mẫu."}}}
    body = {"required": True, "content": {"multipart/form-data": {"schema": form}}}
    report = {"type": "object", "description": "file, kind, errors, warnings, variables, "
              "problems (code, path, message, message_en, extra: severity, part, paragraph, "
              "cell, text, tag, fix)."}
    errors = _errors("BadRequest", "NotFound", "DocxTooLarge", "UnsupportedMediaType",
                     "UnprocessableContent")
    docx = {"description": "Tệp .docx", "content": {DOCX_MIME: {"schema": {"type": "string"}}}}
    fmt = {"name": "format", "in": "query", "required": False,
           "schema": {"type": "string", "enum": ["json", "docx", "pdf"], "default": "json"}}
    return {
        "/api/v1/designer/lint": {"post": {
            "tags": ["thiet-ke"], "operationId": "lintTemplate",
            "summary": "Tìm mọi lỗi trong một mẫu .docx (docxtpl-lint và quy tắc của vanban)",
            "requestBody": body,
            "responses": {"200": _json(report, "Các lỗi, cảnh báo của mẫu."), **errors}}},
        "/api/v1/designer/preview": {"post": {
            "tags": ["thiet-ke"], "operationId": "previewTemplate",
            "summary": "Xem trước mẫu với dữ liệu: ảnh các trang (json), .docx hoặc PDF",
            "parameters": [fmt], "requestBody": body,
            "responses": {
                "200": {"description": "json: kind, family, data_source, lint, page_count, "
                                       "pages (ảnh PNG dạng data URI), seconds; hoặc tệp.",
                        "content": {"application/json": {"schema": {"type": "object"}},
                                    DOCX_MIME: {"schema": {"type": "string"}},
                                    "application/pdf": {"schema": {"type": "string"}}}},
                **errors, **_errors("ServiceUnavailable")}}},
        "/api/v1/designer/annotate": {"post": {
            "tags": ["thiet-ke"], "operationId": "annotateTemplate",
            "summary": "Bản sao của mẫu có chú thích Word ở từng lỗi",
            "requestBody": body, "responses": {"200": docx, **errors}}},
        "/api/v1/designer/templates/{template_id}.docx": {"get": {
            "tags": ["thiet-ke"], "operationId": "getWordTemplate",
            "summary": "Tải mẫu Word: tệp .docx của một mẫu có sẵn để sửa trong Word",
            "description": "Gửi lại bản đã sửa (trường “template” của /preview) là xem trước "
                           "được với dữ liệu mẫu của mẫu đó.",
            "parameters": [_template_param(ids)],
            "responses": {"200": docx, **_errors("NotFound")}}},
    }


def _format_param() -> dict[str, Any]:
    """``?format=``: every output of :mod:`vanban.outputs`."""
    converted = [o.name for o in outputs.OUTPUTS.values() if o.converted]
    return {"name": "format", "in": "query", "required": False,
            "description": f"{outputs.DEFAULT.name} (mặc định) hoặc {', '.join(converted)} "
                           "(cần LibreOffice trên máy chủ).",
            "schema": {"type": "string", "enum": list(outputs.NAMES),
                       "default": outputs.DEFAULT.name}}


def _batch(tid: dict[str, Any], fmt: dict[str, Any]) -> dict[str, Any]:
    # Any JSON value per item: an item that is not a valid input (not even an object) is
    # reported in errors.json inside the zip and does not fail the batch.
    array = {"type": "array", "minItems": 1, "items": {
        "description": "Dữ liệu đầu vào của một văn bản; mục sai được ghi vào errors.json."}}
    return {"post": {
        "tags": ["van-ban"], "operationId": "renderBatch",
        "summary": "Tạo nhiều văn bản một lần: tệp .zip gửi dần khi từng văn bản xong",
        "description": (
            "Thân yêu cầu là một mảng JSON các dữ liệu đầu vào, hoặc JSON Lines (mỗi dòng một "
            "văn bản). Tệp .zip chứa các văn bản (tên theo số, ký hiệu, trích yếu) và "
            "errors.json liệt kê mọi dữ liệu lỗi kèm các lỗi của nó; dữ liệu lỗi không làm "
            "hỏng cả lô. Giới hạn dung lượng: VANBAN_BATCH_MAX_BYTES (mặc định 64 MiB)."),
        "parameters": [tid, fmt],
        "requestBody": {"required": True, "content": {
            "application/json": {"schema": array},
            "application/x-ndjson": {"schema": {"type": "string"}}}},
        "responses": {
            "200": {"description": "Tệp .zip (gửi dần).", "content": {"application/zip": {
                "schema": {"type": "string", "contentMediaType": "application/zip"}}}},
            **_errors("BadRequest", "NotFound", "MethodNotAllowed", "PayloadTooLarge",
                      "UnsupportedMediaType", "ServiceUnavailable")}}}


def paths(ids: list[str], refs: dict[str, str], examples: dict[str, Any]) -> dict[str, Any]:
    tid = _template_param(ids)
    any_input = [{"$ref": ref} for ref in refs.values()]
    body = _body(refs, examples)
    fmt = _format_param()
    for_signing = {"name": "for_signing", "in": "query", "required": False,
                   "description": "1: bản PDF/A để ký số, có sẵn ô chữ ký của người ký và của cơ "
                   "quan đặt theo Nghị định 30 (cần format=pdf).",
                   "schema": {"type": "string", "enum": ["0", "1"], "default": "0"}}
    disposition = {"Content-Disposition": {
        "description": "attachment; tên tệp từ số, ký hiệu và trích yếu: filename (ASCII) "
                       "và filename* (UTF-8, RFC 5987).",
        "schema": {"type": "string"}}}
    return {
        "/api/v1/documents/{template_id}": {"post": {
            "tags": ["van-ban"], "operationId": "renderDocument",
            "summary": f"Tạo văn bản ({', '.join('.' + n for n in outputs.NAMES)}) từ dữ "
                       "liệu JSON",
            "parameters": [tid, fmt, for_signing], "requestBody": body,
            "responses": {"200": {
                "description": "Văn bản đã tạo.", "headers": disposition,
                "content": {o.media_type: {"schema": {
                    "type": "string", "contentMediaType": o.media_type}}
                    for o in outputs.OUTPUTS.values()}},
                **_errors("BadRequest", "NotFound", "MethodNotAllowed", "PayloadTooLarge",
                          "UnsupportedMediaType", "UnprocessableContent",
                          "ServiceUnavailable", "GatewayTimeout")}}},
        "/api/v1/batch/{template_id}": _batch(tid, fmt),
        "/api/v1/validate/{template_id}": {"post": {
            "tags": ["van-ban"], "operationId": "validateDocument",
            "summary": "Chỉ kiểm tra dữ liệu, không tạo văn bản",
            "parameters": [tid], "requestBody": body,
            "responses": {"200": _json({"$ref": "#/components/schemas/ValidationResult"},
                                       "Dữ liệu hợp lệ."),
                          **_errors("BadRequest", "NotFound", "PayloadTooLarge",
                                    "UnsupportedMediaType", "UnprocessableContent")}}},
        "/api/v1/compute/{template_id}": compute_path(tid, body, _errors(
            "BadRequest", "NotFound", "PayloadTooLarge", "UnsupportedMediaType",
            "UnprocessableContent")),
        "/api/v1/check-format": _check_format(),
        **clerk_paths(tid, _errors),
        **_designer(ids),
        "/api/v1/templates": {"get": {
            "tags": ["mau"], "operationId": "listTemplates", "summary": "Danh sách mẫu văn bản",
            "responses": {"200": _json({"$ref": "#/components/schemas/TemplateList"},
                                       "Các mẫu văn bản hiện có.")}}},
        "/api/v1/templates/{template_id}": {"get": {
            "tags": ["mau"], "operationId": "getTemplate", "summary": "Thông tin một mẫu",
            "parameters": [tid],
            "responses": {"200": _json({"$ref": "#/components/schemas/TemplateInfo"},
                                       "Thông tin mẫu."), **_errors("NotFound")}}},
        "/api/v1/templates/{template_id}/schema": {"get": {
            "tags": ["mau"], "operationId": "getTemplateSchema",
            "summary": "JSON Schema (draft 2020-12) của dữ liệu đầu vào", "parameters": [tid],
            "responses": {"200": _json({"type": "object"}, "JSON Schema của mẫu."),
                          **_errors("NotFound")}}},
        "/api/v1/templates/{template_id}/example": {"get": {
            "tags": ["mau"], "operationId": "getTemplateExample",
            "summary": "Dữ liệu mẫu hợp lệ", "parameters": [tid],
            "responses": {"200": _json(any_input[0] if len(any_input) == 1
                                       else {"anyOf": any_input}, "Dữ liệu mẫu."),
                          **_errors("NotFound")}}},
        "/api/v1/openapi.json": {"get": {
            "tags": ["van-hanh"], "operationId": "getOpenApi", "summary": "Tài liệu OpenAPI 3.1",
            "responses": {"200": _json({"type": "object"}, "Tài liệu này.")}}},
        "/api/v1/docs": {"get": {
            "tags": ["van-hanh"], "operationId": "getApiDocs",
            "summary": "Trang tài liệu API (HTML)",
            "responses": {"200": {"description": "Trang HTML.",
                                  "content": {"text/html": {"schema": {"type": "string"}}}}}}},
        "/healthz": {"get": {
            "tags": ["van-hanh"], "operationId": "liveness", "summary": "Tiến trình còn sống",
            "responses": {"200": _json({"$ref": "#/components/schemas/Health"}, "Đang chạy.")}}},
        "/readyz": {"get": {
            "tags": ["van-hanh"], "operationId": "readiness",
            "summary": "Sẵn sàng phục vụ: mẫu đã nạp, tình trạng bộ chuyển PDF",
            "responses": {
                "200": _json({"$ref": "#/components/schemas/Readiness"}, "Sẵn sàng."),
                "503": _json({"$ref": "#/components/schemas/Readiness"}, "Chưa sẵn sàng.")}}},
        **scale_paths(tid, any_input),
        **_ho_so_paths(),
    }


_JOB = {"type": "object", "required": ["id", "template", "status", "total", "done", "failed"],
        "properties": {
            "id": {"type": "string"}, "template": {"type": "string"},
            "format": {"type": "string", "enum": list(outputs.NAMES)},
            "status": {"type": "string", "enum": ["queued", "started", "finished", "failed"]},
            "total": {"type": "integer"}, "done": {"type": "integer"},
            "failed": {"type": "integer"}, "progress": {"type": "number"},
            "workers": {"type": "array", "items": {"type": "string"}},
            "self": {"type": "string"}, "result": {"type": "string"}}}
_JOB_ID = {"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
           "description": "Mã lô trả về khi gửi lô."}
_QUEUE_DOWN = {"description": "Chưa cấu hình hoặc không kết nối được hàng đợi Redis, hoặc "
                              "hàng đợi đã đầy (`queue.full`, Retry-After).",
               "content": {"application/problem+json": {"schema": PROBLEM}}}
_NOT_READY = {"description": "Lô chưa xong.",
              "content": {"application/problem+json": {"schema": PROBLEM}}}


def scale_paths(tid: dict[str, Any], any_input: list[dict[str, Any]]) -> dict[str, Any]:
    """Batch jobs on the queue (``/api/v1/jobs``) and Prometheus metrics (``/metrics``)."""
    item = any_input[0] if len(any_input) == 1 else {"anyOf": any_input}
    template = {**tid, "name": "id"}  # POST and GET share /api/v1/jobs/{id}
    return {
        "/api/v1/jobs/{id}": {
            "post": {
                "tags": ["lo"], "operationId": "submitJob",
                "summary": "Gửi một lô văn bản (mảng JSON) vào hàng đợi; id = mã mẫu văn bản",
                "parameters": [template, _format_param()],
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"type": "array", "items": item}}}},
                "responses": {"202": _json(_JOB, "Đã nhận lô; hỏi tiến độ ở Location."),
                              **_errors("BadRequest", "NotFound", "PayloadTooLarge",
                                        "UnsupportedMediaType", "UnprocessableContent"),
                              "503": _QUEUE_DOWN}},
            "get": {
                "tags": ["lo"], "operationId": "getJob",
                "summary": "Tiến độ của một lô; id = mã lô", "parameters": [_JOB_ID],
                "responses": {"200": _json(_JOB, "Tiến độ."), **_errors("NotFound"),
                              "503": _QUEUE_DOWN}}},
        "/api/v1/jobs/{id}/result": {"get": {
            "tags": ["lo"], "operationId": "getJobResult",
            "summary": "Tệp zip của lô đã xong (mỗi văn bản một .docx, lỗi trong errors.json)",
            "parameters": [_JOB_ID],
            "responses": {"200": {"description": "Tệp zip.", "content": {"application/zip": {
                "schema": {"type": "string", "contentMediaType": "application/zip"}}}},
                **_errors("NotFound"), "409": _NOT_READY, "503": _QUEUE_DOWN}}},
        "/metrics": {"get": {
            "tags": ["van-hanh"], "operationId": "metrics",
            "summary": "Số đo cho Prometheus (dạng văn bản)",
            "responses": {"200": {"description": "Prometheus text format.", "content": {
                "text/plain": {"schema": {"type": "string"}}}}, **_errors("NotFound")}}},
    }


def _ho_so_paths() -> dict[str, Any]:
    from vanban.web.ho_so import openapi_paths
    from vanban.web.ho_so_form import openapi_paths as form_paths

    return {**openapi_paths(), **form_paths()}
