"""vanban — structured thi đua, khen thưởng data in, official-format Word documents out.

Public API::

    import vanban
    docx_bytes = vanban.render("bao-cao-thi-dua", data)   # data: dict, JSON str or bytes
    result = vanban.render_result("bao-cao-thi-dua", data)   # .docx, .filename, .ky_hieu …
    vanban.validate("bao-cao-thi-dua", data)              # raises vanban.InputError
    vanban.list_templates()                               # [{"id", "title", ...}]
    vanban.schema("bao-cao-thi-dua")                      # JSON Schema of the input
    vanban.compute("bang-cham-diem", data)                # computed figures (scores, ranks)
"""

from __future__ import annotations

from typing import Any

from vanban.errors import (
    ConversionError,
    InputError,
    LimitError,
    Problem,
    TemplateError,
    UnknownTemplateError,
    VanbanError,
)
from vanban.pipeline import Result
from vanban.pipeline import run as _run
from vanban.pipeline import validate as _validate
from vanban.templates import REGISTRY
from vanban.version import __version__  # noqa: F401 — vanban.__version__

__all__ = [
    "ConversionError", "InputError", "LimitError", "Problem", "Result", "TemplateError",
    "UnknownTemplateError", "VanbanError", "compute", "example", "list_templates", "render",
    "render_result", "schema", "validate",
]


def render(template_id: str, data: Any) -> bytes:
    """Render ``data`` (dict, JSON text or bytes) with a template; returns .docx bytes."""
    return _run(template_id, data).docx


def render_result(template_id: str, data: Any) -> Result:
    """Like :func:`render`, with what surrounds the document: ``.docx``, ``.envelope``,
    ``.context``, ``.ky_hieu`` and ``.filename`` (number, ký hiệu and abstract)."""
    return _run(template_id, data)


def validate(template_id: str, data: Any) -> None:
    """Check ``data`` against a template's contract; raises :class:`InputError` with every
    problem (``.problems``: code, JSON path, Vietnamese message)."""
    _validate(template_id, data)


def list_templates() -> list[dict[str, Any]]:
    """Every template's :meth:`~vanban.templates.TemplateSpec.info`, with ``overrides``: true
    for a folder on ``VANBAN_TEMPLATES_PATH`` that replaces the built-in of the same id."""
    return [REGISTRY.describe(tid) for tid in REGISTRY.specs]


def schema(template_id: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a template's input."""
    spec = REGISTRY.get(template_id)
    out = spec.model.model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["title"] = spec.title
    return out


def example(template_id: str) -> dict[str, Any]:
    """A valid sample input for a template."""
    return REGISTRY.get(template_id).example()


def compute(template_id: str, data: Any) -> dict[str, Any]:
    """The figures a template computes (``bang-cham-diem``: scores; ``xep-hang-khoi-thi-dua``:
    ranks and proposals …) as JSON-ready data; the rendered document prints the same figures.
    Raises :class:`InputError` for invalid input, :class:`UnknownTemplateError`, or
    ``vanban.computed.NotComputableError`` when the template computes nothing."""
    from vanban.computed import compute as _compute

    return _compute(template_id, data)
