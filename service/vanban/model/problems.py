"""pydantic's validation errors → :class:`vanban.errors.Problem` with Vietnamese messages."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from vanban.errors import Problem
from vanban.vi.numbers import so


def json_path(loc: tuple[Any, ...]) -> str:
    """``("noi_dung", "khen_thuong", 2, "ten")`` → ``noi_dung.khen_thuong[2].ten``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _expected(ctx: dict[str, Any]) -> str:
    return str(ctx.get("expected", "")).replace("'", "").replace(" or ", " hoặc ")


def _number(value: Any) -> str:
    """A bound as people write it: ``0`` (not ``0.0``), ``0,5``."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return so(value)
    return str(value)


_MESSAGES = {
    "missing": lambda e: "Thiếu trường bắt buộc.",
    "extra_forbidden": lambda e: "Trường này không có trong mẫu (kiểm tra lại chính tả tên "
    "trường); dữ liệu không được bỏ qua âm thầm.",
    "string_type": lambda e: "Phải là chuỗi văn bản.",
    "int_type": lambda e: "Phải là số nguyên.",
    "int_parsing": lambda e: "Phải là số nguyên.",
    "int_from_float": lambda e: "Phải là số nguyên (không có phần thập phân).",
    "bool_type": lambda e: "Phải là true hoặc false.",
    "bool_parsing": lambda e: "Phải là true hoặc false.",
    "list_type": lambda e: "Phải là danh sách (mảng JSON […]).",
    "dict_type": lambda e: "Phải là một đối tượng JSON {…}.",
    "model_type": lambda e: "Phải là một đối tượng JSON {…}.",
    "model_attributes_type": lambda e: "Phải là một đối tượng JSON {…}.",
    "literal_error": lambda e: f"Giá trị không hợp lệ; chỉ nhận: {_expected(e.get('ctx', {}))}.",
    "greater_than_equal": lambda e: f"Phải lớn hơn hoặc bằng {_number(e['ctx']['ge'])}.",
    "less_than_equal": lambda e: f"Phải nhỏ hơn hoặc bằng {_number(e['ctx']['le'])}.",
    "string_too_short": lambda e: "Không được để trống.",
    "too_short": lambda e: f"Cần ít nhất {e.get('ctx', {}).get('min_length', 1)} phần tử.",
    "float_type": lambda e: "Phải là số.",
    "float_parsing": lambda e: "Phải là số.",
    "finite_number": lambda e: "Phải là số hữu hạn.",
}


def from_validation_error(exc: ValidationError) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        kind = err["type"]
        path = json_path(tuple(err["loc"]))
        if kind in _MESSAGES:
            message = _MESSAGES[kind](err)
            code = f"input.{kind}"
        elif "." in kind:  # our own PydanticCustomError codes, already in Vietnamese
            message, code = err["msg"], kind
        else:
            message, code = f"Giá trị không hợp lệ ({err['msg']}).", f"input.{kind}"
        problems.append(Problem(code=code, path=path, message=message, message_en=err["msg"]))
    return problems
