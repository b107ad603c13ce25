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

import importlib
from typing import TYPE_CHECKING, Any

from vanban.version import __version__  # noqa: F401 — vanban.__version__

# ``vanban.render`` is also a subpackage, and importing a subpackage sets the package's
# attribute of its name: it is imported now (it is empty), so that the function below keeps
# the name ``render``.
importlib.import_module("vanban.render")

if TYPE_CHECKING:
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
    from vanban.templates import REGISTRY  # noqa: F401 — vanban.REGISTRY

__all__ = [
    "ConversionError", "InputError", "LimitError", "Problem", "Result", "TemplateError",
    "UnknownTemplateError", "VanbanError", "compute", "example", "list_templates", "render",
    "render_result", "schema", "validate",
]

#: Names this package offers from its modules, imported when first used (PEP 562): ``import
#: vanban`` costs next to nothing, and a command imports only what it runs (the program's
#: start, :mod:`vanban.program`, imports the rest with the garbage collector off).
_FROM = {**dict.fromkeys(("ConversionError", "InputError", "LimitError", "Problem",
                          "TemplateError", "UnknownTemplateError", "VanbanError"),
                         "vanban.errors"),
         "Result": "vanban.pipeline", "REGISTRY": "vanban.templates"}


def __getattr__(name: str) -> Any:
    """``vanban.InputError`` and the other names above, and submodules (``vanban.pipeline``)
    as attributes, each imported on first use."""
    if name in _FROM:
        value = getattr(importlib.import_module(_FROM[name]), name)
    elif name.startswith("_"):
        raise AttributeError(f"module 'vanban' has no attribute {name!r}")
    else:
        try:
            value = importlib.import_module(f"vanban.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"vanban.{name}":
                raise
            raise AttributeError(f"module 'vanban' has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_FROM})


def render(template_id: str, data: Any) -> bytes:
    """Render ``data`` (dict, JSON text or bytes) with a template; returns .docx bytes."""
    from vanban.pipeline import run

    return run(template_id, data).docx


def render_result(template_id: str, data: Any) -> Result:
    """Like :func:`render`, with what surrounds the document: ``.docx``, ``.envelope``,
    ``.context``, ``.ky_hieu`` and ``.filename`` (number, ký hiệu and abstract)."""
    from vanban.pipeline import run

    return run(template_id, data)


def validate(template_id: str, data: Any) -> None:
    """Check ``data`` against a template's contract; raises :class:`InputError` with every
    problem (``.problems``: code, JSON path, Vietnamese message)."""
    from vanban.pipeline import validate as check

    check(template_id, data)


def list_templates() -> list[dict[str, Any]]:
    """Every template's :meth:`~vanban.templates.TemplateSpec.info`, with ``overrides``: true
    for a folder on ``VANBAN_TEMPLATES_PATH`` that replaces the built-in of the same id."""
    from vanban.templates import REGISTRY

    return [REGISTRY.describe(tid) for tid in REGISTRY.specs]


def schema(template_id: str) -> dict[str, Any]:
    """JSON Schema (draft 2020-12) of a template's input."""
    from vanban.templates import REGISTRY

    spec = REGISTRY.get(template_id)
    out = spec.model.model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    out["title"] = spec.title
    return out


def example(template_id: str) -> dict[str, Any]:
    """A valid sample input for a template."""
    from vanban.templates import REGISTRY

    return REGISTRY.get(template_id).example()


def compute(template_id: str, data: Any) -> dict[str, Any]:
    """The figures a template computes (``bang-cham-diem``: scores; ``xep-hang-khoi-thi-dua``:
    ranks and proposals …) as JSON-ready data; the rendered document prints the same figures.
    Raises :class:`InputError` for invalid input, :class:`UnknownTemplateError`, or
    ``vanban.computed.NotComputableError`` when the template computes nothing."""
    from vanban.computed import compute as _compute

    return _compute(template_id, data)
