"""The format check (``Kiểm tra thể thức``) both blueprints call: an uploaded .docx → report.

    upload = read_upload(request)           # 400/413/415/422 as exceptions
    report = check(upload.data, upload.the_thuc)
    body = report_json(report)              # Report.to_dict(), through models.CheckReport

The request may carry the file as ``multipart/form-data`` (file field ``file``) or as the raw
body with the .docx media type; ``the_thuc`` comes from the query string or a form field
(absent or empty: detected from the document). Uploads are limited by
``CHECK_MAX_CONTENT_LENGTH`` (default 10 MiB; falls back to ``MAX_CONTENT_LENGTH`` when set
to ``None``); the package itself is read by :mod:`vanban.ooxml.safezip` (inflated size,
compression ratio, part count and names, XML depth: ``VANBAN_UPLOAD_MAX_*``), so a zip bomb
is refused before it is inflated.

Whatever the client sends, the answer is a report or a 4xx problem: the package is read once
with bounded decompression before the checker sees it, and a checker failure on a strange
but readable file is logged and answered 422 ``docx.unsupported``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from flask import Request, current_app

from vanban.check import check_docx
from vanban.check.report import Report
from vanban.config import get_settings
from vanban.designer.sandbox import run_bounded
from vanban.errors import InputError, Problem, TemplateError, problem
from vanban.ooxml.safezip import ZipLimits, read_docx_parts
from vanban.the_thuc.families import FAMILIES
from vanban.web.models import CheckReport
from vanban.web.problems import RequestError

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ACCEPTED = ("multipart/form-data", DOCX_MIME)
FILE_FIELD = "file"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Upload:
    data: bytes
    filename: str
    the_thuc: str | None


def max_bytes() -> int | None:
    """The upload limit of the check routes."""
    config = current_app.config
    limit = config.get("CHECK_MAX_CONTENT_LENGTH", DEFAULT_MAX_BYTES)
    return limit if limit is not None else config.get("MAX_CONTENT_LENGTH")


def parse_the_thuc(value: str | None) -> str | None:
    """``nha-nuoc`` / ``dang`` / ``cong-doan`` (any case), ``None`` for absent or empty (detect);
    anything else is a 422 problem."""
    chosen = (value or "").strip().lower()
    if not chosen:
        return None
    if chosen not in FAMILIES:
        raise InputError(problem(
            "the_thuc.unknown", "the_thuc",
            f"Không có thể thức “{value}”. Chọn: {', '.join(FAMILIES)} (bỏ trống để tự nhận biết).",
            f"unknown family {value!r}; use {', '.join(FAMILIES)} or leave empty",
            accepted=list(FAMILIES)))
    return chosen


def _unsupported_media(mimetype: str) -> RequestError:
    shown = mimetype or "(không có Content-Type)"
    return RequestError(415, problem(
        "request.media-type", "Content-Type",
        f"Kiểu nội dung “{shown}” không được hỗ trợ; gửi tệp .docx trong trường “{FILE_FIELD}” "
        f"của multipart/form-data, hoặc gửi thẳng tệp với Content-Type {DOCX_MIME}.",
        f"unsupported media type {shown!r}; use {' or '.join(ACCEPTED)}",
        accepted=list(ACCEPTED)),
        title="Kiểu nội dung không được hỗ trợ", slug="unsupported-media-type")


def read_upload(request: Request) -> Upload:
    """The .docx a request carries and the family asked for.

    Raises 415 (:class:`RequestError`) for other media types, 413 (werkzeug) above
    :func:`max_bytes`, 400 when the multipart body has no file and 422 (:class:`InputError`)
    for an unknown ``the_thuc``."""
    request.max_content_length = max_bytes()
    mimetype = request.mimetype
    if mimetype == DOCX_MIME:
        the_thuc = parse_the_thuc(request.args.get("the_thuc"))
        return Upload(request.get_data(cache=False), "", the_thuc)
    if mimetype != "multipart/form-data":
        raise _unsupported_media(mimetype)
    files = request.files  # parses the body: 413 here when it is too large
    value = request.args.get("the_thuc")
    the_thuc = parse_the_thuc(value if value is not None else request.form.get("the_thuc"))
    upload = files.get(FILE_FIELD)
    data = upload.read() if upload is not None else b""
    if upload is None or (not data and not upload.filename):  # a form sent with no file
        raise RequestError(400, problem(
            "request.missing-file", FILE_FIELD,
            f"Chưa chọn tệp: gửi tệp .docx trong trường “{FILE_FIELD}”.",
            f"multipart body has no '{FILE_FIELD}' file"), title="Chưa có tệp để kiểm tra")
    return Upload(data, upload.filename or "", the_thuc)


def check_timeout_problem(seconds: float) -> Problem:
    return problem(
        "check.timeout", "file",
        f"Kiểm tra tệp quá {seconds:g} giây nên đã bị dừng (check_timeout); tệp quá lớn hoặc "
        "quá phức tạp để kiểm tra.", f"format check stopped after {seconds:g} s "
        "(check_timeout)", limit="check_timeout", max=seconds)


def _check_in_worker(data: bytes, the_thuc: str | None, limits: ZipLimits) -> Report:
    """The worker process's side (module level, so the fork server can run it)."""
    return check_docx(data, the_thuc, limits)


def check(data: bytes, the_thuc: str | None = None) -> Report:
    """Check a .docx; every failure is a 4xx :class:`vanban.errors.VanbanError` (or 503
    ``server.busy`` when every heavy-work slot is taken).

    The package is read by :mod:`vanban.ooxml.safezip` (limits from :mod:`vanban.config`;
    the app setting ``CHECK_MAX_XML_BYTES``, when given, lowers the inflated-size limit), in a
    worker process bounded by ``check_timeout`` and ``check_memory_mb``
    (:func:`vanban.designer.sandbox.run_bounded`)."""
    limits = ZipLimits()
    override = current_app.config.get("CHECK_MAX_XML_BYTES")
    if override:
        limits = replace(limits, max_inflated_bytes=int(override))
    read_docx_parts(data, limits)  # sizes and counts first, here: refused in milliseconds
    settings = get_settings()
    try:
        return run_bounded(_check_in_worker, data, the_thuc, limits,
                           timeout=settings.check_timeout, memory_mb=settings.check_memory_mb,
                           on_timeout=check_timeout_problem, where="file", kind="check")
    except InputError:
        raise
    except TemplateError as exc:  # the worker's limits or a checker failure (logged there)
        codes = {p.code for p in exc.problems}
        if codes & {"check.timeout", "sandbox.memory"}:
            raise InputError(exc.problems) from None
        if "sandbox.too-deep" in codes:
            raise InputError(problem(
                "docx.unreadable", "file", "Không đọc được tệp: cấu trúc văn bản lồng nhau quá "
                "sâu.", "document nesting too deep")) from None
        raise InputError(problem(
            "docx.unsupported", "file",
            "Không kiểm tra được tệp này: cấu trúc tệp Word chưa được hỗ trợ. Hãy mở bằng Word, "
            "lưu lại dạng .docx rồi thử lại.", "checker failed (see the server log)")) from None


def report_json(report: Report) -> dict[str, Any]:
    """The report as published in the OpenAPI document (:class:`CheckReport`)."""
    return CheckReport.model_validate(report.to_dict()).model_dump()
