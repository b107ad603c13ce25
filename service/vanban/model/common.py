"""Field types shared by every model: Vietnamese text that is NFC-normalised and XML-safe."""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, ConfigDict
from pydantic_core import PydanticCustomError

#: Every model forbids unknown keys: a misspelt key is an error, never silently dropped.
STRICT = ConfigDict(extra="forbid", str_strip_whitespace=False, frozen=False)


def _xml_safe(value: str) -> str:
    value = unicodedata.normalize("NFC", value)
    for pos, ch in enumerate(value):
        code = ord(ch)
        if (code < 0x20 and ch not in "\t\n\r") or code in (0xFFFE, 0xFFFF) or (
            0xD800 <= code <= 0xDFFF
        ):
            raise PydanticCustomError(
                "text.control-char",
                # formatted here: pydantic's {name} substitution knows no format spec (:04X)
                f"Văn bản chứa ký tự điều khiển U+{code:04X} ở vị trí {pos + 1}; hãy xoá ký tự "
                "này.",
                {"code": code, "pos": pos + 1},
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
