"""Field types shared by every model: Vietnamese text that is NFC-normalised and XML-safe."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, ConfigDict, Strict
from pydantic_core import PydanticCustomError

from vanban.model.labels import annotate

#: Every model forbids unknown keys: a misspelt key is an error, never silently dropped. Its
#: JSON Schema carries Vietnamese labels and the form's hints (:mod:`vanban.model.labels`).
STRICT = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=False,
                    json_schema_extra=annotate)


#: Characters XML 1.0 forbids (C0 controls but tab/newline/return, surrogates, U+FFFE/F).
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    bad = _ILLEGAL.search(value)  # one C-level scan; the hot path of validation
    if bad:
        raise PydanticCustomError(
            "text.control-char",
            "Văn bản chứa ký tự điều khiển U+{code} ở vị trí {pos}; hãy xoá ký tự này.",
            # pydantic fills {name} placeholders but applies no format spec: pass text.
            {"code": f"{ord(bad.group()):04X}", "pos": bad.start() + 1},
        )
    return value


#: Free text: NFC, no XML-illegal characters.
Text = Annotated[str, AfterValidator(_xml_safe)]


def _non_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text.empty", "Không được để trống.")
    return value


#: Text that must not be empty or blank.
NonEmptyText = Annotated[str, AfterValidator(_xml_safe), AfterValidator(_non_blank)]


#: Numbers and flags exactly as the JSON Schema publishes them: ``"12"`` is not 12, ``0`` is
#: not false, ``1.0`` is not 1 (what the OpenAPI document promises is what is accepted).
Integer = Annotated[int, Strict()]
Flag = Annotated[bool, Strict()]
Number = Annotated[float, Strict()]
