"""The catalogue of error codes: every ``Problem.code`` vanban can report, with the HTTP problem
type it travels under, a Vietnamese and an English title and what to do.

The table is data, ``error_codes.toml`` next to this module, one line per code::

    "input.json" = {http = "malformed-request", vi = "…", en = "…", lam_gi = "…"}

``"area.*"`` entries stand for codes made at run time under that area (``input.<pydantic kind>``,
``http.<status>``, ``lint.<rule>``). :func:`vanban.errors.problem` refuses a code the table does
not list, ``vanban errors [--json]`` prints it, and the API docs page shows it. A new code is one
line here (``tools/build_error_catalogue.py`` drafts the lines for codes the source uses and the
table lacks; ``tests/test_error_codes.py`` fails until they are there).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class CodeEntry:
    code: str
    http: str
    """The problem type (``/api/v1/docs#problem-<http>``) the code usually travels under."""
    vi: str
    en: str
    lam_gi: str = ""
    """What to do, in Vietnamese."""

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "http": self.http, "vi": self.vi, "en": self.en,
                "lam_gi": self.lam_gi}


class UnlistedCode(ValueError):
    """A problem was made with a code the catalogue does not list (a programming error)."""


@cache
def _table() -> dict[str, Any]:
    text = (Path(__file__).parent / "error_codes.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def catalogue() -> dict[str, CodeEntry]:
    """code → entry, in the table's order."""
    return {code: CodeEntry(code, row["http"], row["vi"], row["en"], row.get("lam_gi", ""))
            for code, row in _table().items()}


def is_listed(code: str, table: Mapping[str, Any] | None = None) -> bool:
    """Is ``code`` in the table, itself or under an ``"area.*"`` entry?"""
    table = _table() if table is None else table
    if code in table:
        return True
    area = code.split(".", 1)[0]
    return "." in code and f"{area}.*" in table


def check(code: str) -> str:
    """``code`` if listed; else :class:`UnlistedCode` naming the file to add it to."""
    if not is_listed(code):
        raise UnlistedCode(f"error code {code!r} is not in vanban/error_codes.toml; add one "
                           "line there (tools/build_error_catalogue.py drafts it)")
    return code
