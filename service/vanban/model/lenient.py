"""What a clerk types → the strict input, guided by the template's JSON Schema.

The HTTP API and the library take strict JSON (``"ngay": "2024-06-20"``, ``"tu_cham": 8.5``).
People type ``20/06/2024``, ``8,5``, ``1.234``, ``tốt``, ``KT.``; the form and the Excel import
pass what they read through :func:`normalise`, the one place that reads such values:

* dates (``x-ngay`` fields): ``20/06/2024``, ``20-6-2024``, ``20.6.2024``, ``2025-6-5``,
  ``ngày 20 tháng 6 năm 2024``, ``6/2024``, ``tháng 6 năm 2024``, a ``date``/``datetime``
  (an Excel date cell) → ``YYYY-MM-DD`` (``YYYY-MM``, ``YYYY``);
* times (``x-gio``): ``8h30``, ``8:30`` → ``08:30``;
* numbers: ``8,5`` → 8.5 and ``1.234`` → 1234 (Vietnamese separators), ``8.5`` → 8.5,
  an integral float → int where an integer is expected; text fields get numbers as text;
* enumerations: any case, a trailing dot, no diacritics, or the Vietnamese wording of the
  value (``x-nhan``): ``kt.`` → ``KT``, ``Nhà nước`` → ``nha-nuoc``; a criterion's level
  (``x-khoa-cua``) matches a key of its ``muc`` the same way (``tốt`` → ``Tốt``);
* yes/no: ``có``, ``không``, ``x`` …; lists of lines typed in one text (one line per item);
  objects of ``key: value`` lines; an empty text in an optional field → absent.

Each change is a :class:`Note` (``path``, ``from``, ``to``, ``message`` such as
“20/06/2024 → ngày 20 tháng 6 năm 2024”) so the form can show how it understood the value.
Values that cannot be read are left as they are: validation then names them.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from vanban.model.problems import json_path
from vanban.vi.dates import NgayThang, dong_ngay
from vanban.vi.numbers import PLAIN_NUMBER as _PLAIN
from vanban.vi.numbers import THOUSANDS as _THOUSANDS
from vanban.vi.numbers import THOUSANDS_COMMA as _THOUSANDS_COMMA
from vanban.vi.numbers import read_number, so  # noqa: F401 — read_number re-exported


@dataclass(frozen=True, slots=True)
class Note:
    """One value read differently from how it was typed."""

    path: str
    before: Any
    after: Any
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "from": self.before, "to": self.after,
                "message": self.message}


# ------------------------------------------------------------------------ readers of values

_DMY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})")
_YMD = re.compile(r"(\d{4})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*(\d{1,2}))?")
_MY = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{4})")
_WORDS = re.compile(r"(?:ngày\s*(\d{1,2})\s*)?(?:tháng\s*(\d{1,2})\s*)?năm\s*(\d{4})")
_Y = re.compile(r"\d{4}")


def read_date(value: Any) -> str | None:
    """A date as typed → ISO (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``); ``None`` if unreadable."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = " ".join(value.strip().lower().split()).rstrip(".")
    parts: tuple[int, int | None, int | None] | None = None
    if m := _DMY.fullmatch(text):
        parts = (int(m[3]), int(m[2]), int(m[1]))
    elif m := _YMD.fullmatch(text):
        parts = (int(m[1]), int(m[2]), int(m[3]) if m[3] else None)
    elif m := _MY.fullmatch(text):
        parts = (int(m[2]), int(m[1]), None)
    elif m := _WORDS.fullmatch(text):
        if m[1] and not m[2]:
            return None
        parts = (int(m[3]), int(m[2]) if m[2] else None, int(m[1]) if m[1] else None)
    elif _Y.fullmatch(text):
        parts = (int(text), None, None)
    if parts is None:
        return None
    try:
        return str(NgayThang(*parts))
    except ValueError:
        return None


def read_time(value: Any) -> str | None:
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, dt.datetime):
        return f"{value.hour:02d}:{value.minute:02d}"
    if not isinstance(value, str):
        return None
    m = re.fullmatch(r"([01]?\d|2[0-3])\s*(?:[:h]|giờ)\s*([0-5]\d)?\s*(?:phút)?",
                     value.strip().lower())
    if m is None:
        return None
    return f"{int(m[1]):02d}:{m[2] or '00'}"


# read_number: vanban.vi.numbers (the reader problems.py uses too; imported above)


_YES = {"có", "co", "x", "true", "đúng", "dung", "yes", "1", "c"}
_NO = {"không", "khong", "false", "sai", "no", "0", "k"}


def read_flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower().rstrip(".")
        if word in _YES:
            return True
        if word in _NO:
            return False
    return None


def _fold(text: str) -> str:
    """Case, diacritics, spaces and a trailing dot do not matter when matching a choice."""
    text = unicodedata.normalize("NFD", text.strip().rstrip(".").strip().casefold())
    text = "".join(c for c in text if not unicodedata.combining(c)).replace("đ", "d")
    return " ".join(text.replace("_", " ").replace("-", " ").split())


def match_choice(value: str, choices: list[str], labels: dict[str, str] | None = None
                 ) -> str | None:
    """The choice ``value`` means (itself, any case, trailing dot, without diacritics, or its
    Vietnamese wording), or ``None``."""
    if value in choices:
        return value
    folded = _fold(value)
    for choice in choices:
        if _fold(choice) == folded or (labels and choice in labels and (
                _fold(labels[choice]) == folded
                or _fold(labels[choice].split("(")[0]) == folded)):
            return choice
    return None


def _number_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# ------------------------------------------------------------------------ the schema walk

class SchemaWalker:
    """Walks data along a JSON Schema (``$ref`` resolved against its ``$defs``); also used to
    lay out workbooks and to find stand-ins (:mod:`vanban.model.partial`)."""

    def __init__(self, root: dict[str, Any]):
        self.defs = root.get("$defs", {})
        self.notes: list[Note] = []

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        seen = 0
        while "$ref" in schema and seen < 50:
            name = schema["$ref"].rsplit("/", 1)[-1]
            merged = {**self.defs.get(name, {}), **{k: v for k, v in schema.items()
                                                    if k != "$ref"}}
            schema, seen = merged, seen + 1
        return schema

    def note(self, loc: tuple[Any, ...], before: Any, after: Any, message: str) -> None:
        self.notes.append(Note(json_path(loc), before, after, message))

    def variants(self, schema: dict[str, Any]) -> tuple[list[dict[str, Any]], bool]:
        """The non-null alternatives of a schema and whether null is allowed."""
        schema = self.resolve(schema)
        options = schema.get("anyOf") or schema.get("oneOf")
        if not options:
            nullable = schema.get("type") == "null"
            return ([] if nullable else [schema]), nullable
        out, nullable = [], False
        for option in options:
            option = self.resolve(option)
            if option.get("type") == "null":
                nullable = True
            else:
                # keep the outer hints (x-ngay …) on the alternative
                out.append({**{k: v for k, v in schema.items() if k.startswith("x-")},
                            **option})
        return out, nullable

    def walk(self, value: Any, schema: dict[str, Any], loc: tuple[Any, ...],
             parent: dict[str, Any] | None = None) -> Any:
        options, nullable = self.variants(schema)
        if value is None:
            return None
        if nullable and isinstance(value, str) and not value.strip():
            return None
        types = {o.get("type") for o in options}
        if isinstance(value, str) and "string" in types and types & {"number", "integer"}:
            number = read_number(value)  # a figure or a text such as "6-8"
            if number is not None and not _PLAIN.fullmatch(value.strip()) and \
                    not _THOUSANDS.fullmatch(value.strip()) and \
                    not _THOUSANDS_COMMA.fullmatch(value.strip()):
                number = None
            if number is not None:
                self.note(loc, value, number, f"“{value}” → số {so(number)}")
                return number
            return value
        for option in options:
            kind = option.get("type")
            if kind in ("number", "integer") and not isinstance(value, bool) and (
                    isinstance(value, str) or kind == "integer" and isinstance(value, float)):
                return self.number(value, kind, loc)
        if len(options) == 1 or not _fits(value, options):
            option = _pick(value, options)
            if option is not None:
                return self.one(value, option, loc, parent)
        for option in options:
            if _fits(value, [option]):
                return self.one(value, option, loc, parent)
        return value

    def number(self, value: Any, kind: str, loc: tuple[Any, ...]) -> Any:
        number = read_number(value)
        if number is None:
            return value
        if kind == "integer":
            if isinstance(number, float) and not number.is_integer():
                return value
            number = int(number)
        if isinstance(value, str):
            self.note(loc, value, number, f"“{value}” → số {so(number)}")
        return number

    def one(self, value: Any, schema: dict[str, Any], loc: tuple[Any, ...],
            parent: dict[str, Any] | None) -> Any:
        kind = schema.get("type")
        if kind == "object":
            return self.obj(value, schema, loc)
        if kind == "array":
            return self.array(value, schema, loc)
        if kind == "boolean":
            flag = read_flag(value)
            if flag is None or flag is value:
                return value
            self.note(loc, value, flag, f"“{value}” → {'có' if flag else 'không'}")
            return flag
        if kind in ("number", "integer"):
            return self.number(value, kind, loc)
        if kind == "string":
            return self.text(value, schema, loc, parent)
        return value

    def text(self, value: Any, schema: dict[str, Any], loc: tuple[Any, ...],
             parent: dict[str, Any] | None) -> Any:
        if schema.get("x-ngay"):
            iso = read_date(value)
            if iso is not None and iso != value:
                shown = dong_ngay(NgayThang.parse(iso, "")).replace("\u00a0" * 6, " … ")
                self.note(loc, _shown(value), iso, f"{_shown(value)} → {shown}")
                return iso
            return value
        if schema.get("x-gio"):
            time = read_time(value)
            if time is not None and time != value:
                self.note(loc, _shown(value), time, f"{_shown(value)} → {time}")
                return time
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            return _number_text(value)  # a number in a text field (an Excel cell): as text
        if not isinstance(value, str):
            return value
        choices = schema.get("enum")
        if choices is None and "const" in schema:
            choices = [schema["const"]]
        key_of = schema.get("x-khoa-cua")
        if key_of and isinstance(parent, dict) and isinstance(parent.get(key_of), dict):
            choices = list(parent[key_of])
        if choices:
            found = match_choice(value, [str(c) for c in choices], schema.get("x-nhan"))
            if found is not None and found != value:
                self.note(loc, value, found, f"“{value}” → {found}")
                return found
        return value

    def array(self, value: Any, schema: dict[str, Any], loc: tuple[Any, ...]) -> Any:
        items = schema.get("items", {})
        if isinstance(value, str):
            item_options, _ = self.variants(items)
            if item_options and all(o.get("type") in ("string", "number", "integer")
                                    for o in item_options):
                value = [line.strip() for line in value.splitlines() if line.strip()]
            else:
                return value
        if not isinstance(value, list):
            return value
        return [self.walk(item, items, (*loc, i)) for i, item in enumerate(value)]

    def obj(self, value: Any, schema: dict[str, Any], loc: tuple[Any, ...]) -> Any:
        extra = schema.get("additionalProperties")
        if isinstance(value, str) and isinstance(extra, dict):
            value = _key_lines(value, numeric=self.resolve(extra).get("type") == "number")
        if not isinstance(value, dict):
            return value
        props = schema.get("properties", {})
        required = set(schema.get("required", []))
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key in props:
                if isinstance(item, str) and not item.strip() and key not in required:
                    options, nullable = self.variants(props[key])
                    if nullable or not any(o.get("type") == "string" for o in options):
                        continue  # an empty optional field is an absent field
                out[key] = self.walk(item, props[key], (*loc, key), value)
            elif isinstance(extra, dict):
                out[key] = self.walk(item, extra, (*loc, key), value)
            else:
                out[key] = item  # unknown keys stay: validation names them
        return out


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def _key_lines(text: str, *, numeric: bool) -> dict[str, Any] | str:
    """``Tốt: 10`` lines → ``{"Tốt": "10"}`` (the values are read by the walk)."""
    out: dict[str, Any] = {}
    for line in text.splitlines():
        if not line.strip():
            continue
        key, sep, rest = line.rpartition(":") if numeric else line.partition(":")
        if not sep:
            return text
        out[key.strip()] = rest.strip()
    return out


def _fits(value: Any, options: list[dict[str, Any]]) -> bool:
    kinds = {o.get("type") for o in options}
    if isinstance(value, bool):
        return "boolean" in kinds
    if isinstance(value, int):
        return bool(kinds & {"integer", "number"})
    if isinstance(value, float):
        return "number" in kinds
    if isinstance(value, str):
        return "string" in kinds
    if isinstance(value, list):
        return "array" in kinds
    if isinstance(value, dict):
        return "object" in kinds
    return False


def _pick(value: Any, options: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The alternative a value of the wrong type was probably meant for."""
    order = {"object": 0, "array": 1, "boolean": 2, "integer": 3, "number": 4, "string": 5}
    if isinstance(value, dict | list):
        wanted = "object" if isinstance(value, dict) else "array"
        return next((o for o in options if o.get("type") == wanted), None)
    if not options:
        return None
    return sorted(options, key=lambda o: order.get(o.get("type", ""), 9))[0] \
        if not isinstance(value, str) else next(
            (o for o in options if o.get("type") in ("array", "object", "boolean", "integer",
                                                     "number")), options[0])


def normalise_with(schema: dict[str, Any], data: Any) -> tuple[Any, list[Note]]:
    """``data`` read against a JSON Schema (with its ``$defs``): the strict data and the
    notes of what changed."""
    walker = SchemaWalker(schema)
    out = walker.walk(data, schema, ())
    return out, walker.notes


# What a clerk typed for a template → (strict data, notes): ``TemplateSpec.normalise(data)``
# (the registry knows the template's schema; this module stays below it).


@functools.cache
def model_schema(model: type) -> dict[str, Any]:
    """A model's JSON Schema, built once per model (~20 ms for the largest); never mutated
    by its readers."""
    return model.model_json_schema()  # type: ignore[attr-defined]
