"""The one service function both blueprints call: JSON data → (bytes, media type, file name).

A thin layer over :func:`vanban.pipeline.run` (one pass: validated, built and rendered once):
the template is looked up first (404), the data is validated (422 with every problem),
rendered, and converted to PDF on request (503 when no converter is installed). The file name
comes from the validated envelope.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import vanban
from vanban import pipeline
from vanban.errors import InputError, problem
from vanban.templates import REGISTRY
from vanban.web.problems import RequestError

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_MIME = "application/pdf"
FORMATS = {"docx": DOCX_MIME, "pdf": PDF_MIME}


@dataclass(frozen=True, slots=True)
class Document:
    content: bytes
    mimetype: str
    filename: str


def check_format(fmt: str | None) -> str:
    """``None``/``docx``/``pdf`` (any case) → the format; otherwise a 400 problem."""
    chosen = (fmt or "docx").strip().lower()
    if chosen not in FORMATS:
        raise RequestError(400, problem(
            "request.format", "format",
            f"Định dạng “{fmt}” không hỗ trợ; chọn docx hoặc pdf.",
            f"unsupported format {fmt!r}; use docx or pdf", accepted=sorted(FORMATS)))
    return chosen


def _as_object(data: Any) -> dict[str, Any]:
    """Parsed JSON must be an object; a JSON *string* must not be re-read as JSON text."""
    if not isinstance(data, dict):
        raise InputError(problem("input.not-object", "",
                                 "Dữ liệu phải là một đối tượng JSON {…}.", "not a JSON object"))
    return data


def validate(template_id: str, data: Any) -> None:
    """Check parsed JSON ``data``; raises :class:`InputError` with every problem."""
    REGISTRY.get(template_id)
    vanban.validate(template_id, _as_object(data))


def render(template_id: str, data: Any, fmt: str = "docx") -> Document:
    """Render parsed JSON ``data`` with ``template_id`` as ``fmt`` (``docx`` or ``pdf``)."""
    fmt = check_format(fmt)
    data = _as_object(data)
    result = pipeline.run(template_id, data)
    content = result.docx
    if fmt == "pdf":
        from vanban.pdf import converter

        content = converter().convert(content)
    return Document(content, FORMATS[fmt], f"{result.stem}.{fmt}")
