"""Liveness (``/healthz``: the process answers) and readiness (``/readyz``: templates compiled,
PDF converter status reported). Not ready (no template at all) → 503; a broken template folder
is listed in ``problems`` while the others serve."""

from __future__ import annotations

from flask import Blueprint, current_app

from vanban.errors import VanbanError, problem
from vanban.pdf import converter
from vanban.templates import REGISTRY
from vanban.web.models import ConverterStatus, Health, Readiness, TemplatesStatus

bp = Blueprint("health", __name__)


@bp.get("/healthz")
def healthz() -> dict[str, str]:
    return Health().model_dump()


@bp.get("/readyz")
def readyz() -> tuple[dict, int]:
    pdf = ConverterStatus.model_validate(converter().status())
    try:
        compiled = REGISTRY.warm()
    except Exception as exc:  # any failure to load templates means "not ready"
        current_app.logger.exception("templates not ready")
        found = exc.problems if isinstance(exc, VanbanError) else [problem(
            "templates.unavailable", "templates", "Không nạp được các mẫu văn bản.",
            "templates could not be loaded (see the server log)")]
        body = Readiness(status="not-ready", pdf=pdf, problems=[p.to_dict() for p in found])
        return body.model_dump(exclude_none=True), 503
    status = TemplatesStatus(loaded=len(REGISTRY.specs), compiled=compiled)
    ready = status.loaded > 0
    broken = [p.to_dict() for p in REGISTRY.problems] or None  # reported, not fatal
    body = Readiness(status="ready" if ready else "not-ready", templates=status, pdf=pdf,
                     problems=broken)
    return body.model_dump(exclude_none=True), 200 if ready else 503
