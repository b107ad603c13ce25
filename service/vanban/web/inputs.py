"""Reading a request body into JSON data: ``application/json`` or multipart with ``data``.

Malformed JSON, a body that is not UTF-8, an empty body or a missing ``data`` field are the
client's fault *before* any content check: 400 with a located problem. Any other media type
is 415. Size is limited by Flask's ``MAX_CONTENT_LENGTH`` (werkzeug raises 413).
"""

from __future__ import annotations

from typing import Any

from flask import Request

from vanban.errors import InputError, problem
from vanban.model import json_input
from vanban.web.problems import RequestError

ACCEPTED = ("application/json", "multipart/form-data")


def is_json_type(mimetype: str) -> bool:
    return mimetype == "application/json" or (
        mimetype.startswith("application/") and mimetype.endswith("+json"))


#: The heading of a problem page when the JSON cannot be read (a clerk's words).
JSON_TITLE = "Dữ liệu chưa đúng cú pháp JSON"


def parse_json(raw: bytes) -> Any:
    """UTF-8 JSON text → Python data; raises :class:`RequestError` (400) when unreadable.

    The wording is :mod:`vanban.model.json_input`'s, the same as the library's and the CLI's."""
    try:
        return json_input.loads(raw)
    except InputError as exc:
        title = "Chưa có dữ liệu" if exc.problems[0].code == "input.empty" else JSON_TITLE
        raise RequestError(400, exc.problems, title=title) from None


def read_payload(request: Request) -> Any:
    """The JSON data a request carries, parsed; raises 400/413/415 as :class:`HTTPException`
    or :class:`RequestError`."""
    mimetype = request.mimetype
    if is_json_type(mimetype):
        return parse_json(request.get_data(cache=False))
    if mimetype == "multipart/form-data":
        upload = request.files.get("data")
        if upload is not None:
            return parse_json(upload.read())
        if "data" in request.form:
            return parse_json(request.form["data"].encode("utf-8"))
        raise RequestError(400, problem(
            "request.missing-data", "data",
            "Thiếu trường “data” (tệp JSON) trong biểu mẫu gửi lên.",
            "multipart body has no 'data' field"))
    shown = mimetype or "(không có Content-Type)"
    raise RequestError(415, problem(
        "request.media-type", "Content-Type",
        f"Kiểu nội dung “{shown}” không được hỗ trợ; gửi application/json hoặc "
        "multipart/form-data với trường tệp “data”.",
        f"unsupported media type {shown!r}; use {' or '.join(ACCEPTED)}",
        accepted=list(ACCEPTED)),
        title="Kiểu nội dung không được hỗ trợ", slug="unsupported-media-type")
