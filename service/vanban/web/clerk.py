"""The clerk's routes under ``/api/v1``: read what people type, Excel in and out, reopen.

* ``POST /normalise/<id>`` (JSON) → 200 ``{"data", "notes", "problems"}``: the input read
  leniently (:mod:`vanban.model.lenient`: ``20/06/2024``, ``8,5``, ``kt.`` …), how each
  changed value was understood, and *every* problem left (a type error in one field does not
  hide the rule errors of the others). The form calls it; the strict routes
  (``/documents``, ``/validate``) keep their strict JSON contract.
* ``POST /reopen`` (multipart ``file``: a .docx vanban made) → 200 ``{"template", "version",
  "data"}``, the input the document was made from (:mod:`vanban.render.embed`); 422
  ``reopen.not-vanban`` for another .docx. The upload limits of the format check apply.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, request

from vanban import pipeline
from vanban.errors import InputError, problem
from vanban.model import lenient
from vanban.render import embed
from vanban.templates import REGISTRY
from vanban.web import checks
from vanban.web.inputs import read_payload

bp = Blueprint("clerk", __name__, url_prefix="/api/v1")


def _object(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise InputError(problem("input.not-object", "",
                                 "Dữ liệu phải là một đối tượng JSON {…}.", "not a JSON object"))
    return data


def problems_of(template_id: str, data: Any) -> list[dict[str, Any]]:
    """Every problem of ``data`` (an empty list when it renders)."""
    try:
        pipeline.validate(template_id, data)
    except InputError as exc:
        return [p.to_dict() for p in exc.problems]
    return []


@bp.post("/normalise/<template_id>")
def normalise(template_id: str) -> dict[str, Any]:
    REGISTRY.get(template_id)
    data, notes = lenient.normalise(template_id, _object(read_payload(request)))
    return {"data": data, "notes": [n.to_dict() for n in notes],
            "problems": problems_of(template_id, data)}


@bp.post("/reopen")
def reopen() -> dict[str, Any]:
    upload = checks.read_upload(request)
    return embed.read(upload.data)
