"""The format check (``Kiểm tra thể thức``) both blueprints call: an uploaded .docx → report.

    upload = read_upload(request)           # 400/413/415/422 as exceptions
    report = check(upload.data, upload.the_thuc)
    body = report_json(report)              # Report.to_dict(), through models.CheckReport

The request may carry the file as ``multipart/form-data`` (file field ``file``) or as the raw
body with the .docx media type; ``the_thuc`` comes from the query string or a form field
(absent or empty: detected from the document). Uploads are limited by
``CHECK_MAX_CONTENT_LENGTH`` (default 10 MiB; falls back to ``MAX_CONTENT_LENGTH`` when set
to ``None``), and the XML inside the package by ``CHECK_MAX_XML_BYTES`` (default 16 MiB,
measured while decompressing, so a zip bomb stops early).

Whatever the client sends, the answer is a report or a 4xx problem: the package is read once
with bounded decompression before the checker sees it, and a checker failure on a strange
but readable file is logged and answered 422 ``docx.unsupported``.
"""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from flask import Request, current_app

from vanban.check import check_docx
from vanban.check.report import Report
from vanban.errors import InputError, problem
from vanban.the_thuc.families import FAMILIES
from vanban.web.models import CheckReport
from vanban.web.problems import RequestError, size_text

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ACCEPTED = ("multipart/form-data", DOCX_MIME)
FILE_FIELD = "file"
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_MAX_XML_BYTES = 16 * 1024 * 1024
MAX_ENTRIES = 5000
_CHUNK = 64 * 1024

#: Reading a damaged package can raise any of these (zipfile lets zlib, lzma and EOF errors
#: through, and RuntimeError for an encrypted entry).
_ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, lzma.LZMAError, EOFError,
               RuntimeError, NotImplementedError, ValueError, OSError, KeyError)


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


def _unreadable(message_en: str, message: str = "", **extra: Any) -> InputError:
    return InputError(problem(
        "docx.unreadable", "file",
        message or "Không đọc được tệp: đây không phải là tệp Word .docx hợp lệ.",
        message_en, **extra))


def _not_a_zip(data: bytes) -> InputError:
    """A clearer message for the files people upload by mistake."""
    if not data:
        return _unreadable("empty file", "Tệp rỗng: không có nội dung để kiểm tra.")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return _unreadable("legacy .doc (OLE) file", "Đây là tệp Word 97–2003 (.doc). Hãy mở "
                           "bằng Word rồi lưu lại dạng .docx để kiểm tra.", detected="doc")
    if data.startswith(b"%PDF"):
        return _unreadable("PDF file", "Đây là tệp PDF. Hãy gửi tệp Word .docx của văn bản.",
                           detected="pdf")
    return _unreadable("not a zip package")


def inspect_package(data: bytes, xml_limit: int | None = None) -> None:
    """Read every XML part of the package with bounded decompression.

    Raises 422 ``docx.unreadable`` for anything that is not a readable zip with
    ``word/document.xml``, and 413 ``docx.too-large`` when its XML exceeds ``xml_limit``
    bytes once decompressed."""
    limit = xml_limit if xml_limit is not None else DEFAULT_MAX_XML_BYTES
    if not data.startswith(b"PK"):
        raise _not_a_zip(data)
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            entries = package.infolist()
            if len(entries) > MAX_ENTRIES:
                raise ValueError(f"{len(entries)} entries")
            if "word/document.xml" not in {e.filename for e in entries}:
                raise _unreadable("word/document.xml is missing", "Không đọc được tệp: gói "
                                  "nén không có phần nội dung của Word (word/document.xml).")
            for entry in entries:
                if not entry.filename.lower().endswith((".xml", ".rels")):
                    continue
                with package.open(entry) as part:
                    while chunk := part.read(_CHUNK):
                        total += len(chunk)
                        if total > limit:
                            break
                if total > limit:
                    break
    except _ZIP_ERRORS as exc:
        raise _unreadable(f"not a readable .docx: {type(exc).__name__}: {exc}") from None
    if total > limit:
        raise RequestError(413, problem(
            "docx.too-large", "file",
            f"Nội dung tệp sau khi giải nén vượt quá giới hạn {size_text(limit)}; "
            "không kiểm tra được.",
            f"uncompressed XML exceeds {limit} bytes", limit=limit),
            title="Dữ liệu quá lớn", slug="too-large")


def check(data: bytes, the_thuc: str | None = None) -> Report:
    """Check a .docx; every failure is a 4xx :class:`vanban.errors.VanbanError`."""
    inspect_package(data, current_app.config.get("CHECK_MAX_XML_BYTES"))
    try:
        return check_docx(data, the_thuc)
    except InputError:
        raise
    except RecursionError:
        raise _unreadable("document nesting too deep", "Không đọc được tệp: cấu trúc văn bản "
                          "lồng nhau quá sâu.") from None
    except Exception as exc:  # a checker bug on a strange file: log it, answer 4xx
        current_app.logger.exception("check-format failed on a readable package")
        raise InputError(problem(
            "docx.unsupported", "file",
            "Không kiểm tra được tệp này: cấu trúc tệp Word chưa được hỗ trợ. Hãy mở bằng Word, "
            "lưu lại dạng .docx rồi thử lại.", f"checker failed: {type(exc).__name__}")) from None


def report_json(report: Report) -> dict[str, Any]:
    """The report as published in the OpenAPI document (:class:`CheckReport`)."""
    return CheckReport.model_validate(report.to_dict()).model_dump()
