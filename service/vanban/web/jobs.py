"""Batch jobs over HTTP (``/api/v1/jobs``), rendered by ``vanban worker`` processes via Redis.

* ``POST /api/v1/jobs/<template_id>[?format=pdf]`` — a JSON array of inputs → ``202`` with the
  job's status
  and ``Location``; 404 unknown template, 400 not an array, 413 over ``VANBAN_JOB_MAX_ITEMS`` or
  ``VANBAN_JOB_MAX_CONTENT_LENGTH``, 422 when items would not render (the first ten bad items,
  each problem's path starting with the item's index: ``[3].trich_yeu``), 503 no queue
  configured or reachable, or ``queue.full`` (``VANBAN_JOB_MAX_QUEUE_DEPTH``, Retry-After).
* ``GET /api/v1/jobs/<id>`` — ``{id, template, status, total, done, failed, progress, workers}``
  (``status``: queued, started, finished, failed), plus ``result`` once finished.
* ``GET /api/v1/jobs/<id>/result`` — the zip (one .docx or .pdf per item, ``errors.json`` for
  the others); 409 while the job runs.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Blueprint, Response, request, url_for

from vanban.batch.inputs import invalid_items
from vanban.config import get_settings
from vanban.errors import InputError, problem
from vanban.jobs import queue
from vanban.templates import REGISTRY
from vanban.web.documents import check_format
from vanban.web.inputs import read_payload
from vanban.web.problems import RequestError

bp = Blueprint("jobs", __name__, url_prefix="/api/v1/jobs")
_JOB_ID = re.compile(r"[0-9a-f]{32}")


def _with_links(state: dict[str, Any]) -> dict[str, Any]:
    state["self"] = url_for("jobs.job_status", id=state["id"])
    if state["status"] == "finished":
        state["result"] = url_for("jobs.job_result", id=state["id"])
    return state


def _job_id(job_id: str) -> str:
    if not _JOB_ID.fullmatch(job_id):
        raise queue.JobNotFound(problem("job.not-found", "id", f"Không có lô “{job_id}”.",
                                        f"no job {job_id!r}"))
    return job_id


# POST takes a template id and GET a job id at the same place (/api/v1/jobs/<id>), as the
# issue asks: one rule variable, ``id``, for both.
@bp.post("/<id>")
def submit(id: str) -> tuple[dict[str, Any], int, dict[str, str]]:  # noqa: A002
    template_id, settings = id, get_settings()
    REGISTRY.get(template_id)
    fmt = check_format(request.args.get("format"))
    request.max_content_length = settings.job_max_content_length
    items = read_payload(request)
    if not isinstance(items, list) or not items:
        raise RequestError(400, problem(
            "job.not-a-list", "", "Một lô là một mảng JSON [ … ] gồm ít nhất một văn bản.",
            "a job is a non-empty JSON array of inputs"))
    if len(items) > settings.job_max_items:
        raise RequestError(413, problem(
            "job.too-many", "", f"Lô có {len(items)} văn bản, vượt giới hạn "
            f"{settings.job_max_items}; hãy chia thành nhiều lô.",
            f"{len(items)} items exceed VANBAN_JOB_MAX_ITEMS={settings.job_max_items}",
            limit=settings.job_max_items), title="Lô quá lớn", slug="too-large")
    if not settings.redis_url:
        queue.connection(settings)  # 503 queue.unconfigured: say so before checking items
    bad = invalid_items(template_id, items)
    if bad:  # refused now, not found hours later by a worker
        raise InputError(bad)
    state = _with_links(queue.submit(template_id, items, fmt))
    return state, 202, {"Location": state["self"]}


@bp.get("/<id>")
def job_status(id: str) -> dict[str, Any]:  # noqa: A002
    return _with_links(queue.status(_job_id(id)))


@bp.get("/<id>/result")
def job_result(id: str) -> Response:  # noqa: A002
    job_id = _job_id(id)
    data = queue.result(job_id)
    response = Response(data, mimetype="application/zip")
    response.headers["Content-Disposition"] = f'attachment; filename="vanban-{job_id}.zip"'
    response.headers["Cache-Control"] = "no-store"
    return response
