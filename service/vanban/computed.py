"""``compute``: the figures a template computes (scores, ranks, totals) as JSON.

Generic over every template whose module has ``compute(envelope) -> dict`` (see
:class:`vanban.templates.TemplateModule`): the input is validated exactly as for rendering
(every problem at once, with paths), then the module computes. The document rendered from the
same input prints the same figures. Used by ``vanban compute``, ``vanban.compute`` and
``POST /api/v1/compute/<template_id>``.
"""

from __future__ import annotations

from typing import Any

from vanban.errors import VanbanError, problem
from vanban.pipeline import validate
from vanban.templates import REGISTRY


class NotComputableError(VanbanError):
    """The template exists but computes nothing."""

    status = 404
    title = "Mẫu văn bản này không có phần tính toán"

    def __init__(self, template_id: str, computable: list[str]):
        super().__init__(problem(
            "template.no-compute", "template_id",
            f"Mẫu “{template_id}” không tính điểm hay số liệu nào. Các mẫu có tính toán: "
            f"{', '.join(computable) or '(không có)'}.",
            f"template {template_id!r} computes nothing; computing templates: {computable}",
            computable=computable))


def computable_templates() -> list[str]:
    return sorted(s.id for s in REGISTRY.specs.values() if s.computes())


def compute(template_id: str, data: Any) -> dict[str, Any]:
    """Validate ``data`` (dict, JSON text or bytes) and return the template's computed figures.

    :raises UnknownTemplateError: no such template.
    :raises NotComputableError: the template computes nothing.
    :raises InputError: the input is invalid (every problem, with its JSON path).
    """
    spec = REGISTRY.get(template_id)
    if not spec.computes():
        raise NotComputableError(template_id, computable_templates())
    envelope = validate(template_id, data)
    return spec.module.compute(envelope)
