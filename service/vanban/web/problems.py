"""Errors as ``application/problem+json`` (RFC 9457), and the handlers that guarantee it.

Every failure leaves the service as a problem document: ``type``, ``title``, ``status``,
``detail``, ``instance`` and ``problems`` — the list of ``{code, path, message, message_en}``
that :mod:`vanban.errors` already produces. Pages (anything outside the API whose client
asks for HTML) get the same content as an HTML page instead.

* :class:`RequestError` — the HTTP request itself is wrong (400 malformed JSON, 415 …).
* :func:`register` installs handlers for :class:`vanban.errors.VanbanError`, werkzeug's
  :class:`HTTPException` (404, 405, 413 …) and a catch-all that logs and answers 500.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from flask import Flask, Response, current_app, g, render_template, request
from werkzeug.exceptions import HTTPException, MethodNotAllowed, RequestEntityTooLarge

from vanban.errors import (
    ConversionError,
    ConversionTimeout,
    InputError,
    LimitError,
    Problem,
    TemplateError,
    UnknownTemplateError,
    VanbanError,
    problem,
)
from vanban.ops.metrics import record_errors
from vanban.web.models import ProblemDetails

PROBLEM_JSON = "application/problem+json"
DOCS_ANCHOR = "/api/v1/docs#problem-"

#: Problem type slug → (Vietnamese explanation) — published on the API docs page.
PROBLEM_TYPES: dict[str, str] = {
    "malformed-request": "400 — yêu cầu sai: JSON sai cú pháp, không phải UTF-8, thiếu dữ liệu "
                         "hoặc tham số không hợp lệ.",
    "not-found": "404 — không có địa chỉ này.",
    "unknown-template": "404 — không có mẫu văn bản với mã đã gửi.",
    "method-not-allowed": "405 — phương thức HTTP không dùng được ở địa chỉ này.",
    "too-large": "413 — dữ liệu gửi lên vượt giới hạn kích thước.",
    "unsupported-media-type": "415 — kiểu nội dung không được hỗ trợ; gửi application/json "
                              "hoặc multipart/form-data với trường tệp “data” (kiểm tra thể "
                              "thức: tệp .docx trong trường “file”, hoặc thẳng tệp .docx).",
    "invalid-input": "422 — JSON đúng cú pháp nhưng nội dung chưa đúng mẫu, tệp .docx không "
                     "đọc được, hoặc thể thức không có; xem danh sách problems.",
    "pdf-unavailable": "503 — máy chủ không xuất được PDF (chưa cài LibreOffice hoặc chuyển "
                       "đổi thất bại); tệp .docx vẫn tải được.",
    "pdf-timeout": "504 — bộ chuyển PDF không trả lời kịp (VANBAN_PDF_TIMEOUT) nên đã bị dừng "
                   "và khởi động lại; thử lại sau, tệp .docx vẫn tải được.",
    "template-broken": "500 — tệp mẫu .docx trên máy chủ bị lỗi; báo cho quản trị.",
    "busy": "503 — máy chủ đang bận các việc nặng (kiểm tra tệp, xem trước mẫu, chuyển PDF); "
            "thử lại sau số giây ở Retry-After.",
    "job-not-ready": "409 — lô văn bản chưa xong; hỏi lại tiến độ ở GET /api/v1/jobs/<id>.",
    "queue-unavailable": "503 — máy chủ chưa cấu hình hoặc không kết nối được hàng đợi Redis "
                         "nên không nhận lô lớn; vẫn tạo được từng văn bản.",
    "internal": "500 — lỗi bên trong máy chủ; đã ghi nhật ký.",
    "http-error": "Các lỗi HTTP khác.",
}


class RequestError(VanbanError):
    """The HTTP request is unusable before its content can even be checked."""

    def __init__(self, status: int, problems: list[Problem] | Problem, *,
                 title: str = "Chưa đọc được dữ liệu gửi lên", slug: str = "malformed-request"):
        self.status = status
        self.title = title
        self.slug = slug
        super().__init__(problems)


def _slug(exc: VanbanError) -> str:
    if getattr(exc, "slug", None):  # RequestError, the job and queue errors …
        return str(exc.slug)  # type: ignore[attr-defined]
    if isinstance(exc, LimitError):
        return "too-large"
    if isinstance(exc, InputError):
        return "invalid-input"
    if isinstance(exc, UnknownTemplateError):
        return "unknown-template"
    if isinstance(exc, ConversionTimeout):
        return "pdf-timeout"
    if isinstance(exc, ConversionError):
        return "pdf-unavailable"
    if isinstance(exc, TemplateError):
        return "template-broken"
    return "internal"


def _detail(problems: list[Problem], fallback: str) -> str:
    if len(problems) == 1:
        return problems[0].message
    if problems:
        return f"Có {len(problems)} lỗi; xem danh sách “problems”."
    return fallback


def _wants_html() -> bool:
    path = request.path
    if path.startswith(("/api/", "/healthz", "/readyz")):
        return False
    best = request.accept_mimetypes.best_match([PROBLEM_JSON, "application/json", "text/html"])
    return best == "text/html"


_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]{4,}")


def _scrub(item: Problem) -> Problem:
    """The last net under every answer: no memory address (``<… at 0x7f…>``) leaves the server
    in a problem, whatever text an exception carried (the full text is in the log)."""
    if not (_ADDRESS.search(item.message) or _ADDRESS.search(item.message_en)):
        return item
    return replace(item, message=_ADDRESS.sub("", item.message),
                   message_en=_ADDRESS.sub("", item.message_en))


def problem_response(status: int, title: str, problems: list[Problem], slug: str,
                     detail: str | None = None) -> Response:
    """Build the problem document (JSON, or HTML for pages) for one failure."""
    problems = [_scrub(p) for p in problems]
    body = ProblemDetails(
        type=DOCS_ANCHOR + slug, title=title, status=status,
        detail=detail or _detail(problems, title), instance=request.path,
        problems=[p.to_dict() for p in problems], request_id=g.get("request_id"),
    ).model_dump(exclude_none=True)
    record_errors([p.code for p in problems])
    if _wants_html():
        html = render_template("error.html", problem=body)
        return Response(html, status=status, mimetype="text/html")
    response = current_app.json.response(body)
    response.status_code = status
    response.mimetype = PROBLEM_JSON
    return response


def from_vanban_error(exc: VanbanError) -> Response:
    status = exc.status if 400 <= exc.status <= 599 else 500
    if status >= 500 and not isinstance(exc, ConversionError):
        current_app.logger.error("%s %s: %s", request.method, request.path, exc)
    elif isinstance(exc, ConversionError):
        current_app.logger.warning("PDF: %s", "; ".join(p.message_en for p in exc.problems))
    response = problem_response(status, exc.title, exc.problems, _slug(exc))
    retry_after = getattr(exc, "retry_after", None)
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


_HTTP_TEXT: dict[int, tuple[str, str, str]] = {
    400: ("malformed-request", "Chưa đọc được dữ liệu gửi lên", "Máy chủ không hiểu yêu cầu này."),
    404: ("not-found", "Không tìm thấy", "Không có trang hay địa chỉ API “{path}”."),
    405: ("method-not-allowed", "Phương thức không được phép",
          "Địa chỉ “{path}” không nhận phương thức {method}; dùng: {allowed}."),
    413: ("too-large", "Dữ liệu quá lớn",
          "Dữ liệu gửi lên vượt quá giới hạn {limit}; hãy gửi tệp nhỏ hơn."),
    415: ("unsupported-media-type", "Kiểu nội dung không được hỗ trợ",
          "Gửi dữ liệu dạng application/json hoặc multipart/form-data (trường tệp “data”)."),
}


def size_text(n: int | None) -> str:
    if not n:
        return "cho phép"
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):g} MiB"
    return f"{n / 1024:g} KiB"


def from_http_exception(exc: HTTPException) -> Response:
    status = exc.code or 500
    allowed = ", ".join(sorted(exc.valid_methods or [])) if isinstance(
        exc, MethodNotAllowed) else ""
    slug, title, template = _HTTP_TEXT.get(
        status, ("http-error", exc.name, f"Lỗi HTTP {status}: {exc.name}."))
    limit = request.max_content_length  # the app's, or the route's own (check-format)
    setting = ("CHECK_MAX_CONTENT_LENGTH" if request.path.endswith(("/check-format", "/kiem-tra"))
               else "MAX_CONTENT_LENGTH")
    message = template.format(path=request.path, method=request.method, allowed=allowed,
                              limit=f"{size_text(limit)} ({setting})")
    extra: dict[str, Any] = {}
    if allowed:
        extra["allowed"] = sorted(exc.valid_methods or [])
    if isinstance(exc, RequestEntityTooLarge) and limit:
        extra.update(limit=setting, max=limit)  # like every other limit: name and value
    item = problem(f"http.{status}", "", message, exc.description or exc.name, **extra)
    response = problem_response(status, title, [item], slug)
    if allowed:
        response.headers["Allow"] = allowed
    return response


def from_unexpected(exc: Exception) -> Response:
    current_app.logger.exception("Unhandled error on %s %s", request.method, request.path)
    item = problem("internal", "", "Máy chủ gặp lỗi ngoài dự kiến; lỗi đã được ghi lại. "
                   "Hãy thử lại hoặc báo cho quản trị.", type(exc).__name__)
    return problem_response(500, "Lỗi máy chủ", [item], "internal")


def register(app: Flask) -> None:
    app.register_error_handler(VanbanError, from_vanban_error)
    app.register_error_handler(HTTPException, from_http_exception)
    app.register_error_handler(Exception, from_unexpected)
