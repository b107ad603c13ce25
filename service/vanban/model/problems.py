"""pydantic's validation errors → :class:`vanban.errors.Problem` with Vietnamese messages."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from vanban.errors import Problem
from vanban.vi.numbers import read_number, so


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


def _write_as(err: dict[str, Any], *, integer: bool) -> str:
    """Advice that is itself valid JSON: ``"05"`` → write 5 (JSON forbids leading zeros),
    ``"8,5"`` → write 8.5 (JSON's decimal mark is a dot), ``"1.234"`` → write 1234."""
    value = err.get("input")
    number = read_number(value) if isinstance(value, str) else None
    if number is None or (integer and isinstance(number, float) and not number.is_integer()):
        return ", ví dụ 5." if integer else ", ví dụ 8.5 (số viết không có dấu ngoặc kép)."
    if integer or (isinstance(number, float) and number.is_integer()):
        number = int(number)
    written = str(number)
    why = []
    if value.strip().lstrip("+-").startswith("0") and written.lstrip("-") != "0" and \
            not written.lstrip("-").startswith("0."):
        why.append("không có số 0 ở đầu")
    if "," in value:
        why.append("JSON dùng dấu chấm thập phân")
    elif "." in value and "." not in written:
        why.append("không có dấu chấm phân cách hàng nghìn")
    why.append("không đặt trong dấu ngoặc kép")
    return f": viết {written} ({', '.join(why)})."


_MESSAGES = {
    "missing": lambda e: "Thiếu trường bắt buộc.",
    "extra_forbidden": lambda e: "Trường này không có trong mẫu (kiểm tra lại chính tả tên "
    "trường); dữ liệu không được bỏ qua âm thầm.",
    "string_type": lambda e: "Phải là chuỗi văn bản.",
    "int_type": lambda e: "Phải là số nguyên" + _write_as(e, integer=True),
    "int_parsing": lambda e: "Phải là số nguyên.",
    "int_from_float": lambda e: "Phải là số nguyên (không có phần thập phân).",
    "float_type": lambda e: "Phải là một số" + _write_as(e, integer=False),
    "bool_type": lambda e: "Phải là true hoặc false (viết thường, không đặt trong dấu ngoặc "
    "kép).",
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
    "float_parsing": lambda e: "Phải là số.",
    "finite_number": lambda e: "Phải là số hữu hạn.",
}


#: English for our own PydanticCustomError codes (their Vietnamese text is the error's own
#: message); placeholders are filled from the error's context.
CUSTOM_EN = {
    "text.control-char": "text contains the control character U+{code} at position {pos}; "
                         "remove it",
    "text.empty": "must not be empty or blank",
    "date.invalid": "{message_en}",
    "ky.ten-dot": "a report for an emulation round (so-ket-dot, tong-ket-dot) needs "
                  "'ten_dot', the round's name",
    "award.no-count": "give the number of collectives (tap_the) or of individuals "
                      "(ca_nhan), greater than 0",
    "date.partial": "a full date YYYY-MM-DD is needed (e.g. 2024-10-01)",
    "chi_tieu.both": "give only one of 'so_luong' or 'ty_le'",
    "chi_tieu.empty": "give 'noi_dung', or 'so_luong'/'ty_le' with 'doi_tuong' and "
                      "'danh_hieu'",
    "chi_tieu.incomplete": "a numbered target needs 'doi_tuong' and 'danh_hieu' (or the "
                           "whole sentence in 'noi_dung')",
    "chi_tieu.danh_gia": "a numbered target is assessed from 'thuc_hien'; remove 'danh_gia'",
    "chi_tieu.thuc_hien": "the result of a count target must be a whole number",
    "dang_ky.empty": "a registration needs at least one target (tap_the or ca_nhan)",
    "gia-tri.kieu": "must be a number (within ±10^12) or text, e.g. 100 or \"6-8\"",
    "so.qua-lon": "number too large: at most 999,999,999,999,999 (15 digits)",
    "so.qua-nho": "non-zero figure below 0.000001 (write 0, or at most 6 decimals)",
    "chu_thich.label": "footnote label '{label}' must not be empty nor contain spaces or "
                       "square brackets; use e.g. 1, 2, nguon-so-lieu and mark [^1] in the text",
    "ke_hoach.thoi_gian": "the start date ({start}) is after the end date ({end}) of the "
                          "emulation round",
    "bao_cao.nam-thu-tu": "the years of the figures table must increase, without repeats",
    "bao_cao.so-cot": "row '{ten}' has {n} values but the table has {m} years",
    "bao_cao.ly-lich": "an individual's achievement report needs 'ly_lich' and no 'dac_diem'",
    "bao_cao.dac-diem": "a collective's achievement report needs 'dac_diem' and no 'ly_lich'",
    "time.invalid": "a time must look like HH:MM (e.g. 08:30)",
}


def _english(kind: str, err: dict[str, Any]) -> str:
    template = CUSTOM_EN.get(kind)
    if template is None:
        return err["msg"]
    try:
        return template.format(**err.get("ctx", {}))
    except (KeyError, IndexError, ValueError):
        return template


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
        problems.append(Problem(code=code, path=path, message=message,
                                message_en=_english(kind, err)))
    return problems
