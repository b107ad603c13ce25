"""JSON text → Python data, with one Vietnamese wording for every way it can fail.

The library (:func:`vanban.validate` / :func:`vanban.render` given text or bytes), the command
line and the web service (API and page) all read JSON through :func:`loads`, so a clerk sees the
same sentence wherever the data was pasted:

* ``JSON sai cú pháp ở dòng 3, cột 15: …`` with the line and column (also in ``extra`` as
  ``line`` / ``column``, which the page uses to jump to the place);
* “đây không phải JSON” when the text does not even start like JSON (a pasted report);
* the likely cause for the usual slips: a date without quotes (``"ngay": 2022-06-15``), a comma
  before ``}`` or ``]``, single quotes, Python's ``True`` / ``None``.

Every failure is an :class:`~vanban.errors.InputError` with code ``input.json`` (syntax),
``input.empty``, ``input.encoding`` or ``input.too-deep``; ``message_en`` keeps the parser's
English text for logs.

:func:`check_limits` then refuses data beyond the configured limits (``VANBAN_JSON_MAX_*``):
a :class:`~vanban.errors.LimitError` (413) naming the path, the limit and its value.
"""

from __future__ import annotations

import json
import re
from typing import Any

from vanban.config import get_settings
from vanban.errors import InputError, LimitError, Problem, problem

__all__ = ["check_limits", "decode_text", "json_problem", "loads"]

_JSON_START = set('{["-0123456789tfn')
_BARE_DATE = re.compile(r"\d{4}-\d{1,2}(?:-\d{1,2})?")

_REASONS = {
    "Expecting value": "thiếu giá trị",
    "Expecting property name enclosed in double quotes":
        "tên trường phải đặt trong dấu ngoặc kép \"…\"",
    "Expecting ',' delimiter": "thiếu dấu phẩy giữa hai phần tử",
    "Expecting ':' delimiter": "thiếu dấu hai chấm sau tên trường",
    "Unterminated string starting at": "chuỗi chưa đóng dấu ngoặc kép",
    "Invalid control character at": "có ký tự xuống dòng hoặc tab ngay trong chuỗi; "
                                    "hãy viết \\n thay cho xuống dòng",
    "Extra data": "thừa dữ liệu sau khi JSON đã kết thúc",
    "Invalid \\escape": "dấu \\ không hợp lệ trong chuỗi (viết \\\\ cho một dấu \\)",
    "Invalid \\uXXXX escape": "mã \\u không hợp lệ trong chuỗi",
}


def decode_text(raw: bytes | bytearray | str) -> str:
    """UTF-8 bytes (with or without BOM) → text; :class:`InputError` ``input.encoding``."""
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff")
    if bytes(raw[:4]) == b"PK\x03\x04":  # a zip: an Excel workbook or a Word document
        raise InputError(problem(
            "input.office-file", "", "Đây là tệp Excel (.xlsx) hoặc Word (.docx), không phải dữ "
            "liệu JSON. Tệp Excel: dùng “Nhập từ Excel” (POST /api/v1/import/<mã mẫu>, vanban "
            "import); tệp .docx do vanban tạo: dùng “Mở lại văn bản đã làm” (POST "
            "/api/v1/reopen, vanban reopen).",
            "a zip package (.xlsx or .docx), not JSON: import it (/api/v1/import/<id>) or "
            "reopen it (/api/v1/reopen)"))
    try:
        return bytes(raw).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(problem(
            "input.encoding", "", "Tệp phải được mã hóa UTF-8 (khi lưu, chọn “UTF-8”).",
            f"not UTF-8: {exc}")) from None


#: Word's (and phones') curly quotes, typed where JSON needs a straight ".
_CURLY = "“”„‟″"


def _previous_char(text: str, pos: int) -> str:
    before = text[:pos].rstrip()
    return before[-1:] if before else ""


def _reason(exc: json.JSONDecodeError) -> str:
    """The likely cause, in Vietnamese, of one parser error."""
    text, pos, msg = exc.doc, exc.pos, exc.msg
    here = text[pos:pos + 1]
    first = text.lstrip()[:1]
    if first and first not in _JSON_START and not text[:pos].strip():
        if first == "'":
            return "đây không phải JSON: JSON dùng dấu ngoặc kép \"…\", không dùng dấu nháy '…'"
        return ("đây không phải JSON: dữ liệu phải là một đối tượng JSON, bắt đầu bằng "
                "“{” (hãy tải tệp .json hoặc dùng dữ liệu mẫu)")
    if msg.startswith("Expecting ',' delimiter"):
        start = pos
        while start > 0 and text[start - 1].isdigit():
            start -= 1
        date = _BARE_DATE.match(text, start)
        if date and date.end() > pos:
            return f"ngày phải đặt trong dấu ngoặc kép: \"{date.group()}\""
    if msg.startswith("Expecting property name") and here == "}" and (
            _previous_char(text, pos) == ","):
        return "thừa dấu phẩy trước dấu “}” (phần tử cuối không có dấu phẩy)"
    if msg.startswith("Expecting value") and here == "]" and _previous_char(text, pos) == ",":
        return "thừa dấu phẩy trước dấu “]” (phần tử cuối không có dấu phẩy)"
    if here in _CURLY:
        return (f"dấu {here} là dấu ngoặc kép cong do Word (hoặc bộ gõ) tự thay; JSON chỉ nhận "
                "dấu ngoặc kép thẳng \"…\" — hãy thay mọi dấu “ ” bằng \" (hoặc tắt “Tự động "
                "thay dấu ngoặc” trong Word, dán vào trình soạn thảo văn bản thuần)")
    if msg.startswith("Expecting property name") and here == "'":
        return "tên trường phải đặt trong dấu ngoặc kép \"…\", không dùng dấu nháy '…'"
    if msg.startswith("Expecting value"):
        word = re.match(r"[A-Za-z]+", text[pos:pos + 12])
        if word and word.group() in ("True", "False", "None", "TRUE", "FALSE", "NULL", "Null"):
            return f"viết {word.group().lower().replace('none', 'null')} bằng chữ thường"
        if here == "'":
            return "chuỗi phải đặt trong dấu ngoặc kép \"…\", không dùng dấu nháy '…'"
    for english, vietnamese in _REASONS.items():
        if msg.startswith(english):
            return vietnamese
    return msg


def _curly_nearby(exc: json.JSONDecodeError) -> str:
    """A word about the curly quotes on the failing line (a closing ” breaks a string far
    from where the parser stops)."""
    start = exc.doc.rfind("\n", 0, exc.pos) + 1
    end = exc.doc.find("\n", exc.pos)
    line = exc.doc[start:end if end >= 0 else len(exc.doc)]
    if exc.doc[exc.pos:exc.pos + 1] in _CURLY or not any(c in line for c in _CURLY):
        return ""
    return ("; dòng này có dấu ngoặc kép cong “ ” (Word tự thay): nếu dấu đó dùng để mở hay "
            "đóng chuỗi, hãy thay bằng dấu \" thẳng")


def json_problem(exc: json.JSONDecodeError) -> Problem:
    """The located Vietnamese problem for one :class:`json.JSONDecodeError`."""
    return problem(
        "input.json", f"dòng {exc.lineno}, cột {exc.colno}",
        f"JSON sai cú pháp ở dòng {exc.lineno}, cột {exc.colno}: "
        f"{_reason(exc)}{_curly_nearby(exc)}.",
        str(exc), line=exc.lineno, column=exc.colno)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def loads(raw: bytes | bytearray | str) -> Any:
    """Parse JSON text; every failure is an :class:`InputError` worded as described above."""
    text = decode_text(raw)
    if not text.strip():
        raise InputError(problem("input.empty", "", "Chưa có dữ liệu JSON.", "empty input"))
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError(json_problem(exc)) from None
    except RecursionError:
        raise InputError(problem(
            "input.too-deep", "", "Dữ liệu JSON lồng nhau quá sâu.",
            "JSON nesting too deep for the parser")) from None
    except ValueError as exc:  # NaN, Infinity, or a number too long to read
        raise InputError(problem(
            "input.json", "", "JSON sai cú pháp: có giá trị NaN/Infinity hoặc số quá dài; "
            "JSON chỉ nhận số thông thường.", f"{type(exc).__name__}: {exc}")) from None


# ---------------------------------------------------------------- limits on parsed data


def _limit(code: str, path: str, setting: str, value: int, vi: str, en: str) -> LimitError:
    return LimitError(problem(code, path, f"{vi} (giới hạn {setting} = {value}).",
                              f"{en} ({setting} = {value})", limit=setting, max=value))


def check_limits(data: Any) -> None:
    """Refuse data beyond the configured limits (:mod:`vanban.config`) before any model sees
    it: nesting depth, items per list, characters per string, and paragraphs in all (every
    string and every line inside it may become a paragraph). Raises :class:`LimitError` (413)
    naming the JSON path, the limit and its value."""
    settings = get_settings()
    paragraphs = 0
    stack: list[tuple[Any, str, int]] = [(data, "", 1)]
    while stack:
        node, path, depth = stack.pop()
        if isinstance(node, str):
            if len(node) > settings.json_max_string:
                raise _limit("limit.string", path, "json_max_string", settings.json_max_string,
                             f"Chuỗi dài {len(node)} ký tự, vượt giới hạn",
                             f"string of {len(node)} characters exceeds the limit")
            paragraphs += 1 + node.count("\n")
            if paragraphs > settings.json_max_paragraphs:
                raise _limit("limit.paragraphs", path, "json_max_paragraphs",
                             settings.json_max_paragraphs,
                             "Văn bản có quá nhiều đoạn (tính mọi chuỗi và mọi dòng), vượt "
                             "giới hạn", "too many paragraphs (strings and lines)")
            continue
        if not isinstance(node, dict | list):
            continue
        if depth > settings.json_max_depth:
            raise _limit("limit.depth", path, "json_max_depth", settings.json_max_depth,
                         "Dữ liệu lồng nhau quá sâu, vượt giới hạn", "JSON nesting too deep")
        if isinstance(node, list):
            if len(node) > settings.json_max_list:
                raise _limit("limit.list", path, "json_max_list", settings.json_max_list,
                             f"Danh sách có {len(node)} phần tử, vượt giới hạn",
                             f"list of {len(node)} items exceeds the limit")
            stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(node))
        else:
            stack.extend((value, f"{path}.{key}" if path else str(key), depth + 1)
                         for key, value in node.items())
