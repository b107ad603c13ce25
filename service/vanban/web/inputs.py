"""Reading a request body into JSON data: ``application/json`` or multipart with ``data``.

Malformed JSON, a body that is not UTF-8, an empty body or a missing ``data`` field are the
client's fault *before* any content check: 400 with a located problem. Any other media type
is 415. Size is limited by Flask's ``MAX_CONTENT_LENGTH`` (werkzeug raises 413).
"""

from __future__ import annotations

import json
from typing import Any

from flask import Request

from vanban.errors import problem
from vanban.web.problems import RequestError

ACCEPTED = ("application/json", "multipart/form-data")


def is_json_type(mimetype: str) -> bool:
    return mimetype == "application/json" or (
        mimetype.startswith("application/") and mimetype.endswith("+json"))


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(raw: bytes) -> Any:
    """UTF-8 JSON text → Python data; raises :class:`RequestError` (400) when unreadable."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RequestError(400, problem(
            "input.encoding", "", "Tệp phải được mã hóa UTF-8 (khi lưu, chọn “UTF-8”).",
            str(exc))) from None
    if not text.strip():
        raise RequestError(400, problem("input.empty", "", "Chưa có dữ liệu JSON.",
                                        "empty body"))
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise RequestError(400, problem(
            "input.json", f"dòng {exc.lineno}, cột {exc.colno}",
            f"JSON sai cú pháp ở dòng {exc.lineno}, cột {exc.colno}: {_vi(exc.msg)}.",
            str(exc), line=exc.lineno, column=exc.colno)) from None
    except (ValueError, RecursionError) as exc:
        raise RequestError(400, problem(
            "input.json", "", "JSON không đọc được (lồng nhau quá sâu, số quá dài hoặc giá "
            "trị NaN/Infinity).", f"{type(exc).__name__}: {exc}")) from None


_JSON_MESSAGES = {
    "Expecting value": "thiếu giá trị",
    "Expecting property name enclosed in double quotes":
        "tên trường phải đặt trong dấu ngoặc kép \"…\" (hoặc thừa dấu phẩy trước dấu })",
    "Expecting ',' delimiter": "thiếu dấu phẩy giữa hai phần tử",
    "Expecting ':' delimiter": "thiếu dấu hai chấm sau tên trường",
    "Unterminated string starting at": "chuỗi chưa đóng dấu ngoặc kép",
    "Invalid control character at": "có ký tự điều khiển (xuống dòng, tab) trong chuỗi; "
                                    "dùng \\n",
    "Extra data": "thừa dữ liệu sau khi JSON đã kết thúc",
    "Invalid \\escape": "dấu \\ không hợp lệ trong chuỗi",
}


def _vi(msg: str) -> str:
    for english, vietnamese in _JSON_MESSAGES.items():
        if msg.startswith(english):
            return vietnamese
    return msg


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
