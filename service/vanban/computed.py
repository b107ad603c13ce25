"""``compute``: the figures a template computes (scores, ranks, totals) as JSON.

Generic over every template whose module has ``compute(envelope) -> dict`` (see
:class:`vanban.templates.TemplateModule`): the input is validated exactly as for rendering
(every problem at once, with paths), then the module computes. The document rendered from the
same input prints the same figures. Used by ``vanban compute``, ``vanban.compute`` and
``POST /api/v1/compute/<template_id>``.

The input is a whole envelope (``{"co_quan": …, "noi_dung": {…}}``, what ``render`` takes) or
the body alone — the scoring table, the ranking — i.e. what would be its ``noi_dung``: an
object without a ``noi_dung`` key is taken as the body, put in the template's example
envelope, and its problems are located from the body (``nhom[0].tieu_chi[0].tu_cham``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from vanban.errors import InputError, Problem, VanbanError, problem
from vanban.model import json_input
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


BODY = "noi_dung"


def _from_body(p: Problem) -> Problem:
    if p.path == BODY or p.path.startswith((f"{BODY}.", f"{BODY}[")):
        return replace(p, path=p.path[len(BODY):].lstrip("."))
    return p


def compute(template_id: str, data: Any) -> dict[str, Any]:
    """Validate ``data`` (dict, JSON text or bytes: a whole envelope, or the body alone) and
    return the template's computed figures.

    :raises UnknownTemplateError: no such template.
    :raises NotComputableError: the template computes nothing.
    :raises InputError: the input is invalid (every problem, with its JSON path).
    """
    spec = REGISTRY.get(template_id)
    if not spec.computes():
        raise NotComputableError(template_id, computable_templates())
    if isinstance(data, bytes | bytearray | str):
        data = json_input.loads(data)
    if isinstance(data, dict) and BODY not in data:  # the table alone
        try:
            envelope = validate(template_id, {**spec.example(), BODY: data})
        except InputError as exc:
            raise InputError([_from_body(p) for p in exc.problems]) from None
    else:
        envelope = validate(template_id, data)
    return spec.module.compute(envelope)
